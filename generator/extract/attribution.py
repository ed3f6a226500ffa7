"""Which quotations are quotes, and who said each: the cue that governs it and that cue's subject."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from .aliases import AliasIndex
from .document import Cue, Document, can_speak, introduces_speech, subject_after, subject_before
from .lexicon import (
    ALL_CUES,
    COMPLEMENTIZERS,
    COUNTERPART_WORDS,
    NAME_CONNECTORS,
    NAME_OF_HEADS,
    TITLE_HEADS,
    TRAILING_CONNECTIVES,
    head_in,
    head_key,
    prefix_variants,
)
from .mentions import Mention
from .titles import plain_name_word
from .tokens import HARD_GAP, QUOTE_CHARS, SENTENCE_END, Token, first_token_from, lexicon_word, tokenise
from .words import is_nisba, looks_like_present_verb

# --- quotations that are not quotes ---------------------------------------------------------------

def is_quote(text: str, span: tuple[int, int], aliases: AliasIndex) -> bool:
    """False for scare quotes, quoted names of bodies or media, and quoted actor names."""
    start, end = span
    words = tokenise(text, start, end)
    if not words:
        return False
    before = text[max(0, start - 4):start].rstrip(QUOTE_CHARS + " ")
    length = len(text[start:end].split())
    if length <= 2 and not before.endswith(":"):
        return False
    found = aliases.match(text, words, 0)
    if found and found.end == len(words):
        return False
    if length <= 6 and is_heading(text, span):
        return False
    if (length <= 4 and not before.endswith(":") and _inside_reported_clause(text, start)
            and _clause_goes_on(text, end)):
        return False
    if text[start:end].lstrip()[:1] in "،,.":
        return False  # «"…"، في كلمة …"»: the text between a quotation and a stray mark after it
    if length <= 5 and not before.endswith(":") and _quoted_name(text, start, words):
        return False
    if length <= 8:
        # «ببرنامج "على مسؤوليتي"», «تحت عنوان "…"»: the quoted words name what the word before them heads
        previous = tokenise(text, max(0, start - 40), start)
        if previous and any(head_key(rest) in NAME_OF_HEADS for _, rest in prefix_variants(previous[-1].norm)):
            return False
    return True


def _quoted_name(text: str, start: int, words: list[Token]) -> bool:
    """«مع نظيره القطري "محمد بن عبدالرحمن آل ثاني"», «المبعوث الأممي إلى اليمن "إسماعيل ولد الشيخ أحمد"»:
    some outlets set names in quotation marks; a quotation of name words only, right after an office, a
    relational adjective or «نظيره», or closing an office a few words before, names someone."""
    previous = tokenise(text, max(0, start - 60), start)
    if not previous or HARD_GAP.search(text[previous[-1].end:start]):
        return False
    word = previous[-1].norm
    after_office = (word in COUNTERPART_WORDS or head_in(word, TITLE_HEADS) is not None
                    or (word.startswith("ال") and is_nisba(word, definite=True)))  # not «للصحفيين»
    for k in range(len(previous) - 2, max(-1, len(previous) - 6), -1):
        if after_office or HARD_GAP.search(text[previous[k].end:previous[k + 1].start]):
            break
        if previous[k].norm in COMPLEMENTIZERS or lexicon_word(previous[k].norm, ALL_CUES):
            break  # «قال إن المبعوث "…"»: what follows a reporting word may be speech
        after_office = head_in(previous[k].norm, TITLE_HEADS) is not None
    return after_office and not words[0].norm.startswith("ال") and all(
        (plain_name_word(w) and not looks_like_present_verb(w.norm)) or w.norm in NAME_CONNECTORS for w in words)


def _inside_reported_clause(text: str, start: int) -> bool:
    """Whether a quotation stands within a reported clause, words after its «أن/إن»: «إن الشرطي ربما
    كان ضحية ” خطأ في إطلاق نار ” …» marks a phrase, nobody's words (a clause quoted whole, «أن "…"»,
    starts right after the complementizer)."""
    floor = max(0, start - 300)
    stop = max(text.rfind(ch, floor, start) for ch in ".!?؟\n")
    words = tokenise(text, max(floor, stop + 1), start)
    return any(w.norm in COMPLEMENTIZERS for w in words[:-1])


def _clause_goes_on(text: str, end: int) -> bool:
    """Whether a word of the same clause follows the closing mark: a phrase marked in passing, while
    «أن المباحثات "كانت مفيدة للطرفين".» ends its clause with the speaker's own words."""
    rest = text[end:end + 12].lstrip(QUOTE_CHARS + " \t")
    return bool(rest) and rest[0].isalpha()


def is_heading(text: str, span: tuple[int, int]) -> bool:
    """A short quoted line standing alone as a paragraph without a full stop: a subheading."""
    padding = " \t" + QUOTE_CHARS
    k = span[0] - 1
    while k >= 0 and text[k] in padding:
        k -= 1
    m = span[1]
    while m < len(text) and text[m] in padding:
        m += 1
    alone = (k < 0 or text[k] == "\n") and (m >= len(text) or text[m] == "\n")
    return alone and not SENTENCE_END.search(text[span[0]:span[1]] + " ")


def outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans not nested in another: the outer quotation already carries the inner one's words."""
    out: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if out and span[0] < out[-1][1]:
            continue
        out.append(span)
    return out


# --- attribution of quotations --------------------------------------------------------------------

@dataclass(slots=True)
class Attribution:
    speaker: Mention | None
    cue: str | None
    date: str | None
    how: str  # cue | trailing | continued | nearby | none


def opening_mark(text: str, start: int) -> int:
    """Offset of the opening mark before a span, or the span start when the mark is missing."""
    k = start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k if k >= 0 and text[k] in QUOTE_CHARS else start


def closing_mark_end(text: str, end: int) -> int | None:
    k = end
    while k < len(text) and text[k] in " \t":
        k += 1
    return k + 1 if k < len(text) and text[k] in QUOTE_CHARS else None


def governing_cue(doc: Document, first: int, mark: int, low: int) -> Cue | None:
    """The nearest cue before the quotation in its context; attributions to agencies do not count."""
    k = bisect.bisect_left(doc.cue_positions, first) - 1
    while k >= 0 and doc.cues[k].index >= low:
        cue = doc.cues[k]
        if doc.tokens[cue.index].end <= mark and (cue.kind != "attribution" or cue.subject is not None):
            return cue
        k -= 1
    return None


def trailing_cue(doc: Document, span: tuple[int, int]) -> Cue | None:
    """«"..."، قال لاروموف» or «"..."، بحسب البيان»: a cue with its own subject right after the mark."""
    after = closing_mark_end(doc.text, span[1])
    if after is None:
        return None
    j = first_token_from(doc.tokens, after)
    if j >= len(doc.tokens) or doc.text[after:doc.tokens[j].start].strip(" \t،,-–"):
        return None
    limit = doc.sentence_end_token(j)
    k = bisect.bisect_left(doc.cue_positions, j)
    # «بحسب ما قاله X», «كما قال X»: the subject belongs to the verb after the connective.
    while j < limit and doc.tokens[j].norm in TRAILING_CONNECTIVES and not (
        k < len(doc.cues) and doc.cues[k].index == j and doc.cues[k].explicit
    ):
        j += 1
        k = bisect.bisect_left(doc.cue_positions, j)
    if k < len(doc.cues) and doc.cues[k].index == j and doc.cues[k].subject is not None:
        cue = doc.cues[k]
        if subject_after(doc, cue, limit) is not None:
            return cue
    return None


def ends_with_colon(text: str, offset: int) -> bool:
    k = offset - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return k >= 0 and text[k] == ":"


def last_event_before(doc: Document, offset: int) -> Cue | None:
    k = bisect.bisect_left(doc.events, offset, key=lambda e: e[0]) - 1
    return doc.events[k][1] if k >= 0 else None


def attribute(doc: Document, span: tuple[int, int], context_start: int) -> Attribution:
    text = doc.text
    mark = opening_mark(text, span[0])
    first = first_token_from(doc.tokens, span[0])
    cue = governing_cue(doc, first, mark, first_token_from(doc.tokens, context_start))
    if cue is None and not text[context_start:mark].strip() and ends_with_colon(text, context_start):
        # «وقال رشدي:» on a line of its own introduces the paragraph that follows.
        previous_start = doc.sentence_start(max(0, context_start - 1))
        cue = governing_cue(doc, first, mark, first_token_from(doc.tokens, previous_start))
    trailing = trailing_cue(doc, span)
    if trailing is not None and (cue is None or not cue.explicit):
        return Attribution(trailing.subject, trailing.surface, trailing.date, "trailing")
    if cue is not None:
        later = later_clause_subject(doc, cue, first)
        if later is not None:
            return Attribution(later, None, cue.date, "nearby")
        return Attribution(cue.subject, cue.surface, cue.date, "cue" if cue.explicit else "continued")
    if not text[context_start:mark].strip(" \t،,.:-–وفـ"):
        # A quotation opening its sentence, or joined by «و»/«فـ» to the one before, carries on the
        # statement reported just before it.
        previous = last_event_before(doc, mark)
        if previous is not None:
            return Attribution(previous.subject, None, previous.date, "continued")
        return Attribution(None, None, None, "none")
    nearby = subject_before(doc, doc.sentence_first_token(first) if first < len(doc.tokens) else 0, first)
    return Attribution(nearby, None, None, "nearby" if nearby else "none")


def later_clause_subject(doc: Document, cue: Cue, first: int) -> Mention | None:
    """A subject between a cue and a quotation the cue does not introduce.

    In «أعلن الحلف توجيه دعوة، وهي الدعوة التي رفضتها روسيا، وتضع لها شروطاً تتمثل في "..."» nothing
    links أعلن to the quotation (no أن، إن or colon), so the subject of the nearer clause is the source.
    """
    if introduces_speech(doc, cue.end, first):
        return None
    own = subject_after(doc, cue, first)
    k = bisect.bisect_right(doc.mention_ends, first) - 1
    while k >= 0 and doc.mentions[k].phrase_first >= cue.end:
        mention = doc.mentions[k]
        if mention is not own and can_speak(mention) and (own is None or mention.phrase_first >= own.last):
            return mention
        k -= 1
    return None


def confidence(words: int, balanced: bool, attribution: Attribution) -> float:
    score = 0.35 + {"cue": 0.25, "trailing": 0.25, "continued": 0.15, "nearby": 0.05}.get(attribution.how, 0.0)
    speaker = attribution.speaker.resolved() if attribution.speaker else None
    if speaker is not None:
        score += 0.2 if speaker.actor else 0.1
    score += 0.15 if balanced else 0.0
    score -= 0.15 if words < 4 else 0.0
    return round(min(1.0, max(0.0, score)), 2)

