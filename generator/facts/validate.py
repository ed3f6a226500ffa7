"""Validate: check a loaded facts.yaml against the schema, its references and its sources.

Every check appends a located Problem and goes on, so one run reports every mistake.
"""

from __future__ import annotations

import datetime as dt
import difflib
import gc
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import MAX_PROBLEMS, FactsError, Problem, too_many
from .load import Loaded, Path_, format_path
from .schema import (
    DATE_PATTERN,
    ENTITY_SECTIONS,
    SECTION_BY_NAME,
    SECTIONS,
    SEED_FILE_PATTERN,
    SLUG_PATTERN,
    TIME_PATTERN,
    URL_PATTERN,
    Field,
    Kind,
)
from .text import find_verbatim, longest_found_prefix, provenance_key, suspicious_character

_SLUG = re.compile(SLUG_PATTERN)
_DATE = re.compile(DATE_PATTERN)
_TIME = re.compile(TIME_PATTERN)
_SEED_FILE = re.compile(SEED_FILE_PATTERN)
_URL = re.compile(URL_PATTERN)
MAX_ID_LENGTH = 80
MAX_HINTS = 200
"""Distinct unknown words that get a did-you-mean suggestion in one run."""
RESERVED_IDS = frozenset({"index"})
"""Ids that would collide with a generated index page."""
EARLIEST = dt.date(1991, 1, 1)
LATEST = dt.date(2030, 12, 31)
"""Dates outside this window are typing mistakes for this fact base."""

_YAML_TYPE_NAMES = {bool: ("a boolean", "قيمة منطقية"), int: ("a number", "رقمًا"), float: ("a number", "رقمًا"),
                    dt.date: ("a date", "تاريخًا"), dt.datetime: ("a date and time", "تاريخًا ووقتًا"),
                    type(None): ("empty", "فارغة")}


@dataclass
class Seeds:
    """The source articles, read once and normalised for provenance checks."""

    folder: Path
    keys: dict[str, str] = field(default_factory=dict)
    unreadable: set[str] = field(default_factory=set)
    """Seeds that exist but are not UTF-8 text."""

    def key(self, name: str) -> str | None:
        """The provenance key of seed ``name``, or None if there is no such file or it cannot be read."""
        if name not in self.keys:
            path = self.folder / name
            if not path.is_file():
                return None
            try:
                self.keys[name] = provenance_key(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                self.unreadable.add(name)
                return None
        return self.keys[name]


def validate(loaded: Loaded, seeds_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """The fact base as plain data, normalised (dates as ISO strings); FactsError if anything is wrong."""
    checker = _Checker(loaded, Seeds(seeds_dir))
    collecting = gc.isenabled()
    gc.disable()  # many small objects and no cycles: collecting meanwhile only costs time
    try:
        data = checker.run()
    except _TooMany:
        last = checker.problems[-1]
        checker.problems.append(too_many(last.path, last.line, last.col))
        data = {}
    finally:
        if collecting:
            gc.enable()
    if checker.problems:
        raise FactsError(checker.problems)
    return data


class _TooMany(Exception):
    """MAX_PROBLEMS have been found: stop checking."""


class _Checker:
    def __init__(self, loaded: Loaded, seeds: Seeds) -> None:
        self.loaded = loaded
        self.seeds = seeds
        self.problems: list[Problem] = []
        self.ids: dict[str, tuple[str, Path_]] = {}
        """Every id → (section, path of the item)."""
        self.ids_in: dict[tuple[str, ...], list[str]] = {}
        """Ids of the sections a reference may point to, gathered once per combination of sections."""
        self.broken_ids = False
        """Whether some item's id is missing or invalid."""
        self.hints: dict[tuple[str, str], str | None] = {}
        """(word, kind of options) → the closest option, as already worked out."""

    # --- reporting ------------------------------------------------------------------------------

    def complain(self, path: Path_, english: str, arabic: str, *, at_key: bool = False) -> None:
        line, col = self.loaded.key_mark(path) if at_key else self.loaded.mark(path)
        self.problems.append(Problem(self.loaded.path, line, col, self.where(path), english, arabic))
        if len(self.problems) >= MAX_PROBLEMS:
            raise _TooMany

    def where(self, path: Path_) -> str:
        """``actors[3] (sergei-lavrov).roles[0].of``: the index and the id, so both can be searched for."""
        text = format_path(path)
        if len(path) >= 2 and isinstance(path[1], int):
            item = self.item(path[:2])
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                head = format_path(path[:2])
                text = f"{head} ({item['id']}){text[len(head):]}"
        return text

    def item(self, path: Path_) -> Any:
        value: Any = self.loaded.data
        for part in path:
            value = value[part]
        return value

    def hint(self, word: str, options_name: str, options: Iterable[str]) -> tuple[str, str]:
        """Did-you-mean suffixes, in English and Arabic, for an unknown ``word`` among ``options``.

        Each suggestion costs a comparison with every option, so only the first MAX_HINTS distinct words
        get one: a file with thousands of unknown ids is still checked in seconds.
        """
        key = (word, options_name)
        if key not in self.hints:
            if len(self.hints) >= MAX_HINTS:
                return "", ""
            match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
            self.hints[key] = match[0] if match else None
        found = self.hints[key]
        return (f"; did you mean `{found}`?", f"؛ هل تقصد `{found}`؟") if found else ("", "")

    # --- structure ------------------------------------------------------------------------------

    def run(self) -> dict[str, list[dict[str, Any]]]:
        data = self.loaded.data
        if not isinstance(data, dict):
            self.complain((), "the file must be a mapping of sections such as `actors:`",
                          "يجب أن يكون الملف قاموسًا من أقسام مثل `actors:`")
            return {}
        for name in data:
            if name not in SECTION_BY_NAME:
                hint, hint_ar = self.hint(name, "sections", SECTION_BY_NAME)
                self.complain((name,), f"unknown section `{name}`{hint}", f"قسم غير معروف `{name}`{hint_ar}",
                              at_key=True)
        for kind in SECTIONS:
            items = data.get(kind.section)
            if items is None:
                if kind.section in ("sources", "actors"):
                    self.complain((), f"the section `{kind.section}:` is missing", f"القسم `{kind.section}:` مفقود")
                data[kind.section] = []
                continue
            self.check_items(items, (kind.section,), kind)
        # Values that failed a check have been taken out, so references can be checked now, unless an id
        # is broken: then "unknown id" would be reported for every reference to it.
        if not self.broken_ids:
            self.collect_ids(data)
            for kind in SECTIONS:
                for i, item in enumerate(_mappings(data[kind.section])):
                    if item is not None:
                        self.check_references(item, (kind.section, i), kind)
        if self.problems:  # the rest needs every item whole
            return data
        self.check_semantics(data)
        self.check_provenance(data)
        return data

    def check_items(self, items: Any, path: Path_, kind: Kind) -> None:
        if not isinstance(items, list):
            self.broken_ids |= kind.field_named("id") is not None
            self.complain(path, f"`{path[-1]}` must be a list of items, each starting with `- `",
                          f"يجب أن يكون `{path[-1]}` قائمة عناصر يبدأ كل منها بـ `- `")
            return
        for i, item in enumerate(items):
            self.check_mapping(item, (*path, i), kind)

    def check_mapping(self, item: Any, path: Path_, kind: Kind) -> None:
        if not isinstance(item, dict):
            self.broken_ids |= kind.field_named("id") is not None
            self.complain(path, "each item must be a mapping of `key: value` lines",
                          "يجب أن يكون كل عنصر مجموعة أسطر `key: value`")
            return
        names = [f.name for f in kind.fields]
        for key in item:
            if kind.field_named(key) is None:
                hint, hint_ar = self.hint(str(key), kind.section, names)
                self.complain((*path, key), f"unknown field `{key}`{hint}", f"حقل غير معروف `{key}`{hint_ar}",
                              at_key=True)
        for f in kind.fields:
            if item.get(f.name) is None:
                if f.required:
                    self.complain(path, f"the field `{f.name}` is missing or empty: {f.english}",
                                  f"الحقل `{f.name}` مفقود أو فارغ: {f.arabic}")
                    self.broken_ids |= f.type == "id"
                item.pop(f.name, None)
                continue
            if not self.check_value(item, f, (*path, f.name)):
                item.pop(f.name)  # later checks see only values that passed
                self.broken_ids |= f.type == "id"

    def check_value(self, item: dict[str, Any], f: Field, path: Path_) -> bool:
        """Check and normalise ``item[f.name]``; False if it is unusable (a list keeps None for a bad element)."""
        value = item[f.name]
        if f.type == "items":
            assert f.item is not None
            self.check_items(value, path, f.item)
            return isinstance(value, list)
        if f.type in ("lines", "refs", "dates"):
            if not isinstance(value, list):
                self.wrong_type(path, value, "a list such as `[a, b]`", "قائمة مثل `[a, b]`")
                return False
            single = {"lines": "line", "refs": "ref", "dates": "date"}[f.type]
            seen: set[Any] = set()
            for i, element in enumerate(value):
                checked = self.check_scalar(element, single, f, (*path, i))
                value[i] = checked
                if checked is None:
                    continue
                if checked in seen:
                    self.complain((*path, i), f"`{checked}` is listed twice; remove one",
                                  f"`{checked}` مذكور مرتين؛ احذف أحدهما")
                seen.add(checked)
                value[i] = checked
            if f.name == "sources" and not value:
                self.complain(path, "cite at least one source", "اذكر مصدرًا واحدًا على الأقل")
            return True
        checked = self.check_scalar(value, f.type, f, path)
        if checked is None:
            return False
        item[f.name] = checked
        return True

    def check_scalar(self, value: Any, type_: str, f: Field, path: Path_) -> Any:
        """The value, normalised, or None after complaining."""
        if type_ == "bool":
            if isinstance(value, bool):
                return value
            self.wrong_type(path, value, "true or false", "true أو false")
            return None
        if type_ in ("date", "dates") and isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            value = value.isoformat()
        if not isinstance(value, str):
            self.wrong_type(path, value, "text", "نصًا")
            return None
        bad = suspicious_character(value, multiline=type_ == "text")
        if bad is not None:
            index, name = bad
            self.complain(path, f"character {index + 1} is the invisible or control character {name}; delete it",
                          f"الحرف رقم {index + 1} حرف خفي أو حرف تحكم ({name})؛ احذفه")
            return None
        if not value.strip():
            self.complain(path, "the value is empty; write the text or remove the field",
                          "القيمة فارغة؛ اكتب النص أو احذف الحقل")
            return None
        check = getattr(self, f"check_{type_}", None)
        return check(value, f, path) if check else value

    def check_line(self, value: str, f: Field, path: Path_) -> str | None:
        if "\n" in value.strip():
            self.complain(path, "this field must fit on one line", "يجب أن يكون هذا الحقل في سطر واحد")
            return None
        return value.strip()

    def check_text(self, value: str, f: Field, path: Path_) -> str:
        return value.strip()

    def check_id(self, value: str, f: Field, path: Path_) -> str | None:
        return self._slug(value, path)

    def check_ref(self, value: str, f: Field, path: Path_) -> str | None:
        return self._slug(value, path)

    def _slug(self, value: str, path: Path_) -> str | None:
        if len(value) > MAX_ID_LENGTH or not _SLUG.match(value):
            suggestion = _slugify(value)
            hint = f"; for example `{suggestion}`" if suggestion else ""
            hint_ar = f"؛ مثلًا `{suggestion}`" if suggestion else ""
            self.complain(path,
                          f"`{value}` is not a valid id: use lowercase Latin letters, digits and single hyphens, "
                          f"at most {MAX_ID_LENGTH} characters{hint}",
                          f"`{value}` ليس معرّفًا صالحًا: استخدم حروفًا لاتينية صغيرة وأرقامًا وشرطات مفردة، "
                          f"بحد أقصى {MAX_ID_LENGTH} حرفًا{hint_ar}")
            return None
        return value

    def check_date(self, value: str, f: Field, path: Path_) -> str | None:
        parsed = self.parse_date(value, path)
        return parsed.isoformat() if parsed else None

    def parse_date(self, value: str, path: Path_) -> dt.date | None:
        if not _DATE.match(value):
            self.complain(path, f"`{value}` is not a date; write it as YYYY-MM-DD in quotes, e.g. \"2022-01-12\"",
                          f"`{value}` ليس تاريخًا؛ اكتبه بالشكل YYYY-MM-DD بين علامتي تنصيص، مثل \"2022-01-12\"")
            return None
        try:
            parsed = dt.date.fromisoformat(value)
        except ValueError:
            self.complain(path, f"the date {value} does not exist in the calendar; check the day and month",
                          f"التاريخ {value} غير موجود في التقويم؛ تحقق من اليوم والشهر")
            return None
        if not EARLIEST <= parsed <= LATEST:
            self.complain(path, f"the date {value} is implausible for this fact base "
                                f"(outside {EARLIEST.year}–{LATEST.year}); check the year",
                          f"التاريخ {value} غير معقول لهذه القاعدة (خارج {EARLIEST.year}–{LATEST.year})؛ تحقق من السنة")
            return None
        return parsed

    def check_time(self, value: str, f: Field, path: Path_) -> str | None:
        if not _TIME.match(value):
            self.complain(path, f"`{value}` is not a time; write it as HH:MM in quotes, e.g. \"18:12\"",
                          f"`{value}` ليس وقتًا؛ اكتبه بالشكل HH:MM بين علامتي تنصيص، مثل \"18:12\"")
            return None
        return value

    def check_url(self, value: str, f: Field, path: Path_) -> str | None:
        if value != value.strip():
            self.complain(path, "remove the spaces before and after the web address",
                          "احذف المسافات قبل الرابط وبعده")
            return None
        if not _URL.match(value):
            self.complain(path, "only web addresses starting with http:// or https:// (in lowercase) and a host "
                                "name are allowed, without spaces",
                          "لا يُسمح إلا بروابط تبدأ بـ http:// أو https:// (بحروف صغيرة) يليها اسم الموقع، دون مسافات")
            return None
        return value

    def check_enum(self, value: str, f: Field, path: Path_) -> str | None:
        if value not in f.choices:
            choices = ", ".join(f.choices)
            hint, hint_ar = self.hint(value, f"{f.name} choices", f.choices)
            self.complain(path, f"`{value}` is not allowed here{hint}; use one of: {choices}",
                          f"القيمة `{value}` غير مسموحة هنا{hint_ar}؛ استخدم إحدى: {choices}")
            return None
        return value

    def check_file(self, value: str, f: Field, path: Path_) -> str | None:
        if not _SEED_FILE.match(value):
            self.complain(path, f"`{value}` must be the plain name of a .txt file in seeds/ (no folders)",
                          f"يجب أن يكون `{value}` اسم ملف ‎.txt في seeds/ دون مجلدات")
            return None
        if self.seeds.key(value) is None and value in self.seeds.unreadable:
            self.complain(path, f"seeds/{value} cannot be read as UTF-8 text; save the article as UTF-8",
                          f"تعذّرت قراءة seeds/{value} نصًا بترميز UTF-8؛ احفظ المقال بترميز UTF-8")
            return None
        if self.seeds.key(value) is None:
            self.complain(path, f"there is no file seeds/{value}; add the article there or fix the name",
                          f"لا يوجد ملف seeds/{value}؛ أضف المقال هناك أو صحّح الاسم")
            return None
        return value

    def wrong_type(self, path: Path_, value: Any, expected: str, expected_ar: str) -> None:
        raw = self.loaded.raw.get(path)
        names = _YAML_TYPE_NAMES.get(type(value))
        if raw is not None and names and expected in ("text", "a list such as `[a, b]`"):
            self.complain(path, f"YAML read `{raw}` as {names[0]}, but text is expected here; "
                                f"put it in quotes: \"{raw}\"",
                          f"قرأ YAML القيمة `{raw}` {names[1]}، والمطلوب نص؛ ضعها بين علامتي تنصيص: \"{raw}\"")
            return
        found = names[0] if names else ("a list" if isinstance(value, list) else
                                        "a mapping" if isinstance(value, dict) else type(value).__name__)
        self.complain(path, f"expected {expected}, found {found}", f"المتوقع {expected_ar}، والموجود غير ذلك")

    # --- ids and references ---------------------------------------------------------------------

    def collect_ids(self, data: dict[str, list[dict[str, Any]]]) -> None:
        for section in ENTITY_SECTIONS:
            for i, item in enumerate(_mappings(data[section])):
                ident = item.get("id") if item is not None else None
                if not isinstance(ident, str):
                    continue
                path = (section, i, "id")
                if ident in RESERVED_IDS:
                    self.complain(path, f"`{ident}` is reserved for index pages; choose another id",
                                  f"`{ident}` محجوز لصفحات الفهارس؛ اختر معرّفًا آخر")
                elif ident.casefold() in self.ids:
                    other_section, other = self.ids[ident.casefold()]
                    line = self.loaded.mark(other)[0]
                    self.complain(path, f"the id `{ident}` is already used in {other_section} (line {line}); "
                                        "ids must be unique across the file",
                                  f"المعرّف `{ident}` مستخدم في {other_section} (السطر {line})؛ "
                                  "يجب أن تكون المعرّفات فريدة في الملف كله")
                else:
                    self.ids[ident.casefold()] = (section, path)

    def check_references(self, item: dict[str, Any], path: Path_, kind: Kind) -> None:
        for f in kind.fields:
            if f.name not in item:
                continue
            value = item[f.name]
            if f.type == "ref":
                self.check_reference(value, f, (*path, f.name))
            elif f.type == "refs":
                for i, ref in enumerate(value):
                    if ref is not None:
                        self.check_reference(ref, f, (*path, f.name, i))
            elif f.type == "items" and f.item is not None:
                for i, sub in enumerate(_mappings(value)):
                    if sub is not None:
                        self.check_references(sub, (*path, f.name, i), f.item)

    def check_reference(self, ref: str, f: Field, path: Path_) -> None:
        found = self.ids.get(ref)
        if found is not None and found[0] in f.refs:
            return
        wanted = " or ".join(f.refs)
        if found is not None:
            self.complain(path, f"`{ref}` is in {found[0]}, but this field needs an id from {wanted}",
                          f"`{ref}` موجود في {found[0]}، لكن هذا الحقل يحتاج معرّفًا من {wanted}")
            return
        if f.refs not in self.ids_in:
            self.ids_in[f.refs] = [i for i, (section, _) in self.ids.items() if section in f.refs]
        hint, hint_ar = self.hint(ref, " ".join(f.refs), self.ids_in[f.refs])
        self.complain(path, f"unknown id `{ref}` in {wanted}{hint}", f"معرّف غير معروف `{ref}` في {wanted}{hint_ar}")

    # --- meaning --------------------------------------------------------------------------------

    def check_semantics(self, data: dict[str, list[dict[str, Any]]]) -> None:
        published = {s["id"]: s["published"] for s in data["sources"]}
        for i, source in enumerate(data["sources"]):
            if source.get("date_inferred") and "date_note" not in source:
                self.complain(("sources", i), "date_inferred is true: explain the inference in `date_note`",
                              "date_inferred صحيح: اشرح الاستنتاج في `date_note`")
        for i, event in enumerate(data["events"]):
            path = ("events", i)
            if "end_date" in event and event["end_date"] < event["date"]:
                self.complain((*path, "end_date"), "end_date is before date; swap them or fix one",
                              "end_date قبل date؛ بدّلهما أو صحّح أحدهما")
            if event["status"] == "held":
                self.not_after_sources(event["date"], event["sources"], published, (*path, "date"),
                                       "a held event", "حدث منعقد")
            if event["id"] in event.get("follows", []):
                self.complain((*path, "follows"), "an event cannot follow itself", "لا يمكن أن يلي الحدث نفسه")
        for i, quote in enumerate(data["quotes"]):
            self.not_after_sources(quote["said_on"], quote["sources"], published, ("quotes", i, "said_on"),
                                   "a quote", "اقتباس")
        for i, claim in enumerate(data["claims"]):
            if claim["id"] in claim.get("disputes", []):
                self.complain(("claims", i, "disputes"), "a claim cannot dispute itself",
                              "لا يمكن أن يعارض الادعاء نفسه")

    def not_after_sources(self, date: str, sources: Iterable[str], published: dict[str, str], path: Path_,
                          what: str, what_ar: str) -> None:
        latest = max(published[s] for s in sources)
        if date > latest:
            self.complain(path, f"{what} dated {date} cannot be reported by sources published by {latest}; "
                                "check the date or the sources",
                          f"لا يمكن أن تذكر مصادرُ منشورة حتى {latest} {what_ar} بتاريخ {date}؛ "
                          "تحقق من التاريخ أو المصادر")

    def check_provenance(self, data: dict[str, list[dict[str, Any]]]) -> None:
        files = {s["id"]: s["file"] for s in data["sources"]}
        for section, text_field in (("quotes", "text"), ("claims", "evidence")):
            for i, item in enumerate(data[section]):
                for source in item["sources"]:
                    self.check_verbatim(item[text_field], files[source], source, (section, i, text_field))
        for i, skipped in enumerate(data["skipped_quotations"]):
            source = skipped["source"]
            self.check_verbatim(skipped["text"], files[source], source, ("skipped_quotations", i, "text"))

    def check_verbatim(self, text: str, file: str, source: str, path: Path_) -> None:
        haystack = self.seeds.key(file) or ""
        if find_verbatim(text, haystack) >= 0:
            return
        prefix = longest_found_prefix(text, haystack)
        tail = provenance_key(text)[len(prefix):][:30]
        self.complain(path,
                      f"this text is not found verbatim in seeds/{file} (source {source}); it matches up to "
                      f"character {len(prefix)}, then differs at «{tail}»: copy it exactly from the article",
                      f"هذا النص غير موجود حرفيًا في seeds/{file} (المصدر {source})؛ يطابق حتى الحرف {len(prefix)} "
                      f"ثم يختلف عند «{tail}»: انسخه كما هو من المقال")


def _mappings(items: Any) -> list[dict[str, Any] | None]:
    """The items of a section or nested list, None in place of each that is not a mapping."""
    if not isinstance(items, list):
        return []
    return [item if isinstance(item, dict) else None for item in items]


def _slugify(value: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", value.casefold()))[:MAX_ID_LENGTH]
