"""Small helpers shared by test modules (fixtures live in conftest.py)."""

from __future__ import annotations

from pathlib import Path

from generator.facts.model import FactBase
from generator.project import Project, load_facts
from generator.site.routes import Routes

ROOT = Path(__file__).resolve().parent.parent
ROUTES = Routes()
"""The route table of the site as mkdocs.yml builds it (directory URLs)."""


def fact_base(facts: Path) -> FactBase:
    """The cross-linked model of ``facts`` against the project's seeds."""
    return load_facts(Project.at(ROOT, facts))


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
