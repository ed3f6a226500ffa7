"""The pictures, the metadata and the print style in a real Chromium, on the site built from data/facts.yaml.

Screenshots and a PDF are left in test-artifacts/ for people to look at.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest

from generator.facts.model import FactBase

from ..conftest import ARTIFACTS, ROOT
from ..helpers import fact_base
from ..test_visual import quiet

pytestmark = [pytest.mark.browser, pytest.mark.slow]

A4_POINTS = (595.3, 841.9)

# Every label of a picture, measured by the browser, must lie inside the picture: none is cut off.
_LABELS_OUTSIDE = """svg => {
  const box = svg.viewBox.baseVal;
  return [...svg.querySelectorAll('text')].filter(t => {
    const b = t.getBBox();
    return b.x < box.x - 1 || b.x + b.width > box.x + box.width + 1 || b.y < box.y - 1
      || b.y + b.height > box.y + box.height + 1;
  }).map(t => t.textContent);
}"""


@pytest.fixture(scope="module")
def real_base(built_real_site) -> FactBase:
    return quiet(fact_base(ROOT / "data" / "facts.yaml"))




def only_local_requests(pg, base_url: str) -> None:
    foreign = [u for u in pg.requested if not u.startswith(base_url) and not u.startswith("data:")]
    assert foreign == [], f"requests to other hosts: {foreign}"


def heading(pg) -> str:
    """The page's h1 without its permalink sign."""
    return pg.locator("h1").first.evaluate(
        "h => [...h.childNodes].filter(n => !(n.classList && n.classList.contains('headerlink')))"
        ".map(n => n.textContent).join('').trim()")


def screenshot(locator, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    locator.screenshot(path=str(ARTIFACTS / name))


def test_timeline_draws_every_event_as_a_link_to_its_page(desktop, real_site_url, real_base):
    desktop.goto(real_site_url + "timeline/")
    pictures = desktop.locator("svg.fact-timeline-svg.fact-wide")
    assert pictures.count() >= 1
    expected = sorted(real_base.events)
    for layout in ("fact-wide", "fact-narrow"):
        drawn = desktop.eval_on_selector_all(f"svg.fact-timeline-svg.{layout} a[data-event]",
                                             "links => links.map(a => a.dataset.event)")
        assert sorted(drawn) == expected
    for i in range(pictures.count()):
        picture = pictures.nth(i)
        assert picture.bounding_box()["height"] > 50
        assert picture.evaluate(_LABELS_OUTSIDE) == []
    screenshot(desktop.locator("article"), "timeline.png")
    only_local_requests(desktop, real_site_url)
    assert desktop.console_errors == []


def test_timeline_places_later_events_further_left_on_screen(desktop, real_site_url):
    desktop.goto(real_site_url + "timeline/")
    # (date, centre x on screen) of each event's dot, per picture.
    rows = desktop.eval_on_selector_all("svg.fact-timeline-svg.fact-wide", """svgs => svgs.map(svg =>
      [...svg.querySelectorAll('a[data-event]')].map(a => {
        const r = a.querySelector('circle').getBoundingClientRect();
        return [a.dataset.date, r.left + r.width / 2];
      }))""")
    compared = 0
    for picture in rows:
        for date_a, x_a in picture:
            for date_b, x_b in picture:
                if date_a < date_b:
                    assert x_b < x_a, f"{date_b} is drawn right of {date_a}"
                    compared += 1
    assert compared > 0


def test_clicking_an_event_in_the_timeline_opens_its_page(desktop, site_url, real_base):
    desktop.goto(site_url + "timeline/")
    link = desktop.locator("svg.fact-timeline-svg.fact-wide a[data-event]").first
    event_id = link.get_attribute("data-event")
    title = real_base.events[event_id].title  # a plain string: pytest would print a model object forever
    link.locator("circle").click()
    desktop.wait_for_url(f"**/meetings/{event_id}/")
    assert heading(desktop) == title


def test_graph_draws_connected_actors_as_links_with_weighted_edges(desktop, real_site_url, real_base):
    desktop.goto(real_site_url + "graph/")
    svg = desktop.locator("svg.fact-graph-svg").first
    assert svg.bounding_box()["width"] > 300
    nodes = desktop.eval_on_selector_all("svg.fact-graph-svg a[data-actor]",
                                         "links => links.map(a => [a.dataset.actor, a.getAttribute('href')])")
    assert nodes, "the graph draws no actor"
    known = set(real_base.actors)
    for actor_id, href in nodes:
        assert actor_id in known
        assert href == f"../actors/{actor_id}/"
    weights = desktop.eval_on_selector_all("svg.fact-graph-svg .edge", "es => es.map(e => +e.dataset.weight)")
    assert weights and min(weights) >= 1
    assert svg.evaluate(_LABELS_OUTSIDE) == []
    screenshot(desktop.locator("figure.fact-graph"), "graph.png")
    actor_id = nodes[0][0]
    desktop.locator(f'svg.fact-graph-svg a[data-actor="{actor_id}"] circle').click()
    name = real_base.actors[actor_id].name
    desktop.wait_for_url(f"**/actors/{actor_id}/")
    assert heading(desktop) == name
    only_local_requests(desktop, real_site_url)


def test_actor_page_shows_its_small_timeline_and_neighbourhood(desktop, real_site_url, real_base):
    actor = max(real_base.actors.values(), key=lambda a: (len(a.events), a.id))
    actor_id, events = actor.id, {e.id for e in actor.events}
    desktop.goto(real_site_url + f"actors/{actor_id}/")
    strip = desktop.locator(f"#strip-{actor_id}")
    hood = desktop.locator(f"#neighbours-{actor_id}")
    assert strip.is_visible() and hood.is_visible()
    shown = desktop.eval_on_selector_all(f"#strip-{actor_id} a[data-event]", "as => as.map(a => a.dataset.event)")
    assert shown and set(shown) <= events
    assert strip.evaluate(_LABELS_OUTSIDE) == []
    assert hood.evaluate(_LABELS_OUTSIDE) == []
    screenshot(desktop.locator("figure.fact-strip"), "actor-timeline.png")
    screenshot(desktop.locator("figure.fact-neighbours"), "actor-neighbourhood.png")
    desktop.locator(f"#strip-{actor_id} a[data-event] circle").first.click()
    desktop.wait_for_url("**/meetings/**")


def test_no_label_is_cut_off_in_any_actor_picture(desktop, real_site_url, real_base):
    clipped = {}
    for actor_id in sorted(real_base.actors):
        desktop.goto(real_site_url + f"actors/{actor_id}/")
        for svg in desktop.locator("figure.fact-visual svg").all():
            outside = svg.evaluate(_LABELS_OUTSIDE)
            if outside:
                clipped[f"{actor_id}: {svg.get_attribute('id')}"] = outside
    assert clipped == {}


# On a phone: which layout of each picture shows, the order of its rows, the size of its labels and targets.
_PHONE_LAYOUT = """() => [...document.querySelectorAll('article svg')].map(svg => {
  const box = svg.getBoundingClientRect(), scale = svg.getScreenCTM().a;
  return {id: svg.id, shown: box.width > 0, width: box.width, classes: svg.getAttribute('class'),
          smallest: Math.min(...[...svg.querySelectorAll('text')].map(
            t => parseFloat(getComputedStyle(t).fontSize) * scale)),
          links: [...svg.querySelectorAll('a')].map(a => {
            const r = a.getBoundingClientRect();
            return {date: a.dataset.date || '', top: r.top, width: r.width, height: r.height};
          })};
})"""


def test_on_a_phone_pictures_switch_to_rows_down_the_page_with_legible_labels_and_large_targets(page, real_site_url,
                                                                                             real_base):
    actor = max(real_base.actors.values(), key=lambda a: (len(a.events), a.id))
    for path in ("timeline/", f"actors/{actor.id}/"):
        page.goto(real_site_url + path)
        pictures = page.evaluate(_PHONE_LAYOUT)
        shown = [p for p in pictures if p["shown"]]
        assert shown and all("fact-wide" not in p["classes"] for p in shown), [p["id"] for p in shown]
        assert {p["id"] + "-narrow" for p in pictures if "fact-wide" in p["classes"]} <= {p["id"] for p in shown}
        for picture in shown:
            assert picture["width"] <= 390 and picture["smallest"] >= 12, picture["id"]
            for link in picture["links"]:  # WCAG 2.5.8: at least 24 by 24 CSS px
                assert link["width"] >= 24 and link["height"] >= 24, (picture["id"], link)
            dated = [link for link in picture["links"] if link["date"]]
            assert [link["date"] for link in dated] == sorted(link["date"] for link in dated)
            assert [link["top"] for link in dated] == sorted(link["top"] for link in dated)  # down the page
        screenshot(page.locator("article"), f"phone-{path.strip('/').replace('/', '-')}.png")
    # The graph: the strongest ties first, as a list, and the whole picture a tap away at a legible size.
    page.goto(real_site_url + "graph/")
    ties = page.locator(".fact-ties li")
    assert ties.count() >= 1 and ties.first.is_visible()
    page.locator('.fact-ties a[href="#meeting-graph"]').click()
    graph = page.locator("#meeting-graph")
    assert graph.evaluate("svg => { const r = svg.getBoundingClientRect(); "
                          "return r.top < innerHeight && r.bottom > 0; }")
    assert graph.evaluate("svg => parseFloat(getComputedStyle(svg.querySelector('text')).fontSize) "
                          "* svg.getScreenCTM().a") >= 12
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    screenshot(page.locator("article"), "phone-graph.png")


PAGE_TYPES = {
    "": {"WebSite", "Dataset"},
    "actors/": {"CollectionPage"},
    "timeline/": {"CollectionPage"},
    "graph/": {"CollectionPage"},
    "open-data/": {"WebSite", "Dataset"},
    "about/": {"WebPage"},
}


def entity_pages(base) -> dict[str, set[str]]:
    kinds = {"person": "Person", "institution": "Organization", "state": "Country"}
    pages = dict(PAGE_TYPES)
    for kind in ("person", "institution", "state"):  # one actor of each kind, with and without quotes
        for quoted in (True, False):
            actor = next((a for a in base.actors.values() if a.kind == kind and bool(a.quotes) == quoted), None)
            if actor:
                pages[f"actors/{actor.id}/"] = {kinds[kind]} | ({"Quotation"} if quoted else set())
    event = next(e for e in base.events_by_date() if e.quotes)
    pages[f"meetings/{event.id}/"] = {"Event", "Quotation"}
    source = base.sources_by_date()[0]
    pages[f"sources/{source.id}/"] = {"NewsArticle"} | ({"Quotation"} if source.quotes else set())
    return pages


def test_json_ld_parses_in_every_page_type_with_open_graph_tags(desktop, real_site_url, real_base):
    for path, expected in entity_pages(real_base).items():
        desktop.goto(real_site_url + path)
        documents = desktop.eval_on_selector_all('script[type="application/ld+json"]',
                                                 "ss => ss.map(s => JSON.parse(s.textContent))")
        assert len(documents) == 1, path
        nodes = documents[0].get("@graph", [documents[0]])
        assert {n["@type"] for n in nodes} == expected, path
        og = desktop.eval_on_selector_all(
            'meta[property^="og:"]', "ms => Object.fromEntries(ms.map(m => [m.getAttribute('property'), m.content]))")
        assert og["og:title"] and og["og:locale"] == "ar_AR", path
        assert re.search("[\u0600-\u06ff]", og["og:title"] + og.get("og:description", "")), path
        assert og["og:url"].startswith("https://"), path
        feed = desktop.locator('link[type="application/atom+xml"]').get_attribute("href")
        assert feed.endswith("data/events.atom")


def test_downloads_are_served_as_parseable_files(desktop, real_site_url, real_base):
    desktop.goto(real_site_url + "open-data/")
    hrefs = desktop.eval_on_selector_all("article a[href*='data/']", "as => as.map(a => a.href)")
    names = {urlsplit(h).path.rsplit("/", 1)[-1] for h in hrefs}
    assert {"facts.json", "actors.csv", "meetings.csv", "quotes.csv", "sources.csv", "events.atom"} <= names
    facts_url = next(h for h in hrefs if h.endswith("/facts.json"))
    response = desktop.request.get(facts_url)
    assert response.ok
    expected = set(real_base.events)
    assert {e["id"] for e in json.loads(response.body())["events"]} == expected


def test_a_fact_sheet_prints_on_a4_without_navigation_and_with_link_addresses(desktop, real_site_url, real_base):
    event = next(e for e in real_base.events_by_date() if e.people)
    desktop.goto(real_site_url + f"meetings/{event.id}/")
    desktop.emulate_media(media="print")
    hidden = desktop.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer',
        '.md-search'].map(s => document.querySelector(s)).filter(Boolean)
        .map(e => getComputedStyle(e).display)""")
    assert hidden and set(hidden) == {"none"}
    link = desktop.locator("article a[href*='actors/']").first
    absolute = link.evaluate("a => a.href")  # on paper the whole address, not ../../actors/…
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert absolute.startswith("http") and absolute in after
    in_page = desktop.locator("article a[href^='#']").first
    if in_page.count():
        assert in_page.evaluate("a => getComputedStyle(a, '::after').content") in ("none", "normal", '""')
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = desktop.pdf(prefer_css_page_size=True, print_background=False)
    (ARTIFACTS / "fact-sheet.pdf").write_bytes(pdf)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert boxes
    for width, height in boxes:
        assert abs(float(width) - A4_POINTS[0]) < 2 and abs(float(height) - A4_POINTS[1]) < 2
