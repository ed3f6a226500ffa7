"""The same site from either builder (README, "Builders"): MkDocs + Material, or Zensical.

Both build the project's own data/facts.yaml; every page must exist in both, and say and link the same
things in its article, with the same metadata in its head. The browser checks of the Zensical site
(Arabic RTL, search by spelling variants, nothing from other hosts) run with the MkDocs ones in
tests/browser/, through the ``site_url`` fixture.
"""

from __future__ import annotations

import html.parser
import json
import posixpath
import re
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .conftest import ROOT, run_zensical_build
from .helpers import edit_facts, run_cli
from .test_serve import BROKEN, LAVROV, Served, free_port, page_contains, wait_for

SITE_PATH = urlsplit(re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                               re.MULTILINE).group(1)).path
"""Where the development servers mount the site: the path of mkdocs.yml's site_url."""

slow = pytest.mark.slow


@dataclass
class _Page(html.parser.HTMLParser):
    """What a reader gets from one built page: the article's text and links, and the head's metadata."""

    url: str
    """The page's site-relative path, e.g. ``actors/nato/index.html``: links are resolved against it."""
    text: list[str] = field(default_factory=list)
    """The article's text nodes, as parsed (``article`` joins and normalises them)."""
    links: list[str] = field(default_factory=list)
    """Every link in the article, as a site path (``/meetings/x/#a``), in document order."""
    meta: dict[str, str] = field(default_factory=dict)
    """Open Graph, description, canonical and feed links, ``lang`` and ``dir``."""
    jsonld: list[object] = field(default_factory=list)
    """Every schema.org JSON-LD block of the page, parsed."""
    _depth: int = 0
    _script: list[str] | None = None

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.meta["lang"] = a.get("lang", "")
        elif tag == "body":
            self.meta["dir"] = a.get("dir", "")
        elif tag == "article":
            self._depth += 1
        elif tag == "a" and self._depth and "href" in a:
            self.links.append(self._resolve(a["href"]))
        elif tag == "meta" and (a.get("property", "").startswith("og:") or a.get("name") == "description"):
            self.meta[a.get("property") or a["name"]] = a.get("content", "")
        elif tag == "link" and a.get("rel") in ("canonical", "alternate feed"):
            self.meta[a["rel"]] = self._resolve(a.get("href", ""))
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._script = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._depth:
            self._depth -= 1
        elif tag == "script" and self._script is not None:
            self.jsonld.append(json.loads("".join(self._script)))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
        elif self._depth:
            self.text.append(data)

    def _resolve(self, href: str) -> str:
        """A link as a site path; the builders write the same target in different but equivalent ways."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path:
            return href
        path = posixpath.normpath(posixpath.join(posixpath.dirname("/" + self.url), unquote(parts.path)))
        if parts.path.endswith("/") and path != "/":
            path += "/"
        return path + (f"#{unquote(parts.fragment)}" if parts.fragment else "")

    @property
    def article(self) -> str:
        """The article's text with white space normalised."""
        return " ".join("".join(self.text).split())


def _read(site: Path, rel: str) -> _Page:
    page = _Page(rel)
    page.feed((site / rel).read_text(encoding="utf-8"))
    page.close()
    return page


def _pages(site: Path) -> list[str]:
    """Every built page; 404.html is left out: MkDocs renders it with no page, Zensical with one."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if "assets" not in p.parts and p.name != "404.html")


@pytest.fixture(scope="module")
def sites(built_real_site: Path, built_real_zensical_site: Path) -> tuple[Path, Path]:
    return built_real_site / "site", built_real_zensical_site / "site"


@slow
def test_both_builders_make_the_same_pages(sites):
    mkdocs, zensical = sites
    assert len(_pages(mkdocs)) > 50
    assert _pages(zensical) == _pages(mkdocs)
    assert (zensical / "404.html").is_file()


@slow
def test_every_page_says_and_links_the_same(sites):
    mkdocs, zensical = sites
    differ = []
    for rel in _pages(mkdocs):
        a, b = _read(mkdocs, rel), _read(zensical, rel)
        assert a.article and a.links, f"{rel}: no article found"
        if a.article != b.article:
            at = next((i for i, (x, y) in enumerate(zip(a.article, b.article, strict=False)) if x != y),
                      min(len(a.article), len(b.article)))
            differ.append(f"{rel}: text: …{a.article[at - 40:at + 60]}… ≠ …{b.article[at - 40:at + 60]}…")
        if a.links != b.links:
            differ.append(f"{rel}: links only in MkDocs {sorted(set(a.links) - set(b.links))[:5]}, "
                          f"only in Zensical {sorted(set(b.links) - set(a.links))[:5]}")
    assert differ == []


@slow
def test_every_page_carries_the_same_metadata(sites):
    mkdocs, zensical = sites
    for rel in _pages(mkdocs):
        a, b = _read(mkdocs, rel), _read(zensical, rel)
        assert b.meta == a.meta, rel
        assert b.jsonld == a.jsonld, rel
    home = _read(zensical, "index.html")
    assert home.meta["lang"] == "ar" and home.meta["dir"] == "rtl"
    assert {"og:title", "og:url", "og:locale", "canonical", "alternate feed"} <= home.meta.keys()
    assert home.jsonld and home.meta["alternate feed"].endswith("/data/events.atom")


@slow
def test_zensical_site_names_its_builder_and_carries_the_search(sites):
    _, zensical = sites
    home = (zensical / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<meta name="generator" content="zensical-[0-9.]+">', home)
    assert (zensical / "pagefind" / "pagefind.js").is_file()
    actor = (zensical / "actors" / "jens-stoltenberg" / "index.html").read_text(encoding="utf-8")
    for marker in ('id="fact-search"', "data-fact-search-open", "data-pagefind-body", "البحث في الموقع",
                   'href="https://zensical.org/"'):
        assert marker in actor, marker
    # Lists stay out of the index in both builds (partials/search-content.html), the home page included.
    assert "data-pagefind-body" not in home


def test_build_for_zensical_writes_picture_links_from_the_markdown_files_folder(small_project):
    assert run_cli(small_project, "build").returncode == 0
    page = small_project / "docs" / "actors" / "jens-stoltenberg.md"
    for_mkdocs = set(re.findall(r'href="([^"#]+)"', page.read_text(encoding="utf-8")))
    assert run_cli(small_project, "build", "--builder", "zensical").returncode == 0
    for_zensical = set(re.findall(r'href="([^"#]+)"', page.read_text(encoding="utf-8")))
    # MkDocs reads them from actors/jens-stoltenberg/, Zensical from actors/ (and then adds the ../).
    assert "../../meetings/nato-russia-council-2022-01-12/" in for_mkdocs
    assert "../meetings/nato-russia-council-2022-01-12/" in for_zensical
    assert {f"../{href}" for href in for_zensical if href != "jens-stoltenberg/"} \
        == for_mkdocs - {"./"}


# --- serving: zensical serve beside python -m generator watch (make serve BUILDER=zensical) -------------


class _Running(Served):
    """``python ARGS`` running in ``project`` (zensical serve, generator watch) and what it has printed."""

    def __init__(self, project: Path, args: list[str], port: int) -> None:
        self.port = port
        self.base = f"http://127.0.0.1:{port}{SITE_PATH}"
        self.output = []
        self.process = subprocess.Popen([sys.executable, *args], cwd=project, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace")
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()


@slow
def test_watch_beside_zensical_serve_rebuilds_from_the_facts_and_reindexes(small_project: Path):
    assert run_zensical_build(small_project).returncode == 0
    port = free_port()
    served = _Running(small_project, ["-m", "zensical", "serve", "--dev-addr", f"127.0.0.1:{port}"], port)
    watcher = _Running(small_project, ["-m", "generator", "watch", "--builder", "zensical", "site"], port)
    index = small_project / "site" / "pagefind" / "pagefind-entry.json"
    try:
        wait_for(page_contains(served, "actors/sergei-lavrov/", LAVROV), 120, "the first build", served)
        wait_for(lambda: "search index:" in watcher.text(), 60, "the first index", watcher)
        indexed = index.stat().st_mtime_ns
        edit_facts(small_project, LAVROV, "وزير خارجية روسيا.")
        wait_for(page_contains(served, "actors/sergei-lavrov/", "وزير خارجية روسيا."), 120, "the rebuild", served)
        wait_for(lambda: index.is_file() and index.stat().st_mtime_ns > indexed, 60, "a new index", watcher)
        edit_facts(small_project, *BROKEN)
        wait_for(lambda: "was not rebuilt" in watcher.text(), 30, "the error report", watcher)
        assert "data/facts.yaml:" in watcher.text() and "jens-stoltenbreg" in watcher.text()
        assert "Traceback" not in watcher.text()
        assert "وزير خارجية روسيا." in served.get("actors/sergei-lavrov/")  # the last good site
    finally:
        watcher.stop()
        served.stop()
