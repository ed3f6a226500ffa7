"""A new article as a proposal for facts.yaml: its source entry, new speakers and its quotes.

Everything the article states is filled in; everything it does not (a speaker's Latin name, a
description, the date of a statement the text does not date, who an unnamed source speaks for) is left
empty for the editor, and `python -m generator check` points at each empty field.  Events are not
proposed: an article rarely makes both the date and every participant of an occasion plain.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from .candidates import Candidate, extract_quotes
from .dates import document_date
from .lexicon import AGENCY_NAMES, normalise

_SLUG_PART = re.compile(r"[^a-z0-9]+")
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass
class Proposal:
    """What ``ingest`` writes to data/proposals/<source id>.yaml."""

    source_id: str
    sources: list[dict[str, Any]]
    actors: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    to_complete: list[str] = field(default_factory=list)
    """What the editor still has to fill in, one line each (also written as the file's header)."""


def slug(text: str) -> str:
    """Lower-case Latin letters, digits and hyphens; empty for a name in Arabic script."""
    return _SLUG_PART.sub("-", text.lower()).strip("-")


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def agencies_named(text: str) -> list[str]:
    """The news agencies the article names, as the lexicon writes them, in order of first mention."""
    norm = f" {' '.join(normalise(text).split())} "
    found = []
    for name in AGENCY_NAMES:
        at = norm.find(f" {normalise(name)} ")
        if at < 0:
            at = norm.find(f"و{normalise(name)} ")  # «وكالة تاس» or «و رويترز» with a joined conjunction
        if at >= 0:
            found.append((at, name))
    return [name for _, name in sorted(found)]


def propose(text: str, file_name: str, actors: Mapping[str, Iterable[str]], taken_ids: set[str], *,
            published: str | None = None, outlet: str | None = None, url: str | None = None) -> Proposal:
    """The proposal for one article (``text``, to be stored as seeds/``file_name``).

    ``actors`` maps the ids of facts.yaml's actors to their names; ``taken_ids`` holds every id in use
    (new ids avoid them and are added to it).
    """
    taken = set(taken_ids)
    stamp = document_date(text)
    date = stamp.isoformat() if stamp else (published or "")
    source_id = _unique(f"{slug(outlet or '') or 'article'}-{date or 'undated'}", taken)
    headline = next((line.strip() for line in text.splitlines() if line.strip()), "")
    source: dict[str, Any] = {"id": source_id, "file": file_name}
    if outlet:
        source["outlet"] = outlet
    source.update({"headline": headline, "published": date, "date_inferred": False,
                   "agencies": agencies_named(text)})
    if url:
        source["url"] = url
    proposal = Proposal(source_id, [source])
    if not date:
        proposal.to_complete.append("sources[0].published: the article carries no date; give --published or "
                                    "write it")
    new_speakers: dict[str, dict[str, Any]] = {}
    for n, cand in enumerate(extract_quotes(text, file_name, actors), 1):
        quote: dict[str, Any] = {"id": f"{source_id}-q{n}", "speaker": _speaker(cand, actors, new_speakers,
                                                                                taken, source_id)}
        if cand.speaker_kind == "anonymous" and cand.speaker_name:
            quote["speaker_label"] = cand.speaker_name
        quote.update({"kind": cand.kind, "text": cand.text, "said_on": cand.date or "", "sources": [source_id]})
        if not quote["speaker"]:
            proposal.to_complete.append(f"quotes[{n - 1}].speaker: "
                                        + (f"who «{cand.speaker_name}» speaks for" if cand.speaker_name
                                           else "nobody is named for these words"))
        if not quote["said_on"]:
            proposal.to_complete.append(f"quotes[{n - 1}].said_on: the text does not date this statement "
                                        f"(the article is dated {date or 'nowhere'})")
        proposal.quotes.append(quote)
    proposal.actors = list(new_speakers.values())
    for k, actor in enumerate(proposal.actors):
        proposal.to_complete.append(f"actors[{k}] ({actor['name']}): name_latin and description")
    return proposal


def _speaker(cand: Candidate, known: Mapping[str, Iterable[str]], new: dict[str, dict[str, Any]],
             taken: set[str], source_id: str) -> str:
    """The actor id of a candidate's speaker: a known one, a new actor proposed here, or '' when unknown."""
    if cand.speaker:
        return cand.speaker
    if cand.speaker_kind not in ("person", "institution") or not cand.speaker_name:
        return ""  # an unnamed source or nobody: the editor decides whom it speaks for
    key = normalise(cand.speaker_name)
    if key not in new:
        actor: dict[str, Any] = {
            "id": _unique(f"{source_id}-speaker-{len(new) + 1}", taken),
            "kind": cand.speaker_kind, "name": cand.speaker_name, "name_latin": "",
        }
        if cand.speaker_title:
            role: dict[str, Any] = {"title": cand.speaker_title}
            if cand.speaker_affiliation in known:
                role["of"] = cand.speaker_affiliation  # the body resolved to one of facts.yaml's actors
            actor["roles"] = [{**role, "sources": [source_id]}]
        actor.update({"description": "", "sources": [source_id]})
        new[key] = actor
    return new[key]["id"]


def proposal_yaml(proposal: Proposal) -> str:
    """The proposal as YAML shaped like facts.yaml, with a header saying what is left to complete."""
    header = ["# Proposal written by `python -m generator ingest`; complete it, run `python -m generator check`,",
              "# then `python -m generator accept` this file.  Still to complete:"]
    header += [f"#   - {line}" for line in proposal.to_complete] or ["#   nothing"]
    body = {"sources": proposal.sources, "actors": proposal.actors, "quotes": proposal.quotes}
    text = yaml.dump({k: v for k, v in body.items() if v}, Dumper=_DUMPER, allow_unicode=True, sort_keys=False,
                     default_flow_style=None, width=1_000_000)
    return "\n".join(header) + "\n" + text
