"""Pagefind: index the built site for its Arabic search dialog.

The pages carry their hidden name spellings (generator/site/search_terms.py); this step only runs the
pinned Pagefind binary over the HTML and removes the ready-made interfaces the site does not use.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
import threading
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
    _check_built(site_dir)
    output = site_dir / PAGEFIND_DIR
    shutil.rmtree(output, ignore_errors=True)  # Pagefind adds to an old bundle; stale fragments would stay
    started = time.perf_counter()
    result = subprocess.run(_command(site_dir, output), capture_output=True, text=True, timeout=1800)
    return _finish(output, result.returncode, result.stdout, result.stderr, time.perf_counter() - started)


def _check_built(site_dir: Path) -> None:
    if not (site_dir / "index.html").is_file():
        raise SearchIndexError(f"{site_dir}: no index.html here; build the site first (mkdocs build)")


def _command(site_dir: Path, output: Path) -> list[str]:
    # The module, not a `pagefind` on PATH: the pinned binary that requirements.lock installed.
    return [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-path", str(output),
            "--exclude-selectors", EXCLUDE_SELECTORS]


def _finish(output: Path, returncode: int, stdout: str, stderr: str, seconds: float) -> IndexReport:
    if returncode != 0 or not (output / "pagefind.js").is_file():
        raise SearchIndexError(f"pagefind failed (exit {returncode}):\n{stdout}\n{stderr}")
    for name in UNUSED_PAGEFIND_FILES:
        (output / name).unlink(missing_ok=True)
    files = [p for p in output.rglob("*") if p.is_file()]
    return IndexReport(pages=_indexed_pages(stdout), files=len(files),
                       bytes=sum(p.stat().st_size for p in files), seconds=seconds)


class BackgroundIndexer:
    """Indexes a served site after each rebuild without holding the rebuild up (for `mkdocs serve`).

    The changed page is served as soon as MkDocs has written it; Pagefind then runs in its own process
    and its bundle replaces the old one only when complete, so search answers from the previous index
    meanwhile. A rebuild that starts while Pagefind runs stops it: that index would be stale, and the
    rebuild should have the machine to itself. `mkdocs build` does not use this class: a published
    site is indexed completely before the build ends (build_search_index).
    """

    def __init__(self, log: logging.Logger) -> None:
        self.log = log
        self._lock = threading.Lock()
        self._process: subprocess.Popen[str] | None = None
        self._thread: threading.Thread | None = None
        self.finished = threading.Event()
        """Set whenever no indexing is under way (tests and the benchmark wait on it)."""
        self.finished.set()

    def start(self, site_dir: Path) -> None:
        """Begin indexing ``site_dir`` in the background, stopping any indexing still under way."""
        site_dir = Path(site_dir)
        self.stop()
        _check_built(site_dir)
        staging = site_dir.parent / f".{site_dir.name}.pagefind-next"  # same file system: the swap is a rename
        shutil.rmtree(staging, ignore_errors=True)
        with self._lock:
            self.finished.clear()
            self._process = subprocess.Popen(_command(site_dir, staging), stdout=subprocess.PIPE,
                                             stderr=subprocess.PIPE, text=True)
            self._thread = threading.Thread(target=self._wait, args=(self._process, site_dir, staging),
                                            name="pagefind", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop indexing (its result would be stale); the index in the site stays as it was."""
        with self._lock:
            process, thread = self._process, self._thread
            self._process = self._thread = None
        if process is not None and process.poll() is None:
            process.terminate()
        if thread is not None:
            thread.join()
        self.finished.set()

    def _wait(self, process: subprocess.Popen[str], site_dir: Path, staging: Path) -> None:
        started = time.perf_counter()
        stdout, stderr = process.communicate()
        with self._lock:
            current = process is self._process
        if not current:  # stopped by a newer rebuild
            shutil.rmtree(staging, ignore_errors=True)
            return
        try:
            report = _finish(staging, process.returncode, stdout, stderr, time.perf_counter() - started)
            _swap(staging, site_dir / PAGEFIND_DIR)
            self.log.info("factsheet: %s (in the background)", describe(report))
        except (SearchIndexError, OSError) as exc:
            self.log.warning("factsheet: the search index was not updated: %s", exc)
            shutil.rmtree(staging, ignore_errors=True)
        finally:
            with self._lock:
                if process is self._process:
                    self._process = self._thread = None
                    self.finished.set()


def _swap(new: Path, target: Path) -> None:
    """Put the bundle ``new`` in place of ``target`` with renames: a reader sees the old or the new one."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


def _indexed_pages(log: str) -> int:
    match = re.search(r"Indexed (\d+) pages?", log)
    return int(match.group(1)) if match else 0


def describe(report: IndexReport) -> str:
    return (f"search index: {report.pages} page(s), {report.files} file(s), "
            f"{report.bytes / 1024:.0f} KiB in {report.seconds:.1f} s")
