"""An actor's neighbourhood on its page: the partners it shared events with.

Wide: the actor in the centre, its closest partners round it, spokes weighted by shared events. Narrow
(phones): one row per partner, most shared first, with a bar as long as the number of shared events.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ...facts.model import Actor
from ..context import SiteContext
from .graph import GRAPH_FONT, NAME_CHARS, MeetingGraph, chain_order, draw_edges, node, ring_positions
from .svg import (
    EVENT_COLOUR,
    MUTED,
    NARROW_WIDTH,
    SMALLEST,
    add,
    both,
    row_link,
    shorten,
    svg,
    text,
    text_width,
)

ROW = 34
"""Height of one partner's row in the narrow layout."""


def neighbours_of(context: SiteContext, graph: MeetingGraph, actor: Actor) -> list[tuple[Actor, int]]:
    """The actor's partners with their shared-event counts, most shared first."""
    partners = [(context.base.actors[b], w) for b, w in graph.neighbours.get(actor.id, {}).items()]
    partners.sort(key=lambda p: (-p[1], p[0].sort_key))
    return partners


def neighbourhood(context: SiteContext, graph: MeetingGraph, actor: Actor, here: str) -> str:
    """Both layouts of the actor's neighbourhood, or "" when it shared no event with anyone."""
    partners = neighbours_of(context, graph, actor)[: context.settings.neighbours]
    if not partners:
        return ""
    return both(_ring(context, graph, actor, partners, here), _rows(context, actor, partners, here))


def _ring(context: SiteContext, graph: MeetingGraph, actor: Actor, partners: list[tuple[Actor, int]],
          here: str) -> ET.Element:
    order = chain_order([p for p, _ in partners], graph)
    radius = max(120.0, len(order) * 14.0)
    label_room = max(text_width(shorten(a.name, NAME_CHARS), GRAPH_FONT) for a in order) + 20
    width = 2 * (radius + max(label_room, text_width(actor.name, GRAPH_FONT) / 2 - radius) + 12)
    height = 2 * radius + 48
    cx, cy = width / 2, height / 2
    root = svg(width, height, f"الفاعلون الذين شاركوا {actor.name} في أحداث", f"neighbours-{actor.id}",
               "fact-graph-svg fact-neighbours-svg")
    ring = ring_positions(len(order), cx, cy, radius)
    positions = {a.id: (x, y, side) for a, (x, y, side) in zip(order, ring, strict=True)}
    positions[actor.id] = (cx, cy, 0)
    around = [(a, b, graph.weight(a.id, b.id)) for i, a in enumerate(order) for b in order[i + 1:]]
    draw_edges(context, root, [(a, b, w) for a, b, w in around if w], positions, cx, cy)
    spokes = add(root, "g", class_="spokes")
    heaviest = partners[0][1]
    for partner, w in partners:
        x, y, _ = positions[partner.id]
        share = (w - 1) / (heaviest - 1) if heaviest > 1 else 1.0
        line = add(spokes, "line", x1=cx, y1=cy, x2=x, y2=y, stroke=EVENT_COLOUR, stroke_width=1.5 + 4 * share,
                   stroke_opacity="0.6", class_="edge", data_source=actor.id, data_target=partner.id,
                   data_weight=w)
        add(line, "title", f"{actor.name} و{partner.name}: {context.fmt.events_phrase(w)} معًا")
        bx, by = cx + (x - cx) * 0.62, cy + (y - cy) * 0.62
        add(spokes, "circle", cx=bx, cy=by, r="14", fill="#ffffff", stroke=EVENT_COLOUR, stroke_width="1")
        text(spokes, bx, by + 6, context.fmt.num(w), "middle", GRAPH_FONT - 2, fill="currentColor", aria_hidden="true")
    for partner in order:
        x, y, side = positions[partner.id]
        node(context, graph, root, partner, x, y, side, 7.0, here)
    node(context, graph, root, actor, cx, cy, 0, 11.0, here)
    return root


def _rows(context: SiteContext, actor: Actor, partners: list[tuple[Actor, int]], here: str) -> ET.Element:
    """One row per partner: its name on the right (a link to its page), then a bar and the count."""
    width, size = NARROW_WIDTH, 14
    limit = 22  # characters of a name: about 155 units at 14, leaving the bar at least 120
    names = {p.id: shorten(p.name, limit) for p, _ in partners}
    name_room = max(text_width(n, size) for n in names.values()) + 12
    bar_room = width - name_room - 48
    heaviest = partners[0][1]
    height = 8 + len(partners) * ROW
    root = svg(width, height, f"الفاعلون الذين شاركوا {actor.name} في أحداث", f"neighbours-{actor.id}-narrow",
               "fact-graph-svg fact-neighbours-svg")
    for i, (partner, w) in enumerate(partners):
        top = 4 + i * ROW
        name, phrase = names[partner.id], context.fmt.events_phrase(w)
        count = context.fmt.num(w)
        # The accessible name holds the drawn name and count word for word (WCAG 2.5.3), then says more.
        label = f"{name} {count}" + ("" if name == partner.name else f" — {partner.name}") + f": {phrase} معًا"
        words, link = row_link(root, context.routes.relative_url(here, partner), label, (0, top, width, ROW - 4),
                               class_=f"node {partner.kind}", data_actor=partner.id, data_weight=w)
        add(link, "title", f"{actor.name} و{partner.name}: {phrase} معًا")
        bar = max(4.0, bar_room * w / heaviest)
        right = width - name_room
        add(link, "rect", x=right - bar, y=float(top + 8), width=bar, height="14", rx="3", fill=EVENT_COLOUR,
            fill_opacity="0.7")
        text(words, width - 4, top + 21, name, "start", size, fill="currentColor")
        text(words, right - bar - 6, top + 21, count, "start", SMALLEST, fill=MUTED)
    return root
