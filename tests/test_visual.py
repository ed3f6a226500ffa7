"""Pictures drawn at build time: the timeline, the who-met-whom graph and each actor's small timeline.

The SVG is parsed with xml.etree, so every test also proves the pictures are well-formed XML.
"""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET
from collections import Counter
from itertools import combinations, pairwise
from pathlib import Path

import pytest

from generator.facts.model import FactBase, build_model
from generator.site.formatting import Formatter
from generator.site.render import Renderer, Settings
from generator.site.routes import Routes
from generator.site.visual.graph import chain_order, meeting_graph, most_connected, ring_positions
from generator.site.visual.strip import NARROW_MOST
from generator.site.visual.svg import EM_PER_CHAR, NARROW_WIDTH, SMALLEST, wrap

from .helpers import ROUTES, fact_base

SVG = "{http://www.w3.org/2000/svg}"
_SVG_BLOCK = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


def pictures(text: str) -> list[ET.Element]:
    """Every inline SVG in a page (Markdown or HTML), parsed."""
    return [ET.fromstring(block) for block in _SVG_BLOCK.findall(text)]


def links(svg: ET.Element, data: str) -> list[ET.Element]:
    """The <a> elements of a picture that carry ``data-<data>``."""
    return [a for a in svg.iter(f"{SVG}a") if a.get(f"data-{data}")]


def circle_x(link: ET.Element) -> float:
    return float(next(link.iter(f"{SVG}circle")).get("cx"))


def circle_y(link: ET.Element) -> float:
    return float(next(link.iter(f"{SVG}circle")).get("cy"))


def layout(svg: ET.Element) -> str:
    """``wide`` or ``narrow``: which of a picture's two layouts this SVG is ("" for a picture with one)."""
    classes = svg.get("class", "").split()
    return "wide" if "fact-wide" in classes else "narrow" if "fact-narrow" in classes else ""


def drawn_words(svg: ET.Element, link: ET.Element) -> str:
    """The words a reader sees for ``link``: its own text, or that of the words group drawn just before it."""
    children = list(svg)
    before = children[children.index(link) - 1] if link in children and children.index(link) else None
    if before is not None and before.get("class") == "words":
        return " ".join(text_of(t) for t in before.iter(f"{SVG}text"))
    return " ".join(text_of(t) for t in link.iter(f"{SVG}text"))


def label_in_name(name: str, words: str) -> bool:
    """WCAG 2.5.3 as axe checks it: the drawn words appear in the accessible name, in order and together
    (words are runs of letters and digits; punctuation such as ``:`` or ``…`` does not count)."""
    needle, haystack = re.findall(r"\w+", words), re.findall(r"\w+", name)
    return bool(needle) and any(haystack[i:i + len(needle)] == needle for i in range(len(haystack) - len(needle) + 1))


def text_of(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


class _Quiet(FactBase):
    """A fact base whose repr is one line."""

    def __repr__(self) -> str:
        return f"<fact base: {len(self.actors)} actors, {len(self.events)} events>"


def quiet(base: FactBase) -> FactBase:
    """``base`` printed in one line: pytest prints a failing test's arguments, and the default repr of the
    cross-linked model walks every link from every object (minutes for the real fact base)."""
    return _Quiet(**{f.name: getattr(base, f.name) for f in dataclasses.fields(base)})


@pytest.fixture(scope="module")
def small_base(small_facts) -> FactBase:
    return quiet(fact_base(small_facts))


@pytest.fixture(scope="module")
def small_pages(small_base) -> dict[str, str | bytes]:
    return Renderer(small_base).pages()


def plain_facts(events: list[tuple[str, str, list[str]]], actors: list[str]) -> dict:
    """A minimal fact base (no seeds needed): ``events`` as (id, date, participant ids)."""
    source = {"id": "s", "file": "s.txt", "headline": "عنوان", "published": "2022-12-31"}
    return {
        "sources": [source],
        "actors": [{"id": a, "kind": "person", "name": f"الفاعل {a}", "name_latin": a, "description": "وصف",
                    "sources": ["s"]} for a in actors],
        "events": [{"id": e, "title": f"الحدث {e}", "kind": "meeting", "date": d, "status": "held",
                    "summary": "ملخص", "sources": ["s"], "participants": p} for e, d, p in events],
        "quotes": [], "claims": [], "skipped_quotations": [],
    }


# --- the timeline ---------------------------------------------------------------------------------

def test_timeline_draws_every_event_once_in_each_layout_each_a_link_to_its_page(small_pages, small_base):
    titles = {e.id: e.title for e in small_base.events.values()}
    for kind in ("wide", "narrow"):
        svgs = [svg for svg in pictures(small_pages["timeline.md"]) if layout(svg) == kind]
        drawn = [(svg, a) for svg in svgs for a in links(svg, "event")]
        assert Counter(a.get("data-event") for _, a in drawn) == Counter(titles.keys())
        for svg, a in drawn:
            event_id = a.get("data-event")
            assert a.get("href") == f"../meetings/{event_id}/"
            # Label in name (WCAG 2.5.3): the accessible name holds the drawn text, and the whole title.
            words = drawn_words(svg, a)
            assert words and label_in_name(a.get("aria-label"), words), (words, a.get("aria-label"))
            assert titles[event_id] in a.get("aria-label")
            assert titles[event_id] in text_of(a.find(f"{SVG}title"))


def test_timeline_runs_right_to_left_later_dates_further_left(small_pages, small_base):
    for svg in pictures(small_pages["timeline.md"]):
        if layout(svg) != "wide":
            continue
        assert svg.get("direction") == "rtl"
        drawn = sorted(links(svg, "event"), key=lambda a: a.get("data-date"))
        for earlier, later in pairwise(drawn):
            if later.get("data-date") > earlier.get("data-date"):
                assert circle_x(later) < circle_x(earlier)
    january = next(svg for svg in pictures(small_pages["timeline.md"]) if svg.get("id") == "timeline-2022-01-1")
    x = {a.get("data-event"): circle_x(a) for a in links(january, "event")}
    assert x["stoltenberg-tweet-2022-01-18"] < x["nato-russia-council-2022-01-12"]


def test_narrow_timeline_runs_down_the_page_one_row_per_event_dates_at_the_right_edge():
    events = [("e1", "2022-03-20", ["a"]), ("e2", "2022-03-02", ["a"]), ("e3", "2022-03-09", ["a"])]
    page = Renderer(build_model(plain_facts(events, ["a"]), {})).pages()["timeline.md"]
    narrow = next(svg for svg in pictures(page) if svg.get("id") == "timeline-2022-03-1-narrow")
    assert float(narrow.get("width")) == NARROW_WIDTH
    rows = [(a.get("data-date"), circle_y(a), circle_x(a)) for a in links(narrow, "event")]
    assert [date for date, _, _ in rows] == ["2022-03-02", "2022-03-09", "2022-03-20"]
    assert [y for _, y, _ in rows] == sorted({y for _, y, _ in rows})  # each row below the one before
    assert len({x for _, _, x in rows}) == 1  # the dots on one vertical axis
    days = [[text_of(t) for t in g.iter(f"{SVG}text")] for g in narrow.iter(f"{SVG}g") if g.get("class") == "day"]
    assert days == [["2", "مارس"], ["9", "مارس"], ["20", "مارس"]]
    for g in narrow.iter(f"{SVG}g"):
        if g.get("class") == "day":  # the date column, right of the axis
            assert all(float(t.get("x")) > rows[0][2] for t in g.iter(f"{SVG}text"))


def test_timeline_months_overview_runs_top_down_links_each_month_and_no_labels_collide():
    events = [("e1", "2021-12-30", ["a"]), ("e2", "2022-01-02", ["a"]), ("e3", "2022-03-02", ["a"]),
              ("e4", "2022-03-05", ["a"])]
    page = Renderer(build_model(plain_facts(events, ["a"]), {})).pages()["timeline.md"]
    overview = next(svg for svg in pictures(page) if svg.get("id") == "timeline-months")
    months = links(overview, "month")
    assert [a.get("data-month") for a in months] == ["2021-12", "2022-01", "2022-03"]  # empty months left out
    for a in months:
        assert f"{{ #m-{a.get('data-month')} }}" in page  # the heading each bar links to
        assert label_in_name(a.get("aria-label"), drawn_words(overview, a))
    bars = [float(r.get("width")) for a in months for r in a.iter(f"{SVG}rect") if r.get("class") != "hit"]
    assert bars[2] > bars[0] == bars[1]  # as long as the month's count
    labels = sorted((float(t.get("y")), float(t.get("font-size"))) for t in overview.iter(f"{SVG}text")
                    if t.get("font-size") == "15")
    for (y1, size), (y2, _) in pairwise(labels):  # month names one under the other, never touching
        assert y2 - y1 >= 1.5 * size


def test_timeline_shows_dates_in_the_sites_arabic_style_and_digits(small_facts):
    base = fact_base(small_facts)
    for digits, day in (("western", "12"), ("eastern", "١٢")):
        renderer = Renderer(base, Settings(digits=digits))
        january = next(svg for svg in pictures(renderer.pages()["timeline.md"])
                       if svg.get("id") == "timeline-2022-01-1")
        link = next(a for a in links(january, "event") if a.get("data-event") == "nato-russia-council-2022-01-12")
        dated = drawn_words(january, link)
        assert renderer.fmt.date_text("2022-01-12") in dated
        assert f"{day} يناير/كانون الثاني" in dated
        assert renderer.fmt.month("2022-01") in text_of(january.find(f"{SVG}title"))


@pytest.mark.parametrize(("count", "phrase"), [
    (1, "حدث واحد"), (2, "حدثان"), (3, "3 أحداث"), (10, "10 أحداث"), (11, "11 حدثًا"), (99, "99 حدثًا"),
    (100, "100 حدث"), (103, "103 أحداث"), (1000, "1000 حدث"),
])
def test_event_counts_agree_with_the_arabic_number(count, phrase):
    assert Formatter().events_phrase(count) == phrase


def test_a_busy_month_is_split_into_pictures_of_bounded_size():
    events = [(f"e{i:03d}", f"2022-03-{1 + i % 31:02d}", ["a", "b"]) for i in range(95)]
    base = build_model(plain_facts(events, ["a", "b"]), {})
    page = Renderer(base, Settings(timeline_rows=40)).pages()["timeline.md"]
    for kind in ("wide", "narrow"):
        month = [svg for svg in pictures(page) if svg.get("id", "").startswith("timeline-2022-03-")
                 and layout(svg) == kind]
        assert [len(links(svg, "event")) for svg in month] == [40, 40, 15]
        expected = Counter(base.events.keys())
        assert Counter(a.get("data-event") for svg in month for a in links(svg, "event")) == expected
        if kind == "wide":
            heights = {float(svg.get("height")) for svg in month[:2]}
            assert len(heights) == 1  # full pictures are the same size, whatever the month's total


def test_fact_strings_are_escaped_in_the_pictures(small_facts):
    base = fact_base(small_facts)
    attack = '</svg><script>alert("x")</script> & <a href="javascript:x">'
    base.events["nato-russia-council-2022-01-12"].title = attack
    base.actors["russia"].name = attack
    pages = Renderer(base).pages()
    for page in ("timeline.md", "graph.md", "actors/nato.md"):
        svgs = pictures(pages[page])
        assert "<script" not in "".join(_SVG_BLOCK.findall(pages[page]))
        drawn = " ".join(text_of(svg) for svg in svgs)
        assert attack[:20] in drawn  # shown as text, whole
        assert all(a.get("href", "").startswith(("../", "./", "#")) for svg in svgs for a in svg.iter(f"{SVG}a"))


# --- the who-met-whom graph ----------------------------------------------------------------------

def shared_events(base: FactBase) -> Counter[tuple[str, str]]:
    """Independent count of the events each pair of actors shared."""
    counts: Counter[tuple[str, str]] = Counter()
    for event in base.events.values():
        people = {a.id for a in [*event.participants, event.chair] if a is not None}
        counts.update(combinations(sorted(people), 2))
    return counts


def graph_edges(svg: ET.Element) -> dict[tuple[str, str], int]:
    return {tuple(sorted((p.get("data-source"), p.get("data-target")))): int(p.get("data-weight"))
            for p in svg.iter() if p.get("class") == "edge"}


def test_graph_draws_every_connected_actor_as_a_link_and_weights_edges_by_shared_events(small_pages, small_base):
    svg = pictures(small_pages["graph.md"])[0]
    nodes = {a.get("data-actor"): a for a in links(svg, "actor")}
    expected = shared_events(small_base)
    names = {a.id: a.name for a in small_base.actors.values()}
    assert set(nodes) == {a for pair in expected for a in pair} == {"jens-stoltenberg", "nato", "russia"}
    for actor_id, a in nodes.items():
        assert a.get("href") == f"../actors/{actor_id}/"
        assert names[actor_id] in a.get("aria-label")
    assert graph_edges(svg) == dict(expected)


def test_graph_weights_count_shared_events_including_the_chair():
    facts = plain_facts([("e1", "2022-01-01", ["a", "b", "c"]), ("e2", "2022-01-02", ["a", "b"]),
                         ("e3", "2022-01-03", ["b"]), ("e4", "2022-01-04", ["a", "b"])], ["a", "b", "c", "d"])
    facts["events"][2]["chair"] = "d"  # e3: b chaired by d
    base = build_model(facts, {})
    assert meeting_graph(base).weights == {("a", "b"): 3, ("a", "c"): 1, ("b", "c"): 1, ("b", "d"): 1}
    svg = pictures(Renderer(base).pages()["graph.md"])[0]
    edges = graph_edges(svg)
    assert edges == {("a", "b"): 3, ("a", "c"): 1, ("b", "c"): 1, ("b", "d"): 1}
    widths = {tuple(sorted((p.get("data-source"), p.get("data-target")))): float(p.get("stroke-width"))
              for p in svg.iter() if p.get("class") == "edge"}
    assert widths[("a", "b")] > widths[("a", "c")]


def test_main_graph_keeps_only_the_most_connected_actors():
    actors = [f"a{i:02d}" for i in range(30)]
    events = [(f"e{i}", "2022-01-01", ["a00", actors[i]]) for i in range(1, 30)]
    events += [(f"f{i}", "2022-01-02", ["a01", actors[i]]) for i in range(2, 5)]
    base = build_model(plain_facts(events, actors), {})
    graph = meeting_graph(base)
    top = most_connected(graph, base.actors_by_name(), 5)
    assert [a.id for a in top[:2]] == ["a00", "a01"]
    assert len(top) == 5
    svg = pictures(Renderer(base, Settings(graph_actors=5)).pages()["graph.md"])[0]
    assert len(links(svg, "actor")) == 5
    assert len(chain_order(top, graph)) == 5


def test_main_graph_grows_a_connected_core_instead_of_scattered_dots():
    # A hub met five actors once each; elsewhere, pairs met three times, and never anyone else.
    events = [(f"h{i}", "2022-01-01", ["hub", f"p{i}"]) for i in range(5)]
    events += [(f"x{i}-{k}", "2022-01-02", [f"x{i}", f"y{i}"]) for i in range(3) for k in range(3)]
    actors = ["hub", *(f"p{i}" for i in range(5)), *(f"x{i}" for i in range(3)), *(f"y{i}" for i in range(3))]
    base = build_model(plain_facts(events, actors), {})
    graph = meeting_graph(base)
    top = [a.id for a in most_connected(graph, base.actors_by_name(), 4)]
    assert top[0] == "hub" and set(top[1:]) <= {f"p{i}" for i in range(5)}
    everyone = [a.id for a in most_connected(graph, base.actors_by_name(), 100)]
    assert sorted(everyone) == sorted(actors)  # once a core is exhausted, the next one starts


def test_ring_layout_spaces_nodes_evenly_in_height_on_both_sides():
    ring = ring_positions(7, 100.0, 100.0, 70.0)
    right = [y for _, y, side in ring if side > 0]
    left = [y for _, y, side in ring if side < 0]
    assert len(right) == 4 and len(left) == 3
    assert right == sorted(right) and left == sorted(left, reverse=True)
    assert all(x > 100 for x, _, side in ring if side > 0) and all(x < 100 for x, _, side in ring if side < 0)


def test_actor_page_draws_its_neighbourhood_with_shared_event_counts(small_pages, small_base):
    svgs = {svg.get("id"): svg for svg in pictures(small_pages["actors/jens-stoltenberg.md"])}
    hood = svgs["neighbours-jens-stoltenberg"]
    partners = {a.get("data-actor"): a.get("href") for a in links(hood, "actor")}
    assert partners == {"nato": "../nato/", "russia": "../russia/", "jens-stoltenberg": "./"}
    spokes = {p.get("data-target"): int(p.get("data-weight")) for p in hood.iter()
              if p.get("class") == "edge" and p.get("data-source") == "jens-stoltenberg"}
    assert spokes == {"nato": 1, "russia": 1}
    # On a phone: one row per partner, most shared first, the count drawn beside each bar.
    rows = svgs["neighbours-jens-stoltenberg-narrow"]
    drawn = [(a.get("data-actor"), int(a.get("data-weight")), drawn_words(rows, a)) for a in links(rows, "actor")]
    assert [(actor, weight) for actor, weight, _ in drawn] == [("nato", 1), ("russia", 1)]
    names = {a.id: a.name for a in small_base.actors.values()}
    assert [words for _, _, words in drawn] == [f"{names['nato']} 1", f"{names['russia']} 1"]
    assert "neighbours-sergei-lavrov" not in small_pages["actors/sergei-lavrov.md"]  # met nobody


def test_actor_page_small_timeline_shows_its_events_as_links_and_its_quotes(small_pages, small_base):
    for actor in small_base.actors.values():
        page = small_pages[ROUTES.page(actor)]
        strip = next((svg for svg in pictures(page) if svg.get("id") == f"strip-{actor.id}"), None)
        if not actor.events and not actor.quotes:
            assert strip is None
            continue
        assert strip is not None
        events = {a.get("data-event"): a.get("href") for a in links(strip, "event")}
        expected_events = {e.id: f"../../meetings/{e.id}/" for e in actor.events}
        assert events == expected_events
        quotes = {g.get("data-quote") for g in strip.iter(f"{SVG}g") if g.get("data-quote")}
        expected_quotes = {q.id for q in actor.quotes}
        assert quotes == expected_quotes
        for quote_id in expected_quotes:
            assert f'id="q-{quote_id}"' in page  # the quote the marker stands for is on the page
        xs = {a.get("data-date"): circle_x(a) for a in links(strip, "event")}
        dates = sorted(xs)
        assert [xs[d] for d in dates] == sorted(xs.values(), reverse=True)  # right to left
        # On a phone: the same events and quotes, one row each, earliest at the top.
        narrow = next(svg for svg in pictures(page) if svg.get("id") == f"strip-{actor.id}-narrow")
        assert {a.get("data-event"): a.get("href") for a in links(narrow, "event")} == expected_events
        marks = [m for m in narrow if m.get("data-event") or m.get("data-quote")]
        assert {m.get("data-quote") for m in marks} - {None} == expected_quotes
        assert [m.get("data-date") for m in marks] == sorted(m.get("data-date") for m in marks)
        tops = [float(next(m.iter(f"{SVG}text" if m.get("data-quote") else f"{SVG}circle")).get(
            "y" if m.get("data-quote") else "cy")) for m in marks]
        assert tops == sorted(tops) and len(set(tops)) == len(tops)


# --- what every picture promises a reader on a phone ------------------------------------------------

@pytest.fixture(scope="module")
def long_title_pages(small_facts) -> dict[str, str | bytes]:
    """The small site with an event whose title is too long for any row: drawn shortened and wrapped."""
    base = fact_base(small_facts)
    base.events["nato-russia-council-2022-01-12"].title = " ".join(["اجتماع مجلس الناتو-روسيا في بروكسل"] * 6)
    return Renderer(base).pages()


def test_every_link_in_every_picture_is_named_with_its_drawn_words(small_pages, long_title_pages):
    checked = 0
    for pages in (small_pages, long_title_pages):
        for page, text in pages.items():
            if not page.endswith(".md"):
                continue
            for svg in pictures(text):
                for a in svg.iter(f"{SVG}a"):
                    words = drawn_words(svg, a)
                    if not words:  # only the markers of an actor's wide strip are drawn without words
                        assert svg.get("id").startswith("strip-") and layout(svg) == "wide", a.attrib
                        assert a.get("aria-label") == text_of(a.find(f"{SVG}title"))
                        continue
                    assert label_in_name(a.get("aria-label", ""), words), (page, words, a.get("aria-label"))
                    checked += 1
    assert checked > 20


def test_long_titles_are_wrapped_and_shortened_never_run_past_the_picture(long_title_pages):
    narrow = next(svg for svg in pictures(long_title_pages["timeline.md"])
                  if svg.get("id") == "timeline-2022-01-1-narrow")
    link = next(a for a in links(narrow, "event") if a.get("data-event") == "nato-russia-council-2022-01-12")
    words = [t for g in narrow if g.get("class") == "words" for t in g.iter(f"{SVG}text")
             if t.get("class") == "title"]
    lines_of_title = [text_of(t) for t in words if float(t.get("y")) < circle_y(link) + 80 and
                      float(t.get("y")) > circle_y(link) - 10]
    assert len(lines_of_title) == 3 and lines_of_title[-1].endswith("…")
    assert link.get("aria-label").endswith(" — " + " ".join(["اجتماع مجلس الناتو-روسيا في بروكسل"] * 6))
    for svg in pictures(long_title_pages["timeline.md"]):
        width = float(svg.get("width"))
        for t in svg.iter(f"{SVG}text"):  # estimated extent of each label, by the generator's own measure
            x, size, anchor = float(t.get("x")), float(t.get("font-size")), t.get("text-anchor")
            extent = len(text_of(t)) * size * EM_PER_CHAR
            left = {"start": x - extent, "end": x, "middle": x - extent / 2}[anchor]
            assert 0 <= left and left + extent <= width + 0.5, (svg.get("id"), text_of(t))


def test_labels_are_never_drawn_under_the_smallest_size_and_layouts_fit_their_screens(small_pages):
    seen = set()
    for page, text in small_pages.items():
        if not page.endswith(".md"):
            continue
        for svg in pictures(text):
            sizes = [float(t.get("font-size")) for t in svg.iter(f"{SVG}text")]
            assert min(sizes, default=SMALLEST) >= SMALLEST, svg.get("id")
            kind, width = layout(svg), float(svg.get("width"))
            seen.add(kind)
            if kind == "narrow" or svg.get("id") == "timeline-months":
                assert width == NARROW_WIDTH  # about a phone's column: drawn at about its own size
            elif "fact-graph-svg" not in svg.get("class"):
                assert width <= 640  # shown at least 600 px wide (visual.css): scale ≥ 0.94
    assert seen == {"wide", "narrow", ""}  # "": the months overview and the graph, one layout each


def test_small_markers_have_tap_targets_that_do_not_overlap():
    # Six events on six consecutive days, and more on one day: markers close together in the wide strip.
    events = [(f"e{i}", f"2022-01-{1 + i:02d}", ["a"]) for i in range(6)]
    events += [(f"f{i}", "2022-01-03", ["a"]) for i in range(8)]
    pages = Renderer(build_model(plain_facts(events, ["a"]), {})).pages()
    strip = next(svg for svg in pictures(pages[ROUTES.page("actors/a.md")]) if svg.get("id") == "strip-a")
    boxes = [(float(r.get("x")), float(r.get("y")), float(r.get("width"))) for a in links(strip, "event")
             for r in a.iter(f"{SVG}rect") if r.get("class") == "hit"]
    assert len(boxes) == len(links(strip, "event")) > 6 and all(side >= 24 for _, _, side in boxes)
    for (x1, y1, side), (x2, y2, _) in combinations(boxes, 2):
        assert abs(x1 - x2) >= side or abs(y1 - y2) >= side, "two tap targets overlap"
    assert any(t.get("class") == "more" for t in strip.iter(f"{SVG}text"))  # a full column says how many more


def test_a_busy_actors_narrow_strip_stops_at_a_bounded_number_of_rows_and_says_how_many_more():
    events = [(f"e{i:02d}", f"2022-01-{1 + i % 28:02d}", ["a"]) for i in range(50)]
    pages = Renderer(build_model(plain_facts(events, ["a"]), {})).pages()
    narrow = next(svg for svg in pictures(pages[ROUTES.page("actors/a.md")]) if svg.get("id") == "strip-a-narrow")
    assert len(links(narrow, "event")) == NARROW_MOST == 40
    more = [text_of(t) for t in narrow.iter(f"{SVG}text") if t.get("class") == "more"]
    assert more == ["و10 غيرها في القوائم أدناه"]


@pytest.mark.parametrize(("label", "limit", "most", "expected"), [
    ("واحد اثنان ثلاثة", 20, 2, ["واحد اثنان ثلاثة"]),
    ("واحد اثنان ثلاثة أربعة", 11, 3, ["واحد اثنان", "ثلاثة أربعة"]),
    ("واحد اثنان ثلاثة أربعة خمسة", 11, 2, ["واحد اثنان", "ثلاثة أربعة…"]),
    ("abcdefghijkl mn", 5, 3, ["abcde…", "mn"]),
    ("", 5, 2, [""]),
])
def test_wrap_breaks_at_spaces_and_cuts_only_the_last_line(label, limit, most, expected):
    assert wrap(label, limit, most) == expected


# --- URLs and the built site ----------------------------------------------------------------------

@pytest.mark.parametrize(("here", "target", "url"), [
    ("timeline.md", "meetings/x.md", "../meetings/x/"),
    ("graph.md", "actors/nato.md", "../actors/nato/"),
    ("actors/nato.md", "meetings/x.md", "../../meetings/x/"),
    ("actors/nato.md", "actors/nato.md", "./"),
    ("index.md", "actors/nato.md", "actors/nato/"),
    ("actors/index.md", "index.md", "../"),
    ("data/events.atom", "meetings/x.md", "../meetings/x/"),
    ("open-data.md", "data/facts.json", "../data/facts.json"),
])
def test_relative_urls_match_the_folders_mkdocs_serves(here, target, url):
    assert Routes().relative_url(here, target) == url
    assert Routes().served_path("meetings/index.md") == "meetings/"


def _resolve(site: Path, page: Path, href: str) -> Path:
    path = href.split("#")[0]
    if not path:
        return page
    target = (page.parent / path).resolve()
    return target / "index.html" if path.endswith("/") else target


def test_every_link_in_every_built_picture_leads_to_a_built_page(built_small_site, small_base):
    """MkDocs checks Markdown links but not hrefs inside raw HTML: this test is what checks the SVG ones."""
    site = built_small_site / "site"
    seen_events: set[str] = set()
    seen_actors: set[str] = set()
    for html_file in sorted(site.rglob("index.html")):
        text = html_file.read_text(encoding="utf-8")
        for svg in pictures(text):
            for a in svg.iter(f"{SVG}a"):
                href = a.get("href")
                target = _resolve(site, html_file, href)
                assert target.is_file(), f"{html_file.relative_to(site)}: {href} leads nowhere"
                fragment = href.partition("#")[2]
                if fragment:
                    assert f'id="{fragment}"' in target.read_text(encoding="utf-8"), href
                if html_file.parent.name == "timeline":
                    seen_events.add(a.get("data-event") or "")
                if html_file.parent.name == "graph":
                    seen_actors.add(a.get("data-actor") or "")
    events = set(small_base.events)
    connected = {a for pair in shared_events(small_base) for a in pair}
    assert events <= seen_events
    assert connected == seen_actors - {""}


def test_pictures_are_deterministic(small_facts):
    first = Renderer(fact_base(small_facts)).pages()
    second = Renderer(fact_base(small_facts)).pages()
    for page in ("timeline.md", "graph.md", "actors/jens-stoltenberg.md"):
        assert first[page] == second[page]
