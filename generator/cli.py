"""Command line: ``python -m generator build|check|schema|extract|search-index|watch``."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .extract import candidates_to_yaml, extract_quotes
from .facts.errors import FactsError, printable
from .facts.schema import json_schema_text
from .integrations.pagefind import SearchIndexError, build_search_index, describe
from .integrations.watch import watch
from .project import Project, build, load_facts
from .site.write import MANIFEST, write_pages

SCHEMA_FILE = Path("data") / "facts.schema.json"
BUILDERS = ("mkdocs", "zensical")
"""Builders that turn docs/ into the site (README, "Builders"); the first is the default."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except FactsError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug of ours: still no traceback for an editor, but a way to report it
        print(f"python -m generator: internal error ({type(exc).__name__}: {printable(str(exc))}); please report "
              "it with the facts file that caused it | خطأ داخلي؛ أبلغ عنه مع ملف الوقائع الذي سببه", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: current folder)")
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    p = sub.add_parser("build", help="validate data/facts.yaml and write the pages into docs/")
    p.add_argument("--builder", choices=BUILDERS, default=BUILDERS[0],
                   help="what builds docs/ into the site afterwards (default: %(default)s); the pictures' links "
                   "are written the way that builder reads links inside raw HTML")
    p.set_defaults(run=_build)

    p = sub.add_parser("clean", help="remove every generated file from docs/ (hand-written files stay)")
    p.set_defaults(run=_clean)

    p = sub.add_parser("check", help="validate a facts file without building")
    p.add_argument("file", nargs="?", type=Path, help="facts file (default: data/facts.yaml)")
    p.set_defaults(run=_check)

    p = sub.add_parser("schema", help="print the JSON Schema of facts.yaml, or --check the committed one")
    p.add_argument("--check", action="store_true", help=f"exit 1 if {SCHEMA_FILE} is out of date")
    p.add_argument("--write", action="store_true", help=f"rewrite {SCHEMA_FILE}")
    p.set_defaults(run=_schema)

    p = sub.add_parser("extract", help="propose quotes from Arabic news articles, as YAML for facts.yaml")
    p.add_argument("files", nargs="+", type=Path)
    p.set_defaults(run=_extract)

    p = sub.add_parser("search-index", help="index a built site for its search dialog (for builders that run no "
                       "MkDocs plugins; `mkdocs build` does it itself)")
    p.add_argument("site", type=Path, help="the built site folder, e.g. site")
    p.set_defaults(run=_search_index)

    p = sub.add_parser("watch", help="beside a builder's own server (zensical serve): rebuild docs/ when the facts "
                       "change and index the site again after each rebuild, until Ctrl-C")
    p.add_argument("--builder", choices=BUILDERS, default=BUILDERS[0], help="as for build (default: %(default)s)")
    p.add_argument("site", type=Path, help="the folder the builder writes the site into, e.g. site")
    p.set_defaults(run=_watch)
    return parser


def _project_for(args: argparse.Namespace) -> Project:
    project = Project.at(args.root)
    return replace(project, settings=replace(project.settings, builder=args.builder))


def _build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    project = _project_for(args)
    report = build(project)
    seconds = time.perf_counter() - started
    print(f"generator: {len(report.written)} page(s) written, {report.unchanged} unchanged, "
          f"{len(report.removed)} removed in {seconds:.2f} s → {project.display(project.docs)}/")
    return 0


def _clean(args: argparse.Namespace) -> int:
    project = Project.at(args.root)
    report = write_pages({}, project.docs)
    (project.docs / MANIFEST).unlink(missing_ok=True)
    print(f"generator: {len(report.removed)} generated file(s) removed from {project.display(project.docs)}/")
    return 0


def _check(args: argparse.Namespace) -> int:
    project = Project.at(args.root, args.file)
    base = load_facts(project)
    print(f"{project.display(project.facts)}: OK — {len(base.sources)} sources, {len(base.actors)} actors, "
          f"{len(base.events)} events, {len(base.quotes)} quotes, {len(base.claims)} claims "
          f"| سليم")
    return 0


def _schema(args: argparse.Namespace) -> int:
    path = args.root / SCHEMA_FILE
    text = json_schema_text()
    if args.write:
        path.write_text(text, encoding="utf-8")
        return 0
    if args.check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            print(f"{SCHEMA_FILE}:1:1: out of date; run `python -m generator schema --write`", file=sys.stderr)
            return 1
        return 0
    sys.stdout.write(text)
    return 0


def _search_index(args: argparse.Namespace) -> int:
    try:
        report = build_search_index(args.site)
    except SearchIndexError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(describe(report))
    return 0


def _watch(args: argparse.Namespace) -> int:
    print(f"generator watch: rebuilding docs/ for {args.builder} and indexing {args.site}/ as they change "
          "(Ctrl-C stops)", flush=True)
    watch(_project_for(args), args.site)
    return 0


def _extract(args: argparse.Namespace) -> int:
    project = Project.at(args.root)
    names = _actor_names(project)
    candidates = []
    for path in args.files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{path}:1:1: cannot read the file as UTF-8 text: {exc}", file=sys.stderr)
            return 1
        candidates.extend(extract_quotes(text, str(path), names))
    sys.stdout.write(candidates_to_yaml(candidates))
    return 0


def _actor_names(project: Project) -> dict[str, list[str]]:
    """Actor id → every name, from facts.yaml when it is valid; none when it is absent."""
    if not project.facts.exists():
        return {}
    base = load_facts(project)
    return {a.id: a.names for a in base.actors.values()}
