"""Where things are: the paths and settings one build uses, and the pipeline that joins the steps."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .facts.errors import FactsError, Problem
from .facts.files import audit
from .facts.load import format_path, load_file
from .facts.model import FactBase, build_model
from .facts.schema import MAX_OUTPUT_FLOOR, MAX_OUTPUT_RATIO
from .facts.validate import Seeds, validate
from .site.context import Settings
from .site.incremental import IncrementalRenderer, Rendered
from .site.inert import MarkupLeak
from .site.render import Renderer
from .site.workers import render_all
from .site.write import WriteReport, clashes, read_manifest, write_pages


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
        facts = Path(os.path.abspath(facts)) if facts else root / "data" / "facts.yaml"  # links are not resolved
        return cls(root=root, facts=facts, seeds=root / "seeds",
                   docs=root / "docs", settings=read_settings(root / "pyproject.toml", root / "mkdocs.yml"))

    def display(self, path: Path) -> str:
        """``path`` as users should see it in messages: relative to the current folder when inside it.

        Links are not resolved: a message names the file the user named, not what a link points to.
        """
        absolute = Path(os.path.abspath(path))
        for folder in (Path.cwd(), Path.cwd().resolve()):
            try:
                return absolute.relative_to(folder).as_posix()
            except ValueError:
                continue
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
    """The validated data and the text of each seed it cites; FactsError listing every problem otherwise.

    Every input is first audited (no link or special file where the build or MkDocs reads), and read only
    as a regular file inside the project (facts/files.py).
    """
    unsafe = audit(project.root, INPUT_FOLDERS)
    try:
        loaded = load_file(project.facts, project.display(project.facts), _inside(project.facts, project.root))
        seeds = Seeds(project.seeds, project.root)
        data = validate(loaded, seeds)
    except FactsError as exc:
        raise FactsError(unsafe + exc.problems) from None
    if unsafe:
        raise FactsError(unsafe)
    return data, {s["file"]: seeds.texts[s["file"]] for s in data["sources"]}


INPUT_FOLDERS = ("data", "seeds", "docs", "theme", "generator/site/templates")
"""Folders whose files the build or MkDocs reads: a link or special file in any of them is refused
(facts/files.py says why)."""


def _inside(path: Path, root: Path) -> Path | None:
    """``root`` if ``path`` is in it (then no part of the path below it may be a link), else None: a facts
    file named on the command line outside the project is still read only if it is a regular file."""
    try:
        Path(os.path.abspath(path)).relative_to(root)
    except ValueError:
        return None
    return root


def render_pages(project: Project, base: FactBase) -> dict[str, str | bytes]:
    """Every page in memory; FactsError, located at the field, if fact text would be read as markup, or if
    the pages outweigh the input beyond the declared ratio."""
    try:
        pages = render_all(Renderer(base, project.settings))
    except MarkupLeak as exc:
        raise FactsError([_leak_problem(project, exc)]) from None
    total = sum(len(p) for p in pages.values())
    allowed = MAX_OUTPUT_RATIO * _input_bytes(project, base) + MAX_OUTPUT_FLOOR
    if total > allowed:
        display = project.display(project.facts)
        raise FactsError([Problem(display, 1, 1, "", f"the pages would weigh {total:,} bytes, over the limit of "
                                  f"{allowed:,} ({MAX_OUTPUT_RATIO} times the facts and articles, plus "
                                  f"{MAX_OUTPUT_FLOOR:,}); shorten the longest texts or lists",
                                  f"حجم الصفحات سيبلغ {total:,} بايت، فوق الحد {allowed:,}؛ "
                                  "اختصر أطول النصوص أو القوائم")])
    return pages


def _input_bytes(project: Project, base: FactBase) -> int:
    # The loader has already read facts.yaml as a regular file: its size is enough, no second read.
    return project.facts.stat().st_size + sum(len(s.text.encode("utf-8")) for s in base.sources.values())


def _leak_problem(project: Project, leak: MarkupLeak) -> Problem:
    """Where the text that leaked markup is in facts.yaml (the first field holding it)."""
    display = project.display(project.facts)
    loaded = load_file(project.facts, display)
    wanted = " ".join(leak.value.split())
    line, col, where = 1, 1, ""
    stack: list[tuple[tuple, object]] = [((), loaded.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str) and " ".join(value.split()) == wanted:
            (line, col), where = loaded.mark(path), format_path(path)
            break
        children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        stack.extend(((*path, k), v) for k, v in reversed(list(children)))
    return Problem(display, line, col, where, f"this text would become Markdown markup ({leak.token} in a "
                   f"{leak.context}) despite the escaping; the page was not built. Please report it; meanwhile "
                   "rephrase the text", f"سيتحول هذا النص إلى تنسيق Markdown ({leak.token}) رغم التهريب؛ لم تُبنَ "
                   "الصفحة. أبلغ عن ذلك، وأعد صياغة النص مؤقتًا")


def check_pages(project: Project, base: FactBase) -> None:
    """Everything ``build`` would refuse, without writing: markup in fact text, the output limit, and a
    hand-written file in the way of a generated page."""
    problems = clashes(render_pages(project, base), project.docs, project.display)
    if problems:
        raise FactsError(problems)


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
        try:
            rendered = self.renderer.render(base, project.settings, data, texts)
        except MarkupLeak as exc:
            self.renderer.forget()
            raise FactsError([_leak_problem(project, exc)]) from None
        try:
            report = write_pages(rendered.pages, project.docs, rendered.paths)
        except BaseException:
            self.renderer.forget()
            raise
        self.paths = rendered.paths
        return report, rendered
