"""Pictures drawn at build time as inline SVG: the timeline, the who-met-whom graph, each actor's small timeline.

Nothing is fetched by the browser: the SVG sits in the page, its text takes the page's font, and every
event or actor in it is an ``<a href>`` to the page MkDocs serves for it. Elements are built with
xml.etree, whose serializer escapes every fact string. Layouts are deterministic (sorted input, no
randomness, no iteration to convergence) so the same facts give byte-identical pictures, and they cost
O(n log n) in events and actors: the main graph draws a bounded core grown from the most connected
actor (see ``most_connected``), and each actor's page draws that actor's own neighbourhood.

Time runs from right to left, as Arabic is read: the earliest date is at the right edge.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import heapq
import math
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from ...facts.model import Actor, Event, FactBase, Quote
from ..context import SiteContext
from ..formatting import LABELS

Scale = Callable[[float], float]
"""Date (day of month or ordinal) → x coordinate."""
SVG_NS = "http://www.w3.org/2000/svg"
KIND_COLOURS = {"person": "#3949ab", "institution": "#00897b", "state": "#e65100"}
"""Node fill per actor kind; the graph page's legend repeats them."""
EVENT_COLOUR = "#3949ab"
QUOTE_COLOUR = "#c2185b"
MUTED = "#6b6b6b"
GRID = "#d8d8e0"
HALO = {"stroke": "#ffffff", "stroke-width": "3", "stroke-linejoin": "round", "paint-order": "stroke"}
"""A white outline under text so labels stay readable where they cross lines."""

TIMELINE_WIDTH = 760
TIMELINE_MARGIN = 20
TIMELINE_AXIS_Y = 34
TIMELINE_FIRST_ROW = 66
TIMELINE_ROW = 44
NAME_CHARS = 30
"""Longest actor name drawn in a graph (the full name is in the link's tooltip and aria-label)."""
EM_PER_CHAR = 0.5
"""Generous average advance of one character, in ems: Arabic letters average about 0.4, Latin ones 0.55."""
GRAPH_FONT = 16
GRAPH_SQUEEZE = 0.8
"""Width of the graph's ring relative to its height: the labels beside the ring need the room."""
STRIP_WIDTH = 720
STRIP_STEP = 14
STRIP_STACK = 6
"""Markers stacked in one column of an actor's small timeline before the rest are summed up as ``+n``."""


# --- SVG helpers ----------------------------------------------------------------------------------

def _number(value: float) -> str:
    """A coordinate with at most one decimal: stable text, small files."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


@functools.cache
def _attribute_name(key: str) -> str:
    """Python keyword → SVG attribute: ``class_`` → ``class``, ``text_anchor`` → ``text-anchor``."""
    return key.rstrip("_").replace("_", "-")


def _attrs(attrs: dict[str, object]) -> dict[str, str]:
    return {_attribute_name(key): _number(value) if isinstance(value, float) else str(value)
            for key, value in attrs.items() if value is not None}


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: object) -> ET.Element:
    """A child element; ``class_`` → class, ``text_anchor`` → text-anchor, floats rounded."""
    element = ET.SubElement(parent, tag, _attrs(attrs))
    if text is not None:
        element.text = " ".join(text.split())
    return element


def _svg(width: float, height: float, label: str, ident: str, css: str) -> ET.Element:
    """Root element with a <title> naming the picture, right-to-left text and no fixed pixel size."""
    root = ET.Element("svg", _attrs({
        "xmlns": SVG_NS, "viewBox": f"0 0 {_number(width)} {_number(height)}", "width": float(width),
        "height": float(height), "class": css, "direction": "rtl", "role": "group",
        "aria-labelledby": f"{ident}-title", "id": ident,
    }))
    _add(root, "title", label, id=f"{ident}-title")
    return root


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attribute(value: str) -> str:
    # Line breaks and tabs as references: an XML parser would otherwise turn them into spaces.
    return (_escape_text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;")
            .replace("\t", "&#9;"))


def _serialize(root: ET.Element) -> str:
    """The element as XML text on one line, every text and attribute value escaped.

    One line because a blank line would end the raw HTML block that carries the SVG through Markdown.
    Written here rather than with ET.tostring, which spends most of its time on namespaces these
    pictures do not use: this is several times faster on the ten thousand actor pages of a big build.
    """
    out: list[str] = []
    _write(root, out)
    return "".join(out)


def _write(element: ET.Element, out: list[str]) -> None:
    attributes = "".join(f' {k}="{_escape_attribute(v)}"' for k, v in element.attrib.items())
    if element.text is None and not len(element):
        out.append(f"<{element.tag}{attributes}/>")
        return
    out.append(f"<{element.tag}{attributes}>")
    if element.text:
        out.append(_escape_text(element.text))
    for child in element:
        _write(child, out)
    out.append(f"</{element.tag}>")


def _text(parent: ET.Element, x: float, y: float, text: str, anchor: str, size: float, **attrs: object) -> None:
    _add(parent, "text", text, x=float(x), y=float(y), text_anchor=anchor, font_size=float(size),
         direction="rtl", **HALO, **attrs)


def text_width(text: str, size: float) -> float:
    """Estimated drawn width of ``text`` at font size ``size`` (no font metrics at build time)."""
    return len(text) * size * EM_PER_CHAR


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary with an ellipsis when longer than ``limit``."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit)
    return line[: cut if cut > limit // 2 else limit].rstrip("،,.:؛ ") + "…"


def _ordinal(iso: str) -> int:
    return dt.date.fromisoformat(iso).toordinal()


# --- the who-met-whom graph -----------------------------------------------------------------------

@dataclass
class MeetingGraph:
    """Actors joined by the events they both took part in (chair included), weighted by their number."""

    weights: dict[tuple[str, str], int]
    """(id, id) in sorted order → number of shared events."""
    neighbours: dict[str, dict[str, int]]
    """Actor id → neighbour id → number of shared events."""

    def weight(self, a: str, b: str) -> int:
        return self.neighbours.get(a, {}).get(b, 0)

    @cached_property
    def strength(self) -> dict[str, int]:
        """Actor id → shared events summed over all its neighbours."""
        return {a: sum(n.values()) for a, n in self.neighbours.items()}


def meeting_graph(base: FactBase) -> MeetingGraph:
    """The graph of shared events; costs the sum over events of (participants)²."""
    weights: dict[tuple[str, str], int] = defaultdict(int)
    for event in base.events_by_date():
        ids = sorted({a.id for a in event.people})
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                weights[(a, b)] += 1
    neighbours: dict[str, dict[str, int]] = defaultdict(dict)
    for (a, b), w in sorted(weights.items()):
        neighbours[a][b] = w
        neighbours[b][a] = w
    return MeetingGraph(dict(sorted(weights.items())), dict(neighbours))


def most_connected(graph: MeetingGraph, actors: list[Actor], limit: int) -> list[Actor]:
    """Up to ``limit`` actors for the main graph: the most connected one and the core grown around it.

    Taking the ``limit`` actors with the most shared events would, in a large sparse fact base, pick many
    who never met one another and draw them as isolated dots. Instead, starting from the actor with the
    most shared events, repeatedly add the actor sharing the most events with those already chosen (ties:
    the more connected overall, then by name); when none is linked to them, start again from the most
    connected actor left. A heap over the chosen actors' neighbours makes this O(d log d), d being the
    sum of their degrees: independent of the size of the fact base beyond the initial sort.
    """
    ranked = [a for a in actors if a.id in graph.neighbours]
    ranked.sort(key=lambda a: (-graph.strength[a.id], -len(graph.neighbours[a.id]), a.sort_key))
    rank = {a.id: i for i, a in enumerate(ranked)}
    chosen: list[Actor] = []
    taken: set[str] = set()
    ties: dict[str, int] = defaultdict(int)
    frontier: list[tuple[int, int, str]] = []
    next_start = iter(ranked)
    while len(chosen) < limit:
        actor = _best_on_frontier(frontier, ties, taken) or next((a.id for a in next_start if a.id not in taken), None)
        if actor is None:
            break
        chosen.append(ranked[rank[actor]])
        taken.add(actor)
        for partner, w in graph.neighbours[actor].items():
            if partner not in taken:
                ties[partner] += w
                heapq.heappush(frontier, (-ties[partner], rank[partner], partner))
    return chosen


def _best_on_frontier(frontier: list[tuple[int, int, str]], ties: dict[str, int], taken: set[str]) -> str | None:
    """The unchosen actor sharing the most events with the chosen ones; stale heap entries are skipped."""
    while frontier:
        weight, _, actor = heapq.heappop(frontier)
        if actor not in taken and -weight == ties[actor]:
            return actor
    return None


def chain_order(ranked: list[Actor], graph: MeetingGraph) -> list[Actor]:
    """Ranked actors reordered so that each sits beside its strongest partner: fewer long chords on the circle.

    Greedy: start with the first actor, then repeatedly take the unplaced actor sharing the most events
    with the last placed one (the best ranked on ties, or when none does). O(n²) weight look-ups for n
    actors, whatever their degrees: a hub met by thousands costs no more than anyone else.
    """
    remaining = list(ranked)
    order: list[Actor] = []
    while remaining:
        last = order[-1].id if order else None
        # max() keeps the first of equals, and remaining stays in rank order: ties go to the best ranked.
        best = max(remaining, key=lambda a: graph.weight(last, a.id) if last else 0)
        order.append(best)
        remaining.remove(best)
    return order


def ring_positions(count: int, cx: float, cy: float, radius: float,
                   squeeze: float = 1.0) -> list[tuple[float, float, int]]:
    """(x, y, side) of ``count`` nodes round an ellipse, spaced evenly in height rather than in angle.

    The first half goes down the right side, the rest up the left side; side is +1 (right) or -1. Even
    vertical spacing keeps horizontal labels from overlapping even at the top and bottom of the ring;
    ``squeeze`` < 1 narrows the ring so that the labels beside it get the width.
    """
    right = (count + 1) // 2
    out = []
    for i in range(count):
        side, index, total = (1, i, right) if i < right else (-1, count - 1 - i, count - right)
        y = cy - radius + (index + 0.5) * 2 * radius / total
        x = cx + side * squeeze * math.sqrt(max(radius * radius - (y - cy) ** 2, 0.0))
        out.append((x, y, side))
    return out


# --- the renderer-facing object --------------------------------------------------------------------

@dataclass(frozen=True)
class MonthView:
    """One month of the timeline: its events and the SVG pictures that draw them."""

    key: str
    """``YYYY-MM``."""
    events: list[Event] = field(repr=False)
    pictures: list[str] = field(repr=False)


class Visuals:
    """Draws every picture of one build; the templates reach it as ``visuals``."""

    def __init__(self, context: SiteContext) -> None:
        self.base = context.base
        self.settings = context.settings
        self.fmt = context.fmt
        self.routes = context.routes

    @cached_property
    def graph(self) -> MeetingGraph:
        return meeting_graph(self.base)

    # --- the timeline page ------------------------------------------------------------------------

    def months(self, here: str) -> list[MonthView]:
        """Events grouped by the month they start in, each month drawn in pictures of at most N rows."""
        grouped: dict[str, list[Event]] = {}
        for event in self.base.events_by_date():
            grouped.setdefault(event.date[:7], []).append(event)
        per = max(1, self.settings.timeline_rows)
        views = []
        for key, events in grouped.items():
            chunks = [events[i:i + per] for i in range(0, len(events), per)]
            pictures = [self.month_svg(key, chunk, here, part, len(chunks)) for part, chunk in
                        enumerate(chunks, 1)]
            views.append(MonthView(key, events, pictures))
        return views

    def month_svg(self, key: str, events: list[Event], here: str, part: int = 1, parts: int = 1) -> str:
        """One month as a right-to-left day axis with one row per event, each row a link to its page."""
        year, month = (int(p) for p in key.split("-"))
        days = calendar.monthrange(year, month)[1]
        width, margin = TIMELINE_WIDTH, TIMELINE_MARGIN
        span = width - 2 * margin

        def x_of(day: float) -> float:
            return width - margin - (day - 0.5) * span / days

        height = TIMELINE_FIRST_ROW + len(events) * TIMELINE_ROW
        label = f"التسلسل الزمني: {self.fmt.month(key)}"
        if parts > 1:
            label += f" (الجزء {self.fmt.num(part)} من {self.fmt.num(parts)})"
        root = _svg(width, height, label, f"timeline-{key}-{part}", "fact-timeline-svg")
        self._day_axis(root, days, x_of, height)
        for row, event in enumerate(events):
            y = TIMELINE_FIRST_ROW + row * TIMELINE_ROW
            self._timeline_row(root, event, key, x_of, y, here)
        return _serialize(root)

    def _day_axis(self, root: ET.Element, days: int, x_of: Scale, height: float) -> None:
        axis = _add(root, "g", class_="axis", aria_hidden="true")
        left, right = TIMELINE_MARGIN, TIMELINE_WIDTH - TIMELINE_MARGIN
        _add(axis, "line", x1=float(left), y1=float(TIMELINE_AXIS_Y), x2=float(right), y2=float(TIMELINE_AXIS_Y),
             stroke=MUTED, stroke_width="1.5")
        # An arrowhead at the left end: time runs towards the left.
        _add(axis, "path", d=f"M{left - 8} {TIMELINE_AXIS_Y} l10 -5 v10 z", fill=MUTED)
        labelled = sorted({1, 5, 10, 15, 20, 25, days})
        for day in range(1, days + 1):
            x = x_of(day)
            tall = day in labelled
            _add(axis, "line", x1=x, y1=float(TIMELINE_AXIS_Y - (5 if tall else 3)), x2=x,
                 y2=float(TIMELINE_AXIS_Y + (5 if tall else 3)), stroke=MUTED, stroke_width="1")
            if tall:
                _add(axis, "line", x1=x, y1=float(TIMELINE_AXIS_Y + 6), x2=x, y2=float(height - 4), stroke=GRID,
                     stroke_width="1", stroke_dasharray="2 4")
                _text(axis, x, TIMELINE_AXIS_Y - 10, self.fmt.num(day), "middle", 12, fill=MUTED)

    def _timeline_row(self, root: ET.Element, event: Event, key: str, x_of: Scale, y: float, here: str) -> None:
        day = int(event.date[8:10])
        x = x_of(day)
        _add(root, "line", x1=x, y1=float(TIMELINE_AXIS_Y + 6), x2=x, y2=y, stroke=GRID, stroke_width="1")
        when = self.span_text(event)
        kind = LABELS["event_kind"][event.kind]
        status = "" if event.status == "held" else f" · {LABELS['status'][event.status]}"
        link = _add(root, "a", href=self.routes.relative_url(here, event), class_=f"event {event.status}",
                    data_event=event.id, data_date=event.date)
        _add(link, "title", f"{event.title} — {when} · {kind}{status}")
        if event.end_date and event.end_date[:7] >= key:
            last = int(event.end_date[8:10]) if event.end_date[:7] == key else 31
            end_x = x_of(min(last, calendar.monthrange(int(key[:4]), int(key[5:]))[1]))
            _add(link, "rect", x=end_x - 4.0, y=y - 4.0, width=x - end_x + 8.0, height="8", rx="4",
                 fill=EVENT_COLOUR, fill_opacity="0.3")
            bar_end = end_x
        else:
            bar_end = x
        held = event.status == "held"
        _add(link, "circle", cx=x, cy=y, r="6", fill=EVENT_COLOUR if held else "#ffffff", stroke=EVENT_COLOUR,
             stroke_width="2")
        # Labels grow away from the nearer edge: rows in the month's first half read leftwards from the dot
        # (past the bar of a multi-day event), the others rightwards.
        if x >= TIMELINE_WIDTH / 2:
            anchor, text_x = "start", bar_end - 12
            room = text_x - TIMELINE_MARGIN
        else:
            anchor, text_x = "end", x + 12
            room = TIMELINE_WIDTH - TIMELINE_MARGIN - text_x
        title = shorten(event.title, int(room / (14 * EM_PER_CHAR)))
        details = f"{when} · {kind}{status}"
        # The accessible name holds the visible text word for word (WCAG 2.5.3, label in name), then the
        # whole title when the drawn one is shortened.
        link.set("aria-label", f"{title} {details}" + ("" if title == event.title else f" — {event.title}"))
        _text(link, text_x, y + 5, title, anchor, 14, fill="currentColor", class_="title")
        _text(link, text_x, y + 21, details, anchor, 11.5, fill=MUTED, class_="date")

    def events_phrase(self, count: int) -> str:
        """``count`` events in Arabic, in the configured digits."""
        return self.fmt.events_phrase(count)

    def span_text(self, event: Event) -> str:
        """``4 يناير/كانون الثاني 2022``, or ``4–6 يناير/…`` for an event over several days of one month."""
        return self.fmt.date_range(event.date, event.end_date)

    def months_overview(self, months: list[MonthView]) -> str:
        """Bars of events per month, right to left, each a link to that month's section of the page."""
        width, margin, bar_top, bar_height = TIMELINE_WIDTH, TIMELINE_MARGIN, 24, 60
        slot = min(120.0, (width - 2 * margin) / max(len(months), 1))
        most = max((len(m.events) for m in months), default=1)
        every = max(1, math.ceil(90 / slot))  # a label every n months when months are narrow
        root = _svg(width, bar_top + bar_height + 30, "عدد الأحداث في كل شهر", "timeline-months",
                    "fact-months-svg")
        for i, view in enumerate(months):
            right = width - margin - i * slot
            h = max(3.0, bar_height * len(view.events) / most)
            name = self.fmt.month(view.key)
            count = self.fmt.num(len(view.events))
            label = f"{name}: {self.events_phrase(len(view.events))}"
            link = _add(root, "a", href=f"#m-{view.key}", aria_label=label, data_month=view.key)
            _add(link, "title", label)
            _add(link, "rect", x=right - slot + 3, y=bar_top + bar_height - h, width=max(slot - 6, 1.0),
                 height=h, fill=EVENT_COLOUR, fill_opacity="0.75", rx="2")
            centre = right - slot / 2
            if i % every == 0:
                _text(link, centre, bar_top + bar_height - h - 5, count, "middle", 12, fill="currentColor")
                _text(link, centre, bar_top + bar_height + 18, name, "middle", 12, fill=MUTED)
        return _serialize(root)

    # --- the graph page ---------------------------------------------------------------------------

    def main_graph(self, here: str) -> tuple[str, list[Actor], list[tuple[Actor, Actor, int]]]:
        """The SVG of the most connected actors, those actors, and the edges between them (heaviest first)."""
        shown = most_connected(self.graph, self.base.actors_by_name(), self.settings.graph_actors)
        edges = self._edges_among(shown)
        if not shown:
            return "", [], []
        order = chain_order(shown, self.graph)
        radius = max(150.0, len(order) * 6.2)  # about 25 px between neighbours on each side
        label_room = max(text_width(shorten(a.name, NAME_CHARS), GRAPH_FONT) for a in order) + 24
        width = 2 * (GRAPH_SQUEEZE * radius + label_room + 12)
        height = 2 * radius + 50
        root = _svg(width, height, "من التقى بمن: الفاعلون والأحداث المشتركة بينهم", "meeting-graph",
                    "fact-graph-svg")
        ring = ring_positions(len(order), width / 2, height / 2, radius, GRAPH_SQUEEZE)
        positions = {a.id: (x, y, side) for a, (x, y, side) in zip(order, ring, strict=True)}
        self._draw_edges(root, edges, positions, width / 2, height / 2)
        top = max(self.graph.strength[a.id] for a in order)
        for actor in order:
            x, y, side = positions[actor.id]
            size = 4 + 7 * math.sqrt(self.graph.strength[actor.id] / top)
            self._node(root, actor, x, y, side, size, here)
        return _serialize(root), shown, edges

    def _edges_among(self, actors: list[Actor]) -> list[tuple[Actor, Actor, int]]:
        by_id = {a.id: a for a in actors}
        edges = []
        for a in sorted(by_id):
            for b, w in self.graph.neighbours.get(a, {}).items():
                if a < b and b in by_id:
                    edges.append((by_id[a], by_id[b], w))
        edges.sort(key=lambda e: (-e[2], e[0].sort_key, e[1].sort_key))
        return edges

    def _draw_edges(self, root: ET.Element, edges: list[tuple[Actor, Actor, int]],
                    positions: dict[str, tuple[float, float, int]], cx: float, cy: float) -> None:
        group = _add(root, "g", class_="edges", fill="none")
        heaviest = max((w for _, _, w in edges), default=1)
        # Light edges first so heavy ones are drawn on top.
        for a, b, w in sorted(edges, key=lambda e: (e[2], e[0].id, e[1].id)):
            (x1, y1, _), (x2, y2, _) = positions[a.id], positions[b.id]
            # A chord bent towards the centre keeps edges off the labels outside the ring.
            qx, qy = cx + ((x1 + x2) / 2 - cx) * 0.35, cy + ((y1 + y2) / 2 - cy) * 0.35
            share = (w - 1) / (heaviest - 1) if heaviest > 1 else 1.0
            path = _add(group, "path", d=f"M{_number(x1)} {_number(y1)} Q{_number(qx)} {_number(qy)} "
                        f"{_number(x2)} {_number(y2)}", stroke="#5c6bc0", stroke_width=1 + 5 * share,
                        stroke_opacity=0.3 + 0.5 * share, class_="edge", data_source=a.id, data_target=b.id,
                        data_weight=w)
            _add(path, "title", f"{a.name} و{b.name}: {self.events_phrase(w)} معًا")

    def _node(self, root: ET.Element, actor: Actor, x: float, y: float, side: int, size: float, here: str) -> None:
        partners = len(self.graph.neighbours.get(actor.id, {}))
        summary = (f"{actor.name} ({LABELS['actor_kind'][actor.kind]}): {self.events_phrase(len(actor.events))}، "
                   f"مع {self.fmt.num(partners)} من الفاعلين")
        link = _add(root, "a", href=self.routes.relative_url(here, actor), class_=f"node {actor.kind}",
                    aria_label=summary, data_actor=actor.id)
        _add(link, "title", summary)
        _add(link, "circle", cx=x, cy=y, r=float(size), fill=KIND_COLOURS[actor.kind], stroke="#ffffff",
             stroke_width="1.5")
        # Right-hand nodes label to their right, left-hand ones to their left: labels stay outside the ring.
        name = shorten(actor.name, NAME_CHARS)
        if side > 0:
            _text(link, x + size + 5, y + 5, name, "end", GRAPH_FONT, fill="currentColor")
        elif side < 0:
            _text(link, x - size - 5, y + 5, name, "start", GRAPH_FONT, fill="currentColor")
        else:
            _text(link, x, y + size + 18, actor.name, "middle", GRAPH_FONT, fill="currentColor", font_weight="bold")

    # --- actor pages ------------------------------------------------------------------------------

    def neighbours_of(self, actor: Actor) -> list[tuple[Actor, int]]:
        """The actor's partners with their shared-event counts, most shared first."""
        partners = [(self.base.actors[b], w) for b, w in self.graph.neighbours.get(actor.id, {}).items()]
        partners.sort(key=lambda p: (-p[1], p[0].sort_key))
        return partners

    def neighbourhood(self, actor: Actor, here: str) -> str:
        """The actor in the centre, its closest partners round it; spokes weighted by shared events."""
        partners = self.neighbours_of(actor)[: self.settings.neighbours]
        if not partners:
            return ""
        ranked = [p for p, _ in partners]
        order = chain_order(ranked, self.graph)
        radius = max(110.0, len(order) * 13.0)
        label_room = max(text_width(shorten(a.name, NAME_CHARS), GRAPH_FONT) for a in order) + 20
        width = 2 * (radius + max(label_room, text_width(actor.name, GRAPH_FONT) / 2 - radius) + 12)
        height = 2 * radius + 40
        cx, cy = width / 2, height / 2
        root = _svg(width, height, f"الفاعلون الذين شاركوا {actor.name} في أحداث", f"neighbours-{actor.id}",
                    "fact-graph-svg fact-neighbours-svg")
        ring = ring_positions(len(order), cx, cy, radius)
        positions = {a.id: (x, y, side) for a, (x, y, side) in zip(order, ring, strict=True)}
        positions[actor.id] = (cx, cy, 0)
        around = [(a, b, self.graph.weight(a.id, b.id)) for i, a in enumerate(order) for b in order[i + 1:]]
        self._draw_edges(root, [(a, b, w) for a, b, w in around if w], positions, cx, cy)
        spokes = _add(root, "g", class_="spokes")
        heaviest = partners[0][1]
        for partner, w in partners:
            x, y, _ = positions[partner.id]
            share = (w - 1) / (heaviest - 1) if heaviest > 1 else 1.0
            line = _add(spokes, "line", x1=cx, y1=cy, x2=x, y2=y, stroke="#3949ab", stroke_width=1.5 + 4 * share,
                        stroke_opacity="0.6", class_="edge", data_source=actor.id, data_target=partner.id,
                        data_weight=w)
            _add(line, "title", f"{actor.name} و{partner.name}: {self.events_phrase(w)} معًا")
            bx, by = cx + (x - cx) * 0.62, cy + (y - cy) * 0.62
            _add(spokes, "circle", cx=bx, cy=by, r="9", fill="#ffffff", stroke="#3949ab", stroke_width="1")
            _text(spokes, bx, by + 4, self.fmt.num(w), "middle", 11, fill="currentColor", aria_hidden="true")
        for partner in order:
            x, y, side = positions[partner.id]
            self._node(root, partner, x, y, side, 7.0, here)
        self._node(root, actor, cx, cy, 0, 11.0, here)
        return _serialize(root)

    def actor_strip(self, actor: Actor, here: str) -> str:
        """A small right-to-left timeline: the actor's events above the axis, its quotes below."""
        items: list[tuple[str, Event | Quote]] = [(e.date, e) for e in actor.events]
        items += [(q.said_on, q) for q in actor.quotes]
        if not items:
            return ""
        items.sort(key=lambda item: (item[0], isinstance(item[1], Quote), item[1].id))
        first, last = _ordinal(items[0][0]), _ordinal(items[-1][0])
        if last - first < 6:  # a short span is widened so a single day is not stretched edge to edge
            first, last = first - (6 - (last - first)) // 2 - 1, last + (6 - (last - first) + 1) // 2 + 1
        width, margin = STRIP_WIDTH, 24

        def x_of(ordinal: int) -> float:
            return width - margin - (ordinal - first) * (width - 2 * margin) / max(last - first, 1)

        columns = _stack_columns([(x_of(_ordinal(d)), thing) for d, thing in items])
        above = max((len([t for t in c if isinstance(t, Event)]) for c in columns.values()), default=0)
        below = max((len([t for t in c if isinstance(t, Quote)]) for c in columns.values()), default=0)
        axis_y = 30 + min(above, STRIP_STACK + 1) * STRIP_STEP
        height = axis_y + 14 + min(below, STRIP_STACK + 1) * STRIP_STEP + 30
        root = _svg(width, height, f"الخط الزمني لأحداث {actor.name} وأقواله", f"strip-{actor.id}",
                    "fact-strip-svg")
        self._strip_axis(root, items[0][0], items[-1][0], first, last, x_of, axis_y, height)
        for column in sorted(columns):
            things = columns[column]
            self._strip_stack(root, [t for t in things if isinstance(t, Event)], x_of, axis_y, -1, here)
            self._strip_stack(root, [t for t in things if isinstance(t, Quote)], x_of, axis_y, 1, here)
        return _serialize(root)

    def _strip_axis(self, root: ET.Element, first_iso: str, last_iso: str, first: int, last: int, x_of: Scale,
                    axis_y: float, height: float) -> None:
        axis = _add(root, "g", class_="axis", aria_hidden="true")
        _add(axis, "line", x1=24.0, y1=axis_y, x2=float(STRIP_WIDTH - 24), y2=axis_y, stroke=MUTED, stroke_width="1.5")
        _add(axis, "path", d=f"M16 {_number(axis_y)} l10 -5 v10 z", fill=MUTED)
        day = dt.date.fromordinal(first)
        month_starts = []
        cursor = dt.date(day.year, day.month, 1)
        while cursor.toordinal() <= last:
            month_starts.append(cursor)
            cursor = dt.date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)
        free_from = float(STRIP_WIDTH)  # labels run leftwards from their month's start; none may overlap
        for start in month_starts:
            x = x_of(max(start.toordinal(), first))
            if start.toordinal() >= first:
                _add(axis, "line", x1=x, y1=12.0, x2=x, y2=height - 20, stroke=GRID, stroke_width="1")
            label = self.fmt.month(start.isoformat())
            if x - 4 <= free_from and x - 4 - text_width(label, 11) >= 0:
                _text(axis, x - 4, 14, label, "start", 11, fill=MUTED)
                free_from = x - 4 - text_width(label, 11) - 8
        _text(axis, STRIP_WIDTH - 24, height - 10, self.fmt.date_text(first_iso), "start", 11, fill=MUTED)
        if last_iso != first_iso:
            _text(axis, 24, height - 10, self.fmt.date_text(last_iso), "end", 11, fill=MUTED)

    def _strip_stack(self, root: ET.Element, things: list[Event | Quote], x_of: Scale, axis_y: float,
                     direction: int, here: str) -> None:
        for i, thing in enumerate(things[:STRIP_STACK]):
            iso = thing.date if isinstance(thing, Event) else thing.said_on
            x = x_of(_ordinal(iso))
            y = axis_y + direction * (12 + i * STRIP_STEP)
            if isinstance(thing, Event):
                self._strip_event(root, thing, x, y, here)
            else:
                self._strip_quote(root, thing, x, y)
        if len(things) > STRIP_STACK:
            iso = things[STRIP_STACK].date if isinstance(things[STRIP_STACK], Event) else things[STRIP_STACK].said_on
            y = axis_y + direction * (12 + STRIP_STACK * STRIP_STEP)
            _text(root, x_of(_ordinal(iso)), y + 4, f"+{self.fmt.num(len(things) - STRIP_STACK)}",
                  "middle", 11, fill=MUTED, class_="more")

    def _strip_event(self, root: ET.Element, event: Event, x: float, y: float, here: str) -> None:
        label = f"{event.title} — {self.fmt.date_text(event.date)}"
        link = _add(root, "a", href=self.routes.relative_url(here, event), class_="event", aria_label=label,
                    data_event=event.id, data_date=event.date)
        _add(link, "title", label)
        held = event.status == "held"
        _add(link, "circle", cx=x, cy=y, r="5.5", fill=EVENT_COLOUR if held else "#ffffff", stroke=EVENT_COLOUR,
             stroke_width="1.5")

    def _strip_quote(self, root: ET.Element, quote: Quote, x: float, y: float) -> None:
        when = self.fmt.date_text(quote.said_on)
        label = f"{LABELS['quote_kind'][quote.kind]}، {when}: {shorten(quote.text, 90)}"
        # Not a link: the quote's block is further down this same page, and its links lead to the article.
        mark = _add(root, "g", class_="quote", role="img", aria_label=label, data_quote=quote.id,
                    data_date=quote.said_on)
        _add(mark, "title", label)
        direct = quote.kind == "direct"
        _add(mark, "path", d=f"M{_number(x)} {_number(y - 6)} l6 6 l-6 6 l-6 -6 z",
             fill=QUOTE_COLOUR if direct else "#ffffff", stroke=QUOTE_COLOUR, stroke_width="1.5")


def _stack_columns(placed: list[tuple[float, Event | Quote]]) -> dict[int, list[Event | Quote]]:
    """Markers grouped into 12-pixel columns so that close dates stack instead of overlapping."""
    columns: dict[int, list[Event | Quote]] = defaultdict(list)
    for x, thing in placed:
        columns[round(x / 12)].append(thing)
    return columns


def visual_pages(context: SiteContext, visuals: Visuals) -> dict[str, str]:
    """The timeline and graph pages: docs/ path → Markdown."""
    timeline, graph = context.routes.timeline, context.routes.graph
    months = visuals.months(timeline)
    svg, shown, edges = visuals.main_graph(graph)
    linked = sum(1 for a in context.base.actors.values() if a.id in visuals.graph.neighbours)
    return {
        timeline: context.render_page("timeline.md.j2", timeline, months=months,
                                      overview=visuals.months_overview(months)),
        graph: context.render_page("graph.md.j2", graph, svg=svg, shown=shown, edges=edges, linked=linked,
                                   total_edges=len(visuals.graph.weights), colours=KIND_COLOURS),
    }
