"""Quotation candidates from Arabic news text, for an editor to review before they enter facts.yaml.

The extractor works in three passes over one article:

1. ``find_quotation_spans`` pairs quotation marks paragraph by paragraph.  Marks in Arabic news are
   unreliable (straight and curly quotes mixed, spaces on the wrong side, a missing opening or closing
   mark), so each mark is judged opening or closing from its neighbours and paired with a stack;
   orphans get boundaries from the clause structure around them.
2. Word tokens are scanned once for speaker mentions (title + name, known actors, unnamed officials,
   institutions, statements, news agencies) and for reporting cues (verbs, participles, attributions).
   Cues get their subjects in text order, so a cue without a subject continues the last speaker.
3. Every quotation that is not a scare quote or a quoted name is attributed through the cue that
   governs it: the nearest cue before it in its sentence, or a cue with a subject right after it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field

import yaml

from ..facts.text import ARABIC_MARKS, DIACRITICS

__all__ = ["Candidate", "candidates_to_yaml", "extract_quotes", "find_quotation_spans", "normalise"]


@dataclass(frozen=True)
class Candidate:
    """One quotation for an editor to review; ``text`` is exactly ``file_text[start:end]``.

    ``speaker`` is an actor id when the speaker's name resolves through the actors' names and aliases;
    ``speaker_name`` is the speaker as the article writes it, title stripped («سيرغي لافروف», «البيت
    الأبيض», «مسؤول في حلف شمال الأطلسي»); ``cue`` the reporting word nearest the quotation; ``date``
    an ISO date when the reporting sentence dates the statement.
    """

    text: str
    source: str
    start: int
    end: int
    speaker: str | None
    speaker_name: str | None
    cue: str | None
    date: str | None
    confidence: float


# --- normalisation --------------------------------------------------------------------------------

_LETTERS = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك",
    **{chr(0x0660 + d): str(d) for d in range(10)},
    **{chr(0x06F0 + d): str(d) for d in range(10)},
})


def normalise(text: str) -> str:
    """Spelling used to compare Arabic words: no diacritics or tatweel, one alif, ه for ة, ي for ى."""
    return DIACRITICS.sub("", text).translate(_LETTERS)


def _strip_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def _prefix_variants(word: str) -> list[tuple[str, str]]:
    """(clitics, rest) readings of a normalised word without the joined و ف ب ل ك.

    Arabic joins conjunctions and one-letter prepositions to the next word (وللناتو = و + ل + الناتو);
    the clitics tell callers whether a name was governed by a preposition.
    """
    out: list[tuple[str, str]] = [("", word)]
    for conj in ("", "و", "ف"):
        if conj and not word.startswith(conj):
            continue
        rest1 = word[len(conj):]
        for prep in ("", "ب", "ل", "ك"):
            if (not conj and not prep) or (prep and not rest1.startswith(prep)):
                continue
            rest2 = rest1[len(prep):]
            if prep == "ل" and rest2.startswith("ل"):  # ل + ال is written لل
                rest2 = "ا" + rest2
            if len(rest2) >= 2:
                out.append((conj + prep, rest2))
    return out


def _head_key(word: str) -> str:
    """A noun without the article (لل counts as ل + ال) or the feminine ending: للوزيرة → وزير."""
    if word.startswith("لل") and len(word) > 3:
        word = "ا" + word[1:]
    word = _strip_article(word)
    return word[:-1] if word.endswith("ه") and len(word) > 3 else word


def _head_in(word: str, heads: frozenset[str]) -> str | None:
    """The key of a title-like noun, also with a conjunction joined to it (والمتحدث), else None."""
    key = _head_key(word)
    if key in heads:
        return key
    if word[:1] in ("و", "ف") and len(word) > 3:
        key = _head_key(word[1:])
        if key in heads:
            return key
    return None


def _norm_set(words: str) -> frozenset[str]:
    return frozenset(normalise(w) for w in words.split())


def _key_set(words: str) -> frozenset[str]:
    return frozenset(_head_key(normalise(w)) for w in words.split())


# --- lexicons (written as the press writes them, normalised at import) ----------------------------

_PAST_VERBS = (
    "قال أضاف أكد صرح أوضح تابع لفت أشار شدد اعتبر أعلن ذكر كتب غرد أفاد أردف استطرد نوه حذر "
    "ختم اختتم علق أجاب زعم اعترف كشف أقر تساءل استدرك لاحظ أبلغ وصف نقل لخص"
)
_PRESENT_VERBS = (
    "يقول يضيف يؤكد يوضح يتابع يشير يلفت يشدد يعتبر يرى يعلن يذكر يكتب يغرد يحذر يقر يعترف يتساءل "
    "يجيب يصف يكشف"
)
_PARTICIPLES = (
    "قائلا مضيفا مؤكدا مشيرا لافتا موضحا مشددا معتبرا متابعا مردفا منوها محذرا معلنا مستدركا مبينا "
    "مختتما متسائلا واصفا كاشفا"
)


def _past_forms(verbs: str) -> frozenset[str]:
    """Past forms: قال قالت قالوا قالا قالتا, and with an object pronoun as in «ما أعلنه البيت الأبيض»."""
    forms: set[str] = set()
    for verb in _norm_set(verbs):
        forms.update(verb + ending for ending in ("", "ت", "وا", "ا", "تا", "ه", "ته", "ها", "تها"))
    return frozenset(forms)


def _present_forms(verbs: str) -> frozenset[str]:
    forms: set[str] = set()
    for verb in _norm_set(verbs):
        forms.update({verb, "ت" + verb[1:], verb + "ون", verb + "ان", "ت" + verb[1:] + "ان"})
    return frozenset(forms)


def _participle_forms(words: str) -> frozenset[str]:
    """مشيرا with and without its alif of tanween, feminine مشيرة, plural مشيرين."""
    forms: set[str] = set()
    for word in _norm_set(words):
        base = word.removesuffix("ا")
        forms.update({word, base + "ه", base + "ين", base + "تين"})
    return frozenset(forms)


VERB_CUES = _past_forms(_PAST_VERBS) | _present_forms(_PRESENT_VERBS)
PARTICIPLE_CUES = _participle_forms(_PARTICIPLES)
NOUN_CUES = _norm_set("قوله قولها قولهم قولهما تأكيده تأكيدها تصريحه تصريحها بالقول")
ATTRIBUTION_CUES = _norm_set("حسب بحسب وفق وفقا طبقا نقلا حسبما وفقما لسان تعبير")  # «على حد تعبير X»
STATEMENT_PLACE_VERBS = _norm_set("جاء ورد")  # «جاء في بيان الكرملين أن ...»
TRANSMIT_VERBS = _past_forms("نقل")  # «نقلت رويترز عن المسؤول قوله»: the speaker follows عن
ALL_CUES = VERB_CUES | PARTICIPLE_CUES | NOUN_CUES | ATTRIBUTION_CUES

# Nouns heading the description of a person (keys as produced by _head_key).
TITLE_HEADS = _key_set(
    "وزير متحدث ناطق أمين رئيس نائب مساعد مستشار سفير مندوب ممثل قائد زعيم مدير منسق مبعوث ملك أمير "
    "عاهل ولي سيناتور عضو مفوض محلل خبير باحث أستاذ كاتب مراسل ناشط محامي جنرال عقيد "
    "مرشح مفتي قاضي"
)
# Heads of descriptions standing for a person the article does not name.
UNNAMED_HEADS = _key_set("مسؤول مسؤولون مسؤولين مصدر مصادر دبلوماسي دبلوماسيون")
STATEMENT_HEADS = _key_set("بيان تصريح تغريدة رسالة مذكرة")
# Heads of names of bodies that speak for themselves («قالت وزارة الخارجية الروسية»).
INSTITUTION_HEADS = _key_set(
    "وزارة الخارجية الحكومة الرئاسة الجيش السفارة حلف الاتحاد الأمم مجلس منظمة الكرملين البنتاغون "
    "البنتاجون الإليزيه البيت البرلمان الكونغرس المفوضية"
)
MEDIA_HEADS = _key_set("وكالة وكالتا وكالات صحيفة جريدة قناة تلفزيون إذاعة راديو موقع مجلة شبكة")
# Words before a quoted name showing it names something rather than quotes someone.
NAME_OF_HEADS = MEDIA_HEADS | _key_set(
    "حزب حركة منظمة شركة مجموعة تنظيم جماعة جمعية مؤسسة برنامج عملية مبادرة مشروع خطة مركز معهد "
    "مؤتمر منتدى قمة اتفاق اتفاقية معاهدة كتاب فيلم وثيقة هاشتاغ وسم شعار لقب"
)
ALL_HEADS = TITLE_HEADS | UNNAMED_HEADS | STATEMENT_HEADS | INSTITUTION_HEADS | MEDIA_HEADS
# News agencies carry statements but never make them.
AGENCY_NAMES = (
    "رويترز", "فرانس برس", "فرانس بريس", "أسوشيتد برس", "أسوشيتيد برس", "الأناضول", "تاس", "سبوتنيك",
    "نوفوستي", "ريا نوفوستي", "إنترفاكس", "انترفاكس", "بلومبرغ", "بلومبيرغ", "شينخوا", "يونهاب", "كيودو",
    "د ب أ", "أ ف ب", "إرنا", "سانا", "أكسيوس",
)
# Words that continue the description of an office after its head (besides nisba adjectives).
TITLE_MODIFIERS = _key_set(
    "عام عامة خاص خاصة خارجية دفاع داخلية وزراء وزارة شؤون دولة أول سابق سابقة حالي أعلى حلف شمال "
    "أطلسي مجلس أمن قومي رئاسة حكومة باسم اتحاد أوروبي مفوضية أمم متحدة بيت أبيض كرملين جمهورية دائم "
    "دائمة تنفيذي إدارة سياسة عهد أركان قوات جيش برلمان نواب شيوخ ل لـ ب باسمه باسمها باسمهم"
)
SELF_REFERENCES = _norm_set("باسمه باسمها باسمهم")  # «المتحدث باسمها» names no further body
RANK_ADJECTIVES = _norm_set("كبير رفيع بارز رفيعو كبار المستوى")  # «مسؤول أمريكي رفيع المستوى»
UNNAMED_LINKS = _norm_set("في من لدى ب بـ داخل")  # «مسؤول في حلف شمال الأطلسي»
PREPOSITIONS = _norm_set(
    "في من إلى الى على عن مع بين حول ضد تجاه لدى عند نحو إزاء بشأن عبر أمام بعد قبل منذ حتى دون بدون "
    "لـ بـ ل ب ك"
)
COUNTERPART_WORDS = _norm_set("نظيره نظيرته نظيريه نظيرها نظراءه نظرائه نظرائها")
COMPLEMENTIZERS = _norm_set("إن أن إنه أنه إنها أنها إنهم أنهم إنهما أنهما بأن بأنه بأنها فإن لأن")
WEEKDAYS = {normalise(w): i for i, w in enumerate("الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد".split())}
# Adverbs that may stand between a verb and its subject: «قال، الثلاثاء، مسؤول».
SKIPPABLE_BEFORE_SUBJECT = _norm_set(
    "أيضا كذلك بدوره بدورها أمس اليوم يوم صباح مساء الليلة مجددا لاحقا سابقا مؤخرا الماضي الجاري "
    "الثلاثاء الاثنين الأربعاء الخميس الجمعة السبت الأحد"
)
# Words that cannot be part of a personal name; they end a run of name words.
NAME_STOPS = (
    PREPOSITIONS | COMPLEMENTIZERS | SKIPPABLE_BEFORE_SUBJECT | COUNTERPART_WORDS
    | _norm_set("الذي التي الذين اللذين اللتين هذا هذه ذلك تلك قد لقد لن لم لا ما كما ثم أو حيث حين "
                "عندما بينما إذ إذا لكن لكنه غير خلال عقب إثر أثناء هناك هنا هو هي هم نحن أنا")
)
NAME_CONNECTORS = _norm_set("عبد أبو أبي بن ابن بو آل")  # names that go on with a word in ال
STATEMENT_LINKS = _norm_set("صادر صادرة الصادر الصادرة عن من مشترك")  # «بيان صادر عن الكرملين»

DOUBLE_MARKS = "\"«»“”„‟"
SINGLE_MARKS = "'‘’‚‛"
QUOTE_CHARS = DOUBLE_MARKS + SINGLE_MARKS
_DOUBLE_MARK = re.compile(f"[{DOUBLE_MARKS}]")
_SINGLE_MARK = re.compile(f"[{SINGLE_MARKS}]")
_HARD_GAP = re.compile(r"[،,:;؛.!?؟()\[\]{}\n]")
_BEFORE_OPENING = frozenset("([{:،,؛—–-/ـ")
_AFTER_CLOSING = frozenset(".,،؛:;!?؟)]}…-–—")
_PUNCTUATION_AFTER = frozenset(".,،؛:;!?؟)]}")
_SOFT_GAP_CHARS = frozenset(" \t\u00a0\u200e\u200f-–ـ" + QUOTE_CHARS)
_TOKEN = re.compile(rf"[^\W_][\w{ARABIC_MARKS}\u0640]*")
_WORD_CHAR = re.compile(rf"[^\W_]|[{ARABIC_MARKS}]")
_TANWEEN = re.compile("[\u064b-\u064d]")
_PARAGRAPH = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.!?؟؛](?=\s|$|[\"”»])|\n")
_CLAUSE_END = re.compile(r"[.!?؟؛:](?=\s|$)")

_MONTHS = {
    **{normalise(m): i for i, m in enumerate(
        "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split(), 1)},
    **{normalise(m): i for i, m in enumerate((
        "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
        "تشرين الأول", "تشرين الثاني", "كانون الأول"), 1)},
    **{normalise(m): i for i, m in enumerate(
        "جانفي فيفري مارس أفريل ماي جوان جويلية أوت سبتمبر أكتوبر نوفمبر ديسمبر".split(), 1)},
    normalise("ابريل"): 4, normalise("إبريل"): 4, normalise("يونيه"): 6, normalise("يوليه"): 7,
}
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_DATE_WORDS = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s+({_MONTH_ALT})(?:\s*/\s*(?:{_MONTH_ALT}))?(?:\s*[،,]?\s*(\d{{4}}))?(?!\d)"
)
_DATE_YMD = re.compile(r"(?<!\d)(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?!\d)")
_DATE_DMY = re.compile(r"(?<!\d)(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?!\d)")
_RELATIVE_DAY = re.compile(r"(?<!\w)(?:" + "|".join([*WEEKDAYS, "امس", "اليوم"]) + r")(?!\w)")
TRAILING_CONNECTIVES = _norm_set("كما حسبما وفقما حسب بحسب وفق وفقا طبقا ل ما هكذا على حد")
NAME_FOLLOWERS = _norm_set("على إلى الى في الذي التي خلال")  # «وشدد بوريل على أن»
RANGE_WORDS = _norm_set("من إلى الى حتى منذ بعد قبل")


# --- tokens ---------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    surface: str
    norm: str


def _tokenise(text: str, start: int = 0, end: int | None = None) -> list[_Token]:
    return [
        _Token(m.start(), m.end(), m.group(), normalise(m.group()))
        for m in _TOKEN.finditer(text, start, len(text) if end is None else end)
    ]


def _first_token_from(tokens: list[_Token], offset: int) -> int:
    """Index of the first token that starts at or after ``offset``."""
    return bisect.bisect_left(tokens, offset, key=lambda t: t.start)


def _lexicon_word(word: str, lexicon: frozenset[str]) -> str | None:
    """The lexicon entry a normalised word spells, with or without a joined و or ف, else None."""
    if word in lexicon:
        return word
    if word[:1] in ("و", "ف") and word[1:] in lexicon:
        return word[1:]
    return None


def _is_word_char(ch: str) -> bool:
    return bool(ch) and _WORD_CHAR.match(ch) is not None


def _skip_letters(text: str, start: int, letters: int) -> int:
    """Offset after ``letters`` base letters (with their diacritics or tatweel) from ``start``."""
    pos = start
    for _ in range(letters):
        pos += 1
        while pos < len(text) and DIACRITICS.match(text[pos]):
            pos += 1
    return pos


def _start_without_conjunction(text: str, token: _Token) -> int:
    """Offset of a token after a joined و/ف, when what follows is a cue, title or definite noun."""
    word = token.norm
    if word[:1] in ("و", "ف") and len(word) > 3:
        rest = word[1:]
        if rest.startswith("ال") or _head_key(rest) in ALL_HEADS or rest in ALL_CUES or rest in STATEMENT_PLACE_VERBS:
            return _skip_letters(text, token.start, 1)
    return token.start


def _soft_gap(text: str, left: _Token, right: _Token) -> bool:
    return all(ch in _SOFT_GAP_CHARS for ch in text[left.end:right.start])


# --- quotation marks ------------------------------------------------------------------------------

def _mark_role(text: str, pos: int, lo: int, hi: int) -> str:
    """'open', 'close' or 'either' for the mark at ``pos``, judged from the characters around it."""
    ch = text[pos]
    if ch == "«":
        return "open"
    if ch == "»":
        return "close"
    prev = text[pos - 1] if pos > lo else ""
    nxt = text[pos + 1] if pos + 1 < hi else ""
    # A one-letter proclitic glued to the mark (بـ"الناتو", و"قال") leaves the mark word-initial.
    glued_clitic = prev != "" and prev in "وبلفك" and (pos - 1 == lo or not _is_word_char(text[pos - 2]))
    at_start = prev == "" or prev.isspace() or prev in _BEFORE_OPENING or glued_clitic
    at_end = nxt == "" or nxt.isspace() or nxt in _AFTER_CLOSING
    opening = int(at_start) + int(_is_word_char(nxt)) - (2 if nxt == "" or nxt in _PUNCTUATION_AFTER else 0)
    after_word = prev != "" and (_is_word_char(prev) or prev in ".!?؟…)")
    closing = int(after_word) + int(at_end) - (2 if prev == "" or prev in "([{" else 0)
    if opening > closing:
        return "open"
    if closing > opening:
        return "close"
    return "either"


def _pair_marks(
    text: str, lo: int, hi: int, marks: re.Pattern[str] = _DOUBLE_MARK,
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """(opening, closing) mark pairs of one paragraph, its orphan closing and orphan opening marks."""
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []
    orphan_closers: list[int] = []
    for m in marks.finditer(text, lo, hi):
        pos = m.start()
        if marks is _SINGLE_MARK and pos > lo and _is_word_char(text[pos - 1]) and _is_word_char(text[pos + 1:pos + 2]):
            continue  # an apostrophe inside a word
        role = _mark_role(text, pos, lo, hi)
        if role == "either":
            role = "close" if stack and text[stack[-1]] != "«" else "open"
        if role == "open":
            stack.append(pos)
            continue
        opener = _pop_opener(text, stack, text[pos])
        if opener is None:
            orphan_closers.append(pos)
        else:
            pairs.append((opener, pos))
    return pairs, orphan_closers, stack


def _pop_opener(text: str, stack: list[int], closing: str) -> int | None:
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


def _mirrored_pairs(
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
        if partner is not None and not _SENTENCE_END.search(between) and len(between.split()) <= 6:
            pairs.append((c, partner))
            remaining.remove(partner)
        else:
            left_closers.append(c)
    return pairs, left_closers, remaining


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _last_cue_index(tokens: list[_Token]) -> int | None:
    for k in range(len(tokens) - 1, -1, -1):
        if _lexicon_word(tokens[k].norm, ALL_CUES):
            return k
    return None


def _start_of_unopened_quote(text: str, floor: int, close: int) -> int:
    """Where speech that ends at a closing mark without an opening mark most plausibly starts.

    Walks back clause by clause and starts after the clause holding the reporting verb, or after a
    colon: paraphrase introduced by «أوضح أن ...؛» stays out, first-person speech after it stays in.
    In the closing clause itself the speech starts after the cue's «أن/إن».
    """
    starts = [floor, *(m.end() for m in _CLAUSE_END.finditer(text, floor, close))]
    for k in range(len(starts) - 1, -1, -1):
        clause_start = starts[k]
        clause_end = close if k == len(starts) - 1 else starts[k + 1]
        tokens = _tokenise(text, clause_start, clause_end)
        cue = _last_cue_index(tokens)
        if cue is not None:
            if k < len(starts) - 1:
                return clause_end
            after = next((t for t in tokens[cue + 1:] if t.norm in COMPLEMENTIZERS), None)
            return after.end if after else tokens[cue].end
        if k > 0 and text[clause_start - 1] == ":":
            return clause_start
    return floor


def find_quotation_spans(text: str) -> list[tuple[int, int]]:
    """Inner spans (no marks, no surrounding spaces) of every quotation-marked passage, by start.

    Includes nested quotations, scare quotes and quoted names.  A passage missing its opening mark
    starts after the clause that introduces it; one missing its closing mark runs to the paragraph end.
    """
    spans: set[tuple[int, int]] = set()
    for para in _PARAGRAPH.finditer(text):
        lo, hi = para.start(), para.end()
        single_pairs, _, _ = _pair_marks(text, lo, hi, _SINGLE_MARK)  # unpaired ones are apostrophes
        spans.update(_trimmed(text, o + 1, c) for o, c in single_pairs)
        pairs, closers, openers = _pair_marks(text, lo, hi)
        mirrored, closers, openers = _mirrored_pairs(text, closers, openers)
        pairs += mirrored
        spans.update(_trimmed(text, o + 1, c) for o, c in pairs)
        spans.update(_trimmed(text, o + 1, hi) for o in openers)
        pair_ends = sorted(c for _, c in pairs)
        for c in closers:
            k = bisect.bisect_left(pair_ends, c)
            floor = pair_ends[k - 1] + 1 if k else lo
            spans.add(_trimmed(text, _start_of_unopened_quote(text, floor, c), c))
    return sorted(s for s in spans if s[1] > s[0])


# --- speaker mentions -----------------------------------------------------------------------------

@dataclass(slots=True)
class _Mention:
    first: int               # token range [first, last) of the name
    last: int
    phrase_first: int        # where the whole description starts, title included
    name: str
    actor: str | None
    kind: str                # person | named | official | institution | agency | anaphor
    head: str | None = None  # title key: lets «المسؤول» find «مسؤول في ...»
    governed: bool = False   # written with a joined preposition (لستولتنبرغ)
    role: str = "subject"    # subject | object | source | aside
    antecedent: _Mention | None = None

    def resolved(self) -> _Mention | None:
        return self.antecedent if self.kind == "anaphor" else self


@dataclass(frozen=True)
class _Alias:
    words: tuple[str, ...]
    actor: str | None
    agency: bool


@dataclass(frozen=True)
class _AliasMatch:
    alias: _Alias
    end: int      # token index after the match
    clitics: str  # joined و/ف/ب/ل/ك letters in front of the first word


class _AliasIndex:
    """Actor names indexed by their first word, matched longest first and through joined clitics."""

    def __init__(self, actors: Mapping[str, Iterable[str]]) -> None:
        self._by_first: dict[str, list[_Alias]] = {}
        for actor, names in actors.items():
            for name in names:
                self._add(name, actor, agency=False)
        for name in AGENCY_NAMES:
            self._add(name, None, agency=True)
        for entries in self._by_first.values():
            entries.sort(key=lambda a: len(a.words), reverse=True)

    def _add(self, name: str, actor: str | None, *, agency: bool) -> None:
        words = tuple(_strip_article(t.norm) for t in _tokenise(name))
        if words:
            self._by_first.setdefault(words[0], []).append(_Alias(words, actor, agency))

    def match(self, text: str, tokens: list[_Token], i: int) -> _AliasMatch | None:
        """The longest alias starting at token ``i``."""
        best: _AliasMatch | None = None
        for clitics, rest in _prefix_variants(tokens[i].norm):
            for alias in self._by_first.get(_strip_article(rest), ()):
                n = len(alias.words)
                if (best is not None and n <= best.end - i) or i + n > len(tokens):
                    continue
                if all(
                    _strip_article(tokens[i + k].norm) == alias.words[k]
                    and _soft_gap(text, tokens[i + k - 1], tokens[i + k])
                    for k in range(1, n)
                ):
                    best = _AliasMatch(alias, i + n, clitics)
        return best

    def single_word_actor(self, stem: str) -> str | None:
        """The actor with a one-word name spelled ``stem``, or ``stem`` + ا or يا (مصر، أمريكا، روسيا)."""
        for spelling in (stem, stem + "ا", stem + "يا"):
            for alias in self._by_first.get(spelling, ()):
                if len(alias.words) == 1 and alias.actor:
                    return alias.actor
        return None

    def actor_in(self, text: str, tokens: list[_Token], first: int, last: int) -> str | None:
        """The actor of the longest alias lying between token indices ``first`` and ``last``."""
        best: tuple[int, str] | None = None
        for i in range(first, last):
            found = self.match(text, tokens, i)
            if found and found.alias.actor and found.end <= last and (best is None or found.end - i > best[0]):
                best = (found.end - i, found.alias.actor)
        return best[1] if best else None


def _is_nisba(word: str, *, definite: bool) -> bool:
    """Relational adjectives (الروسي، الأميركية، أمريكي) that qualify a title or an institution."""
    for _, rest in _prefix_variants(word):
        if definite and not rest.startswith("ال"):
            continue
        core = _strip_article(rest)
        if len(core) >= 4 and core.endswith(("ي", "يه", "يين", "يون")) and core not in NAME_STOPS:
            return True
    return False


def _nisba_stem(word: str) -> str | None:
    """The stem of a relational adjective (الأمريكية → امريك), or None when the word is not one."""
    core = _strip_article(word)
    for ending in ("يين", "يون", "يه", "ي"):
        if core.endswith(ending) and len(core) - len(ending) >= 3:
            return core[: -len(ending)]
    return None


def _is_name_word(token: _Token, *, after_connector: bool = False) -> bool:
    """Whether a token may be part of a personal name (names carry no tanween, no article, no clitics)."""
    word = token.norm
    if len(word) < 2 or word.isdigit() or _TANWEEN.search(token.surface):
        return False
    if word in NAME_STOPS or _lexicon_word(word, ALL_CUES) or _head_in(word, ALL_HEADS):
        return False
    if word in WEEKDAYS or _strip_article(word) in _MONTHS:
        return False
    return after_connector or not word.startswith("ال")


def _is_definite(word: str) -> bool:
    """Whether a noun carries the article, also behind a joined و/ف (والمسؤول)."""
    return word.startswith("ال") or (word[:1] in ("و", "ف") and word[1:].startswith("ال"))


def _looks_like_present_verb(word: str) -> bool:
    return len(word) >= 4 and word[0] in "يت"


class _MentionFinder:
    """One left-to-right pass finding who could be speaking and what «المسؤول» or «البيان» refers to."""

    def __init__(self, text: str, tokens: list[_Token], aliases: _AliasIndex, quoted: list[bool]) -> None:
        self.text = text
        self.tokens = tokens
        self.aliases = aliases
        self.quoted = quoted
        self._last_by_head: dict[str, _Mention] = {}

    def all(self) -> list[_Mention]:
        mentions: list[_Mention] = []
        last_subject: _Mention | None = None
        i = 0
        while i < len(self.tokens):
            mention = None if self.quoted[i] else self._at(i)
            if mention is None:
                i += 1
                continue
            mention.role = self._role(mention, mentions)
            if mention.kind == "anaphor":
                mention.antecedent = self._last_by_head.get(mention.head or "")
                if mention.antecedent is None and mention.head in STATEMENT_HEADS:
                    mention.antecedent = last_subject  # «أصدر الكرملين بيانا ... وتابع البيان»
            elif mention.head:
                self._last_by_head[mention.head] = mention
            if mention.kind != "agency" and mention.role == "subject" and mention.resolved() is not None:
                last_subject = mention.resolved()
            mentions.append(mention)
            i = mention.last
        return mentions

    def _at(self, i: int) -> _Mention | None:
        """The mention starting at token ``i``, or None."""
        word = self.tokens[i].norm
        key = _head_in(word, TITLE_HEADS | UNNAMED_HEADS)
        if key:
            return self._described_person(i, key)
        key = _head_in(word, STATEMENT_HEADS)
        if key:
            return self._statement(i, key)
        found = self.aliases.match(self.text, self.tokens, i)
        if found:
            return self._alias_mention(i, found)
        if _head_in(word, MEDIA_HEADS):
            return self._media(i)
        if _head_in(word, INSTITUTION_HEADS):
            return self._institution(i)
        return None

    # -- kinds of mention

    def _alias_mention(self, i: int, found: _AliasMatch) -> _Mention:
        governed = any(c in found.clitics for c in "بلك")
        if found.alias.agency:
            return _Mention(i, found.end, i, self._text(i, found.end, found.clitics), None, "agency", governed=governed)
        first = i
        # Given names written before a known surname: «ينس» + «ستولتنبرغ».  A definite alias names a
        # body, and a word with a joined و is far more often a verb («وأصدر») than a given name.
        while (
            not found.clitics and not _is_definite(self.tokens[i].norm) and first > 0 and i - first < 2
            and not self.quoted[first - 1] and not self.tokens[first - 1].norm.startswith("و")
            and _is_name_word(self.tokens[first - 1]) and self._joined(first - 1)
        ):
            first -= 1
        if first < i and not self._starts_phrase(first):
            first = i
        name = self._text(first, found.end, "" if first < i else found.clitics)
        return _Mention(first, found.end, first, name, found.alias.actor, "named", governed=governed)

    def _joined(self, k: int) -> bool:
        """Whether tokens ``k`` and ``k + 1`` are separated by nothing but a space or a soft mark."""
        return _soft_gap(self.text, self.tokens[k], self.tokens[k + 1])

    def _starts_phrase(self, k: int) -> bool:
        """Whether token ``k`` can begin a noun phrase, so taking it as a given name is safe."""
        if k == 0 or _HARD_GAP.search(self.text[self.tokens[k - 1].end:self.tokens[k].start]):
            return True
        prev = self.tokens[k - 1].norm
        return (prev in COMPLEMENTIZERS or prev in PREPOSITIONS or prev in COUNTERPART_WORDS
                or _lexicon_word(prev, ALL_CUES) is not None or _head_in(prev, ALL_HEADS) is not None
                or _head_key(prev) in TITLE_MODIFIERS or _is_nisba(prev, definite=True))

    def _described_person(self, i: int, key: str) -> _Mention:
        unnamed = key in UNNAMED_HEADS
        j = self._title_end(i, unnamed=unnamed)
        name = self._name_after_title(j, known_only=unnamed)
        if name:
            first, last = name
            actor = self.aliases.actor_in(self.text, self.tokens, first, last)
            return _Mention(first, last, i, self._text(first, last), actor, "person", head=key)
        if j == i + 1 and _is_definite(self.tokens[i].norm) and self._ends_name(j):
            return _Mention(i, j, i, self._text(i, j), None, "anaphor", head=key)
        actor = self.aliases.actor_in(self.text, self.tokens, i + 1, j)
        if actor is None and unnamed:
            actor = self._nationality(i + 1, j)
        return _Mention(i, j, i, self._text(i, j), actor, "official", head=key)

    def _nationality(self, first: int, last: int) -> str | None:
        """The state named by a nisba in an unnamed description: «مسؤولون أمريكيون» → أمريكا."""
        for k in range(first, last):
            actor = self._nationality_word(self.tokens[k].norm)
            if actor:
                return actor
        return None

    def _nationality_word(self, word: str) -> str | None:
        """The state a nisba (أمريكيين) or a plural of people (روس → روسيا) refers to, if known."""
        stem = _nisba_stem(word) or (None if _is_definite(word) else word)
        return self.aliases.single_word_actor(stem) if stem and len(stem) >= 3 else None

    def _title_end(self, i: int, *, unnamed: bool) -> int:
        """Index after the description of an office: «المتحدث باسم وزارة الخارجية الروسية»."""
        j = i + 1
        while j < len(self.tokens) and j - i < 10 and not self.quoted[j]:
            if not _soft_gap(self.text, self.tokens[j - 1], self.tokens[j]):
                break
            word = self.tokens[j].norm
            found = self.aliases.match(self.text, self.tokens, j)
            if found and not found.alias.agency and (found.clitics or self._office_continues(j)):
                j = found.end
                continue
            key = _head_key(word)
            office_word = key in TITLE_MODIFIERS or key in TITLE_HEADS or key in INSTITUTION_HEADS
            unnamed_word = (word in RANK_ADJECTIVES or word in UNNAMED_LINKS or _is_nisba(word, definite=False)
                            or (j == i + 1 and self._nationality_word(word) is not None))
            if office_word or _is_nisba(word, definite=True) or (unnamed and unnamed_word):
                j += 1
                continue
            if unnamed and found and not found.alias.agency:
                j = found.end
                continue
            if word in UNNAMED_LINKS and j + 1 < len(self.tokens) and self._names_a_body(j + 1):
                j += 1  # «النائب في البرلمان الأوروبي», «عضو في مجلس الشيوخ»
                continue
            break
        while j - 1 > i and (self.tokens[j - 1].norm in UNNAMED_LINKS or self.tokens[j - 1].norm in PREPOSITIONS):
            j -= 1  # «مسؤول في الاتحاد الأوروبي لـ"رويترز"»: the trailing لـ belongs to what follows
        return j

    def _names_a_body(self, k: int) -> bool:
        """Whether token ``k`` starts the name of a body: a known actor or «وزارة ...», «مجلس ...»."""
        found = self.aliases.match(self.text, self.tokens, k)
        if found is not None and not found.alias.agency:
            return True
        return _head_in(self.tokens[k].norm, INSTITUTION_HEADS) is not None

    def _office_continues(self, j: int) -> bool:
        """Whether an alias at ``j`` completes an office («المتحدث باسم الكرملين») instead of naming its holder."""
        prev = self.tokens[j - 1].norm
        if prev in UNNAMED_LINKS:
            return True
        # A definite word («للحلف», «الأمريكي») completes the office; only an indefinite construct
        # noun («باسم», «لحلف», «رئيس») still needs the body that follows.
        if _is_definite(prev) or prev.startswith("لل") or _is_nisba(prev, definite=False) or prev in SELF_REFERENCES:
            return False
        key = _head_key(prev)
        return key in TITLE_MODIFIERS or key in INSTITUTION_HEADS or key in TITLE_HEADS

    def _name_after_title(self, j: int, *, known_only: bool = False) -> tuple[int, int] | None:
        """The token range of a personal name right after a title, also in apposition after a comma.

        After «مسؤول» or «مصدر» only a known name counts: what follows them is usually a clause
        («دبلوماسي غربي طلب عدم الكشف عن هويته»).
        """
        if j >= len(self.tokens) or self.quoted[j]:
            return None
        gap = self.text[self.tokens[j - 1].end:self.tokens[j].start]
        apposition = gap.strip() in ("،", ",")
        if any(c in QUOTE_CHARS for c in gap) or not (apposition or all(c in _SOFT_GAP_CHARS for c in gap)):
            return None
        found = self.aliases.match(self.text, self.tokens, j)
        if found and not found.alias.agency and not found.clitics:
            return j, found.end
        if known_only:
            return None
        last = j
        while last < len(self.tokens) and last - j < 4 and not self.quoted[last]:
            if last > j and not _soft_gap(self.text, self.tokens[last - 1], self.tokens[last]):
                break
            connector = last > j and self.tokens[last - 1].norm in NAME_CONNECTORS
            if not _is_name_word(self.tokens[last], after_connector=connector):
                break
            found = self.aliases.match(self.text, self.tokens, last)
            if found and not found.alias.agency and last > j:
                return j, found.end
            last += 1
        while last - j > 1 and _looks_like_present_verb(self.tokens[last - 1].norm):
            last -= 1
        if last == j or (apposition and not self._ends_name(last)):
            return None
        return j, last

    def _ends_name(self, k: int) -> bool:
        if k >= len(self.tokens):
            return True
        word = self.tokens[k].norm
        return (_HARD_GAP.search(self.text[self.tokens[k - 1].end:self.tokens[k].start]) is not None
                or word in NAME_STOPS or _lexicon_word(word, ALL_CUES) is not None)

    def _statement(self, i: int, key: str) -> _Mention | None:
        """«بيان الكرملين», «بيان صادر عن الكرملين» stand for the body; a bare «البيان» refers back."""
        j = i + 1
        while j < len(self.tokens) and j - i <= 3 and not self.quoted[j] and self._joined(j - 1):
            if self.tokens[j].norm in STATEMENT_LINKS:
                j += 1
                continue
            found = self.aliases.match(self.text, self.tokens, j)
            if found and not found.alias.agency:
                name = self._text(j, found.end, found.clitics)
                return _Mention(j, found.end, i, name, found.alias.actor, "institution", head=key)
            if _head_in(self.tokens[j].norm, INSTITUTION_HEADS):
                body = self._institution(j)
                body.head, body.phrase_first = key, i
                return body
            break
        if j == i + 1 and _is_definite(self.tokens[i].norm):
            return _Mention(i, j, i, self._text(i, j), None, "anaphor", head=key)
        return None

    def _media(self, i: int) -> _Mention:
        j = i + 1
        while j < len(self.tokens) and j - i <= 3 and not _HARD_GAP.search(self._gap_before(j)):
            if self.tokens[j].norm in NAME_STOPS or _lexicon_word(self.tokens[j].norm, ALL_CUES):
                break
            j += 1
        return _Mention(i, j, i, self._text(i, j), None, "agency")

    def _institution(self, i: int) -> _Mention:
        j = self._title_end(i, unnamed=False)
        actor = self.aliases.actor_in(self.text, self.tokens, i, j)
        head = _head_in(self.tokens[i].norm, INSTITUTION_HEADS)
        return _Mention(i, j, i, self._text(i, j), actor, "institution", head=head)

    # -- helpers

    def _text(self, first: int, last: int, clitics: str = "") -> str:
        """Surface text of a token range, without joined clitics in front."""
        token = self.tokens[first]
        if not clitics:
            start = _start_without_conjunction(self.text, token)
            return self.text[start:self.tokens[last - 1].end]
        start = _skip_letters(self.text, token.start, len(clitics))
        name = self.text[start:self.tokens[last - 1].end]
        if clitics.endswith("ل") and token.norm[len(clitics) - 1:].startswith("لل"):
            return "ا" + name  # للخارجية: the ل of the article was the one left after ل + ال
        return name

    def _gap_before(self, k: int) -> str:
        return self.text[self.tokens[k - 1].end:self.tokens[k].start]

    def _role(self, mention: _Mention, earlier: list[_Mention]) -> str:
        """subject; object (after a preposition or «نظيره»); source (after «بحسب», «نقلت ... عن»)."""
        k = mention.phrase_first - 1
        if mention.governed:
            return "source" if k >= 0 and _lexicon_word(self.tokens[k].norm, ATTRIBUTION_CUES) else "object"
        while k >= 0 and mention.phrase_first - k <= 6 and (
            _is_nisba(self.tokens[k].norm, definite=True) or _head_key(self.tokens[k].norm) in TITLE_MODIFIERS
        ):
            k -= 1  # «نظيره الروسي فلاديمير بوتين»: look past the adjectives
        gap = self.text[self.tokens[k].end:self.tokens[k + 1].start] if k >= 0 else ""
        if "(" in gap or "[" in gap:
            return "aside"  # «(صدى موسكو)»: a gloss, never the one speaking
        if k < 0 or _HARD_GAP.search(gap):
            return "subject"
        prev = self.tokens[k].norm
        if _lexicon_word(prev, ATTRIBUTION_CUES):
            return "source"
        if prev == "عن" and self._after_transmission(k):
            return "source"
        if prev in COUNTERPART_WORDS or prev in PREPOSITIONS:
            return "object"
        coordinated = self.tokens[mention.phrase_first].norm.startswith("و")
        if coordinated and earlier and earlier[-1].last == mention.phrase_first:
            return earlier[-1].role  # «بين بوتين وبايدن»: coordination keeps the role
        return "subject"

    def _after_transmission(self, k: int) -> bool:
        """Whether «عن» at ``k`` follows a verb of transmission in its sentence (نقلت ... عن)."""
        for j in range(k - 1, max(-1, k - 9), -1):
            if _lexicon_word(self.tokens[j].norm, TRANSMIT_VERBS | _norm_set("نقلا صادر صادرة")):
                return True
            if _SENTENCE_END.search(self.text[self.tokens[j].end:self.tokens[j + 1].start]):
                return False
        return False


# --- reporting cues -------------------------------------------------------------------------------

@dataclass(slots=True)
class _Cue:
    index: int             # token index of the cue word
    end: int               # token index after the cue phrase
    kind: str              # verb | participle | noun | attribution
    surface: str
    subject: _Mention | None = None
    explicit: bool = False  # subject written in the cue's own sentence
    date: str | None = None


def _find_cues(text: str, tokens: list[_Token], quoted: list[bool]) -> list[_Cue]:
    """Reporting cues outside quotations: verbs inside quoted speech report someone else's words."""
    cues: list[_Cue] = []
    for i, token in enumerate(tokens):
        if quoted[i]:
            continue
        word = token.norm
        start = _start_without_conjunction(text, token)
        if _lexicon_word(word, VERB_CUES):
            cues.append(_Cue(i, i + 1, "verb", text[start:token.end]))
        elif _lexicon_word(word, PARTICIPLE_CUES):
            cues.append(_Cue(i, i + 1, "participle", text[start:token.end]))
        elif _lexicon_word(word, NOUN_CUES):
            cues.append(_Cue(i, i + 1, "noun", text[start:token.end]))
        elif _lexicon_word(word, ATTRIBUTION_CUES):
            end = i + 1
            if end < len(tokens) and tokens[end].norm in ("ل", "عن", "ما"):
                end += 1  # «وفقا لـ», «نقلا عن»
            cues.append(_Cue(i, end, "attribution", text[start:tokens[end - 1].end]))
        elif (
            _lexicon_word(word, STATEMENT_PLACE_VERBS) and i + 2 < len(tokens) and tokens[i + 1].norm == "في"
            and _head_in(tokens[i + 2].norm, STATEMENT_HEADS)
        ):
            cues.append(_Cue(i, i + 2, "verb", text[start:tokens[i + 1].end]))
    return cues


# --- the document ---------------------------------------------------------------------------------

@dataclass(slots=True)
class _Document:
    text: str
    tokens: list[_Token]
    quoted: list[bool]
    sentence_starts: list[int]
    mentions: list[_Mention]
    cues: list[_Cue]
    doc_date: dt.date | None
    mention_ends: list[int] = field(default_factory=list)
    cue_positions: list[int] = field(default_factory=list)
    events: list[tuple[int, _Cue]] = field(default_factory=list)  # (offset, cue) with a subject

    def sentence_start(self, offset: int) -> int:
        return self.sentence_starts[bisect.bisect_right(self.sentence_starts, offset) - 1]

    def sentence_first_token(self, i: int) -> int:
        return _first_token_from(self.tokens, self.sentence_start(self.tokens[i].start))

    def sentence_end_token(self, i: int) -> int:
        k = bisect.bisect_right(self.sentence_starts, self.tokens[i].start)
        end = self.sentence_starts[k] if k < len(self.sentence_starts) else len(self.text)
        return _first_token_from(self.tokens, end)


def _sentence_starts(text: str, quotes: list[tuple[int, int]]) -> list[int]:
    """Offsets where sentences start, ignoring full stops inside quotations."""
    starts = [0]
    k = 0
    for m in _SENTENCE_END.finditer(text):
        while k < len(quotes) and quotes[k][1] < m.start():
            k += 1
        if k < len(quotes) and quotes[k][0] <= m.start() < quotes[k][1]:
            continue
        starts.append(m.end())
    return starts


def _quoted_flags(tokens: list[_Token], quotes: list[tuple[int, int]]) -> list[bool]:
    flags: list[bool] = []
    k = 0
    for token in tokens:
        while k < len(quotes) and quotes[k][1] <= token.start:
            k += 1
        flags.append(k < len(quotes) and quotes[k][0] <= token.start < quotes[k][1])
    return flags


def _build_document(text: str, aliases: _AliasIndex, quotes: list[tuple[int, int]]) -> _Document:
    tokens = _tokenise(text)
    quoted = _quoted_flags(tokens, quotes)
    doc = _Document(
        text=text, tokens=tokens, quoted=quoted, sentence_starts=_sentence_starts(text, quotes),
        mentions=_MentionFinder(text, tokens, aliases, quoted).all(), cues=_find_cues(text, tokens, quoted),
        doc_date=_document_date(text),
    )
    doc.mention_ends = [m.last for m in doc.mentions]
    doc.cue_positions = [c.index for c in doc.cues]
    _attribute_cues(doc)
    return doc


def _mention_starting_at(doc: _Document, i: int) -> _Mention | None:
    k = bisect.bisect_right(doc.mention_ends, i)
    if k < len(doc.mentions) and doc.mentions[k].phrase_first <= i <= doc.mentions[k].first:
        return doc.mentions[k]
    return None


def _subject_after(doc: _Document, cue: _Cue, limit: int) -> _Mention | None:
    """The subject written right after a cue (verb-first order), through agency chains to the speaker."""
    j = cue.end
    while j < limit and (doc.tokens[j].norm in SKIPPABLE_BEFORE_SUBJECT or doc.tokens[j].norm.isdigit()
                         or _strip_article(doc.tokens[j].norm) in _MONTHS):
        j += 1
    if j >= limit or doc.quoted[j]:
        return None
    gap = doc.text[doc.tokens[cue.end - 1].end:doc.tokens[j].start]
    if ":" in gap or any(ch in QUOTE_CHARS for ch in gap) or _SENTENCE_END.search(gap):
        return None
    if doc.tokens[j].norm == "عن" and _lexicon_word(doc.tokens[cue.index].norm, TRANSMIT_VERBS):
        j += 1  # passive «ونقل عن لافروف»
    mention = _mention_starting_at(doc, j)
    if mention is None:
        return _bare_name(doc, j, limit) if cue.kind in ("verb", "attribution") else None
    if mention.kind == "agency":
        return _source_behind_agency(doc, mention.last, limit)
    return mention if mention.resolved() is not None else None


def _bare_name(doc: _Document, j: int, limit: int) -> _Mention | None:
    """An unknown name with no title after a verb («وشدد بوريل على أن»); a stop word must end it."""
    last = j
    while last < limit and last - j < 3 and not doc.quoted[last] and _is_name_word(doc.tokens[last]):
        if last > j and not _soft_gap(doc.text, doc.tokens[last - 1], doc.tokens[last]):
            break
        last += 1
    if last == j or last >= len(doc.tokens):
        return None
    gap = doc.text[doc.tokens[last - 1].end:doc.tokens[last].start]
    follower = doc.tokens[last].norm
    if not (_HARD_GAP.search(gap) or follower in COMPLEMENTIZERS or follower in NAME_FOLLOWERS):
        return None
    start = _start_without_conjunction(doc.text, doc.tokens[j])
    return _Mention(j, last, j, doc.text[start:doc.tokens[last - 1].end], None, "person")


def _source_behind_agency(doc: _Document, j: int, limit: int) -> _Mention | None:
    """«نقلت وكالة رويترز عن المسؤول»: the first mention introduced by عن before ``limit``."""
    k = bisect.bisect_right(doc.mention_ends, j)
    while k < len(doc.mentions) and doc.mentions[k].first < limit:
        mention = doc.mentions[k]
        if mention.role == "source" and mention.kind != "agency" and mention.resolved() is not None:
            return mention
        k += 1
    return None


def _subject_before(doc: _Document, sentence_first: int, index: int) -> _Mention | None:
    """The nearest mention before token ``index`` in its sentence that can be a subject.

    A mention inside what an earlier cue reports («أعلن البيت الأبيض أن بايدن دعا ... وأكد أن») gives
    way to that cue's subject: the reporter is the source of the words that follow.
    """
    k = bisect.bisect_right(doc.mention_ends, index) - 1
    while k >= 0 and doc.mentions[k].phrase_first >= sentence_first:
        mention = doc.mentions[k]
        if _can_speak(mention):
            return _outer_reporter(doc, sentence_first, mention) or mention
        k -= 1
    return None


def _can_speak(mention: _Mention) -> bool:
    return mention.role in ("subject", "source") and mention.kind != "agency" and mention.resolved() is not None


def _outer_reporter(doc: _Document, sentence_first: int, mention: _Mention) -> _Mention | None:
    """The subject of the first cue of the sentence whose «أن/إن» or colon comes before ``mention``."""
    k = bisect.bisect_left(doc.cue_positions, sentence_first)
    while k < len(doc.cues) and doc.cues[k].index < mention.phrase_first:
        cue = doc.cues[k]
        reported = _introduces_speech(doc, cue.end, mention.phrase_first)
        if reported and cue.explicit and cue.subject is not None and cue.subject is not mention:
            return cue.subject
        k += 1
    return None


def _introduces_speech(doc: _Document, first: int, last: int) -> bool:
    """Whether a complementizer (أن، إن، بأن) or a colon lies between token indices ``first`` and ``last``."""
    for j in range(first, min(last, len(doc.tokens))):
        if doc.tokens[j].norm in COMPLEMENTIZERS or ":" in doc.text[doc.tokens[j - 1].end:doc.tokens[j].start]:
            return True
    return last < len(doc.tokens) and ":" in doc.text[doc.tokens[last - 1].end:doc.tokens[last].start]


def _previous_cue_in_sentence(doc: _Document, index: int, sentence_first: int) -> _Cue | None:
    k = bisect.bisect_left(doc.cue_positions, index) - 1
    while k >= 0 and doc.cues[k].index >= sentence_first:
        if doc.cues[k].kind != "attribution" and doc.cues[k].subject is not None:
            return doc.cues[k]
        k -= 1
    return None


def _attribute_cues(doc: _Document) -> None:
    """Give every cue a subject, in text order, so that cues without one continue the last speaker.

    Order of preference: the subject after the verb; for a participle (مشيرا، مضيفا) the subject of the
    verb it accompanies; the nearest non-object mention before the cue in its sentence; the subject of
    an earlier cue in the sentence; the last speaker.
    """
    last: _Cue | None = None
    for cue in doc.cues:
        sentence_first = doc.sentence_first_token(cue.index)
        limit = doc.sentence_end_token(cue.index)
        cue.date = _statement_date(doc, sentence_first, cue)
        if cue.kind == "attribution":
            cue.subject = _subject_after(doc, cue, limit)
            cue.explicit = cue.subject is not None
        else:
            _give_subject(doc, cue, sentence_first, limit, last)
        if cue.subject is not None:
            last = cue
            doc.events.append((doc.tokens[cue.index].start, cue))


def _give_subject(doc: _Document, cue: _Cue, sentence_first: int, limit: int, last: _Cue | None) -> None:
    subject = _subject_after(doc, cue, limit) if cue.kind in ("verb", "noun") else None
    if subject is None and cue.kind == "participle":
        previous = _previous_cue_in_sentence(doc, cue.index, sentence_first)
        subject = previous.subject if previous else None
    if subject is None:
        subject = _subject_before(doc, sentence_first, cue.index)
    if subject is None:
        previous = _previous_cue_in_sentence(doc, cue.index, sentence_first)
        subject = previous.subject if previous else None
    cue.explicit = subject is not None
    if subject is None and last is not None:
        subject = last.subject
        cue.date = cue.date or last.date
    cue.subject = subject


# --- dates ----------------------------------------------------------------------------------------

def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _explicit_date(norm: str, reference: dt.date | None) -> dt.date | None:
    """The first date written out in normalised text; a missing year comes from ``reference``."""
    m = _DATE_WORDS.search(norm)
    if m:
        day, month = int(m.group(1)), _MONTHS[m.group(2)]
        if m.group(3):
            return _safe_date(int(m.group(3)), month, day)
        if reference:
            return _safe_date(reference.year - (1 if month > reference.month + 1 else 0), month, day)
        return None
    m = _DATE_YMD.search(norm)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DATE_DMY.search(norm)
    if m:
        return _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None


def _document_date(text: str) -> dt.date | None:
    """The first full date in the article's opening lines: its publication date in most layouts."""
    return _explicit_date(normalise(text[:600]), None)


def _statement_date(doc: _Document, sentence_first: int, cue: _Cue) -> str | None:
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
    found = _explicit_date(region, doc.doc_date)
    if found is None and doc.doc_date is not None:
        found = _relative_date(region, doc.doc_date)
    return found.isoformat() if found else None


def _relative_date(region: str, reference: dt.date) -> dt.date | None:
    """A weekday (the last one on or before ``reference``), «أمس» or «اليوم» in normalised text."""
    for m in _RELATIVE_DAY.finditer(region):
        before = region[:m.start()].split()
        if before and before[-1] in RANGE_WORDS:
            continue  # «من الثلاثاء إلى الخميس» dates a visit, not the statement
        word = m.group()
        if word in WEEKDAYS:
            return reference - dt.timedelta(days=(reference.weekday() - WEEKDAYS[word]) % 7)
        if word == "امس":
            return reference - dt.timedelta(days=1)
        following = region[m.end():].split()[:1]
        if not (following and following[0] in WEEKDAYS):  # «اليوم الجمعة»: the weekday decides
            return reference
    return None


# --- quotations that are not quotes ---------------------------------------------------------------

def _is_quote(text: str, span: tuple[int, int], aliases: _AliasIndex) -> bool:
    """False for scare quotes, quoted names of bodies or media, and quoted actor names."""
    start, end = span
    words = _tokenise(text, start, end)
    if not words:
        return False
    before = text[max(0, start - 4):start].rstrip(QUOTE_CHARS + " ")
    length = len(text[start:end].split())
    if length <= 2 and not before.endswith(":"):
        return False
    found = aliases.match(text, words, 0)
    if found and found.end == len(words):
        return False
    if length <= 6 and _is_heading(text, span):
        return False
    if length <= 6:
        previous = _tokenise(text, max(0, start - 40), start)
        if previous and _head_in(previous[-1].norm, NAME_OF_HEADS):
            return False
    return True


def _is_heading(text: str, span: tuple[int, int]) -> bool:
    """A short quoted line standing alone as a paragraph without a full stop: a subheading."""
    padding = " \t" + QUOTE_CHARS
    k = span[0] - 1
    while k >= 0 and text[k] in padding:
        k -= 1
    m = span[1]
    while m < len(text) and text[m] in padding:
        m += 1
    alone = (k < 0 or text[k] == "\n") and (m >= len(text) or text[m] == "\n")
    return alone and not _SENTENCE_END.search(text[span[0]:span[1]] + " ")


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans not nested in another: the outer quotation already carries the inner one's words."""
    out: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if out and span[0] < out[-1][1]:
            continue
        out.append(span)
    return out


# --- attribution of quotations --------------------------------------------------------------------

@dataclass(slots=True)
class _Attribution:
    speaker: _Mention | None
    cue: str | None
    date: str | None
    how: str  # cue | trailing | continued | nearby | none


def _opening_mark(text: str, start: int) -> int:
    """Offset of the opening mark before a span, or the span start when the mark is missing."""
    k = start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k if k >= 0 and text[k] in QUOTE_CHARS else start


def _closing_mark_end(text: str, end: int) -> int | None:
    k = end
    while k < len(text) and text[k] in " \t":
        k += 1
    return k + 1 if k < len(text) and text[k] in QUOTE_CHARS else None


def _governing_cue(doc: _Document, first: int, mark: int, low: int) -> _Cue | None:
    """The nearest cue before the quotation in its context; attributions to agencies do not count."""
    k = bisect.bisect_left(doc.cue_positions, first) - 1
    while k >= 0 and doc.cues[k].index >= low:
        cue = doc.cues[k]
        if doc.tokens[cue.index].end <= mark and (cue.kind != "attribution" or cue.subject is not None):
            return cue
        k -= 1
    return None


def _trailing_cue(doc: _Document, span: tuple[int, int]) -> _Cue | None:
    """«"..."، قال لافروف» or «"..."، بحسب البيان»: a cue with its own subject right after the mark."""
    after = _closing_mark_end(doc.text, span[1])
    if after is None:
        return None
    j = _first_token_from(doc.tokens, after)
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
        if _subject_after(doc, cue, limit) is not None:
            return cue
    return None


def _ends_with_colon(text: str, offset: int) -> bool:
    k = offset - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return k >= 0 and text[k] == ":"


def _last_event_before(doc: _Document, offset: int) -> _Cue | None:
    k = bisect.bisect_left(doc.events, offset, key=lambda e: e[0]) - 1
    return doc.events[k][1] if k >= 0 else None


def _attribute(doc: _Document, span: tuple[int, int], context_start: int) -> _Attribution:
    text = doc.text
    mark = _opening_mark(text, span[0])
    first = _first_token_from(doc.tokens, span[0])
    cue = _governing_cue(doc, first, mark, _first_token_from(doc.tokens, context_start))
    if cue is None and not text[context_start:mark].strip() and _ends_with_colon(text, context_start):
        # «وقال شكري:» on a line of its own introduces the paragraph that follows.
        previous_start = doc.sentence_start(max(0, context_start - 1))
        cue = _governing_cue(doc, first, mark, _first_token_from(doc.tokens, previous_start))
    trailing = _trailing_cue(doc, span)
    if trailing is not None and (cue is None or not cue.explicit):
        return _Attribution(trailing.subject, trailing.surface, trailing.date, "trailing")
    if cue is not None:
        later = _later_clause_subject(doc, cue, first)
        if later is not None:
            return _Attribution(later, None, cue.date, "nearby")
        return _Attribution(cue.subject, cue.surface, cue.date, "cue" if cue.explicit else "continued")
    if not text[context_start:mark].strip(" \t،,.:-–و"):
        # A quotation opening its sentence carries on the statement reported just before it.
        previous = _last_event_before(doc, mark)
        if previous is not None:
            return _Attribution(previous.subject, None, previous.date, "continued")
        return _Attribution(None, None, None, "none")
    nearby = _subject_before(doc, doc.sentence_first_token(first) if first < len(doc.tokens) else 0, first)
    return _Attribution(nearby, None, None, "nearby" if nearby else "none")


def _later_clause_subject(doc: _Document, cue: _Cue, first: int) -> _Mention | None:
    """A subject between a cue and a quotation the cue does not introduce.

    In «أعلن الحلف توجيه دعوة، وهي الدعوة التي رفضتها روسيا، وتضع لها شروطاً تتمثل في "..."» nothing
    links أعلن to the quotation (no أن، إن or colon), so the subject of the nearer clause is the source.
    """
    if _introduces_speech(doc, cue.end, first):
        return None
    own = _subject_after(doc, cue, first)
    k = bisect.bisect_right(doc.mention_ends, first) - 1
    while k >= 0 and doc.mentions[k].phrase_first >= cue.end:
        mention = doc.mentions[k]
        if mention is not own and _can_speak(mention) and (own is None or mention.phrase_first >= own.last):
            return mention
        k -= 1
    return None


def _confidence(words: int, balanced: bool, attribution: _Attribution) -> float:
    score = 0.35 + {"cue": 0.25, "trailing": 0.25, "continued": 0.15, "nearby": 0.05}.get(attribution.how, 0.0)
    speaker = attribution.speaker.resolved() if attribution.speaker else None
    if speaker is not None:
        score += 0.2 if speaker.actor else 0.1
    score += 0.15 if balanced else 0.0
    score -= 0.15 if words < 4 else 0.0
    return round(min(1.0, max(0.0, score)), 2)


def extract_quotes(text: str, source: str, actors: Mapping[str, Iterable[str]]) -> list[Candidate]:
    """Direct quotations of ``text`` with their probable speaker, ordered by start offset.

    ``actors`` maps an actor id to all its names and aliases; a speaker whose name contains one of them
    (longest match after Arabic normalisation, joined clitics allowed) gets that id.
    """
    aliases = _AliasIndex(actors)
    quotes = _outermost([s for s in find_quotation_spans(text) if _is_quote(text, s, aliases)])
    doc = _build_document(text, aliases, quotes)
    candidates: list[Candidate] = []
    previous_end = 0
    for span in quotes:
        context_start = max(doc.sentence_start(span[0]), previous_end)
        attribution = _attribute(doc, span, context_start)
        speaker = attribution.speaker.resolved() if attribution.speaker else None
        balanced = _opening_mark(text, span[0]) != span[0] and _closing_mark_end(text, span[1]) is not None
        candidates.append(Candidate(
            text=text[span[0]:span[1]],
            source=source,
            start=span[0],
            end=span[1],
            speaker=speaker.actor if speaker else None,
            speaker_name=speaker.name if speaker else None,
            cue=attribution.cue,
            date=attribution.date,
            confidence=_confidence(len(_tokenise(text, *span)), balanced, attribution),
        ))
        previous_end = _closing_mark_end(text, span[1]) or span[1]
    return candidates


# --- output ---------------------------------------------------------------------------------------

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def candidates_to_yaml(cands: list[Candidate]) -> str:
    """A YAML list with one mapping per candidate, keys in field order, Arabic written as is."""
    return yaml.dump(
        [asdict(c) for c in cands], Dumper=_DUMPER, allow_unicode=True, sort_keys=False,
        default_flow_style=False, width=1_000_000,
    )
