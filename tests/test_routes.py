"""The route table: one source of page addresses, which every page, picture, feed and file follows."""

from __future__ import annotations

import re

import pytest
import yaml

from generator.site import routes as routes_module
from generator.site.context import Settings
from generator.site.render import Renderer
from generator.site.routes import Routes

from .conftest import make_project, run_mkdocs
from .helpers import ROOT, fact_base
from .test_integration import parse, resolve, site_pages


@pytest.mark.parametrize(("directory_urls", "path", "served"), [
    (True, "index.md", ""), (True, "meetings/index.md", "meetings/"), (True, "actors/nato.md", "actors/nato/"),
    (True, "data/facts.json", "data/facts.json"),
    (False, "index.md", "index.html"), (False, "meetings/index.md", "meetings/index.html"),
    (False, "actors/nato.md", "actors/nato.html"), (False, "data/facts.json", "data/facts.json"),
])
def test_served_path_follows_use_directory_urls(directory_urls, path, served):
    assert Routes(directory_urls).served_path(path) == served


@pytest.mark.parametrize(("directory_urls", "here", "target", "url"), [
    (True, "timeline.md", "meetings/x.md", "../meetings/x/"),
    (True, "actors/a.md", "actors/b.md", "../b/"),
    (True, "index.md", "index.md", "./"),
    (True, "data/events.atom", "meetings/x.md", "../meetings/x/"),
    (False, "timeline.md", "meetings/x.md", "meetings/x.html"),
    (False, "actors/a.md", "actors/b.md", "b.html"),
    (False, "actors/a.md", "index.md", "../index.html"),
])
def test_relative_urls_between_served_pages(directory_urls, here, target, url):
    assert Routes(directory_urls).relative_url(here, target) == url


@pytest.mark.parametrize(("directory_urls", "here", "target", "url"), [
    (True, "actors/a.md", "actors/b.md", "b/"),  # Zensical serves it from actors/a/ as ../b/
    (True, "actors/a.md", "meetings/x.md", "../meetings/x/"),
    (True, "actors/a.md", "actors/a.md", "a/"),
    (True, "meetings/index.md", "meetings/x.md", "x/"),  # index pages: the file's folder is the page's
    (True, "index.md", "index.md", "./"),
    (True, "data/events.atom", "meetings/x.md", "../meetings/x/"),  # not Markdown: no builder rewrites it
    (False, "actors/a.md", "actors/b.md", "b.html"),
])
def test_raw_html_links_for_zensical_start_from_the_markdown_files_folder(directory_urls, here, target, url):
    assert Routes(directory_urls, raw_links_from_source=True).relative_url(here, target) == url


def test_the_zensical_builder_setting_reaches_the_routes(small_facts):
    assert Renderer(fact_base(small_facts), Settings(builder="zensical")).routes.raw_links_from_source is True
    assert Renderer(fact_base(small_facts), Settings()).routes.raw_links_from_source is False


def test_owner_names_the_entity_of_an_entity_page_only():
    routes = Routes()
    assert routes.owner("actors/nato.md") == ("actors", "nato")
    assert routes.owner("meetings/x.md") == ("events", "x")
    assert routes.owner("actors/index.md") is None
    assert routes.owner(routes.letter_page("person", 1)) is None
    assert routes.owner("timeline.md") is None


def test_the_mkdocs_nav_names_the_route_tables_pages():
    """mkdocs.yml is the one hand-kept copy of section addresses (its nav); it must agree with the table."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = yaml.safe_load(text[text.index("\nnav:"):text.index("\nvalidation:")])["nav"]
    targets = {next(iter(item.values())) for item in nav}
    routes = Routes()
    expected = {routes.home, routes.actors_index, routes.events_index, routes.timeline, routes.graph,
                routes.claims_index, routes.sources_index, routes.open_data, routes.about}
    assert targets == expected


def test_renaming_a_section_folder_is_one_change_in_the_route_table(monkeypatch, small_facts):
    monkeypatch.setitem(routes_module.SECTION_FOLDERS, "events", "liqaat")
    base = fact_base(small_facts)
    pages = Renderer(base).pages()
    assert not [p for p in pages if p.startswith("meetings/")]
    assert {f"liqaat/{e}.md" for e in base.events} | {"liqaat/index.md"} <= set(pages)
    markdown = "\n".join(c for c in pages.values() if isinstance(c, str))
    assert not re.search(r"meetings/", markdown)  # no link, href, JSON-LD id or documented pattern is left
    assert "liqaat/<id>/" in pages["open-data.md"]
    assert re.search(r'href="\.\./liqaat/[a-z0-9-]+/"', pages["timeline.md"])
    feed = pages["data/events.atom"].decode("utf-8")
    assert "/liqaat/" in feed and "/meetings/" not in feed


def test_a_site_without_directory_urls_has_no_broken_link(tmp_path, small_facts):
    """The pictures' raw hrefs and every Markdown link resolve when MkDocs serves x.md as x.html."""
    project = make_project(tmp_path / "project", small_facts)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nuse_directory_urls: false\n", encoding="utf-8")
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert (site / "timeline.html").is_file()
    svg_links = 0
    for page in site_pages(site):
        for href in parse(page).hrefs:
            target = resolve(site, page, href)
            if target is None:
                continue
            path, _ = target
            assert path.exists(), f"{page.relative_to(site)} links to missing {href}"
            svg_links += href.endswith(".html") and "../" in href
    assert svg_links > 0
    assert Renderer(fact_base(small_facts), Settings(use_directory_urls=False)).routes.use_directory_urls is False
