"""Where things are: the paths and settings one build uses, and the pipeline that joins the steps."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .facts.errors import FactsError, Problem
from .facts.load import load_file
from .facts.model import FactBase, build_model
from .facts.validate import validate
from .site.render import Renderer, Settings
from .site.write import WriteReport, write_pages


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
                   docs=root / "docs", settings=read_settings(root / "pyproject.toml"))

    def display(self, path: Path) -> str:
        """``path`` as users should see it in messages: relative to the current folder when inside it."""
        try:
            return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            return str(path)


def read_settings(pyproject: Path) -> Settings:
    """Settings from ``[tool.factsheet]``; defaults where the file or the table is missing."""
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
    loaded = load_file(project.facts, project.display(project.facts))
    data = validate(loaded, project.seeds)
    texts = {s["file"]: (project.seeds / s["file"]).read_text(encoding="utf-8") for s in data["sources"]}
    return build_model(data, texts)


def render_pages(project: Project, base: FactBase) -> dict[str, str | bytes]:
    return Renderer(base, project.settings).pages()


def build(project: Project) -> WriteReport:
    """The whole pipeline: load → validate → model → render → write. Writes nothing on error."""
    base = load_facts(project)
    return write_pages(render_pages(project, base), project.docs)
