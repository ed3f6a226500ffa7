"""Arabic reading in a real Chromium: direction, language, isolation, dates, self-containment, accessibility.

Pages come from the site built from data/facts.yaml (and, for Eastern digits, from the small fixture
built with ``digits = "eastern"``). Screenshots go to test-artifacts/ for people to look at.
"""

from __future__ import annotations

import re

import pytest

from generator.site.formatting import MONTHS

from ..helpers import fact_base
from .conftest import ROOT, foreign_requests, open_search, run_axe, search, serious

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LATIN = re.compile(r"[A-Za-z]")
_MONTH_NAMES = "|".join(f"{a}/{b}" for a, b in MONTHS)
WESTERN_DATE = re.compile(rf"^[0-9]{{1,2}} (?:{_MONTH_NAMES}) [0-9]{{4}}$")
EASTERN_DATE = re.compile(rf"^[٠-٩]{{1,2}} (?:{_MONTH_NAMES}) [٠-٩]{{4}}$")
LEFTOVERS = re.compile(r"\{\{|\{%|%\}|\]\(|\*\*|\|---|&#\d+;|&[a-z]+;|<bdi|<time|</|\bundefined\b|\bNone\b")
"""Markdown or template syntax that should have become markup, and markup shown as text."""


def _pages() -> dict[str, str]:
    base = fact_base(ROOT / "data" / "facts.yaml")
    actor = "jens-stoltenberg" if "jens-stoltenberg" in base.actors else next(iter(base.actors))
    event = ("nato-russia-council-2022-01-12" if "nato-russia-council-2022-01-12" in base.events
             else base.events_by_date()[0].id)
    return {"home": "", "actor": f"actors/{actor}/", "meeting": f"meetings/{event}/",
            "source": f"sources/{base.sources_by_date()[0].id}/", "actors": "actors/", "timeline": "timeline/",
            "graph": "graph/", "open-data": "open-data/", "claims": "claims/", "about": "about/"}


PAGES = _pages()
FAMILY = "Vazirmatn"
"""The site's own typeface (generator/site/fonts.py)."""

# What a reader on a phone must get from every page: no sideways scrolling, and every label of every
# picture on screen legible and inside its picture (measured by the browser, after layout).
_MEASURE = """family => {
  const root = document.documentElement;
  const out = {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, labels: 0, smallest: null,
               small: [], outside: []};
  for (const svg of document.querySelectorAll('article svg')) {
    const box = svg.getBoundingClientRect();
    if (!box.width || !box.height) continue;  // the layout this screen does not show
    const scale = svg.getScreenCTM().a;
    for (const t of svg.querySelectorAll('text')) {
      const r = t.getBoundingClientRect();
      if (!r.width) continue;
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      out.labels += 1;
      out.smallest = out.smallest === null ? px : Math.min(out.smallest, px);
      if (px < 11) out.small.push(`${svg.id}: ${t.textContent} (${px.toFixed(1)} px)`);
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
        out.outside.push(`${svg.id}: ${t.textContent}`);
    }
  }
  const first = getComputedStyle(document.body).fontFamily.split(',')[0].trim().replace(/^["']|["']$/g, '');
  out.firstFamily = first;
  // Loaded faces of the family, as [lightest, boldest] weights (a face may declare a range: "100 500").
  out.loaded = [...document.fonts].filter(f => f.family.replace(/^["']|["']$/g, '') === family
                                              && f.status === 'loaded')
    .map(f => { const w = f.weight.split(' ').map(Number); return [w[0], w[w.length - 1]]; });
  out.bodySize = parseFloat(getComputedStyle(document.querySelector('article')).fontSize);
  return out;
}"""




@pytest.mark.parametrize("name", list(PAGES))
def test_page_is_arabic_rtl_self_contained_and_accessible(name, page, desktop, site_url, builder, axe_script,
                                                          artifacts):
    prefix = "" if builder == "mkdocs" else f"{builder}-"
    for pg, size in ((page, "phone"), (desktop, "desktop")):
        pg.goto(site_url + PAGES[name])
        pg.wait_for_load_state("networkidle")
        pg.evaluate("document.fonts.ready.then(() => true)")
        assert pg.get_attribute("html", "lang") == "ar"
        assert pg.get_attribute("body", "dir") == "rtl"
        assert pg.eval_on_selector("article", "a => getComputedStyle(a).direction") == "rtl"
        text = pg.inner_text("article")
        assert not LEFTOVERS.search(text), LEFTOVERS.search(text)
        pg.screenshot(path=str(artifacts / f"{prefix}{name}-{size}.png"), full_page=True)
        measured = pg.evaluate(_MEASURE, FAMILY)
        print(f"{name} ({size}): {measured['labels']} labels, smallest "
              f"{measured['smallest'] and round(measured['smallest'], 1)} px; text {measured['bodySize']} px")
        assert measured["scrollWidth"] <= measured["clientWidth"], f"{name} scrolls sideways on a {size}"
        assert measured["small"] == [], measured["small"]
        assert measured["outside"] == [], measured["outside"]
        # The text is drawn in the site's own face, fetched from the site itself.
        assert measured["firstFamily"] == FAMILY, measured["firstFamily"]
        assert any(low <= 400 <= high for low, high in measured["loaded"]), measured["loaded"]
        assert measured["bodySize"] >= 17
        assert foreign_requests(pg, site_url) == []
        assert pg.console_errors == []
        violations = serious(run_axe(pg, axe_script))
        assert violations == [], f"{size}: {violations}"


def test_search_dialog_is_accessible(desktop, real_site_url, axe_script, artifacts):
    desktop.goto(real_site_url + PAGES["actor"])
    open_search(desktop)
    search(desktop, "بلينكين")
    desktop.screenshot(path=str(artifacts / "search.png"))
    violations = serious(run_axe(desktop, axe_script))
    assert violations == [], violations


def test_interface_strings_are_arabic(desktop, site_url):
    desktop.goto(site_url + PAGES["actor"])
    # Header, navigation, table of contents, footer, the back-to-top button and every label a screen
    # reader announces. Latin is allowed only where it is marked as such (an English name in <bdi>).
    texts = desktop.evaluate("""() => {
      const chrome = [...document.querySelectorAll(
        '.md-header, .md-sidebar, .md-footer, .md-top, .md-skip, #fact-search')];
      const strip = el => {
        const copy = el.cloneNode(true);
        copy.querySelectorAll('bdi, [lang=en], code, .fact-search-terms').forEach(e => e.remove());
        return copy.textContent;
      };
      const labels = [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')]
        .filter(e => !e.closest('bdi, [lang=en], svg'))
        .flatMap(e => ['aria-label', 'title', 'placeholder', 'alt'].map(a => e.getAttribute(a) || ''));
      return [...chrome.map(strip), ...labels];
    }""")
    foreign = [t.strip() for t in texts if LATIN.search(t)]
    assert foreign == [], sorted(set(foreign))


def test_latin_names_and_dates_are_isolated_and_in_order(desktop, real_site_url):
    desktop.goto(real_site_url + PAGES["actor"])
    name = desktop.locator(".fact-subtitle bdi").first
    assert name.get_attribute("dir") == "ltr"
    assert name.evaluate("e => getComputedStyle(e).unicodeBidi") == "isolate"
    # Right to left: the Latin name first (rightmost), then "· person"; inside it, left to right.
    boxes = name.evaluate("""bdi => {
      const box = (node, start, end) => {
        const r = document.createRange(); r.setStart(node, start); r.setEnd(node, end);
        return r.getBoundingClientRect();
      };
      const inner = bdi.firstChild, after = bdi.nextSibling;
      const space = inner.textContent.indexOf(' ');
      return {name: bdi.getBoundingClientRect(), after: box(after, 0, after.textContent.length),
              first: box(inner, 0, space), last: box(inner, space + 1, inner.textContent.length)};
    }""")
    assert boxes["name"]["left"] >= boxes["after"]["right"] - 1
    assert boxes["first"]["right"] <= boxes["last"]["left"] + 1
    for time in desktop.locator("article time").all():
        assert time.evaluate("e => getComputedStyle(e).unicodeBidi") == "isolate"


def test_dates_read_day_month_year_from_the_right(desktop, real_site_url):
    desktop.goto(real_site_url + PAGES["meeting"])
    time = desktop.locator("article time:visible").first
    day, year = time.evaluate("""t => {
      const node = t.firstChild, text = node.textContent;
      const box = (s, e) => { const r = document.createRange(); r.setStart(node, s); r.setEnd(node, e);
                              return r.getBoundingClientRect(); };
      return [box(0, text.indexOf(' ')), box(text.lastIndexOf(' ') + 1, text.length)];
    }""")
    assert day["left"] > year["right"], "the day must stand right of the year"


def test_tables_lists_and_quotes_read_right_to_left(desktop, real_site_url):
    desktop.goto(real_site_url + PAGES["actor"])
    heads = desktop.locator("article table").first.locator("th")
    assert heads.first.bounding_box()["x"] > heads.last.bounding_box()["x"], "first column must be on the right"
    assert desktop.locator("article table").first.evaluate("t => getComputedStyle(t).direction") == "rtl"
    item = desktop.locator("article ul > li").first
    sides = item.evaluate("""li => {
      const list = li.parentElement.getBoundingClientRect(), r = document.createRange();
      r.selectNodeContents(li); const text = r.getClientRects()[0];
      return {gapRight: list.right - text.right, gapLeft: text.left - list.left,
              direction: getComputedStyle(li).direction};
    }""")
    assert sides["direction"] == "rtl" and sides["gapRight"] < sides["gapLeft"], sides
    quote = desktop.locator("blockquote.fact-quote").first
    if quote.count():
        widths = quote.evaluate("q => [parseFloat(getComputedStyle(q).borderRightWidth), "
                                "parseFloat(getComputedStyle(q).borderLeftWidth)]")
        assert widths[0] > 0 and widths[1] == 0, "a quote's rule belongs on its right, where reading starts"


def test_dates_are_iso_in_markup_and_arabic_on_screen(desktop, real_site_url):
    desktop.goto(real_site_url + PAGES["meeting"])
    dates = desktop.eval_on_selector_all("article time", "ts => ts.map(t => [t.dateTime, t.textContent])")
    assert dates
    for iso, text in dates:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso), iso
        assert WESTERN_DATE.match(text), text
    if "2022-01-12" in dict(dates):
        assert dict(dates)["2022-01-12"] == "12 يناير/كانون الثاني 2022"


def test_eastern_digits_setting_reaches_dates_and_search(page, eastern_site_url):
    page.goto(eastern_site_url + "meetings/nato-russia-council-2022-01-12/")
    dates = page.eval_on_selector_all("article time", "ts => ts.map(t => [t.dateTime, t.textContent])")
    assert ["2022-01-12", "١٢ يناير/كانون الثاني ٢٠٢٢"] in dates
    for iso, text in dates:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso), iso
        assert EASTERN_DATE.match(text), text
    open_search(page)
    assert page.get_attribute("#fact-search", "data-digits") == "eastern"
    search(page, "روسيا")
    status = page.text_content("[data-fact-search-status]")
    count = len(page.eval_on_selector_all("#fact-search-results li", "items => items"))
    assert count >= 3 and not re.search(r"[0-9]", status) and re.search(r"[٠-٩]", status), status
    assert foreign_requests(page, eastern_site_url) == []
    assert page.console_errors == []
