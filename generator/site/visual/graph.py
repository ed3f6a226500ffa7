"""The who-met-whom graph: actors joined by the events they shared, drawn round a ring.

The layout is deterministic (sorted input, no randomness, no iteration to convergence) and costs
O(n log n) in actors: the graph page draws a bounded core grown from the most connected actor (see
``most_connected``), and each actor's page draws that actor's own neighbourhood (neighbourhood.py).
On a phone the graph page lists the strongest ties first (graph.md.j2) and keeps this picture at its
own size in a figure that scrolls sideways, so that its labels stay legible.
"""

from __future__ import annotations

import heapq
import math
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from ...facts.model import Actor, FactBase
from ..context import SiteContext
from ..formatting import LABELS
from .svg import KIND_COLOURS, add, number, serialize, shorten, svg, text, text_width

NAME_CHARS = 22
"""Longest actor name drawn in a graph (the full name is in the link's tooltip and accessible name)."""
GRAPH_FONT = 18
"""Font size of the names. The graph is at most about 900 units wide, and shown at least 600 px wide or at
its own size (visual.css): its labels stay at 12 px or more."""
GRAPH_SQUEEZE = 0.7
"""Width of the graph's ring relative to its height: the labels beside the ring need the room."""


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


def main_graph(context: SiteContext, graph: MeetingGraph, here: str
               ) -> tuple[str, list[Actor], list[tuple[Actor, Actor, int]]]:
    """The SVG of the most connected actors, those actors, and the edges between them (heaviest first)."""
    shown = most_connected(graph, context.base.actors_by_name(), context.settings.graph_actors)
    edges = edges_among(graph, shown)
    if not shown:
        return "", [], []
    order = chain_order(shown, graph)
    radius = max(160.0, len(order) * 7.0)  # about 28 units between neighbours on each side
    label_room = max(text_width(shorten(a.name, NAME_CHARS), GRAPH_FONT) for a in order) + 24
    width = 2 * (GRAPH_SQUEEZE * radius + label_room + 12)
    height = 2 * radius + 50
    root = svg(width, height, "من التقى بمن: الفاعلون والأحداث المشتركة بينهم", "meeting-graph", "fact-graph-svg")
    ring = ring_positions(len(order), width / 2, height / 2, radius, GRAPH_SQUEEZE)
    positions = {a.id: (x, y, side) for a, (x, y, side) in zip(order, ring, strict=True)}
    draw_edges(context, root, edges, positions, width / 2, height / 2)
    top = max(graph.strength[a.id] for a in order)
    for actor in order:
        x, y, side = positions[actor.id]
        size = 4 + 7 * math.sqrt(graph.strength[actor.id] / top)
        node(context, graph, root, actor, x, y, side, size, here)
    return serialize(root), shown, edges


def edges_among(graph: MeetingGraph, actors: list[Actor]) -> list[tuple[Actor, Actor, int]]:
    """The ties between ``actors``, heaviest first (then by name)."""
    by_id = {a.id: a for a in actors}
    edges = []
    for a in sorted(by_id):
        for b, w in graph.neighbours.get(a, {}).items():
            if a < b and b in by_id:
                edges.append((by_id[a], by_id[b], w))
    edges.sort(key=lambda e: (-e[2], e[0].sort_key, e[1].sort_key))
    return edges


def draw_edges(context: SiteContext, root: ET.Element, edges: list[tuple[Actor, Actor, int]],
               positions: dict[str, tuple[float, float, int]], cx: float, cy: float) -> None:
    """Ties as chords bent towards the centre, thicker and darker with more shared events."""
    group = add(root, "g", class_="edges", fill="none")
    heaviest = max((w for _, _, w in edges), default=1)
    # Light edges first so heavy ones are drawn on top.
    for a, b, w in sorted(edges, key=lambda e: (e[2], e[0].id, e[1].id)):
        (x1, y1, _), (x2, y2, _) = positions[a.id], positions[b.id]
        # A chord bent towards the centre keeps edges off the labels outside the ring.
        qx, qy = cx + ((x1 + x2) / 2 - cx) * 0.35, cy + ((y1 + y2) / 2 - cy) * 0.35
        share = (w - 1) / (heaviest - 1) if heaviest > 1 else 1.0
        path = add(group, "path", d=f"M{number(x1)} {number(y1)} Q{number(qx)} {number(qy)} "
                   f"{number(x2)} {number(y2)}", stroke="#5c6bc0", stroke_width=1 + 5 * share,
                   stroke_opacity=0.3 + 0.5 * share, class_="edge", data_source=a.id, data_target=b.id,
                   data_weight=w)
        add(path, "title", f"{a.name} و{b.name}: {context.fmt.events_phrase(w)} معًا")


def node(context: SiteContext, graph: MeetingGraph, root: ET.Element, actor: Actor, x: float, y: float,
         side: int, size: float, here: str) -> None:
    """An actor as a dot and its name, together one link to the actor's page.

    Right-hand nodes label to their right, left-hand ones to their left (labels stay outside the ring);
    ``side`` 0 is the centre of a neighbourhood, labelled underneath in full.
    """
    partners = len(graph.neighbours.get(actor.id, {}))
    summary = (f"({LABELS['actor_kind'][actor.kind]}): {context.fmt.events_phrase(len(actor.events))}، "
               f"مع {context.fmt.num(partners)} من الفاعلين")
    name = actor.name if side == 0 else shorten(actor.name, NAME_CHARS)
    # The accessible name starts with the drawn name word for word (WCAG 2.5.3), then the full one.
    label = f"{name} {summary}" if name == actor.name else f"{name} — {actor.name} {summary}"
    link = add(root, "a", href=context.routes.relative_url(here, actor), class_=f"node {actor.kind}",
               aria_label=label, data_actor=actor.id)
    add(link, "title", f"{actor.name} {summary}")
    add(link, "circle", cx=x, cy=y, r=float(size), fill=KIND_COLOURS[actor.kind], stroke="#ffffff",
        stroke_width="1.5")
    if side > 0:
        text(link, x + size + 5, y + 6, name, "end", GRAPH_FONT, fill="currentColor")
    elif side < 0:
        text(link, x - size - 5, y + 6, name, "start", GRAPH_FONT, fill="currentColor")
    else:
        text(link, x, y + size + 20, name, "middle", GRAPH_FONT, fill="currentColor", font_weight="bold")
