"""Provenance: every quotation-marked passage of every seed is either a recorded quote or a skip."""

from __future__ import annotations

import pytest

from generator.extract import find_quotation_spans
from generator.facts.text import provenance_key

from .helpers import ROOT, fact_base


@pytest.fixture(scope="module")
def real_base():
    return fact_base(ROOT / "data" / "facts.yaml")


def unaccounted_passages(base) -> list[str]:
    missing = []
    for source in base.sources.values():
        quoted = [provenance_key(q.text) for q in source.quotes]
        skipped = {provenance_key(s["text"]) for s in base.skipped if s["source"] == source.id}
        for start, end in find_quotation_spans(source.text):
            passage = provenance_key(source.text[start:end])
            if passage in skipped or any(passage in q or q in passage for q in quoted):
                continue
            missing.append(f"seeds/{source.file}:{start}: «{passage[:60]}»")
    return missing


def test_every_quoted_passage_is_a_quote_or_skipped_with_a_reason(real_base):
    assert unaccounted_passages(real_base) == []


def test_the_check_notices_a_passage_nobody_accounted_for():
    base = fact_base(ROOT / "data" / "facts.yaml")
    base.skipped[:] = [s for s in base.skipped if provenance_key(s["text"]) != "دونباس"]
    assert any("«دونباس»" in line for line in unaccounted_passages(base))


def test_every_skip_has_a_reason(real_base):
    assert real_base.skipped and all(s["reason"].strip() for s in real_base.skipped)


def test_several_sources_for_one_event_are_all_cited(real_base):
    council = real_base.events["nato-russia-council-2022-01-12"]
    assert len(council.sources) >= 2
