"""The months overview at the top of the timeline page: events per month, each a link to its section.

One row per month, earliest first, the month's name at the right edge and a bar as long as its count:
names stacked one under the other never collide, however many months there are and however narrow
the screen (on a phone the picture is shown about as wide as its viewBox).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ...facts.model import Event
from ..context import SiteContext
from .svg import EVENT_COLOUR, NARROW_WIDTH, SMALLEST, add, row_link, serialize, svg, text, text_width

ROW = 34
NAME = 15
"""Font size of the month names."""


class Month(Protocol):
    """What the overview needs of a month: its key and its events."""

    key: str
    """``YYYY-MM``."""
    events: list[Event]
    """The events that start in that month."""


def months_overview(context: SiteContext, months: Sequence[Month]) -> str:
    """Bars of events per month, top to bottom, each a link to ``#m-YYYY-MM`` on the same page."""
    width = NARROW_WIDTH
    names = [context.fmt.month(m.key) for m in months]
    name_room = max((text_width(n, NAME) for n in names), default=0.0) + 14
    bar_room = width - name_room - 44
    most = max((len(m.events) for m in months), default=1)
    root = svg(width, 8 + len(months) * ROW, "عدد الأحداث في كل شهر", "timeline-months", "fact-months-svg")
    for i, (view, name) in enumerate(zip(months, names, strict=True)):
        top = 4 + i * ROW
        count = context.fmt.num(len(view.events))
        # The accessible name holds the drawn name and count word for word (WCAG 2.5.3), then says more.
        words, link = row_link(root, f"#m-{view.key}",
                               f"{name} {count}: {context.fmt.events_phrase(len(view.events))}",
                               (0, top, width, ROW - 4), data_month=view.key)
        add(link, "title", f"{name}: {context.fmt.events_phrase(len(view.events))}")
        right = width - name_room
        bar = max(3.0, bar_room * len(view.events) / most)
        add(link, "rect", x=right - bar, y=float(top + 7), width=bar, height="16", rx="2", fill=EVENT_COLOUR,
            fill_opacity="0.75")
        text(words, width - 4, top + 21, name, "start", NAME, fill="currentColor")
        text(words, right - bar - 6, top + 21, count, "start", SMALLEST, fill="currentColor")
    return serialize(root)
