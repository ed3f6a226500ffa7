"""The MkDocs glue: run the generator before each build and watch its inputs while serving.

Everything else is plain Python that any MkDocs-compatible builder can use through
``python -m generator build``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin

from .errors import FactsError
from .project import Project, build
from .render import TEMPLATES

log = logging.getLogger("mkdocs.plugins.factsheet")


class FactsBuildFailed(SystemExit):
    """Stops the build with the generator's report and no traceback.

    A SystemExit subclass because `mkdocs serve` prints such an exception as a plain message, keeps
    serving the last good site, and rebuilds on the next change; `mkdocs build` exits with status 1.
    """

    def __init__(self, report: str) -> None:
        super().__init__(f"{report}\nfactsheet: the site was not rebuilt; fix the problems above. "
                         "| لم يُعَد بناء الموقع؛ أصلح المشكلات أعلاه.")


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

    def on_serve(self, server, config, builder):
        project = self._project(config)
        for path in (project.facts, project.seeds, TEMPLATES):
            server.watch(str(path))
        return server

    def _project(self, config) -> Project:
        root = Path(config.config_file_path).parent
        return Project.at(root, root / self.config.facts)
