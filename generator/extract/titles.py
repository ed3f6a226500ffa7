"""Title chains before a name: «رئيس الوفد الإثيوبي إلى المفاوضات سيليشي تاديلي» → the man, not «رئيس».

Arabic news writes a person's office before the name as a chain of construct nouns, bodies, nisba
adjectives and prepositional phrases; the name is what the chain ends in.  A small lexicon of office
words tells the chain from the name: a word that is not in it, carries no article, no tanween and no
joined preposition is most likely a name, often a transliterated foreign one (Arabic words the lexicon
lacks are the cost of keeping it small; a full morphological lexicon was not worth its weight here).
"""

from __future__ import annotations

from dataclasses import dataclass

from .dates import MONTH_NUMBERS
from .lexicon import (
    ALL_CUES,
    ALL_HEADS,
    COMPLEMENTIZERS,
    COUNTRY_NAMES,
    GIVEN_NAME_TITLES,
    NAME_OF_HEADS,
    NAME_STOPS,
    PLACE_COMPOUNDS,
    RANK_ADJECTIVES,
    SPEECH_OPENERS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    WEEKDAYS,
    head_key,
    key_set,
    norm_set,
    strip_article,
)
from .tokens import HARD_GAP, QUOTE_CHARS, TANWEEN, Token, article_like, lexicon_word, never_in_name, soft_gap
from .words import looks_like_present_verb

OFFICE_NOUNS = key_set(
    "بعثة وفد منتخب نادي فريق اتحاد جامعة صندوق بنك مصرف هيئة لجنة سلطة مكتب دائرة قسم إدارة مجلس محكمة "
    "مؤسسة جهاز شركة مركز معهد منظمة جمعية برنامج مفوضية حكومة وزارة رئاسة قوات جيش حزب حركة مجموعة قطاع "
    "غرفة نقابة رابطة أكاديمية كلية مستشفى مشروع كرة قدم سلة يد ألعاب قوى منتخبات أندية شؤون دراسات أبحاث "
    "بحوث علاقات تجارة صناعة طاقة مالية اقتصاد تنمية تخطيط استثمار إعلام اتصال اتصالات ملف مفاوضات محادثات "
    "إدارييها إدارييه تنفيذي تنفيذيين تنفيذيها بلدية ولاية محافظة إقليم منطقة عاصمة دولة جمهورية مملكة إمارة "
    "وحدة فرع قيادة أركان أمانة سكرتارية مجلسها مجلسه"
)
"""Nouns that continue an office rather than start a name (keys as produced by ``head_key``)."""

CHAIN_ENDS = frozenset({"في", "خلال", "عقب", "اثر", "إثر", "لدى", "عند", "امام", "أمام", "مع", "عبر", "على", "الى",
                        "إلى", "عن", "بعد", "قبل", "الذي", "التي", "من"})
"""Words that end a name once one has been read (before it they may belong to the office: «في النيجر»)."""
TOPIC_PREPOSITIONS = frozenset({"عن", "حول", "بشأن", "ضد", "مع", "على"})
"""Prepositions whose object is a topic or a partner, never the name of the office holder before them
(unlike «في/إلى/لدى» + a place, after which the name may follow: «في ناريا كارلا مونتيس»)."""
OCCASION_WORDS = frozenset({"خلال", "عقب", "اثر", "إثر", "أثناء", "اثناء", "عند", "بعد", "قبل", "عبر"})
"""Words that open the occasion of a statement and so end an office even before any name."""
OCCASION_NOUNS = norm_set(
    "تصريح تصريحات تصريحه تصريحاته مقابلة حديث حوار كلمة كلمته لقاء مؤتمر بيان منشور تغريدة معرض سياق إطار"
)
"""Nouns of an occasion of speech after «في»: «قال مدرب منتخب قطر في تصريحات صحفية إن …»."""


@dataclass(frozen=True)
class TitledName:
    """A title chain and the name it ends in, as token ranges."""

    title_first: int
    name_first: int
    name_last: int


def _office_word(word: str) -> bool:
    """Whether a normalised word belongs to the vocabulary of offices, bodies and their adjectives."""
    key = head_key(word)
    return (key in OFFICE_NOUNS or key in TITLE_MODIFIERS or key in ALL_HEADS or key in NAME_OF_HEADS
            or word in RANK_ADJECTIVES)


DEMONSTRATIVES = frozenset(conj + prep + word for word in norm_set("هذا هذه ذلك تلك هؤلاء أولئك هذين هاتين ذاك")
                           for conj in ("", "و", "ف") for prep in ("", "ب", "ل", "ك"))
"""Demonstratives, alone or with a joined conjunction and preposition («بهذه»): spelt out once here
rather than taken apart for every word read as a possible name."""
TALK_NOUNS = norm_set("حديث كلام رد تعليق حوار")
"""Nouns of talk that take «ه» as the object of a reporting verb («حديثه», «كلامه»); no name ends so."""


def _plain_name_word(token: Token) -> bool:
    """A word that can stand in a name: no tanween, no digit, not a known function or office word."""
    word = token.norm
    if len(word) < 2 or word.isdigit() or TANWEEN.search(token.surface) or never_in_name(token):
        return False
    if word == "علي" and not token.surface.endswith("ى"):
        return True  # the name «علي», which folding spells like the preposition «على»
    if (word in NAME_STOPS or word in COMPLEMENTIZERS or lexicon_word(word, ALL_CUES) or word in WEEKDAYS
            or lexicon_word(word, SPEECH_OPENERS)):
        return False
    if strip_article(word) in MONTH_NUMBERS or _office_word(word) or word in COUNTRY_NAMES:
        return False
    if word in DEMONSTRATIVES:
        return False  # «أدلى المتحدث بهذه التصريحات»
    if word[0] in "وفلب" and len(word) > 3:
        rest = word[1:]
        # «وكبير», «والزراعة», «لوكالة», «للأبحاث»: a joined conjunction or preposition before a known
        # or definite word; «وليد», «لاروموف» stay names.
        if word[0] == "ب":
            if _office_word(rest.removeprefix("ال")):
                return False  # «باتحاد الكرة», «بالوزارة»; «بالاشيه» stays a name
        elif rest.startswith("ال") or (rest.startswith("ل") and word[0] == "ل") or _office_word(rest):
            return False
    if len(word) >= 5 and word.endswith(("ها", "هم", "هما", "كم", "ته")):
        return False  # a noun with a possessive pronoun («انسحابها»), never a name
    if word.endswith("ه") and lexicon_word(word[:-1], TALK_NOUNS):
        return False  # «وتابع مدرب الاتحاد حديثه قائلا»: the object after the subject, not a name
    if word[0] == "ل" and word[1:2] in ("ت", "ي", "ن") and len(word) > 4 and not (
            word.endswith("ا") and not word.endswith("وا")):
        return False  # «لتولي», «ليتمكن»: a verb of purpose («ليندا», «لينا» end as no such verb does)
    return True


def plain_name_word(token: Token) -> bool:
    """Whether a token can be a word of a personal name (see ``_plain_name_word``)."""
    return _plain_name_word(token)


FOLDED_GIVEN_NAMES = norm_set("آنا هنا إيمان أمل نور هدى")
"""Given names that fold to function words («آنا» = «أنا», «هنا» = here, «أمل» = hoped)."""


def folded_given_name(text: str, tokens: list[Token], k: int) -> bool:
    """«الممثلة هنا الزاهد», «المحققة آنا بيرغ»: such a word is a given name when a name word (a family
    name, with or without the article) follows it joined."""
    return k + 1 < len(tokens) and soft_gap(text, tokens[k], tokens[k + 1]) and _folded_before_name(tokens, k)


def _folded_before_name(tokens: list[Token], k: int) -> bool:
    if tokens[k].norm not in FOLDED_GIVEN_NAMES or k + 1 >= len(tokens):
        return False
    after = tokens[k + 1]
    return after.norm not in FOLDED_GIVEN_NAMES and _plain_name_word(after) and not (
        article_like(after) and is_definite_office(after.norm))


def is_definite_office(word: str) -> bool:
    return _office_word(strip_article(word)) or _office_word(word)


def _quoted_name_end(text: str, tokens: list[Token], quoted: list[bool], k: int) -> int | None:
    """Index after a personal name of one to four words written in quotation marks from token ``k``,
    after a nisba or the country of the office («البرتغالي ” كارلوس كيروش”», «المبعوث الأممي إلى اليمن
    "إسماعيل ولد الشيخ أحمد"»); None for a quoted body."""
    if not (is_nisba_word(tokens[k - 1].norm) or tokens[k - 1].norm in COUNTRY_NAMES):
        return None
    m = k
    while m < len(tokens) and m - k < 4 and not quoted[m] and _plain_name_word(tokens[m]) and not (
            m == k and article_like(tokens[m])):
        m += 1
        if m < len(tokens) and any(c in QUOTE_CHARS for c in text[tokens[m - 1].end:tokens[m].start]):
            return m
    return None


def is_nisba_word(word: str) -> bool:
    core = strip_article(word)
    return word.startswith("ال") and len(core) >= 4 and core.endswith("ي")


TOPIC_AFTER_MASDAR = frozenset({"الي", "علي", "عن"})  # إلى, على, عن as normalised


def opens_topic_phrase(tokens: list[Token], k: int) -> bool:
    """«بالتطرق إلى», «بالحديث عن»: a definite verbal noun governed by بـ, then a preposition — how the
    subject went on, never a name («أنطونيا بالاريه عن سعادته» stays one: no verbal noun's shape)."""
    word = tokens[k].norm
    rest = word[3:] if word.startswith("بال") else ""
    masdar = rest == "حديث" or (rest[:1] == "ت" and len(rest) >= 4) or (rest[:1] == "ا" and len(rest) >= 5)
    return masdar and k + 1 < len(tokens) and tokens[k + 1].norm in TOPIC_AFTER_MASDAR


def name_after_office(text: str, tokens: list[Token], quoted: list[bool], i: int) -> TitledName | None:
    """The name a title chain starting at token ``i`` ends in, or None when the chain names nobody.

    Reads up to a hard boundary (punctuation, a quotation, «أن», a reporting verb); the name is the last
    run of name words in that stretch, a definite word joining it only after a given name («نادية
    الفاسي», «عبد اللطيف الجوابري»).  Once a name has been read, a preposition, date word or a joined
    «لـ» before a medium («لوكالة») ends the stretch.
    """
    runs: list[tuple[int, int]] = []
    run_first: int | None = None
    quoted_body = False
    k = i + 1
    # A name has been read: what follows a preposition is the occasion («للصحفيين على هامش الاجتماع»).
    while k < len(tokens) and k - i <= 14 and not quoted[k]:
        gap = text[tokens[k - 1].end:tokens[k].start]
        if any(c in QUOTE_CHARS for c in gap):
            quoted_end = None if quoted_body else _quoted_name_end(text, tokens, quoted, k)
            if quoted_end is not None:
                return TitledName(i, k, quoted_end)  # «مدرب منتخب مصر البرتغالي ” كارلوس كيروش”»
            # A body's name may stand quoted after an office noun: «وكيلة "الصحة العامة" …».
            if not (quoted_body or _office_word(tokens[k - 1].norm)):
                break
            quoted_body = not quoted_body
        if gap.strip() == "(" and run_first is None and not runs:
            close = _gloss_end(text, tokens, quoted, k)
            if close is not None:
                k = close  # «متحدث الرئاسة الروسية (الكرملين) دميتري بيسكوف»: a gloss inside the office
                continue
        if HARD_GAP.search(gap) and not (gap.strip() == ")" and k - 1 > i and _closes_gloss(text, tokens, k)):
            if not runs and run_first is None and gap.strip().strip(QUOTE_CHARS).strip() in ("،", ","):
                # (also after a quoted body: «الأمين العام لحلف شمال الأطلسي "الناتو"، ينس ستولتنبرغ»)
                return _name_in_commas(text, tokens, quoted, i, k)  # «أمين سر النقابة، عادل حمدي، إن …»
            break
        token = tokens[k]
        word = token.norm
        if word in OCCASION_WORDS or (word == "في" and k + 1 < len(tokens)
                                      and strip_article(tokens[k + 1].norm) in OCCASION_NOUNS):
            break  # «وقال الوزير خلال مشاركته …», «… في تصريحات صحفية»: the occasion, never part of an office
        if word in COMPLEMENTIZERS or lexicon_word(word, ALL_CUES) or TANWEEN.search(token.surface):
            break  # tanween marks an adverbial («ردًا على …»): the office has ended
        # A definite word joins a name only after a given name: «عبد اللطيف», «نادية الفاسي».
        is_name = ((_plain_name_word(token) and (not article_like(token) or run_first is not None)
                    and not opens_topic_phrase(tokens, k)
                    and not (run_first is None and coordinated_office_word(text, tokens, k)))
                   or (run_first is None and _given_name_title(text, tokens, i, k))
                   or (run_first is None and folded_given_name(text, tokens, k)))
        is_name = is_name or (run_first is not None and title_word_ends_name(text, tokens, k))
        if is_name and run_first is not None and not runs and object_after_name(text, tokens, run_first, k):
            # «أكد الوزير خالد رامي ارتفاع عدد السائحين»: the object
            runs.append((run_first, _object_end(tokens, run_first, k)))
            run_first = None
            break
        if (is_name and run_first is None and not runs and article_like(tokens[k - 1])
                and _verbal_noun_object(tokens, k)):
            break  # «واعتبر وزير الصناعة تشغيل المصنع خطوة …»: the office names nobody; its object follows
        if is_name and run_first is None and not runs and tokens[k - 1].norm in TOPIC_PREPOSITIONS:
            break  # «واستمر مدرب الفريق في الحديث عن تفاصيل المباراة»: the topic of the occasion, no name
        if is_name and (run_first is None or k - run_first < 5):
            if run_first is None:
                run_first = k
            k += 1
            continue
        if run_first is not None:
            first_run = not runs
            runs.append((run_first, k))
            if k - run_first >= 2 and head_key(word) in TITLE_HEADS and not _definite(word):
                break  # «المستشار ميشيل سليم دفاع الراهب …»: a second office describes the one just named
            if (first_run and k - run_first >= 2 and article_like(token) and not _office_word(word)
                    and not is_family_nisba(word) and word not in NAME_STOPS and word not in WEEKDAYS
                    and _sentence_goes_on(text, tokens, k)):
                runs[-1] = (run_first, _object_end(tokens, run_first, k))
                run_first = None
                break  # «يوهان برامر قرار الحكم بشدة»: a definite noun after a full name opens the object
            run_first = None
            if word[0] == "ل" and _office_word(word[1:]):
                break
        if runs and (word in CHAIN_ENDS or word in NAME_STOPS):
            break
        k += 1
    if run_first is not None:
        runs.append((run_first, k))
    if not runs:
        return None
    first, last = runs[-1]
    if plural_object(tokens, first, last):
        return None
    before = tokens[first - 1].norm
    governed = not _definite(before) and (
        (first - 1 == i and head_key(before) not in HONORIFIC_KEYS)
        or (first - 1 > i and _office_word(before) and head_key(before) not in TITLE_HEADS))
    if last - first == 1 and governed and first - 1 > i:
        return None  # «قائد منتخب مصر»: the one word an office noun governs is a place, not a name
    if last - first >= 3 and before in ("في", "الى", "إلى", "لدى"):
        governed = True  # «رئيسة فريق البنك في ناريا كارلا مونتيس»: the place a preposition governs
    if last - first >= 2 and governed:
        # «إلى محادثات جنيف كينجي موري», «رئيس وزراء بريطانيا بوريس هادسون», «مدرب ريال مدريد كارلو
        # مارتيلي»: an indefinite office noun governs a place or a body (one word, or a compound the
        # gazetteer knows, with its adjectives), and the name starts after it.
        k = first + compound_length(tokens, first)
        while k < last - 1 and article_like(tokens[k]):
            k += 1  # «كوريا الجنوبية»
        if k < last:
            first = k
    return TitledName(i, first, last)


def _gloss_end(text: str, tokens: list[Token], quoted: list[bool], k: int) -> int | None:
    """Index of the word after a parenthesised gloss of up to four words opening at token ``k``."""
    for m in range(k + 1, min(len(tokens), k + 5)):
        gap = text[tokens[m - 1].end:tokens[m].start]
        if quoted[m - 1] or (HARD_GAP.search(gap) and gap.strip() != ")"):
            return None
        if gap.strip() == ")":
            return m
    return None


def _closes_gloss(text: str, tokens: list[Token], k: int) -> bool:
    """Whether the «)» before token ``k`` closes a gloss opened a few words before."""
    for m in range(k - 1, max(0, k - 5), -1):
        gap = text[tokens[m - 1].end:tokens[m].start].strip()
        if gap == "(":
            return True
        if gap:
            return False
    return False


FAMILY_COMPOUNDS = frozenset({"الدين", "الله", "الرحمن", "الاسلام", "الإسلام"})
"""Second words of compound given names («سعد الدين»): definite, yet part of the name."""


def _object_end(tokens: list[Token], first: int, k: int) -> int:
    """Where a name read from ``first`` ends when the verb's object starts at ``k``: before the indefinite
    noun a definite one is governed by («ماتياس رايسله نتيجة المباراة»), if two name words remain."""
    if article_like(tokens[k]) and k - 1 - first >= 2 and not article_like(tokens[k - 1]):
        return k - 1
    return k


def verbal_noun_shape(word: str) -> bool:
    """The verbal-noun patterns افتعال / انفعال / استفعال / تفاعل («ارتفاع», «انخفاض», «استمرار», «تراجع»):
    written right after a name they open the object of the verb, not a further part of the name."""
    return ((len(word) == 6 and word[0] == "ا" and word[4] == "ا" and (word[2] == "ت" or word[1] == "ن"))
            or (len(word) == 7 and word.startswith("است") and word[5] == "ا")
            or (len(word) == 5 and word[0] == "ت" and word[2] == "ا"))


def _verbal_noun_object(tokens: list[Token], k: int) -> bool:
    """A verbal noun (تفعيل as «تشغيل», or the patterns of ``verbal_noun_shape``) governing a definite noun
    that is no family name: «تشغيل المصنع», «ارتفاع الأسعار» open an object, «تغريد الحسيني» is a name.
    Only after a complete (definite) office: «هيئة تنشيط السياحة» is the name of a body."""
    word = tokens[k].norm
    tafil = len(word) == 5 and word[0] == "ت" and word[3] == "ي"
    if not (tafil or verbal_noun_shape(word)) or k + 1 >= len(tokens):
        return False
    following = tokens[k + 1]
    return article_like(following) and not is_family_nisba(following.norm) and following.norm not in FAMILY_COMPOUNDS


def object_after_name(text: str, tokens: list[Token], first: int, k: int) -> bool:
    """Whether token ``k``, though it could be a name word, starts what follows the name read from ``first``
    (the first run of name words after the office: a later run is read as the chain always was).

    A verbal noun after a name's first word, or a definite word after two name words that is no nisba
    family name (الجوابري), no part of a compound given name (الدين) and no word after «عبد/أبو», when
    the sentence goes on after it («توقع المتحدث محمد الخزاعي الكميات التي …»).
    """
    word = tokens[k].norm
    if k - first >= 1 and verbal_noun_shape(word):
        return True
    if k - first < 2 or not article_like(tokens[k]) or word in FAMILY_COMPOUNDS:
        return False
    if is_family_nisba(word) or tokens[k - 1].norm in ("عبد", "ابو", "أبو", "بن", "ابن", "بو", "آل", "ال"):
        return False
    return _sentence_goes_on(text, tokens, k)


def _sentence_goes_on(text: str, tokens: list[Token], k: int) -> bool:
    """Whether the words after token ``k`` go on with the clause: no punctuation, «أن», reporting word,
    preposition or office follows it (a relative pronoun does go on: «الكميات التي …»)."""
    if k + 1 >= len(tokens) or HARD_GAP.search(text[tokens[k].end:tokens[k + 1].start]):
        return False
    following = tokens[k + 1].norm
    return not (following in COMPLEMENTIZERS or lexicon_word(following, ALL_CUES) or following in CHAIN_ENDS
                or head_key(following) in TITLE_HEADS) or following in ("الذي", "التي")


def _name_in_commas(text: str, tokens: list[Token], quoted: list[bool], i: int, k: int) -> TitledName | None:
    """A name set off by commas right after an office that names nobody: «أمين سر النقابة، عادل حمدي،»,
    also after a rank or honorific («محافظ الواحة، اللواء كريم الحداد،»)."""
    if k + 2 < len(tokens) and (head_key(tokens[k].norm) in HONORIFIC_KEYS or tokens[k].norm in NOBLE_TITLES) and (
            not quoted[k + 1]):
        k += 1
    if tokens[k].norm.removeprefix("و")[:3] in ("بال", "كال") or tokens[k].norm.removeprefix("و")[:2] == "لل":
        return None  # «أهاب المتحدث، بالمجتمع الدولي،»: a preposition and its article begin no name
    end = name_run(tokens, quoted, k, min(len(tokens), k + 4))
    end = next((m for m in range(k + 1, end) if not soft_gap(text, tokens[m - 1], tokens[m])), end)
    if end - k >= 2 and end < len(tokens):
        gap = text[tokens[end - 1].end:tokens[end].start]
        if (gap.strip() in ("،", ",") or tokens[end].norm in COMPLEMENTIZERS
                or lexicon_word(tokens[end].norm, ALL_CUES)):
            return TitledName(i, k, end)
    # «المتحدث باسم الكرملين، ديمتري بيسكوف يعدّ العقوبات …»: a lead written as a nominal sentence, the
    # name followed by his verb in the present («أحمد تامر الخطيب،» ended above, at its comma)
    verb = next((m for m in range(k + 2, end) if _present_verb(tokens[m])), None)
    return TitledName(i, k, verb) if verb is not None else None


def plural_object(tokens: list[Token], first: int, last: int) -> bool:
    """«تلقى المدعي العام للمحكمة تهديدات من …»: one indefinite plural noun after an office is its verb's
    object, not a name («عرفات» alone after an office is rare beside «ياسر عرفات»)."""
    return last - first == 1 and tokens[first].surface.endswith("ات") and not article_like(tokens[first])


def _present_verb(token: Token) -> bool:
    """A present-tense verb («تؤكد»), or one of three letters written with its shadda («يعدّ»)."""
    return looks_like_present_verb(token.norm) or (token.norm[:1] in ("ي", "ت") and "\u0651" in token.surface)


def title_word_ends_name(text: str, tokens: list[Token], k: int) -> bool:
    """An office word that is a family name: after a given name and right before «أن/إن», a reporting
    word or punctuation, where an office would still need its body («قال المدرب فارس نجم إن»)."""
    if head_key(tokens[k].norm) not in TITLE_HEADS or article_like(tokens[k]) or k + 1 >= len(tokens):
        return False
    following = tokens[k + 1].norm
    return (HARD_GAP.search(text[tokens[k].end:tokens[k + 1].start]) is not None or following in COMPLEMENTIZERS
            or lexicon_word(following, ALL_CUES) is not None)


HONORIFIC_KEYS = key_set("دكتور مهندس كابتن لواء")
"""Honorifics written without the article right before a name («دكتور أحمد»): they govern nothing."""
NOBLE_TITLES = norm_set("الأمير الأميرة الشيخ الشيخة")
"""Princely and tribal styles before a name set off by commas: «وزير الخارجية السعودي، الأمير فيصل بن فرحان،»."""


def _definite(word: str) -> bool:
    """A noun with the article, also behind a joined preposition or conjunction (للجامعة، بالوزارة)."""
    return word.startswith(("ال", "لل")) or (word[:1] in "وفبك" and word[1:].startswith("ال"))


def compound_length(tokens: list[Token], k: int) -> int:
    """Words of the place or club name at token ``k``: 2 or 3 for a known compound («ريال مدريد»), else 1."""
    for compound in PLACE_COMPOUNDS:
        n = len(compound)
        if tuple(t.norm for t in tokens[k:k + n]) == compound:
            return n
    return 1


def _given_name_title(text: str, tokens: list[Token], i: int, k: int) -> bool:
    """An office word that is also a given name («أمين», «أمير») starting the name after a complete office:
    «نائب المبعوث الأممي إلى السودان أمين الطاهر».  It follows a definite word or a place and is followed
    by a name word, and what comes after that ends the name."""
    if k <= i + 1 or tokens[k].norm not in GIVEN_NAME_TITLES or k + 1 >= len(tokens):
        return False
    previous, following = tokens[k - 1], tokens[k + 1]
    if not (_definite(previous.norm) or article_like(previous) or previous.norm in NAME_STOPS):
        return False
    if HARD_GAP.search(text[tokens[k].end:following.start]) or not _plain_name_word(following):
        return False
    return k + 2 >= len(tokens) or not _office_word(tokens[k + 2].norm)


SAYYID = frozenset({"السيد", "السيده"})
"""«السيد» is a given name before one name word («السيد الزهيري»), an honorific before a full name."""
TIME_GIVEN_NAMES = frozenset({"صباح", "ضحى", "فجر"})
"""Time words that are also given names."""
WAW_GIVEN_NAMES = frozenset({"وليد", "وائل", "وفاء", "وسام", "وجيه", "وحيد", "وديع", "وهبه", "ولاء", "وداد",
                             "وصفي", "وضاح", "ورده", "وجدي", "وجدان", "وئام", "وسيم", "وفيق", "والي"})
"""Given names whose first letter reads like a joined «و»."""


def coordinated_office_word(text: str, tokens: list[Token], k: int) -> bool:
    """«وزير الزراعة واستصلاح الأراضي»: a word with a joined «و» after the definite end of an office,
    governing the definite word after it, coordinates a second field of the office; it starts no name."""
    word = tokens[k].norm
    if not word.startswith("و") or len(word) < 5 or word in WAW_GIVEN_NAMES or k == 0 or k + 1 >= len(tokens):
        return False
    previous, following = tokens[k - 1], tokens[k + 1]
    return (_definite(previous.norm) and article_like(following)
            and not HARD_GAP.search(text[tokens[k].end:following.start]))


def is_family_nisba(word: str) -> bool:
    return strip_article(word).endswith(("ي", "يه"))


def name_run(tokens: list[Token], quoted: list[bool], first: int, limit: int) -> int:
    """Index after the run of name words from ``first`` (a definite one only after a given name), up to 4."""
    k = first
    if first + 1 < limit and tokens[first].norm in SAYYID and not quoted[first + 1] and _plain_name_word(
            tokens[first + 1]):
        k = first + 1  # «السيد الزهيري»
    elif (first + 1 < limit and tokens[first].norm in TIME_GIVEN_NAMES and not quoted[first + 1]
          and _plain_name_word(tokens[first + 1])
          and (not article_like(tokens[first + 1]) or is_family_nisba(tokens[first + 1].norm))):
        k = first + 1  # «صباح رضا»: a time word before a name word is a given name («صباح الأحد» is not)
    if k == first and first + 1 < limit and not quoted[first + 1] and _folded_before_name(tokens, first):
        k = first + 1  # «وقالت هنا الزاهد»
    longest = 4 + (tokens[first].norm in SAYYID)  # «السيدة ليندا توماس غرينفيلد»: the honorific and a full name
    while k < limit and k - first < longest and not quoted[k] and _plain_name_word(tokens[k]) and (
        k > first or not article_like(tokens[k])
    ) and not opens_topic_phrase(tokens, k):
        k += 1
    return k


def name_run_before(tokens: list[Token], quoted: list[bool], end: int, floor: int) -> int:
    """Index where a run of name words ending just before ``end`` starts (``end`` when there is none)."""
    k = end
    while k > floor and end - k < 4 and not quoted[k - 1] and _plain_name_word(tokens[k - 1]):
        k -= 1
    while k < end and article_like(tokens[k]) and not (tokens[k].norm in SAYYID and end - k == 2):
        k += 1  # a name starts with a given name, not with its article («السيد الزهيري» does)
    return k
