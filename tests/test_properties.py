"""Property-based: however a valid facts.yaml is mangled, the checker answers with located problems.

Hypothesis mutates the small fixture, either as data (drop keys, swap types, insert random Unicode,
duplicate ids) or as text (truncate at any byte, change indentation, insert characters, drop or
repeat lines). The checker runs in-process (load + validate): it must accept the result or raise
FactsError whose every problem has a line and column inside the file and a message in both
languages. Anything else (another exception, a hang) is a bug. Runs are bounded (max_examples).
"""

from __future__ import annotations

import copy
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.facts.errors import FactsError
from generator.facts.load import load_file, load_yaml
from generator.facts.validate import validate

from .conftest import FIXTURES, ROOT

SEEDS = ROOT / "seeds"
FIXTURE_TEXT = (FIXTURES / "small_facts.yaml").read_text(encoding="utf-8")
FIXTURE_DATA = yaml.safe_load(FIXTURE_TEXT)
BOUNDED = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                   derandomize=False, print_blob=True)

# Text that an editor, a careless paste or an attacker could bring: every plane but surrogates, with
# a bias towards the characters that matter here (bidi controls, invisible ones, YAML punctuation).
_SPECIAL = st.sampled_from([*"\u202e\u202d\u2066\u2069\u200f\u200b\u2060\ufeff\u00ad\u2028\x85\t\r\x00\x07\x1b",
                            *":-#&*!|>'\"{}[],%@`?\\ \n", "<script>", "&lt;", "../", "javascript:"])
_CHARS = st.characters(exclude_categories=["Cs"])
TEXT = st.lists(st.one_of(_CHARS, _SPECIAL), max_size=12).map("".join)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), TEXT,
                    st.dates().map(lambda d: d.isoformat()))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                       st.dictionaries(TEXT, inner, max_size=3)), max_leaves=6)


def assert_answers_with_located_problems(text: str, *, via_file: bytes | None = None) -> None:
    """Check ``text`` (or the file ``via_file`` holds); pass or fail with well-formed problems only."""
    try:
        if via_file is None:
            validate(load_yaml(text, "facts.yaml"), SEEDS)
        else:
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "facts.yaml"
                path.write_bytes(via_file)
                validate(load_file(path, "facts.yaml"), SEEDS)
    except FactsError as exc:
        assert exc.problems
        lines = text.count("\n") + 2  # the end of the last line, and YAML's other line breaks, are allowed
        lines += sum(text.count(c) for c in "\r\x85\u2028\u2029")
        for problem in exc.problems:
            assert problem.path == "facts.yaml"
            assert 1 <= problem.line <= lines, problem
            assert problem.col >= 1, problem
            assert problem.english.strip() and problem.arabic.strip(), problem
            assert "\n" not in str(problem)
        report = exc.report().splitlines()
        assert len(report) == len(exc.problems) + 1


# --- the data: every path in it, and ways to change what is there ----------------------------------


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            found += paths(child, (*prefix, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found += paths(child, (*prefix, i))
    return found


ALL_PATHS = paths(FIXTURE_DATA)
ID_PATHS = [p for p in ALL_PATHS if p[-1] == "id"]


def at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)


@st.composite
def mutated_data(draw: st.DrawFn) -> str:
    data = copy.deepcopy(FIXTURE_DATA)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(ALL_PATHS))
        try:
            parent = at(data, path[:-1])
            current = parent[path[-1]]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed it
        if not isinstance(parent, dict | list):
            continue  # an earlier change made it text, whose characters cannot be changed in place
        operation = draw(st.sampled_from(["drop", "swap", "insert", "duplicate id"]))
        if operation == "drop":
            del parent[path[-1]]
        elif operation == "swap":
            parent[path[-1]] = draw(VALUES)
        elif operation == "insert" and isinstance(current, str):
            where = draw(st.integers(0, len(current)))
            parent[path[-1]] = current[:where] + draw(TEXT) + current[where:]
        elif operation == "duplicate id":
            source = draw(st.sampled_from(ID_PATHS))
            try:
                parent[path[-1]] = at(data, source)
            except (KeyError, IndexError, TypeError):
                continue
    return dump(data)


@BOUNDED
@given(mutated_data())
def test_mutated_data_gets_located_problems(text: str):
    assert_answers_with_located_problems(text)


@BOUNDED
@given(st.sampled_from(ID_PATHS), st.sampled_from(ID_PATHS))
def test_duplicated_ids_are_reported(target: tuple[Any, ...], source: tuple[Any, ...]):
    data = copy.deepcopy(FIXTURE_DATA)
    at(data, target[:-1])["id"] = at(data, source)
    text = dump(data)
    if target == source:
        return
    try:
        validate(load_yaml(text, "facts.yaml"), SEEDS)
    except FactsError as exc:
        assert any("is already used in" in p.english for p in exc.problems)
    else:
        raise AssertionError("a duplicated id was accepted")


# --- the text -------------------------------------------------------------------------------------

FIXTURE_LINES = FIXTURE_TEXT.split("\n")


@BOUNDED
@given(st.integers(0, len(FIXTURE_TEXT.encode("utf-8"))))
def test_a_file_cut_at_any_byte_gets_located_problems(cut: int):
    data = FIXTURE_TEXT.encode("utf-8")[:cut]
    assert_answers_with_located_problems(data.decode("utf-8", "replace"), via_file=data)


@st.composite
def mutated_text(draw: st.DrawFn) -> str:
    lines = list(FIXTURE_LINES)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        operation = draw(st.sampled_from(["indent", "dedent", "insert", "drop line", "repeat line", "swap lines"]))
        if operation == "indent":
            lines[i] = " " * draw(st.integers(1, 5)) + lines[i]
        elif operation == "dedent":
            lines[i] = lines[i][draw(st.integers(1, 4)):]
        elif operation == "insert":
            where = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:where] + draw(TEXT) + lines[i][where:]
        elif operation == "drop line":
            del lines[i]
        elif operation == "repeat line":
            lines.insert(i, lines[i])
        else:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        if not lines:
            break
    return "\n".join(lines)


@BOUNDED
@given(mutated_text())
def test_mutated_text_gets_located_problems(text: str):
    assert_answers_with_located_problems(text)


@BOUNDED
@given(TEXT, TEXT)
def test_any_small_text_gets_located_problems(head: str, tail: str):
    assert_answers_with_located_problems(head + "\n" + tail)


# --- the command line -------------------------------------------------------------------------------


def run_check(tmp_path: Path, text: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(ROOT), "check", "facts.yaml"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60)


def first_line_of_failure(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr.splitlines()[0]


def test_cli_on_a_file_cut_inside_a_quoted_string(tmp_path: Path):
    cut = FIXTURE_TEXT[: FIXTURE_TEXT.index("“الناتو” يدعو")]  # just after the opening quote
    line, end = cut.count("\n") + 1, len(cut.rsplit("\n", 1)[1]) + 1
    assert first_line_of_failure(run_check(tmp_path, cut)) == (
        f"facts.yaml:{line}:{end}: YAML syntax error: while scanning a quoted scalar found unexpected end of stream; "
        "check the indentation, the `-` of list items and unbalanced quotes on this line or the one before | خطأ في "
        "صياغة YAML: while scanning a quoted scalar found unexpected end of stream؛ تحقق من الإزاحة وعلامة `-` "
        "لعناصر القائمة وعلامات التنصيص غير المغلقة في هذا السطر أو الذي قبله"
    )


def test_cli_on_a_list_item_pushed_out_of_line(tmp_path: Path):
    text = FIXTURE_TEXT.replace("    file: 000_", "      file: 000_", 1)
    line = text[: text.index("      file: 000_")].count("\n") + 1
    assert first_line_of_failure(run_check(tmp_path, text)) == (
        f"facts.yaml:{line}:11: YAML syntax error: mapping values are not allowed in this context; check the "
        "indentation, the `-` of list items and unbalanced quotes on this line or the one before | خطأ في صياغة "
        "YAML: mapping values are not allowed in this context؛ تحقق من الإزاحة وعلامة `-` لعناصر القائمة وعلامات "
        "التنصيص غير المغلقة في هذا السطر أو الذي قبله"
    )


def test_cli_on_an_escape_for_a_control_character(tmp_path: Path):
    text = FIXTURE_TEXT.replace("outlet: عربي بوست", 'outlet: "عربي\\x1b[31m بوست"', 1)
    line = text[: text.index("outlet: ")].count("\n") + 1
    assert first_line_of_failure(run_check(tmp_path, text)) == (
        f"facts.yaml:{line}:13: sources[0] (arabicpost-2022-01-18).outlet: character 5 is the invisible or control "
        "character U+001B CONTROL CHARACTER; delete it | الحرف رقم 5 حرف خفي أو حرف تحكم (U+001B CONTROL CHARACTER)؛ "
        "احذفه"
    )


def test_cli_on_a_section_that_became_text(tmp_path: Path):
    text = FIXTURE_TEXT.replace("claims:\n", "claims: none\n", 1).replace("  - id: troops-100000", "  # -", 1)
    text = text[: text.index("claims: none")] + "claims: none\n" + text[text.index("skipped_quotations:"):]
    line = text[: text.index("claims: none")].count("\n") + 1
    assert first_line_of_failure(run_check(tmp_path, text)) == (
        f"facts.yaml:{line}:9: claims: `claims` must be a list of items, each starting with `- ` | يجب أن يكون "
        "`claims` قائمة عناصر يبدأ كل منها بـ `- `"
    )
