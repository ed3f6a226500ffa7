"""The shape of data/facts.yaml, declared once.

The validator walks this declaration and ``python -m generator schema`` turns it into
``data/facts.schema.json`` for editors' autocompletion, so the two cannot drift apart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .types import (  # noqa: F401 (the patterns are part of the declaration's public face)
    DATE_PATTERN,
    LINE_PATTERN,
    SEED_FILE_PATTERN,
    SLUG_PATTERN,
    TEXT_PATTERN,
    TIME_PATTERN,
    TYPES,
    URL_PATTERN,
    FieldType,
)

# Limits. A fact file is written by hand from news articles; these bounds are far above anything real and
# keep a small hostile file from blowing up into gigabytes of pages (a name is repeated on many pages).
MAX_ITEMS = 200
"""Default maximum elements of a list field (aliases, participants, roles, sources…)."""
MAX_SECTION_ITEMS = 100_000
"""Maximum items of a top-level section (10,000 actors take about 5 MB of YAML)."""
MAX_OUTPUT_RATIO = 50
MAX_OUTPUT_FLOOR = 50 * 1024 * 1024
"""The generated pages may weigh at most MAX_OUTPUT_RATIO times facts.yaml and the seeds together, plus
MAX_OUTPUT_FLOOR (the real site is about 14 times its input): a backstop behind the per-field limits."""
MIN_QUOTE_WORDS = 3
"""A quotation (and a claim's evidence) has at least this many words; shorter fragments are skipped
quotations, listed with their reason, so that ``في`` or a lone mark can never pass as a quote."""


@dataclass(frozen=True)
class Field:
    """One key of an entity mapping."""

    name: str
    """The YAML key."""
    type: str
    """The name of its type in types.TYPES: ``id``, ``line`` (one-line text), ``text`` (may span lines),
    ``lines`` (list of one-line texts), ``date``, ``dates``, ``time``, ``bool``, ``url``, ``enum``, ``ref``,
    ``refs``, ``file`` (a file name in ``seeds/``), ``items`` (a list of nested mappings)."""
    required: bool
    """Whether the key must be present."""
    english: str
    """What the field holds, in English (shown in editors and in error messages)."""
    arabic: str
    """The same, in Arabic."""
    refs: tuple[str, ...] = ()
    """For ``ref``/``refs``: the sections whose ids are allowed."""
    choices: tuple[str, ...] = ()
    """For ``enum``: the allowed values."""
    item: Kind | None = None
    """For ``items``: the shape of each nested mapping."""
    max_length: int = 0
    """Most characters a value (or each element of a list) may have; 0: the type's default (MAX_LENGTH)."""
    max_items: int = 0
    """For lists: most elements; 0: MAX_ITEMS."""
    min_words: int = 0
    """For verbatim text: fewest words (a fragment shorter than this is no quotation)."""

    @property
    def value_type(self) -> FieldType:
        """The type's class instance: its check and its JSON Schema."""
        return TYPES[self.type]

    @property
    def length_limit(self) -> int:
        """The effective maximum length of a value (of each element, for a list)."""
        return self.max_length or self.value_type.max_length

    @property
    def items_limit(self) -> int:
        """The effective maximum number of elements of a list field."""
        return self.max_items or MAX_ITEMS


@dataclass(frozen=True)
class Kind:
    """One kind of entity: a top-level section of facts.yaml, or a nested mapping."""

    section: str
    """The top-level key (``actors``) or a nested key (``roles``)."""
    english: str
    arabic: str
    fields: tuple[Field, ...] = field(default_factory=tuple)

    def field_named(self, name: str) -> Field | None:
        """The field called ``name``, or None."""
        for f in self.fields:
            if f.name == name:
                return f
        return None


ACTOR_KINDS = ("person", "institution", "state")
EVENT_KINDS = (
    "meeting",
    "talks",
    "phone-call",
    "video-call",
    "press-conference",
    "interview",
    "tweet",
    "statement",
    "written-response",
    "visit",
    "briefing",
)
EVENT_STATUSES = ("held", "announced")
QUOTE_KINDS = ("direct", "paraphrase")

_SOURCES_FIELD = Field(
    "sources", "refs", True, "Ids of the source articles that report this.", "معرّفات المقالات التي تذكر هذا.",
    refs=("sources",),
)

ROLE = Kind(
    "roles",
    "A position the sources attest.",
    "منصب تذكره المصادر.",
    (
        Field("title", "line", True, "The title in Arabic, e.g. الأمين العام.", "المسمى بالعربية."),
        Field("of", "ref", False, "Id of the institution or state.", "معرّف المؤسسة أو الدولة.",
              refs=("actors",)),
        Field("attested", "dates", False, "Dates on which the sources attest the role.",
              "تواريخ تذكر فيها المصادر هذا المنصب."),
        _SOURCES_FIELD,
    ),
)

SOURCES = Kind(
    "sources",
    "The news articles the facts come from, one per file in seeds/.",
    "المقالات الإخبارية التي أُخذت منها الوقائع، واحد لكل ملف في seeds/.",
    (
        Field("id", "id", True, "Unique slug: lowercase Latin letters, digits and hyphens.",
              "معرّف فريد بحروف لاتينية صغيرة وأرقام وشرطات."),
        Field("file", "file", True, "File name of the article in seeds/.", "اسم ملف المقال في seeds/."),
        Field("outlet", "line", False, "The outlet as the article names it.", "اسم الوسيلة كما يرد في المقال."),
        Field("headline", "line", True, "The headline, verbatim.", "العنوان كما ورد حرفيًا."),
        Field("published", "date", True, "Publication date (YYYY-MM-DD).", "تاريخ النشر (YYYY-MM-DD)."),
        Field("time", "time", False, "Publication time (HH:MM).", "وقت النشر (HH:MM)."),
        Field("timezone", "line", False, "Time zone of the time, e.g. GMT.", "المنطقة الزمنية للوقت."),
        Field("date_inferred", "bool", False, "true when the date is inferred from the text.",
              "true إذا استُنتج التاريخ من النص."),
        Field("date_note", "text", False, "How the date was inferred.", "كيف استُنتج التاريخ."),
        Field("agencies", "lines", False, "Wire agencies the article cites, as written.",
              "وكالات الأنباء التي يستشهد بها المقال كما كُتبت."),
        Field("url", "url", False, "Address of the article (http or https).", "رابط المقال (http أو https)."),
        Field("note", "text", False, "Editor's note.", "ملاحظة المحرر."),
    ),
)

ACTORS = Kind(
    "actors",
    "People, institutions and states.",
    "الأشخاص والمؤسسات والدول.",
    (
        Field("id", "id", True, "Unique slug.", "معرّف فريد."),
        Field("kind", "enum", True, "person, institution or state.", "شخص أو مؤسسة أو دولة.",
              choices=ACTOR_KINDS),
        Field("name", "line", True, "Arabic name as the sources write it.", "الاسم العربي كما تكتبه المصادر."),
        Field("name_latin", "line", True, "Name in Latin script.", "الاسم بالحروف اللاتينية."),
        Field("aliases", "lines", False, "Every other spelling found in the sources.",
              "كل كتابة أخرى للاسم في المصادر."),
        Field("roles", "items", False, "Positions the sources attest.", "المناصب التي تذكرها المصادر.",
              item=ROLE),
        Field("member_of", "refs", False, "Ids of institutions or alliances it belongs to.",
              "معرّفات المؤسسات أو التحالفات التي ينتمي إليها.", refs=("actors",)),
        Field("description", "text", True, "One to three sentences from the sources.",
              "جملة إلى ثلاث جمل من المصادر."),
        _SOURCES_FIELD,
    ),
)

EVENTS = Kind(
    "events",
    "Meetings, calls, press conferences, interviews, statements and other events.",
    "اللقاءات والاتصالات والمؤتمرات الصحفية والمقابلات والبيانات وغيرها.",
    (
        Field("id", "id", True, "Unique slug.", "معرّف فريد."),
        Field("title", "line", True, "Short Arabic title.", "عنوان عربي قصير."),
        Field("kind", "enum", True, "The format of the event.", "نوع الحدث.", choices=EVENT_KINDS),
        Field("date", "date", True, "Date (YYYY-MM-DD).", "التاريخ (YYYY-MM-DD)."),
        Field("end_date", "date", False, "Last day, for events over several days.",
              "اليوم الأخير للأحداث الممتدة."),
        Field("date_note", "text", False, "How the date was inferred.", "كيف استُنتج التاريخ."),
        Field("place", "line", False, "Where it took place.", "المكان."),
        Field("status", "enum", True, "held or announced.", "عُقد أو أُعلن عنه.", choices=EVENT_STATUSES),
        Field("participants", "refs", False, "Ids of the actors taking part.", "معرّفات المشاركين.",
              refs=("actors",)),
        Field("chair", "ref", False, "Id of the chair or host.", "معرّف الرئيس أو المضيف.", refs=("actors",)),
        Field("summary", "text", True, "What was discussed.", "ما جرى بحثه."),
        Field("outcome", "text", False, "What came of it.", "ما نتج عنه."),
        Field("follows", "refs", False, "Ids of the events this one comes after.",
              "معرّفات الأحداث التي سبقته.", refs=("events",)),
        _SOURCES_FIELD,
    ),
)

QUOTES = Kind(
    "quotes",
    "Direct quotations, verbatim, and key reported statements.",
    "الاقتباسات المباشرة حرفيًا، وأهم الأقوال المنقولة.",
    (
        Field("id", "id", True, "Unique slug.", "معرّف فريد."),
        Field("speaker", "ref", True, "Id of the actor who said it.", "معرّف القائل.", refs=("actors",)),
        Field("speaker_label", "line", False, "For an unnamed speaker: how the article describes them.",
              "للمتحدث غير المسمى: كما يصفه المقال."),
        Field("kind", "enum", True, "direct or paraphrase.", "مباشر أو منقول بالمعنى.", choices=QUOTE_KINDS),
        Field("text", "text", True, "The words exactly as in every cited source, without quotation marks "
              f"(at least {MIN_QUOTE_WORDS} words).",
              f"النص كما ورد حرفيًا في كل مصدر، دون علامات التنصيص ({MIN_QUOTE_WORDS} كلمات على الأقل).",
              min_words=MIN_QUOTE_WORDS),
        Field("said_on", "date", True, "Date it was said.", "تاريخ القول."),
        Field("event", "ref", False, "Id of the occasion.", "معرّف المناسبة.", refs=("events",)),
        _SOURCES_FIELD,
    ),
)

CLAIMS = Kind(
    "claims",
    "Figures and assertions, with the words that support them.",
    "الأرقام والادعاءات، مع النص الذي يسندها.",
    (
        Field("id", "id", True, "Unique slug.", "معرّف فريد."),
        Field("text", "text", True, "The claim in the editor's words.", "الادعاء بصياغة المحرر."),
        Field("evidence", "text", True, f"Verbatim excerpt found in every cited source (at least {MIN_QUOTE_WORDS} "
              "words).", f"مقتطف حرفي موجود في كل مصدر مذكور ({MIN_QUOTE_WORDS} كلمات على الأقل).",
              min_words=MIN_QUOTE_WORDS),
        Field("about", "refs", False, "Ids of the actors or events it is about.",
              "معرّفات الفاعلين أو الأحداث المعنية.", refs=("actors", "events")),
        _SOURCES_FIELD,
        Field("disputes", "refs", False, "Ids of claims that give a different account.",
              "معرّفات ادعاءات تقدم رواية مختلفة.", refs=("claims",)),
    ),
)

SKIPPED = Kind(
    "skipped_quotations",
    "Passages in quotation marks that are not quotations (names, scare quotes).",
    "مقاطع بين علامات تنصيص ليست اقتباسات (أسماء، تنصيص للتحفظ).",
    (
        Field("source", "ref", True, "Id of the source.", "معرّف المصدر.", refs=("sources",)),
        Field("text", "line", True, "The passage, verbatim, without the marks.", "المقطع حرفيًا دون العلامات."),
        Field("reason", "line", True, "Why it is not a quotation.", "لماذا ليس اقتباسًا."),
    ),
)

SECTIONS: tuple[Kind, ...] = (SOURCES, ACTORS, EVENTS, QUOTES, CLAIMS, SKIPPED)
"""Top-level sections in the order they appear in facts.yaml."""

SECTION_BY_NAME = {k.section: k for k in SECTIONS}
ENTITY_SECTIONS = tuple(k.section for k in SECTIONS if k.field_named("id"))
"""Sections whose items have an id; ids are unique across all of them."""


def json_schema() -> dict:
    """The JSON Schema (draft 2020-12) equivalent of the declaration above."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "facts.schema.json",
        "title": "facts.yaml",
        "description": "Curated facts for the NATO–Russia fact-sheet site. | الوقائع الموثقة لموقع بطاقات الوقائع.",
        "type": "object",
        "additionalProperties": False,
        "required": [k.section for k in SECTIONS if k.section in ("sources", "actors")],
        "properties": {
            k.section: {"type": "array" if k.section in ("sources", "actors") else ["array", "null"],
                        "maxItems": MAX_SECTION_ITEMS,
                        "description": _describe(k.english, k.arabic), "items": _kind_schema(k)}
            for k in SECTIONS
        },
    }


def _describe(english: str, arabic: str) -> str:
    return f"{english} | {arabic}"


def _kind_schema(kind: Kind) -> dict:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in kind.fields if f.required],
        "properties": {f.name: _field_schema(f) for f in kind.fields},
    }


def _field_schema(f: Field) -> dict:
    if f.item is not None:
        schema: dict = {"type": "array", "items": _kind_schema(f.item), "maxItems": f.items_limit}
    else:
        schema = f.value_type.json_schema(f)
    if f.type == "refs" and f.name == "sources":
        schema["minItems"] = 1
    if not f.required:  # an optional key left empty (`note:`) is accepted as absent
        schema["type"] = [schema["type"], "null"]
        if "enum" in schema:
            schema["enum"] = [*schema["enum"], None]
    schema["description"] = _describe(f.english, f.arabic)
    return schema


def json_schema_text() -> str:
    """The JSON Schema as the text committed in data/facts.schema.json."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
