"""The shape of the code: packages that show the pipeline, imports that run one way, one route table."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from .helpers import ROOT

PACKAGE = ROOT / "generator"
LAYERS = ("facts", "site", "extract", "project", "integrations", "review", "cli", "__main__")
"""Bottom to top: a module may import only from its own layer or the layers before it."""


def modules() -> dict[str, Path]:
    """Dotted name (without ``generator.``) → file, for every module of the package."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name or "__init__"] = path
    return found


def imports_of(name: str, path: Path) -> list[tuple[str, int, bool]]:
    """(imported module, line, inside a function) for every import of the package's own modules."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    nested = {id(n) for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
              for n in ast.walk(f) if n is not f}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1] if node.level > 1 else package
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            elif node.module and node.module.startswith("generator"):
                target = node.module.removeprefix("generator").lstrip(".")
            else:
                continue
            found.append((target, node.lineno, id(node) in nested))
        elif isinstance(node, ast.Import):
            found += [(a.name.removeprefix("generator").lstrip("."), node.lineno, id(node) in nested)
                      for a in node.names if a.name.startswith("generator")]
    return found


def layer(name: str) -> int:
    top = name.split(".")[0] or "__init__"
    return LAYERS.index(top) if top in LAYERS else -1


def test_no_import_inside_a_function():
    lazy = [f"{path.relative_to(ROOT)}:{line}: imports {target}" for name, path in modules().items()
            for target, line, inside in imports_of(name, path) if inside]
    assert not lazy


def test_imports_run_one_way_between_layers():
    upward = []
    for name, path in modules().items():
        for target, line, _ in imports_of(name, path):
            if layer(name) >= 0 and layer(target) > layer(name):
                upward.append(f"{path.relative_to(ROOT)}:{line}: {name} imports {target}")
    assert not upward


def test_no_import_cycle():
    known = modules()
    graph = {}
    for name, path in known.items():
        targets = set()
        for target, _, _ in imports_of(name, path):
            while target and target not in known:  # `from .x import name` names a module or a member
                target = target.rpartition(".")[0]
            if target and target != name and not name.startswith(target + "."):
                targets.add(target)
        graph[name] = targets
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(" → ".join([*trail[trail.index(nxt):], nxt]) if nxt in trail else nxt)
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert not cycles


def test_at_least_three_subpackages_show_the_pipeline():
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert {"facts", "site", "integrations"} <= packages


def test_page_address_literals_live_in_the_route_table_only():
    pattern = re.compile(r"""["'/`](actors|meetings|sources|claims)/""")
    found = []
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix not in (".py", ".j2") or path.name == "routes.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found


MAX_MODULE_LINES = 600


def test_every_module_reads_as_one_idea_under_600_lines():
    long = {name: n for name, path in modules().items()
            if (n := path.read_text(encoding="utf-8").count("\n")) > MAX_MODULE_LINES}
    assert long == {}, long
