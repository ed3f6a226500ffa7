"""Command line: ``python -m generator build|check|diff|schema|extract|ingest|accept|search-index|watch``."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .extract import candidates_to_yaml, extract_quotes
from .extract.proposals import proposal_yaml, propose
from .facts.errors import FactsError, Problem, annotation, printable
from .facts.load import decode_text, load_file, load_yaml, read_text
from .facts.proposals import PROPOSALS, accept, load_proposals, validate_together
from .facts.schema import SEED_FILE_PATTERN, json_schema_text
from .integrations.pagefind import SearchIndexError, build_search_index, describe
from .integrations.watch import watch
from .project import Project, build, check_pages, load_facts
from .site.changes import compare, summary
from .site.fonts import FontError, write_web_fonts
from .site.routes import Routes
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
        if os.environ.get("GITHUB_ACTIONS") == "true":
            # GitHub shows each of these on its line in a pull request's "Files changed" tab.
            sys.stdout.write("".join(f"{annotation(p)}\n" for p in exc.problems))
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

    p = sub.add_parser("diff", help="what changes in the fact base between two facts files or two git revisions "
                       "of data/facts.yaml, as Markdown (for a pull request's summary)")
    p.add_argument("base", help="a facts file, or a git revision such as origin/main")
    p.add_argument("head", help="a facts file, or a git revision such as HEAD")
    p.set_defaults(run=_diff)

    p = sub.add_parser("ingest", help="copy a new article into seeds/ and propose its source, speakers and quotes "
                       "in data/proposals/")
    p.add_argument("file", type=Path, help="the article, UTF-8 text; its name must suit seeds/ (e.g. 005_x.txt)")
    p.add_argument("--published", help="publication date YYYY-MM-DD, when the article carries none")
    p.add_argument("--outlet", help="the outlet, as the article names it")
    p.add_argument("--url", help="address of the article")
    p.set_defaults(run=_ingest)

    p = sub.add_parser("accept", help="append a completed proposal to data/facts.yaml and remove it")
    p.add_argument("proposal", type=Path, help="e.g. data/proposals/article-2023-03-21.yaml")
    p.set_defaults(run=_accept)

    p = sub.add_parser("search-index", help="add the typeface to a built site and index it for its search dialog "
                       "(for builders that run no MkDocs plugins; `mkdocs build` does both itself)")
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
    if args.file is None:  # the project's own facts: also what `build` would refuse
        check_pages(project, base)
    proposals = _check_proposals(project) if args.file is None else 0
    print(f"{project.display(project.facts)}: OK — {len(base.sources)} sources, {len(base.actors)} actors, "
          f"{len(base.events)} events, {len(base.quotes)} quotes, {len(base.claims)} claims "
          f"| سليم")
    if proposals:
        print(f"{project.display(project.root / PROPOSALS)}: OK — {proposals} proposal(s) | سليمة")
    return 0


def _check_proposals(project: Project) -> int:
    """Every proposal in data/proposals/ checked together with facts.yaml (FactsError locating each problem
    in its own file); how many there are."""
    proposals = load_proposals(project.root / PROPOSALS, project.display)
    if proposals:
        validate_together(load_file(project.facts, project.display(project.facts)), proposals, project.seeds)
    return len(proposals)


def _ingest(args: argparse.Namespace) -> int:
    """Copy the article byte for byte into seeds/ and write its proposal; refuse rather than overwrite."""
    project = Project.at(args.root)
    shown = str(args.file)
    text = read_text(args.file, shown)  # the loader's checks: a regular file, size limit, UTF-8
    target = project.seeds / args.file.name
    if not re.match(SEED_FILE_PATTERN, args.file.name):
        raise FactsError([Problem(shown, 1, 1, "", "the file name must be Latin letters, digits, `_ . -` and end in "
                                  "`.txt` to go into seeds/; rename it", "يجب أن يتكون اسم الملف من حروف لاتينية "
                                  "وأرقام و`_ . -` وينتهي بـ `.txt`؛ أعد تسميته")])
    if args.published and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.published):
        raise FactsError([Problem(shown, 1, 1, "--published", f"`{args.published}` is not a date YYYY-MM-DD",
                                  f"`{args.published}` ليس تاريخًا بالشكل YYYY-MM-DD")])
    if target.exists():
        raise FactsError([Problem(shown, 1, 1, "", f"{project.display(target)} already exists; an article is "
                                  "ingested once (rename the file if it is another one)",
                                  f"الملف {project.display(target)} موجود؛ يُستورد المقال مرة واحدة")])
    base = load_facts(project)
    taken = {*base.sources, *base.actors, *base.events, *base.quotes, *base.claims}
    for proposal_path in sorted((project.root / PROPOSALS).glob("*.yaml")):
        taken.add(proposal_path.stem)
    proposal = propose(text, args.file.name, {a.id: a.names for a in base.actors.values()}, taken,
                       published=args.published, outlet=args.outlet, url=args.url)
    out = project.root / PROPOSALS / f"{proposal.source_id}.yaml"
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(args.file, target)
    out.write_text(proposal_yaml(proposal), encoding="utf-8")
    print(f"{project.display(target)}: copied; {project.display(out)}: {len(proposal.quotes)} quote(s), "
          f"{len(proposal.actors)} new actor(s), {len(proposal.to_complete)} field(s) to complete; "
          "then run `python -m generator check`")
    return 0


def _accept(args: argparse.Namespace) -> int:
    project = Project.at(args.root)
    counts = accept(project.facts, project.display(project.facts), args.proposal, str(args.proposal),
                    project.seeds)
    added = ", ".join(f"{n} {section}" for section, n in counts.items())
    print(f"{project.display(project.facts)}: appended {added}; {args.proposal} removed | أضيف الاقتراح")
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


def _diff(args: argparse.Namespace) -> int:
    project = Project.at(args.root)
    base, head = (_parsed_facts(project, which) for which in (args.base, args.head))
    changes = compare(base, head, Routes(project.settings.use_directory_urls))
    sys.stdout.write(summary(changes, args.base, args.head, project.settings.site_url))
    return 0


def _parsed_facts(project: Project, which: str) -> object:
    """The parsed facts file ``which`` names: a file, else data/facts.yaml at git revision ``which``."""
    path = Path(which)
    if path.is_file() or path.is_symlink():
        return load_file(path, which).data
    relative = project.facts.relative_to(project.root).as_posix()
    try:
        shown = subprocess.run(["git", "-C", str(project.root), "show", f"{which}:{relative}"],
                               capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise FactsError([Problem(which, 1, 1, "", f"cannot run git to read this revision: {exc}",
                                  f"تعذّر تشغيل git لقراءة هذه النسخة: {exc}")]) from None
    if shown.returncode != 0:
        message = printable(" ".join(shown.stderr.decode("utf-8", "replace").split()))
        if "exists on disk, but not in" in message or "does not exist in" in message:
            return {}  # the revision predates the file: everything in the other one is new
        raise FactsError([Problem(which, 1, 1, "", f"neither a file nor a git revision with {relative} ({message})",
                                  f"ليس ملفًا ولا نسخة git فيها {relative} ({message})")])
    return load_yaml(decode_text(shown.stdout, f"{which}:{relative}"), f"{which}:{relative}").data


def _search_index(args: argparse.Namespace) -> int:
    try:
        write_web_fonts(Project.at(args.root).root, args.site)
        report = build_search_index(args.site)
    except (SearchIndexError, FontError) as exc:
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
