"""Validate: check a loaded facts.yaml against the schema, its references and its sources.

Every check appends a located Problem and goes on, so one run reports every mistake.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .errors import FactsError
from .load import Loaded, Path_
from .provenance import check_provenance
from .references import References, mappings
from .report import Reporter, StopChecking
from .rules import check_rules
from .schema import MAX_SECTION_ITEMS, SECTION_BY_NAME, SECTIONS, Field, Kind
from .seeds import Seeds
from .text import has_visible_letter, suspicious_character
from .types import FORMATS, TYPES, quoted_fix

_YAML_TYPE_NAMES = {bool: ("a boolean", "قيمة منطقية"), int: ("a number", "رقمًا"), float: ("a number", "رقمًا"),
                    dt.date: ("a date", "تاريخًا"), dt.datetime: ("a date and time", "تاريخًا ووقتًا"),
                    type(None): ("empty", "فارغة")}


def validate(loaded: Loaded, seeds: Path | Seeds) -> dict[str, list[dict[str, Any]]]:
    """The fact base as plain data, normalised (dates as ISO strings); FactsError if anything is wrong.

    ``seeds`` is the seeds/ folder, or a Seeds reader whose texts the caller reuses afterwards.
    """
    checker = _Checker(loaded, seeds if isinstance(seeds, Seeds) else Seeds(seeds))
    collecting = gc.isenabled()
    gc.disable()  # many small objects and no cycles: collecting meanwhile only costs time
    try:
        data = checker.run()
    except StopChecking:
        checker.report.stopped()
        data = {}
    finally:
        if collecting:
            gc.enable()
    problems = checker.report.problems + checker.seeds.problems
    if problems:
        raise FactsError(problems)
    return data


class _Checker:
    """The structure of every item (types, required fields, limits, characters), then references, rules and
    provenance (each in its own module)."""

    def __init__(self, loaded: Loaded, seeds: Seeds) -> None:
        self.loaded = loaded
        self.seeds = seeds
        self.report = Reporter(loaded)
        self.references = References(self.report)
        self.broken_ids = False
        """Whether some item's id is missing or invalid."""

    # --- reporting (report.py) ---------------------------------------------------------------------

    def complain(self, path: Path_, english: str, arabic: str, *, at_key: bool = False) -> None:
        self.report.complain(path, english, arabic, at_key=at_key)

    def hint(self, word: str, options_name: str, options: Iterable[str]) -> tuple[str, str]:
        return self.report.hint(word, options_name, options)

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
            self.references.collect_ids(data)
            for kind in SECTIONS:
                for i, item in enumerate(mappings(data[kind.section])):
                    if item is not None:
                        self.references.check_references(item, (kind.section, i), kind)
        if self.report.problems:  # the rest needs every item whole
            return data
        check_rules(data, self.report)
        check_provenance(data, self.seeds, self.report)
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
            if f.required:  # removing it would only move the complaint: say what the field needs
                self.complain(path, f"the value is empty; this field is required: {f.english}",
                              f"القيمة فارغة؛ هذا الحقل مطلوب: {f.arabic}")
            else:
                self.complain(path, "the value is empty; write the text or remove the field",
                              "القيمة فارغة؛ اكتب النص أو احذف الحقل")
            return None
        if type_ in ("line", "text") and not has_visible_letter(value):
            self.complain(path, "the value has no letter or digit (only marks, punctuation or invisible "
                                "characters); write the text",
                          "لا تحوي القيمة حرفًا ولا رقمًا (بل علامات أو ترقيمًا أو حروفًا خفية)؛ اكتب النص")
            return None
        return TYPES[type_].check(value, f, path, self)

    def wrong_type(self, path: Path_, value: Any, expected: str, expected_ar: str, type_: str = "") -> None:
        raw = self.loaded.raw.get(path)
        names = _YAML_TYPE_NAMES.get(type(value))
        if raw is not None and names and expected in ("text", "a list such as `[a, b]`"):
            fix = quoted_fix(raw, value, type_) if expected == "text" else f"[\"{raw}\"]"
            if fix is None:
                self.complain(path, f"YAML read `{raw}` as {names[0]}, but this field needs {FORMATS[type_][0]}",
                              f"قرأ YAML القيمة `{raw}` {names[1]}، وهذا الحقل يحتاج {FORMATS[type_][1]}")
                return
            self.complain(path, f"YAML read `{raw}` as {names[0]}, but text is expected here; "
                                f"put it in quotes: {fix}",
                          f"قرأ YAML القيمة `{raw}` {names[1]}، والمطلوب نص؛ ضعها بين علامتي تنصيص: {fix}")
            return
        found = names[0] if names else ("a list" if isinstance(value, list) else
                                        "a mapping" if isinstance(value, dict) else type(value).__name__)
        self.complain(path, f"expected {expected}, found {found}", f"المتوقع {expected_ar}، والموجود غير ذلك")

    # --- ids and references ---------------------------------------------------------------------
