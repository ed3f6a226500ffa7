"""Dependencies: which facts each generated page read, so that an edit re-renders only what it can change.

Nothing here is a hand-kept list. While pages render, every read of a model field (``actor.name``,
``event.participants``, ``base.actors``…) is recorded against the page being rendered, as the key
``(class, id, field)``. After an edit, the old and new fact bases are compared field by field
(`field_values`); a page is rendered again only when a field it read has a different value, or when
it is new. Linked entities are compared by id, so renaming an actor changes ``Actor/x/name`` only,
not every event that lists x.

Values computed once and shared by several pages (the meeting graph, the letter pages) go through
`Recorder.memo`, which records what the computation read and hands those reads on to every page that
uses the value.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from ..facts.model import Actor, Claim, Event, FactBase, Quote, Role, Source

Key = tuple[str, str, str]
"""(class name, entity id, field name): one field of one entity; the fact base itself has id ``""``."""

RECORDED = (Source, Actor, Event, Quote, Claim, FactBase)
"""The model classes whose field reads are recorded (Role is read through the actor that holds it)."""
_FIELDS = {cls: frozenset(f.name for f in dataclasses.fields(cls)) for cls in RECORDED}
_ENTITIES = (Source, Actor, Event, Quote, Claim)
T = TypeVar("T")


@dataclass
class Reads:
    """What one page (or one shared value) read: fields, and shared values by name."""

    fields: set[Key] = dataclasses.field(default_factory=set)
    """Fields read directly."""
    memos: set[str] = dataclasses.field(default_factory=set)
    """Shared values used; what they read is kept once, in ``Recorder.memo_reads``."""
    everything: bool = False
    """Whether every field was read (the open-data export): then the reads are not recorded one by one."""

    def touches(self, changes: set[Key], memo_touched: Callable[[str], bool]) -> bool:
        """Whether a changed field was read here or by a shared value used here."""
        if self.everything:
            return bool(changes)
        return not changes.isdisjoint(self.fields) or any(memo_touched(name) for name in self.memos)


class Recorder:
    """Collects the field reads of the page being rendered, one frame per page or shared value."""

    def __init__(self) -> None:
        self.frames: list[Reads] = []
        """Innermost last: reads go to the page or shared value being computed."""
        self.memos: dict[str, Any] = {}
        """Shared values of this build, by name."""
        self.memo_reads: dict[str, Reads] = {}
        """What each shared value read while it was computed."""

    @contextmanager
    def frame(self) -> Iterator[Reads]:
        """Record into a new frame until the block ends; the frame is what the block read."""
        reads = Reads()
        self.frames.append(reads)
        try:
            yield reads
        finally:
            self.frames.pop()

    def memo(self, name: str, compute: Callable[[], T]) -> T:
        """``compute()`` once per build; every page that uses the value depends on what it read."""
        if name not in self.memos:
            with self.frame() as reads:
                self.memos[name] = compute()
            self.memo_reads[name] = reads
        if self.frames:
            self.frames[-1].memos.add(name)
        return self.memos[name]


@contextmanager
def recording(recorder: Recorder) -> Iterator[None]:
    """Within the block, field reads on model objects go to ``recorder``'s current frame.

    The model classes get a ``__getattribute__`` for the duration only: outside rendering, reading a
    field costs what it always did.
    """
    frames = recorder.frames
    getattribute = object.__getattribute__

    def make_hook(cls: type) -> Callable[[Any, str], Any]:
        tag, names = cls.__name__, _FIELDS[cls]
        ident = "id" if cls is not FactBase else None

        def hook(self: Any, name: str) -> Any:
            if frames and name in names:
                frames[-1].fields.add((tag, getattribute(self, ident) if ident else "", name))
            return getattribute(self, name)
        return hook

    for cls in RECORDED:
        cls.__getattribute__ = make_hook(cls)  # type: ignore[method-assign]
    try:
        yield
    finally:
        for cls in RECORDED:
            del cls.__getattribute__  # back to object.__getattribute__


@contextmanager
def reading_everything(reads: Reads) -> Iterator[None]:
    """Within the block nothing is recorded, and ``reads`` counts as having read every field.

    For a unit that exports the whole fact base: recording hundreds of thousands of reads to learn that
    it depends on everything would cost more than the export itself.
    """
    hooks = {cls: cls.__dict__["__getattribute__"] for cls in RECORDED if "__getattribute__" in cls.__dict__}
    for cls in hooks:
        del cls.__getattribute__
    reads.everything = True
    try:
        yield
    finally:
        for cls, hook in hooks.items():
            cls.__getattribute__ = hook  # type: ignore[method-assign]


Values = dict[tuple[str, str], dict[str, Any]]
"""(class name, id) → field name → comparable value; the fact base itself is ``("FactBase", "")``."""


def field_values(base: FactBase, previous: Values | None = None, only: set[str] | None = None) -> Values:
    """Every recorded field of every entity and of the fact base, as comparable plain values.

    With ``previous`` and ``only``, the entities whose id is not in ``only`` keep their previous values
    (see `affected_ids`): after a one-field edit, a handful of entities are looked at, not all of them.
    """
    values: Values = {}
    if previous is not None and only is not None:
        values = {key: fields for key, fields in previous.items() if key[1] not in only}
    values[("FactBase", "")] = {name: _plain(getattr(base, name))
                                for name in ("sources", "actors", "events", "quotes", "claims", "skipped")}
    for group in (base.sources, base.actors, base.events, base.quotes, base.claims):
        for ident in (group if only is None or previous is None else [i for i in only if i in group]):
            entity = group[ident]
            values[(type(entity).__name__, ident)] = {
                name: _plain(entity.__dict__[name]) for name in _FIELDS[type(entity)]}
    return values


def changed(old: Values, new: Values) -> set[Key]:
    """Keys whose value differs, including the fields of entities added or removed."""
    out: set[Key] = set()
    empty: dict[str, Any] = {}
    for key in old.keys() | new.keys():
        before, after = old.get(key, empty), new.get(key, empty)
        if before is not after:  # entities outside `only` share their previous dict: nothing to compare
            out.update((*key, name) for name in before.keys() | after.keys()
                       if before.get(name, empty) != after.get(name, empty))
    return out


def affected_ids(old: dict[str, Any], new: dict[str, Any]) -> set[str] | None:
    """Ids of the entities whose model fields can differ between two versions of the validated data.

    Every link of the model comes from an id written in some item, so an entity's fields (its own, its
    back-links, the order of its lists) can change only if its item changed or if a changed item (before
    or after the edit) names it. None when something else changed (a section's shape, the skipped list),
    and every entity must be compared.
    """
    if old.keys() != new.keys():
        return None
    changed_items: list[dict[str, Any]] = []
    known: set[str] = set()
    for section in old:
        if section == "skipped_quotations":
            if old[section] != new[section]:
                return None
            continue
        before = {item["id"]: item for item in old[section]}
        after = {item["id"]: item for item in new[section]}
        known.update(before, after)
        for ident in before.keys() | after.keys():
            if before.get(ident) != after.get(ident):
                changed_items += [item for item in (before.get(ident), after.get(ident)) if item is not None]
    ids: set[str] = set()
    for item in changed_items:
        _strings(item, ids)
    return {ident for ident in ids if ident in known}


def _strings(value: Any, out: set[str]) -> None:
    if isinstance(value, str):
        out.add(value)
    elif isinstance(value, dict):
        for item in value.values():
            _strings(item, out)
    elif isinstance(value, list):
        for item in value:
            _strings(item, out)


def _plain(value: Any) -> Any:
    """``value`` with linked entities replaced by their ids, so that values compare without recursion."""
    if isinstance(value, _ENTITIES):
        return (type(value).__name__, value.id)
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, dict):
        return tuple((k, _plain(v)) for k, v in value.items())
    if isinstance(value, list | tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, Role):
        return ("Role", value.title, _plain(value.of), tuple(value.attested), _plain(value.sources))
    return value  # dates and other plain values compare as they are
