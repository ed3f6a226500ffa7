"""Quotation marks: which mark opens, which closes, and the passages they enclose.

Marks in Arabic news are unreliable (straight and curly quotes mixed, spaces on the wrong side, a
missing opening or closing mark), so each mark is judged opening or closing from its neighbours and
paired with a stack; orphans get boundaries from the clause structure around them.
"""

from __future__ import annotations

import bisect
import re

from .lexicon import ALL_CUES, COMPLEMENTIZERS, PARTICIPLE_CUES, SPEECH_OPENERS, VERB_CUES
from .tokens import (
    AFTER_CLOSING,
    BEFORE_OPENING,
    CLAUSE_END,
    DOUBLE_MARK,
    PARAGRAPH,
    PUNCTUATION_AFTER,
    QUOTE_CHARS,
    SENTENCE_END,
    SINGLE_MARK,
    Token,
    is_word_char,
    lexicon_word,
    tokenise,
)

# --- quotation marks ------------------------------------------------------------------------------

def mark_role(text: str, pos: int, lo: int, hi: int) -> str:
    """'open', 'close' or 'either' for the mark at ``pos``, judged from the characters around it."""
    ch = text[pos]
    if ch == "«":
        return "open"
    if ch == "»":
        return "close"
    prev = text[pos - 1] if pos > lo else ""
    nxt = text[pos + 1] if pos + 1 < hi else ""
    # A one-letter proclitic glued to the mark (بـ"الناتو", و"قال") leaves the mark word-initial.
    glued_clitic = prev != "" and prev in "وبلفك" and (pos - 1 == lo or not is_word_char(text[pos - 2]))
    at_start = prev == "" or prev.isspace() or prev in BEFORE_OPENING or glued_clitic
    at_end = nxt == "" or nxt.isspace() or nxt in AFTER_CLOSING
    opening = int(at_start) + int(is_word_char(nxt)) - (2 if nxt == "" or nxt in PUNCTUATION_AFTER else 0)
    after_word = prev != "" and (is_word_char(prev) or prev in ".!?؟…)")
    closing = int(after_word) + int(at_end) - (2 if prev == "" or prev in "([{" else 0)
    if opening > closing:
        return "open"
    if closing > opening:
        return "close"
    return "either"


def pair_marks(
    text: str, lo: int, hi: int, marks: re.Pattern[str] = DOUBLE_MARK,
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """(opening, closing) mark pairs of one paragraph, its orphan closing and orphan opening marks."""
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []
    orphan_closers: list[int] = []
    for m in marks.finditer(text, lo, hi):
        pos = m.start()
        if marks is SINGLE_MARK and pos > lo and is_word_char(text[pos - 1]) and is_word_char(text[pos + 1:pos + 2]):
            continue  # an apostrophe inside a word
        role = mark_role(text, pos, lo, hi)
        if role == "either":
            role = "close" if stack and text[stack[-1]] != "«" else "open"
        if role == "open":
            stack.append(pos)
            continue
        opener = pop_opener(text, stack, text[pos])
        if opener is None:
            orphan_closers.append(pos)
        else:
            pairs.append((opener, pos))
    return pairs, orphan_closers, stack


def pop_opener(text: str, stack: list[int], closing: str) -> int | None:
    """The opener a closing mark belongs to, removed from the stack; guillemets close only guillemets."""
    if closing == "»":
        for k in range(len(stack) - 1, -1, -1):
            if text[stack[k]] == "«":
                opener = stack[k]
                del stack[k:]
                return opener
        return None
    if stack and text[stack[-1]] != "«":
        return stack.pop()
    return None


def mirrored_pairs(
    text: str, closers: list[int], openers: list[int],
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pairs of an orphan closer and the next orphan opener with a short phrase between them.

    This is the typo «مزاعم" العدوان الروسي "تستخدم», both marks with their space on the wrong side.
    Returns the pairs and the orphans that remain.
    """
    pairs: list[tuple[int, int]] = []
    remaining = list(openers)
    left_closers: list[int] = []
    for c in closers:
        partner = next((o for o in remaining if o > c), None)
        between = text[c + 1:partner] if partner is not None else ""
        if partner is not None and not SENTENCE_END.search(between) and len(between.split()) <= 6:
            pairs.append((c, partner))
            remaining.remove(partner)
        else:
            left_closers.append(c)
    return pairs, left_closers, remaining


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def last_cue_index(tokens: list[Token]) -> int | None:
    for k in range(len(tokens) - 1, -1, -1):
        if lexicon_word(tokens[k].norm, ALL_CUES):
            return k
    return None


def start_of_unopened_quote(text: str, floor: int, close: int) -> int:
    """Where speech that ends at a closing mark without an opening mark most plausibly starts.

    Walks back clause by clause and starts after the clause holding the reporting verb, or after a
    colon: paraphrase introduced by «أوضح أن ...؛» stays out, first-person speech after it stays in.
    In the closing clause itself the speech starts after the cue's «أن/إن».
    """
    starts = [floor, *(m.end() for m in CLAUSE_END.finditer(text, floor, close))]
    for k in range(len(starts) - 1, -1, -1):
        clause_start = starts[k]
        clause_end = close if k == len(starts) - 1 else starts[k + 1]
        tokens = tokenise(text, clause_start, clause_end)
        cue = last_cue_index(tokens)
        if cue is not None:
            if k < len(starts) - 1:
                return clause_end
            after = next((t for t in tokens[cue + 1:] if t.norm in COMPLEMENTIZERS), None)
            return after.end if after else tokens[cue].end
        if k > 0 and text[clause_start - 1] == ":":
            return clause_start
    return floor


def end_of_unclosed_quote(text: str, opener: int, hi: int, pair_starts: list[int]) -> int | None:
    """Where a quotation whose closing mark is missing ends: the paragraph end, unless a quotation with
    both marks follows in the paragraph.  Then a reporting word between them starts a new statement
    («"… ،مبيناً أن "…"»: the first ends at the clause before it), and a quotation introduced by a colon
    shows the unclosed mark was a stray one («خلال برنامج " كلمة أخيرة " … : «…»»): no quotation."""
    first = tokenise(text, opener + 1, min(hi, opener + 30))
    if first and first[0].norm in COMPLEMENTIZERS and not text[:opener].rstrip().endswith(":"):
        return None  # «وأكد X "أنها ستكون …»: a stray mark before «أن» — reported speech, no quotation
    k = bisect.bisect_right(pair_starts, opener)
    if k == len(pair_starts):
        return _before_reported_clause(text, opener, hi)
    following = pair_starts[k]
    tokens = tokenise(text, opener + 1, following)
    cue = last_cue_index(tokens)
    if cue is not None and cue > 0:
        clause = max(text.rfind(c, opener + 1, tokens[cue].start) for c in "،,؛")
        return clause if clause > opener + 1 else tokens[cue].start
    if text[opener + 1:following].rstrip().endswith(":"):
        return None
    return hi


def _before_reported_clause(text: str, opener: int, hi: int) -> int:
    """The paragraph end, or the comma before a participle and its «أن» that take the report back into
    the writer's words: «قال إن "الموسم جيد هذا العام، مبينا ان الكمية تكفي».  A participle, not a
    verb: speech in the first person may well hold «قال إن»."""
    tokens = tokenise(text, opener + 1, hi)
    for k in range(1, len(tokens) - 1):
        if lexicon_word(tokens[k].norm, PARTICIPLE_CUES) and any(
                t.norm in COMPLEMENTIZERS for t in tokens[k + 1:k + 3]):  # «مبينا أن», «مشيرا إلى أن»
            clause = max(text.rfind(c, opener + 1, tokens[k].start) for c in "،,")
            if clause > opener + 1:
                return clause
    return hi


def find_quotation_spans(text: str) -> list[tuple[int, int]]:
    """Inner spans (no marks, no surrounding spaces) of every quotation-marked passage, by start.

    Includes nested quotations, scare quotes and quoted names.  A passage missing its opening mark
    starts after the clause that introduces it; one missing its closing mark runs to the paragraph end.
    """
    spans: set[tuple[int, int]] = set()
    for para in PARAGRAPH.finditer(text):
        lo, hi = para.start(), para.end()
        single_pairs, _, _ = pair_marks(text, lo, hi, SINGLE_MARK)  # unpaired ones are apostrophes
        spans.update(trimmed(text, o + 1, c) for o, c in single_pairs)
        pairs, closers, openers = pair_marks(text, lo, hi)
        mirrored, closers, openers = mirrored_pairs(text, closers, openers)
        pairs += mirrored
        spans.update(trimmed(text, o + 1, c) for o, c in pairs)
        pair_starts = sorted(o for o, _ in pairs)
        for o in openers:
            end = end_of_unclosed_quote(text, o, hi, pair_starts)
            if end is not None:
                spans.add(trimmed(text, o + 1, end))
        pair_ends = sorted(c for _, c in pairs)
        for c in closers:
            k = bisect.bisect_left(pair_ends, c)
            floor = pair_ends[k - 1] + 1 if k else lo
            spans.add(trimmed(text, start_of_unopened_quote(text, floor, c), c))
    return sorted(s for s in spans if s[1] > s[0])


# --- speech after a colon, without marks ----------------------------------------------------------

COLON_CUE_REACH = 14
"""Words a reporting verb may stand before its colon: speaker, title and occasion («في تصريحات تلفزيونية»)."""


def find_colon_speech(text: str, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of speech written after a colon without quotation marks, to the end of its sentence.

    «وقال المدرب في تصريحات تلفزيونية: كانت مباراة كبيرة.», «وأضاف: …», «قائلا: …»: the colon comes
    after a reporting verb or participle of the same sentence with no «أن/إن» between them (else the
    colon belongs to what is reported).  Speech that opens with a mark is a quotation already; speech
    that opens with إن is reported speech («قال: إنه …»).
    """
    spans: list[tuple[int, int]] = []
    quotes = sorted(quotes)
    starts = [s for s, _ in quotes]
    sentence_ends = [m.end() for m in SENTENCE_END.finditer(text)]
    for m in re.finditer(":", text):
        colon = m.start()
        if _overlapping(quotes, starts, colon - 1, colon + 2) or text[colon - 1:colon].isdigit():
            continue
        para_end = text.find("\n", colon)
        para_end = len(text) if para_end < 0 else para_end
        start = colon + 1
        while start < para_end and text[start] in " \t":
            start += 1
        if start >= para_end:
            # «قال X عبر تصريحات:» closing its paragraph: the speech is the next paragraph.
            following = start
            while following < len(text) and text[following] in " \t\n\r":
                following += 1
            if following >= len(text) or text.count("\n", start, following) > 2:
                continue
            start = following
            para_end = text.find("\n", start)
            para_end = len(text) if para_end < 0 else para_end
        if text[start] in QUOTE_CHARS:
            continue
        stop = SENTENCE_END.search(text, start, para_end)
        span = trimmed(text, start, _before_next_statement(text, start, stop.start() if stop else para_end))
        words = tokenise(text, *span)
        if len(words) < 3 or words[0].norm in COMPLEMENTIZERS or _overlapping(quotes, starts, *span):
            continue
        k = bisect.bisect_right(sentence_ends, colon)
        if _introduced_by_cue(text, colon, sentence_ends[k - 1] if k else 0):
            spans.append(span)
    return spans


def _before_next_statement(text: str, start: int, end: int) -> int:
    """The end of speech after a colon: before «وأوضح أن …» or «، مشيرا إلى أن …» in the same sentence,
    where the writer takes over again."""
    tokens = tokenise(text, start, end)
    for k in range(1, len(tokens) - 1):
        word = tokens[k].norm
        new_verb = word[:1] == "و" and lexicon_word(word[1:], VERB_CUES)
        if (new_verb or lexicon_word(word, PARTICIPLE_CUES)) and any(
                t.norm in COMPLEMENTIZERS for t in tokens[k + 1:k + 3]):
            return _strip_comma(text, start, tokens[k].start)
    return end


def _strip_comma(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t،,":
        end -= 1
    return end


def _overlapping(quotes: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    """Whether a quotation of ``quotes`` (sorted, none inside another; ``starts`` their starts) overlaps
    the characters ``a``–``b``."""
    k = bisect.bisect_left(starts, b)
    return k > 0 and quotes[k - 1][1] > a


def _introduced_by_cue(text: str, colon: int, sentence_start: int) -> bool:
    """Whether a reporting verb or participle of the colon's sentence introduces what follows it."""
    before = tokenise(text, sentence_start, colon)[-COLON_CUE_REACH:]
    for k in range(len(before) - 1, -1, -1):
        word = before[k].norm
        if word in COMPLEMENTIZERS:
            return False
        opener = lexicon_word(word, SPEECH_OPENERS) and not text[sentence_start:before[k].start].strip()
        if lexicon_word(word, VERB_CUES) or lexicon_word(word, PARTICIPLE_CUES) or opener:
            # («وزاد روته: …»: a verb that reports only when it opens its sentence)
            return not any(c in QUOTE_CHARS for c in text[before[k].end:colon])
    return False
