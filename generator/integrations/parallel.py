"""A full `mkdocs build` split across the machine's cores, one process per share of the generated pages.

MkDocs converts and writes pages one after another in one process. Generated pages are independent of
one another once the generator has written them: each page's HTML depends on its own Markdown, the files'
URLs and the navigation, which names sections only. So after MkDocs has listed the files (on_files), the
build forks; every process goes on with MkDocs' own build, converting and writing only its share of the
generated pages:

- the first process (the one `mkdocs build` started) also keeps every hand-written page, the static files,
  the sitemap and 404 page, and afterwards the search index;
- the page of another share is left out of conversion, like a page a dirty build skips; before the pages
  are written it is put back with an empty template, so that the sitemap lists it and nothing overwrites it;
- each other process reports, through a pipe, the anchors its pages hold and its links to other shares'
  anchors; the first one checks those links the way MkDocs checks links inside one process, and fails the
  build if any process failed or warned in strict mode.

The result is the same site, byte for byte, as one process builds (tests/test_parallel.py). Serving never
splits: `mkdocs serve` rebuilds a few pages at a time (generator/site/incremental.py).
"""

from __future__ import annotations

import gc
import json
import logging
import os
import signal
import sys
from dataclasses import dataclass, field

from jinja2 import ChoiceLoader, DictLoader, Environment
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

BLANK = "factsheet-share-of-another-process.html"
"""The template of a page another process writes: empty, so MkDocs writes nothing for it here."""
log = logging.getLogger("mkdocs.plugins.factsheet")
pages_log = logging.getLogger("mkdocs.structure.pages")


@dataclass
class Share:
    """What this process builds, and how it reports to the first process."""

    worker: int
    """0 for the first process, 1… for the processes it forked."""
    others: frozenset[str]
    """docs/ paths of the pages other processes write."""
    children: dict[int, int] = field(default_factory=dict)
    """First process only: each forked process's id → the pipe its report comes through."""
    report_to: int | None = None
    """A forked process only: the pipe to the first process."""
    left_out: dict[str, InclusionLevel] = field(default_factory=dict)
    """The pages left out of conversion here, with the inclusion they had."""

    @property
    def first(self) -> bool:
        return self.worker == 0


def split(files: Files, config, shared: set[str], nav: set[str], count: int) -> Share:
    """Fork ``count - 1`` processes and leave each with its share of the ``shared`` pages (docs/ paths).

    Pages are dealt out in turn from their sorted paths, so that every share holds as many actor pages
    as event pages. The pages ``nav`` names are converted by every process, so that each draws the same
    navigation, and written by the first. Called from on_files; each process then continues MkDocs' build.
    """
    pages = frozenset(f.src_uri for f in files.documentation_pages())
    mine = sorted(pages & shared)
    shares = [frozenset(mine[n::count]) for n in range(count)]
    sys.stdout.flush()
    sys.stderr.flush()
    gc.collect()
    gc.freeze()  # objects made so far are shared with the forked processes, not copied by the collector
    children: dict[int, int] = {}
    for worker in range(1, count):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            for fd in children.values():
                os.close(fd)
            share = Share(worker, pages - shares[worker], report_to=write)
            for file in files:  # the first process copies the static files and renders the sitemap
                if not file.is_documentation_page():
                    file.inclusion = InclusionLevel.EXCLUDED
            config.theme.static_templates = set()
            config.extra_templates = []
            return _leave_out(files, share, nav)
        os.close(write)
        children[pid] = read
    return _leave_out(files, Share(0, frozenset(mine) - shares[0], children=children), nav)


def _leave_out(files: Files, share: Share, nav: set[str]) -> Share:
    """Leave the other shares' pages out of conversion (MkDocs reads excluded pages not at all)."""
    for file in files:
        if file.src_uri in share.others and file.src_uri not in nav:
            share.left_out[file.src_uri] = file.inclusion
            file.inclusion = InclusionLevel.EXCLUDED
    pages_log.addFilter(links_to_pages_left_out)
    logging.getLogger("mkdocs.commands.build").addFilter(_pages_of_other_shares)
    return share


def restore(files: Files, env: Environment, share: Share, config) -> Environment:
    """From on_env, after conversion: the other shares' pages back in the site with the empty template,
    so that the sitemap lists them and this process writes nothing over them."""
    env.loader = ChoiceLoader([DictLoader({BLANK: ""}), env.loader])
    for file in files:
        if file.src_uri in share.others:
            file.inclusion = share.left_out.get(file.src_uri, file.inclusion)
            page = file.page or Page(None, file, config)
            page.meta = {"template": BLANK}
    return env


def finish_forked(files: Files, share: Share) -> None:
    """From on_post_build in a forked process: report anchors and links, then end with 1 if this share
    failed in strict mode (its warnings are already on stderr), else 0. Never returns."""
    anchors, links = _anchors_and_links(files, share)
    with os.fdopen(share.report_to, "w", encoding="utf-8") as pipe:
        json.dump({"anchors": anchors, "links": links}, pipe)
    counts = [h.get_counts() for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler)]
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(1 if any(counts) else 0)


def abandon(share: Share) -> None:
    """After a failed build: a forked process ends at once; the first one stops the others."""
    if not share.first:
        sys.stderr.flush()
        os._exit(1)
    for pid in share.children:
        try:
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


def join(files: Files, share: Share, anchor_level: int) -> list[int]:
    """From on_post_build in the first process: wait for the others, check the links between shares'
    anchors, and return the worker numbers of the processes that failed (empty when all is well)."""
    anchors, links = _anchors_and_links(files, share)
    failed = []
    for number, (pid, read) in enumerate(sorted(share.children.items()), 1):
        with os.fdopen(read, encoding="utf-8") as pipe:
            text = pipe.read()
        _, status = os.waitpid(pid, 0)
        if status or not text:
            failed.append(number)
            continue
        report = json.loads(text)
        anchors.update(report["anchors"])
        links.extend(report["links"])
    for source, target, anchor, original in sorted(links):
        if target in anchors and anchor not in anchors[target]:
            pages_log.log(anchor_level, f"Doc file '{source}' contains a link '{original}', but the doc "
                                        f"'{target}' does not contain an anchor '#{anchor}'.")
    return failed


def _anchors_and_links(files: Files, share: Share) -> tuple[dict[str, list[str]], list[list[str]]]:
    """The anchors of this share's pages, and its links to anchors in other shares' pages (MkDocs has
    checked the links within the share)."""
    anchors: dict[str, list[str]] = {}
    links: list[list[str]] = []
    for file in files.documentation_pages():
        page = file.page
        if file.src_uri in share.others or page is None or page.present_anchor_ids is None:
            continue
        anchors[file.src_uri] = sorted(page.present_anchor_ids)
        for target, found in page.links_to_anchors.items():
            if target.src_uri in share.others:
                links.extend([file.src_uri, target.src_uri, anchor, original] for anchor, original in found.items())
    return anchors, links


def links_to_pages_left_out(record: logging.LogRecord) -> bool:
    """Drops MkDocs' note on each link to a page left out of conversion on purpose: a page of another
    share, or one a dirty rebuild leaves as last built (mkdocs.py). The page is in the site all the same,
    and the link is made as usual."""
    return not record.getMessage().endswith("which is excluded from the built site.")


def _pages_of_other_shares(record: logging.LogRecord) -> bool:
    """Drops MkDocs' note on each page of another share that this process, by design, writes nothing for."""
    message = record.getMessage()
    return not (message.startswith("Page skipped: ") and message.endswith("Generated empty output."))
