"""Actors' names and news agencies indexed for matching in an article, through joined clitics."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .lexicon import AGENCY_NAMES, prefix_variants, strip_article
from .tokens import Token, soft_gap, tokenise


@dataclass(frozen=True)
class Alias:
    words: tuple[str, ...]
    actor: str | None
    agency: bool


@dataclass(frozen=True)
class AliasMatch:
    alias: Alias
    end: int      # token index after the match
    clitics: str  # joined و/ف/ب/ل/ك letters in front of the first word


class AliasIndex:
    """Actor names indexed by their first word, matched longest first and through joined clitics."""

    def __init__(self, actors: Mapping[str, Iterable[str]]) -> None:
        self._by_first: dict[str, list[Alias]] = {}
        for actor, names in actors.items():
            for name in names:
                self._add(name, actor, agency=False)
        for name in AGENCY_NAMES:
            self._add(name, None, agency=True)
        for entries in self._by_first.values():
            entries.sort(key=lambda a: len(a.words), reverse=True)

    def _add(self, name: str, actor: str | None, *, agency: bool) -> None:
        words = tuple(strip_article(t.norm) for t in tokenise(name))
        if words:
            self._by_first.setdefault(words[0], []).append(Alias(words, actor, agency))

    def match(self, text: str, tokens: list[Token], i: int) -> AliasMatch | None:
        """The longest alias starting at token ``i``."""
        best: AliasMatch | None = None
        for clitics, rest in prefix_variants(tokens[i].norm):
            for alias in self._by_first.get(strip_article(rest), ()):
                n = len(alias.words)
                if (best is not None and n <= best.end - i) or i + n > len(tokens):
                    continue
                if all(
                    strip_article(tokens[i + k].norm) == alias.words[k]
                    and soft_gap(text, tokens[i + k - 1], tokens[i + k])
                    for k in range(1, n)
                ):
                    best = AliasMatch(alias, i + n, clitics)
        return best

    def single_word_actor(self, stem: str) -> str | None:
        """The actor with a one-word name spelled ``stem``, or ``stem`` + ا or يا (مصر، أمريكا، روسيا)."""
        for spelling in (stem, stem + "ا", stem + "يا"):
            for alias in self._by_first.get(spelling, ()):
                if len(alias.words) == 1 and alias.actor:
                    return alias.actor
        return None

    def actor_in(self, text: str, tokens: list[Token], first: int, last: int) -> str | None:
        """The actor of the longest alias lying between token indices ``first`` and ``last``."""
        best: tuple[int, str] | None = None
        for i in range(first, last):
            found = self.match(text, tokens, i)
            if found and found.alias.actor and found.end <= last and (best is None or found.end - i > best[0]):
                best = (found.end - i, found.alias.actor)
        return best[1] if best else None
