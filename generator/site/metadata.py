"""Structured metadata for each generated page: schema.org JSON-LD and the Open Graph type.

The generator cannot write into the HTML head (MkDocs and the theme do), so it puts the data in the
page's front matter: ``jsonld`` holds the JSON text and ``og_type`` the Open Graph type, and the theme
partial theme/partials/factsheet-head.html prints them. The JSON text never contains ``<``, ``>`` or
``&`` (they are written as ``\\u003c`` and so on, which JSON parsers read back unchanged), so no fact
can close the ``<script>`` element that carries it.
"""

from __future__ import annotations

import json
from typing import Any

from ..facts.model import Actor, Event, FactBase, Quote, Source
from .context import SiteContext
from .formatting import LABELS

SCHEMA_TYPES = {"person": "Person", "institution": "Organization", "state": "Country"}
"""schema.org type per actor kind."""
DATA_DOWNLOADS = (
    ("facts.json", "application/json"),
    ("actors.csv", "text/csv"),
    ("meetings.csv", "text/csv"),
    ("quotes.csv", "text/csv"),
    ("sources.csv", "text/csv"),
    ("claims.csv", "text/csv"),
)
"""The downloads the Dataset node lists: file name in the data folder, media type."""
_SCRIPT_SAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def script_safe_json(data: Any) -> str:
    """JSON text that can sit inside an HTML <script> element and inside a YAML double-quoted string."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escape in _SCRIPT_SAFE:  # str.replace: far quicker than translate on long texts
        text = text.replace(character, escape)
    return text


class PageMetadata:
    """JSON-LD and Open Graph type for every generated page; the ``front`` macro calls ``front_matter``."""

    def __init__(self, context: SiteContext) -> None:
        self.base: FactBase = context.base
        self.site_url: str = context.settings.site_url
        self.routes = context.routes
        self.labels = LABELS

    def front_matter(self, here: str) -> str:
        """YAML lines ``jsonld: "…"`` and ``og_type: …`` for the page at docs/ path ``here``."""
        og_type, data = self.describe(here)
        return f"og_type: {og_type}\njsonld: {json.dumps(script_safe_json(data), ensure_ascii=False)}"

    def describe(self, here: str) -> tuple[str, dict[str, Any]]:
        """(Open Graph type, JSON-LD document) of a page."""
        section, name = self.routes.owner(here) or ("", "")
        if section == "actors" and name in self.base.actors:
            return "profile", self._graph(self.actor(self.base.actors[name]),
                                          *(self.quotation(q) for q in self.base.actors[name].quotes))
        if section == "events" and name in self.base.events:
            event = self.base.events[name]
            return "article", self._graph(self.event(event), *(self.quotation(q) for q in event.quotes))
        if section == "sources" and name in self.base.sources:
            source = self.base.sources[name]
            return "article", self._graph(self.article(source), *(self.quotation(q) for q in source.quotes))
        if here in (self.routes.home, self.routes.open_data):
            return "website", self._graph(self.website(), self.dataset())
        return "website", self._graph(self.collection(here))

    def _graph(self, *nodes: dict[str, Any]) -> dict[str, Any]:
        return {"@context": "https://schema.org", "@graph": list(nodes)}

    def _url(self, target: Any, anchor: str = "") -> str:
        return self.routes.absolute_url(self.site_url, target, anchor)

    # --- references (a node's type, id and name, so a reader of one page knows what it points at) ---

    def actor_ref(self, actor: Actor) -> dict[str, Any]:
        return {"@type": SCHEMA_TYPES[actor.kind], "@id": self._url(actor, actor.id), "name": actor.name,
                "url": self._url(actor)}

    def event_ref(self, event: Event) -> dict[str, Any]:
        return {"@type": "Event", "@id": self._url(event, event.id), "name": event.title,
                "url": self._url(event)}

    def article_ref(self, source: Source) -> dict[str, Any]:
        return {"@type": "NewsArticle", "@id": self._url(source, source.id), "headline": source.headline,
                "url": self._url(source)}

    # --- full nodes -------------------------------------------------------------------------------

    def actor(self, actor: Actor) -> dict[str, Any]:
        node = {**self.actor_ref(actor), "alternateName": [n for n in actor.names if n != actor.name],
                "description": " ".join(actor.description.split())}
        if actor.kind == "person":
            node["jobTitle"] = list(dict.fromkeys(r.title for r in actor.roles))
            groups = [r.of for r in actor.roles if r.of is not None] + actor.member_of
            node["affiliation"] = [self.actor_ref(g) for g in dict.fromkeys(groups)]
        elif actor.kind == "institution":
            node["member"] = [self.actor_ref(m) for m in actor.members]
            node["memberOf"] = [self.actor_ref(g) for g in actor.member_of]
        node["subjectOf"] = [self.event_ref(e) for e in actor.events]
        return {k: v for k, v in node.items() if v not in ([], "")}

    def event(self, event: Event) -> dict[str, Any]:
        node: dict[str, Any] = {
            **self.event_ref(event), "startDate": event.date, "description": " ".join(event.summary.split()),
            "eventStatus": "https://schema.org/EventScheduled", "inLanguage": "ar",
            "additionalType": self.labels["event_kind"][event.kind],
        }
        if event.end_date:
            node["endDate"] = event.end_date
        if event.place:
            node["location"] = {"@type": "Place", "name": event.place}
        if event.chair:
            node["organizer"] = self.actor_ref(event.chair)
        node["attendee"] = [self.actor_ref(a) for a in event.people]
        node["subjectOf"] = [self.article_ref(s) for s in event.sources]
        return node

    def article(self, source: Source) -> dict[str, Any]:
        node: dict[str, Any] = {
            **self.article_ref(source), "datePublished": source.published, "inLanguage": "ar",
            "mainEntityOfPage": self._url(source),
        }
        if source.url:
            node["sameAs"] = source.url
        if source.outlet:
            node["publisher"] = {"@type": "Organization", "name": source.outlet}
        node["mentions"] = [self.actor_ref(a) for a in source.actors] + [self.event_ref(e) for e in source.events]
        return node

    def quotation(self, quote: Quote) -> dict[str, Any]:
        node: dict[str, Any] = {
            "@type": "Quotation", "@id": self._url(quote),
            "text": " ".join(quote.text.split()), "dateCreated": quote.said_on, "inLanguage": "ar",
            "spokenByCharacter": self.actor_ref(quote.speaker),
            "description": self.labels["quote_kind"][quote.kind],
            "isBasedOn": [self.article_ref(s) for s in quote.sources],
        }
        if quote.event:
            node["about"] = self.event_ref(quote.event)
        return node

    def website(self) -> dict[str, Any]:
        return {"@type": "WebSite", "@id": self._url(self.routes.home, "website"),
                "url": self._url(self.routes.home),
                "name": "بطاقات وقائع الحوار بين الناتو وروسيا", "inLanguage": "ar"}

    def dataset(self) -> dict[str, Any]:
        dates = sorted(d for e in self.base.events.values() for d in (e.date, e.end_date) if d)
        node: dict[str, Any] = {
            "@type": "Dataset", "@id": self._url(self.routes.open_data, "dataset"),
            "url": self._url(self.routes.open_data),
            "name": "قاعدة وقائع الحوار بين الناتو وروسيا",
            "description": "الفاعلون واللقاءات والأقوال والمصادر في الحوار بين الناتو وروسيا، بصيغتي JSON وCSV",
            "inLanguage": "ar",
            "distribution": [{"@type": "DataDownload", "encodingFormat": media,
                              "contentUrl": self._url(self.routes.data_file(name))} for name, media in DATA_DOWNLOADS],
        }
        if dates:
            node["temporalCoverage"] = f"{dates[0]}/{dates[-1]}"
        return node

    def collection(self, here: str) -> dict[str, Any]:
        return {"@type": "CollectionPage", "@id": self._url(here, "page"), "url": self._url(here),
                "inLanguage": "ar", "isPartOf": {"@id": self._url(self.routes.home, "website")}}
