"""Did-you-mean suggestions that stay fast with tens of thousands of ids.

difflib compares a word with every option, so 1,000 mistyped references against 40,000 actors cost
40 million comparisons (minutes). Here the options are indexed once by their character trigrams; a
word is compared only with the few options that share the most trigrams with it, so each suggestion
costs about the size of a few posting lists, not the size of the fact base.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from .text import latin_lookalikes

MAX_ID_LENGTH = 80
"""Longest id."""

SMALL = 64
"""Up to this many options, every one is compared (the index would not pay for itself)."""
CANDIDATES = 16
"""Options ranked by difflib for each word: those sharing the most trigrams with it."""
COMMON = 2000
"""A trigram found in more options than this tells little (``-al``, ``ter``): its list is skipped
unless the word has no rarer one."""


def _grams(word: str) -> set[str]:
    padded = f"^{word.casefold()}$"
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


class Suggester:
    """The closest option to a word, among a fixed set of options."""

    def __init__(self, options: Iterable[str]) -> None:
        self.options = sorted(set(options))
        """Every option, sorted so that ties are broken the same way on every run."""
        self._index: dict[str, list[int]] = defaultdict(list)
        if len(self.options) > SMALL:
            for i, option in enumerate(self.options):
                for gram in _grams(option):
                    self._index[gram].append(i)

    def closest(self, word: str, cutoff: float = 0.6) -> str | None:
        """The option most like ``word`` (difflib's ratio at least ``cutoff``), or None."""
        if len(self.options) <= SMALL:
            candidates = self.options
        else:
            lists = sorted((self._index[g] for g in _grams(word) if g in self._index), key=len)
            informative = [postings for postings in lists if len(postings) <= COMMON] or lists[:3]
            shared: Counter[int] = Counter()
            for postings in informative:
                shared.update(postings)
            candidates = [self.options[i] for i, _ in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))
                          [:CANDIDATES]]
        found = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
        return found[0] if found else None


def suggest_id(value: str) -> str:
    """A valid id close to ``value``: look-alike letters made Latin, invisible characters dropped."""
    words = re.findall(r"[a-z0-9]+", latin_lookalikes(value).casefold())
    return "-".join(words)[:MAX_ID_LENGTH].strip("-")
