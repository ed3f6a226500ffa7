"""The pictures as the templates reach them: ``visuals`` in every page, and the timeline and graph pages.

Every picture is drawn at build time as inline SVG, by one module each: timeline.py (a month),
overview.py (events per month), graph.py (who met whom), strip.py (an actor's timeline) and
neighbourhood.py (an actor's partners), on the helpers of svg.py. Nothing is fetched by the browser:
the SVG sits in the page, its text takes the page's font, and every event or actor in it is an
``<a href>`` to the page MkDocs serves for it. The pictures receive a SiteContext and never import the
renderer, so imports run one way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ...facts.model import Actor, Event
from ..context import SiteContext
from .graph import MeetingGraph, main_graph, meeting_graph
from .neighbourhood import neighbourhood, neighbours_of
from .overview import months_overview
from .strip import actor_strip
from .svg import KIND_COLOURS
from .timeline import month_picture


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
        self.context = context
        """The build's fact base, settings, formatting and routes, handed to every picture."""

    @cached_property
    def graph(self) -> MeetingGraph:
        """Who met whom, computed once per build."""
        return meeting_graph(self.context.base)

    def months(self, here: str) -> list[MonthView]:
        """Events grouped by the month they start in, each month drawn in pictures of at most N rows."""
        grouped: dict[str, list[Event]] = {}
        for event in self.context.base.events_by_date():
            grouped.setdefault(event.date[:7], []).append(event)
        per = max(1, self.context.settings.timeline_rows)
        views = []
        for key, events in grouped.items():
            chunks = [events[i:i + per] for i in range(0, len(events), per)]
            pictures = [month_picture(self.context, key, chunk, here, part, len(chunks))
                        for part, chunk in enumerate(chunks, 1)]
            views.append(MonthView(key, events, pictures))
        return views

    def months_overview(self, months: list[MonthView]) -> str:
        """Events per month, each a link to that month's section of the timeline page."""
        return months_overview(self.context, months)

    def events_phrase(self, count: int) -> str:
        """``count`` events in Arabic, in the configured digits."""
        return self.context.fmt.events_phrase(count)

    def span_text(self, event: Event) -> str:
        """``4 يناير/كانون الثاني 2022``, or ``4–6 يناير/…`` for an event over several days of one month."""
        return self.context.fmt.date_range(event.date, event.end_date)

    def neighbours_of(self, actor: Actor) -> list[tuple[Actor, int]]:
        """The actor's partners with their shared-event counts, most shared first."""
        return neighbours_of(self.context, self.graph, actor)

    def neighbourhood(self, actor: Actor, here: str) -> str:
        """The actor's closest partners (both layouts), or ""."""
        return neighbourhood(self.context, self.graph, actor, here)

    def actor_strip(self, actor: Actor, here: str) -> str:
        """The actor's events and quotes on a small timeline (both layouts), or ""."""
        return actor_strip(self.context, actor, here)

    def main_graph(self, here: str) -> tuple[str, list[Actor], list[tuple[Actor, Actor, int]]]:
        """The graph page's picture, the actors it draws and the ties between them, heaviest first."""
        return main_graph(self.context, self.graph, here)


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
