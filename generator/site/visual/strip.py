"""An actor's small timeline on its page: its events and its quotes, in two layouts.

Wide: a right-to-left axis over the actor's dates, events above it and quotes below, markers of close
dates stacked in columns one tap target apart. Narrow (phones): the dates down the right edge and one
row per event or quote, earliest first, each event's title written out.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections import defaultdict

from ...facts.model import Actor, Event, Quote
from ..context import SiteContext
from ..formatting import LABELS, MONTHS
from .svg import (
    EM_PER_CHAR,
    EVENT_COLOUR,
    GRID,
    MUTED,
    NARROW_WIDTH,
    QUOTE_COLOUR,
    SMALLEST,
    TARGET,
    Scale,
    add,
    both,
    hit_area,
    lines,
    number,
    ordinal,
    row_link,
    shorten,
    svg,
    text,
    text_width,
    wrap,
)

WIDTH = 640
MARGIN = 24
STEP = TARGET
"""Distance between stacked markers and between columns: their tap targets touch but never overlap."""
STACK = 5
"""Markers stacked in one column before the rest are summed up as ``+n``."""
NARROW_MOST = 40
"""Rows of the narrow layout: an actor in hundreds of events gets its first 40 and a line saying how many
more the page's lists hold, not a picture thousands of pixels tall (and as many kilobytes)."""
TITLE = 14
NARROW_AXIS = NARROW_WIDTH - 64
NARROW_LINE = 20

Item = Event | Quote


def _when(thing: Item) -> str:
    return thing.date if isinstance(thing, Event) else thing.said_on


def actor_strip(context: SiteContext, actor: Actor, here: str) -> str:
    """Both layouts of the actor's timeline, or "" when it has neither events nor quotes."""
    items: list[Item] = [*actor.events, *actor.quotes]
    if not items:
        return ""
    items.sort(key=lambda thing: (_when(thing), isinstance(thing, Quote), thing.id))
    label = f"الخط الزمني لأحداث {actor.name} وأقواله"
    return both(_wide(context, actor, items, here, label), _narrow(context, actor, items, here, label))


def _quote_label(context: SiteContext, quote: Quote) -> str:
    return f"{LABELS['quote_kind'][quote.kind]}، {context.fmt.date_text(quote.said_on)}: {shorten(quote.text, 90)}"


def _event_marker(parent: ET.Element, event: Event, x: float, y: float) -> None:
    held = event.status == "held"
    add(parent, "circle", cx=x, cy=y, r="6", fill=EVENT_COLOUR if held else "#ffffff", stroke=EVENT_COLOUR,
        stroke_width="1.5")


def _quote_marker(parent: ET.Element, quote: Quote, x: float, y: float) -> None:
    direct = quote.kind == "direct"
    add(parent, "path", d=f"M{number(x)} {number(y - 7)} l7 7 l-7 7 l-7 -7 z",
        fill=QUOTE_COLOUR if direct else "#ffffff", stroke=QUOTE_COLOUR, stroke_width="1.5")


# --- wide: a date axis --------------------------------------------------------------------------------

def _wide(context: SiteContext, actor: Actor, items: list[Item], here: str, label: str) -> ET.Element:
    first, last = ordinal(_when(items[0])), ordinal(_when(items[-1]))
    if last - first < 6:  # a short span is widened so a single day is not stretched edge to edge
        first, last = first - (6 - (last - first)) // 2 - 1, last + (6 - (last - first) + 1) // 2 + 1

    def x_of(day: float) -> float:
        return WIDTH - MARGIN - (day - first) * (WIDTH - 2 * MARGIN) / max(last - first, 1)

    # Markers of close dates share a column, placed at the column's centre: columns, and so tap
    # targets, are then at least STEP apart.
    columns: dict[int, list[Item]] = defaultdict(list)
    for thing in items:
        columns[round(x_of(ordinal(_when(thing))) / STEP)].append(thing)
    above = max(sum(isinstance(t, Event) for t in c) for c in columns.values())
    below = max(sum(isinstance(t, Quote) for t in c) for c in columns.values())
    axis_y = 34 + min(above, STACK + 1) * STEP
    height = axis_y + 10 + min(below, STACK + 1) * STEP + 30
    root = svg(WIDTH, height, label, f"strip-{actor.id}", "fact-strip-svg")
    _axis(context, root, _when(items[0]), _when(items[-1]), first, last, x_of, axis_y, height)
    for column in sorted(columns):
        x = float(column * STEP)
        things = columns[column]
        _stack(context, root, [t for t in things if isinstance(t, Event)], x, axis_y, -1, here)
        _stack(context, root, [t for t in things if isinstance(t, Quote)], x, axis_y, 1, here)
    return root


def _axis(context: SiteContext, root: ET.Element, first_iso: str, last_iso: str, first: int, last: int,
          x_of: Scale, axis_y: float, height: float) -> None:
    axis = add(root, "g", class_="axis", aria_hidden="true")
    add(axis, "line", x1=float(MARGIN), y1=axis_y, x2=float(WIDTH - MARGIN), y2=axis_y, stroke=MUTED,
        stroke_width="1.5")
    add(axis, "path", d=f"M{MARGIN - 8} {number(axis_y)} l10 -5 v10 z", fill=MUTED)
    day = dt.date.fromordinal(first)
    month_starts = []
    cursor = dt.date(day.year, day.month, 1)
    while cursor.toordinal() <= last:
        month_starts.append(cursor)
        cursor = dt.date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)
    free_from = float(WIDTH)  # labels run leftwards from their month's start; none may overlap
    for start in month_starts:
        x = x_of(max(start.toordinal(), first))
        if start.toordinal() >= first:
            add(axis, "line", x1=x, y1=12.0, x2=x, y2=height - 24, stroke=GRID, stroke_width="1")
        name = context.fmt.month(start.isoformat())
        if x - 4 <= free_from and x - 4 - text_width(name, SMALLEST) >= 0:
            text(axis, x - 4, 18, name, "start", SMALLEST, fill=MUTED)
            free_from = x - 4 - text_width(name, SMALLEST) - 8
    text(axis, WIDTH - MARGIN, height - 10, context.fmt.date_text(first_iso), "start", SMALLEST, fill=MUTED)
    if last_iso != first_iso:
        text(axis, MARGIN, height - 10, context.fmt.date_text(last_iso), "end", SMALLEST, fill=MUTED)


def _stack(context: SiteContext, root: ET.Element, things: list[Item], x: float, axis_y: float, direction: int,
           here: str) -> None:
    for i, thing in enumerate(things[:STACK]):
        y = axis_y + direction * (STEP * 0.6 + i * STEP)
        if isinstance(thing, Event):
            label = f"{thing.title} — {context.fmt.date_text(thing.date)}"
            mark = add(root, "a", href=context.routes.relative_url(here, thing), class_="event", aria_label=label,
                       data_event=thing.id, data_date=thing.date)
            add(mark, "title", label)
            hit_area(mark, x, y)
            _event_marker(mark, thing, x, y)
        else:
            label = _quote_label(context, thing)
            # Not a link: the quote's block is further down this same page, and its links lead to the article.
            mark = add(root, "g", class_="quote", role="img", aria_label=label, data_quote=thing.id,
                       data_date=thing.said_on)
            add(mark, "title", label)
            _quote_marker(mark, thing, x, y)
    if len(things) > STACK:
        y = axis_y + direction * (STEP * 0.6 + STACK * STEP)
        # A left-to-right mark first: in right-to-left text "+3" would otherwise be drawn "3+".
        text(root, x, y + 5, f"\u200e+{context.fmt.num(len(things) - STACK)}", "middle", SMALLEST, fill=MUTED,
             class_="more")


# --- narrow: one row per event or quote, dates down the right edge ------------------------------------

def _narrow(context: SiteContext, actor: Actor, items: list[Item], here: str, label: str) -> ET.Element:
    room = NARROW_AXIS - 14 - 4
    rows = []
    year = ""
    for thing in items[:NARROW_MOST]:
        if isinstance(thing, Event):
            words = wrap(thing.title, int(room / (TITLE * EM_PER_CHAR)), 2)
        else:
            words = wrap(f"{LABELS['quote_kind'][thing.kind]}: {thing.text}", int(room / (SMALLEST * EM_PER_CHAR)), 2)
        # The date column: the day, the month under it, and the year under that where it changes.
        iso = _when(thing)
        date = [context.fmt.num(int(iso[8:10])), MONTHS[int(iso[5:7]) - 1][0]]
        if iso[:4] != year:
            date.append(context.fmt.num(iso[:4]))
            year = iso[:4]
        rows.append((thing, words, date, 12 + max(len(words), len(date)) * NARROW_LINE))
    rest = len(items) - len(rows)
    height = 8 + sum(r[3] for r in rows) + (30 if rest else 0)
    root = svg(NARROW_WIDTH, height, label, f"strip-{actor.id}-narrow", "fact-strip-svg")
    add(root, "line", x1=float(NARROW_AXIS), y1=4.0, x2=float(NARROW_AXIS), y2=height - 4.0, stroke=GRID,
        stroke_width="2", aria_hidden="true")
    top = 4.0
    for thing, words, date, row_height in rows:
        first = top + 20
        when = add(root, "g", aria_hidden="true", class_="day")
        for i, part in enumerate(date):
            text(when, NARROW_WIDTH - 4, first + i * NARROW_LINE, part, "start", TITLE if i == 0 else SMALLEST,
                 fill="currentColor" if i == 0 else MUTED, font_weight="bold" if i == 0 else None)
        if isinstance(thing, Event):
            name = " ".join(words)
            suffix = "" if name == thing.title else f" — {thing.title}"
            label, mark = row_link(root, context.routes.relative_url(here, thing),
                                   f"{name}{suffix} — {context.fmt.date_text(thing.date)}",
                                   (0, top, NARROW_WIDTH, row_height - 4), class_="event", data_event=thing.id,
                                   data_date=thing.date)
            add(mark, "title", f"{thing.title} — {context.fmt.date_text(thing.date)}")
            _event_marker(mark, thing, float(NARROW_AXIS), first - 5)
            lines(label, NARROW_AXIS - 14, first, words, TITLE, NARROW_LINE, fill="currentColor", class_="title")
        else:
            mark = add(root, "g", class_="quote", role="img", aria_label=_quote_label(context, thing),
                       data_quote=thing.id, data_date=thing.said_on)
            add(mark, "title", _quote_label(context, thing))
            _quote_marker(mark, thing, float(NARROW_AXIS), first - 5)
            lines(mark, NARROW_AXIS - 14, first, words, SMALLEST, NARROW_LINE, fill=MUTED, class_="quote-text")
        top += row_height
    if rest:
        text(root, NARROW_AXIS - 14, top + 20, f"و{context.fmt.num(rest)} غيرها في القوائم أدناه", "start", SMALLEST,
             fill=MUTED, class_="more")
    return root
