"""Search terms: the spellings a reader may type for a name, written out of sight into each page.

Arabic names reach readers in many spellings: with or without hamza, ة or ه, an article or a
prefixed و/ب/ل, and transliterations that differ in a long vowel or a consonant (ستولتنبرغ,
ستولتنبرج, ستولتنبيرغ). Page text shows one spelling, so every actor and event page also carries,
out of sight, its names reduced to a few comparison forms:

* ``search_key``: ``fold_arabic`` plus Western digits and no Latin accents;
* ``bare_word``: a word without the article and the particles glued to it (والناتو → ناتو);
* ``word_variants``: the word, its bare form, and the word without one leading و/ف/ب/ل/ك
  (ولافروف → لافروف), a separate guess because many names start with those letters (بوتين, بلينكن);
* ``skeleton_word``: consonants only, with the letters transliterations swap merged into one
  (غ/ج, ز/س/ص/ث/ذ, ف/ب, …), so ستولتنبيرغ, شولتس and زخاروفا meet ستولتنبرغ, شولتز and زاخاروفا.

Each actor and event page carries its names (``names``), an actor's positions (``roles``) and every
form of their words (``terms``) as Pagefind metadata in a hidden element: Pagefind matches the query
against the forms, and docs/javascripts/search.js orders the pages it finds by how well the query
matches the names. docs/javascripts/search-normalise.js applies exactly the same functions to the
query in the browser; tests/test_search_terms.py runs both on the same words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ..facts.model import Actor, Event
from ..facts.text import fold_arabic

NAME_SEPARATOR = " | "
"""Between two names in the ``names`` field (folding turns every ``|`` inside a name into a space)."""

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ARTICLES = ("وال", "فال", "بال", "كال")
_CLITICS = "وفبلك"
_VOWELS = frozenset("اويaeiouy")
_SKELETON = str.maketrans({
    "غ": "ج", "ز": "س", "ص": "س", "ث": "س", "ذ": "س", "ظ": "س", "ط": "ت", "ض": "د", "ف": "ب",
    "ق": "ك", "ح": "ه",
    "c": "k", "q": "k", "z": "s", "w": "v", "p": "b", "f": "b",
})
_PARENTHESES = re.compile(r"\(([^()]*)\)")


# --- the comparison forms (mirrored in docs/javascripts/search-normalise.js) ---------------------

def search_key(text: str) -> str:
    """``fold_arabic`` with Eastern digits made Western and accents dropped from Latin letters."""
    folded = fold_arabic(text.translate(_DIGITS))
    # fold_arabic already dropped Arabic marks; what is left to decompose is Latin (é → e).
    return "".join(c for c in unicodedata.normalize("NFD", folded) if not unicodedata.category(c).startswith("M"))


def bare_word(word: str) -> str:
    """A folded word without its article, or a particle and article (والناتو, للناتو, الناتو → ناتو)."""
    for prefix in _ARTICLES:
        if word.startswith(prefix) and len(word) - 3 >= 2:
            return word[3:]
    if word.startswith("لل") and len(word) - 2 >= 3:
        return word[2:]
    if word.startswith("ال") and len(word) - 2 >= 2:
        return word[2:]
    return word


def unclitic_word(word: str) -> str:
    """A folded word without one leading و/ف/ب/ل/ك (then without its article): ولافروف → لافروف."""
    stripped = bare_word(word)
    if stripped != word:
        return stripped
    if len(word) >= 4 and word[0] in _CLITICS:
        return bare_word(word[1:])
    return word


def skeleton_word(word: str) -> str:
    """The consonants of a folded word, transliteration twins merged and doubles collapsed."""
    out: list[str] = []
    for i, ch in enumerate(word):
        if i and ch in _VOWELS:
            continue
        ch = ch.translate(_SKELETON)
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def word_variants(word: str) -> list[str]:
    """A folded word as written, without its article, and without one leading particle (and article).

    Two words match when they share a variant: للافروف and لافروف share لافروف, والناتو and ناتو share
    ناتو. A real first letter taken for a particle (بوتين → وتين) only adds a variant no name uses.
    """
    variants = [word, bare_word(word)]
    if len(word) >= 4 and word[0] in _CLITICS:
        variants += [word[1:], bare_word(word[1:])]
    return list(dict.fromkeys(variants))


def word_forms(word: str) -> list[str]:
    """Every form of one folded word that the index holds: its variants and their skeletons."""
    variants = word_variants(word)
    return list(dict.fromkeys([*variants, *(skeleton_word(v) for v in variants)]))


# --- what each page carries ----------------------------------------------------------------------

@dataclass(frozen=True)
class SearchTerms:
    """The hidden search fields of one page."""

    names: str
    """Every name as a search key, separated by NAME_SEPARATOR: what the browser ranks by."""
    roles: str
    """Positions held (``الامين العام`` and ``الامين العام الناتو``), the same way: ranked below names."""
    terms: str
    """Every word form of the names and roles, space-separated: what Pagefind matches."""


def page_terms(item: Actor | Event) -> SearchTerms:
    """The search fields of an actor's or an event's page."""
    if isinstance(item, Actor):
        names = actor_names(item)
        roles = [text for r in item.roles for text in ([r.title, f"{r.title} {r.of.name}"] if r.of else [r.title])]
    else:
        names = [item.title]
        roles = []
    name_keys = _keys(names)
    role_keys = _keys(roles)
    words = [w for key in [*name_keys, *role_keys] for w in key.split()]
    forms = dict.fromkeys(f for w in words for f in word_forms(w))
    return SearchTerms(names=NAME_SEPARATOR.join(name_keys), roles=NAME_SEPARATOR.join(role_keys),
                       terms=" ".join(forms))


def _keys(texts: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(k for k in (search_key(t) for t in texts) if k))


def actor_names(actor: Actor) -> list[str]:
    """An actor's names as readers may type them: each spelling, its parts in parentheses, a surname."""
    names: list[str] = []
    for name in actor.names:
        names.extend(_name_parts(name))
    names.extend(_surnames(actor))
    return list(dict.fromkeys(n for n in names if n.strip()))


def _name_parts(name: str) -> list[str]:
    """``NATO (North Atlantic Treaty Organization)`` → the whole, ``NATO`` and the words inside.

    A parenthesis that starts in lower case is a remark (``(not named in the source)``), not a name.
    """
    inner = [m.strip() for m in _PARENTHESES.findall(name)]
    if not inner:
        return [name]
    outer = " ".join(_PARENTHESES.sub(" ", name).split())
    names = [outer, *(i for i in inner if i and not i[0].islower())]
    if all(not i[0].islower() for i in inner if i):
        names.insert(0, " ".join(name.replace("(", " ").replace(")", " ").split()))
    return names


def _surnames(actor: Actor) -> list[str]:
    """A person's family name alone, in both scripts: how news copy names people after first mention.

    Only for a Latin name of two or three capitalised words, so that a description such as
    "Prime Minister of Romania" does not make "Romania" the name of a person.
    """
    if actor.kind != "person":
        return []
    latin = _name_parts(actor.name_latin)[0].split()
    arabic = actor.name.split()
    if not 2 <= len(latin) <= 3 or not all(w[:1].isupper() for w in latin):
        return []
    return [latin[-1], *([arabic[-1]] if len(arabic) >= 2 else [])]
