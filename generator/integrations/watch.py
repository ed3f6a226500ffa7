"""Serving without the MkDocs plugin: rebuild docs/ when the facts change, re-index the site when it is rebuilt.

`mkdocs serve` does both through the factsheet plugin (mkdocs.py). Zensical runs no plugins, so
``python -m generator watch --builder zensical site`` runs beside `zensical serve` (``make serve
BUILDER=zensical``): the generator writes docs/, Zensical sees docs/ change and rebuilds site/, and
this loop indexes site/ again once it has stopped changing. It polls file times, once a second: no
extra dependency, and cheap next to a rebuild.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from ..facts.errors import FactsError
from ..project import Project, build
from ..site.fonts import FontError, write_web_fonts
from ..site.render import TEMPLATES
from .pagefind import PAGEFIND_DIR, SearchIndexError, build_search_index, describe

POLL_SECONDS = 1.0
"""How often the facts, the seeds, the templates and the built site are looked at."""
SETTLE_SECONDS = 1.5
"""How long the built site must stay unchanged before it is indexed (the builder is writing it until then)."""

Stamp = tuple[int, int]
"""The newest modification time (ns) and the number of files under some folders: changes when they do."""


def stamp(paths: Iterable[Path], skip: str = "") -> Stamp:
    """``Stamp`` of every file under ``paths``, leaving out any folder named ``skip``."""
    newest = count = 0
    for path in paths:
        files = path.rglob("*") if path.is_dir() else [path]
        for file in files:
            if skip and skip in file.parts:
                continue
            try:
                info = file.stat()
            except OSError:  # removed while we looked: the next poll sees the folder as it now is
                continue
            if file.is_file():
                newest, count = max(newest, info.st_mtime_ns), count + 1
    return newest, count


def watch(project: Project, site_dir: Path, *, until: Callable[[], bool] = lambda: False,
          poll: float = POLL_SECONDS, settle: float = SETTLE_SECONDS) -> None:
    """Rebuild docs/ and re-index ``site_dir`` as long as ``until()`` is false (Ctrl-C ends it)."""
    inputs = [project.facts, project.seeds, TEMPLATES]
    seen_inputs = stamp(inputs)
    _rebuild(project)
    seen_site: Stamp | None = None
    indexed: Stamp | None = None
    changed_at = time.monotonic()
    while not until():
        time.sleep(poll)
        now = stamp(inputs)
        if now != seen_inputs:
            seen_inputs = now
            _rebuild(project)
        site = stamp([site_dir], skip=PAGEFIND_DIR)
        if site != seen_site:
            seen_site, changed_at = site, time.monotonic()
            continue
        # Once per state of the site, even if Pagefind fails: a failure is reported, not retried every second.
        if site != indexed and time.monotonic() - changed_at >= settle and (site_dir / "index.html").is_file():
            indexed = site
            _index(project.root, site_dir)


def _rebuild(project: Project) -> None:
    try:
        report = build(project)
    except FactsError as exc:
        print(exc.report(), file=sys.stderr)
        print("generator watch: docs/ was not rebuilt, so the last good site is still served; save a fixed facts "
              "file to rebuild. | لم تُحدَّث الصفحات فبقي الموقع السابق معروضًا؛ احفظ ملف الوقائع بعد إصلاحه.",
              file=sys.stderr, flush=True)
        return
    if report.written or report.removed:
        print(f"generator watch: {len(report.written)} page(s) written, {len(report.removed)} removed", flush=True)


def _index(root: Path, site_dir: Path) -> None:
    """The typeface and the search index: what the MkDocs plugin adds after each build."""
    try:
        write_web_fonts(root, site_dir)
        print(f"generator watch: {describe(build_search_index(site_dir))}", flush=True)
    except (SearchIndexError, FontError) as exc:  # the builder may have been rewriting the site; retried on change
        print(f"generator watch: {exc}", file=sys.stderr, flush=True)
