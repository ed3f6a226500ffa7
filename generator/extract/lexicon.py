"""The words of Arabic news reporting: normalisation, reporting verbs, titles, bodies, agencies, stop words.

Every list is written as the press writes it and normalised once at import, so that lookups compare
normalised words only.
"""

from __future__ import annotations

from ..facts.text import fold_letters
from ..site.formatting import WESTERN_DIGITS

# --- normalisation --------------------------------------------------------------------------------

def normalise(text: str) -> str:
    """Spelling used to compare Arabic words: the site's letter folding (no marks, one alif, ه for ة,
    ي for ى; hamza seats kept) and Western digits, so that dates written in any digits read the same."""
    return fold_letters(text, hamza=True).translate(WESTERN_DIGITS)


def strip_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def prefix_variants(word: str) -> list[tuple[str, str]]:
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


def head_key(word: str) -> str:
    """A noun without the article (لل counts as ل + ال) or the feminine ending: للوزيرة → وزير."""
    if word.startswith("لل") and len(word) > 3:
        word = "ا" + word[1:]
    word = strip_article(word)
    return word[:-1] if word.endswith("ه") and len(word) > 3 else word


def head_in(word: str, heads: frozenset[str]) -> str | None:
    """The key of a title-like noun, also with a conjunction joined to it (والمتحدث), else None."""
    key = head_key(word)
    if key in heads:
        return key
    if word[:1] in ("و", "ف") and len(word) > 3:
        key = head_key(word[1:])
        if key in heads:
            return key
    return None


def norm_set(words: str) -> frozenset[str]:
    return frozenset(normalise(w) for w in words.split())


def key_set(words: str) -> frozenset[str]:
    return frozenset(head_key(normalise(w)) for w in words.split())


# --- lexicons (written as the press writes them, normalised at import) ----------------------------

PAST_VERBS = (
    "قال أضاف أكد صرح أوضح تابع لفت أشار شدد اعتبر أعلن ذكر كتب غرد أفاد أردف استطرد نوه حذر "
    "ختم اختتم علق أجاب زعم اعترف كشف أقر تساءل استدرك لاحظ أبلغ وصف نقل لخص أكمل واصل رأى نفى بين "
    "توقع رجح اعتقد أبان تحدث أتم استكمل"
)
PRESENT_VERBS = (
    "يقول يضيف يؤكد يوضح يتابع يشير يلفت يشدد يعتبر يرى يعلن يذكر يكتب يغرد يحذر يقر يعترف يتساءل "
    "يجيب يصف يكشف ينفي يتوقع يعتقد يتحدث"
)
PARTICIPLES = (
    "قائلا مضيفا مؤكدا مشيرا لافتا موضحا مشددا معتبرا متابعا مردفا منوها محذرا معلنا مستدركا مبينا "
    "مختتما متسائلا واصفا كاشفا معلقا مستكملا منبها مستطردا مبرزا ملمحا معترفا"
)


def past_forms(verbs: str) -> frozenset[str]:
    """Past forms: قال قالت قالوا قالا قالتا, and with an object pronoun as in «ما أعلنه البيت الأبيض»."""
    forms: set[str] = set()
    for verb in norm_set(verbs):
        forms.update(verb + ending for ending in ("", "ت", "وا", "ا", "تا", "ه", "ته", "ها", "تها"))
    return frozenset(forms)


def feminine_form(word: str, forms: frozenset[str], ending: str = "ت") -> bool:
    """Whether ``word`` is the feminine of a form in ``forms``: «قالت» of «قال», «مضيفة» (ending «ه»)."""
    return word.endswith(ending) and word[:-1] in forms


def present_forms(verbs: str) -> frozenset[str]:
    forms: set[str] = set()
    for verb in norm_set(verbs):
        forms.update({verb, "ت" + verb[1:], verb + "ون", verb + "ان", "ت" + verb[1:] + "ان"})
    return frozenset(forms)


def participle_forms(words: str) -> frozenset[str]:
    """مشيرا with and without its alif of tanween, feminine مشيرة, plural مشيرين."""
    forms: set[str] = set()
    for word in norm_set(words):
        base = word.removesuffix("ا")
        forms.update({word, base + "ه", base + "ين", base + "تين"})
    return frozenset(forms)


VERB_CUES = past_forms(PAST_VERBS) | present_forms(PRESENT_VERBS)
OBJECT_PRONOUN_FORMS = frozenset(
    verb + ending for verb in norm_set(PAST_VERBS) for ending in ("ه", "ته", "ها", "تها")
) - frozenset(verb + ending for verb in norm_set(PAST_VERBS) for ending in ("", "ت", "وا", "ا", "تا"))
"""Past verbs with an object pronoun: they report in «ما أعلنه البيت الأبيض», but after a noun they
describe it («تصريحات صحفية تابعتها "بغداد اليوم"»: statements an outlet followed)."""
RELATIVE_MA = norm_set("ما كما مما حسبما وفقما بحسبما طبقا")
PARTICIPLE_CUES = participle_forms(PARTICIPLES)
NOUN_CUES = norm_set("قوله قولها قولهم قولهما تأكيده تأكيدها تصريحه تصريحها بالقول")
ATTRIBUTION_CUES = norm_set("حسب بحسب وفق وفقا طبقا نقلا حسبما وفقما لسان تعبير")  # «على حد تعبير X»
STATEMENT_PLACE_VERBS = norm_set("جاء ورد")  # «جاء في بيان الكرملين أن ...»
TRANSMIT_VERBS = past_forms("نقل")  # «نقلت رويترز عن المسؤول قوله»: the speaker follows عن
ALL_CUES = VERB_CUES | PARTICIPLE_CUES | NOUN_CUES | ATTRIBUTION_CUES
SPEECH_OPENERS = (
    past_forms("زاد عبر أعرب نبه دعا ناشد أشاد جدد أبدى تطرق شكا اشتكى انتقد هاجم تعهد وعد توعد رد وضح")
    | norm_set("شكت اشتكت مضى مضت مضوا") | present_forms("يعبر يعرب ينبه يدعو")
) - norm_set("ردا")  # «ردًا على سؤال» is the adverbial «in reply», not «they both replied»
"""Verbs that report only when they open a clause whose speech follows (a colon, «أن/إن», «بالقول», a
participle such as «مشيرا»): «وزاد بالقول: …», «عبّر X عن سعادته، مشيراً إلى أن …».  Elsewhere they
are no speech («زاد الإنتاج», «عبر صفحتها»), but never a word of a name either.  «شكا X من …، موضحا أن»,
«انتقد X القرار، مؤكدا أن», «ومضى قائلا:»: complaint, criticism and promise go on to speech the same way;
«رد» reports only with «على» after it («ورد X على الأنباء بقوله: …»), else it is «ورد في البيان».  «طمأن» is
left out: on the seeds it opened reassurance that the curated quotes do not count as speech."""

# Nouns heading the description of a person (keys as produced by head_key).
TITLE_HEADS = key_set(
    "وزير متحدث ناطق أمين رئيس نائب مساعد مستشار سفير مندوب ممثل قائد زعيم مدير منسق مبعوث ملك أمير "
    "عاهل ولي سيناتور عضو مفوض محلل خبير باحث أستاذ كاتب مراسل ناشط محامي جنرال عقيد "
    "مرشح مفتي قاضي والي محافظ مدرب لاعب حارس مهاجم نجم دكتور مهندس كابتن لواء قيادي "
    "مخرج منتج روائي ناشر مؤلف شاعر ناقد فنان وكيل عميد نقيب دفاع محقق مفتش مذيع سكرتير مدعي"
)
"""«دفاع» is the lawyer in a court report: «X دفاع المتهم», and later «وأوضح دفاع المتهم» is X."""
# Heads of descriptions standing for a person the article does not name.
UNNAMED_HEADS = key_set("مسؤول مسؤولون مسؤولين مصدر مصادر دبلوماسي دبلوماسيون أحد إحدى")
STATEMENT_HEADS = key_set("بيان تصريح تغريدة تدوينة منشور رسالة مذكرة")
# Heads of names of bodies that speak for themselves («قالت وزارة الخارجية الروسية»).
INSTITUTION_HEADS = key_set(
    "وزارة الخارجية الحكومة الرئاسة الجيش السفارة حلف الاتحاد الأمم مجلس منظمة الكرملين البنتاغون "
    "البنتاجون الإليزيه البيت البرلمان الكونغرس المفوضية بنك صندوق لجنة هيئة منظمة شركة مجموعة نادي حركة حزب جماعة "
    "شرطة محكمة نيابة بلدية"
)
MEDIA_HEADS = key_set("وكالة وكالتا وكالات صحيفة جريدة قناة فضائية تلفزيون إذاعة راديو موقع مجلة شبكة")
# Words before a quoted name showing it names something rather than quotes someone.
NAME_OF_HEADS = MEDIA_HEADS | key_set(
    "حزب حركة منظمة شركة مجموعة تنظيم جماعة جمعية مؤسسة برنامج عملية مبادرة مشروع خطة مركز معهد "
    "مؤتمر منتدى قمة اتفاق اتفاقية معاهدة كتاب فيلم وثيقة هاشتاغ وسم شعار لقب عنوان اسم مسلسل رواية "
    "ديوان مسرحية أغنية ألبوم حملة ندوة معرض مهرجان"
)
ALL_HEADS = TITLE_HEADS | UNNAMED_HEADS | STATEMENT_HEADS | INSTITUTION_HEADS | MEDIA_HEADS
# News agencies carry statements but never make them.
AGENCY_NAMES = (
    "رويترز", "فرانس برس", "فرانس بريس", "أسوشيتد برس", "أسوشيتيد برس", "الأناضول", "تاس", "سبوتنيك",
    "نوفوستي", "ريا نوفوستي", "إنترفاكس", "انترفاكس", "بلومبرغ", "بلومبيرغ", "شينخوا", "يونهاب", "كيودو",
    "د ب أ", "أ ف ب", "إرنا", "سانا", "أكسيوس",
)
# Words that continue the description of an office after its head (besides nisba adjectives).
TITLE_MODIFIERS = key_set(
    "عام عامة خاص خاصة خارجية دفاع داخلية وزراء وزارة شؤون دولة أول سابق سابقة حالي أعلى حلف شمال "
    "أطلسي مجلس أمن قومي رئاسة حكومة باسم اتحاد أوروبي مفوضية أمم متحدة بيت أبيض كرملين جمهورية دائم "
    "دائمة تنفيذي إدارة سياسة عهد أركان قوات جيش برلمان نواب شيوخ ل لـ ب باسمه باسمها باسمهم سر صندوق"
)
SELF_REFERENCES = norm_set("باسمه باسمها باسمهم")  # «المتحدث باسمها» names no further body
RANK_ADJECTIVES = norm_set("كبير رفيع بارز رفيعو كبار المستوى")  # «مسؤول أمريكي رفيع المستوى»
UNNAMED_LINKS = norm_set("في من لدى ب بـ داخل")  # «مسؤول في حلف شمال الأطلسي»
PREPOSITIONS = norm_set(
    "في من إلى الى على عن مع بين حول ضد تجاه لدى عند نحو إزاء بشأن عبر أمام بعد قبل منذ حتى دون بدون "
    "لـ بـ ل ب ك"
)
COUNTERPART_WORDS = norm_set("نظيره نظيرته نظيريه نظيرها نظراءه نظرائه نظرائها")
COMPLEMENTIZERS = norm_set(
    "إن أن إنه أنه إنها أنها إنهم أنهم إنهما أنهما بأن بأنه بأنها فإن لأن إننا أننا بأننا إنني أنني بأنني"
)
WEEKDAYS = {normalise(w): i for i, w in enumerate("الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد".split())}
# Adverbs that may stand between a verb and its subject: «قال، الثلاثاء، مسؤول».
SKIPPABLE_BEFORE_SUBJECT = norm_set(
    "أيضا كذلك بدوره بدورها أمس اليوم يوم صباح مساء الليلة مجددا لاحقا سابقا مؤخرا الماضي الجاري "
    "الثلاثاء الاثنين الأربعاء الخميس الجمعة السبت الأحد"
)
# Words that cannot be part of a personal name; they end a run of name words.
NAME_STOPS = (
    PREPOSITIONS | COMPLEMENTIZERS | SKIPPABLE_BEFORE_SUBJECT | COUNTERPART_WORDS
    | norm_set("الذي التي الذين اللذين اللتين هذا هذه ذلك تلك قد لقد لن لم لا ما كما ثم أو حيث حين "
                "عندما بينما إذ إذا لكن لكنه غير خلال عقب إثر أثناء هناك هنا هو هي هم نحن أنا أما كان وكان كانت وكانت "
                "بعدما قبلما كلما طالما ريثما حالما بخصوص "
                # a preposition with its pronoun: «عقد مؤتمرا صحفيا قال فيه إن» names nobody
                "فيه فيها عنه عنها منه منها به بها له لها عليه عليها إليه إليها معه معها لديه لديها "
                # the press event a subject holds: «عقد الوزير X مؤتمرا صحفيا قال فيه»
                "مؤتمرا مؤتمر لقاء اجتماعا ندوة")
    # «ما زال» and its kin written as one word («ماتزال كما هي») read like a name without this
    | norm_set("مازال مازالت مازالوا ماتزال مايزال مايزالون لازال لازالت لازالوا لاتزال لايزال مابرح مادام ماانفك")
)
RELATIVE_PRONOUNS = norm_set("الذي التي الذين اللذين اللتين اللاتي اللواتي")
"""A reporting verb right after them heads a relative clause («المواعيد التي أقرها الوزير»), not speech."""
NAME_CONNECTORS = norm_set("عبد أبو أبي بن ابن بو آل")  # names that go on with a word in ال
STATEMENT_LINKS = norm_set("صادر صادرة الصادر الصادرة صدر عن من مشترك المشترك")  # «بيان صادر عن الكرملين»
ISSUED_STATEMENTS = norm_set("بيانا بيانًا")  # «أصدرت X وY بيانا مشتركا»: the issuers come before it


TRAILING_CONNECTIVES = norm_set("كما حسبما وفقما حسب بحسب وفق وفقا طبقا ل ما هكذا على حد")
NAME_FOLLOWERS = norm_set("على إلى الى في الذي التي خلال")  # «وشدد بوزيل على أن»
COUNTRY_NAMES = norm_set(
    "روسيا أوكرانيا أمريكا أميركا بريطانيا فرنسا ألمانيا إيطاليا إسبانيا تركيا إيران سوريا سورية مصر ليبيا "
    "تونس لبنان قطر الكويت البحرين السعودية الإمارات العراق اليمن السودان الجزائر المغرب الأردن الصين "
    "اليابان الهند باكستان أفغانستان بيلاروسيا بيلاروس بولندا ليتوانيا لاتفيا إستونيا فنلندا السويد النرويج "
    "الدنمارك هولندا بلجيكا النمسا سويسرا المجر رومانيا بلغاريا صربيا اليونان قبرص مولدوفا أرمينيا أذربيجان "
    "كازاخستان أوزبكستان إندونيسيا ماليزيا كوريا فيتنام أستراليا كندا المكسيك البرازيل الأرجنتين فنزويلا "
    "كوبا كولومبيا نيجيريا إثيوبيا كينيا الصومال النيجر موريتانيا السنغال أوغندا رواندا إريتريا جيبوتي "
    "أفريقيا افريقيا إفريقيا أوروبا آسيا جنوب شمال شرق غرب"
)
"""Countries and regions, and the compass words of «جنوب أفريقيا»: words of the place an office governs
(«مندوب روسيا الدائم …»), never of a person's name.  Names that are also given names stay out
(«إسرائيل كاتس», «فلسطين», «جورجيا», «تشاد»)."""
RANGE_WORDS = norm_set("من إلى الى حتى منذ بعد قبل")
GIVEN_NAME_TITLES = norm_set("أمين أمينة أمير أميرة ملك")  # offices that are also given names
# Places and clubs of two or three words that an office noun governs before a name: «مدرب ريال مدريد
# كارلو مارتيلي».  Only names whose words are not in the article; a short list of the frequent ones.
PLACE_COMPOUNDS = tuple(tuple(normalise(name).split()) for name in (
    "باريس سان جيرمان", "ريال مدريد", "أتلتيكو مدريد", "ريال سوسيداد", "ريال بيتيس", "أتلتيك بلباو",
    "مانشستر سيتي", "مانشستر يونايتد", "نيوكاسل يونايتد", "وست هام", "أستون فيلا", "كريستال بالاس",
    "توتنهام هوتسبير", "بايرن ميونخ", "بوروسيا دورتموند", "إنتر ميلان", "إيه سي ميلان", "ريفر بليت",
    "بوكا جونيورز", "سبورتنغ لشبونة", "غلطة سراي", "ماميلودي صنداونز", "صن داونز", "كايزر تشيفز",
    "أورلاندو بايرتس", "أبو ظبي", "دار السلام", "هونغ كونغ", "كوالا لمبور", "نيو دلهي", "لوس أنجلوس",
    "سان فرانسيسكو", "نيو يورك", "ساو باولو", "بوينس آيرس", "تل أبيب", "بورت سودان", "كيب تاون",
    "سان بطرسبورغ", "بيت لحم", "رام الله", "أديس أبابا", "عين شمس", "شرم الشيخ",
))
