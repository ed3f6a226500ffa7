"""Small helpers shared by test modules (fixtures live in conftest.py)."""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.cli import main
from generator.extract import extract_quotes
from generator.facts.model import FactBase
from generator.project import Project, load_facts
from generator.site.routes import Routes

ROOT = Path(__file__).resolve().parent.parent
ROUTES = Routes()
"""The route table of the site as mkdocs.yml builds it (directory URLs)."""


def fact_base(facts: Path) -> FactBase:
    """The cross-linked model of ``facts`` against the project's seeds."""
    return load_facts(Project.at(ROOT, facts))


def checkable_copy(folder: Path, facts: Path, *extra: str) -> Path:
    """``folder`` with the project's seeds, ``facts`` as data/facts.yaml and the ``extra`` top-level files
    (e.g. ``mkdocs.yml``): all `check` (and `diff`) need, without the cost of a whole project copy."""
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    (folder / "data").mkdir()
    shutil.copy2(facts, folder / "data" / "facts.yaml")
    for name in extra:
        shutil.copy2(ROOT / name, folder / name)
    return folder


def line_of(text: str, needle: str) -> int:
    """1-based line of the first ``needle`` in ``text``."""
    return text.count("\n", 0, text.index(needle)) + 1


def edit_facts(project: Path, old: str, new: str) -> str:
    """Replace the first ``old`` in the project's data/facts.yaml by ``new``; return the new text."""
    path = project / "data" / "facts.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


@dataclass(frozen=True)
class CliResult:
    """What a command printed and its exit status (the shape of subprocess.CompletedProcess)."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(folder: Path, *args: str) -> CliResult:
    """``python -m generator ARGS`` run in-process, in ``folder``: exit code and exact output.

    In-process is quick and shows a traceback of ours in the test report; a few tests still run the real
    command in a subprocess (``subprocess_cli``) to prove the entry point itself works.
    """
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(folder), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return CliResult(code, out.getvalue(), err.getvalue())


def subprocess_cli(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m generator ARGS`` as a real process in ``folder``."""
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=folder, capture_output=True,
                          text=True, timeout=300)


def said(text: str) -> list[tuple[str, str, str | None]]:
    """(kind, text, speaker name) of every quote the extractor proposes in ``text``, reported speech included."""
    return [(c.kind, c.text, c.speaker_name) for c in extract_quotes(text, "s.txt", {})]
