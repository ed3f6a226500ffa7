"""Located problems: every complaint about the fact base points at a file, a line and a column."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e"
                          "\u2060-\u206f\u2028\u2029\u2800\u3164\ufeff\uffa0\U000e0000-\U000e007f]")
"""Characters that would break a report line, reorder it on the terminal, or not show at all (joiners, fillers,
TAG characters): values are echoed in messages, and a message must show what is wrong with them."""


def printable(text: str) -> str:
    """``text`` with control and bidi-override characters shown as ``<U+202E>``, so a report line stays one line
    and reads in the order it is written."""
    return _UNPRINTABLE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


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
    last: bool = field(default=False, compare=False)
    """Reported after all others whatever its position (e.g. "checking stopped here")."""

    def __str__(self) -> str:
        where = f" {self.where}:" if self.where else ""
        return printable(f"{self.path}:{self.line}:{self.col}:{where} {self.english} | {self.arabic}")


def annotation(problem: Problem) -> str:
    """``problem`` as a GitHub Actions workflow command, which GitHub shows on the file's line in a pull request.

    Properties and message are escaped as the runner expects (``%``, line breaks, and in properties ``:`` and
    ``,``), so a value quoted in the message can neither end the command nor start another.
    """

    def data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(text: str) -> str:
        return data(text).replace(":", "%3A").replace(",", "%2C")

    title = f"{problem.where} | facts check" if problem.where else "facts check"
    message = printable(f"{problem.english} | {problem.arabic}")
    return (f"::error file={prop(problem.path)},line={problem.line},col={problem.col},"
            f"title={prop(printable(title))}::{data(message)}")


MAX_PROBLEMS = 1000
"""A run stops looking after this many problems: fix those first (and a hostile file cannot flood the log)."""


def too_many(path: str, line: int, col: int) -> Problem:
    """The last problem of a run stopped by MAX_PROBLEMS, placed after the one before it."""
    return Problem(path, line, col, "", f"more than {MAX_PROBLEMS} problems; checking stopped here, fix these first",
                   f"أكثر من {MAX_PROBLEMS} مشكلة؛ توقف الفحص هنا، أصلح ما سبق أولًا", last=True)


class FactsError(Exception):
    """Raised with every problem found, so that one run reports them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(p for p in problems if not p.last) + [p for p in problems if p.last]
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line, followed by a count in both languages."""
        lines = [str(p) for p in self.problems]
        n = len(self.problems)
        lines.append(f"{n} problem(s) found; nothing was written. | عدد المشكلات: {n}؛ لم يُكتب أي ملف.")
        return "\n".join(lines)
