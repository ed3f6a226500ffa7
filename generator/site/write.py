"""Write: put generated files into docs/ without disturbing anything else there.

The writer only replaces or removes files it wrote itself: Markdown pages carrying GENERATED_MARK
in their front matter, and other files listed in its manifest (docs/.generated). A file is
rewritten only when its content changes, so `mkdocs serve` and other watchers see real changes only.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..facts.errors import FactsError, Problem
from .context import GENERATED_MARK
from .routes import Routes

MANIFEST = ".generated"
"""File under docs/ listing every path the last build wrote, one per line."""


@dataclass
class WriteReport:
    """What a write changed under docs/."""

    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def is_generated(path: Path) -> bool:
    """Whether ``path`` is a Markdown page this generator wrote (its second line is the mark)."""
    try:
        with path.open(encoding="utf-8") as f:
            return f.readline() == "---\n" and f.readline().rstrip("\n") == GENERATED_MARK
    except (OSError, UnicodeDecodeError):
        return False


def read_manifest(docs: Path) -> set[str]:
    """Paths the previous build wrote."""
    try:
        return {line for line in (docs / MANIFEST).read_text(encoding="utf-8").splitlines() if line}
    except OSError:
        return set()


def clashes(pages: dict[str, str | bytes], docs: Path, display: Callable[[Path], str] = str) -> list[Problem]:
    """A problem for each hand-written file that sits where a generated page would be written."""
    owned = read_manifest(docs)
    return [Problem(display(docs / p), 1, 1, "", "this hand-written file has the path of a generated file; "
                    "rename or move it (nothing was written)",
                    "هذا الملف المكتوب يدويًا في مسار ملف مولّد؛ غيّر اسمه أو انقله (لم يُكتب شيء)")
            for p in sorted(pages) if p not in owned and os.path.lexists(docs / p) and not is_generated(docs / p)]


def write_pages(pages: dict[str, str | bytes], docs: Path, every_path: set[str] | None = None) -> WriteReport:
    """Bring docs/ in line with ``pages``; refuse before writing anything if a hand-written file is in the way.

    ``every_path``, when given, is the whole site and ``pages`` only what was rendered again
    (generator/site/incremental.py): the other pages are left as they are, and only files of the
    previous build that are no longer part of the site are removed.
    """
    owned = read_manifest(docs)
    problems = clashes(pages, docs)
    if problems:
        raise FactsError(problems)
    report = WriteReport()
    for rel, content in pages.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        if _write_if_changed(docs / rel, data):
            report.written.append(rel)
        else:
            report.unchanged += 1
    if every_path is None:
        report.removed = remove_stale(pages, docs, owned)
    else:
        report.removed = _remove_dropped(owned - every_path, docs)
    listed = pages.keys() if every_path is None else every_path
    _write_if_changed(docs / MANIFEST, "".join(f"{p}\n" for p in sorted(listed)).encode("utf-8"))
    return report


def _remove_dropped(dropped: set[str], docs: Path) -> list[str]:
    """Delete files the previous build wrote and this one no longer has (an actor removed)."""
    removed = []
    for rel in sorted(dropped):
        if (docs / rel).is_file():
            (docs / rel).unlink()
            removed.append(rel)
    if removed:
        _prune_empty_folders(docs)
    return removed


def remove_stale(pages: dict[str, str | bytes], docs: Path, owned: set[str]) -> list[str]:
    """Delete generated files of entities that no longer exist; return their paths."""
    candidates = set(owned)
    for folder in Routes().generated_dirs:  # folders holding generated files only
        if (docs / folder).is_dir():
            candidates.update(p.relative_to(docs).as_posix() for p in (docs / folder).rglob("*.md"))
    removed = []
    for rel in sorted(candidates - pages.keys()):
        path = docs / rel
        if path.is_file() and (rel in owned or is_generated(path)):
            path.unlink()
            removed.append(rel)
    _prune_empty_folders(docs)
    return removed


def _prune_empty_folders(docs: Path) -> None:
    for folder in Routes().generated_dirs:  # folders holding generated files only
        root = docs / folder
        if not root.is_dir():
            continue
        for path in [*sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True), root]:
            if not any(path.iterdir()):
                path.rmdir()


def _write_if_changed(target: Path, data: bytes) -> bool:
    try:
        if target.read_bytes() == data:
            return False
    except OSError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)  # atomic: a reader never sees half a file
    return True
