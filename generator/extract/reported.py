"""Reported speech: «قال إن …», «أكد أن …», «أشار إلى أن …», «بحسب البنك، فإن …».

A reporting cue outside quotation marks, followed in its sentence by إن/أن (or بأن, إنه, فإن …),
introduces what someone said in the reporter's words.  The span runs from after the complementizer to
the end of the clause: the sentence end, a colon, or a comma before the next statement («، مضيفا»,
«، وقال», «، بحسب») or before a circumstantial participle («، رافضا الكشف …»).  The speaker is the
cue's subject, found by the same rules as for direct quotes; agencies relay statements but never make
them, so a statement an agency reports on its own account is left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from .document import Cue, Document, cue_gender, mention_starting_at, source_behind_agency
from .lexicon import (
    ATTRIBUTION_CUES,
    COMPLEMENTIZERS,
    PARTICIPLE_CUES,
    SKIPPABLE_BEFORE_SUBJECT,
    VERB_CUES,
    feminine_form,
    norm_set,
)
from .tokens import DOUBLE_MARK, DOUBLE_MARKS, QUOTE_CHARS, lexicon_word

MAX_GAP = 35
"""Words a cue may stand before its «أن»: title, name, place and occasion («في مؤتمر صحفي عقب …»)."""
LONG_GAP = 70
"""How far «إن» (hamza below, the complementizer of «قال» only) may stand after a long occasion."""
NOT_REPORTING = norm_set("بعد قبل منذ دون بدون رغم بدل بدلا لأن حتى مجرد")
"""Words before «أن» that make it temporal or causal («بعد أن», «رغم أن»), not reported speech."""
CONTRASTS = norm_set("لكن لكنه لكنها ولكن ولكنه ولكنها")
NEGATIONS = norm_set("لا لم لن ما ليس")
"""Particles that make a reporting verb after them part of the clause reported («وأضاف أنه لا يتوقع أن …»)."""
MODAL_BEFORE = norm_set("يجب ينبغي يمكن يمكنه يمكنها تريد يريد يريدون أراد أرادت يحاول تحاول قرر قررت")
"""Words before «أن» + verb that make it an infinitive («يجب أن يتحمل»), not reported speech."""


@dataclass(frozen=True)
class Reported:
    """One reported statement: its span and the cue that introduces it."""

    start: int
    end: int
    cue: Cue


def find_reported(doc: Document) -> list[Reported]:
    """Every reported statement of the document, by start; none that a quotation opens (that is a direct
    quote), though a clause may hold the speaker's quoted words."""
    found: list[Reported] = []
    taken_until = -1
    cue_indices = set(doc.cue_positions)
    for cue in doc.cues:
        if cue.kind == "noun" or cue.index < taken_until or (cue.kind == "attribution" and cue.subject is None):
            continue  # «بحسب ما نقلته …»: the verb after the connective reports
        complementizer = _complementizer(doc, cue, cue_indices)
        if complementizer is None or _agency_own_report(doc, cue):
            continue
        first = complementizer + 1
        if first >= len(doc.tokens) or doc.quoted[first]:
            continue  # «قال إن "…"»: the quotation itself is the candidate; a quoted name («أن "أوبك+"») is not
        last = _clause_end(doc, first, _speaker_gender(doc, cue))
        # A clause whose predicate quotes the speaker («أن واشنطن "متمسكة بحماية …"») is reported speech
        # as a whole, and its quotation a quote as well: editors and outlets take it either way.
        start, end = doc.tokens[first].start, doc.tokens[last - 1].end
        if start > 0 and doc.text[start - 1] in QUOTE_CHARS:
            start -= 1  # the opening mark of a quoted name: «أن "أوبك+" ساهمت»
        if end < len(doc.text) and doc.text[end] in DOUBLE_MARKS and len(DOUBLE_MARK.findall(doc.text, start, end)) % 2:
            end += 1  # the closing mark of a quotation or a quoted word that ends the clause
        found.append(Reported(start, end, cue))
        taken_until = last
    return found


def _complementizer(doc: Document, cue: Cue, cue_indices: set[int]) -> int | None:
    """Token index of the «أن/إن» the cue governs, or None."""
    limit = doc.sentence_end_token(cue.index)
    k = cue.end
    while k < limit and k - cue.end <= LONG_GAP:
        if doc.quoted[k]:
            return None
        gap = doc.text[doc.tokens[k - 1].end:doc.tokens[k].start]
        word = doc.tokens[k].norm
        if ":" in gap and word not in COMPLEMENTIZERS:
            return None  # a colon introduces direct speech («قال: إنه …» reports); a quoted name may stand
        if word in COMPLEMENTIZERS:
            before = doc.tokens[k - 1].norm
            if before in NOT_REPORTING or before in MODAL_BEFORE or word == "لان":
                return None
            surface = doc.tokens[k].surface
            if k - cue.end > MAX_GAP and not (cue.kind == "verb" and (surface.startswith("إ") or "\u0651" in surface)):
                return None  # far from its verb only «إنّ» (hamza below, or shadda) is surely the verb's own
            return k
        if k > cue.end and k in cue_indices and (lexicon_word(word, VERB_CUES) or lexicon_word(word, PARTICIPLE_CUES)):
            return None  # the next statement begins before any «أن»
        k += 1
    return None


def _agency_own_report(doc: Document, cue: Cue) -> bool:
    """«ذكرت وكالة بلومبرغ أن …»: an agency's own report, with no speaker behind it («نقلت وكالة تاس عن
    كنعاني قوله إن …» has one, found when the cue took its subject)."""
    if cue.explicit and cue.subject is not None and cue.subject.kind != "agency":
        return False
    k = cue.end
    while k < len(doc.tokens) and doc.tokens[k].norm in SKIPPABLE_BEFORE_SUBJECT:
        k += 1
    mention = mention_starting_at(doc, k) if k < len(doc.tokens) else None
    if mention is None or mention.kind != "agency":
        return False
    return source_behind_agency(doc, mention.last, doc.sentence_end_token(cue.index)) is None


def _clause_end(doc: Document, first: int, gender: str | None = None) -> int:
    """Token index after the last word of the reported clause that starts at ``first``; ``gender`` is
    that of the speaker's cue."""
    limit = doc.sentence_end_token(first)
    k = first + 1
    while k < limit:
        gap = doc.text[doc.tokens[k - 1].end:doc.tokens[k].start]
        if ":" in gap:
            break
        word = doc.tokens[k].norm
        if _nested_verb(doc, k, gender):
            k += 1
            continue
        comma = "،" in gap or "," in gap
        next_statement = (lexicon_word(word, PARTICIPLE_CUES) or lexicon_word(word, ATTRIBUTION_CUES)
                          or (word[:1] == "و" and (word[1:] in VERB_CUES or _speakers_next_act(word[1:], gender))))
        if next_statement and (comma or word[:1] == "و"):
            break
        if comma and (_circumstantial(word) or word == "وذلك"):
            break  # «، رافضا …», «، وذلك تعليقا على …»: the writer's circumstance, not the claim
        if (lexicon_word(word, VERB_CUES) or lexicon_word(word, PARTICIPLE_CUES)) and _complementizer_within(
                doc, k + 1, 3) and doc.tokens[k - 1].norm not in NEGATIONS:
            break  # «…، لكنها حذرت من أن …»: the next statement; «أنه لا يتوقع أن …» is still the first
        k += 1
    while k - 1 > first and doc.tokens[k - 1].norm in CONTRASTS and k < limit:
        k -= 1  # «…، لكنه شدد على أن»: the contrast opens the next statement
    return k


SPEECH_ACTS = norm_set("اتهم طالب حث دعا ناشد انتقد هاجم")
"""Verbs of what a speaker goes on to do: «وقال إن الأمة تبذل كل ما في وسعها واتهم القيادة …»."""


def _speakers_next_act(word: str, gender: str | None) -> bool:
    """«واتهم …» after a man's reported clause, «واتهمت …» after a woman's: the speaker acts again."""
    if gender == "f":
        return feminine_form(word, SPEECH_ACTS)
    return gender == "m" and word in SPEECH_ACTS


def _speaker_gender(doc: Document, cue: Cue) -> str | None:
    """The cue's gender, a present verb included: «تؤكد» is feminine though it ends like «يؤكد»."""
    word = lexicon_word(doc.tokens[cue.index].norm, VERB_CUES) if cue.kind == "verb" else None
    if word is not None and word.startswith("ت") and "ي" + word[1:] in VERB_CUES:
        return "f"
    participle = lexicon_word(doc.tokens[cue.index].norm, PARTICIPLE_CUES) if cue.kind == "participle" else None
    if participle is not None:
        return "f" if participle.endswith(("ه", "تين")) else "m"  # «مشيرة»
    return cue_gender(doc, cue)


def _nested_verb(doc: Document, k: int, gender: str | None) -> bool:
    """Whether the reporting verb at ``k`` belongs to the reported clause itself: its subject is written
    right before it inside the clause («إن الرسائل أكدت لها أنها …»), or it is feminine with no subject
    after a masculine speaker («قال X إن الطبيبة فحصته، وأفادت بأنه …»)."""
    word = doc.tokens[k].norm
    verb = lexicon_word(word, VERB_CUES)
    if verb is None:
        return False
    before = doc.tokens[k - 1]
    gap = doc.text[before.end:doc.tokens[k].start]
    if "." in gap:
        return False  # «… وهناك.وتابعت أنه»: a sentence written without a space after its full stop
    if verb == word and gap == " " and before.norm.startswith("ال") and len(before.norm) > 3:
        return True
    return gender == "m" and feminine_form(verb, VERB_CUES) and _complementizer_within(doc, k + 1, 2)


def _complementizer_within(doc: Document, first: int, count: int) -> bool:
    return any(doc.tokens[k].norm in COMPLEMENTIZERS for k in range(first, min(first + count, len(doc.tokens))))


def _circumstantial(word: str) -> bool:
    """An indefinite accusative participle after a comma («، رافضا …»): a new circumstance, not the claim."""
    return len(word) >= 5 and word.endswith("ا") and not word.startswith(("ال", "و", "ف", "ب", "ل"))
