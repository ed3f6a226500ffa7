"""The route table: where every generated page lives, and the URL the built site serves it at.

This is the one place that knows page addresses (Hugo's page_paths, MkDocs' ``File``). A page is
named by its path under docs/ (``meetings/x.md``); everything else derives from that path: the
relative Markdown link between two pages, the URL MkDocs serves (``meetings/x/`` with
``use_directory_urls``, ``meetings/x.html`` without), a URL relative to another served page (for
hrefs inside raw HTML, which MkDocs does not rewrite), and the absolute URL under ``site_url`` (feed
and JSON-LD). Renaming a section is a change to ``SECTION_FOLDERS`` alone.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Any

from ..facts.model import Actor, Claim, Event, Quote, Source

SECTION_FOLDERS: dict[str, str] = {
    "actors": "actors",
    "events": "meetings",
    "sources": "sources",
    "claims": "claims",
}
"""facts.yaml section → the docs/ folder of its pages. The folder names are part of every URL."""
DATA_FOLDER = "data"
"""docs/ folder of the open-data downloads (facts.json, the CSV files, the feed)."""
LETTERS_FOLDER = "by-letter"
"""Subfolder of the actors' folder for the pages of one initial letter (ids never contain "/", so
these can never clash with an actor page)."""


@dataclass(frozen=True)
class LetterPage:
    """The actors of one kind whose names start with one letter (indexes of very many actors)."""

    kind: str
    """The actors' kind: ``person``, ``institution`` or ``state``."""
    number: int
    """Position of the letter among the kind's letters, from 1: part of the page's path."""
    letter: str
    """The (folded) initial letter."""
    actors: list[Actor]
    """The actors on the page, in name order."""


class Routes:
    """Paths and URLs of every generated page; one instance per build, handed to every template."""

    home = "index.md"
    """The home page."""
    timeline = "timeline.md"
    """The timeline of every event."""
    graph = "graph.md"
    """The who-met-whom graph."""
    open_data = "open-data.md"
    """The page that documents the downloads."""
    about = "about.md"
    """The hand-written page on the project and its method (not generated)."""

    def __init__(self, use_directory_urls: bool = True, raw_links_from_source: bool = False) -> None:
        self.use_directory_urls = use_directory_urls
        """MkDocs' setting of the same name (mkdocs.yml): ``x.md`` served at ``x/`` or at ``x.html``."""
        self.raw_links_from_source = raw_links_from_source
        """Whether the builder reads hrefs inside raw HTML from the Markdown file's folder (Zensical) rather
        than from the served page (MkDocs); see ``relative_url``."""

    # --- paths under docs/ --------------------------------------------------------------------------

    @property
    def actors_index(self) -> str:
        """Every actor, by kind."""
        return self.section_index("actors")

    @property
    def events_index(self) -> str:
        """Every event, by date."""
        return self.section_index("events")

    @property
    def sources_index(self) -> str:
        """Every source article, by date."""
        return self.section_index("sources")

    @property
    def claims_index(self) -> str:
        """Every claim (claims have no page of their own: each is an anchor here)."""
        return self.section_index("claims")

    def section_index(self, section: str) -> str:
        """docs/ path of the index page of a facts.yaml section."""
        return f"{SECTION_FOLDERS[section]}/index.md"

    @property
    def generated_dirs(self) -> tuple[str, ...]:
        """The docs/ folders that hold only generated files (the writer owns them)."""
        return (*SECTION_FOLDERS.values(), DATA_FOLDER)

    def entity_page(self, section: str, ident: str) -> str:
        """docs/ path of the page of the entity ``ident`` of a facts.yaml section with pages of its own."""
        return f"{SECTION_FOLDERS[section]}/{ident}.md"

    def data_file(self, name: str) -> str:
        """docs/ path of the open-data download ``name`` (``facts.json``)."""
        return f"{DATA_FOLDER}/{name}"

    def letter_page(self, kind: str, number: int) -> str:
        """docs/ path of the ``number``-th initial-letter page of actors of ``kind``."""
        return f"{SECTION_FOLDERS['actors']}/{LETTERS_FOLDER}/{kind}-{number}.md"

    def page(self, item: Any) -> str:
        """docs/ path of the page that shows ``item`` (an entity, a letter page, or already a path)."""
        if isinstance(item, str):
            return item
        if isinstance(item, Actor):
            return self.entity_page("actors", item.id)
        if isinstance(item, Event):
            return self.entity_page("events", item.id)
        if isinstance(item, Source):
            return self.entity_page("sources", item.id)
        if isinstance(item, Quote):
            return self.page(item.speaker)
        if isinstance(item, Claim):
            return self.claims_index
        if isinstance(item, LetterPage):
            return self.letter_page(item.kind, item.number)
        raise TypeError(f"no page for {type(item).__name__}")

    def anchor(self, item: Any) -> str:
        """The anchor of ``item`` on its page: quotes and claims are parts of a page, the rest are pages."""
        if isinstance(item, Quote):
            return f"q-{item.id}"
        if isinstance(item, Claim):
            return f"c-{item.id}"
        return ""

    def record_page(self, section: str, record: dict[str, Any]) -> tuple[str, str]:
        """(docs/ path, anchor) of a raw facts.yaml record, for tools that work before the model exists."""
        if section == "quotes":
            return self.entity_page("actors", str(record.get("speaker", ""))), f"q-{record.get('id', '')}"
        if section == "claims":
            return self.claims_index, f"c-{record.get('id', '')}"
        if section in SECTION_FOLDERS:
            return self.entity_page(section, str(record.get("id", ""))), ""
        return "", ""

    def owner(self, path: str) -> tuple[str, str] | None:
        """(section, id) of the entity whose page is at docs/ path ``path``; None for other pages."""
        folder, _, name = path.removesuffix(".md").partition("/")
        for section, section_folder in SECTION_FOLDERS.items():
            if folder == section_folder and name and "/" not in name and name != "index":
                return section, name
        return None

    def url_pattern(self, section: str) -> str:
        """How the served URL of a page of ``section`` is made from an id, e.g. ``actors/<id>/``."""
        return self.served_path(self.entity_page(section, "<id>"))

    # --- links and URLs --------------------------------------------------------------------------------

    def markdown_link(self, here: str, target: Any, anchor: str = "") -> str:
        """Relative Markdown link from the page at ``here`` to ``target``; MkDocs turns it into a URL."""
        url = posixpath.relpath(self.page(target), posixpath.dirname(here) or ".")
        anchor = anchor or self.anchor(target)
        return f"{url}#{anchor}" if anchor else url

    def served_path(self, path: str) -> str:
        """Site-relative URL of a docs/ path: ``meetings/x.md`` → ``meetings/x/``, ``index.md`` → ``""``.

        Files other than Markdown pages (``data/facts.json``) are served at their own path.
        """
        if not path.endswith(".md"):
            return path
        stem = path[: -len(".md")]
        if not self.use_directory_urls:
            return f"{stem}.html"
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem[: -len("index")]
        return f"{stem}/"

    def served_url(self, path: str, anchor: str = "") -> str:
        """``served_path`` with an optional anchor."""
        url = self.served_path(path)
        return f"{url}#{anchor}" if anchor else url

    def relative_url(self, here: str, target: Any, anchor: str = "") -> str:
        """URL of ``target`` relative to the served page (or file) at docs/ path ``here``.

        For hrefs inside raw HTML, such as the SVG pictures: MkDocs rewrites Markdown links only. Zensical
        rewrites these too, as if written from the Markdown file's folder (``actors/x.md`` → ``actors/``),
        and adds the ``../`` that the served page ``actors/x/`` needs; no one href is right for both.
        """
        target_path = self.page(target)
        anchor = anchor or self.anchor(target)
        here_served = self.served_path(here)
        if here.endswith(".md") and self.raw_links_from_source:
            folder = posixpath.dirname(here) or "."
        # A directory URL is a folder; a file URL (x.html, data/facts.json) sits in its parent folder.
        elif here.endswith(".md") and (here_served == "" or here_served.endswith("/")):
            folder = here_served.rstrip("/") or "."
        else:
            folder = posixpath.dirname(here_served) or "."
        served = self.served_path(target_path)
        url = posixpath.relpath(served.rstrip("/") or ".", folder)
        if served == "" or served.endswith("/"):
            url = "./" if url == "." else f"{url}/"
        return f"{url}#{anchor}" if anchor else url

    def absolute_url(self, site_url: str, target: Any, anchor: str = "") -> str:
        """Absolute URL of ``target`` under ``site_url``; root-relative when no site_url is set."""
        base = site_url.rstrip("/") + "/" if site_url else "/"
        url = base + self.served_path(self.page(target))
        anchor = anchor or self.anchor(target)
        return f"{url}#{anchor}" if anchor else url
