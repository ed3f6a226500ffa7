"""Incremental rendering: after an edit, render again only the pages the edit can change.

The first build renders every page and records what each read (generator/site/dependencies.py). The
next build compares the new fact base with the previous one field by field and renders only the pages
that read a changed field, plus pages that are new (an added actor, a new letter page). Everything else
keeps the bytes it had, which are the bytes a clean build would give: the property tests in
tests/test_incremental.py hold the two to that, byte for byte.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from ..facts.model import FactBase
from .context import Settings
from .dependencies import Reads, Values, affected_ids, changed, field_values, reading_everything, recording
from .render import EXPORTS_EVERYTHING, TEMPLATES, Renderer


@dataclass(frozen=True)
class _Unit:
    paths: tuple[str, ...]
    reads: Reads


@dataclass
class _Generation:
    """What the previous build rendered and read."""

    settings: Settings
    templates: str
    values: Values
    data: dict[str, Any] | None
    texts: dict[str, str] | None
    units: dict[str, _Unit]
    memo_reads: dict[str, Reads]


@dataclass
class Rendered:
    """The outcome of one incremental render."""

    pages: dict[str, str | bytes]
    """The pages rendered this time: docs/ path → content (unchanged pages are left out)."""
    paths: set[str] = field(default_factory=set)
    """Every page of the site, rendered this time or not."""
    units: int = 0
    """Pages or page groups rendered this time."""
    total: int = 0
    """Pages or page groups in the site."""
    full: bool = True
    """Whether everything was rendered (first build, or templates or settings changed)."""


class IncrementalRenderer:
    """Renders a fact base, then each next version of it, re-rendering only what changed."""

    def __init__(self) -> None:
        self._previous: _Generation | None = None

    def forget(self) -> None:
        """Render everything next time (e.g. when docs/ may have been changed behind our back)."""
        self._previous = None

    def render(self, base: FactBase, settings: Settings, data: dict[str, Any] | None = None,
               texts: dict[str, str] | None = None) -> Rendered:
        """Render what changed since the last call. ``data`` and ``texts``, the validated data and the
        seed texts ``base`` was built from, let an edit be compared on the entities it concerns only."""
        renderer = Renderer(base, settings)
        with recording(renderer.recorder):  # the listing computes shared values (the letter pages)
            units = renderer.units()
        stamp = templates_stamp()
        previous = self._previous
        if previous is None or previous.settings != settings or previous.templates != stamp:
            values = field_values(base)
            dirty = list(units)
            previous = None
        else:
            only = None
            if data is not None and previous.data is not None and texts == previous.texts:
                only = affected_ids(previous.data, data)
            values = field_values(base, previous.values, only)
            dirty = _dirty_units(previous, units, changed(previous.values, values))
        pages: dict[str, str | bytes] = {}
        kept = {name: previous.units[name] for name in units if previous and name not in dirty}
        fresh: dict[str, _Unit] = {}
        with recording(renderer.recorder):
            for name in dirty:
                with renderer.recorder.frame() as reads:
                    if name in EXPORTS_EVERYTHING:
                        with reading_everything(reads):
                            out = units[name]()
                    else:
                        out = units[name]()
                pages.update(out)
                fresh[name] = _Unit(tuple(out), reads)
        memo_reads = {**(previous.memo_reads if previous else {}), **renderer.recorder.memo_reads}
        self._previous = _Generation(settings, stamp, values, data, texts, {**kept, **fresh}, memo_reads)
        paths = {path for unit in (*kept.values(), *fresh.values()) for path in unit.paths}
        return Rendered(dict(sorted(pages.items())), paths, len(dirty), len(units), previous is None)


def _dirty_units(previous: _Generation, units: dict[str, Any], changes: set[tuple[str, str, str]]) -> list[str]:
    """Units that are new or read a changed field, directly or through a shared value."""
    touched: dict[str, bool] = {}

    def memo_touched(name: str) -> bool:
        if name not in touched:
            touched[name] = True  # a value never depends on itself; this only stops a cycle early
            reads = previous.memo_reads.get(name)
            touched[name] = reads is None or reads.touches(changes, memo_touched)
        return touched[name]

    return [name for name in units
            if name not in previous.units or previous.units[name].reads.touches(changes, memo_touched)]


def templates_stamp() -> str:
    """A digest of every template: an edited template means every page is rendered again."""
    digest = hashlib.sha256()
    for path in sorted(TEMPLATES.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(TEMPLATES).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
