"""Render: turn the model into Markdown pages with the Jinja2 templates beside this module.

Fact text reaches a page only through the filters of generator/site/markup.py (``md``, ``attr``, …);
numbers and dates through generator/site/formatting.py; every link through the route table.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jinja2

from ..facts.model import Actor, Event, FactBase, Source
from ..facts.text import fold_arabic
from .context import GENERATED_MARK, Settings, SiteContext
from .export import data_pages
from .formatting import LABELS, Formatter
from .markup import attr, escape, excerpt, highlight, latin, md, one_per_dispute, paragraphs, quoted
from .metadata import PageMetadata
from .routes import LetterPage, Routes
from .search_terms import page_terms
from .visual.pictures import Visuals, visual_pages

__all__ = ["GENERATED_MARK", "TEMPLATES", "Renderer", "Settings", "highlight", "md"]

TEMPLATES = Path(__file__).parent / "templates"
"""The Jinja2 templates of every page."""


class Renderer:
    """Renders every page of a fact base; one instance per build."""

    def __init__(self, base: FactBase, settings: Settings | None = None) -> None:
        self.base = base
        self.settings = settings or Settings()
        self.fmt = Formatter(self.settings.digits)
        self.routes = Routes(self.settings.use_directory_urls,
                             raw_links_from_source=self.settings.builder == "zensical")
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=False,  # Markdown, not HTML: escaping is explicit through the md/attr filters
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.context = SiteContext(base, self.settings, self.fmt, self.routes, self.render_page)
        self.visuals = Visuals(self.context)
        self.metadata = PageMetadata(self.context)
        self.env.filters.update(md=md, plain=escape, attr=attr, one_per_dispute=one_per_dispute,
                                paragraphs=paragraphs, date=self.date, num=self.fmt.num, latin=latin,
                                month=self.fmt.month, quoted=quoted, excerpt=excerpt,
                                search_terms=page_terms)  # hidden name spellings (site/search_terms.py)
        self.env.globals.update(labels=LABELS, base=base, settings=self.settings, routes=self.routes,
                                fmt=self.fmt, GENERATED_MARK=GENERATED_MARK, json=json.dumps,
                                visuals=self.visuals, page_meta=self.metadata.front_matter)

    def date(self, iso: str | None) -> str:
        """An ISO date shown in Arabic inside a machine-readable ``<time>`` element."""
        if not iso:
            return ""
        return f'<time datetime="{attr(iso)}">{self.fmt.date_text(iso)}</time>'

    def render_page(self, template: str, here: str, **context: Any) -> str:
        """The Markdown of the page at docs/ path ``here``; ``link(target, anchor)`` in the template
        gives the relative link from it to any page or entity."""
        def link(target: Any, anchor: str = "") -> str:
            return self.routes.markdown_link(here, target, anchor)

        return self.env.get_template(template).render(here=here, link=link, **context)

    def pages(self) -> dict[str, str | bytes]:
        """Every generated page: path under docs/ → Markdown."""
        out: dict[str, str | bytes] = {}
        render = self.render_page
        for actor in self.base.actors.values():
            page = self.routes.page(actor)
            out[page] = render("actor.md.j2", page, actor=actor)
        for event in self.base.events.values():
            page = self.routes.page(event)
            out[page] = render("event.md.j2", page, event=event)
        for source in self.base.sources.values():
            page = self.routes.page(source)
            out[page] = render("source.md.j2", page, source=source, article=self.article_paragraphs(source))
        groups = self.actor_groups()
        letters = {kind: self.letter_pages(kind, actors) for kind, actors in groups}
        for letter in (one for pages in letters.values() for one in pages):
            page = self.routes.page(letter)
            out[page] = render("actors_letter.md.j2", page, letter=letter)
        routes = self.routes
        out[routes.actors_index] = render("actors_index.md.j2", routes.actors_index, groups=groups, letters=letters)
        out[routes.events_index] = render("events_index.md.j2", routes.events_index,
                                          events=self.base.events_by_date())
        out[routes.sources_index] = render("sources_index.md.j2", routes.sources_index,
                                           sources=self.base.sources_by_date())
        out[routes.claims_index] = render("claims_index.md.j2", routes.claims_index,
                                          claims=sorted(self.base.claims.values(), key=lambda c: c.id))
        out.update(visual_pages(self.context, self.visuals))  # timeline.md, graph.md
        out.update(data_pages(self.context))  # data/*, open-data.md
        out[routes.home] = render("home.md.j2", routes.home, latest=self.base.events_by_date()[::-1][
            : self.settings.latest_events])
        return dict(sorted(out.items()))

    def letter_pages(self, kind: str, actors: list[Actor]) -> list[LetterPage]:
        """Actors of one kind split by initial letter, when there are too many for one table (else none)."""
        if len(actors) <= self.settings.index_page_size:
            return []
        letters: dict[str, list[Actor]] = {}
        for actor in actors:  # already sorted by folded name, so letters come in order
            letters.setdefault((fold_arabic(actor.name) or "#")[0], []).append(actor)
        return [LetterPage(kind, n, letter, members) for n, (letter, members) in enumerate(letters.items(), 1)]

    def actor_groups(self) -> list[tuple[str, list[Actor]]]:
        groups: dict[str, list[Actor]] = {k: [] for k in LABELS["actor_kind"]}
        for actor in self.base.actors_by_name():
            groups[actor.kind].append(actor)
        return [(kind, actors) for kind, actors in groups.items() if actors]

    def events_by_month(self) -> list[tuple[str, list[Event]]]:
        months: dict[str, list[Event]] = {}
        for event in self.base.events_by_date():
            months.setdefault(event.date[:7], []).append(event)
        return list(months.items())

    def article_paragraphs(self, source: Source) -> list[str]:
        """The article as escaped paragraphs, each quote and claim excerpt wrapped in an anchored mark."""
        spans = sorted(
            [(*q.offsets[source.id], f"q-{q.id}", f"quote {q.kind}") for q in source.quotes if source.id in q.offsets]
            + [(*c.offsets[source.id], f"c-{c.id}", "claim") for c in source.claims if source.id in c.offsets]
        )
        return highlight(source.text, spans)
