"""Reporting: how every check of a loaded file turns a path into a located, bilingual problem."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .errors import MAX_PROBLEMS, Problem, too_many
from .load import Loaded, Path_, format_path
from .suggest import Suggester
from .text import visible

MAX_HINTS = 1000
"""Distinct unknown words that get a did-you-mean suggestion in one run."""


class StopChecking(Exception):
    """MAX_PROBLEMS have been found: stop checking."""


class Reporter:
    """Collects the problems of one loaded file, each at the line and column of the value (or key) at fault."""

    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        """The file being checked, with the position of every value."""
        self.problems: list[Problem] = []
        """Every problem found so far, in the order found."""
        self.hints: dict[tuple[str, str], str | None] = {}
        """(word, kind of options) → the closest option, as already worked out."""
        self.suggesters: dict[str, Suggester] = {}
        """Kind of options → its index of options (built on the first unknown word of that kind)."""

    def complain(self, path: Path_, english: str, arabic: str, *, at_key: bool = False) -> None:
        line, col = self.loaded.key_mark(path) if at_key else self.loaded.mark(path)
        self.problems.append(Problem(self.loaded.path, line, col, self.where(path), english, arabic))
        if len(self.problems) >= MAX_PROBLEMS:
            raise StopChecking

    def where(self, path: Path_) -> str:
        """``actors[3] (sergei-lavrov).roles[0].of``: the index and the id, so both can be searched for."""
        text = format_path(path)
        if len(path) >= 2 and isinstance(path[1], int):
            item = self.item(path[:2])
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                head = format_path(path[:2])
                text = f"{head} ({visible(item['id'])}){text[len(head):]}"
        return text

    def item(self, path: Path_) -> Any:
        value: Any = self.loaded.data
        for part in path:
            value = value[part]
        return value

    def hint(self, word: str, options_name: str, options: Iterable[str]) -> tuple[str, str]:
        """Did-you-mean suffixes, in English and Arabic, for an unknown ``word`` among ``options``.

        Suggestions come from a trigram index (suggest.py), so each costs about the same whatever the number
        of options; past MAX_HINTS distinct words, the log would be unreadable anyway.
        """
        key = (word, options_name)
        if key not in self.hints:
            if len(self.hints) >= MAX_HINTS:
                return "", ""
            if options_name not in self.suggesters:
                self.suggesters[options_name] = Suggester(options)
            self.hints[key] = self.suggesters[options_name].closest(word)
        found = self.hints[key]
        return (f"; did you mean `{found}`?", f"؛ هل تقصد `{found}`؟") if found else ("", "")

    def stopped(self) -> None:
        """Close a run cut short by StopChecking with a line that says so."""
        last = self.problems[-1]
        self.problems.append(too_many(last.path, last.line, last.col))
