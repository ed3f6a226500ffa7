"""Benchmark: the site search on a synthetic 10,000-actor site. Prints figures; fails only on the budget.

    python -m tests.bench_search [--actors N] [--events N] [--keep DIR]     (make bench-search)

Builds the site with `mkdocs build` (which indexes it with Pagefind), serves it on 127.0.0.1, and in
Debian's Chromium types queries into the real search box, counting every byte the first search
downloads. Too slow for the normal test run (several minutes), so `make test` does not run it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from .conftest import CHROMIUM, make_project, serve_folder
from .synthetic import synthetic_facts, write_synthetic_facts

BUDGET = 1_000_000
"""Bytes a reader's first search may download."""
REAL_QUERIES = {"ستولتنبرغ": "actors/jens-stoltenberg/", "بلينكين": "actors/antony-blinken/",
                "Putin": "actors/vladimir-putin/", "شولتس": "actors/olaf-scholz/"}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=1_000)
    parser.add_argument("--keep", type=Path, help="build in this folder and leave it there")
    parser.add_argument("--site", type=Path, help="measure this already built site (from --keep) instead")
    args = parser.parse_args()
    if args.site:
        return measure(args.site, {**_synthetic_query(args.actors, args.events), **REAL_QUERIES})
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        shutil.rmtree(work / "project", ignore_errors=True)
        work.mkdir(parents=True, exist_ok=True)
        facts = write_synthetic_facts(work / "facts.yaml", args.actors, args.events)
        project = make_project(work / "project", facts)
        print(f"synthetic site: real facts + {args.actors:,} actors + {args.events:,} events")
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, capture_output=True, text=True)
        build_seconds = time.perf_counter() - started
        if result.returncode:
            print(result.stderr[-3000:])
            return 1
        index_line = next((line for line in result.stderr.splitlines() if "search index:" in line), "")
        print(f"  mkdocs build (generator + pages + index) {build_seconds:8.1f} s")
        print(f"  {index_line.split('factsheet: ')[-1]}")
        site = project / "site"
        bundle = site / "pagefind"
        files = [p for p in bundle.rglob("*") if p.is_file()]
        print(f"  index on disk: {sum(p.stat().st_size for p in files) / 1e6:.1f} MB in {len(files):,} files "
              f"({len(list((bundle / 'index').iterdir()))} index chunks, "
              f"{len(list((bundle / 'fragment').iterdir())):,} page fragments)")
        return measure(site, {**_synthetic_query(args.actors, args.events), **REAL_QUERIES})


def _synthetic_query(actors: int, events: int) -> dict[str, str]:
    """The name of a synthetic actor that no other actor has, and its page."""
    made = synthetic_facts(actors, events)["actors"]
    counts = Counter(a["name"] for a in made)
    actor = next(a for a in reversed(made) if counts[a["name"]] == 1)
    return {actor["name"]: f"actors/{actor['id']}/"}


def _kind(url: str) -> str:
    """What a downloaded file is, for the breakdown."""
    name = url.rsplit("/", 1)[-1]
    if "/fragment/" in url:
        return "result fragments"
    if "/index/" in url:
        return "index chunks"
    if name.endswith(".pf_meta"):
        return "page list (pf_meta)"
    if "/pagefind/" in url:
        return "engine (js, wasm)"
    return "other"


def measure(site: Path, queries: dict[str, str]) -> int:
    from playwright.sync_api import sync_playwright

    from .browser.conftest import search

    server, url = serve_folder(site)
    failures = 0
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
            for query, expected in queries.items():
                # A fresh browser context per query: an empty cache, as for a reader's first search.
                context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
                page = context.new_page()
                page.goto(url + "about/")
                page.wait_for_load_state("networkidle")
                responses = []
                page.on("response", lambda r, log=responses: log.append(r))
                page.click("[data-fact-search-open]")
                started = time.perf_counter()
                found = search(page, query)
                seconds = time.perf_counter() - started
                kinds: Counter[str] = Counter()
                for r in responses:
                    if r.ok:
                        kinds[_kind(r.url)] += len(r.body())
                total = sum(kinds.values())
                first = found[0] if found else "(none)"
                ok = first == "/" + expected and total <= BUDGET
                failures += not ok
                print(f"  first search {query!r}: {total / 1e3:.0f} kB in {len(responses)} requests, "
                      f"{seconds:.1f} s; first result {first} {'OK' if ok else 'WRONG'}")
                print("      " + ", ".join(f"{k} {n / 1e3:.0f} kB" for k, n in kinds.most_common()))
                context.close()
            browser.close()
    finally:
        server.shutdown()
    print(f"budget for a first search: {BUDGET / 1e6:.1f} MB — {'met' if not failures else 'NOT MET'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
