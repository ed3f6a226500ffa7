"""Extraction on articles it was not tuned on: the held-out half of our own corpus (tests/fixtures/extract_corpus).

The rules were tuned on the ``dev`` half; these thresholds are the issue's, asserted on ``heldout``.  Its
articles were written in batches before any measurement; the errors of two batches were read after they
had been measured once (their first figures are in the issue's closing note).  Batch D (a68–a78, the
shapes of issue 13's second round) was written before those rules and measured once before them: direct
4/10 found, speakers 3/4; reported 20/20 found, speakers 14/20; its errors were not read.
"""

from __future__ import annotations

import pytest
import yaml

from generator.extract import extract_quotes

from .bench_extract import CORPUS, corpus, score
from .helpers import said


@pytest.fixture(scope="module")
def heldout():
    return score(corpus("heldout"))


def test_gold_quotes_are_verbatim_spans_of_their_article():
    for half in ("dev", "heldout"):
        for txt in sorted((CORPUS / half).glob("*.txt")):
            text = txt.read_text(encoding="utf-8")
            gold = yaml.load(txt.with_suffix(".yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
            for q in gold["quotes"]:
                assert text[q["start"]:q["start"] + len(q["text"])] == q["text"], (txt.name, q["text"])
                assert q["kind"] in ("direct", "paraphrase") and q["speaker"].strip()


def test_both_halves_cover_both_kinds_of_speech():
    for half in ("dev", "heldout"):
        kinds = [g.kind for _, _, gold in corpus(half) for g in gold]
        assert kinds.count("direct") >= 15 and kinds.count("paraphrase") >= 15, half


def test_direct_quotes_are_found_on_the_held_out_half(heldout):
    assert heldout["direct"].recall >= 0.95
    assert heldout["direct"].precision >= 0.85


def test_reported_speech_is_found_on_the_held_out_half(heldout):
    assert heldout["paraphrase"].recall >= 0.85
    assert heldout["paraphrase"].precision >= 0.85


def test_speakers_are_right_on_the_held_out_half(heldout):
    assert heldout["direct"].speaker_accuracy >= 0.90
    assert heldout["paraphrase"].speaker_accuracy >= 0.90


# --- the rules, one construction each (our own sentences) ------------------------------------------

def test_a_title_chain_resolves_to_the_name_it_ends_in_with_title_and_body():
    (c,) = extract_quotes("وقال رئيس الوفد الياباني إلى محادثات جنيف كينجي أوتا: «لن نتراجع عن موقفنا».", "s", {})
    assert (c.kind, c.speaker_name, c.speaker_title, c.speaker_affiliation, c.speaker_kind) == (
        "direct", "كينجي أوتا", "رئيس الوفد الياباني إلى محادثات جنيف", "الوفد الياباني إلى محادثات جنيف", "person")


def test_a_spokeswoman_speaks_not_her_ministry():
    (c,) = extract_quotes("وقالت المتحدثة الرسمية باسم وزارة الزراعة الكينية ميريام نجيري إن الموسم سيكون جيدا.",
                          "s", {})
    assert (c.kind, c.text, c.speaker_name, c.speaker_affiliation) == (
        "paraphrase", "الموسم سيكون جيدا", "ميريام نجيري", "وزارة الزراعة الكينية")


def test_reported_speech_ends_where_the_next_statement_begins():
    assert said("وأكد الوزير سامي حداد أن الميزانية متوازنة، مشيرا إلى أن العجز تراجع.") == [
        ("paraphrase", "الميزانية متوازنة", "سامي حداد"), ("paraphrase", "العجز تراجع", "سامي حداد")]


def test_an_entity_inside_the_reported_clause_never_becomes_the_speaker():
    text = "وأكد وزير المالية سامي حداد أن وزارة التخطيط ستنشر الأرقام قريبا، وقال: «الأرقام مطمئنة»."
    assert [speaker for _, _, speaker in said(text)] == ["سامي حداد", "سامي حداد"]


def test_an_agency_relays_an_unnamed_source_that_later_speaks_again():
    text = ("ونقلت وكالة رويترز عن مصدر دبلوماسي كندي قوله إن الاتفاق بات قريبا.\n"
            "وقال المصدر: «بقيت تفاصيل صغيرة».")
    found = extract_quotes(text, "s", {})
    assert [(c.kind, c.speaker_name, c.speaker_kind) for c in found] == [
        ("paraphrase", "مصدر دبلوماسي كندي", "anonymous"), ("direct", "مصدر دبلوماسي كندي", "anonymous")]


def test_an_agency_reporting_on_its_own_account_is_not_speech():
    assert said("وذكرت وكالة بلومبرغ أن الأرباح جاءت أقل من التوقعات.") == []


def test_a_temporal_an_is_not_reported_speech():
    assert said("وغادر الوفد بعد أن وقع الاتفاق.") == []
