"""Benchmark: quote extraction against gold, for direct quotes and reported speech separately.

    python -m tests.bench_extract        (or `make bench-extract`)

Three collections: the development half of our own corpus (rules were tuned on it), the held-out half
(never tuned on) and the five seeds (gold: the quotes curated in data/facts.yaml).  A candidate matches a
gold quote of the same kind when their spans share at least half of the longer one; its speaker is right
when the names agree word for word at one end (``تشالي`` ~ ``تشالي بيرموديز``), or, on the seeds, when
the actor ids agree; beside it, in brackets, the strict figure: the whole name agrees.  Last, the time
per 1,000 words on one long article and on eight times its length.  Prints figures; asserts nothing
(tests/test_extract_corpus.py does).
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.extract import Candidate, extract_quotes, normalise
from generator.extract.tokens import tokenise

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "extract_corpus"
KINDS = ("direct", "paraphrase")


@dataclass(frozen=True)
class Gold:
    """One quote an editor would keep: its span in the article, kind and speaker."""

    start: int
    end: int
    kind: str
    speaker: str
    """The speaker's name as written (our corpus) or actor id (seeds)."""


@dataclass
class Score:
    """Counts for one kind of speech over a collection."""

    gold: int = 0
    found: int = 0
    proposed: int = 0
    correct: int = 0
    right_speaker: int = 0
    whole_name: int = 0
    """Found quotes whose speaker's whole name is the gold one (the strict count)."""
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.proposed if self.proposed else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.right_speaker / self.found if self.found else 1.0

    @property
    def strict_speaker_accuracy(self) -> float:
        return self.whole_name / self.found if self.found else 1.0


def corpus(half: str) -> list[tuple[str, str, list[Gold]]]:
    """(name, text, gold) for every article of ``dev`` or ``heldout``."""
    out = []
    for txt in sorted((CORPUS / half).glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        entries = yaml.load((txt.with_suffix(".yaml")).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["quotes"]
        gold = [Gold(e["start"], e["start"] + len(e["text"]), e["kind"], e["speaker"]) for e in entries]
        out.append((txt.name, text, gold))
    return out


def seeds() -> tuple[list[tuple[str, str, list[Gold]]], dict[str, list[str]]]:
    """The seeds with the quotes facts.yaml curates from them, and every actor's names."""
    facts = yaml.load((ROOT / "data" / "facts.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    names = {a["id"]: [a["name"], *a.get("aliases", [])] for a in facts["actors"]}
    files = {s["id"]: s["file"] for s in facts["sources"]}
    out = []
    for source_id, file in files.items():
        text = (ROOT / "seeds" / file).read_text(encoding="utf-8")
        gold = []
        for q in facts["quotes"]:
            if source_id in q["sources"]:
                start = text.find(q["text"])
                if start >= 0:
                    gold.append(Gold(start, start + len(q["text"]), q["kind"], q["speaker"]))
        out.append((file, text, gold))
    return out, names


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared / max(a[1] - a[0], b[1] - b[0]) if shared > 0 else 0.0


def same_speaker(candidate: Candidate, gold: str, *, by_id: bool) -> bool:
    """Whether a candidate's speaker is the gold one (ids on the seeds, names on our corpus)."""
    if by_id:
        return candidate.speaker == gold
    if not candidate.speaker_name:
        return False
    said, want = normalise(candidate.speaker_name).split(), normalise(gold).split()
    n = min(len(said), len(want))
    return said[:n] == want[:n] or said[-n:] == want[-n:]


def same_whole_name(candidate: Candidate, gold: str, *, by_id: bool) -> bool:
    """The strict test: the speaker's whole name, folded, is the gold one (ids on the seeds)."""
    if by_id:
        return candidate.speaker == gold
    return bool(candidate.speaker_name) and normalise(candidate.speaker_name).split() == normalise(gold).split()


def score(articles, names=None, *, by_id: bool = False) -> dict[str, Score]:
    """Scores per kind over ``articles`` [(name, text, gold)]."""
    scores = {kind: Score() for kind in KINDS}
    for name, text, gold in articles:
        cands = extract_quotes(text, name, names or {})
        used: set[int] = set()
        for kind in KINDS:
            s = scores[kind]
            mine = [c for c in cands if c.kind == kind]
            s.proposed += len(mine)
            for g in (g for g in gold if g.kind == kind):
                s.gold += 1
                best = max(range(len(mine)), key=lambda k: _overlap((mine[k].start, mine[k].end), (g.start, g.end)),
                           default=None)
                if best is None or id(mine[best]) in used or _overlap((mine[best].start, mine[best].end),
                                                                      (g.start, g.end)) < 0.5:
                    s.misses.append(f"{name}: {text[g.start:g.end][:70]}")
                    continue
                used.add(id(mine[best]))
                s.found += 1
                s.whole_name += same_whole_name(mine[best], g.speaker, by_id=by_id)
                if same_speaker(mine[best], g.speaker, by_id=by_id):
                    s.right_speaker += 1
                else:
                    s.wrong.append(f"{name}: {mine[best].speaker_name or mine[best].speaker} ≠ {g.speaker}: "
                                   f"{text[g.start:g.end][:50]}")
            s.correct += sum(1 for c in mine if id(c) in used)
    return scores


def report(label: str, scores: dict[str, Score], *, verbose: bool = False) -> None:
    for kind, s in scores.items():
        print(f"  {label:<9} {kind:<10} gold {s.gold:3}  recall {s.recall:.2f}  precision {s.precision:.2f}  "
              f"speaker accuracy {s.speaker_accuracy:.2f} (whole name {s.strict_speaker_accuracy:.2f})")
        if verbose:
            for line in s.misses:
                print(f"      missed  {line}")
            for line in s.wrong:
                print(f"      speaker {line}")


def speed() -> None:
    """Time per 1,000 words on the whole corpus as one article, and on eight copies of it: the two
    figures stay close when extraction grows with the length of the article, not with its square.
    Beside it, the same text only tokenised: the floor any pass over the words costs."""
    base = "\n".join(text for _, text, _ in corpus("dev") + corpus("heldout"))
    for copies in (1, 8):
        text = "\n".join([base] * copies)
        words = len(text.split())
        started = time.perf_counter()
        extract_quotes(text, "bench.txt", {})
        extraction = time.perf_counter() - started
        started = time.perf_counter()
        tokenise(text)
        tokens = time.perf_counter() - started
        print(f"  speed     {words:6} words  extraction {1000 * extraction / words * 1000:5.1f} ms per 1,000 words"
              f"  (tokenising alone {1000 * tokens / words * 1000:4.1f})")


def main() -> None:
    verbose = "-v" in sys.argv
    print("quote extraction (direct / reported speech):")
    report("dev", score(corpus("dev")), verbose=verbose)
    report("held-out", score(corpus("heldout")), verbose=verbose and "--heldout" in sys.argv)
    articles, names = seeds()
    report("seeds", score(articles, names, by_id=True), verbose=verbose and "--seeds" in sys.argv)
    speed()


if __name__ == "__main__":
    main()
