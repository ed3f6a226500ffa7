"""Validator: schema, references, dates and provenance, each problem located."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.facts.errors import FactsError
from generator.facts.load import load_yaml
from generator.facts.validate import validate

from .helpers import line_of

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def check(text: str) -> dict:
    return validate(load_yaml(text, "facts.yaml"), SEEDS)


def problems(text: str) -> list[str]:
    with pytest.raises(FactsError) as caught:
        check(text)
    return [str(p) for p in caught.value.problems]


def edit(small_facts: Path, old: str, new: str) -> str:
    text = small_facts.read_text(encoding="utf-8")
    assert old in text, old
    return text.replace(old, new, 1)



def test_the_small_fixture_is_valid_and_dates_come_back_as_iso_text(small_facts):
    data = check(small_facts.read_text(encoding="utf-8"))
    assert data["events"][0]["date"] == "2022-01-12"
    assert [s["id"] for s in data["sources"]] == ["arabicpost-2022-01-18", "reuters-brussels-2022-01-04"]


def test_unknown_reference_suggests_the_closest_id(small_facts):
    text = edit(small_facts, "chair: jens-stoltenberg", "chair: jens-stoltenburg")
    line = line_of(text, "chair: jens-stoltenburg")
    assert problems(text) == [
        f"facts.yaml:{line}:12: events[0] (nato-russia-council-2022-01-12).chair: unknown id `jens-stoltenburg` "
        "in actors; did you mean `jens-stoltenberg`? | معرّف غير معروف `jens-stoltenburg` في actors؛ "
        "هل تقصد `jens-stoltenberg`؟"
    ]


def test_misspelt_field_suggests_the_real_one(small_facts):
    text = edit(small_facts, "    name_latin: Sergei Lavrov", "    name_latn: Sergei Lavrov")
    found = problems(text)
    assert any("unknown field `name_latn`; did you mean `name_latin`?" in p for p in found)
    assert any("the field `name_latin` is missing" in p for p in found)


def test_reference_to_the_wrong_kind_of_entity_is_explained(small_facts):
    text = edit(small_facts, "participants: [nato, russia]", "participants: [nato, troops-100000]")
    assert any("`troops-100000` is in claims, but this field needs an id from actors" in p for p in problems(text))


def test_quote_that_is_not_verbatim_fails_with_where_it_diverges(small_facts):
    text = edit(small_facts, "إنه لن تكون هناك مفاوضات أخرى", "إنه لن تكون هنالك مفاوضات أخرى")
    line = line_of(text, "إنه لن تكون هنالك")
    [message] = problems(text)
    assert message.startswith(f"facts.yaml:{line}:11: quotes[1] (lavrov-no-more-talks).text: this text is not found "
                              "verbatim in seeds/000_648b771a45c50a16.txt (source arabicpost-2022-01-18)")
    assert "then differs at «لك مفاوضات" in message


def test_quote_matching_ignores_white_space_and_quotation_mark_style(small_facts):
    text = edit(small_facts, "نواصل دعوة روسيا لخفض التصعيد", "نواصل   دعوة روسيا\n      لخفض التصعيد")
    check(text)


def test_held_event_dated_after_its_sources_is_implausible(small_facts):
    text = edit(small_facts, 'date: "2022-01-12"', 'date: "2023-01-12"')
    assert any("a held event dated 2023-01-12 cannot be reported by sources published by 2022-01-18" in p
               for p in problems(text))


def test_ids_must_be_unique_across_sections(small_facts):
    text = edit(small_facts, "  - id: troops-100000", "  - id: russia")
    assert any("the id `russia` is already used in actors" in p for p in problems(text))


def test_every_problem_is_reported_in_one_run(small_facts):
    text = edit(small_facts, "kind: state", "kind: country")
    text = text.replace('published: "2022-01-04"', 'published: "2022-13-04"')
    found = problems(text)
    assert len(found) == 2
    assert any("`country` is not allowed here" in p for p in found)
    assert any("`2022-13-04`" in p or "2022-13-04 does not exist" in p for p in found)
