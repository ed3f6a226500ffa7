"""Word classes for reading names: relational adjectives (nisba), definite nouns, words a name may hold."""

from __future__ import annotations

from .dates import MONTH_NUMBERS
from .lexicon import (
    ALL_CUES,
    ALL_HEADS,
    COUNTRY_NAMES,
    NAME_STOPS,
    WEEKDAYS,
    head_in,
    norm_set,
    prefix_variants,
    strip_article,
)
from .tokens import TANWEEN, Token, article_like, lexicon_word, never_in_name


def is_nisba(word: str, *, definite: bool) -> bool:
    """Relational adjectives (الروسي، الأميركية، أمريكي) that qualify a title or an institution."""
    for _, rest in prefix_variants(word):
        if definite and not rest.startswith("ال"):
            continue
        core = strip_article(rest)
        if len(core) >= 4 and core.endswith(("ي", "يه", "يين", "يون")) and core not in NAME_STOPS:
            return True
    return False


def nisba_stem(word: str) -> str | None:
    """The stem of a relational adjective (الأمريكية → امريك), or None when the word is not one."""
    core = strip_article(word)
    for ending in ("يين", "يون", "يه", "ي"):
        if core.endswith(ending) and len(core) - len(ending) >= 3:
            return core[: -len(ending)]
    return None


def is_name_word(token: Token, *, after_connector: bool = False) -> bool:
    """Whether a token may be part of a personal name (names carry no tanween, no article, no clitics)."""
    word = token.norm
    if len(word) < 2 or word.isdigit() or TANWEEN.search(token.surface) or never_in_name(token):
        return False
    if word in NAME_STOPS or lexicon_word(word, ALL_CUES) or head_in(word, ALL_HEADS):
        return False
    if word in WEEKDAYS or strip_article(word) in MONTH_NUMBERS or word in COUNTRY_NAMES:
        return False
    return after_connector or not article_like(token)


def is_definite(word: str) -> bool:
    """Whether a noun carries the article, also behind a joined و/ف (والمسؤول)."""
    return word.startswith("ال") or (word[:1] in ("و", "ف") and word[1:].startswith("ال"))


def looks_like_present_verb(word: str) -> bool:
    return len(word) >= 4 and word[0] in "يت"


MANNER_ADVERBS = norm_set("بوضوح بحزم بجلاء بصدق بإيجاز باختصار بتفصيل")


def manner_adverb(token: Token) -> bool:
    """«وأكد بشدة أن», «وأوضح بجلاء أن»: «بـ» and a noun of manner after the verb, never a name; the
    feminine ending («بشدة», «بقوة», «بصراحة») tells most of them from «بوتين» or «بلينكن»."""
    return token.norm[:1] == "ب" and (token.surface.endswith("ة") or token.norm in MANNER_ADVERBS)
