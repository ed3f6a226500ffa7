"""Write: put generated pages into docs/ without disturbing anything else there.

Only files whose front matter carries GENERATED_MARK are ever replaced or removed; a page is
rewritten only when its content changes, so `mkdocs serve` and other watchers see real changes only.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import FactsError, Problem
from .render import GENERATED_MARK

GENERATED_DIRS = ("actors", "meetings", "sources", "claims")
"""Folders under docs/ that hold only generated pages (and are git-ignored)."""


@dataclass
class WriteReport:
    """What a write changed under docs/."""

    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def is_generated(path: Path) -> bool:
    """Whether ``path`` is a page this generator wrote (its second line is the mark)."""
    try:
        with path.open(encoding="utf-8") as f:
            return f.readline() == "---\n" and f.readline().rstrip("\n") == GENERATED_MARK
    except (OSError, UnicodeDecodeError):
        return False


def write_pages(pages: dict[str, str], docs: Path) -> WriteReport:
    """Bring docs/ in line with ``pages``; refuse before writing anything if a hand-written file is in the way."""
    clashes = [p for p in sorted(pages) if (docs / p).exists() and not is_generated(docs / p)]
    if clashes:
        raise FactsError([
            Problem(str(docs / p), 1, 1, "", "this hand-written file has the path of a generated page; "
                    "rename or move it (nothing was written)",
                    "هذا الملف المكتوب يدويًا في مسار صفحة مولّدة؛ غيّر اسمه أو انقله (لم يُكتب شيء)")
            for p in clashes
        ])
    report = WriteReport()
    for rel, content in pages.items():
        target = docs / rel
        if _read(target) == content:
            report.unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_text(content, encoding="utf-8")
        os.replace(tmp, target)  # atomic: a reader never sees half a page
        report.written.append(rel)
    report.removed = remove_stale(pages, docs)
    return report


def remove_stale(pages: dict[str, str], docs: Path) -> list[str]:
    """Delete generated pages of entities that no longer exist; return their paths."""
    removed = []
    for folder in GENERATED_DIRS:
        root = docs / folder
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*.md")):
            rel = path.relative_to(docs).as_posix()
            if rel not in pages and is_generated(path):
                path.unlink()
                removed.append(rel)
    return removed


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
