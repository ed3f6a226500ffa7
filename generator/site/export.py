"""Open data: the fact base as files anyone can download from the site (docs/data/).

* ``facts.json`` holds the six sections of facts.yaml with the same keys, so it validates against
  ``facts.schema.json`` (copied beside it) and can be read back by the generator.
* One CSV per kind of fact (actors, meetings, quotes, sources, claims), encoded UTF-8 *with* a byte
  order mark: without it Excel reads the file as the local ANSI code page and shows Arabic as mojibake;
  every CSV reader that knows UTF-8 skips the mark.
* ``events.atom``: an Atom feed with one entry per event, newest first.

The open-data page (templates/open_data.md.j2) documents these files from the same column
declarations the writer uses, so the documentation cannot fall behind the files.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..facts.model import Actor, Claim, Event, FactBase, Quote, Role, Source
from ..facts.schema import SECTION_BY_NAME, SECTIONS, Kind, json_schema_text
from .context import Settings, SiteContext
from .routes import Routes

FEED_TITLE = "أحداث الحوار بين الناتو وروسيا"
LIST_SEPARATOR = ";"
"""Joins the items of a list inside one CSV cell (ids never contain it)."""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Cell openings a spreadsheet would run as a formula; such cells get a leading apostrophe."""
ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Column:
    """One CSV column: its header, what it holds (Arabic, shown on the open-data page) and its value."""

    name: str
    arabic: str
    value: Callable[[Any], object]


@dataclass(frozen=True)
class DataFile:
    """A file written under docs/data/ and listed on the open-data page."""

    path: str
    """Path under docs/."""
    content: bytes
    arabic: str
    """What the file holds, in Arabic."""
    media_type: str
    rows: int | None = None
    columns: tuple[Column, ...] = ()

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]


# --- facts.json ----------------------------------------------------------------------------------

def facts_document(base: FactBase) -> dict[str, list[dict[str, Any]]]:
    """The fact base as plain data shaped like facts.yaml: the same sections, keys and ids."""
    ordered: dict[str, list[Any]] = {
        "sources": base.sources_by_date(),
        "actors": sorted(base.actors.values(), key=lambda a: a.id),
        "events": base.events_by_date(),
        "quotes": sorted(base.quotes.values(), key=lambda q: q.sort_key),
        "claims": sorted(base.claims.values(), key=lambda c: c.id),
    }
    document = {kind.section: [_plain(item, kind) for item in ordered[kind.section]]
                for kind in SECTIONS if kind.section in ordered}
    skipped = SECTION_BY_NAME["skipped_quotations"]
    document["skipped_quotations"] = [_plain_mapping(s, skipped) for s in base.skipped]
    return document


def _plain(entity: object, kind: Kind) -> dict[str, Any]:
    """An entity's schema fields in schema order; absent optional values left out, as in facts.yaml."""
    out: dict[str, Any] = {}
    for f in kind.fields:
        if not hasattr(entity, f.name):  # a schema field the model forgot would vanish from the open data
            raise AttributeError(f"{type(entity).__name__} has no attribute for the schema field {f.name!r}; "
                                 "add it to generator/facts/model.py")
        value = getattr(entity, f.name)
        if f.item is not None:
            value = [_plain(item, f.item) for item in value or []]
        else:
            value = _ids(value)
        if value not in (None, [], False, ""):
            out[f.name] = value
    return out


def _plain_mapping(item: dict[str, Any], kind: Kind) -> dict[str, Any]:
    return {f.name: item[f.name] for f in kind.fields if f.name in item}


_ENTITIES = (Actor, Event, Source, Quote, Claim)


def _ids(value: Any) -> Any:
    """Cross-references as ids: an actor becomes ``"nato"``, a list of events a list of ids."""
    if isinstance(value, _ENTITIES):
        return value.id
    if isinstance(value, list):
        return [_ids(v) for v in value]
    return value


def facts_json(base: FactBase) -> bytes:
    """facts.json with one fact per line: readable, diffable, and written by json's fast C encoder
    (``indent`` would switch it to the pure-Python one, several times slower on a big fact base)."""
    sections = []
    for section, items in facts_document(base).items():
        lines = ",\n".join(f"    {json.dumps(item, ensure_ascii=False)}" for item in items)
        sections.append(f'  "{section}": [\n{lines}\n  ]' if items else f'  "{section}": []')
    return ("{\n" + ",\n".join(sections) + "\n}\n").encode("utf-8")


# --- CSV -----------------------------------------------------------------------------------------

def _joined(items: Iterable[object]) -> str:
    return LIST_SEPARATOR.join(i.id if hasattr(i, "id") else str(i) for i in items)  # type: ignore[attr-defined]


def _role(role: Role) -> str:
    return f"{role.title} ({role.of.id})" if role.of else role.title


CSV_SECTIONS = {"actors.csv": "actors", "meetings.csv": "events", "quotes.csv": "quotes",
                "sources.csv": "sources", "claims.csv": "claims"}
"""The facts.yaml section each CSV file lists."""
CSV_LEFT_OUT = {"meetings.csv": frozenset({"date_note"})}
"""Schema fields a CSV file leaves out on purpose (the reasoning behind a date belongs on its page)."""


def csv_tables(site_url: str, routes: Routes | None = None) -> dict[str, tuple[str, tuple[Column, ...]]]:
    """File name → (Arabic description, columns) of every CSV file.

    Columns that need shaping (lists, links, cross-references) are declared below; every other field
    of the schema gets a plain column of its own, so a field added to the schema reaches the CSV too.
    """
    tables = _declared_csv_tables(site_url, routes or Routes())
    for name, (arabic, columns) in tables.items():
        declared = {c.name for c in columns} | CSV_LEFT_OUT.get(name, frozenset())
        extra = tuple(Column(f.name, f.arabic, _attribute(f.name))
                      for f in SECTION_BY_NAME[CSV_SECTIONS[name]].fields if f.name not in declared)
        tables[name] = (arabic, columns[:-1] + extra + columns[-1:])  # the page link stays last
    return tables


def _attribute(name: str) -> Callable[[Any], Any]:
    def value(item: Any) -> Any:
        found = getattr(item, name)
        return _joined(found) if isinstance(found, list) else _ids(found)
    return value


def _declared_csv_tables(site_url: str, routes: Routes) -> dict[str, tuple[str, tuple[Column, ...]]]:

    def page(target: Any) -> str:
        return routes.absolute_url(site_url, target)

    return {
        "actors.csv": ("الفاعلون: شخص أو مؤسسة أو دولة في كل سطر", (
            Column("id", "المعرّف", lambda a: a.id),
            Column("kind", "النوع: person أو institution أو state", lambda a: a.kind),
            Column("name", "الاسم العربي", lambda a: a.name),
            Column("name_latin", "الاسم بالحروف اللاتينية", lambda a: a.name_latin),
            Column("aliases", "كتابات أخرى للاسم", lambda a: _joined(a.aliases)),
            Column("roles", "المناصب، ومعرّف الجهة بين قوسين", lambda a: _joined(_role(r) for r in a.roles)),
            Column("member_of", "معرّفات الجهات التي ينتمي إليها", lambda a: _joined(a.member_of)),
            Column("description", "الوصف", lambda a: a.description),
            Column("events", "معرّفات الأحداث التي شارك فيها", lambda a: _joined(a.events)),
            Column("quotes", "معرّفات أقواله", lambda a: _joined(a.quotes)),
            Column("sources", "معرّفات المصادر", lambda a: _joined(a.sources)),
            Column("page", "رابط صفحته في الموقع", lambda a: page(a)),
        )),
        "meetings.csv": ("اللقاءات والأحداث: حدث في كل سطر", (
            Column("id", "المعرّف", lambda e: e.id),
            Column("date", "التاريخ (YYYY-MM-DD)", lambda e: e.date),
            Column("end_date", "اليوم الأخير للأحداث الممتدة", lambda e: e.end_date),
            Column("kind", "النوع (meeting، phone-call، …)", lambda e: e.kind),
            Column("status", "الحالة: held (جرى) أو announced (مُعلَن عنه)", lambda e: e.status),
            Column("title", "العنوان", lambda e: e.title),
            Column("place", "المكان", lambda e: e.place),
            Column("chair", "معرّف الرئيس أو المضيف", lambda e: e.chair.id if e.chair else ""),
            Column("participants", "معرّفات المشاركين", lambda e: _joined(e.participants)),
            Column("summary", "ما جرى بحثه", lambda e: e.summary),
            Column("outcome", "النتيجة", lambda e: e.outcome),
            Column("follows", "معرّفات الأحداث التي سبقته", lambda e: _joined(e.follows)),
            Column("quotes", "معرّفات الأقوال المرتبطة به", lambda e: _joined(e.quotes)),
            Column("sources", "معرّفات المصادر", lambda e: _joined(e.sources)),
            Column("page", "رابط صفحته في الموقع", lambda e: page(e)),
        )),
        "quotes.csv": ("الأقوال: قول في كل سطر", (
            Column("id", "المعرّف", lambda q: q.id),
            Column("said_on", "تاريخ القول", lambda q: q.said_on),
            Column("speaker", "معرّف القائل", lambda q: q.speaker.id),
            Column("speaker_label", "وصف القائل إن لم يُسمَّ", lambda q: q.speaker_label),
            Column("kind", "direct (اقتباس مباشر) أو paraphrase (منقول بالمعنى)", lambda q: q.kind),
            Column("text", "النص كما ورد في المصدر", lambda q: q.text),
            Column("event", "معرّف المناسبة", lambda q: q.event.id if q.event else ""),
            Column("sources", "معرّفات المصادر", lambda q: _joined(q.sources)),
            Column("page", "رابط القول في صفحة قائله", lambda q: page(q)),
        )),
        "sources.csv": ("المصادر: مقال إخباري في كل سطر", (
            Column("id", "المعرّف", lambda s: s.id),
            Column("published", "تاريخ النشر", lambda s: s.published),
            Column("time", "وقت النشر", lambda s: s.time),
            Column("timezone", "المنطقة الزمنية", lambda s: s.timezone),
            Column("date_inferred", "true إذا استُنتج التاريخ من النص", lambda s: "true" if s.date_inferred else
                   "false"),
            Column("date_note", "كيف استُنتج التاريخ", lambda s: s.date_note),
            Column("outlet", "الوسيلة", lambda s: s.outlet),
            Column("headline", "العنوان", lambda s: s.headline),
            Column("agencies", "وكالات الأنباء المذكورة", lambda s: _joined(s.agencies)),
            Column("url", "رابط المقال الأصلي", lambda s: s.url),
            Column("file", "اسم ملف المقال في seeds/", lambda s: s.file),
            Column("note", "ملاحظة المحرر", lambda s: s.note),
            Column("page", "رابط صفحته في الموقع", lambda s: page(s)),
        )),
        "claims.csv": ("الأرقام والادعاءات: ادعاء في كل سطر", (
            Column("id", "المعرّف", lambda c: c.id),
            Column("text", "الادعاء بصياغة المحرر", lambda c: c.text),
            Column("evidence", "النص الذي يسنده كما ورد في المصدر", lambda c: c.evidence),
            Column("about", "معرّفات الفاعلين أو الأحداث المعنية", lambda c: _joined(c.about)),
            Column("disputes", "معرّفات الادعاءات التي تقدم رواية أخرى", lambda c: _joined(c.disputes)),
            Column("sources", "معرّفات المصادر", lambda c: _joined(c.sources)),
            Column("page", "رابطه في صفحة الأرقام والادعاءات", lambda c: page(c)),
        )),
    }


def csv_rows(base: FactBase) -> dict[str, list[Any]]:
    """File name → the entities it lists, in a stable order."""
    return {
        "actors.csv": sorted(base.actors.values(), key=lambda a: a.id),
        "meetings.csv": base.events_by_date(),
        "quotes.csv": sorted(base.quotes.values(), key=lambda q: q.sort_key),
        "sources.csv": base.sources_by_date(),
        "claims.csv": sorted(base.claims.values(), key=lambda c: c.id),
    }


def csv_bytes(columns: tuple[Column, ...], items: list[Any]) -> bytes:
    """RFC 4180 CSV (comma, CRLF, double quotes) in UTF-8 with a byte order mark."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(c.name for c in columns)
    for item in items:
        writer.writerow(_cell(c.value(item)) for c in columns)
    return buffer.getvalue().encode("utf-8-sig")


def _cell(value: object) -> str:
    text = "" if value is None else str(value).replace("\r\n", "\n")
    # A fact starting with "=" must stay text in a spreadsheet, never become a formula (CSV injection).
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


# --- the Atom feed -------------------------------------------------------------------------------

def atom_feed(base: FactBase, site_url: str, routes: Routes | None = None) -> bytes:
    """Every event, newest first, as an Atom 1.0 feed; dates are the events' own, so builds are reproducible."""
    routes = routes or Routes()
    feed_path = routes.data_file("events.atom")
    events = base.events_by_date()[::-1]
    root = ET.Element("feed", {"xmlns": ATOM_NS, XML_LANG: "ar"})
    _sub(root, "title", FEED_TITLE)
    _sub(root, "subtitle", "كل حدث في بطاقات الوقائع: اللقاءات والاتصالات والمؤتمرات الصحفية والبيانات")
    _sub(root, "id", routes.absolute_url(site_url, feed_path) if site_url else "urn:factsheet:events")
    _sub(root, "updated", _timestamp(max((e.end_date or e.date for e in events), default="2000-01-01")))
    ET.SubElement(root, "link", {"rel": "self", "type": "application/atom+xml",
                                 "href": _feed_href(routes, site_url, feed_path, feed_path)})
    ET.SubElement(root, "link", {"rel": "alternate", "type": "text/html",
                                 "href": _feed_href(routes, site_url, feed_path, routes.timeline)})
    author = ET.SubElement(root, "author")
    _sub(author, "name", "بطاقات وقائع الحوار بين الناتو وروسيا")
    for event in events:
        entry = ET.SubElement(root, "entry")
        _sub(entry, "title", event.title)
        _sub(entry, "id", routes.absolute_url(site_url, event) if site_url else f"urn:factsheet:event:{event.id}")
        ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html",
                                      "href": _feed_href(routes, site_url, feed_path, event)})
        _sub(entry, "published", _timestamp(event.date))
        _sub(entry, "updated", _timestamp(event.end_date or event.date))
        ET.SubElement(entry, "category", {"term": event.kind})
        _sub(entry, "summary", " ".join(event.summary.split()))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _sub(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = text
    return element


def _timestamp(iso_date: str) -> str:
    return f"{iso_date}T00:00:00Z"


def _feed_href(routes: Routes, site_url: str, feed_path: str, target: Any) -> str:
    """Absolute when the site's address is known; otherwise relative to the feed file, as Atom allows."""
    if site_url:
        return routes.absolute_url(site_url, target)
    return routes.relative_url(feed_path, target)


# --- all files -----------------------------------------------------------------------------------

def data_files(base: FactBase, settings: Settings, routes: Routes | None = None) -> list[DataFile]:
    """Every open-data file, sorted by path."""
    routes = routes or Routes(settings.use_directory_urls)
    files = [
        DataFile(routes.data_file("facts.json"), facts_json(base), "قاعدة الوقائع كاملة بأقسام ملف facts.yaml ومفاتيحه",
                 "application/json"),
        DataFile(routes.data_file("facts.schema.json"), json_schema_text().encode("utf-8"),
                 "مخطط JSON Schema الذي يصف facts.json وfacts.yaml", "application/schema+json"),
        DataFile(routes.data_file("events.atom"), atom_feed(base, settings.site_url, routes),
                 "موجز Atom بكل الأحداث، الأحدث أولًا", "application/atom+xml", rows=len(base.events)),
    ]
    rows = csv_rows(base)
    for name, (arabic, columns) in csv_tables(settings.site_url, routes).items():
        files.append(DataFile(routes.data_file(name), csv_bytes(columns, rows[name]), arabic, "text/csv",
                              rows=len(rows[name]), columns=columns))
    return sorted(files, key=lambda f: f.path)


def data_pages(context: SiteContext) -> dict[str, str | bytes]:
    """The open-data files and the page that documents them: docs/ path → content."""
    files = data_files(context.base, context.settings, context.routes)
    out: dict[str, str | bytes] = {f.path: f.content for f in files}
    page = context.routes.open_data
    out[page] = context.render_page("open_data.md.j2", page, files=files,
                                    separator=LIST_SEPARATOR, formula_starts=FORMULA_STARTS)
    return out
