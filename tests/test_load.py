"""Loader: YAML text → plain values with the position of every key and value."""

from __future__ import annotations

import pytest

from generator.facts.errors import FactsError
from generator.facts.load import load_file, load_yaml


def problems_of(text: str) -> list[str]:
    with pytest.raises(FactsError) as caught:
        load_yaml(text, "facts.yaml")
    return [str(p) for p in caught.value.problems]


def test_positions_of_values_and_keys_are_one_based(small_facts):
    loaded = load_file(small_facts, "small.yaml")
    lines = small_facts.read_text(encoding="utf-8").splitlines()
    line, col = loaded.marks[("actors", 1, "id")]
    assert lines[line - 1][col - 1:].startswith("jens-stoltenberg")
    key_line, key_col = loaded.key_marks[("actors", 1, "name_latin")]
    assert lines[key_line - 1][key_col - 1:].startswith("name_latin:")


def test_arabic_text_is_read_as_is(small_facts):
    loaded = load_file(small_facts)
    assert loaded.data["actors"][1]["name"] == "ينس ستولتنبرغ"


def test_duplicate_key_is_reported_at_the_second_occurrence():
    text = "actors:\n  - id: a\n    name: أ\n    name: ب\n"
    assert problems_of(text) == [
        "facts.yaml:4:5: actors[0]: duplicate key `name` (first at line 3); keep only one "
        "| المفتاح `name` مكرر (أول مرة في السطر 3)؛ أبقِ واحدًا فقط"
    ]


def test_alias_is_refused_so_an_alias_bomb_cannot_expand():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20)
    )
    found = problems_of(bomb)
    assert found and all("aliases (*name) are not allowed" in p for p in found)


def test_python_tag_is_reported_and_never_constructed(tmp_path):
    marker = tmp_path / "ran"
    text = f"actors: !!python/object/apply:os.system ['touch {marker}']\n"
    found = problems_of(text)
    assert found == [
        "facts.yaml:1:9: actors: the tag `!!python/object/apply:os.system` is not allowed; remove it "
        "| الوسم `!!python/object/apply:os.system` غير مسموح؛ احذفه"
    ]
    assert not marker.exists()


def test_tab_indentation_is_located():
    assert problems_of("actors:\n\t- id: a\n") == [
        "facts.yaml:2:1: a tab is used for indentation; YAML needs spaces "
        "| استُخدم حرف جدولة (Tab) للإزاحة؛ يحتاج YAML إلى مسافات"
    ]


def test_syntax_error_points_at_the_line():
    found = problems_of('actors:\n  - id: "unclosed\n  - id: b\n')
    assert found[0].startswith("facts.yaml:4:1: YAML syntax error:") or found[0].startswith("facts.yaml:3:")


def test_plain_scalars_that_are_not_strings_keep_their_source_text():
    loaded = load_yaml("x: no\ny: 1.10\nz: 2022-01-12\nw: 'no'\n", "f.yaml")
    assert loaded.data == {"x": False, "y": 1.1, "z": __import__("datetime").date(2022, 1, 12), "w": "no"}
    assert loaded.raw == {("x",): "no", ("y",): "1.10", ("z",): "2022-01-12"}
