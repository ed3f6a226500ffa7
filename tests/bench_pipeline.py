"""Benchmark: each pipeline step on a synthetic 10,000-actor fact base. Prints figures; asserts nothing.

    python -m tests.bench_pipeline [--actors N] [--events N] [--mkdocs] [--zensical] [--facts FILE]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.facts.load import load_file
from generator.facts.model import build_model
from generator.facts.validate import validate
from generator.site.render import Renderer
from generator.site.write import write_pages

from .conftest import make_project
from .synthetic import write_synthetic_facts

BUILDS = {
    # The generator and Pagefind run inside `mkdocs build`, through the factsheet plugin.
    "mkdocs": {"mkdocs build": ["-m", "mkdocs", "build"]},
    "zensical": {"generator": ["-m", "generator", "build", "--builder", "zensical"],
                 "zensical build": ["-m", "zensical", "build"],
                 "search index": ["-m", "generator", "search-index", "site"]},
}
"""Each builder's steps, as `make site BUILDER=…` runs them."""


def timed(label: str, fn, *args):
    """``fn(*args)``, printing how long it took (the benchmarks' one way to report a figure)."""
    started = time.perf_counter()
    result = fn(*args)
    print(f"  {label:<44} {time.perf_counter() - started:8.3f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=1_000)
    parser.add_argument("--mkdocs", action="store_true", help="also time a full `mkdocs build`")
    parser.add_argument("--zensical", action="store_true", help="also time the whole site built by Zensical")
    parser.add_argument("--facts", type=Path, help="a real facts file instead of the synthetic one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.facts:
            facts = args.facts.resolve()
            print(f"fact base: {facts}")
        else:
            facts = write_synthetic_facts(Path(tmp) / "facts.yaml", args.actors, args.events)
        project = make_project(Path(tmp) / "project", facts)
        size = facts.stat().st_size
        if not args.facts:
            print(f"synthetic fact base: {args.actors:,} extra actors, {args.events:,} extra events, "
                  f"{size / 1e6:.1f} MB")
        loaded = timed("load (compose + walk)", load_file, facts)
        data = timed("validate", validate, loaded, project / "seeds")
        texts = {s["file"]: (project / "seeds" / s["file"]).read_text(encoding="utf-8") for s in data["sources"]}
        base = timed("model", build_model, data, texts)
        pages = timed("render", lambda: Renderer(base).pages())
        print(f"  pages: {len(pages):,}, {sum(len(p) for p in pages.values()) / 1e6:.1f} MB of Markdown")
        timed("write (first)", write_pages, pages, project / "docs")
        timed("write (unchanged)", write_pages, pages, project / "docs")
        # Side by side, each from an empty docs/ and site/, as `make site BUILDER=…` builds it.
        for name in (name for name in BUILDS if getattr(args, name)):
            steps = build_site(project, BUILDS[name])
            detail = " + ".join(f"{label} {seconds:.3f}" for label, seconds in steps.items())
            print(f"  {'whole site, ' + name:<44} {sum(steps.values()):8.3f} s ({detail})")


def build_site(project: Path, steps: dict[str, list[str]]) -> dict[str, float]:
    """Seconds each step took; a failing step's output is printed and ends the build."""
    subprocess.run([sys.executable, "-m", "generator", "clean"], cwd=project, capture_output=True, check=True)
    for leftover in ("site", ".cache"):  # .cache: Zensical's, which would make its build an incremental one
        shutil.rmtree(project / leftover, ignore_errors=True)
    seconds = {}
    for label, step in steps.items():
        started = time.perf_counter()
        result = subprocess.run([sys.executable, *step], cwd=project, capture_output=True, text=True)
        seconds[label] = time.perf_counter() - started
        if result.returncode:
            print(f"  {label} failed (exit {result.returncode}):\n{result.stderr[-2000:]}")
            break
    return seconds


if __name__ == "__main__":
    main()
