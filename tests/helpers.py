"""Small helpers shared by test modules (fixtures live in conftest.py)."""

from __future__ import annotations

from pathlib import Path

from generator.model import FactBase
from generator.project import Project, load_facts

ROOT = Path(__file__).resolve().parent.parent


def fact_base(facts: Path) -> FactBase:
    """The cross-linked model of ``facts`` against the project's seeds."""
    return load_facts(Project.at(ROOT, facts))
