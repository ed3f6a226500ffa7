"""Model: the validated facts as cross-linked objects.

Every link is stored in both directions (an actor knows its events, an event its participants), built
in one pass over each section so that the cost grows linearly with the fact base.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from .text import find_verbatim, fold_arabic, provenance_index, provenance_key


class _Linked:
    """Entities link to each other in both directions; a default repr would walk the whole graph."""

    id: str

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id}>"


@dataclass(eq=False, repr=False)
class Source(_Linked):
    """A news article in seeds/."""

    id: str
    file: str
    """File name in seeds/."""
    headline: str
    published: str
    """ISO publication date (inferred when ``date_inferred``)."""
    outlet: str | None = None
    time: str | None = None
    timezone: str | None = None
    date_inferred: bool = False
    date_note: str | None = None
    agencies: list[str] = field(default_factory=list)
    url: str | None = None
    note: str | None = None
    text: str = ""
    """The article's full text, as in the seed file."""
    quotes: list[Quote] = field(default_factory=list)
    """Quotes citing this article, in the order they appear in it."""
    events: list[Event] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.headline


@dataclass(eq=False, repr=False)
class Role:
    """A position an actor holds, as attested by the sources."""

    title: str
    of: Actor | None
    attested: list[str]
    sources: list[Source]

    def __repr__(self) -> str:
        return f"<Role {self.title}>"


@dataclass(eq=False, repr=False)
class Actor(_Linked):
    """A person, an institution or a state."""

    id: str
    kind: str
    """``person``, ``institution`` or ``state``."""
    name: str
    name_latin: str
    description: str
    sources: list[Source]
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    member_of: list[Actor] = field(default_factory=list)
    members: list[Actor] = field(default_factory=list)
    """Actors whose ``member_of`` or role names this one."""
    events: list[Event] = field(default_factory=list)
    """Events the actor took part in or chaired, by date."""
    quotes: list[Quote] = field(default_factory=list)
    """What the actor said, by date."""
    claims: list[Claim] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.name

    @property
    def names(self) -> list[str]:
        """Every spelling of the name: Arabic, Latin and aliases, without repeats."""
        return list(dict.fromkeys([self.name, self.name_latin, *self.aliases]))

    @property
    def sort_key(self) -> tuple[str, str]:
        return (fold_arabic(self.name), self.id)


@dataclass(eq=False, repr=False)
class Event(_Linked):
    """A meeting, call, interview, statement or other event."""

    id: str
    title: str
    kind: str
    date: str
    status: str
    summary: str
    sources: list[Source]
    end_date: str | None = None
    date_note: str | None = None
    place: str | None = None
    participants: list[Actor] = field(default_factory=list)
    chair: Actor | None = None
    outcome: str | None = None
    follows: list[Event] = field(default_factory=list)
    """Events this one comes after."""
    followed_by: list[Event] = field(default_factory=list)
    """Events that name this one in their ``follows``."""
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.date, self.id)

    @property
    def people(self) -> list[Actor]:
        """Chair first, then participants, each once."""
        return list(dict.fromkeys([a for a in [self.chair, *self.participants] if a is not None]))


@dataclass(eq=False, repr=False)
class Quote(_Linked):
    """Words an actor said, verbatim from the sources."""

    id: str
    speaker: Actor
    kind: str
    """``direct`` or ``paraphrase``."""
    text: str
    said_on: str
    sources: list[Source]
    speaker_label: str | None = None
    event: Event | None = None
    offsets: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Source id → (start, end) of the text in that source's article."""

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.said_on, self.id)


@dataclass(eq=False, repr=False)
class Claim(_Linked):
    """A figure or assertion with the words that support it."""

    id: str
    text: str
    evidence: str
    sources: list[Source]
    about: list[Actor | Event] = field(default_factory=list)
    disputes: list[Claim] = field(default_factory=list)
    """Claims giving a different account (both directions)."""
    offsets: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass
class FactBase:
    """Everything the site shows, cross-linked."""

    sources: dict[str, Source]
    actors: dict[str, Actor]
    events: dict[str, Event]
    quotes: dict[str, Quote]
    claims: dict[str, Claim]
    skipped: list[dict[str, Any]]

    def actors_by_name(self) -> list[Actor]:
        return sorted(self.actors.values(), key=lambda a: a.sort_key)

    def events_by_date(self) -> list[Event]:
        return sorted(self.events.values(), key=lambda e: e.sort_key)

    def sources_by_date(self) -> list[Source]:
        return sorted(self.sources.values(), key=lambda s: (s.published, s.id))


def build_model(data: dict[str, list[dict[str, Any]]], seed_texts: dict[str, str]) -> FactBase:
    """Cross-link validated data. ``seed_texts`` maps seed file name → article text."""
    sources = {d["id"]: _source(d, seed_texts.get(d["file"], "")) for d in data["sources"]}
    actors = {d["id"]: _actor(d, sources) for d in data["actors"]}
    for d in data["actors"]:
        _link_actor(actors[d["id"]], d, actors, sources)
    events = {d["id"]: _event(d, actors, sources) for d in data["events"]}
    for d in data["events"]:
        for before in (events[e] for e in d.get("follows", [])):
            events[d["id"]].follows.append(before)
            before.followed_by.append(events[d["id"]])
    quotes = {d["id"]: _quote(d, actors, events, sources) for d in data["quotes"]}
    claims = {d["id"]: _claim(d, actors, events, sources) for d in data["claims"]}
    for d in data["claims"]:
        for other in (claims[c] for c in d.get("disputes", [])):
            _add_once(claims[d["id"]].disputes, other)
            _add_once(other.disputes, claims[d["id"]])
    base = FactBase(sources, actors, events, quotes, claims, data.get("skipped_quotations", []))
    _locate_in_sources(base)
    _index_backlinks(base)
    return base


def _plain_fields(cls: type, d: dict[str, Any], *linked: str) -> dict[str, Any]:
    """The values of ``d`` that the model keeps as they are: every key that names an attribute of
    ``cls``, except the ``linked`` ones, which the caller turns into objects. A field added to the
    schema and to the model's class therefore needs no line here."""
    names = {f.name for f in fields(cls)} - set(linked)
    return {k: v for k, v in d.items() if k in names}


def _source(d: dict[str, Any], text: str) -> Source:
    return Source(
        id=d["id"], file=d["file"], headline=d["headline"], published=d["published"], outlet=d.get("outlet"),
        time=d.get("time"), timezone=d.get("timezone"), date_inferred=d.get("date_inferred", False),
        date_note=d.get("date_note"), agencies=sorted(d.get("agencies", [])), url=d.get("url"),
        note=d.get("note"), text=text,
    )


def _actor(d: dict[str, Any], sources: dict[str, Source]) -> Actor:
    return Actor(**_plain_fields(Actor, d, "sources", "aliases", "roles", "member_of"),
                 sources=[sources[s] for s in d["sources"]], aliases=list(d.get("aliases", [])))


def _link_actor(actor: Actor, d: dict[str, Any], actors: dict[str, Actor], sources: dict[str, Source]) -> None:
    for r in d.get("roles", []):
        of = actors[r["of"]] if "of" in r else None
        actor.roles.append(Role(r["title"], of, sorted(r.get("attested", [])), [sources[s] for s in r["sources"]]))
        if of is not None:
            of.members.append(actor)
    for group in (actors[a] for a in d.get("member_of", [])):
        actor.member_of.append(group)
        group.members.append(actor)


def _event(d: dict[str, Any], actors: dict[str, Actor], sources: dict[str, Source]) -> Event:
    return Event(
        id=d["id"], title=d["title"], kind=d["kind"], date=d["date"], status=d["status"], summary=d["summary"],
        sources=[sources[s] for s in d["sources"]], end_date=d.get("end_date"), date_note=d.get("date_note"),
        place=d.get("place"), participants=[actors[a] for a in d.get("participants", [])],
        chair=actors[d["chair"]] if "chair" in d else None, outcome=d.get("outcome"),
    )


def _quote(d: dict[str, Any], actors: dict[str, Actor], events: dict[str, Event],
           sources: dict[str, Source]) -> Quote:
    return Quote(
        id=d["id"], speaker=actors[d["speaker"]], kind=d["kind"], text=d["text"], said_on=d["said_on"],
        sources=[sources[s] for s in d["sources"]], speaker_label=d.get("speaker_label"),
        event=events[d["event"]] if "event" in d else None,
    )


def _claim(d: dict[str, Any], actors: dict[str, Actor], events: dict[str, Event],
           sources: dict[str, Source]) -> Claim:
    about: list[Actor | Event] = [actors[a] if a in actors else events[a] for a in d.get("about", [])]
    return Claim(id=d["id"], text=d["text"], evidence=d["evidence"], sources=[sources[s] for s in d["sources"]],
                 about=about)


def _locate_in_sources(base: FactBase) -> None:
    """Record where each quote and each claim's evidence stands in the articles, to highlight it there."""
    indexes = {s.id: provenance_index(s.text) for s in base.sources.values()}
    for item, text in [*((q, q.text) for q in base.quotes.values()), *((c, c.evidence) for c in base.claims.values())]:
        for source in item.sources:
            key, offsets = indexes[source.id]
            start = find_verbatim(text, key)
            if start >= 0:
                end = start + len(provenance_key(text)) - 1
                item.offsets[source.id] = (offsets[start], offsets[end] + 1)


def _index_backlinks(base: FactBase) -> None:
    """Fill the reverse links, then sort every list the pages show."""
    for event in base.events.values():
        for actor in event.people:
            actor.events.append(event)
        for source in event.sources:
            source.events.append(event)
    for quote in base.quotes.values():
        quote.speaker.quotes.append(quote)
        if quote.event is not None:
            quote.event.quotes.append(quote)
        for source in quote.sources:
            source.quotes.append(quote)
    for claim in base.claims.values():
        for target in claim.about:
            target.claims.append(claim)
        for source in claim.sources:
            source.claims.append(claim)
    for actor in base.actors.values():
        for source in actor.sources:
            source.actors.append(actor)
    _sort_everything(base)


def _sort_everything(base: FactBase) -> None:
    by_date = lambda e: e.sort_key  # noqa: E731
    for actor in base.actors.values():
        actor.events.sort(key=by_date)
        actor.quotes.sort(key=by_date)
        actor.members = sorted(dict.fromkeys(actor.members), key=lambda a: a.sort_key)
        actor.claims.sort(key=lambda c: c.id)
    for event in base.events.values():
        event.quotes.sort(key=by_date)
        event.follows.sort(key=by_date)
        event.followed_by.sort(key=by_date)
        event.claims.sort(key=lambda c: c.id)
    for source in base.sources.values():
        source.events.sort(key=by_date)
        source.actors.sort(key=lambda a: a.sort_key)
        source.claims.sort(key=lambda c: c.id)
        source.quotes.sort(key=lambda q: (q.offsets.get(source.id, (0, 0)), q.id))
    for claim in base.claims.values():
        claim.disputes.sort(key=lambda c: c.id)


def _add_once(items: list[Any], item: Any) -> None:
    # Lists here are short (an actor's groups, a claim's rivals); a membership test is cheaper than a set.
    if item not in items:
        items.append(item)
