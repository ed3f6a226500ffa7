"""Candidates for an editor: direct quotations with their speaker, and the YAML they are written as."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass

import yaml

from .attribution import attribute, closing_mark_end, confidence, is_quote, opening_mark, outermost
from .document import build_document
from .marks import find_quotation_spans
from .mentions import AliasIndex
from .tokens import tokenise


@dataclass(frozen=True)
class Candidate:
    """One quotation for an editor to review; ``text`` is exactly ``file_text[start:end]``.

    ``speaker`` is an actor id when the speaker's name resolves through the actors' names and aliases;
    ``speaker_name`` is the speaker as the article writes it, title stripped («سيرغي لافروف», «البيت
    الأبيض», «مسؤول في حلف شمال الأطلسي»); ``cue`` the reporting word nearest the quotation; ``date``
    an ISO date when the reporting sentence dates the statement.  ``kind`` is ``direct`` for words in
    quotation marks and ``paraphrase`` for reported speech («قال إن …»: the span runs from after إن/أن to
    the end of the clause).  ``speaker_title`` is the title written before or after the name («وزير
    الخارجية الروسي»), ``speaker_affiliation`` the body it names (an actor id when it resolves, else as
    written), ``speaker_kind`` person, anonymous (an unnamed source) or institution.
    """

    text: str
    source: str
    start: int
    end: int
    speaker: str | None
    speaker_name: str | None
    cue: str | None
    date: str | None
    confidence: float
    kind: str = "direct"
    speaker_title: str | None = None
    speaker_affiliation: str | None = None
    speaker_kind: str | None = None


def extract_quotes(text: str, source: str, actors: Mapping[str, Iterable[str]]) -> list[Candidate]:
    """Direct quotations of ``text`` with their probable speaker, ordered by start offset.

    ``actors`` maps an actor id to all its names and aliases; a speaker whose name contains one of them
    (longest match after Arabic normalisation, joined clitics allowed) gets that id.
    """
    aliases = AliasIndex(actors)
    quotes = outermost([s for s in find_quotation_spans(text) if is_quote(text, s, aliases)])
    doc = build_document(text, aliases, quotes)
    candidates: list[Candidate] = []
    previous_end = 0
    for span in quotes:
        context_start = max(doc.sentence_start(span[0]), previous_end)
        attribution = attribute(doc, span, context_start)
        speaker = attribution.speaker.resolved() if attribution.speaker else None
        balanced = opening_mark(text, span[0]) != span[0] and closing_mark_end(text, span[1]) is not None
        candidates.append(Candidate(
            text=text[span[0]:span[1]],
            source=source,
            start=span[0],
            end=span[1],
            speaker=speaker.actor if speaker else None,
            speaker_name=speaker.name if speaker else None,
            cue=attribution.cue,
            date=attribution.date,
            confidence=confidence(len(tokenise(text, *span)), balanced, attribution),
        ))
        previous_end = closing_mark_end(text, span[1]) or span[1]
    return candidates


# --- output ---------------------------------------------------------------------------------------

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def candidates_to_yaml(cands: list[Candidate]) -> str:
    """A YAML list with one mapping per candidate, keys in field order, Arabic written as is."""
    return yaml.dump(
        [asdict(c) for c in cands], Dumper=DUMPER, allow_unicode=True, sort_keys=False,
        default_flow_style=False, width=1_000_000,
    )
