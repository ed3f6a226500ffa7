"""Word tokens of an article and the punctuation that separates them (gaps, sentence and clause ends)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..facts.text import ARABIC_MARKS, DIACRITICS, QUOTE_MARKS
from .lexicon import ALL_CUES, ALL_HEADS, STATEMENT_PLACE_VERBS, head_key, normalise

SINGLE_MARKS = "'‘’‚‛"
"""Single quotation marks: also apostrophes, so they pair only where the double ones do not."""
DOUBLE_MARKS = "".join(c for c in QUOTE_MARKS if c not in SINGLE_MARKS)
"""Double quotation marks and guillemets."""
QUOTE_CHARS = QUOTE_MARKS
DOUBLE_MARK = re.compile(f"[{DOUBLE_MARKS}]")
SINGLE_MARK = re.compile(f"[{SINGLE_MARKS}]")
HARD_GAP = re.compile(r"[،,:;؛.!?؟()\[\]{}\n]")
BEFORE_OPENING = frozenset("([{:،,؛—–-/ـ")
AFTER_CLOSING = frozenset(".,،؛:;!?؟)]}…-–—")
PUNCTUATION_AFTER = frozenset(".,،؛:;!?؟)]}")
SOFT_GAP_CHARS = frozenset(" \t\u00a0\u200e\u200f-–ـ" + QUOTE_CHARS)
TOKEN = re.compile(rf"[^\W_][\w{ARABIC_MARKS}\u0640]*")
WORD_CHAR = re.compile(rf"[^\W_]|[{ARABIC_MARKS}]")
TANWEEN = re.compile("[\u064b-\u064d]")
PARAGRAPH = re.compile(r"[^\n]+")
SENTENCE_END = re.compile(r"[.!?؟؛](?=\s|$|[\"”»])|\n")
CLAUSE_END = re.compile(r"[.!?؟؛:](?=\s|$)")


# --- tokens ---------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    surface: str
    norm: str


def tokenise(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    return [
        Token(m.start(), m.end(), m.group(), normalise(m.group()))
        for m in TOKEN.finditer(text, start, len(text) if end is None else end)
    ]


def first_token_from(tokens: list[Token], offset: int) -> int:
    """Index of the first token that starts at or after ``offset``."""
    return bisect.bisect_left(tokens, offset, key=lambda t: t.start)


def lexicon_word(word: str, lexicon: frozenset[str]) -> str | None:
    """The lexicon entry a normalised word spells, with or without a joined و or ف, else None."""
    if word in lexicon:
        return word
    if word[:1] in ("و", "ف") and word[1:] in lexicon:
        return word[1:]
    return None


def is_word_char(ch: str) -> bool:
    return bool(ch) and WORD_CHAR.match(ch) is not None


def skip_letters(text: str, start: int, letters: int) -> int:
    """Offset after ``letters`` base letters (with their diacritics or tatweel) from ``start``."""
    pos = start
    for _ in range(letters):
        pos += 1
        while pos < len(text) and DIACRITICS.match(text[pos]):
            pos += 1
    return pos


def start_without_conjunction(text: str, token: Token) -> int:
    """Offset of a token after a joined و/ف, when what follows is a cue, title or definite noun."""
    word = token.norm
    if word[:1] in ("و", "ف") and len(word) > 3:
        rest = word[1:]
        if rest.startswith("ال") or head_key(rest) in ALL_HEADS or rest in ALL_CUES or rest in STATEMENT_PLACE_VERBS:
            return skip_letters(text, token.start, 1)
    return token.start


def soft_gap(text: str, left: Token, right: Token) -> bool:
    return all(ch in SOFT_GAP_CHARS for ch in text[left.end:right.start])


def article_like(token: Token) -> bool:
    """Whether a word starts with the article: «الكسندر» from «ألكسندر» only looks so after folding."""
    return token.norm.startswith("ال") and not token.surface.startswith(("أل", "إل"))


ARABIC_LETTER = re.compile("[\u0621-\u064a]")
CLITIC_WITH_KASHIDA = re.compile("[وف]?[لبك]\u0640")


def never_in_name(token: Token) -> bool:
    """A Latin word («CNN» names an outlet or a brand; the press writes a speaker's name in Arabic), or a
    preposition set off by a kashida («لـCNN», «بـموسكو»), which governs what follows it."""
    return not ARABIC_LETTER.search(token.surface) or CLITIC_WITH_KASHIDA.match(token.surface) is not None
