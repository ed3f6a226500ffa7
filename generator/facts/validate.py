"""Validate: check a loaded facts.yaml against the schema, its references and its sources.

Every check appends a located Problem and goes on, so one run reports every mistake.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
import unicodedata
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
    MAX_SECTION_ITEMS,
    SLUG_PATTERN,
    TIME_PATTERN,
    URL_PATTERN,
    Field,
    Kind,
)
from .files import UnsafeFile, read_bytes
from .suggest import Suggester
from .text import (
    BIDI_OVERRIDES,
    char_name,
    find_verbatim,
    has_visible_letter,
    latin_lookalikes,
    longest_found_prefix,
    provenance_key,
    suspicious_character,
    visible,
    word_count,
)

_SLUG = re.compile(SLUG_PATTERN)
_DATE = re.compile(DATE_PATTERN)
_TIME = re.compile(TIME_PATTERN)
_SEED_FILE = re.compile(SEED_FILE_PATTERN)
_URL = re.compile(URL_PATTERN)
MAX_ID_LENGTH = 80
MAX_HINTS = 1000
"""Distinct unknown words that get a did-you-mean suggestion in one run."""
RESERVED_IDS = frozenset({"index"})
"""Ids that would collide with a generated index page."""
EARLIEST = dt.date(1991, 1, 1)
LATEST = dt.date(2030, 12, 31)
"""Dates outside this window are typing mistakes for this fact base."""

_YAML_TYPE_NAMES = {bool: ("a boolean", "قيمة منطقية"), int: ("a number", "رقمًا"), float: ("a number", "رقمًا"),
                    dt.date: ("a date", "تاريخًا"), dt.datetime: ("a date and time", "تاريخًا ووقتًا"),
                    type(None): ("empty", "فارغة")}


MAX_SEED_BYTES = 2 * 1024 * 1024
"""A seed larger than this is refused (the longest news article is a few tens of kilobytes)."""
_SEED_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + "".join(sorted(BIDI_OVERRIDES)) + "]")
"""Control characters and bidi embeddings/overrides/isolates: published raw they would hide or reorder text."""


@dataclass
class Seeds:
    """The source articles, read once (safely: see files.py) and normalised for provenance checks."""

    folder: Path
    """The seeds/ folder."""
    root: Path | None = None
    """The project folder: no part of a seed's path below it may be a link. None: the seeds folder's parent."""
    texts: dict[str, str] = field(default_factory=dict)
    """Seed file name → its text, for every seed read without a problem."""
    keys: dict[str, str] = field(default_factory=dict)
    refused: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Seed file name → why it cannot be used (English, Arabic), for seeds that exist but are refused."""
    problems: list[Problem] = field(default_factory=list)
    """Problems located inside seed files (a control character at its line and column)."""

    def key(self, name: str) -> str | None:
        """The provenance key of seed ``name``, or None if there is no such file or it cannot be used."""
        if name not in self.keys:
            if name in self.refused:
                return None
            text = self._read(name)
            if text is None:
                return None
            self.texts[name] = text
            self.keys[name] = provenance_key(text)
        return self.keys[name]

    def _read(self, name: str) -> str | None:
        path = self.folder / name
        display = f"{self.folder.name}/{name}"
        try:
            data, size = read_bytes(path, self.root or self.folder.parent, MAX_SEED_BYTES)
        except FileNotFoundError:
            return None
        except UnsafeFile as exc:
            self.refused[name] = (exc.english, exc.arabic)
            return None
        except OSError as exc:
            self.refused[name] = (f"{display} cannot be read: {exc.strerror}", f"تعذّرت قراءة {display}: {exc.strerror}")
            return None
        if size > MAX_SEED_BYTES:
            self.refused[name] = (f"{display} is {size:,} bytes, over the limit of {MAX_SEED_BYTES:,} for an article",
                                  f"حجم {display} {size:,} بايت ويتجاوز حد المقال {MAX_SEED_BYTES:,}")
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            self.refused[name] = (f"{display} cannot be read as UTF-8 text; save the article as UTF-8",
                                  f"تعذّرت قراءة {display} نصًا بترميز UTF-8؛ احفظ المقال بترميز UTF-8")
            return None
        bad = _SEED_CONTROL.search(text)
        if bad is not None:
            line = text.count("\n", 0, bad.start()) + 1
            col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
            char = char_name(bad.group())
            self.problems.append(Problem(display, line, col, "", f"the article holds the control character {char}, "
                                         "which would be published as is; delete it from the seed",
                                         f"يحوي المقال حرف التحكم {char} الذي سيُنشر كما هو؛ احذفه من الملف"))
            self.refused[name] = (f"{display} holds a control character (line {line}, column {col}); delete it",
                                  f"يحوي {display} حرف تحكم (السطر {line}، العمود {col})؛ احذفه")
            return None
        return text


def validate(loaded: Loaded, seeds: Path | Seeds) -> dict[str, list[dict[str, Any]]]:
    """The fact base as plain data, normalised (dates as ISO strings); FactsError if anything is wrong.

    ``seeds`` is the seeds/ folder, or a Seeds reader whose texts the caller reuses afterwards.
    """
    checker = _Checker(loaded, seeds if isinstance(seeds, Seeds) else Seeds(seeds))
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
    if checker.problems or checker.seeds.problems:
        raise FactsError(checker.problems + checker.seeds.problems)
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
        self.suggesters: dict[str, Suggester] = {}
        """Kind of options → its index of options (built on the first unknown word of that kind)."""

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

        Suggestions come from a trigram index (suggest.py), so each costs about the same whatever the number
        of options; past MAX_HINTS distinct words, the log would be unreadable anyway.
        """
        key = (word, options_name)
        if key not in self.hints:
            if len(self.hints) >= MAX_HINTS:
                return "", ""
            if options_name not in self.suggesters:
                self.suggesters[options_name] = Suggester(options)
            self.hints[key] = self.suggesters[options_name].closest(word)
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

    def check_items(self, items: Any, path: Path_, kind: Kind, limit: int = MAX_SECTION_ITEMS) -> None:
        if not isinstance(items, list):
            self.broken_ids |= kind.field_named("id") is not None
            self.complain(path, f"`{path[-1]}` must be a list of items, each starting with `- `",
                          f"يجب أن يكون `{path[-1]}` قائمة عناصر يبدأ كل منها بـ `- `")
            return
        if len(items) > limit:
            self.too_many_items(path, items, limit)
            del items[limit:]
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
            self.check_items(value, path, f.item, f.items_limit)
            return isinstance(value, list)
        if f.type in ("lines", "refs", "dates"):
            if not isinstance(value, list):
                self.wrong_type(path, value, "a list such as `[a, b]`", "قائمة مثل `[a, b]`")
                return False
            single = {"lines": "line", "refs": "ref", "dates": "date"}[f.type]
            if len(value) > f.items_limit:
                self.too_many_items(path, value, f.items_limit)
                return False
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

    def too_many_items(self, path: Path_, items: list[Any], limit: int) -> None:
        self.complain(path, f"{len(items):,} items, over the limit of {limit:,} here; split the data or remove "
                            "what is not in the sources",
                      f"{len(items):,} عنصرًا، وهذا فوق الحد {limit:,} هنا؛ قسّم البيانات أو احذف ما ليس في المصادر")

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
            self.wrong_type(path, value, "text", "نصًا", type_)
            return None
        limit = f.length_limit
        if limit and len(value) > limit:
            self.complain(path, f"{len(value):,} characters, over the limit of {limit:,} for `{f.name}`; shorten it "
                                "(quote only the words that matter)",
                          f"{len(value):,} حرفًا، وهذا فوق الحد {limit:,} للحقل `{f.name}`؛ اختصره (انقل ما يهم فقط)")
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
        if type_ in ("line", "text") and not has_visible_letter(value):
            self.complain(path, "the value has no letter or digit, so it shows as blank; write the text",
                          "لا تحوي القيمة حرفًا ولا رقمًا فتظهر فارغة؛ اكتب النص")
            return None
        check = getattr(self, f"check_{type_}", None)
        return check(value, f, path) if check else value

    def check_line(self, value: str, f: Field, path: Path_) -> str | None:
        if "\n" in value.strip():
            self.complain(path, "this field must fit on one line", "يجب أن يكون هذا الحقل في سطر واحد")
            return None
        return value.strip()

    def check_text(self, value: str, f: Field, path: Path_) -> str | None:
        if f.min_words and word_count(value) < f.min_words:
            self.complain(path, f"only {word_count(value)} word(s): a quotation has at least {f.min_words}; a shorter "
                                "fragment in quotation marks belongs in `skipped_quotations` with its reason",
                          f"{word_count(value)} كلمة فقط: الاقتباس {f.min_words} كلمات على الأقل؛ والمقطع الأقصر بين "
                          "علامات التنصيص مكانه `skipped_quotations` مع السبب")
            return None
        return value.strip()

    def check_id(self, value: str, f: Field, path: Path_) -> str | None:
        return self._slug(value, path)

    def check_ref(self, value: str, f: Field, path: Path_) -> str | None:
        return self._slug(value, path)

    def _slug(self, value: str, path: Path_) -> str | None:
        if len(value) > MAX_ID_LENGTH or not _SLUG.match(value):
            suggestion = _slugify(value)
            if suggestion in RESERVED_IDS:
                suggestion = ""
            shown = visible(value)
            hint = f"; for example `{suggestion}`" if suggestion else ""
            hint_ar = f"؛ مثلًا `{suggestion}`" if suggestion else ""
            self.complain(path,
                          f"`{shown}` is not a valid id: use lowercase Latin letters, digits and single hyphens, "
                          f"at most {MAX_ID_LENGTH} characters{hint}",
                          f"`{shown}` ليس معرّفًا صالحًا: استخدم حروفًا لاتينية صغيرة وأرقامًا وشرطات مفردة، "
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
        if self.seeds.key(value) is None and value in self.seeds.refused:
            english, arabic = self.seeds.refused[value]
            self.complain(path, english, arabic)
            return None
        if self.seeds.key(value) is None:
            self.complain(path, f"there is no file seeds/{value}; add the article there or fix the name",
                          f"لا يوجد ملف seeds/{value}؛ أضف المقال هناك أو صحّح الاسم")
            return None
        return value

    def wrong_type(self, path: Path_, value: Any, expected: str, expected_ar: str, type_: str = "") -> None:
        raw = self.loaded.raw.get(path)
        names = _YAML_TYPE_NAMES.get(type(value))
        if raw is not None and names and expected in ("text", "a list such as `[a, b]`"):
            fix = quoted_fix(raw, value, type_) if expected == "text" else f"[\"{raw}\"]"
            if fix is None:
                self.complain(path, f"YAML read `{raw}` as {names[0]}, but this field needs {_FORMATS[type_][0]}",
                              f"قرأ YAML القيمة `{raw}` {names[1]}، وهذا الحقل يحتاج {_FORMATS[type_][1]}")
                return
            self.complain(path, f"YAML read `{raw}` as {names[0]}, but text is expected here; "
                                f"put it in quotes: {fix}",
                          f"قرأ YAML القيمة `{raw}` {names[1]}، والمطلوب نص؛ ضعها بين علامتي تنصيص: {fix}")
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
        self.check_follows_cycles(data["events"])
        for i, actor in enumerate(data["actors"]):
            if actor["id"] in actor.get("member_of", []):
                j = actor["member_of"].index(actor["id"])
                self.complain(("actors", i, "member_of", j), "an actor cannot be a member of itself; remove it",
                              "لا يمكن أن يكون الفاعل عضوًا في نفسه؛ احذفه")
        for i, quote in enumerate(data["quotes"]):
            self.not_after_sources(quote["said_on"], quote["sources"], published, ("quotes", i, "said_on"),
                                   "a quote", "اقتباس")
        for i, claim in enumerate(data["claims"]):
            if claim["id"] in claim.get("disputes", []):
                self.complain(("claims", i, "disputes"), "a claim cannot dispute itself",
                              "لا يمكن أن يعارض الادعاء نفسه")

    def check_follows_cycles(self, events: list[dict[str, Any]]) -> None:
        """Refuse a chain of ``follows`` that comes back to where it started (a page would list one event
        as both before and after another). Iterative depth-first search: linear, and no recursion limit."""
        position = {e["id"]: i for i, e in enumerate(events)}
        state: dict[str, int] = {}  # 1: on the current path, 2: done
        for start in events:
            if start["id"] in state:
                continue
            stack = [(start["id"], iter(start.get("follows", [])))]
            state[start["id"]] = 1
            while stack:
                ident, rest = stack[-1]
                nxt = next(rest, None)
                if nxt is None:
                    state[ident] = 2
                    stack.pop()
                elif nxt == ident or nxt not in position:
                    continue  # following itself is reported on its own; unknown ids by the reference check
                elif state.get(nxt) == 1:
                    cycle = [i for i, _ in stack[[i for i, _ in stack].index(nxt):]]
                    i = position[ident]
                    j = events[i]["follows"].index(nxt)
                    chain = " → ".join([*cycle, nxt])
                    self.complain(("events", i, "follows", j), f"`follows` goes round in a circle ({chain}); an "
                                  "event cannot come after itself: remove one of these links",
                                  f"سلسلة `follows` دائرية ({chain})؛ لا يمكن أن يأتي حدث بعد نفسه: احذف أحد هذه الروابط")
                elif nxt not in state:
                    state[nxt] = 1
                    stack.append((nxt, iter(events[position[nxt]].get("follows", []))))

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
        if find_verbatim(unicodedata.normalize("NFC", text), unicodedata.normalize("NFC", haystack)) >= 0:
            self.complain(path, f"these words are in seeds/{file} (source {source}), but encoded differently: they "
                                "differ only in Unicode normalisation (NFC, e.g. a letter and its mark stored as one "
                                "character or two); copy the text from the article itself",
                          f"هذه الكلمات موجودة في seeds/{file} (المصدر {source}) لكن بترميز مختلف: الفرق في تطبيع "
                          "يونيكود (NFC) فقط؛ انسخ النص من المقال نفسه")
            return
        if provenance_key(text) in haystack:
            self.complain(path, f"this text occurs in seeds/{file} (source {source}) only inside longer words; a "
                                "quotation starts and ends on whole words: copy whole words from the article",
                          f"هذا النص لا يرد في seeds/{file} (المصدر {source}) إلا داخل كلمات أطول؛ الاقتباس يبدأ "
                          "وينتهي بكلمات كاملة: انسخ كلمات كاملة من المقال")
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
    """A valid id close to ``value``: look-alike letters made Latin, invisible characters dropped."""
    words = re.findall(r"[a-z0-9]+", latin_lookalikes(value).casefold())
    return "-".join(words)[:MAX_ID_LENGTH].strip("-")


_FORMATS = {"date": ("a date written YYYY-MM-DD in quotes", "تاريخًا بالشكل YYYY-MM-DD بين علامتي تنصيص"),
            "dates": ("dates written YYYY-MM-DD in quotes", "تواريخ بالشكل YYYY-MM-DD بين علامتي تنصيص"),
            "time": ("a time written HH:MM in quotes", "وقتًا بالشكل HH:MM بين علامتي تنصيص")}
for _type in ("id", "ref", "refs"):
    _FORMATS[_type] = ("an id: lowercase Latin letters, digits and hyphens", "معرّفًا: حروف لاتينية صغيرة وأرقام وشرطات")
for _type in ("line", "lines", "text", "url", "enum", "file", ""):
    _FORMATS[_type] = ("text", "نصًا")


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
