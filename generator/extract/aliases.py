"""Actors' names and news agencies indexed for matching in an article, through joined clitics."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .lexicon import AGENCY_NAMES, normalise, prefix_variants, strip_article
from .tokens import Token, soft_gap, tokenise

SOUND_TABLE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ج": "غ", "ق": "غ", "گ": "غ", "ڤ": "ف", "پ": "ب",
                             "ة": "ه", "ى": "ي"})
VOWEL_LETTERS = frozenset("اويءأإآؤئ")


def skeleton(word: str) -> str:
    """A transliterated name word by its consonants: the press writes one foreign name many ways
    («سيرغي»/«سيرجي», «ستولتنبرغ»/«ستولتنبيرغ», «دميتري»/«ديمتري»), differing in the letter for «g» and
    in the long vowels it writes out."""
    word = normalise(word).translate(SOUND_TABLE)
    return word[:1] + "".join(ch for ch in word[1:] if ch not in VOWEL_LETTERS)


def one_letter_apart(a: str, b: str) -> bool:
    """Whether two skeletons of four letters or more differ by one letter added, dropped or changed."""
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    k = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[k + (len(a) == len(b)):] == b[k + 1:]


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
        # Personal names (two words or more, none with the article) by their skeletons, whole and by the
        # family name alone, for speakers written another way or by the family name only.
        self._people: dict[tuple[str, ...], set[str]] = {}
        self._families: dict[str, set[str]] = {}
        for actor, names in actors.items():
            for name in names:
                words = [t.norm for t in tokenise(name)]
                if len(words) >= 2 and not any(w.startswith("ال") for w in words):
                    key = tuple(skeleton(w) for w in words)
                    self._people.setdefault(key, set()).add(actor)
                    self._families.setdefault(key[-1], set()).add(actor)

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

    def person_named(self, name: str) -> str | None:
        """The one actor whose personal name ``name`` spells, however transliterated: the whole name
        («سيرغي ريابكوف» for «سيرجي ريابكوف»), or the family name alone («بيسكوف»); None when no actor or
        more than one fits (two actors sharing a family name are told apart only by the given name)."""
        words = [t.norm for t in tokenise(name)]
        if not words or any(w.startswith("ال") for w in words):
            return None
        key = tuple(skeleton(w) for w in words)
        fitting = self._people.get(key) if len(key) > 1 else self._families.get(key[0])
        return next(iter(fitting)) if fitting and len(fitting) == 1 else None
