"""Located problems: every complaint about the fact base points at a file, a line and a column."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, with where it is and how to fix it."""

    path: str
    """The file the problem is in, as the user named it (e.g. ``data/facts.yaml``)."""
    line: int
    """1-based line number."""
    col: int
    """1-based column number."""
    where: str
    """The entity and field, e.g. ``actors[2] (sergei-lavrov).roles[0].of``."""
    english: str
    """What is wrong and how to fix it, in English."""
    arabic: str
    """The same message in Arabic."""

    def __str__(self) -> str:
        where = f" {self.where}:" if self.where else ""
        return f"{self.path}:{self.line}:{self.col}:{where} {self.english} | {self.arabic}"


class FactsError(Exception):
    """Raised with every problem found, so that one run reports them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line, followed by a count in both languages."""
        lines = [str(p) for p in self.problems]
        n = len(self.problems)
        lines.append(f"{n} problem(s) found; nothing was written. | عدد المشكلات: {n}؛ لم يُكتب أي ملف.")
        return "\n".join(lines)
