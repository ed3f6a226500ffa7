"""The people an article names in full, indexed so that a shorter or another spelling finds the full name.

A speaker is often written by the family name alone («وأضاف لافروف»), by a middle name, by the two
words of a compound family name, or misspelt by a letter («بليكن»); each lookup here is a dictionary
probe and a bisection, so restoring every speaker's name costs time in proportion to the article.
"""

from __future__ import annotations

import bisect
from collections import defaultdict

from .aliases import one_letter_apart, skeleton
from .lexicon import normalise

Person = tuple[int, list[str], str]
"""(offset, normalised words, name as written) of a person named with two words or more."""


def _deletions(sound: str) -> set[str]:
    """A skeleton and every skeleton one letter shorter: two skeletons one letter apart share one."""
    return {sound} | {sound[:k] + sound[k + 1:] for k in range(len(sound))}


class People:
    """Full names by the words a shorter mention of them may be written with."""

    def __init__(self, people: list[Person]):
        # key → [(offset, name as written, extra)], by offset, for: the last word or the last two joined
        # («عبدالله»), the first word, the skeletons of the last two words, a middle word (extra: its
        # place), and the one-letter-shorter forms of the last word's skeleton (extra: that skeleton)
        self._entries: dict[tuple, list[tuple[int, str, object]]] = defaultdict(list)
        for at, words, name in sorted(people, key=lambda p: p[0]):
            self._add(("end", words[-1]), at, name)
            self._add(("end", "".join(words[-2:])), at, name)
            self._add(("first", words[0]), at, name)
            if len(words) > 2:
                self._add(("tail", tuple(skeleton(w) for w in words[-2:])), at, name)
                self._add(("joined", "".join(words[-2:])), at, name)
                self._add(("joined", "".join(words[-3:])), at, name)
            self._add(("sound", skeleton(words[-1])), at, name)
            if len(name.split()) == len(words):
                for k in range(1, len(words) - 1):
                    self._add(("middle", words[k]), at, name, k)
            sound = skeleton(words[-1])
            if len(sound) >= 4:
                for variant in _deletions(sound):
                    self._add(("near", variant), at, name, sound)

    def _add(self, key: tuple, at: int, name: str, extra: object = None) -> None:
        entries = self._entries[key]
        if not entries or entries[-1][:2] != (at, name):
            entries.append((at, name, extra))

    def _nearest(self, key: tuple, offset: int) -> tuple[int, str, object] | None:
        """The latest entry before ``offset``, else the first after it."""
        entries = self._entries.get(key)
        if not entries:
            return None
        k = bisect.bisect_left(entries, offset, key=lambda e: e[0])
        return entries[k - 1] if k else entries[0]

    def full_name(self, word: str, offset: int) -> str | None:
        """The full name a one-word speaker at ``offset`` stands for: one ending in ``word`` (the latest
        before, else the first after); then one starting with it («أنور» for «أنور خليل»); then the one
        person whose family name has its consonants, or is ``word`` misspelt by a letter; then a name
        holding it in the middle."""
        for kind in ("end", "first"):
            found = self._nearest((kind, word), offset)
            if found:
                return found[1]
        sound = skeleton(word)
        same_sound = {name for _, name, _ in self._entries.get(("sound", sound), ())}
        if len(sound) >= 3 and len(same_sound) == 1:
            return same_sound.pop()  # «ملير» for «ماثيو ميلر»: the same consonants, one person
        if len(sound) >= 4:
            near = {name for variant in _deletions(sound) for _, name, other in self._entries.get(("near", variant), ())
                    if one_letter_apart(sound, other)}
            if len(near) == 1:
                return near.pop()
        found = self._nearest(("middle", word), offset)
        if found is None:
            return None
        _, name, k = found
        # «وأضاف بكاري» for «عثمان بكاري يوسف»: a middle name stands for the whole name; a run that read on
        # into a governed noun after the name («ألكسي ميلتيتش لمدة ثلاثة مواسم») stops before it.
        written = name.split()
        end = next((m for m in range(k + 1, len(written)) if _governed(normalise(written[m]))), len(written))
        return " ".join(written[:end])

    def longer_name(self, words: list[str], offset: int) -> str | None:
        """The latest name before ``offset`` of three words or more whose last two words sound like
        ``words``, or whose last words are ``words`` spaced otherwise: «جاويش أغلو» for «مولود جاويش
        أوغلو», «عطا الله» for «سامي عطا الله», «فون ديرلاين» for «أورسولا فون دير لاين»."""
        entries = self._entries.get(("tail", tuple(skeleton(w) for w in words)), []) or self._entries.get(
            ("joined", "".join(words)), [])  # «فون ديرلاين» for «أورسولا فون دير لاين»
        k = bisect.bisect_left(entries, offset, key=lambda e: e[0])
        return entries[k - 1][1] if k else None


def _governed(word: str) -> bool:
    """A noun with a joined preposition («لمدة», «بعقد»): what a name run reads on into, never a name."""
    return word[:1] in ("ل", "ب") and len(word) > 3 and not word.startswith(("لا", "بو"))
