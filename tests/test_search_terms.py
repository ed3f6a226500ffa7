"""The search's build side: name spellings in each page, the same normalisation in Python and JavaScript,
and the Pagefind index written by `mkdocs build` and by `python -m generator search-index`."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.facts.model import Actor, Role
from generator.integrations.pagefind import UNUSED_PAGEFIND_FILES
from generator.site.search_terms import (
    actor_names,
    bare_word,
    page_terms,
    search_key,
    skeleton_word,
    unclitic_word,
    word_forms,
    word_variants,
)

from .conftest import ROOT, run_generator
from .helpers import fact_base

NORMALISE_JS = ROOT / "docs" / "javascripts" / "search-normalise.js"

WORDS = [
    # hamza, ta marbuta, alif maqsura, diacritics, tatweel, Persian letters, digits, Latin accents
    "الأمين", "إستونيا", "آذار", "مؤتمر", "رئيس", "منظمة", "مستشفى", "بُوتِين", "لافـــروف", "گورباتشوف", "ڤلاديمير",
    "٢٨ يناير ۲۰۲۲", "Stoltenbérg", "ŠKODA", "Straße", "ΟΔΥΣΣΕΥΣ", "NATO-Russia Council", "رقم 3.5% (تقريبًا)",
    # articles and particles
    "الناتو", "والناتو", "بالناتو", "للناتو", "فالناتو", "كالناتو", "ولافروف", "وبوتين", "لبلينكن", "للافروف", "ال",
    "لل", "و", "بلا", "ولد",
    # transliterations
    "ستولتنبرغ", "ستولتنبرج", "ستولتنبيرغ", "شولتز", "شولتس", "زاخاروفا", "زخاروفا", "جوزيب", "جوزيف", "سوفياتي",
    "سوفيتي", "دميتري", "ديمتري", "انطوني", "أنتوني", "Josep Borrell", "stoltenberg",
    # odd input: empty, spaces, punctuation, zero-width joiners, emoji
    "", "   ", "«»،؛؟!", "مح\u200cمد", "🙂 ناتو",
]


def _python_forms(text: str) -> dict:
    key = search_key(text)
    words = key.split()
    return {"key": key, "bare": [bare_word(w) for w in words], "unclitic": [unclitic_word(w) for w in words],
            "skeleton": [skeleton_word(w) for w in words], "variants": [word_variants(w) for w in words],
            "forms": [word_forms(w) for w in words]}


def _javascript_forms(texts: list[str]) -> list[dict]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: install Node.js (Debian: apt-get install nodejs)")
    program = """
      const s = require(process.argv[1]);
      const texts = JSON.parse(require('fs').readFileSync(0, 'utf8'));
      console.log(JSON.stringify(texts.map(t => {
        const key = s.searchKey(t), words = key ? key.split(' ') : [];
        return {key, bare: words.map(s.bareWord), unclitic: words.map(s.uncliticWord),
                skeleton: words.map(s.skeletonWord), variants: words.map(s.wordVariants),
                forms: words.map(s.wordForms)};
      })));
    """
    result = subprocess.run([node, "-e", program, str(NORMALISE_JS)], input=json.dumps(texts), capture_output=True,
                            text=True, timeout=60, check=True)
    return json.loads(result.stdout)


def test_browser_and_build_normalise_alike():
    base = fact_base(ROOT / "tests" / "fixtures" / "small_facts.yaml")
    names = [n for a in base.actors.values() for n in actor_names(a)] + [e.title for e in base.events.values()]
    texts = WORDS + names
    assert _javascript_forms(texts) == [_python_forms(t) for t in texts]


@pytest.mark.parametrize(("typed", "written"), [
    ("الامين", "الأمين"), ("استونيا", "إستونيا"), ("منظمه", "منظمة"), ("مستشفي", "مستشفى"), ("بوتين", "بُوتِين"),
    ("لافروف", "لافـــروف"), ("stoltenberg", "Stoltenbérg"), ("28", "٢٨"),
])
def test_spellings_fold_together(typed, written):
    assert search_key(typed) == search_key(written)


@pytest.mark.parametrize(("word", "bare"), [
    ("الناتو", "ناتو"), ("والناتو", "ناتو"), ("بالناتو", "ناتو"), ("للناتو", "ناتو"), ("ناتو", "ناتو"),
    ("ال", "ال"), ("الم", "الم"), ("بوتين", "بوتين"),
])
def test_bare_word_drops_article_and_particle(word, bare):
    assert bare_word(word) == bare


def test_particles_are_tried_without_losing_names_that_start_with_them():
    assert "لافروف" in word_variants("ولافروف")
    assert "لافروف" in word_variants("للافروف")
    assert "بوتين" in word_variants("بوتين") and "بوتين" in word_variants("وبوتين")
    assert "بلينكن" in word_variants("لبلينكن")
    assert word_variants("ولد") == ["ولد"]  # too short to hold a particle and a word


@pytest.mark.parametrize(("one", "other"), [
    ("ستولتنبرغ", "ستولتنبيرغ"), ("ستولتنبرغ", "ستولتنبرج"), ("شولتز", "شولتس"), ("زاخاروفا", "زخاروفا"),
    ("جوزيب", "جوزيف"), ("سوفياتي", "سوفيتي"), ("دميتري", "ديمتري"), ("انطوني", "انتوني"), ("بلينكن", "بلينكين"),
])
def test_transliterations_share_a_skeleton(one, other):
    assert skeleton_word(search_key(one)) == skeleton_word(search_key(other))


@pytest.mark.parametrize(("one", "other"), [("بوتين", "بايدن"), ("لافروف", "ريابكوف"), ("روسيا", "رومانيا")])
def test_different_names_keep_different_skeletons(one, other):
    assert skeleton_word(search_key(one)) != skeleton_word(search_key(other))


def _person(name: str, latin: str, aliases: list[str] | None = None, kind: str = "person") -> Actor:
    return Actor(id="x", kind=kind, name=name, name_latin=latin, description="", sources=[], aliases=aliases or [])


def test_actor_names_add_parts_in_parentheses_and_surnames():
    nato = _person("الناتو", "NATO (North Atlantic Treaty Organization)", ["حلف (شمال الأطلسي) الناتو"],
                   kind="institution")
    assert actor_names(nato) == ["الناتو", "NATO North Atlantic Treaty Organization", "NATO",
                                 "North Atlantic Treaty Organization", "حلف شمال الأطلسي الناتو", "حلف الناتو",
                                 "شمال الأطلسي"]
    scholz = _person("أولاف شولتز", "Olaf Scholz")
    assert actor_names(scholz)[-2:] == ["Scholz", "شولتز"]
    # A description is not a name: no surname "Romania", and a remark in parentheses is dropped.
    premier = _person("رئيس الوزراء الروماني", "Prime Minister of Romania (not named in the source)")
    assert actor_names(premier) == ["رئيس الوزراء الروماني", "Prime Minister of Romania"]


def test_page_terms_hold_every_spelling_and_role():
    nato = _person("الناتو", "NATO", kind="institution")
    stoltenberg = _person("ينس ستولتنبرغ", "Jens Stoltenberg", ["ستولتنبرج"])
    stoltenberg.roles.append(Role("الأمين العام", nato, [], []))
    terms = page_terms(stoltenberg)
    assert terms.names.split(" | ") == ["ينس ستولتنبرغ", "jens stoltenberg", "ستولتنبرج", "stoltenberg",
                                        "ستولتنبرغ"]
    assert terms.roles.split(" | ") == ["الامين العام", "الامين العام الناتو"]
    words = terms.terms.split()
    for form in ("ستولتنبرغ", "ستولتنبرج", "ستلتنبرج", "stoltenberg", "امين", "ناتو"):
        assert form in words
    assert len(words) == len(set(words))


@pytest.mark.slow
def test_built_site_has_hidden_terms_and_a_pagefind_index(built_small_site):
    site = built_small_site / "site"
    actor = (site / "actors" / "jens-stoltenberg" / "index.html").read_text(encoding="utf-8")
    assert '<div class="fact-search-terms" hidden data-pagefind-ignore="index">' in actor
    assert 'data-pagefind-meta="names">ينس ستولتنبرغ' in actor
    assert "data-pagefind-body" in actor
    event = (site / "meetings" / "nato-russia-council-2022-01-12" / "index.html").read_text(encoding="utf-8")
    assert 'data-pagefind-meta="names">اجتماع مجلس الناتو روسيا في بروكسل</span>' in event
    # Lists repeat every name: they stay out of the index.
    assert "data-pagefind-body" not in (site / "actors" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert list((site / "pagefind" / "fragment").iterdir())
    assert not [n for n in UNUSED_PAGEFIND_FILES if (site / "pagefind" / n).exists()]
    # Material's search plugin is gone, with its single index of every page.
    assert not (site / "search" / "search_index.json").exists()


@pytest.mark.slow
def test_search_index_command_indexes_a_site_built_without_plugins(built_small_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_small_site / "site", site, ignore=shutil.ignore_patterns("pagefind"))
    result = run_generator(built_small_site, "search-index", str(site))
    assert result.returncode == 0, result.stderr
    assert "search index:" in result.stdout
    assert (site / "pagefind" / "pagefind.js").is_file()
    missing = run_generator(built_small_site, "search-index", str(tmp_path / "nowhere"))
    assert missing.returncode == 1
    assert "no index.html" in missing.stderr


def test_search_index_command_is_documented(tmp_path: Path):
    result = run_generator(tmp_path, "search-index", "--help")
    assert result.returncode == 0
    assert "search" in result.stdout
