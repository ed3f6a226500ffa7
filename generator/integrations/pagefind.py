"""Pagefind: index the built site for its Arabic search dialog.

The pages carry their hidden name spellings (generator/site/search_terms.py); this step only runs the
pinned Pagefind binary over the HTML and removes the ready-made interfaces the site does not use.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

PAGEFIND_DIR = "pagefind"
"""Folder of the built site that holds the search index and Pagefind's own scripts."""
UNUSED_PAGEFIND_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)
"""Pagefind's ready-made interfaces: the site has its own Arabic dialog, so these would only be dead weight."""

EXCLUDE_SELECTORS = ".headerlink, .fact-visual, .fact-legend"
"""Left out of the index: the ¶ after each heading (it would end every result title), and the pictures
and their legends, whose labels repeat the page's tables and would run together in excerpts."""

@dataclass(frozen=True)
class IndexReport:
    pages: int
    files: int
    bytes: int
    seconds: float


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site."""


def build_search_index(site_dir: Path) -> IndexReport:
    """Run Pagefind over a built site: writes ``site_dir/pagefind/``, replacing any earlier index."""
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").is_file():
        raise SearchIndexError(f"{site_dir}: no index.html here; build the site first (mkdocs build)")
    output = site_dir / PAGEFIND_DIR
    shutil.rmtree(output, ignore_errors=True)  # Pagefind adds to an old bundle; stale fragments would stay
    started = time.perf_counter()
    # The module, not a `pagefind` on PATH: the pinned binary that requirements.lock installed.
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", PAGEFIND_DIR,
         "--exclude-selectors", EXCLUDE_SELECTORS],
        capture_output=True, text=True, timeout=1800,
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0 or not (output / "pagefind.js").is_file():
        raise SearchIndexError(f"pagefind failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")
    for name in UNUSED_PAGEFIND_FILES:
        (output / name).unlink(missing_ok=True)
    files = [p for p in output.rglob("*") if p.is_file()]
    return IndexReport(pages=_indexed_pages(result.stdout), files=len(files),
                       bytes=sum(p.stat().st_size for p in files), seconds=seconds)


def _indexed_pages(log: str) -> int:
    match = re.search(r"Indexed (\d+) pages?", log)
    return int(match.group(1)) if match else 0


def describe(report: IndexReport) -> str:
    return (f"search index: {report.pages} page(s), {report.files} file(s), "
            f"{report.bytes / 1024:.0f} KiB in {report.seconds:.1f} s")
