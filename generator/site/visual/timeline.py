"""One month of the timeline page, in two layouts.

Wide: a right-to-left day axis with one row per event; time runs from right to left, as Arabic is
read, so the month's first day is at the right edge. Narrow (phones): the dates down the right edge and
one row per event, its title wrapped over up to three lines. Each event is one link to its page.
"""

from __future__ import annotations

import calendar
import xml.etree.ElementTree as ET

from ...facts.model import Event
from ..context import SiteContext
from ..formatting import LABELS, MONTHS
from .svg import (
    EM_PER_CHAR,
    EVENT_COLOUR,
    GRID,
    MUTED,
    NARROW_WIDTH,
    SMALLEST,
    Scale,
    add,
    both,
    lines,
    row_link,
    shorten,
    svg,
    text,
    wrap,
)

WIDTH = 640
MARGIN = 20
AXIS_Y = 34
FIRST_ROW = 66
ROW = 46
TITLE = 15
"""Font size of the event titles (the dates and day numbers use ``SMALLEST``)."""
NARROW_AXIS = NARROW_WIDTH - 64
"""x of the narrow layout's vertical axis: the dates stand right of it, the titles left of it."""
NARROW_LINE = 20
NARROW_TITLE_LINES = 3


def month_picture(context: SiteContext, key: str, events: list[Event], here: str, part: int = 1,
                  parts: int = 1) -> str:
    """Both layouts of one month (``YYYY-MM``), or of one part of a month split into several pictures."""
    label = f"التسلسل الزمني: {context.fmt.month(key)}"
    if parts > 1:
        label += f" (الجزء {context.fmt.num(part)} من {context.fmt.num(parts)})"
    ident = f"timeline-{key}-{part}"
    return both(_wide(context, key, events, here, label, ident),
                _narrow(context, events, here, label, f"{ident}-narrow"))


def _details(context: SiteContext, event: Event) -> str:
    """The line under an event's title: its dates, its kind and, unless held, its status."""
    status = "" if event.status == "held" else f" · {LABELS['status'][event.status]}"
    return f"{context.fmt.date_range(event.date, event.end_date)} · {LABELS['event_kind'][event.kind]}{status}"


def _name(drawn: list[str], details: list[str], title: str) -> str:
    """The accessible name: the drawn text word for word (WCAG 2.5.3, label in name), then the whole
    title when the drawn one is shortened."""
    shown = " ".join(drawn)
    return " ".join([shown, *details]) + ("" if shown == title else f" — {title}")


# --- wide: a day axis -------------------------------------------------------------------------------

def _wide(context: SiteContext, key: str, events: list[Event], here: str, label: str, ident: str) -> ET.Element:
    year, month = (int(p) for p in key.split("-"))
    days = calendar.monthrange(year, month)[1]
    span = WIDTH - 2 * MARGIN

    def x_of(day: float) -> float:
        return WIDTH - MARGIN - (day - 0.5) * span / days

    height = FIRST_ROW + len(events) * ROW
    root = svg(WIDTH, height, label, ident, "fact-timeline-svg")
    _day_axis(context, root, days, x_of, height)
    # Every row's line down from its day, drawn before any row: a later row's line would cross earlier dots.
    drops = add(root, "g", class_="drops", aria_hidden="true")
    for row, event in enumerate(events):
        x = x_of(int(event.date[8:10]))
        add(drops, "line", x1=x, y1=float(AXIS_Y + 6), x2=x, y2=float(FIRST_ROW + row * ROW), stroke=GRID,
            stroke_width="1")
    for row, event in enumerate(events):
        _wide_row(context, root, event, key, x_of, FIRST_ROW + row * ROW, here)
    return root


def _day_axis(context: SiteContext, root: ET.Element, days: int, x_of: Scale, height: float) -> None:
    axis = add(root, "g", class_="axis", aria_hidden="true")
    left, right = MARGIN, WIDTH - MARGIN
    add(axis, "line", x1=float(left), y1=float(AXIS_Y), x2=float(right), y2=float(AXIS_Y), stroke=MUTED,
        stroke_width="1.5")
    # An arrowhead at the left end: time runs towards the left.
    add(axis, "path", d=f"M{left - 8} {AXIS_Y} l10 -5 v10 z", fill=MUTED)
    labelled = sorted({1, 5, 10, 15, 20, 25, days})
    for day in range(1, days + 1):
        x = x_of(day)
        tall = day in labelled
        add(axis, "line", x1=x, y1=float(AXIS_Y - (5 if tall else 3)), x2=x, y2=float(AXIS_Y + (5 if tall else 3)),
            stroke=MUTED, stroke_width="1")
        if tall:
            add(axis, "line", x1=x, y1=float(AXIS_Y + 6), x2=x, y2=float(height - 4), stroke=GRID,
                stroke_width="1", stroke_dasharray="2 4")
            text(axis, x, AXIS_Y - 10, context.fmt.num(day), "middle", SMALLEST, fill=MUTED)


def _wide_row(context: SiteContext, root: ET.Element, event: Event, key: str, x_of: Scale, y: float,
              here: str) -> None:
    x = x_of(int(event.date[8:10]))
    bar_end = end_x = x
    if event.end_date and event.end_date[:7] >= key:
        last = int(event.end_date[8:10]) if event.end_date[:7] == key else 31
        bar_end = end_x = x_of(min(last, calendar.monthrange(int(key[:4]), int(key[5:]))[1]))
    # Labels grow away from the nearer edge: rows in the month's first half read leftwards from the dot
    # (past the bar of a multi-day event), the others rightwards.
    if x >= WIDTH / 2:
        anchor, text_x = "start", bar_end - 12
        room = text_x - MARGIN
    else:
        anchor, text_x = "end", x + 12
        room = WIDTH - MARGIN - text_x
    details = _details(context, event)
    title = shorten(event.title, int(room / (TITLE * EM_PER_CHAR)))
    drawn = shorten(details, int(room / (SMALLEST * EM_PER_CHAR)))
    words, link = row_link(root, context.routes.relative_url(here, event), _name([title], [drawn], event.title),
                           (MARGIN, y - 16, WIDTH - 2 * MARGIN, ROW - 2), class_=f"event {event.status}",
                           data_event=event.id, data_date=event.date)
    text(words, text_x, y + 5, title, anchor, TITLE, fill="currentColor", class_="title")
    text(words, text_x, y + 22, drawn, anchor, SMALLEST, fill=MUTED, class_="date")
    add(link, "title", f"{event.title} — {details}")
    if end_x != x:
        add(link, "rect", x=end_x - 4.0, y=y - 4.0, width=x - end_x + 8.0, height="8", rx="4", fill=EVENT_COLOUR,
            fill_opacity="0.3")
    held = event.status == "held"
    add(link, "circle", cx=x, cy=y, r="6", fill=EVENT_COLOUR if held else "#ffffff", stroke=EVENT_COLOUR,
        stroke_width="2")


# --- narrow: one row per event, dates down the right edge -----------------------------------------

def _narrow(context: SiteContext, events: list[Event], here: str, label: str, ident: str) -> ET.Element:
    room = NARROW_AXIS - 14 - 4
    rows = []
    for event in events:
        title = wrap(event.title, int(room / (TITLE * EM_PER_CHAR)), NARROW_TITLE_LINES)
        details = wrap(_details(context, event), int(room / (SMALLEST * EM_PER_CHAR)), 2)
        rows.append((event, title, details, 14 + (len(title) + len(details)) * NARROW_LINE))
    height = 8 + sum(r[3] for r in rows)
    root = svg(NARROW_WIDTH, height, label, ident, "fact-timeline-svg")
    add(root, "line", x1=float(NARROW_AXIS), y1=4.0, x2=float(NARROW_AXIS), y2=height - 4.0, stroke=GRID,
        stroke_width="2", aria_hidden="true")
    top = 4.0
    for event, title, details, row_height in rows:
        _narrow_row(context, root, event, title, details, top, row_height, here)
        top += row_height
    return root


def _narrow_row(context: SiteContext, root: ET.Element, event: Event, title: list[str], details: list[str],
                top: float, height: float, here: str) -> None:
    first = top + 20
    day, month = int(event.date[8:10]), MONTHS[int(event.date[5:7]) - 1][0]
    # The date column, the day above its month; the details line under the title says the date in full.
    when = add(root, "g", aria_hidden="true", class_="day")
    text(when, NARROW_WIDTH - 4, first, context.fmt.num(day), "start", TITLE, fill="currentColor", font_weight="bold")
    text(when, NARROW_WIDTH - 4, first + NARROW_LINE, month, "start", SMALLEST, fill=MUTED)
    words, link = row_link(root, context.routes.relative_url(here, event), _name(title, details, event.title),
                           (0, top, NARROW_WIDTH, height - 4), class_=f"event {event.status}", data_event=event.id,
                           data_date=event.date)
    lines(words, NARROW_AXIS - 14, first, title, TITLE, NARROW_LINE, fill="currentColor", class_="title")
    lines(words, NARROW_AXIS - 14, first + len(title) * NARROW_LINE, details, SMALLEST, NARROW_LINE, fill=MUTED,
          class_="date")
    add(link, "title", f"{event.title} — {_details(context, event)}")
    held = event.status == "held"
    add(link, "circle", cx=float(NARROW_AXIS), cy=first - 5, r="6", fill=EVENT_COLOUR if held else "#ffffff",
        stroke=EVENT_COLOUR, stroke_width="2")
