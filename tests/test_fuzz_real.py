"""Fuzzing the real fact base: structure, Unicode classes and file kinds a hostile pull request can bring.

test_properties.py mangles the small fixture; this mutates the project's own data/facts.yaml (every
section, nested roles, lists of refs) with the classes of issue 11 in mind: invisible and look-alike
characters, TAG text, blanks, deep or huge values, wrong types, cycles. Whatever comes out, the checker
accepts it or answers with well-formed located problems, and never echoes an invisible character raw.
File kinds (links, pipes, folders, devices) at the facts path and at a seed path are refused, located,
in a process that must end. Runs are bounded (max_examples), so `make test` stays quick.
"""

from __future__ import annotations

import copy
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.facts.errors import FactsError
from generator.facts.load import load_yaml
from generator.facts.validate import validate

from .conftest import ROOT
from .test_properties import at, paths

SEEDS = ROOT / "seeds"
REAL = yaml.safe_load((ROOT / "data" / "facts.yaml").read_text(encoding="utf-8"))
REAL_PATHS = paths(REAL)
STRING_PATHS = [p for p in REAL_PATHS if isinstance(at(REAL, p), str)]
LIST_PATHS = [p for p in REAL_PATHS if isinstance(at(REAL, p), list)]
EVENT_IDS = [e["id"] for e in REAL["events"]]
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True)

HOSTILE_CHARS = st.sampled_from([
    "\u200d", "\u200c", "\u3164", "\u115f", "\uffa0", "\u2800", "\U000e0041", "\U000e007f", "\u0430", "\u043e",
    "\u202e", "\u2066", "\u00ad", "\ufeff", "\x00", "\x1b", "\u0654", "\u0640", "ａ", "«", "»", ".", " ",
])
HOSTILE_TEXT = st.lists(st.one_of(HOSTILE_CHARS, st.characters(exclude_categories=["Cs"])), min_size=1,
                        max_size=10).map("".join)
INVISIBLE_IN_REPORT = set("\u200d\u200c\u3164\u115f\uffa0\u2800\u202e\u2066\u00ad\ufeff\x00\x1b") | {
    chr(c) for c in range(0xE0000, 0xE0080)}


_GONE = object()


def find(data: Any, path: tuple[Any, ...]) -> Any:
    """The value at ``path``, or _GONE when an earlier mutation removed or replaced a part of the way."""
    try:
        return at(data, path)
    except (KeyError, IndexError, TypeError):
        return _GONE


def settable(data: Any, path: tuple[Any, ...]) -> bool:
    """Whether ``path`` still names a value inside a mapping or list (so it can be replaced)."""
    return isinstance(find(data, path[:-1]), dict | list) and find(data, path) is not _GONE


@st.composite
def mutated_real(draw: st.DrawFn) -> str:
    data = copy.deepcopy(REAL)
    for _ in range(draw(st.integers(1, 3))):
        operation = draw(st.sampled_from(["replace text", "insert text", "wrong type", "huge", "cycle", "empty list",
                                          "nest"]))
        if operation in ("replace text", "insert text", "huge"):
            path = draw(st.sampled_from(STRING_PATHS))
            current = find(data, path)
            if not isinstance(current, str) or not settable(data, path):
                continue
            if operation == "replace text":
                new = draw(HOSTILE_TEXT)
            elif operation == "insert text":
                where = draw(st.integers(0, len(current)))
                new = current[:where] + draw(HOSTILE_TEXT) + current[where:]
            else:
                new = current * draw(st.integers(50, 400))
            at(data, path[:-1])[path[-1]] = new
        elif operation == "wrong type":
            path = draw(st.sampled_from(REAL_PATHS))
            if not settable(data, path):
                continue
            at(data, path[:-1])[path[-1]] = draw(st.sampled_from([None, 0, 1.5, True, [], {}, [[]], {"a": "b"}]))
        elif operation == "cycle":
            a, b = draw(st.sampled_from(EVENT_IDS)), draw(st.sampled_from(EVENT_IDS))
            events = data.get("events") if isinstance(data, dict) else None
            for event in events if isinstance(events, list) else []:
                if not isinstance(event, dict):
                    continue
                if event.get("id") == a:
                    event["follows"] = [b]
                elif event.get("id") == b:
                    event["follows"] = [a]
        elif operation == "empty list":
            path = draw(st.sampled_from(LIST_PATHS))
            if not settable(data, path):
                continue
            at(data, path[:-1])[path[-1]] = []
        else:
            path = draw(st.sampled_from(REAL_PATHS))
            if not settable(data, path):
                continue
            value: Any = find(data, path)
            for _ in range(draw(st.integers(1, 30))):
                value = [value]
            at(data, path[:-1])[path[-1]] = value
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200)


@FUZZ
@given(mutated_real())
def test_mutated_real_facts_get_located_readable_problems(text: str):
    try:
        validate(load_yaml(text, "facts.yaml"), SEEDS)
    except FactsError as exc:
        lines = text.count("\n") + 2
        for problem in exc.problems:
            assert 1 <= problem.line <= lines and problem.col >= 1, problem
            assert problem.english.strip() and problem.arabic.strip()
            shown = str(problem)
            assert "\n" not in shown
            assert not INVISIBLE_IN_REPORT & set(shown), shown


# --- file kinds -----------------------------------------------------------------------------------------

@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "seeds").mkdir()
    for seed in SEEDS.iterdir():
        (tmp_path / "seeds" / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "data" / "facts.yaml").write_bytes((ROOT / "data" / "facts.yaml").read_bytes())
    return tmp_path


def plant(kind: str, at_path: Path, tmp_path: Path) -> None:
    """Replace ``at_path`` by a file system object of ``kind``."""
    outside = tmp_path.parent / f"outside-{tmp_path.name}.txt"
    outside.write_text("SECRET=1\n", encoding="utf-8")
    at_path.unlink()
    if kind == "link outside":
        os.symlink(outside, at_path)
    elif kind == "link inside":
        os.symlink(at_path.parent.parent / "pyproject.toml", at_path)
    elif kind == "link to device":
        os.symlink("/dev/zero", at_path)
    elif kind == "dangling link":
        os.symlink(at_path.parent / "nowhere", at_path)
    elif kind == "link loop":
        os.symlink(at_path.name, at_path)
    elif kind == "fifo":
        os.mkfifo(at_path)
    elif kind == "folder":
        at_path.mkdir()
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(at_path))
        server.close()
    (at_path.parent.parent / "pyproject.toml").write_text("", encoding="utf-8")


KINDS = ["link outside", "link inside", "link to device", "dangling link", "link loop", "fifo", "folder", "socket"]


@pytest.mark.parametrize("where", ["data/facts.yaml", "seeds/001_bd845cf9d8f72838.txt"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_file_kind_but_a_regular_file_is_refused_located_and_promptly(project: Path, tmp_path: Path,
                                                                            kind: str, where: str):
    plant(kind, project / where, tmp_path)
    result = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=project, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(("data/facts.yaml:", "seeds/001_bd845cf9d8f72838.txt:")), first
    assert "SECRET" not in result.stderr + result.stdout
