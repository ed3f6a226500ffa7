"""The MkDocs glue: run the generator before each build and watch its inputs while serving.

Everything else is plain Python that any MkDocs-compatible builder can use through
``python -m generator build``.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from click import echo
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from ..facts.errors import FactsError
from ..project import Project, Rebuilder, build
from ..site.fonts import FOLDER, FontError, web_fonts
from ..site.render import TEMPLATES, CompiledTemplates
from ..site.routes import Routes
from ..site.workers import process_count
from ..site.write import MANIFEST, read_manifest
from . import parallel
from .pagefind import BackgroundIndexer, SearchIndexError, build_search_index, describe

log = logging.getLogger("mkdocs.plugins.factsheet")


class PluginAbort(Abort):
    """Stops the build with a message and no traceback, on stderr like every other error (MkDocs prints a
    plain Abort on stdout).

    MkDocs' Abort is both an Exception and a SystemExit: `mkdocs build` prints it without a traceback
    and exits with status 1, and the `mkdocs serve` loop, which catches Exceptions only, survives it
    (a bare SystemExit would stop the server); see _keep_last_good_site for what serving does with it.
    """

    def show(self, file: object = None) -> None:
        echo(self.format_message(), err=True)


class FactsBuildFailed(PluginAbort):
    """Stops the build with the generator's report."""

    def __init__(self, report: str) -> None:
        super().__init__(f"{report}\nfactsheet: the site was not rebuilt; fix the problems above. "
                         "| لم يُعَد بناء الموقع؛ أصلح المشكلات أعلاه.")


class FontMissing(PluginAbort):
    """Stops the build when the typeface cannot be subset."""


class _Options(Config):
    facts = config_options.Type(str, default="data/facts.yaml")
    jobs = config_options.Type(int, default=0)
    """Processes a full build may use (generator/integrations/parallel.py); 0: one per core."""
    pages_per_job = config_options.Type(int, default=500)
    """Generated pages each process must have at least, or fewer processes are used."""


class FactsheetPlugin(BasePlugin[_Options]):
    """Generates docs/ from the facts before each build and indexes the built site for search.

    Defining on_startup makes MkDocs keep this one instance for a whole `mkdocs serve` session, so
    what the last build rendered and read is still known at the next one (generator/site/incremental.py).
    """

    def __init__(self) -> None:
        self.serving = False
        """Whether this is `mkdocs serve`: rebuild incrementally and index search in the background."""
        self.rebuilder = Rebuilder()
        self.indexer = BackgroundIndexer(log)
        self.dirty = False
        """Whether serving with --dirty: unchanged pages are then left as last built."""
        self.built = False
        """Whether a build has completed in this session (the first build converts every page)."""
        self.theme_templates = CompiledTemplates()
        """The theme's templates, compiled once per `mkdocs serve` session instead of once per rebuild."""
        self.theme_listing: dict[tuple[Any, ...], list[str]] = {}
        """The theme's file list, read once per session: the icon sets alone hold thousands of files."""
        self.share: parallel.Share | None = None
        """The pages this process builds when a full build is split across cores, else None."""
        self.files: Files | None = None

    def on_startup(self, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = self.serving and dirty
        if self.dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(_accurate_dirty_builds)
            logging.getLogger("mkdocs.structure.pages").addFilter(parallel.links_to_pages_left_out)

    def on_shutdown(self) -> None:
        self.indexer.stop()

    def on_pre_build(self, config) -> None:
        project = self._project(config)
        self.indexer.stop()  # an index of the previous version would be stale; this build needs the cores
        try:
            if self.serving:
                report, rendered = self.rebuilder.build(project)
                log.info("factsheet: %d of %d page(s) rendered again", rendered.units, rendered.total)
            else:
                report = build(project)  # complete and deterministic, without recording what pages read
        except FactsError as exc:
            raise FactsBuildFailed(exc.report()) from None
        if report.written or report.removed:
            log.info("factsheet: %d page(s) written, %d removed", len(report.written), len(report.removed))

    def on_config(self, config):
        # The search dialog counts results in the digits the pages use (partials/search.html).
        try:
            digits = self._project(config).settings.digits
        except FactsError:
            return config  # on_pre_build reports the bad setting with the other problems
        config.extra.setdefault("factsheet", {})["digits"] = digits
        if self.serving:
            _reuse_theme_work(config.theme, self.theme_templates, self.theme_listing)
        return config

    def on_files(self, files: Files, config) -> Files:
        """The typeface, subset from the installed font package, served under fonts/ (generator/site/fonts.py).

        Added as generated files rather than written into docs/: MkDocs copies them to the site, serves
        them while serving, and checks Markdown links to them like links to any other file.
        """
        root = Path(config.config_file_path).parent
        try:
            fonts = web_fonts(root)
        except FontError as exc:
            raise FontMissing(f"factsheet: {exc}") from None
        for font in fonts:
            files.append(File.generated(config, f"{FOLDER}/{font.name}", content=font.data))
        if not self.serving:
            return self._split(files, config)
        return self._leave_unchanged_out(files, config)

    def _split(self, files: Files, config) -> Files:
        """A full build of many generated pages goes on in one process per core, each building its share."""
        nav = _nav_paths(config.nav)
        shared = read_manifest(Path(config.docs_dir)) - nav
        count = process_count(self.config.jobs, len(shared), self.config.pages_per_job)
        if count > 1:
            self.files = files
            self.share = parallel.split(files, config, shared, nav, count)
            if self.share.first:
                log.info("factsheet: pages converted in %d processes", count)
        return files

    def on_env(self, env, config, files):
        if self.share:
            env = parallel.restore(files, env, self.share, config)
        return env

    def _leave_unchanged_out(self, files: Files, config) -> Files:
        """In a dirty rebuild, leave out the generated pages MkDocs would skip anyway (unchanged since
        their HTML was written): MkDocs then spends nothing on them, not even reading them. Pages the
        navigation names stay in, so that the navigation of the rebuilt pages is what a full build gives."""
        if not (self.dirty and self.built):
            return files
        generated = self.rebuilder.paths - _nav_paths(config.nav)
        left = 0
        for file in files:
            if file.src_uri in generated and not file.is_modified():
                file.inclusion = InclusionLevel.EXCLUDED
                left += 1
        log.info("factsheet: %d unchanged page(s) left as built", left)
        return files

    def on_post_build(self, config) -> None:
        """Index the built site for the search dialog (generator/integrations/pagefind.py).

        While serving, the index is rebuilt in the background: the changed page is served first.
        """
        if self.share and not self.share.first:
            parallel.finish_forked(self.files, self.share)  # ends this process
        if self.share:
            failed = parallel.join(self.files, self.share, config.validation.links.anchors)
            self.share = None
            if failed:
                raise PluginAbort(f"factsheet: the process(es) {failed} building a share of the pages failed; "
                                  "their messages are above")
        try:
            if self.serving:
                self.built = True
                self.indexer.start(Path(config.site_dir))
                return
            report = build_search_index(Path(config.site_dir))
        except SearchIndexError as exc:
            raise PluginAbort(f"factsheet: {exc}") from None
        log.info("factsheet: %s", describe(report))

    def on_build_error(self, error: Exception) -> None:
        if self.share:
            parallel.abandon(self.share)  # a forked process ends here; the first stops the others
            self.share = None

    def on_serve(self, server, config, builder):
        project = self._project(config)
        for path in (project.facts, project.seeds, TEMPLATES):
            server.watch(str(path))
        _watch_hand_written_docs(server, project.docs)
        server.builder = _keep_last_good_site(server.builder)
        return server

    def _project(self, config) -> Project:
        root = Path(config.config_file_path).parent
        return Project.at(root, root / self.config.facts)


def _accurate_dirty_builds(record: logging.LogRecord) -> bool:
    """Drops MkDocs' warning that dirty builds give inaccurate navigation and links (strict mode would stop
    `make serve` on it). Here they are accurate: the navigation names sections only, never pages, and
    every page whose links or text an edit changes is generated again, so MkDocs converts it again."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def _nav_paths(nav: Any) -> set[str]:
    """Every docs/ path that mkdocs.yml's nav names."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        nav = list(nav.values())
    if isinstance(nav, list):
        return {path for item in nav for path in _nav_paths(item)}
    return set()


def _reuse_theme_work(theme, compiled: CompiledTemplates, listing: dict[tuple[Any, ...], list[str]]) -> None:
    """Make the theme's Jinja environment reuse, across rebuilds, its compiled templates and file list."""
    make_env = theme.get_env

    def get_env():
        env = make_env()
        env.bytecode_cache = compiled
        plain = env.list_templates

        def list_templates(extensions=None, filter_func=None):
            # MkDocs asks with a filter made afresh each build from the same code and the same theme.
            key = (*theme.dirs, *theme.static_templates, extensions and tuple(extensions),
                   filter_func and filter_func.__code__)
            if key not in listing:
                listing[key] = plain(extensions, filter_func)
            return list(listing[key])
        env.list_templates = list_templates
        return env

    theme.get_env = get_env


def _watch_hand_written_docs(server, docs: Path) -> None:
    """Watch docs/ except what the generator writes there.

    MkDocs watches all of docs_dir; the pages the generator writes during a build would then set off a
    second build after every save. The generated folders hold generated files only (Routes), and the
    generated top-level pages are in the manifest; everything else in docs/ is hand-written and watched.
    A hand-written file added at the top of docs/ while serving is seen at the next rebuild or restart.
    """
    server.unwatch(str(docs))
    generated = set(Routes().generated_dirs) | {MANIFEST} | read_manifest(docs)
    for entry in sorted(docs.iterdir()):
        if entry.name not in generated and not entry.name.startswith("."):
            server.watch(str(entry))


def _keep_last_good_site(builder: Callable[[], None]) -> Callable[[], None]:
    """The serve loop's rebuild, except that broken facts leave the last good site being served.

    MkDocs would otherwise hold every page request until a rebuild succeeds. The failure comes from
    on_pre_build, before MkDocs touches its site folder, so the previous site is still whole.
    """

    def rebuild() -> None:
        try:
            builder()
        except FactsBuildFailed as exc:
            print(exc.format_message(), file=sys.stderr)
            print("factsheet: still serving the last good site; save a fixed facts file to rebuild. "
                  "| ما زال الموقع السابق معروضًا؛ احفظ ملف الوقائع بعد إصلاحه لإعادة البناء.", file=sys.stderr)

    return rebuild
