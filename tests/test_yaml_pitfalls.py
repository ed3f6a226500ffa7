"""YAML pitfalls, caught while reading facts.yaml, each with a located message that says how to fix it.

PyYAML on its own keeps the last of two duplicate keys, reads `no` as false, `1.10` as 1.1 and
`18:12` as 1092, builds Python objects from `!!python/...` tags, expands aliases without limit and
crashes on very deep nesting. The loader refuses all of that before anything is built.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.facts.errors import MAX_PROBLEMS, FactsError
from generator.facts.load import MAX_BYTES, MAX_REPORTED, load_file, load_yaml, read_text
from generator.facts.validate import validate

from .conftest import ROOT
from .helpers import line_of

SEEDS = ROOT / "seeds"


def problems_loading(text: str) -> list[str]:
    with pytest.raises(FactsError) as caught:
        load_yaml(text, "facts.yaml")
    return [str(p) for p in caught.value.problems]


def problems_checking(text: str) -> list[str]:
    with pytest.raises(FactsError) as caught:
        validate(load_yaml(text, "facts.yaml"), SEEDS)
    return [str(p) for p in caught.value.problems]


@pytest.fixture(scope="module")
def fixture_text(small_facts: Path) -> str:
    """The small fixture's text."""
    return small_facts.read_text(encoding="utf-8")


def edited(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)



# --- duplicate keys ---------------------------------------------------------------------------------


def test_duplicate_top_level_section_is_reported_and_the_first_kept():
    text = "sources: []\nactors: []\nsources:\n  - id: x\n"
    assert problems_loading(text) == [
        "facts.yaml:3:1: duplicate key `sources` (first at line 1); keep only one "
        "| المفتاح `sources` مكرر (أول مرة في السطر 1)؛ أبقِ واحدًا فقط"
    ]


def test_duplicate_key_inside_a_nested_role(fixture_text: str):
    text = edited(fixture_text, "        of: nato\n", "        of: nato\n        of: russia\n")
    line = line_of(text, "of: russia")
    assert problems_loading(text) == [
        f"facts.yaml:{line}:9: actors[1].roles[0]: duplicate key `of` (first at line {line - 1}); keep only one "
        f"| المفتاح `of` مكرر (أول مرة في السطر {line - 1})؛ أبقِ واحدًا فقط"
    ]


def test_quoted_and_plain_spellings_of_one_key_are_duplicates():
    assert problems_loading('a: 1\n"a": 2\n') == [
        "facts.yaml:2:1: duplicate key `a` (first at line 1); keep only one "
        "| المفتاح `a` مكرر (أول مرة في السطر 1)؛ أبقِ واحدًا فقط"
    ]


# --- values that YAML reads as something other than text -----------------------------------------------


@pytest.mark.parametrize(("raw", "read_as"), [
    ("no", "a boolean"), ("on", "a boolean"), ("Off", "a boolean"), ("yes", "a boolean"), ("TRUE", "a boolean"),
    ("1.10", "a number"), ("0x1F", "a number"), ("1_000", "a number"), ("012", "a number"), (".inf", "a number"),
    ("18:12", "a number"), ("2022-01-12", "a date"), ("2022-01-12 10:00:00", "a date and time"),
])
def test_unquoted_text_that_yaml_reads_otherwise(fixture_text: str, raw: str, read_as: str):
    text = edited(fixture_text, "    timezone: GMT", f"    timezone: {raw}")
    [problem] = problems_checking(text)
    line = line_of(text, f"timezone: {raw}")
    assert problem.startswith(f"facts.yaml:{line}:15: sources[0] (arabicpost-2022-01-18).timezone: YAML read "
                              f"`{raw}` as {read_as}, but text is expected here; put it in quotes: \"{raw}\" | ")


def test_the_same_words_in_quotes_are_text(fixture_text: str):
    text = edited(fixture_text, "    timezone: GMT", '    timezone: "no"\n    outlet_note_unused: x')
    assert all("timezone" not in p for p in problems_checking(text))  # only the unknown field is left


def test_unquoted_time_in_base_60_is_explained(fixture_text: str):
    text = edited(fixture_text, 'time: "18:12"', "time: 18:12")
    line = line_of(text, "time: 18:12")
    assert problems_checking(text) == [
        f"facts.yaml:{line}:11: sources[0] (arabicpost-2022-01-18).time: YAML read `18:12` as a number, but text is "
        "expected here; put it in quotes: \"18:12\" | قرأ YAML القيمة `18:12` رقمًا، والمطلوب نص؛ ضعها بين علامتي "
        "تنصيص: \"18:12\""
    ]


def test_unquoted_date_is_accepted_where_a_date_is_expected(fixture_text: str):
    text = edited(fixture_text, 'date: "2022-01-12"', "date: 2022-01-12")
    data = validate(load_yaml(text, "facts.yaml"), SEEDS)
    assert data["events"][0]["date"] == "2022-01-12"


def test_an_unquoted_impossible_date_is_still_explained(fixture_text: str):
    text = edited(fixture_text, 'date: "2022-01-12"', "date: 2022-02-30")
    [problem] = problems_checking(text)
    assert "the date 2022-02-30 does not exist in the calendar" in problem


# --- tabs, control characters, encodings --------------------------------------------------------------


def test_every_tab_indented_line_is_reported():
    assert problems_loading("sources:\n\t- a\n  \t- b\n") == [
        "facts.yaml:2:1: a tab is used for indentation; YAML needs spaces "
        "| استُخدم حرف جدولة (Tab) للإزاحة؛ يحتاج YAML إلى مسافات",
        "facts.yaml:3:3: a tab is used for indentation; YAML needs spaces "
        "| استُخدم حرف جدولة (Tab) للإزاحة؛ يحتاج YAML إلى مسافات",
    ]


def test_a_tab_after_the_indentation_is_fine():
    assert load_yaml("a:\tb\n", "f.yaml").data == {"a": "b"}


def test_raw_control_character_is_located_on_one_line():
    assert problems_loading("sources: []\nactors:\n  - name: \"عربي\x07\"\n") == [
        "facts.yaml:3:16: the control character U+0007 CONTROL CHARACTER cannot appear in YAML; delete it (write a "
        "line break as a real new line) | حرف التحكم U+0007 CONTROL CHARACTER غير مقبول في YAML؛ احذفه (اكتب فاصل "
        "السطر سطرًا جديدًا)"
    ]


def test_file_that_is_not_utf8_is_located(tmp_path: Path):
    path = tmp_path / "facts.yaml"
    path.write_bytes("sources: []\nactors: [عربي]\n".encode() + b"x: \xff\n")
    with pytest.raises(FactsError) as caught:
        read_text(path, "facts.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "facts.yaml:3:4: the file is not valid UTF-8 here; save it as UTF-8 | الملف ليس بترميز UTF-8 هنا؛ احفظه "
        "بترميز UTF-8"
    ]


def test_byte_order_mark_and_windows_line_endings_are_fine(tmp_path: Path, fixture_text: str):
    path = tmp_path / "facts.yaml"
    broken = edited(fixture_text, "chair: jens-stoltenberg", "chair: nobody")
    path.write_bytes(b"\xef\xbb\xbf" + broken.replace("\n", "\r\n").encode("utf-8"))
    with pytest.raises(FactsError) as caught:
        validate(load_file(path, "facts.yaml"), SEEDS)
    [problem] = caught.value.problems
    assert (problem.line, problem.col) == (line_of(broken, "chair: nobody"), 12)


# --- tags: nothing is ever constructed ------------------------------------------------------------------


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system", "!!python/object/new:os.system",
                                 "!!python/name:os.system", "!!python/module:os", "!custom"])
def test_tags_are_refused_and_nothing_is_run(tmp_path: Path, tag: str):
    marker = tmp_path / "ran"
    text = f"sources: []\nactors:\n  - note: {tag} [\"touch {marker}\"]\n"
    [problem] = problems_loading(text)
    assert problem.startswith(f"facts.yaml:3:11: actors[0].note: the tag `{tag}` is not allowed; remove it")
    assert not marker.exists()


def test_tag_on_a_mapping_is_refused():
    assert problems_loading("sources: !!python/object:os.Foo {a: 1}\n") == [
        "facts.yaml:1:10: sources: the tag `!!python/object:os.Foo` is not allowed; remove it "
        "| الوسم `!!python/object:os.Foo` غير مسموح؛ احذفه"
    ]


def test_a_set_or_ordered_map_tag_is_refused():
    found = problems_loading("sources: !!set {a, b}\nactors: !!omap [a: 1]\n")
    assert [p.split(": the tag ")[1][:9] for p in found] == ["`!!set` i", "`!!omap` "]


# --- anchors, aliases, merge keys ---------------------------------------------------------------------------


def test_alias_is_reported_where_it_is_not_where_its_anchor_is():
    text = "sources: []\nactors:\n  - name: &n عربي\n  - name: *n\n"
    assert problems_loading(text) == [
        "facts.yaml:4:11: actors[1].name: aliases (*name) are not allowed; write the value out in full "
        "| الأسماء المستعارة (*name) غير مسموحة؛ اكتب القيمة كاملة"
    ]


def test_alias_used_as_a_key_is_reported():
    assert problems_loading("a: &k b\n*k : c\n") == [
        "facts.yaml:2:1: aliases (*name) are not allowed; write the value out in full "
        "| الأسماء المستعارة (*name) غير مسموحة؛ اكتب القيمة كاملة"
    ]


def test_merge_key_is_refused():
    assert problems_loading("base: {a: 1}\nitem:\n  <<: {a: 2}\n") == [
        "facts.yaml:3:3: item: merge keys (<<) are not allowed; write the keys out "
        "| مفاتيح الدمج (<<) غير مسموحة؛ اكتب المفاتيح كاملة"
    ]


def test_billion_laughs_is_refused_fast_without_expanding():
    lines = ['lol0: &a0 "lol"'] + [f"lol{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    started = time.perf_counter()
    found = problems_loading("\n".join(lines))
    assert time.perf_counter() - started < 1
    assert len(found) == 81 and all("aliases (*name) are not allowed" in p for p in found)


def test_a_flood_of_aliases_stops_after_a_hundred():
    text = "a: &a x\nb:\n" + "  - *a\n" * 100_000
    started = time.perf_counter()
    found = problems_loading(text)
    assert time.perf_counter() - started < 5
    assert len(found) == MAX_REPORTED + 1
    assert found[-1] == (f"facts.yaml:{MAX_REPORTED + 3}:5: b[{MAX_REPORTED}]: more than {MAX_REPORTED} aliases; "
                         f"reading stopped here | أكثر من {MAX_REPORTED} اسمًا مستعارًا؛ توقفت القراءة هنا")


def test_a_recursive_alias_is_harmless():
    assert problems_loading("a: &a [*a]\n") == [
        "facts.yaml:1:8: a[0]: aliases (*name) are not allowed; write the value out in full "
        "| الأسماء المستعارة (*name) غير مسموحة؛ اكتب القيمة كاملة"
    ]


# --- size, depth and floods ---------------------------------------------------------------------------------


def test_file_over_the_limit_is_refused_without_reading_it(tmp_path: Path):
    path = tmp_path / "facts.yaml"
    with path.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: the size is there, the bytes would be zeros
    started = time.perf_counter()
    with pytest.raises(FactsError) as caught:
        read_text(path, "facts.yaml")
    assert time.perf_counter() - started < 1
    assert str(caught.value.problems[0]).startswith(
        f"facts.yaml:1:1: the file is {MAX_BYTES + 1:,} bytes, over the limit of {MAX_BYTES:,}; ")


def test_a_device_instead_of_a_file_is_refused():
    with pytest.raises(FactsError) as caught:
        read_text(Path("/dev/zero"), "facts.yaml")
    assert str(caught.value.problems[0]) == (
        "facts.yaml:1:1: /dev/zero is a character device, not a regular file; only regular files inside the project "
        "are read (replace it with the file itself) | /dev/zero جهاز محارف وليس ملفًا عاديًا؛ لا يُقرأ إلا الملفات "
        "العادية داخل المشروع (ضع الملف نفسه مكانه)")


@pytest.mark.parametrize("depth", [30, 100_000, 5_000_000])
def test_deep_nesting_is_refused_without_crashing(depth: int):
    started = time.perf_counter()
    found = problems_loading("sources: " + "[" * depth + "]" * depth + "\n")
    assert time.perf_counter() - started < 5
    assert found == [f"facts.yaml:1:34: sources{'[0]' * 24}: nesting is too deep for a fact file "
                     "| التداخل أعمق مما يحتاجه ملف الوقائع"]


def test_a_flood_of_problems_stops_at_the_cap():
    text = "sources:\n  - id: a\n" + "    id: b\n" * 200_000
    started = time.perf_counter()
    found = problems_loading(text)
    assert time.perf_counter() - started < 10
    assert len(found) == MAX_PROBLEMS + 1
    assert found[-1].endswith(f"more than {MAX_PROBLEMS} problems; checking stopped here, fix these first "
                              f"| أكثر من {MAX_PROBLEMS} مشكلة؛ توقف الفحص هنا، أصلح ما سبق أولًا")


def test_a_second_document_is_refused():
    assert problems_loading("sources: []\n---\nactors: []\n") == [
        "facts.yaml:2:1: YAML syntax error: a second document starts here (`---`); a fact file is one document "
        "| خطأ في صياغة YAML: يبدأ هنا مستند ثانٍ (`---`)؛ ملف الوقائع مستند واحد"
    ]


# --- invisible characters outside values ----------------------------------------------------------------------


def test_bidi_override_in_a_key_is_refused_where_it_is():
    [problem] = problems_loading("sources: []\nactors:\n  - na\u202eme: x\n")
    assert problem.startswith("facts.yaml:3:7: the invisible bidirectional control U+202E RIGHT-TO-LEFT OVERRIDE")


def test_bidi_isolate_in_a_comment_is_refused():
    found = problems_loading("# \u2067note\u2069\nsources: []\n")
    assert [p.split(" makes ")[0] for p in found] == [
        "facts.yaml:1:3: the invisible bidirectional control U+2067 RIGHT-TO-LEFT ISOLATE",
        "facts.yaml:1:8: the invisible bidirectional control U+2069 POP DIRECTIONAL ISOLATE",
    ]


def test_bidi_override_inside_a_value_is_left_to_the_validator_with_the_field_name(fixture_text: str):
    text = edited(fixture_text, "name: روسيا", "name: روس\u202eيا")
    [problem] = problems_checking(text)
    assert " actors[3] (russia).name: character 4 is the invisible or control character U+202E " in problem


def test_reports_show_control_characters_instead_of_printing_them():
    # Written as escapes, the characters are in the key but not in the file: the report must not print them.
    [problem] = problems_loading('"b\\u202e\\x1b": 2\n"b\\u202e\\x1b": 3\n')
    assert problem == ("facts.yaml:2:1: duplicate key `b<U+202E><U+001B>` (first at line 1); keep only one "
                       "| المفتاح `b<U+202E><U+001B>` مكرر (أول مرة في السطر 1)؛ أبقِ واحدًا فقط")
