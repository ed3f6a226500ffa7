"""References: ids are unique across the file, and every reference names an id of the right section."""

from __future__ import annotations

from typing import Any

from .load import Path_
from .report import Reporter
from .schema import ENTITY_SECTIONS, Field, Kind
from .types import RESERVED_IDS


class References:
    """The ids of one file, gathered once, and the check of every reference against them."""

    def __init__(self, report: Reporter) -> None:
        self.report = report
        self.ids: dict[str, tuple[str, Path_]] = {}
        """Every id (case-folded) → (section, path of the item)."""
        self.ids_in: dict[tuple[str, ...], list[str]] = {}
        """Ids of the sections a reference may point to, gathered once per combination of sections."""

    def collect_ids(self, data: dict[str, list[dict[str, Any]]]) -> None:
        for section in ENTITY_SECTIONS:
            for i, item in enumerate(mappings(data[section])):
                ident = item.get("id") if item is not None else None
                if not isinstance(ident, str):
                    continue
                path = (section, i, "id")
                if ident in RESERVED_IDS:
                    self.report.complain(path, f"`{ident}` is reserved for index pages; choose another id",
                                         f"`{ident}` محجوز لصفحات الفهارس؛ اختر معرّفًا آخر")
                elif ident.casefold() in self.ids:
                    other_section, other = self.ids[ident.casefold()]
                    line = self.report.loaded.mark(other)[0]
                    self.report.complain(path, f"the id `{ident}` is already used in {other_section} (line {line}); "
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
                for i, sub in enumerate(mappings(value)):
                    if sub is not None:
                        self.check_references(sub, (*path, f.name, i), f.item)

    def check_reference(self, ref: str, f: Field, path: Path_) -> None:
        found = self.ids.get(ref)
        if found is not None and found[0] in f.refs:
            return
        wanted = " or ".join(f.refs)
        if found is not None:
            self.report.complain(path, f"`{ref}` is in {found[0]}, but this field needs an id from {wanted}",
                                 f"`{ref}` موجود في {found[0]}، لكن هذا الحقل يحتاج معرّفًا من {wanted}")
            return
        if f.refs not in self.ids_in:
            self.ids_in[f.refs] = [i for i, (section, _) in self.ids.items() if section in f.refs]
        hint, hint_ar = self.report.hint(ref, " ".join(f.refs), self.ids_in[f.refs])
        self.report.complain(path, f"unknown id `{ref}` in {wanted}{hint}",
                             f"معرّف غير معروف `{ref}` في {wanted}{hint_ar}")


def mappings(items: Any) -> list[dict[str, Any] | None]:
    """The items of a section or nested list, None in place of each that is not a mapping."""
    if not isinstance(items, list):
        return []
    return [item if isinstance(item, dict) else None for item in items]
