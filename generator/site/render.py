"""Render: turn the model into Markdown pages with the Jinja2 templates beside this module.

Fact text reaches a page only through the filters of generator/site/markup.py (``md``, ``attr``, …);
numbers and dates through generator/site/formatting.py; every link through the route table.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import jinja2

from ..facts.model import Actor, Event, FactBase, Source
from ..facts.text import fold_arabic
from .context import GENERATED_MARK, Settings, SiteContext
from .dependencies import Recorder
from .export import data_pages
from .formatting import LABELS, Formatter
from .markup import attr, escape, excerpt, highlight, latin, md, one_per_dispute, paragraphs, quoted
from .metadata import PageMetadata
from .routes import LetterPage, Routes
from .search_terms import page_terms
from .visual.pictures import MeetingGraph, Visuals, visual_pages

__all__ = ["GENERATED_MARK", "TEMPLATES", "Renderer", "Settings", "highlight", "md"]

TEMPLATES = Path(__file__).parent / "templates"
"""The Jinja2 templates of every page."""
EXPORTS_EVERYTHING = frozenset({"@data"})
"""Units that export every fact (facts.json, the CSV files, the feed): any edit renders them again."""
Unit = Callable[[], dict[str, str | bytes]]
"""Renders one page, or a group of pages drawn together: docs/ path → content."""
T = TypeVar("T")


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept for the life of the process: each build has its own Renderer and
    environment, and compiling the templates again would cost more than rendering a one-page edit.
    Jinja checks each entry against the template's source, so an edited template is compiled anew."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED = CompiledTemplates()


class _SharedVisuals(Visuals):
    """The pictures, with the meeting graph (read by every actor page) computed once as a memo."""

    def __init__(self, context: SiteContext, memo: Callable[[str, Callable[[], Any]], Any]) -> None:
        super().__init__(context)
        self._memo = memo

    @property
    def graph(self) -> MeetingGraph:  # type: ignore[override]
        return self._memo("meeting graph", lambda: Visuals.graph.func(self))


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
            bytecode_cache=_COMPILED,
        )
        self.context = SiteContext(base, self.settings, self.fmt, self.routes, self.render_page)
        self.recorder = Recorder()
        """Memos of this build, and what each page read when rendering under dependencies.recording."""
        self.visuals = _SharedVisuals(self.context, self.memo)
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
        for produce in self.units().values():
            out.update(produce())
        return dict(sorted(out.items()))

    def units(self) -> dict[str, Unit]:
        """Every page, or group of pages drawn together, by a name; each renders on its own.

        Values several pages share (the actor groups, the meeting graph) go through ``self.memo``, so
        that rendering one unit alone gives exactly what rendering them all gives, and so that the
        dependency recorder (generator/site/dependencies.py) knows what each unit read.
        """
        routes, render = self.routes, self.render_page
        units: dict[str, Unit] = {}

        def page(path: str, template: str, **arguments: Callable[[], Any]) -> None:
            units[path] = lambda: {path: render(template, path, **{k: f() for k, f in arguments.items()})}

        for actor in self.base.actors.values():
            page(routes.page(actor), "actor.md.j2", actor=lambda actor=actor: actor)
        for event in self.base.events.values():
            page(routes.page(event), "event.md.j2", event=lambda event=event: event)
        for source in self.base.sources.values():
            page(routes.page(source), "source.md.j2", source=lambda source=source: source,
                 article=lambda source=source: self.article_paragraphs(source))
        for n, letter in enumerate(one for pages in self.letters().values() for one in pages):
            page(routes.page(letter), "actors_letter.md.j2", letter=lambda n=n: self.letter_list()[n])
        page(routes.actors_index, "actors_index.md.j2", groups=self.actor_groups, letters=self.letters)
        page(routes.events_index, "events_index.md.j2", events=self.base.events_by_date)
        page(routes.sources_index, "sources_index.md.j2", sources=self.base.sources_by_date)
        page(routes.claims_index, "claims_index.md.j2",
             claims=lambda: sorted(self.base.claims.values(), key=lambda c: c.id))
        units["@pictures"] = lambda: visual_pages(self.context, self.visuals)  # timeline.md, graph.md
        units["@data"] = lambda: data_pages(self.context)  # data/*, open-data.md
        page(routes.home, "home.md.j2",
             latest=lambda: self.base.events_by_date()[::-1][: self.settings.latest_events])
        return units

    def memo(self, name: str, compute: Callable[[], T]) -> T:
        """``compute()`` once per renderer, its reads handed on to every page that uses the value."""
        return self.recorder.memo(name, compute)

    def letters(self) -> dict[str, list[LetterPage]]:
        """Kind → its letter pages (none for a kind that fits on the index page)."""
        return self.memo("letters", lambda: {kind: self.letter_pages(kind, actors)
                                             for kind, actors in self.actor_groups()})

    def letter_list(self) -> list[LetterPage]:
        return [one for pages in self.letters().values() for one in pages]

    def letter_pages(self, kind: str, actors: list[Actor]) -> list[LetterPage]:
        """Actors of one kind split by initial letter, when there are too many for one table (else none)."""
        if len(actors) <= self.settings.index_page_size:
            return []
        letters: dict[str, list[Actor]] = {}
        for actor in actors:  # already sorted by folded name, so letters come in order
            letters.setdefault((fold_arabic(actor.name) or "#")[0], []).append(actor)
        return [LetterPage(kind, n, letter, members) for n, (letter, members) in enumerate(letters.items(), 1)]

    def actor_groups(self) -> list[tuple[str, list[Actor]]]:
        return self.memo("actor groups", self._actor_groups)

    def _actor_groups(self) -> list[tuple[str, list[Actor]]]:
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
