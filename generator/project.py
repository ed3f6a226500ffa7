"""Where things are: the paths and settings one build uses, and the pipeline that joins the steps."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .facts.errors import FactsError, Problem
from .facts.load import load_file
from .facts.model import FactBase, build_model
from .facts.validate import validate
from .site.context import Settings
from .site.incremental import IncrementalRenderer, Rendered
from .site.render import Renderer
from .site.write import WriteReport, read_manifest, write_pages


@dataclass(frozen=True)
class Project:
    """The files of one fact-sheet site."""

    root: Path
    facts: Path
    seeds: Path
    docs: Path
    settings: Settings = field(default_factory=Settings)

    @classmethod
    def at(cls, root: Path, facts: Path | None = None) -> Project:
        """The project in ``root``, with settings from ``[tool.factsheet]`` in its pyproject.toml."""
        root = root.resolve()
        return cls(root=root, facts=(facts or root / "data" / "facts.yaml").resolve(), seeds=root / "seeds",
                   docs=root / "docs", settings=read_settings(root / "pyproject.toml", root / "mkdocs.yml"))

    def display(self, path: Path) -> str:
        """``path`` as users should see it in messages: relative to the current folder when inside it."""
        try:
            return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            return str(path)


class _ConfigLoader(yaml.CSafeLoader):
    """Reads mkdocs.yml for the one value the generator needs; MkDocs' own tags (``!!python/…``,
    ``!ENV``) are read as nothing rather than run or refused: MkDocs itself reports a bad file."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_use_directory_urls(mkdocs_yml: Path) -> bool:
    """``use_directory_urls`` from mkdocs.yml (MkDocs' default, true, when the file or key is missing)."""
    try:
        config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return True
    value = config.get("use_directory_urls", True) if isinstance(config, dict) else True
    return value is not False


def read_settings(pyproject: Path, mkdocs_yml: Path | None = None) -> Settings:
    """Settings from ``[tool.factsheet]`` (and mkdocs.yml's URL shape); defaults where a file is missing."""
    settings = _read_tool_table(pyproject)
    if mkdocs_yml is not None:
        settings = replace(settings, use_directory_urls=read_use_directory_urls(mkdocs_yml))
    return settings


def _read_tool_table(pyproject: Path) -> Settings:
    try:
        table = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}).get("factsheet", {})
    except (OSError, tomllib.TOMLDecodeError):
        return Settings()
    digits = table.get("digits", "western")
    if digits not in ("western", "eastern"):
        raise FactsError([Problem(str(pyproject), 1, 1, "[tool.factsheet]",
                                  f"digits = {digits!r} must be \"western\" or \"eastern\"",
                                  f"قيمة digits = {digits!r} يجب أن تكون \"western\" أو \"eastern\"")])
    site_url = table.get("site_url", "")
    if not isinstance(site_url, str) or (site_url and not site_url.startswith(("http://", "https://"))):
        raise FactsError([Problem(str(pyproject), 1, 1, "[tool.factsheet]",
                                  f"site_url = {site_url!r} must be an http(s) address, as in mkdocs.yml",
                                  f"قيمة site_url = {site_url!r} يجب أن تكون عنوان http(s) كما في mkdocs.yml")])
    return Settings(digits=digits, site_url=site_url.rstrip("/") + "/" if site_url else "")


def load_facts(project: Project) -> FactBase:
    """Load, validate and cross-link the fact base; FactsError listing every problem otherwise."""
    return build_model(*load_data(project))


def load_data(project: Project) -> tuple[dict[str, Any], dict[str, str]]:
    """The validated data and the text of each seed it cites; FactsError listing every problem otherwise."""
    loaded = load_file(project.facts, project.display(project.facts))
    data = validate(loaded, project.seeds)
    texts = {s["file"]: (project.seeds / s["file"]).read_text(encoding="utf-8") for s in data["sources"]}
    return data, texts


def render_pages(project: Project, base: FactBase) -> dict[str, str | bytes]:
    return Renderer(base, project.settings).pages()


def build(project: Project) -> WriteReport:
    """The whole pipeline: load → validate → model → render → write. Writes nothing on error."""
    base = load_facts(project)
    return write_pages(render_pages(project, base), project.docs)


class Rebuilder:
    """Builds a project again after each edit, rendering only the pages the edit can change.

    For `mkdocs serve`, which keeps one instance for the whole session. A failed build (broken facts,
    a hand-written file in the way) leaves docs/ as it was and the next build starts from scratch.
    """

    def __init__(self) -> None:
        self.renderer = IncrementalRenderer()
        self.paths: set[str] = set()
        """Every page the last successful build wrote."""

    def build(self, project: Project) -> tuple[WriteReport, Rendered]:
        data, texts = load_data(project)
        base = build_model(data, texts)
        if read_manifest(project.docs) != self.paths:  # first build, or docs/ changed behind our back
            self.renderer.forget()
        rendered = self.renderer.render(base, project.settings, data, texts)
        try:
            report = write_pages(rendered.pages, project.docs, rendered.paths)
        except BaseException:
            self.renderer.forget()
            raise
        self.paths = rendered.paths
        return report, rendered
