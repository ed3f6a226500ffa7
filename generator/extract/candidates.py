"""Candidates for an editor: direct quotations with their speaker, and the YAML they are written as."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace

import yaml

from .aliases import AliasIndex, skeleton
from .attribution import Attribution, attribute, closing_mark_end, confidence, is_quote, opening_mark, outermost
from .document import Document, build_document
from .lexicon import normalise
from .marks import find_colon_speech, find_quotation_spans
from .mentions import Mention
from .names import People, Person
from .reported import find_reported
from .titles import is_family_nisba, plain_name_word
from .tokens import article_like, soft_gap, tokenise


@dataclass(frozen=True)
class Candidate:
    """One quotation for an editor to review; ``text`` is exactly ``file_text[start:end]``.

    ``speaker`` is an actor id when the speaker's name resolves through the actors' names and aliases;
    ``speaker_name`` is the speaker as the article writes it, title stripped («سيرغي لاروموف», «البيت
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
    """Direct quotations and reported statements of ``text`` with their probable speaker, by start.

    ``actors`` maps an actor id to all its names and aliases; a speaker whose name contains one of them
    (longest match after Arabic normalisation, joined clitics allowed) gets that id.
    """
    aliases = AliasIndex(actors)
    marked = outermost([s for s in find_quotation_spans(text) if is_quote(text, s, aliases)])
    quotes = sorted(marked + find_colon_speech(text, marked))
    doc = build_document(text, aliases, quotes)
    candidates: list[Candidate] = []
    previous_end = 0
    for span in quotes:
        context_start = max(doc.sentence_start(span[0]), previous_end)
        attribution = attribute(doc, span, context_start)
        balanced = opening_mark(text, span[0]) != span[0] and closing_mark_end(text, span[1]) is not None
        candidates.append(_candidate(
            doc, aliases, source, span, "direct", attribution.speaker, attribution.cue, attribution.date,
            confidence(len(tokenise(text, *span)), balanced, attribution),
        ))
        previous_end = closing_mark_end(text, span[1]) or span[1]
    for reported in find_reported(doc):
        cue = reported.cue
        how = "cue" if cue.explicit else "continued"
        score = confidence(len(tokenise(text, reported.start, reported.end)), False,
                           Attribution(cue.subject, cue.surface, cue.date, how))
        candidates.append(_candidate(doc, aliases, source, (reported.start, reported.end), "paraphrase",
                                     cue.subject, cue.surface, cue.date, score))
    candidates.sort(key=lambda c: (c.start, c.end))
    return _known_speakers(_full_names(candidates, People(_people(doc))), aliases)


def _candidate(doc: Document, aliases: AliasIndex, source: str, span: tuple[int, int], kind: str,
               mention: Mention | None, cue: str | None, date: str | None, score: float) -> Candidate:
    speaker = mention.resolved() if mention else None
    title, affiliation, speaker_kind = _describe(doc, aliases, speaker) if speaker else (None, None, None)
    return Candidate(
        text=doc.text[span[0]:span[1]], source=source, start=span[0], end=span[1],
        speaker=speaker.actor if speaker else None, speaker_name=speaker.name if speaker else None,
        cue=cue, date=date, confidence=score, kind=kind, speaker_title=title,
        speaker_affiliation=affiliation, speaker_kind=speaker_kind,
    )


def _describe(doc: Document, aliases: AliasIndex, speaker: Mention) -> tuple[str | None, str | None, str]:
    """(title, affiliation, kind) of a speaker: the office written with the name and the body it names."""
    if speaker.kind == "official":
        # «مصدر دبلوماسي سوداني», «مسؤول في الشركة»: an unnamed source; its words after the head say
        # where it stands.
        body = aliases.actor_in(doc.text, doc.tokens, speaker.first + 1, speaker.last) or speaker.actor
        words = doc.text[doc.tokens[speaker.first].end:doc.tokens[speaker.last - 1].end].strip()
        return None, body or words or None, "anonymous"
    if speaker.kind == "institution" or (speaker.kind == "named" and speaker.head):
        return None, speaker.actor or speaker.name, "institution"  # «الشرطة» speaks for itself
    if speaker.title is None:
        return None, None, "person"
    body = aliases.actor_in(doc.text, doc.tokens, speaker.phrase_first + 1, speaker.first)
    if body is None and speaker.first - speaker.phrase_first > 1:
        k = speaker.phrase_first + 1
        words = [t.norm for t in doc.tokens[k:speaker.first]]
        if SPOKESPERSON_LINK in words:  # «المتحدث الرسمي باسم وزارة …»: the body follows باسم
            k += words.index(SPOKESPERSON_LINK) + 1
        while k < speaker.first - 1 and (doc.tokens[k].norm in GENERIC_MODIFIERS or doc.tokens[k].norm == "في"):
            k += 1
        if k < speaker.first:
            body = doc.text[doc.tokens[k].start:doc.tokens[speaker.first - 1].end]
    return speaker.title, body, "person"


SPOKESPERSON_LINK = normalise("باسم")
GENERIC_MODIFIERS = frozenset(normalise(w) for w in "الرسمي الرسمية العام العامة الأول الأولى".split())
"""Words after a title head that qualify the office, not the body it belongs to."""


def _people(doc: Document) -> list[Person]:
    """(offset, normalised words, name as written) of every person the article names with two words or
    more: titled mentions and the subjects read after a verb («كشف علي الزين، عضو …»)."""
    found = {}
    covered = set()
    named = [m for m in doc.mentions if m.kind == "person"]
    named += [c.subject for c in doc.cues if c.subject is not None and c.subject.kind == "person"]
    # known people too, so that a family name alone or mistyped («بليكن») finds «أنتوني بلينكن»
    known = [m for m in doc.mentions if m.kind == "named" and m.head is None and m.actor is not None]
    for m in named + known:
        words = normalise(m.name).split()
        if len(words) > 1 and (m.actor is None or not any(w.startswith("ال") for w in words)):
            found[doc.tokens[m.first].start] = (doc.tokens[m.first].start, words, m.name)
        covered.update(range(m.first, m.last))
    for k in range(1, len(doc.tokens)):
        # «سخر لاعب المنتخب أسامة الهلوزي، …»: a family name with its article right after a given name
        # names someone even where no mention was read.
        token, before = doc.tokens[k], doc.tokens[k - 1]
        if (token.norm.startswith("ال") and not doc.quoted[k] and plain_name_word(token) and plain_name_word(before)
                and not article_like(before) and soft_gap(doc.text, before, token) and is_family_nisba(token.norm)
                and k - 1 not in covered and doc.text[token.end:token.end + 1] in "،,:"):
            found[before.start] = (before.start, [before.norm, token.norm], doc.text[before.start:token.end])
    return sorted(found.values())


def _full_names(candidates: list[Candidate], people: People) -> list[Candidate]:
    """A surname alone («الجوابري», «عبدالله») stands for the full name written before it («عبد اللطيف
    الجوابري», «سامر عبد الله»), or, when the article names him fully only later, the first such name."""
    seen: dict[str, Candidate] = {}
    seen_tails: dict[tuple[str, ...], str] = {}  # the last two words' skeletons of longer speakers' names
    out: list[Candidate] = []
    for c in candidates:
        words = normalise(c.speaker_name or "").split()
        if c.speaker_kind == "person" and len(words) == 1 and c.speaker is None:
            full = people.full_name(words[0], c.start)
            if full is not None:
                c = replace(c, speaker_name=full)
            elif words[0] in seen:
                earlier = seen[words[0]]
                c = replace(c, speaker_name=earlier.speaker_name,
                            speaker_title=c.speaker_title or earlier.speaker_title,
                            speaker_affiliation=c.speaker_affiliation or earlier.speaker_affiliation)
        elif c.speaker_kind == "person" and len(words) == 2 and c.speaker is None:
            # «عطا الله» for «سامي عطا الله», «جاويش أغلو» for «مولود جاويش أوغلو»: a two-word family name
            # stands for the longer name it ends, however transliterated
            longer = people.longer_name(words, c.start) or seen_tails.get(tuple(skeleton(w) for w in words))
            if longer:
                c = replace(c, speaker_name=longer)
        if c.speaker_kind == "person" and len(words) > 1:
            for word in words:  # «الجوابري» for «عبد اللطيف الجوابري», «أنور» for «أنور خليل»
                seen.setdefault(word, c)
            if len(words) > 2:
                seen_tails[tuple(skeleton(w) for w in words[-2:])] = c.speaker_name or ""
        out.append(c)
    return out


def _known_speakers(candidates: list[Candidate], aliases: AliasIndex) -> list[Candidate]:
    """Give a person's candidates the actor id their name resolves to, once the name is complete: «وأضاف
    بيسكوف» after «دميتري بيسكوف», or a name facts.yaml spells another way («سيرغي ريابكوف»); and each
    known person the fullest name the article writes for him."""
    out = []
    for c in candidates:
        if c.speaker is None and c.speaker_kind == "person" and c.speaker_name:
            words = tokenise(c.speaker_name)
            actor = aliases.actor_in(c.speaker_name, words, 0, len(words)) or aliases.person_named(c.speaker_name)
            if actor is not None:
                c = replace(c, speaker=actor)
        out.append(c)
    # «لافروف» after «سيرغي لافروف»: one known person is written by the fullest name the article gives him
    fullest: dict[str, str] = {}
    for c in out:
        if c.speaker and c.speaker_kind == "person" and c.speaker_name and len(c.speaker_name.split()) > len(
                fullest.get(c.speaker, "").split()):
            fullest[c.speaker] = c.speaker_name
    return [replace(c, speaker_name=fullest[c.speaker]) if c.speaker in fullest else c for c in out]


# --- output ---------------------------------------------------------------------------------------

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def candidates_to_yaml(cands: list[Candidate]) -> str:
    """A YAML list with one mapping per candidate, keys in field order, Arabic written as is."""
    return yaml.dump(
        [asdict(c) for c in cands], Dumper=DUMPER, allow_unicode=True, sort_keys=False,
        default_flow_style=False, width=1_000_000,
    )
