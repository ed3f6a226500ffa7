"""Proposals: files in data/proposals/ shaped like facts.yaml, checked together with it and accepted into it.

``ingest`` writes a proposal for each new article; an editor completes it; ``check`` validates facts.yaml
and every proposal as one fact base (a proposal may cite the actors of facts.yaml and facts.yaml never
cites a proposal), locating each problem in the file it is in; ``accept`` appends a proposal's entries to
the sections of facts.yaml without touching a byte of what is there, and removes the proposal.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from .errors import FactsError, Problem
from .load import Loaded, load_file, load_yaml, read_text
from .schema import SECTION_BY_NAME, SECTIONS
from .validate import validate

PROPOSALS = Path("data") / "proposals"
"""Where proposals live, relative to the project root."""

_WHERE = re.compile(r"^(\w+)\[(\d+)\]")
_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*):", re.M)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def proposal_files(folder: Path) -> list[Path]:
    """The proposals in ``folder`` (``*.yaml``), by name; none when the folder does not exist."""
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


@dataclasses.dataclass
class _Owner:
    loaded: Loaded
    section: str
    index: int


def _merge(facts: Loaded, proposals: list[Loaded]) -> tuple[Loaded, dict[tuple[str, int], _Owner], list[Problem]]:
    """One Loaded holding facts.yaml then every proposal's items, with each item's own marks.

    Returns it, who owns each appended item, and the problems of proposals that are not shaped like
    facts.yaml at all (those are left out of the merge).
    """
    data = dict(facts.data) if isinstance(facts.data, dict) else facts.data
    merged = Loaded(path=facts.path, data=data, marks=dict(facts.marks), key_marks=dict(facts.key_marks),
                    raw=dict(facts.raw))
    owners: dict[tuple[str, int], _Owner] = {}
    problems: list[Problem] = []
    if not isinstance(data, dict):
        return merged, owners, problems
    for proposal in proposals:
        if not isinstance(proposal.data, dict):
            problems.append(Problem(proposal.path, 1, 1, "", "a proposal must be a mapping of sections such as "
                                    "`quotes:`, like facts.yaml", "يجب أن يكون الاقتراح قاموسًا من أقسام مثل "
                                    "`quotes:` كما في facts.yaml"))
            continue
        for section, items in proposal.data.items():
            line, col = proposal.key_mark((section,))
            if section not in SECTION_BY_NAME or not isinstance(items, list):
                problems.append(Problem(proposal.path, line, col, str(section),
                                        f"`{section}` must be a section of facts.yaml holding a list of items",
                                        f"يجب أن يكون `{section}` قسمًا من أقسام facts.yaml يحوي قائمة عناصر"))
                continue
            target = data.setdefault(section, [])
            if not isinstance(target, list):
                continue  # facts.yaml's own problem, reported by validate
            data[section] = target = list(target)
            offset = len(target)
            target.extend(items)
            for k in range(len(items)):
                owners[(section, offset + k)] = _Owner(proposal, section, k)
            for source, dest in ((proposal.marks, merged.marks), (proposal.key_marks, merged.key_marks),
                                 (proposal.raw, merged.raw)):
                for path, value in source.items():
                    if len(path) >= 2 and path[0] == section and isinstance(path[1], int):
                        dest[(section, offset + path[1], *path[2:])] = value
    return merged, owners, problems


def _relocate(problem: Problem, owners: dict[tuple[str, int], _Owner]) -> Problem:
    """The problem told in the proposal it is in, with the item's index in that file."""
    m = _WHERE.match(problem.where)
    owner = owners.get((m.group(1), int(m.group(2)))) if m else None
    if owner is None or m is None:
        return problem
    where = f"{owner.section}[{owner.index}]" + problem.where[m.end():]
    return dataclasses.replace(problem, path=owner.loaded.path, where=where)


def validate_together(facts: Loaded, proposals: list[Loaded], seeds: Path) -> dict[str, list[dict[str, Any]]]:
    """facts.yaml and the proposals validated as one fact base; FactsError with each problem in its own file."""
    merged, owners, problems = _merge(facts, proposals)
    try:
        data = validate(merged, seeds)
    except FactsError as exc:
        problems += [_relocate(p, owners) for p in exc.problems]
        raise FactsError(problems) from None
    if problems:
        raise FactsError(problems)
    return data


def load_proposals(folder: Path, display: Callable[[Path], str]) -> list[Loaded]:
    """Every proposal in ``folder``, parsed by the loader facts.yaml uses; FactsError listing all that fail."""
    loaded, problems = [], []
    for path in proposal_files(folder):
        try:
            loaded.append(load_file(path, display(path)))
        except FactsError as exc:
            problems += exc.problems
    if problems:
        raise FactsError(problems)
    return loaded


# --- accepting a proposal -------------------------------------------------------------------------

def render_items(items: list[dict[str, Any]]) -> str:
    """Items as facts.yaml writes them: ``  - key: value``, two spaces in, Arabic as is, one line each."""
    # Lists of scalars in flow style (``sources: [a, b]``), as facts.yaml writes them.
    text = yaml.dump(items, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, default_flow_style=None,
                     width=1_000_000)
    return "".join(f"  {line}\n" for line in text.splitlines())


def append_sections(facts_text: str, additions: dict[str, list[dict[str, Any]]]) -> str:
    """``facts_text`` with ``additions`` appended at the end of their sections; every existing line kept.

    New lines go after the last non-blank line of a section (before the blank lines and comments that
    lead into the next one); a section facts.yaml lacks is added at the end in the schema's order.
    """
    if facts_text and not facts_text.endswith("\n"):
        facts_text += "\n"
    lines = facts_text.splitlines(keepends=True)
    starts = {m.group(1): facts_text.count("\n", 0, m.start()) for m in _TOP_KEY.finditer(facts_text)}
    order = sorted(starts.values())
    inserts: dict[int, str] = {}
    tail: list[str] = []
    for kind in SECTIONS:
        items = additions.get(kind.section)
        if not items:
            continue
        block = render_items(items)
        if kind.section not in starts:
            tail.append(f"\n{kind.section}:\n{block}")
            continue
        first = starts[kind.section]
        following = [s for s in order if s > first]
        end = following[0] if following else len(lines)
        last = end
        while last > first + 1 and (not lines[last - 1].strip() or lines[last - 1].lstrip().startswith("#")):
            last -= 1
        if lines[first].rstrip().endswith("[]"):
            raise FactsError([Problem("data/facts.yaml", first + 1, 1, kind.section,
                                      f"`{kind.section}: []` cannot take new items; write `{kind.section}:` alone",
                                      f"لا يقبل `{kind.section}: []` عناصر جديدة؛ اكتب `{kind.section}:` وحده")])
        inserts[last] = inserts.get(last, "") + block
    out = []
    for k, line in enumerate(lines):
        out.append(inserts.pop(k, ""))
        out.append(line)
    out.append(inserts.pop(len(lines), ""))
    return "".join(out) + "".join(tail)


def accept(facts_path: Path, facts_display: str, proposal_path: Path, proposal_display: str,
           seeds: Path) -> dict[str, int]:
    """Append the proposal to facts.yaml once both check out together; remove it; counts per section.

    Nothing is written when anything is wrong, and the new facts.yaml is checked again before it
    replaces the old one.
    """
    facts = load_file(facts_path, facts_display)
    proposal = load_file(proposal_path, proposal_display)
    validate_together(facts, [proposal], seeds)
    additions = {k: v for k, v in proposal.data.items() if isinstance(v, list)}
    # The items as written in the proposal, not as validation normalised them.
    additions = {k: v for k, v in load_file(proposal_path, proposal_display).data.items() if k in additions}
    new_text = append_sections(read_text(facts_path, facts_display), additions)
    validate(load_yaml(new_text, facts_display), seeds)
    fd, tmp = tempfile.mkstemp(dir=facts_path.parent, prefix=".facts-", suffix=".yaml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(new_text)
        os.replace(tmp, facts_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    proposal_path.unlink()
    return {k: len(v) for k, v in additions.items()}


