"""Reporting cues: the verbs, participles, nouns and connectives that introduce speech, outside quotations."""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import (
    ATTRIBUTION_CUES,
    COMPLEMENTIZERS,
    NOUN_CUES,
    OBJECT_PRONOUN_FORMS,
    PARTICIPLE_CUES,
    RELATIVE_MA,
    RELATIVE_PRONOUNS,
    SPEECH_OPENERS,
    STATEMENT_HEADS,
    STATEMENT_PLACE_VERBS,
    VERB_CUES,
    head_in,
    norm_set,
    normalise,
    past_forms,
)
from .mentions import Mention
from .tokens import (
    HARD_GAP,
    SENTENCE_END,
    Token,
    lexicon_word,
    start_without_conjunction,
)


@dataclass(slots=True)
class Cue:
    """One reporting word of the article and, once ``document`` has read it, who speaks through it."""

    index: int             # token index of the cue word
    end: int               # token index after the cue phrase
    kind: str              # verb | participle | noun | attribution
    surface: str
    subject: Mention | None = None
    explicit: bool = False  # subject written in the cue's own sentence
    date: str | None = None


WRITER_ASIDES = norm_set("يذكر")
"""«يُذكر أن …» right before its complementizer is passive, the writer's reminder; «يذكر X أن» reports."""
VERBAL_NOUN_MARKERS = norm_set("عدم دون بدون")
"""Words that make the reporting word after them a verbal noun («عدم ذكر»)."""


def find_cues(text: str, tokens: list[Token], quoted: list[bool]) -> list[Cue]:
    """Reporting cues outside quotations: verbs inside quoted speech report someone else's words."""
    cues: list[Cue] = []
    for i, token in enumerate(tokens):
        if quoted[i] or (i > 0 and tokens[i - 1].norm in VERBAL_NOUN_MARKERS):
            continue  # «طلب عدم ذكر اسمه»: a verbal noun, nobody speaking
        if i > 0 and tokens[i - 1].norm in RELATIVE_PRONOUNS and not _speech_right_after(text, tokens, i):
            continue  # «التي أقرها»: a relative clause; «الذي قال إن …» does report
        word = token.norm
        if lexicon_word(word, WRITER_ASIDES) and i + 1 < len(tokens) and tokens[i + 1].norm in COMPLEMENTIZERS:
            continue  # «يذكر أن الفريق خسر»: the writer's aside, nobody quoted
        if (lexicon_word(word, VERB_CUES) in OBJECT_PRONOUN_FORMS and i > 0
                and tokens[i - 1].norm not in RELATIVE_MA and tokens[i - 1].norm not in RELATIVE_PRONOUNS):
            continue
        if (word == BAYNA and "\u0651" not in token.surface and i > 0
                and not HARD_GAP.search(text[tokens[i - 1].end:token.start])):
            continue  # «المفاوضات بين موسكو وكييف»: mid-clause, «بين» is «between»; «بيّن»/«وبين» report
        start = start_without_conjunction(text, token)
        opener = lexicon_word(word, SPEECH_OPENERS) is not None and _opens_speech(text, tokens, quoted, i)
        if lexicon_word(word, VERB_CUES) or opener:
            cues.append(Cue(i, i + 1, "verb", text[start:token.end]))
        elif lexicon_word(word, PARTICIPLE_CUES):
            cues.append(Cue(i, i + 1, "participle", text[start:token.end]))
        elif lexicon_word(word, NOUN_CUES):
            cues.append(Cue(i, i + 1, "noun", text[start:token.end]))
        elif lexicon_word(word, ATTRIBUTION_CUES):
            end = i + 1
            if end < len(tokens) and tokens[end].norm in ("ل", "عن", "ما"):
                end += 1  # «وفقا لـ», «نقلا عن»
            cues.append(Cue(i, end, "attribution", text[start:tokens[end - 1].end]))
        elif (
            lexicon_word(word, STATEMENT_PLACE_VERBS) and i + 2 < len(tokens) and tokens[i + 1].norm == "في"
            and head_in(tokens[i + 2].norm, STATEMENT_HEADS)
        ):
            cues.append(Cue(i, i + 2, "verb", text[start:tokens[i + 1].end]))
    return cues


BAYNA = normalise("بين")
AMBIGUOUS_OPENERS = norm_set("عبر")
"""Openers spelt like a preposition without their shadda: the verb takes «عن» after its subject."""
REPLY_OPENERS = past_forms("رد")
ALA = normalise("على")
"""«ورد» is also «came» («ورد في البيان»): it replies, and so reports, only with «على» after its subject."""


def _speech_right_after(text: str, tokens: list[Token], i: int) -> bool:
    """Whether «أن/إن» or a colon comes right after the verb at token ``i``."""
    return i + 1 < len(tokens) and (tokens[i + 1].norm in COMPLEMENTIZERS
                                    or ":" in text[tokens[i].end:tokens[i + 1].start])


def _opens_speech(text: str, tokens: list[Token], quoted: list[bool], i: int) -> bool:
    """Whether the verb at token ``i`` opens a clause (text start, punctuation or a line before it) and
    speech follows in that sentence: a colon, «أن/إن», «بالقول» or a reporting participle («مشيرا»)."""
    if i > 0 and not HARD_GAP.search(text[tokens[i - 1].end:tokens[i].start]):
        return False
    if lexicon_word(tokens[i].norm, AMBIGUOUS_OPENERS) and "\u0651" not in tokens[i].surface and not any(
            t.norm == "عن" for t in tokens[i + 2:i + 9]):
        return False  # «عبر فضائية …» is the preposition; «عبّر X عن سعادته» the verb
    if lexicon_word(tokens[i].norm, REPLY_OPENERS) and not any(t.norm == ALA for t in tokens[i + 1:i + 7]):
        return False  # «ورد في البيان»: no reply
    for k in range(i + 1, min(len(tokens), i + 25)):
        gap = text[tokens[k - 1].end:tokens[k].start]
        if ":" in gap:
            return True
        if SENTENCE_END.search(gap) or quoted[k]:
            return False
        word = tokens[k].norm
        if word in COMPLEMENTIZERS or lexicon_word(word, PARTICIPLE_CUES) or lexicon_word(word, NOUN_CUES):
            return True
        if lexicon_word(word, VERB_CUES):
            return False
    return False
