"""data/facts.schema.json: committed, named by facts.yaml, and in agreement with the checker.

The checker (generator.facts.load + generator.facts.validate) and the JSON Schema are run over the same
documents: the valid small fixture, a corpus of single mutations derived from the schema declaration
in generator/facts/schema.py, and a corpus of mistakes the schema cannot see. For every schema-level
mutation both must say "invalid"; for every harmless one both must say "valid".

Beyond JSON Schema, checked by generator/facts/validate.py only (the BEYOND_SCHEMA corpus below):
- references: an id must exist, in the right section, and an event cannot follow itself;
- uniqueness of ids across sections, and ids reserved for index pages;
- plausibility: dates within 1991–2030, end_date not before date, a held event or a quote not dated
  after every source that reports it, an inferred date explained in date_note;
- provenance: quote text and claim evidence found verbatim in the cited seed, and the seed file exists;
- character hygiene: invisible, bidi and control characters inside otherwise valid text.
YAML-level pitfalls (duplicate keys, `no`/`1.10` read as non-text, tabs, tags, aliases) happen before
there is a document to validate; tests/test_yaml_pitfalls.py covers them.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from generator.facts.errors import FactsError
from generator.facts.load import load_yaml
from generator.facts.schema import SECTIONS, Field, Kind, json_schema, json_schema_text
from generator.facts.validate import validate

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SCHEMA_FILE = ROOT / "data" / "facts.schema.json"
SCHEMA_LINE = "# yaml-language-server: $schema=./facts.schema.json"

Data = dict[str, Any]
Mutation = Callable[[Data], None]


@pytest.fixture(scope="module")
def valid_data(small_facts: Path) -> Data:
    """The small fixture as plain data (every value in it is text, a list or a mapping)."""
    return yaml.safe_load(small_facts.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def schema_validator() -> jsonschema.Draft202012Validator:
    """A validator for the committed schema that also asserts `format: date`."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def checker_accepts(data: Data) -> bool:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    try:
        validate(load_yaml(text, "facts.yaml"), SEEDS)
    except FactsError:
        return False
    return True


def schema_accepts(validator: jsonschema.Draft202012Validator, data: Data) -> bool:
    return validator.is_valid(data)


# --- the committed file -----------------------------------------------------------------------


def test_committed_schema_is_what_schema_py_declares():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema_text()


def test_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(json_schema())


def test_facts_yaml_names_the_schema_on_its_first_line():
    first = (ROOT / "data" / "facts.yaml").read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == SCHEMA_LINE


def test_the_schema_named_by_the_fixture_exists(small_facts: Path):
    first = small_facts.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first.startswith("# yaml-language-server: $schema=")
    named = (small_facts.parent / first.split("$schema=", 1)[1]).resolve()
    assert named == SCHEMA_FILE


def test_every_field_carries_a_description_in_both_languages():
    for section in json_schema()["properties"].values():
        for name, field in section["items"]["properties"].items():
            english, _, arabic = field["description"].partition(" | ")
            assert english and arabic, name


# --- agreement --------------------------------------------------------------------------------


def test_both_accept_the_valid_fixture(valid_data: Data, schema_validator):
    assert checker_accepts(valid_data)
    assert schema_accepts(schema_validator, valid_data)


def _hosts(data: Data) -> Iterator[tuple[Kind, str, Callable[[Data], dict[str, Any]]]]:
    """Each kind of mapping with a way to reach one instance of it in the fixture."""
    for kind in SECTIONS:
        if data.get(kind.section):
            yield kind, f"{kind.section}[0]", lambda d, s=kind.section: d[s][0]
    role_kind = next(f.item for f in SECTIONS[1].fields if f.item is not None)
    actor = next(i for i, a in enumerate(data["actors"]) if a.get("roles"))
    yield role_kind, f"actors[{actor}].roles[0]", lambda d: d["actors"][actor]["roles"][0]


_WRONG_TYPES: dict[str, list[Any]] = {
    "scalar": [42, True, ["x"], {"a": "b"}],
    "list": ["x", 42, {"a": "b"}],
    "bool": ["yes", 1],
}
_BAD_VALUES: dict[str, list[Any]] = {
    "id": ["Nato", "../../etc/passwd", "a--b", "-a", "nato corp", "a" * 81, ""],
    "ref": ["Nato", "../x", ""],
    "refs": [["Nato"], ["../x"]],
    "line": ["", "   ", "a\nb"],
    "text": ["", "  \n  "],
    "lines": [["a\nb"], ["x", "x"], [""]],
    "date": ["2022/01/12", "2022-1-12", "12-01-2022", "2022-02-30", ""],
    "dates": [["2022-13-01"], ["2022-01-12", "2022-01-12"]],
    "time": ["24:00", "7:30", "18:60", "18.12"],
    "url": ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " https://example.org", "data:text/html,x", "https://",
            "ftp://example.org", "HTTPS://example.org", "https://exa mple.org", "//example.org"],
    "file": ["../000_648b771a45c50a16.txt", "x.md", ".hidden.txt", "dir/x.txt"],
    "bool": [],
    "enum": [],
    "items": [[{}], ["x"]],
}


def _field_group(f: Field) -> str:
    if f.type == "bool":
        return "bool"
    return "list" if f.type in ("refs", "lines", "dates", "items") else "scalar"


def _schema_level_mutations(data: Data) -> Iterator[tuple[str, Mutation]]:
    yield "unknown section", lambda d: d.update({"sourcs": []})
    yield "sources missing", lambda d: d.pop("sources")
    yield "actors missing", lambda d: d.pop("actors")
    yield "actors is a mapping", lambda d: d.update({"actors": {"nato": {}}})
    yield "an item is text", lambda d: d["events"].append("meeting")
    for kind, where, reach in _hosts(data):
        yield f"{where}: unknown field", lambda d, r=reach: r(d).update({"nmae": "x"})
        for f in kind.fields:
            name = f"{where}.{f.name}"
            if f.required:
                yield f"{name} missing", lambda d, r=reach, n=f.name: r(d).pop(n)
                yield f"{name} empty", lambda d, r=reach, n=f.name: r(d).update({n: None})
            bad = [*_WRONG_TYPES[_field_group(f)], *_BAD_VALUES[f.type]]
            if f.type == "enum":
                bad += ["other", f.choices[0].upper()]
            if f.name == "sources" and f.type == "refs":
                bad += [[], [data["sources"][0]["id"]] * 2]
            for value in bad:
                yield f"{name} = {value!r}", lambda d, r=reach, n=f.name, v=value: r(d).update({n: copy.deepcopy(v)})


def _harmless_mutations(data: Data) -> Iterator[tuple[str, Mutation]]:
    for kind, where, reach in _hosts(data):
        item = reach(data)
        for f in kind.fields:
            if f.required or f.name not in item or f.name == "date_note":
                continue
            yield f"{where}.{f.name} removed", lambda d, r=reach, n=f.name: r(d).pop(n)
            yield f"{where}.{f.name} left empty", lambda d, r=reach, n=f.name: r(d).update({n: None})
    yield "optional section left empty", lambda d: d.update({"skipped_quotations": None})
    yield "optional section removed", lambda d: d.pop("claims")
    yield "url added", lambda d: d["sources"][0].update({"url": "https://example.org/a?b=c#d"})
    yield "time at midnight", lambda d: d["sources"][0].update({"time": "00:00"})
    yield "last minute of the day", lambda d: d["sources"][0].update({"time": "23:59"})
    yield "spaces around a one-line text", lambda d: d["actors"][0].update({"name_latin": "  NATO  "})
    yield "text on several lines", lambda d: d["actors"][0].update({"description": "سطر أول\nسطر ثان"})
    yield "another enum choice", lambda d: d["events"][0].update({"status": "announced"})


def _corpus(make: Callable[[Data], Iterator[tuple[str, Mutation]]], data: Data) -> list[Any]:
    return [pytest.param(mutate, id=name) for name, mutate in make(data)]


_FIXTURE = yaml.safe_load((Path(__file__).parent / "fixtures" / "small_facts.yaml").read_text(encoding="utf-8"))


def _mutated(data: Data, mutate: Mutation) -> Data:
    result = copy.deepcopy(data)
    mutate(result)
    return result


@pytest.mark.parametrize("mutate", _corpus(_schema_level_mutations, _FIXTURE))
def test_both_refuse_a_schema_level_mistake(valid_data: Data, schema_validator, mutate: Mutation):
    data = _mutated(valid_data, mutate)
    assert not schema_accepts(schema_validator, data), "the schema accepts it"
    assert not checker_accepts(data), "the checker accepts it"


def test_both_refuse_a_file_that_is_a_list(schema_validator):
    assert not schema_accepts(schema_validator, [])  # type: ignore[arg-type]
    with pytest.raises(FactsError):
        validate(load_yaml("- sources\n- actors\n", "facts.yaml"), SEEDS)


@pytest.mark.parametrize("mutate", _corpus(_harmless_mutations, _FIXTURE))
def test_both_accept_a_harmless_change(valid_data: Data, schema_validator, mutate: Mutation):
    data = _mutated(valid_data, mutate)
    assert schema_accepts(schema_validator, data), "the schema refuses it"
    assert checker_accepts(data), "the checker refuses it"


def _beyond_schema(data: Data) -> Iterator[tuple[str, Mutation]]:
    claim_id = data["claims"][0]["id"]
    yield "unknown reference", lambda d: d["events"][0].update({"chair": "nobody-at-all"})
    yield "reference to the wrong section", lambda d: d["events"][0]["participants"].append(claim_id)
    yield "id used in two sections", lambda d: d["claims"][0].update({"id": d["actors"][0]["id"]})
    yield "id reserved for index pages", lambda d: d["actors"][2].update({"id": "index"})
    yield "event follows itself", lambda d: d["events"][1].update({"follows": [d["events"][1]["id"]]})
    yield "implausible year", lambda d: d["events"][0].update({"date": "1922-01-12"})
    yield "end before start", lambda d: d["events"][0].update({"end_date": "2021-01-11"})
    yield "held after its sources", lambda d: d["events"][1].update({"date": "2022-06-01"})
    yield "inferred date unexplained", lambda d: d["sources"][1].pop("date_note")
    yield "quote not verbatim", lambda d: d["quotes"][1].update({"text": d["quotes"][1]["text"] + " حرفيًا"})
    yield "claim evidence not verbatim", lambda d: d["claims"][0].update({"evidence": "نص غير موجود في المقال"})
    yield "seed file missing", lambda d: d["sources"][0].update({"file": "999_missing.txt"})
    yield "bidi override in a name", lambda d: d["actors"][0].update({"name": "حلف \u202eشمال"})
    yield "zero-width space in a name", lambda d: d["actors"][0].update({"name": "حلف\u200bشمال"})
    yield "control character in a text", lambda d: d["events"][0].update({"summary": "نص\x07"})


@pytest.mark.parametrize("mutate", _corpus(_beyond_schema, _FIXTURE))
def test_the_checker_alone_refuses_what_the_schema_cannot_express(valid_data: Data, schema_validator,
                                                                  mutate: Mutation):
    data = _mutated(valid_data, mutate)
    assert schema_accepts(schema_validator, data), "now expressible in the schema: move it to the other corpus"
    assert not checker_accepts(data)
