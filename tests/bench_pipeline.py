"""Benchmark: each pipeline step on a synthetic 10,000-actor fact base. Prints figures; asserts nothing.

    python -m tests.bench_pipeline [--actors N] [--events N] [--mkdocs]
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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        facts = write_synthetic_facts(Path(tmp) / "facts.yaml", args.actors, args.events)
        project = make_project(Path(tmp) / "project", facts)
        size = facts.stat().st_size
        print(f"synthetic fact base: {args.actors:,} extra actors, {args.events:,} extra events, {size / 1e6:.1f} MB")
        loaded = timed("load (compose + walk)", load_file, facts)
        data = timed("validate", validate, loaded, project / "seeds")
        texts = {s["file"]: (project / "seeds" / s["file"]).read_text(encoding="utf-8") for s in data["sources"]}
        base = timed("model", build_model, data, texts)
        pages = timed("render", lambda: Renderer(base).pages())
        print(f"  pages: {len(pages):,}, {sum(len(p) for p in pages.values()) / 1e6:.1f} MB of Markdown")
        timed("write (first)", write_pages, pages, project / "docs")
        timed("write (unchanged)", write_pages, pages, project / "docs")
        if args.mkdocs:
            shutil.rmtree(project / "site", ignore_errors=True)
            started = time.perf_counter()
            result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, capture_output=True,
                                    text=True)
            print(f"  {'mkdocs build (whole site)':<44} {time.perf_counter() - started:8.3f} s"
                  f" (exit {result.returncode})")
            if result.returncode:
                print(result.stderr[-2000:])


if __name__ == "__main__":
    main()
