"""The whole pipeline through MkDocs: a small fact base in, a browsable static site out."""

from __future__ import annotations

import html
import html.parser
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .conftest import run_generator, run_mkdocs


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.html_attrs: dict[str, str] = {}
        self.body_attrs: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("html", "body"):
            setattr(self, f"{tag}_attrs", {k: v or "" for k, v in values.items()})
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"] or "")


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def site_pages(site: Path) -> list[Path]:
    """Every built page; 404.html is left out because its links are absolute by design."""
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts and p.name != "404.html")


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link leads to, or None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return page, unquote(parts.fragment)
    target = posixpath.normpath(posixpath.join(page.parent.relative_to(site).as_posix(), unquote(parts.path)))
    path = site / target
    if path.is_dir() or href.split("#")[0].endswith("/"):
        path = path / "index.html"
    return path, unquote(parts.fragment)


def test_every_entity_has_a_built_page(built_small_site):
    site = built_small_site / "site"
    for rel in ("index.html", "actors/index.html", "actors/jens-stoltenberg/index.html", "actors/nato/index.html",
                "meetings/index.html", "meetings/nato-russia-council-2022-01-12/index.html",
                "sources/index.html", "sources/arabicpost-2022-01-18/index.html", "timeline/index.html",
                "claims/index.html", "about/index.html"):
        assert (site / rel).is_file(), rel


def test_pages_are_arabic_and_right_to_left(built_small_site):
    for page in site_pages(built_small_site / "site"):
        parsed = parse(page)
        assert parsed.html_attrs.get("lang") == "ar", page
        assert parsed.body_attrs.get("dir") == "rtl", page


def test_every_internal_link_and_anchor_resolves(built_small_site):
    site = built_small_site / "site"
    checked = 0
    for page in site_pages(site):
        for href in parse(page).hrefs:
            target = resolve(site, page, href)
            if target is None:
                continue
            path, fragment = target
            assert path.exists(), f"{page.relative_to(site)} links to missing {href}"
            if fragment and path.suffix == ".html":
                assert fragment in parse(path).ids, f"{page.relative_to(site)} links to missing anchor {href}"
            checked += 1
    assert checked > 100


def test_quotes_on_actor_pages_link_to_their_highlight_in_the_article(built_small_site):
    site = built_small_site / "site"
    actor = site / "actors/jens-stoltenberg/index.html"
    links = [h for h in parse(actor).hrefs if "#q-" in h]
    assert links == ["../../sources/arabicpost-2022-01-18/#q-stoltenberg-calls-for-dialogue"]
    article = (site / "sources/arabicpost-2022-01-18/index.html").read_text(encoding="utf-8")
    assert re.search(r'<mark class="quote direct" id="q-stoltenberg-calls-for-dialogue">نواصل دعوة روسيا', article) \
        or '<mark id="q-stoltenberg-calls-for-dialogue" class="quote direct">نواصل دعوة روسيا' in article


def test_arabic_headings_get_arabic_ids(built_small_site):
    ids = parse(built_small_site / "site/actors/jens-stoltenberg/index.html").ids
    assert "المناصب" in ids
    assert not any(re.fullmatch(r"_\d+", i) for i in ids)


def test_sidebar_lists_sections_not_every_page(built_small_site):
    nav = (built_small_site / "site/actors/jens-stoltenberg/index.html").read_text(encoding="utf-8")
    primary = nav.split('class="md-nav md-nav--primary"')[1].split("</nav>")[0]
    assert "sergei-lavrov" not in primary and "nato-russia-council" not in primary


def test_no_page_loads_anything_from_another_host(built_small_site):
    site = built_small_site / "site"
    for page in [*site_pages(site), site / "404.html"]:
        text = page.read_text(encoding="utf-8")
        resources = re.findall(r'<(?:script|img|iframe|source|audio|video)[^>]* src="([^"]+)"', text)
        resources += re.findall(r'<link[^>]* href="([^"]+)"', text)
        for url in resources:
            parts = urlsplit(url)
            assert not parts.netloc or url.startswith("https://example.org/factsheet/"), f"{page}: {url}"
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text


def test_mkdocs_build_regenerates_pages_from_changed_facts(small_project):
    assert run_mkdocs(small_project).returncode == 0
    facts = small_project / "data" / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    start = text.index("  - id: sergei-lavrov")
    end = text.index("  - id: russia")
    removed_lavrov = text[:start] + text[end:]
    # Lavrov's quote must go with him, or the reference check would (rightly) fail.
    q_start = removed_lavrov.index("  - id: lavrov-no-more-talks")
    q_end = removed_lavrov.index("  - id: nato-official-reciprocity")
    edited = removed_lavrov[:q_start] + removed_lavrov[q_end:]
    facts.write_text(edited.replace("name: ينس ستولتنبرغ", "name: ينس ستولتنبرغ (محرر)", 1), encoding="utf-8")
    result = run_mkdocs(small_project)
    assert result.returncode == 0, result.stderr
    site = small_project / "site"
    assert not (site / "actors/sergei-lavrov/index.html").exists()
    assert not (small_project / "docs/actors/sergei-lavrov.md").exists()
    page = html.unescape((site / "actors/jens-stoltenberg/index.html").read_text(encoding="utf-8"))
    assert "ينس ستولتنبرغ (محرر)" in page


def test_generator_build_alone_leaves_a_docs_folder_any_builder_can_use(small_project):
    result = run_generator(small_project, "build")
    assert result.returncode == 0, result.stderr
    summary = r"generator: \d+ page\(s\) written, 0 unchanged, 0 removed in [\d.]+ s → docs/\n"
    assert re.fullmatch(summary, result.stdout)
    again = run_generator(small_project, "build")
    assert re.search(r" 0 page\(s\) written, \d+ unchanged", again.stdout)
    assert (small_project / "docs/actors/jens-stoltenberg.md").is_file()
    assert (small_project / "docs/about.md").read_text(encoding="utf-8").startswith("# عن المشروع")
