"""Text normalisation shared by provenance checks, highlighting, search and extraction."""

from __future__ import annotations

import re
import unicodedata

QUOTE_MARKS = "\"'“”„‟«»‘’‚‛"
"""Every quotation mark the provenance rule treats as the same character."""
_QUOTE_TABLE = str.maketrans({c: '"' for c in QUOTE_MARKS})

BIDI_OVERRIDES = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Embeddings, overrides and isolates: the characters behind Trojan Source (CVE-2021-42574), refused
anywhere in facts.yaml, comments included."""
BIDI_CONTROLS = BIDI_OVERRIDES | frozenset("\u200e\u200f\u061c")
"""The above and the direction marks: refused in values, where the page sets the direction itself."""
INVISIBLE = frozenset("\u200b\u2060\ufeff\u00ad\u180e\u2061\u2062\u2063\u2064\u034f\u2028\u2029")
"""Zero-width and invisible characters, and the Unicode line and paragraph separators (which YAML
counts as line breaks and most editors do not show), that have no place in a fact (ZWNJ and ZWJ stay
allowed)."""


BLANKS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
"""Letters and symbols that draw nothing (Hangul fillers, the blank braille pattern): a name made of them
looks empty. They are printable, so they are looked for on their own."""
_BLANKS = re.compile(f"[{''.join(sorted(BLANKS))}]")


def is_tag(ch: str) -> bool:
    """Whether ``ch`` is a Unicode TAG character (U+E0000–U+E007F), invisible text that can smuggle words."""
    return "\U000e0000" <= ch <= "\U000e007f"


def suspicious_character(text: str, *, multiline: bool) -> tuple[int, str] | None:
    """Index and Unicode name of the first character that does not belong in a fact, or None."""
    # Every character looked for below is unprintable but U+034F and the blanks, so most texts are cleared at
    # C speed.
    if "\u034f" not in text and not _BLANKS.search(text) and (
            text.isprintable() or (multiline and all(line.isprintable() for line in text.split("\n")))):
        return None
    for i, ch in enumerate(text):
        if ch in BIDI_CONTROLS or ch in INVISIBLE or ch in BLANKS or is_tag(ch):
            return i, char_name(ch)
        if ch == "\n" and multiline:
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs", "Co", "Cn") and ch != "\t":
            return i, char_name(ch)
    return None


def has_visible_letter(text: str) -> bool:
    """Whether ``text`` has at least one letter or digit that draws something (not only marks, joiners,
    punctuation or blanks): the rule for every name, title and text."""
    return any(ch.isalnum() and ch not in BLANKS for ch in text)


def visible(text: str) -> str:
    """``text`` for an error message about an id: every character outside printable ASCII shown by its code
    point and name (``<U+0430 CYRILLIC SMALL LETTER A>``), so a look-alike or an invisible joiner cannot hide
    in the message that points at it."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(ch if " " <= ch <= "~" else f"<{char_name(ch)}>" for ch in text)


_LOOKALIKES = str.maketrans({
    # Cyrillic and Greek letters drawn like Latin ones: what an id copied from elsewhere may hold.
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ɡ": "g",
    "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
    "χ": "x", "ү": "y", "һ": "h", "ӏ": "l",
})


def latin_lookalikes(text: str) -> str:
    """``text`` with look-alike letters made Latin, compatibility forms folded (NFKC: fullwidth ``ａ``) and
    invisible format characters dropped: the basis of a suggested id."""
    folded = unicodedata.normalize("NFKC", text.casefold()).translate(_LOOKALIKES)
    return "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")


def char_name(ch: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``: a character named so that it can be found and deleted."""
    fallback = {"Cc": "CONTROL CHARACTER", "Cs": "SURROGATE", "Co": "PRIVATE USE CHARACTER"}
    return f"U+{ord(ch):04X} {unicodedata.name(ch, fallback.get(unicodedata.category(ch), 'UNASSIGNED CHARACTER'))}"


def provenance_key(text: str) -> str:
    """``text`` with white space runs collapsed and every quotation mark made ``"``."""
    return " ".join(text.translate(_QUOTE_TABLE).split())


def provenance_index(text: str) -> tuple[str, list[int]]:
    """The provenance key of ``text`` and, for each of its characters, the offset in ``text``.

    Lets a match found in the normalised text be highlighted in the original.
    """
    out: list[str] = []
    offsets: list[int] = []
    pending_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            pending_space = bool(out)
            continue
        if pending_space:
            out.append(" ")
            offsets.append(i - 1)
            pending_space = False
        out.append(ch.translate(_QUOTE_TABLE))
        offsets.append(i)
    return "".join(out), offsets


_WORD = "(?:[^\\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640])"
"""One character of a word: a letter or digit, or an Arabic mark or tatweel (which belong to the letter before)."""
_WORD_RE = re.compile(_WORD)
_WORDS = re.compile(f"{_WORD}+")


def word_count(text: str) -> int:
    """Words in ``text``: runs of letters and digits (with their marks); punctuation alone is no word."""
    return len(_WORDS.findall(text))


def find_verbatim(needle: str, haystack_key: str) -> int:
    """Offset of ``needle`` in an already normalised haystack, on word boundaries, or -1.

    A match must not start or end inside a word of the article: ``في`` is not found in ``فيينا``, and a
    copy that drops a prefix (``الحلف`` for ``والحلف``) is not the article's wording.
    """
    key = provenance_key(needle)
    if not key:
        return -1
    before = f"(?<!{_WORD})" if _WORD_RE.match(key[0]) else ""
    after = f"(?!{_WORD})" if _WORD_RE.match(key[-1]) else ""
    match = re.search(f"{before}{re.escape(key)}{after}", haystack_key)
    return match.start() if match else -1


def longest_found_prefix(needle: str, haystack_key: str) -> str:
    """The longest start of ``needle`` that does occur in the haystack: tells an editor where a copy went wrong."""
    key = provenance_key(needle)
    lo, hi = 0, len(key)
    while lo < hi:  # prefixes that occur form a run from 0, so bisect on the length
        mid = (lo + hi + 1) // 2
        if key[:mid] in haystack_key:
            lo = mid
        else:
            hi = mid - 1
    return key[:lo]


# --- Arabic search normalisation ---------------------------------------------------------------

ARABIC_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
"""Character ranges of Arabic vowel signs, shadda, sukun and Quranic marks (for regex classes)."""
DIACRITICS = re.compile(f"[{ARABIC_MARKS}\u0640]")
"""Marks and tatweel: what two spellings of one word may differ by without being different words."""
_SPELLING = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ة": "ه", "ى": "ي", "ی": "ي", "ي": "ي", "ک": "ك", "ۀ": "ه", "ە": "ه",
    "گ": "غ", "چ": "ج", "پ": "ب", "ڤ": "ف",
}
_SPELLING_TABLE = str.maketrans(_SPELLING)
_LETTER_TABLE = str.maketrans({**_SPELLING, "ؤ": "و", "ئ": "ي", "ء": ""})
_NON_WORD = re.compile(r"[^\w]+")


def fold_letters(text: str, *, hamza: bool = False) -> str:
    """``text`` without marks or tatweel, one alif, ه for ة, ي for ى, and without hamza seats unless
    ``hamza`` (the extractor keeps them: its word lists tell words apart by length).

    Keeps every other character where it is, so offsets of whole words stay comparable.
    """
    return DIACRITICS.sub("", text).translate(_SPELLING_TABLE if hamza else _LETTER_TABLE)


def fold_arabic(text: str) -> str:
    """Lower-case, unvowelled, hamza-free spelling used to compare names however they are written."""
    text = unicodedata.normalize("NFKC", text)
    text = fold_letters(text).casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())
