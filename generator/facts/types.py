"""Field types: what a value of each kind must look like, checked by the validator and published as JSON Schema.

Each type is a small class with its own check (given a value that is already text of the right length,
with no invisible character: validate.py sees to that first) and its own JSON Schema fragment, so the
two cannot drift apart. A field in schema.py names its type (``"line"``, ``"refs"`` …); TYPES maps
the name to the class. A list type names the type of its elements.

The checks report through ``checks``, the validator's structure checker: ``checks.complain(path, en, ar)``,
``checks.hint(word, kind, options)`` for did-you-mean, and ``checks.seeds`` for the articles.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, ClassVar

from .suggest import MAX_ID_LENGTH, suggest_id
from .text import visible, word_count

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
URL_PATTERN = r"^https?://[^\s/?#]+[^\s]*$"
SEED_FILE_PATTERN = r"^[A-Za-z0-9_][A-Za-z0-9_.-]*\.txt$"
LINE_PATTERN = r"^\s*\S([^\n]*\S)?\s*$"
"""One line of text, once the white space around it is removed."""
TEXT_PATTERN = r"\S"
"""Anything but white space only."""

_SLUG = re.compile(SLUG_PATTERN)
_DATE = re.compile(DATE_PATTERN)
_TIME = re.compile(TIME_PATTERN)
_SEED_FILE = re.compile(SEED_FILE_PATTERN)
_URL = re.compile(URL_PATTERN)

RESERVED_IDS = frozenset({"index"})
"""Ids that would collide with a generated index page."""
EARLIEST = dt.date(1991, 1, 1)
LATEST = dt.date(2030, 12, 31)
"""Dates outside this window are typing mistakes for this fact base."""

Path_ = tuple[Any, ...]


class FieldType:
    """One kind of value. Subclasses set ``name``, ``max_length`` and ``schema``, and may refine ``check``."""

    name: ClassVar[str] = ""
    """The name fields use for it in schema.py."""
    max_length: ClassVar[int] = 0
    """Default maximum characters of a value (0: none)."""
    schema: ClassVar[dict[str, Any]] = {}
    """Its JSON Schema (draft 2020-12), without the field's description."""
    element: ClassVar[str] = ""
    """For a list type: the name of the type of its elements."""

    def check(self, value: str, f: Any, path: Path_, checks: Any) -> Any:
        """``value`` normalised, or None after complaining through ``checks``."""
        return value

    def json_schema(self, f: Any) -> dict[str, Any]:
        """The JSON Schema of a field of this type (limits included)."""
        schema = dict(self.schema)
        if schema.get("type") == "string" and f.length_limit:
            schema["maxLength"] = f.length_limit
        return schema


class Line(FieldType):
    name = "line"
    max_length = 300
    schema: ClassVar[dict[str, Any]] = {"type": "string", "pattern": LINE_PATTERN}

    def check(self, value: str, f: Any, path: Path_, checks: Any) -> str | None:
        if "\n" in value.strip():
            checks.complain(path, "this field must fit on one line", "يجب أن يكون هذا الحقل في سطر واحد")
            return None
        return value.strip()


class Text(FieldType):
    name = "text"
    max_length = 6000
    schema: ClassVar[dict[str, Any]] = {"type": "string", "pattern": TEXT_PATTERN}

    def check(self, value: str, f: Any, path: Path_, checks: Any) -> str | None:
        if f.min_words and word_count(value) < f.min_words:
            checks.complain(path, f"only {word_count(value)} word(s): a quotation has at least {f.min_words}; a "
                                  "shorter fragment in quotation marks belongs in `skipped_quotations` with its reason",
                            f"{word_count(value)} كلمة فقط: الاقتباس {f.min_words} كلمات على الأقل؛ والمقطع الأقصر "
                            "بين علامات التنصيص مكانه `skipped_quotations` مع السبب")
            return None
        return value.strip()


class Id(FieldType):
    name = "id"
    max_length = MAX_ID_LENGTH
    schema: ClassVar[dict[str, Any]] = {"type": "string", "pattern": SLUG_PATTERN}

    def check(self, value: str, f: Any, path: Path_, checks: Any) -> str | None:
        if len(value) <= MAX_ID_LENGTH and _SLUG.match(value):
            return value
        suggestion = suggest_id(value)
        if suggestion in RESERVED_IDS:
            suggestion = ""
        shown = visible(value)
        hint = f"; for example `{suggestion}`" if suggestion else ""
        hint_ar = f"؛ مثلًا `{suggestion}`" if suggestion else ""
        checks.complain(path,
                        f"`{shown}` is not a valid id: use lowercase Latin letters, digits and single hyphens, "
                        f"at most {MAX_ID_LENGTH} characters{hint}",
                        f"`{shown}` ليس معرّفًا صالحًا: استخدم حروفًا لاتينية صغيرة وأرقامًا وشرطات مفردة، "
                        f"بحد أقصى {MAX_ID_LENGTH} حرفًا{hint_ar}")
        return None


class Ref(Id):
    """An id of another item (which section it must be in is the field's ``refs``)."""

    name = "ref"


class Date(FieldType):
    name = "date"
    max_length = 100  # far above a date: a longer text is a paste gone wrong, refused before any pattern runs
    schema: ClassVar[dict[str, Any]] = {"type": "string", "pattern": DATE_PATTERN, "format": "date"}

    def check(self, value: str, f: Any, path: Path_, checks: Any) -> str | None:
        if not _DATE.match(value):
            checks.complain(path, f"`{value}` is not a date; write it as YYYY-MM-DD in quotes, e.g. \"2022-01-12\"",
                            f"`{value}` ليس تاريخًا؛ اكتبه بالشكل YYYY-MM-DD بين علامتي تنصيص، مثل \"2022-01-12\"")
            return None
        try:
            parsed = dt.date.fromisoformat(value)
        except ValueError:
            checks.complain(path, f"the date {value} does not exist in the calendar; check the day and month",
                            f"التاريخ {value} غير موجود في التقويم؛ تحقق من اليوم والشهر")
            return None
        if not EARLIEST <= parsed <= LATEST:
            checks.complain(path, f"the date {value} is implausible for this fact base "
                                  f"(outside {EARLIEST.year}–{LATEST.year}); check the year",
                            f"التاريخ {value} غير معقول لهذه القاعدة (خارج {EARLIEST.year}–{LATEST.year})؛ "
                            "تحقق من السنة")
            return None
        return parsed.isoformat()

    def json_schema(self, f: Any) -> dict[str, Any]:
        return dict(self.schema)


class Time(FieldType):
    name = "time"
    max_length = 100
    schema: ClassVar[dict[str, Any]] = {"type": "string", "pattern": TIME_PATTERN}

    def check(self, value: str, f: Any, path: Path_, checks: Any) -> str | None:
        if not _TIME.match(value):
            checks.complain(path, f"`{value}` is not a time; write it as HH:MM in quotes, e.g. \"18:12\"",
                            f"`{value}` ليس وقتًا؛ اكتبه بالشكل HH:MM بين علامتي تنصيص، مثل \"18:12\"")
            return None
        return value

    def json_schema(self, f: Any) -> dict[str, Any]:
        return dict(self.schema)


class Bool(FieldType):
    """true or false (checked by the validator before any text check: it is the one type that is not text)."""

    name = "bool"
    schema: ClassVar[dict[str, Any]] = {"type": "boolean"}


class Url(FieldType):
    name = "url"
    max_length = 2000
    schema: ClassVar[dict[str, Any]] = {"type": "string", "pattern": URL_PATTERN}

    def check(self, value: str, f: Any, path: Path_, checks: Any) -> str | None:
        if value != value.strip():
            checks.complain(path, "remove the spaces before and after the web address",
                            "احذف المسافات قبل الرابط وبعده")
            return None
        if not _URL.match(value):
            checks.complain(path, "only web addresses starting with http:// or https:// (in lowercase) and a host "
                                  "name are allowed, without spaces",
                            "لا يُسمح إلا بروابط تبدأ بـ http:// أو https:// (بحروف صغيرة) يليها اسم الموقع، "
                            "دون مسافات")
            return None
        return value


class Enum(FieldType):
    """One of the field's ``choices``."""

    name = "enum"

    def check(self, value: str, f: Any, path: Path_, checks: Any) -> str | None:
        if value in f.choices:
            return value
        choices = ", ".join(f.choices)
        hint, hint_ar = checks.hint(value, f"{f.name} choices", f.choices)
        checks.complain(path, f"`{value}` is not allowed here{hint}; use one of: {choices}",
                        f"القيمة `{value}` غير مسموحة هنا{hint_ar}؛ استخدم إحدى: {choices}")
        return None

    def json_schema(self, f: Any) -> dict[str, Any]:
        return {"type": "string", "enum": list(f.choices)}


class File(FieldType):
    """The plain name of an article in seeds/, which must be there and readable (seeds.py)."""

    name = "file"
    max_length = 120
    schema: ClassVar[dict[str, Any]] = {"type": "string", "pattern": SEED_FILE_PATTERN}

    def check(self, value: str, f: Any, path: Path_, checks: Any) -> str | None:
        if not _SEED_FILE.match(value):
            checks.complain(path, f"`{value}` must be the plain name of a .txt file in seeds/ (no folders)",
                            f"يجب أن يكون `{value}` اسم ملف ‎.txt في seeds/ دون مجلدات")
            return None
        if checks.seeds.key(value) is not None:
            return value
        if value in checks.seeds.refused:
            english, arabic = checks.seeds.refused[value]
            checks.complain(path, english, arabic)
        else:
            checks.complain(path, f"there is no file seeds/{value}; add the article there or fix the name",
                            f"لا يوجد ملف seeds/{value}؛ أضف المقال هناك أو صحّح الاسم")
        return None


class ListOf(FieldType):
    """A list of distinct values of the type ``element``."""

    def json_schema(self, f: Any) -> dict[str, Any]:
        items = TYPES[self.element].json_schema(f)
        schema: dict[str, Any] = {"type": "array", "items": items, "uniqueItems": True, "maxItems": f.items_limit}
        return schema


class Lines(ListOf):
    name = "lines"
    element = "line"
    max_length = Line.max_length


class Refs(ListOf):
    name = "refs"
    element = "ref"
    max_length = Ref.max_length


class Dates(ListOf):
    name = "dates"
    element = "date"


class Items(FieldType):
    """A list of nested mappings (the field's ``item`` kind); schema.py writes their schema."""

    name = "items"


TYPES: dict[str, FieldType] = {t.name: t() for t in (Line, Text, Id, Ref, Date, Time, Bool, Url, Enum, File, Lines,
                                                     Refs, Dates, Items)}
"""Every field type by the name schema.py uses."""


FORMATS = {"date": ("a date written YYYY-MM-DD in quotes", "تاريخًا بالشكل YYYY-MM-DD بين علامتي تنصيص"),
            "dates": ("dates written YYYY-MM-DD in quotes", "تواريخ بالشكل YYYY-MM-DD بين علامتي تنصيص"),
            "time": ("a time written HH:MM in quotes", "وقتًا بالشكل HH:MM بين علامتي تنصيص")}
for _name in ("id", "ref", "refs"):
    FORMATS[_name] = ("an id: lowercase Latin letters, digits and hyphens", "معرّفًا: حروف لاتينية صغيرة وأرقام وشرطات")
for _name in ("line", "lines", "text", "url", "enum", "file", ""):
    FORMATS[_name] = ("text", "نصًا")


def quoted_fix(raw: str, value: Any, type_: str) -> str | None:
    """What to write instead of the unquoted ``raw`` that YAML read as ``value``, such that the field's own
    check passes when the advice is followed; None when quoting alone would not do."""
    if type_ in ("date", "dates"):
        if isinstance(value, dt.datetime):
            return f"\"{value.date().isoformat()}\" (the date alone; a time goes in `time:`)"
        return f"\"{raw}\"" if _DATE.match(raw) else None
    if type_ == "time":
        if isinstance(value, dt.datetime):
            return f"\"{value:%H:%M}\""
        return f"\"{raw}\"" if _TIME.match(raw) else None
    if type_ in ("id", "ref", "refs"):
        return f"\"{raw}\"" if _SLUG.match(raw) else None
    return f"\"{raw}\""
