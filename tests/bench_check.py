"""Benchmark: `check` on a large fact base full of mistyped references (did-you-mean at scale).

For 10,000 and 40,000 synthetic actors with 1,000 mistyped participant ids, prints the time to load and
validate (which reports every mistake with a suggestion), side by side with the peer it replaced:
difflib comparing each mistake with every id, timed on the first 50 mistakes of the same run.

    python -m tests.bench_check [--actors 10000 40000] [--mistakes 1000]
"""

from __future__ import annotations

import argparse
import difflib
import tempfile
import time
from pathlib import Path

import yaml

from generator.facts.errors import FactsError
from generator.facts.load import load_file
from generator.facts.validate import validate

from .synthetic import ROOT, _NoAliasDumper, synthetic_facts

PEER_SAMPLE = 50


def mistype(ident: str) -> str:
    """``ident`` with two neighbouring letters of its number swapped (a typing slip), or a letter doubled."""
    head, _, number = ident.rpartition("-")
    if len(set(number)) > 1:
        i = next(i for i in range(len(number) - 1) if number[i] != number[i + 1])
        number = number[:i] + number[i + 1] + number[i] + number[i + 2:]
    else:
        number += number[-1]
    return f"{head.replace('actor', 'actr')}-{number}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actors", type=int, nargs="+", default=[10_000, 40_000])
    parser.add_argument("--mistakes", type=int, default=1_000)
    args = parser.parse_args()
    print(f"check with {args.mistakes:,} mistyped references (suggestions on), one run")
    print(f"  {'actors':>8} {'check, no mistake':>19} {'check (trigram index)':>24} {'difflib, every id (est.)':>26} "
          f"{'problems':>9}")
    for actors in args.actors:
        data = synthetic_facts(actors, max(args.mistakes, 1_000))
        clean = timed_check(data)[0]
        wrong = []
        for event in data["events"][-args.mistakes:]:
            event["participants"][0] = mistype(event["participants"][0])
            wrong.append(event["participants"][0])
        ours, found = timed_check(data)
        ids = [a["id"] for a in data["actors"]]
        started = time.perf_counter()
        for word in wrong[:PEER_SAMPLE]:
            difflib.get_close_matches(word, ids, n=1, cutoff=0.6)
        peer = (time.perf_counter() - started) * len(wrong) / max(1, min(PEER_SAMPLE, len(wrong)))
        print(f"  {actors:>8,} {clean:>17.2f} s {ours:>22.2f} s {peer:>24.1f} s {found:>9,}")


def timed_check(data: dict) -> tuple[float, int]:
    """Seconds to load and validate ``data`` written as YAML, and the number of problems found."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "facts.yaml"
        path.write_text(yaml.dump(data, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False, width=1000),
                        encoding="utf-8")
        started = time.perf_counter()
        try:
            validate(load_file(path), ROOT / "seeds")
            found = 0
        except FactsError as exc:
            found = len(exc.problems)
        return time.perf_counter() - started, found


if __name__ == "__main__":
    main()
