"""An article read once: its tokens, sentences, speaker mentions and reporting cues, each cue with its subject.

Cues get their subjects in text order, so a cue without a subject continues the last speaker.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from .aliases import AliasIndex
from .cues import Cue, find_cues
from .dates import MONTH_NUMBERS, document_date, explicit_date, relative_date
from .lexicon import (
    COMPLEMENTIZERS,
    COUNTERPART_WORDS,
    COUNTRY_NAMES,
    MEDIA_HEADS,
    NAME_FOLLOWERS,
    NAME_STOPS,
    NOUN_CUES,
    PARTICIPLE_CUES,
    RELATIVE_PRONOUNS,
    SKIPPABLE_BEFORE_SUBJECT,
    STATEMENT_HEADS,
    TITLE_HEADS,
    TRANSMIT_VERBS,
    VERB_CUES,
    feminine_form,
    head_in,
    norm_set,
    normalise,
    strip_article,
)
from .mentions import CALLED, Mention, MentionFinder
from .titles import SAYYID, WAW_GIVEN_NAMES, is_family_nisba, name_run, name_run_before, plain_name_word
from .tokens import (
    HARD_GAP,
    QUOTE_CHARS,
    SENTENCE_END,
    Token,
    article_like,
    first_token_from,
    lexicon_word,
    skip_letters,
    soft_gap,
    start_without_conjunction,
    tokenise,
)
from .words import is_nisba, manner_adverb

# --- the document ---------------------------------------------------------------------------------

@dataclass(slots=True)
class Document:
    text: str
    tokens: list[Token]
    quoted: list[bool]
    sentence_starts: list[int]
    mentions: list[Mention]
    cues: list[Cue]
    doc_date: dt.date | None
    mention_ends: list[int] = field(default_factory=list)
    cue_positions: list[int] = field(default_factory=list)
    events: list[tuple[int, Cue]] = field(default_factory=list)  # (offset, cue) with a subject
    # where each word is first written: anywhere, as part of a person's name, as the last word of one,
    # and as a family name with the article — what is asked of the words before a token, in one lookup
    words_at: dict[str, int] = field(default_factory=dict)
    name_words_at: dict[str, int] = field(default_factory=dict)
    last_names_at: dict[str, int] = field(default_factory=dict)
    surnames_at: dict[str, int] = field(default_factory=dict)

    def governs_a_word_of_the_article(self, token: Token) -> bool:
        """«لبلينكن» where «بلينكن» stands elsewhere: a preposition joined to a word of the article (to
        whom, of what), never a word of the name before it («لافروف» has no «افروف» beside it)."""
        word = token.norm
        return word[:1] in ("ل", "ب") and len(word) > 4 and word[1:] in self.words_at

    def sentence_start(self, offset: int) -> int:
        return self.sentence_starts[bisect.bisect_right(self.sentence_starts, offset) - 1]

    def sentence_first_token(self, i: int) -> int:
        return first_token_from(self.tokens, self.sentence_start(self.tokens[i].start))

    def sentence_end_token(self, i: int) -> int:
        k = bisect.bisect_right(self.sentence_starts, self.tokens[i].start)
        end = self.sentence_starts[k] if k < len(self.sentence_starts) else len(self.text)
        return first_token_from(self.tokens, end)


def sentence_starts(text: str, quotes: list[tuple[int, int]]) -> list[int]:
    """Offsets where sentences start, ignoring full stops inside quotations."""
    starts = [0]
    k = 0
    for m in SENTENCE_END.finditer(text):
        while k < len(quotes) and quotes[k][1] < m.start():
            k += 1
        if k < len(quotes) and quotes[k][0] <= m.start() < quotes[k][1]:
            continue
        if m.group() == "؛" and (_after_reporting_verb(text, m.start()) or _preposition_after(text, m.end())):
            continue  # «وأضاف؛ أن …», «… العرب؛ بشأن …»: a semicolon typed for a comma ends nothing
        starts.append(m.end())
    return starts


def _preposition_after(text: str, offset: int) -> bool:
    words = tokenise(text, offset, min(len(text), offset + 20))
    return bool(words) and words[0].norm in SEMICOLON_CONTINUERS


SEMICOLON_CONTINUERS = norm_set("بشأن حول في من على عن إلى الى ضد تجاه")
"""Prepositions that go on with the clause a semicolon typed for a comma interrupted."""


def _after_reporting_verb(text: str, offset: int) -> bool:
    words = tokenise(text, max(0, offset - 20), offset)
    return bool(words) and words[-1].end == offset and lexicon_word(words[-1].norm, VERB_CUES) is not None


def quoted_flags(tokens: list[Token], quotes: list[tuple[int, int]]) -> list[bool]:
    flags: list[bool] = []
    k = 0
    for token in tokens:
        while k < len(quotes) and quotes[k][1] <= token.start:
            k += 1
        flags.append(k < len(quotes) and quotes[k][0] <= token.start < quotes[k][1])
    return flags


def build_document(text: str, aliases: AliasIndex, quotes: list[tuple[int, int]]) -> Document:
    tokens = tokenise(text)
    quoted = quoted_flags(tokens, quotes)
    doc = Document(
        text=text, tokens=tokens, quoted=quoted, sentence_starts=sentence_starts(text, quotes),
        mentions=MentionFinder(text, tokens, aliases, quoted).all(), cues=find_cues(text, tokens, quoted),
        doc_date=document_date(text),
    )
    doc.mention_ends = [m.last for m in doc.mentions]
    doc.cue_positions = [c.index for c in doc.cues]
    note_names(doc)
    attribute_cues(doc)
    return doc


def mention_starting_at(doc: Document, i: int) -> Mention | None:
    k = bisect.bisect_right(doc.mention_ends, i)
    if k < len(doc.mentions) and doc.mentions[k].phrase_first <= i <= doc.mentions[k].first:
        return doc.mentions[k]
    return None


def subject_after(doc: Document, cue: Cue, limit: int) -> Mention | None:
    """The subject written right after a cue (verb-first order), through agency chains to the speaker."""
    j = cue.end
    while j < limit and (doc.tokens[j].norm in SKIPPABLE_BEFORE_SUBJECT or doc.tokens[j].norm.isdigit()
                         or strip_article(doc.tokens[j].norm) in MONTH_NUMBERS):
        j += 1
    if j >= limit or doc.quoted[j]:
        return None
    gap = doc.text[doc.tokens[cue.end - 1].end:doc.tokens[j].start]
    if gap.strip() and gap.strip() in QUOTE_CHARS:
        return quoted_surname(doc, j, limit)
    if ":" in gap or any(ch in QUOTE_CHARS for ch in gap) or SENTENCE_END.search(gap):
        return None
    if doc.tokens[j].norm == "عن" and lexicon_word(doc.tokens[cue.index].norm, TRANSMIT_VERBS):
        j += 1  # passive «ونقل عن لاروموف»
    mention = mention_starting_at(doc, j)
    if (mention is None or mention.kind == "agency") and lexicon_word(doc.tokens[cue.index].norm, TRANSMIT_VERBS):
        source = named_after_an(doc, j, limit)
        if source is not None:
            return source  # «ونقلت وسائل إعلام روسية عن بيسكوف قوله»: whoever relays, the words are his
    if mention is None and j + 1 < limit:
        # «وقالت والدة أحد المصابين، وتدعى سعاد إبراهيم»: the name given after the description is the speaker.
        called = mention_starting_at(doc, j + 1)
        if called is not None and called.kind == "person" and doc.tokens[called.first - 1].norm in CALLED:
            return called
    if mention is None and cue.kind in ("verb", "attribution"):
        return _described_name(doc, j, limit) or bare_name(doc, j, limit)
    if mention is None:
        return None
    if mention.kind == "agency":
        return source_behind_agency(doc, mention.last, limit)
    if mention.head in STATEMENT_HEADS and lexicon_word(doc.tokens[cue.index].norm, TRANSMIT_VERBS):
        # «ونقل البيان عن فريد قوله»: the statement relays someone's words.
        return source_behind_agency(doc, mention.last, limit) or mention.resolved()
    if (mention.resolved() is None and mention.kind == "anaphor" and mention.head in TITLE_HEADS
            and not _office_written_before(doc, mention)):
        # «ورد القاضي على المتهم، قائلا:» with no judge in the article before: the office itself speaks,
        # not the last speaker («تعيين X مدربا … ولفت المدرب» does go back to X)
        return Mention(mention.first, mention.last, mention.phrase_first, mention.name, None, "official",
                       head=mention.head)
    return mention if mention.resolved() is not None else None


def named_after_an(doc: Document, j: int, limit: int) -> Mention | None:
    """The one named after the «عن» of a verb of transmission, a few words on: «نقلت وسائل إعلام روسية
    عن بيسكوف قوله», whatever relays the words."""
    for k in range(j, min(limit - 1, j + 6)):
        if doc.quoted[k] or SENTENCE_END.search(doc.text[doc.tokens[k].end:doc.tokens[k + 1].start]):
            return None
        if doc.tokens[k].norm == "عن":
            mention = mention_starting_at(doc, k + 1)
            if mention is not None:
                return mention if mention.kind != "agency" and mention.resolved() is not None else None
            return bare_name(doc, k + 1, limit)
    return None


def quoted_surname(doc: Document, j: int, limit: int) -> Mention | None:
    """A name already written, set in quotation marks after the verb as some papers do for the one a
    story is about: «وقال «قابيل»، في مداخلة …، إن»; a quoted word the article has not named before is a
    title or a programme, never a speaker."""
    last = j
    while last + 1 < limit and last - j < 3 and not doc.quoted[last] and plain_name_word(doc.tokens[last]):
        last += 1
        if doc.text[doc.tokens[last - 1].end:doc.tokens[last].start].strip()[:1] in QUOTE_CHARS:
            if not all(_before(doc.words_at, t.norm, j) for t in doc.tokens[j:last]):
                return None
            return Mention(j, last, j, doc.text[doc.tokens[j].start:doc.tokens[last - 1].end], None, "person")
    return None


def _office_written_before(doc: Document, mention: Mention) -> bool:
    """Whether the office of ``mention`` is written earlier in the article, in any form («مدربا»)."""
    heads = frozenset({mention.head or ""})
    return any(head_in(t.norm, heads) or head_in(t.norm.removesuffix("ا"), heads)
               for t in doc.tokens[:mention.first])


def bare_name(doc: Document, j: int, limit: int) -> Mention | None:
    """An unknown name with no title after a verb («وشدد بوزيل على أن»); a stop word must end it."""
    last = name_run(doc.tokens, doc.quoted, j, limit)
    if last == j and doc.tokens[j].norm.startswith("ال") and _before(doc.surnames_at, doc.tokens[j].norm, j):
        last = j + 1  # «وأكد الأصفري»: the family name of someone named before
    for k in range(j + 1, last):
        if not soft_gap(doc.text, doc.tokens[k - 1], doc.tokens[k]) or doc.governs_a_word_of_the_article(doc.tokens[k]):
            last = k  # «وقال تشين لبلينكن:»: to whom he said it
            break
    if last == j or last >= len(doc.tokens) or (last - j == 1 and manner_adverb(doc.tokens[j])):
        return None
    second = doc.tokens[j + 1] if last - j >= 2 else None
    if (second is not None and not is_family_nisba(second.norm) and _before(doc.last_names_at, doc.tokens[j].norm, j)
            and (article_like(second) or not _before(doc.name_words_at, second.norm, j))):
        # «وختم ريولي الحديث:» after «ستيفانو ريولي», «ووصفت زاخاروفا منطق بلينكن بأنه:»: after a known
        # family name, a word no name has held is the object
        return Mention(j, j + 1, j, doc.text[start_without_conjunction(doc.text, doc.tokens[j]):doc.tokens[j].end],
                       None, "person")
    gap = doc.text[doc.tokens[last - 1].end:doc.tokens[last].start]
    follower = doc.tokens[last].norm
    if not (HARD_GAP.search(gap) or follower in COMPLEMENTIZERS or follower in NAME_FOLLOWERS
            or follower in NAME_STOPS or head_in(follower, TITLE_HEADS)  # «أشرف نوحي وزير الشباب»
            or follower in NOUN_CUES  # «نقلت الصحيفة عن هاشم قوله»
            or lexicon_word(follower, PARTICIPLE_CUES)  # «وأوضح أوليانوف قائلا:»
            or doc.quoted[last]  # «قالت زاخاروفا “…”»
            or doc.governs_a_word_of_the_article(doc.tokens[last])
            or (follower.startswith("ل") and (follower.startswith("لل") or head_in(follower[1:], MEDIA_HEADS)))):
        # «قال ألبيريز للصحفيين», «قال رايان لوكالة كيودو»: to whom, after the name
        return None
    if doc.tokens[j].norm in SAYYID and last - j > 2:
        j += 1  # «السيد أحمد عوني»: an honorific before a full name
    start = start_without_conjunction(doc.text, doc.tokens[j])
    return Mention(j, last, j, doc.text[start:doc.tokens[last - 1].end], None, "person")


SUBJECT_OPENERS = norm_set("أما بينما فيما كان وكان")
"""Words after which a name may open a clause as the subject of a later verb."""


def _described_name(doc: Document, j: int, limit: int) -> Mention | None:
    """A name after a counterpart or a nationality: «نظيره الموريتاني الدياني ولد امبارك», «النرويجي
    ماغنوس هالبرسن»; the words before the name are its title."""
    k = j + 1 if doc.tokens[j].norm in COUNTERPART_WORDS else j
    while k < limit and k - j < 3 and is_nisba(doc.tokens[k].norm, definite=True):
        k += 1
    if k == j:
        return None
    person = bare_name(doc, k, limit)
    if person is not None:
        person.phrase_first = j
        person.title = doc.text[doc.tokens[j].start:doc.tokens[k - 1].end]
    return person


def note_names(doc: Document) -> None:
    """Index where each word, and each name word, is first written: in a mention, or after a given name
    (the family names of people named, for ``bare_name``); cue subjects are added as ``attribute_cues``
    reads them."""
    for k, token in enumerate(doc.tokens):
        _first_at(doc.words_at, token.norm, k)
    for mention in doc.mentions:
        words = normalise(mention.name).split()
        if mention.kind in ("person", "named"):
            _note_name(doc, words, mention.first)
        if mention.kind == "person" and len(words) > 1 and words[-1].startswith("ال"):
            _first_at(doc.surnames_at, words[-1], mention.first)
    for k in range(1, len(doc.tokens)):
        # «سخر لاعب المنتخب أسامة الهلوزي …» then «وقال الهلوزي»: a definite word written right after a
        # given name earlier in the article is a family name, even where no mention was read.
        token, before = doc.tokens[k], doc.tokens[k - 1]
        if (token.norm.startswith("ال") and not doc.quoted[k] and plain_name_word(token) and plain_name_word(before)
                and not article_like(before) and soft_gap(doc.text, before, token)):
            _first_at(doc.surnames_at, token.norm, k)


def _note_name(doc: Document, words: list[str], at: int) -> None:
    if words:
        _first_at(doc.last_names_at, words[-1], at)
    for word in words:
        _first_at(doc.name_words_at, word, at)


def _first_at(index: dict[str, int], word: str, at: int) -> None:
    """Record ``at`` as where ``word`` is first written, unless it was written earlier."""
    if at < index.get(word, at + 1):
        index[word] = at


def _before(index: dict[str, int], word: str, j: int) -> bool:
    return index.get(word, j) < j


def bare_name_before(doc: Document, cue: Cue, sentence_first: int) -> Mention | None:
    """An unknown name written before its verb: «أما دوريز فقال», «وليد البركاني قال»."""
    end = cue.index
    while end > sentence_first and doc.tokens[end - 1].norm in ("قد", "لقد"):
        end -= 1  # «وكان تيمبوكو قد قال»
    first = name_run_before(doc.tokens, doc.quoted, end, sentence_first)
    if first == end:
        return None
    if doc.tokens[first].norm[:1] in ("و", "ف") and doc.tokens[first].norm not in WAW_GIVEN_NAMES:
        return None  # «وانتقد الخطة ثم قال»: a word with a joined «و» opening the run is a verb, not a name
    before = doc.tokens[first - 1].norm if first > sentence_first else ""
    if doc.tokens[first].norm[:1] == "ل" and head_in(before, STATEMENT_HEADS) and soft_gap(
            doc.text, doc.tokens[first - 1], doc.tokens[first]):
        # «بعد تصريح لجروسي قال فيه إن …»: the one whose statement the verb reports
        start = skip_letters(doc.text, doc.tokens[first].start, 1)
        return Mention(first, end, first, doc.text[start:doc.tokens[end - 1].end], None, "person")
    if first > sentence_first and before not in SUBJECT_OPENERS and not HARD_GAP.search(
            doc.text[doc.tokens[first - 1].end:doc.tokens[first].start]):
        return None
    return Mention(first, end, first, doc.text[doc.tokens[first].start:doc.tokens[end - 1].end], None, "person")


def source_behind_agency(doc: Document, j: int, limit: int) -> Mention | None:
    """«نقلت وكالة رويترز عن المسؤول»: the first mention introduced by عن before ``limit``."""
    k = bisect.bisect_right(doc.mention_ends, j)
    while k < len(doc.mentions) and doc.mentions[k].first < limit:
        mention = doc.mentions[k]
        if mention.role == "source" and mention.kind != "agency" and mention.resolved() is not None:
            return mention
        k += 1
    return None


def subject_before(doc: Document, sentence_first: int, index: int) -> Mention | None:
    """The nearest mention before token ``index`` in its sentence that can be a subject.

    A mention inside what an earlier cue reports («أعلن البيت الأبيض أن بايدن دعا ... وأكد أن») gives
    way to that cue's subject: the reporter is the source of the words that follow.
    """
    k = bisect.bisect_right(doc.mention_ends, index) - 1
    while k >= 0 and doc.mentions[k].phrase_first >= sentence_first:
        mention = doc.mentions[k]
        if can_speak(mention):
            return outer_reporter(doc, sentence_first, mention) or mention
        k -= 1
    return None


def can_speak(mention: Mention) -> bool:
    return mention.role in ("subject", "source") and mention.kind != "agency" and mention.resolved() is not None


def outer_reporter(doc: Document, sentence_first: int, mention: Mention) -> Mention | None:
    """The subject of the first cue of the sentence whose «أن/إن» or colon comes before ``mention``."""
    k = bisect.bisect_left(doc.cue_positions, sentence_first)
    while k < len(doc.cues) and doc.cues[k].index < mention.phrase_first:
        cue = doc.cues[k]
        reported = introduces_speech(doc, cue.end, mention.phrase_first)
        if reported and cue.explicit and cue.subject is not None and cue.subject is not mention:
            return cue.subject
        k += 1
    return None


def introduces_speech(doc: Document, first: int, last: int) -> bool:
    """Whether a complementizer (أن، إن، بأن) or a colon lies between token indices ``first`` and ``last``."""
    for j in range(first, min(last, len(doc.tokens))):
        if doc.tokens[j].norm in COMPLEMENTIZERS or ":" in doc.text[doc.tokens[j - 1].end:doc.tokens[j].start]:
            return True
    return last < len(doc.tokens) and ":" in doc.text[doc.tokens[last - 1].end:doc.tokens[last].start]


def previous_cue_in_sentence(doc: Document, index: int, sentence_first: int) -> Cue | None:
    k = bisect.bisect_left(doc.cue_positions, index) - 1
    while k >= 0 and doc.cues[k].index >= sentence_first:
        if doc.cues[k].kind != "attribution" and doc.cues[k].subject is not None:
            return doc.cues[k]
        k -= 1
    return None


def attribute_cues(doc: Document) -> None:
    """Give every cue a subject, in text order, so that cues without one continue the last speaker.

    Order of preference: the subject after the verb; for a participle (مشيرا، مضيفا) the subject of the
    verb it accompanies; the nearest non-object mention before the cue in its sentence; the subject of
    an earlier cue in the sentence; the last speaker.
    """
    last: Cue | None = None
    for cue in doc.cues:
        sentence_first = doc.sentence_first_token(cue.index)
        limit = doc.sentence_end_token(cue.index)
        cue.date = statement_date(doc, sentence_first, cue)
        if cue.kind == "attribution":
            cue.subject = subject_after(doc, cue, limit)
            cue.explicit = cue.subject is not None
        else:
            give_subject(doc, cue, sentence_first, limit, last)
        if cue.subject is not None and cue.subject.kind == "person":
            _note_name(doc, normalise(cue.subject.name).split(), cue.index)
        if cue.subject is not None and not _reported_by_another(doc, cue, sentence_first):
            last = cue
            doc.events.append((doc.tokens[cue.index].start, cue))


def _reported_by_another(doc: Document, cue: Cue, sentence_first: int) -> bool:
    """Whether a cue stands inside what an earlier cue of its sentence reports, with a subject of its own:
    «أعلن نيبينزيا أن الولايات المتحدة أعلنت 12 دبلوماسيا …» — what the US did is Nebenzia's words,
    and the next «وقال:» is still his."""
    previous = previous_cue_in_sentence(doc, cue.index, sentence_first)
    if previous is None or previous.subject is None or cue.subject is previous.subject:
        return False
    return any(t.norm in COMPLEMENTIZERS for t in doc.tokens[previous.end:cue.index])


def give_subject(doc: Document, cue: Cue, sentence_first: int, limit: int, last: Cue | None) -> None:
    subject = _subject_after_kana(doc, cue, sentence_first) if cue.kind == "verb" else None
    if subject is None and cue.kind in ("verb", "noun"):
        subject = subject_after(doc, cue, limit)
    if subject is None and cue.index > 0 and doc.tokens[cue.index - 1].norm in RELATIVE_PRONOUNS:
        subject = antecedent_of_relative(doc, cue.index - 1)
    if subject is None and cue.kind == "verb":
        subject = subject_after_adverbial(doc, cue, limit)
    if subject is None and cue.kind == "participle":
        previous = previous_cue_in_sentence(doc, cue.index, sentence_first)
        subject = previous.subject if previous else main_subject(doc, sentence_first, cue.index)
    if subject is None and cue.kind == "verb" and doc.tokens[cue.index].norm[:1] in ("و", "ف"):
        # «وأكد رئيس المجلس X خلال جولته بمشاركة رئيس البلدية Y …، وقال إن»: a coordinated verb
        # without its own subject shares the subject of the sentence's earlier verb, not the last name.
        previous = previous_cue_in_sentence(doc, cue.index, sentence_first)
        subject = previous.subject if previous is not None and (
            previous.explicit or cue_gender(doc, previous) == cue_gender(doc, cue)) else None
    if subject is None:
        subject = subject_before(doc, sentence_first, cue.index)
    if subject is None:
        previous = previous_cue_in_sentence(doc, cue.index, sentence_first)
        subject = previous.subject if previous else None
    if subject is None and cue.kind != "participle":
        # «وخاطب داعمي الحرب قائلا:»: before a participle stand a verb and its object, never a bare name
        subject = bare_name_before(doc, cue, sentence_first)
    cue.explicit = subject is not None
    if subject is None and last is None:
        subject = _first_speaker_before(doc, cue.index)  # «ستولتنبرغ: …» in the headline, then «وأضاف أن»
    elif subject is None:
        last = _last_of_gender(doc, cue) or last
        subject = last.subject
        cue.date = cue.date or last.date
    cue.subject = subject


KANA = norm_set("كان وكان فكان كانت وكانت فكانت")


def _subject_after_kana(doc: Document, cue: Cue, sentence_first: int) -> Mention | None:
    """«وكانت وزارة الدفاع أعلنت …»: after «كان» the subject stands between it and its verb, and the words
    after the verb are its object."""
    end = cue.index - (doc.tokens[cue.index - 1].norm in ("قد", "لقد") if cue.index > 0 else 0)
    k = bisect.bisect_right(doc.mention_ends, end) - 1
    if k < 0 or doc.mentions[k].last != end:
        return None
    mention = doc.mentions[k]
    first = mention.phrase_first
    if first <= sentence_first or doc.tokens[first - 1].norm not in KANA or not can_speak(mention):
        return None
    return mention


def _first_speaker_before(doc: Document, index: int) -> Mention | None:
    """For a continuation before any statement was read: the person named last before it, as the
    headline names the speaker of the story («ستولتنبرغ: قمة الناتو …»)."""
    k = bisect.bisect_right(doc.mention_ends, index) - 1
    while k >= 0:
        mention = doc.mentions[k]
        person = mention.resolved() if can_speak(mention) else None
        if person is not None and (person.kind == "person" or (
                person.kind == "named" and person.head is None and not person.name.startswith("ال")
                and normalise(person.name) not in COUNTRY_NAMES)):
            return mention  # a person, not a body such as «الناتو»
        k -= 1
    return None


def cue_gender(doc: Document, cue: Cue) -> str | None:
    """«f» for a feminine verb or participle («قالت», «وأضافت», «مضيفة»), «m» for a masculine one."""
    lexicon = VERB_CUES if cue.kind == "verb" else PARTICIPLE_CUES if cue.kind == "participle" else None
    word = lexicon_word(doc.tokens[cue.index].norm, lexicon) if lexicon else None
    if word is None:
        return None
    return "f" if feminine_form(word, lexicon, "ت" if cue.kind == "verb" else "ه") else "m"


def _last_of_gender(doc: Document, cue: Cue) -> Cue | None:
    """The latest speaker a feminine pronoun subject fits: «قالت الشرطة … وقال المحقق X … لكنها قالت»
    goes back to الشرطة, the latest subject of a feminine verb."""
    gender = cue_gender(doc, cue)
    if gender != "f":
        return None  # a masculine verb after a woman is as often a writer's slip («وقالت X … وأتم:»)
    for _, earlier in reversed(doc.events[-8:]):
        if earlier.explicit and cue_gender(doc, earlier) == gender:
            return earlier
    return None


def antecedent_of_relative(doc: Document, pronoun: int) -> Mention | None:
    """The person a relative pronoun follows: «… رئيس الغرفة فؤاد الحاج الذي قال إن …» → فؤاد الحاج."""
    k = bisect.bisect_left(doc.mention_ends, pronoun)
    if k < len(doc.mentions) and doc.mentions[k].last == pronoun:
        mention = doc.mentions[k].resolved()
        if mention is not None and mention.kind in ("person", "named", "official"):
            return mention
    return None


OCCASION_OPENERS = norm_set("في خلال عقب إثر اثر أثناء أمام على عبر لدى بعد قبل")
"""Words that open an adverbial between a verb and its subject: «وقال، في مؤتمر صحفي …، الوزير X إن»."""


def subject_after_adverbial(doc: Document, cue: Cue, limit: int) -> Mention | None:
    """The subject written after an adverbial that follows the verb, before the verb's «أن/إن».

    «وقال، في مؤتمر صحفي عقده في ختام زيارته، وزير الاقتصاد X إن …»: verb, then the occasion, then
    the subject.  Only when an adverbial (a comma or a preposition) opens right after the verb.
    """
    j = cue.end
    if j >= limit or not ("،" in doc.text[doc.tokens[j - 1].end:doc.tokens[j].start]
                          or doc.tokens[j].norm in OCCASION_OPENERS):
        return None
    end = next((k for k in range(j, min(limit, j + 30)) if doc.tokens[k].norm in COMPLEMENTIZERS), None)
    if end is None:
        return None
    k = bisect.bisect_right(doc.mention_ends, j)
    while k < len(doc.mentions) and doc.mentions[k].last <= end:
        mention = doc.mentions[k]
        if mention.role == "subject" and mention.kind in ("person", "named", "official") and can_speak(mention):
            return mention.resolved()
        k += 1
    return None


def main_subject(doc: Document, sentence_first: int, index: int) -> Mention | None:
    """The first mention of the sentence that can speak: the subject of the verb a participle («مؤكدا»)
    accompanies when that verb is no reporting verb («وانتقد النائب X الخطة …، معتبرا أن …»)."""
    k = bisect.bisect_right(doc.mention_ends, sentence_first)
    while k < len(doc.mentions) and doc.mentions[k].last <= index:
        mention = doc.mentions[k]
        if mention.phrase_first >= sentence_first and can_speak(mention) and mention.kind != "institution":
            return mention.resolved()
        k += 1
    return None


def statement_date(doc: Document, sentence_first: int, cue: Cue) -> str | None:
    """A date in the cue's sentence before what was said; dates after «أن» belong to the content.

    A weekday alone («قال، الثلاثاء») is the last such day on or before the article's date.
    """
    end = cue.end
    while end < len(doc.tokens) and end - cue.end < 14 and not doc.quoted[end]:
        gap = doc.text[doc.tokens[end - 1].end:doc.tokens[end].start]
        if ":" in gap or doc.tokens[end].norm in COMPLEMENTIZERS:
            break  # a quoted name («الناتو») may stand before the date; a real quotation ends the loop
        end += 1
    if end <= sentence_first:
        return None
    sentence_first = max(sentence_first, cue.index - 40)  # a date is written close to its verb
    region = normalise(doc.text[doc.tokens[sentence_first].start:doc.tokens[end - 1].end])
    found = explicit_date(region, doc.doc_date)
    if found is None and doc.doc_date is not None:
        found = relative_date(region, doc.doc_date)
    return found.isoformat() if found else None

