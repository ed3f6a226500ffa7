"""The site search, through the real search box in a real Chromium, on the site built from data/facts.yaml.

The query set (queries.yaml) holds what readers type: seed spellings, other transliterations, hamza,
ta marbuta, alif maqsura, diacritics, tatweel, articles, prefixed particles and Latin script. Each
query must bring its page first; the accuracy is printed and written to test-artifacts/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from ..helpers import fact_base
from .conftest import ROOT, foreign_requests, open_search, search

pytestmark = [pytest.mark.browser, pytest.mark.slow]

QUERIES = yaml.safe_load((Path(__file__).with_name("queries.yaml")).read_text(encoding="utf-8"))["queries"]
LATIN = re.compile(r"[A-Za-z]")
FIRST_SEARCH_BUDGET = 1_000_000
"""Bytes a reader's first search may download (the 10,000-actor figure is in `make bench-search`)."""


def test_query_set_is_large_and_targets_the_real_facts():
    base = fact_base(ROOT / "data" / "facts.yaml")
    pages = {f"actors/{a}/" for a in base.actors} | {f"meetings/{e}/" for e in base.events}
    assert len(QUERIES) >= 40
    assert [q["page"] for q in QUERIES if q["page"] not in pages] == []
    assert len({q["query"] for q in QUERIES}) == len(QUERIES), "a query is listed twice"


def test_every_query_brings_its_page_first(page, site_url, builder, artifacts):
    page.goto(site_url)
    open_search(page)
    misses = []
    for q in QUERIES:
        found = search(page, q["query"])
        if not found or found[0] != "/" + q["page"]:
            misses.append(f"{q['query']!r} ({q['why']}): want /{q['page']}, got {found[:3]}")
    hits = len(QUERIES) - len(misses)
    report = f"search top-1 accuracy: {hits}/{len(QUERIES)} = {hits / len(QUERIES):.1%}"
    name = "search-accuracy.txt" if builder == "mkdocs" else f"{builder}-search-accuracy.txt"
    (artifacts / name).write_text("\n".join([report, *misses]) + "\n", encoding="utf-8")
    print(report)
    assert misses == [], report + "\n" + "\n".join(misses)
    assert page.console_errors == []
    assert foreign_requests(page, site_url) == []


def test_dialog_speaks_arabic_only(page, site_url):
    page.goto(site_url)
    opener = page.locator("[data-fact-search-open]")
    assert opener.is_visible()
    assert not LATIN.search(opener.get_attribute("title") + (opener.text_content() or ""))
    open_search(page)
    dialog = page.locator("#fact-search")
    idle = page.text_content("[data-fact-search-status]")
    assert idle and not LATIN.search(idle)
    statuses = []
    for query, count_words in [("لافروف", ("نتيجة", "نتائج", "نتيجتان")), ("qxzvw", ("لا نتائج",))]:
        search(page, query)
        status = page.text_content("[data-fact-search-status]")
        statuses.append(status.replace(query, ""))  # the status repeats what was typed
        assert any(w in status for w in count_words), status
    search(page, "Stoltenberg")
    texts = dialog.evaluate("""d => [d.innerText,
        ...[...d.querySelectorAll('[aria-label],[title],[placeholder]')].flatMap(e =>
          ['aria-label', 'title', 'placeholder'].map(a => e.getAttribute(a) || ''))]""")
    # Result titles and excerpts quote the pages, the status repeats the query: the rest is the dialog's own.
    results = page.eval_on_selector_all("#fact-search-results li", "items => items.map(i => i.innerText)")
    assert results
    chrome = "\n".join([t for t in texts if t] + statuses)
    for quoted in [*results, "Stoltenberg"]:
        chrome = chrome.replace(quoted, "")
    assert not LATIN.search(chrome), chrome
    for english in ("Search", "result", "Type to start", "No matching"):
        assert english not in chrome


def test_keyboard_opens_walks_and_closes(page, real_site_url):
    page.goto(real_site_url + "about/")
    page.keyboard.press("/")
    page.wait_for_selector("#fact-search[open]")
    assert page.evaluate("document.activeElement.id") == "fact-search-input"
    search(page, "ستولتنبرغ")
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.getAttribute('href')")
    assert first and "actors/jens-stoltenberg" in first
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.getAttribute('href')") == first
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "fact-search-input"
    page.keyboard.press("Escape")
    page.wait_for_selector("#fact-search:not([open])", state="attached")
    # Enter in the search box goes to the best result.
    page.keyboard.press("Control+k")
    page.wait_for_selector("#fact-search[open]")
    search(page, "بلينكين")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/actors/antony-blinken/")
    assert page.console_errors == []


def test_results_are_links_with_titles_and_kinds(page, real_site_url):
    page.goto(real_site_url + "meetings/")
    open_search(page)
    search(page, "بيسكوف")
    first = page.locator("#fact-search-results li").first
    assert first.locator("a").get_attribute("href").endswith("/actors/dmitry-peskov/")
    assert first.locator(".fact-search__name").text_content() == "دميتري بيسكوف"
    assert first.locator(".fact-search__kind").text_content() == "شخص"
    # The hidden search terms are for the index only: a reader never sees them in an excerpt.
    excerpts = page.eval_on_selector_all(".fact-search__excerpt", "els => els.map(e => e.textContent)")
    assert not any("|" in e for e in excerpts)
    first.locator("a").click()
    page.wait_for_url("**/actors/dmitry-peskov/")
    assert page.locator("h1").first.text_content().rstrip("¶ ") == "دميتري بيسكوف"


def test_first_search_downloads_little_and_only_from_the_site(page, site_url):
    responses = []
    page.goto(site_url)
    # The index loads with the first search, not with every page.
    assert not [u for u in page.requested if "/pagefind/" in u]
    page.on("response", lambda r: responses.append(r))
    open_search(page)
    search(page, "ستولتنبرغ")
    fetched = {r.url: len(r.body()) for r in responses if "/pagefind/" in r.url and r.ok}
    assert fetched, "the search downloaded nothing from /pagefind/"
    assert sum(fetched.values()) < FIRST_SEARCH_BUDGET, fetched
    assert foreign_requests(page, site_url) == []
