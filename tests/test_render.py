"""Rendering: escaping, Arabic dates, highlighting, and golden pages from the small fixture."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from generator.site.render import Renderer, Settings, highlight, md

from .helpers import ROUTES, fact_base

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
PARSER = MarkdownIt("commonmark", {"html": True}).enable("table")


@pytest.fixture(scope="module")
def small_pages(small_facts):
    return Renderer(fact_base(small_facts)).pages()


@pytest.mark.parametrize("attack", [
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "a | b | c",
    "**bold** _it_ `code` # heading",
    "<img src=x onerror=alert(1)>",
    "{: onclick=\"x\" }",
    "![i](http://x/y.png)",
])
def test_md_leaves_no_markup_for_markdown_to_interpret(attack):
    tokens = PARSER.parseInline(md(attack))[0].children or []
    # The only markup is ours: <bdi> around Latin runs, so they keep their order inside Arabic.
    assert {t.content for t in tokens if t.type != "text"} <= {"<bdi>", "</bdi>"}
    assert "".join(t.content for t in tokens if t.type == "text") == attack


def test_md_isolates_latin_runs_inside_arabic():
    assert md("قال Jens Stoltenberg لـ AFP") == "قال <bdi>Jens Stoltenberg</bdi> لـ <bdi>AFP</bdi>"


def test_md_keeps_a_value_on_one_line():
    assert md("سطر\n\n# عنوان") == "سطر &#35; عنوان"


def test_dates_show_both_month_traditions_inside_time_elements(small_facts):
    renderer = Renderer(fact_base(small_facts))
    assert renderer.date("2022-01-12") == '<time datetime="2022-01-12">12 يناير/كانون الثاني 2022</time>'
    eastern = Renderer(fact_base(small_facts), Settings(digits="eastern"))
    assert eastern.date("2021-12-07") == '<time datetime="2021-12-07">٧ ديسمبر/كانون الأول ٢٠٢١</time>'


def test_highlight_wraps_each_span_and_reopens_across_paragraphs():
    text = "قال: \"أولًا.\nثانيًا\" ثم <b>"
    start = text.index("أولًا")
    end = text.index("ثانيًا") + len("ثانيًا")
    assert highlight(text, [(start, end, "q-x", "quote direct")]) == [
        'قال&#58; &#34;<mark id="q-x" class="quote direct">أولًا&#46;</mark>',
        '<mark class="quote direct">ثانيًا</mark>&#34; ثم &#60;<bdi>b</bdi>&#62;',
    ]


def test_overlapping_or_identical_spans_keep_an_anchor():
    text = "ألف باء جيم دال"
    spans = [(0, 11, "q-a", "quote direct"), (0, 11, "q-same", "quote direct"), (4, 7, "q-b", "quote paraphrase")]
    [paragraph] = highlight(text, spans)
    assert 'id="q-a"' in paragraph and '<a id="q-b"></a>' in paragraph and '<a id="q-same"></a>' in paragraph


def test_every_entity_gets_a_page_and_every_index_exists(small_pages, small_facts):
    base = fact_base(small_facts)
    expected = {ROUTES.page(a) for a in base.actors.values()} | {ROUTES.page(e) for e in base.events.values()} | {
        ROUTES.page(s) for s in base.sources.values()}
    assert expected <= small_pages.keys()
    for index in ("index.md", "actors/index.md", "meetings/index.md", "sources/index.md", "timeline.md"):
        assert index in small_pages


def test_meetings_index_is_sorted_by_date(small_pages):
    rows = [line for line in small_pages["meetings/index.md"].splitlines() if line.startswith("| <time")]
    dates = [row.split('datetime="')[1][:10] for row in rows]
    assert dates == sorted(dates) and len(dates) == 2


@pytest.mark.parametrize("page", [
    "actors/jens-stoltenberg.md",
    "meetings/nato-russia-council-2022-01-12.md",
    "sources/reuters-brussels-2022-01-04.md",
    "actors/index.md",
    "index.md",
])
def test_rendered_page_matches_its_golden_file(small_pages, page):
    golden = GOLDEN / page.replace("/", "__")
    if UPDATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(small_pages[page], encoding="utf-8")
    assert small_pages[page] == golden.read_text(encoding="utf-8"), (
        f"{page} changed; if intended, run UPDATE_GOLDEN=1 pytest tests/test_render.py and review the diff")


def test_rendering_is_deterministic(small_facts):
    first = Renderer(fact_base(small_facts)).pages()
    second = Renderer(fact_base(small_facts)).pages()
    assert first == second
    assert list(first) == sorted(first)


def test_two_accounts_of_one_fact_are_shown_once_side_by_side():
    from .helpers import ROOT

    pages = Renderer(fact_base(ROOT / "data" / "facts.yaml")).pages()
    council = pages["meetings/nato-russia-council-2022-01-12.md"]
    assert council.count('!!! warning "روايات متباينة"') == 1
    assert "قادة أركان" in council and "سفراء" in council


def test_very_many_actors_of_a_kind_get_one_index_page_per_initial_letter(small_facts):
    pages = Renderer(fact_base(small_facts), Settings(index_page_size=1)).pages()
    index = pages["actors/index.md"]
    assert "[س (1)](by-letter/person-1.md)" in index and "[ي (1)](by-letter/person-2.md)" in index
    assert "sergei-lavrov.md" not in index  # the people are listed on their letter pages instead
    assert "[سيرغي لافروف](../sergei-lavrov.md)" in pages["actors/by-letter/person-1.md"]
    assert "[حلف شمال الأطلسي](nato.md)" in index  # kinds under the limit keep their table
