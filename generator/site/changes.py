"""What a change to facts.yaml changes on the site: entities added, removed and changed, and their pages.

``python -m generator diff BASE HEAD`` prints this as Markdown for a pull request's summary, so a
reviewer sees the facts a pull request touches, field by field, with the address of every page that
shows them, without reading a YAML diff. It works on the parsed files (not the validated model), so
it can describe an edit to a file that does not pass the check yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..facts.schema import SECTIONS, Kind
from .markup import escape
from .routes import Routes


@dataclass
class Change:
    """One entity that differs between the two files."""

    section: str
    """The facts.yaml section, e.g. ``actors``."""
    key: str
    """The entity's id (for skipped quotations: source and text)."""
    status: str
    """``added``, ``removed`` or ``changed``."""
    fields: list[str] = field(default_factory=list)
    """For ``changed``: the fields whose value differs, in the order the schema declares them."""
    page: str = ""
    """Site-relative address of the page that shows the entity (in the newer file for all but removals)."""


def _entity_key(kind: Kind, record: dict[str, Any]) -> str:
    if kind.field_named("id") is not None:
        return str(record.get("id", ""))
    return f"{record.get('source', '')}: {' '.join(str(record.get('text', '')).split())}"


def _records(data: Any, kind: Kind) -> dict[str, dict[str, Any]]:
    """The section's records by key; records without a usable key are skipped (the check reports them)."""
    items = data.get(kind.section) if isinstance(data, dict) else None
    out: dict[str, dict[str, Any]] = {}
    for record in items if isinstance(items, list) else []:
        if isinstance(record, dict):
            key = _entity_key(kind, record)
            if key and key not in out:
                out[key] = record
    return out


def _field_order(kind: Kind, old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    declared = [f.name for f in kind.fields]
    unknown = sorted((old.keys() | new.keys()) - set(declared))
    return [*declared, *unknown]


def compare(base: Any, head: Any, routes: Routes) -> list[Change]:
    """Every entity that differs between two parsed facts files, sorted by section (schema order) and key."""
    changes: list[Change] = []
    for kind in SECTIONS:
        before, after = _records(base, kind), _records(head, kind)
        for key in sorted(before.keys() | after.keys()):
            old, new = before.get(key), after.get(key)
            if old == new:
                continue
            shown = new if new is not None else old
            assert shown is not None
            path, anchor = routes.record_page(kind.section, shown)
            page = routes.served_url(path, anchor) if path else ""
            if old is None:
                changes.append(Change(kind.section, key, "added", page=page))
            elif new is None:
                changes.append(Change(kind.section, key, "removed", page=page))
            else:
                names = [n for n in _field_order(kind, old, new) if old.get(n) != new.get(n)]
                changes.append(Change(kind.section, key, "changed", names, page))
    return changes


_STATUS_WORDS = {"added": ("added", "أُضيف"), "removed": ("removed", "حُذف"), "changed": ("changed", "عُدّل")}


def summary(changes: list[Change], base_name: str, head_name: str, site_url: str = "") -> str:
    """Markdown for a pull request's summary: one table per section, one row per changed entity."""
    lines = [f"## Fact-base changes | تغييرات قاعدة الوقائع: {escape(base_name)} → {escape(head_name)}", ""]
    if not changes:
        lines.append("No entity added, removed or changed. | لا تغيير في الكيانات.")
        return "\n".join(lines) + "\n"
    counts = {s: sum(c.status == s for c in changes) for s in _STATUS_WORDS}
    lines.append(", ".join(f"{counts[s]} {en}" for s, (en, _) in _STATUS_WORDS.items()) + " | "
                 + "، ".join(f"{ar}: {counts[s]}" for s, (_, ar) in _STATUS_WORDS.items()))
    for kind in SECTIONS:
        rows = [c for c in changes if c.section == kind.section]
        if not rows:
            continue
        lines += ["", f"### {kind.section}", "", "| entity | change | fields | page |", "|---|---|---|---|"]
        for c in rows:
            en, ar = _STATUS_WORDS[c.status]
            fields = ", ".join(f"`{name}`" for name in c.fields)
            page = "" if not c.page or c.status == "removed" else f"[{escape(c.page) or '/'}]({site_url}{c.page})"
            lines.append(f"| {escape(c.key)} | {en} ({ar}) | {fields} | {page} |")
    return "\n".join(lines) + "\n"
