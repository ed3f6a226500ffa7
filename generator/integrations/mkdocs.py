"""The MkDocs glue: run the generator before each build and watch its inputs while serving.

Everything else is plain Python that any MkDocs-compatible builder can use through
``python -m generator build``.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from click import echo
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from ..facts.errors import FactsError
from ..project import Project, build
from ..site.fonts import FOLDER, FontError, web_fonts
from ..site.render import TEMPLATES
from .pagefind import SearchIndexError, build_search_index, describe

log = logging.getLogger("mkdocs.plugins.factsheet")


class FactsBuildFailed(Abort):
    """Stops the build with the generator's report and no traceback.

    MkDocs' Abort is both an Exception and a SystemExit: `mkdocs build` prints it without a traceback
    and exits with status 1, and the `mkdocs serve` loop, which catches Exceptions only, survives it
    (a bare SystemExit would stop the server); see _keep_last_good_site for what serving does with it.
    """

    def __init__(self, report: str) -> None:
        super().__init__(f"{report}\nfactsheet: the site was not rebuilt; fix the problems above. "
                         "| لم يُعَد بناء الموقع؛ أصلح المشكلات أعلاه.")

    def show(self, file: object = None) -> None:
        """How `mkdocs build` prints it: on stderr, like every other error."""
        echo(self.format_message(), err=True)


class FontMissing(Abort):
    """Stops the build when the typeface cannot be subset; said on stderr, like FactsBuildFailed."""

    def show(self, file: object = None) -> None:
        echo(self.format_message(), err=True)


class _Options(Config):
    facts = config_options.Type(str, default="data/facts.yaml")


class FactsheetPlugin(BasePlugin[_Options]):
    def on_pre_build(self, config) -> None:
        project = self._project(config)
        try:
            report = build(project)
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
        return files

    def on_post_build(self, config) -> None:
        """Index the built site for the search dialog (generator/integrations/pagefind.py)."""
        try:
            report = build_search_index(Path(config.site_dir))
        except SearchIndexError as exc:
            raise Abort(f"factsheet: {exc}") from None
        log.info("factsheet: %s", describe(report))

    def on_serve(self, server, config, builder):
        project = self._project(config)
        for path in (project.facts, project.seeds, TEMPLATES):
            server.watch(str(path))
        server.builder = _keep_last_good_site(server.builder)
        return server

    def _project(self, config) -> Project:
        root = Path(config.config_file_path).parent
        return Project.at(root, root / self.config.facts)


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
