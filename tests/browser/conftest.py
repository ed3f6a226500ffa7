"""Fixtures and helpers for the Arabic-reading browser tests: search, bidi, dates, self-containment, axe."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..conftest import ARTIFACTS, ROOT, make_project, run_mkdocs, serve_folder

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
"""axe-core as package-lock.json pins it; `make setup` (npm ci) installs it."""


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `make setup` (npm ci installs axe-core)")
    return AXE


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def eastern_site_url(tmp_path_factory: pytest.TempPathFactory, small_facts: Path) -> Iterator[str]:
    """The small fact base built with ``digits = "eastern"`` in pyproject.toml, served on 127.0.0.1."""
    project = make_project(tmp_path_factory.mktemp("eastern") / "project", small_facts)
    pyproject = project / "pyproject.toml"
    text, count = re.subn(r'(?m)^digits = "western"', 'digits = "eastern"', pyproject.read_text(encoding="utf-8"))
    assert count == 1, "pyproject.toml has no `digits = \"western\"` line under [tool.factsheet]"
    pyproject.write_text(text, encoding="utf-8")
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stderr
    server, url = serve_folder(project / "site")
    yield url
    server.shutdown()


@pytest.fixture(scope="session", params=["mkdocs", "zensical"])
def builder(request) -> str:
    """Each builder of the real site in turn (README, "Builders"), for the checks both sites must pass."""
    return request.param


@pytest.fixture(scope="session")
def site_url(builder: str, request) -> str:
    """Base URL of the real site as ``builder`` built it, served on 127.0.0.1."""
    return request.getfixturevalue("real_site_url" if builder == "mkdocs" else "real_zensical_site_url")


def foreign_requests(pg, base_url: str) -> list[str]:
    """URLs the page asked for outside the site under test."""
    return [u for u in pg.requested if not u.startswith(base_url) and not u.startswith(("data:", "blob:"))]


def open_search(pg) -> None:
    """Open the search dialog the way a reader does: the button in the header."""
    pg.click("[data-fact-search-open]")
    pg.wait_for_selector("#fact-search[open]")


def search(pg, query: str) -> list[str]:
    """Type ``query`` into the open search box; the result links' paths, best first."""
    box = pg.locator("#fact-search-input")
    box.fill("")
    # Key by key, as typed: earlier partial queries are still running when later ones start.
    box.press_sequentially(query)
    pg.wait_for_function("q => document.getElementById('fact-search').getAttribute('data-searched') === q",
                         arg=query, timeout=15000)
    return pg.eval_on_selector_all("#fact-search-results a", "links => links.map(a => new URL(a.href).pathname)")


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
"""The axe rules run: WCAG 2.0, 2.1 and 2.2, levels A and AA (target size included)."""


_RAN_ON: list[str] = []
"""The Chromium version the browser tests ran on, once the browser has started."""


@pytest.fixture(scope="session", autouse=True)
def chromium_version(browser) -> str:
    """The version of the Chromium the browser tests drive: its accessibility tree decides what axe finds
    (a new Chromium once named SVG links from their text, and the suite failed on new machines)."""
    _RAN_ON.append(browser.version)
    return browser.version


def pytest_terminal_summary(terminalreporter) -> None:
    """Says, under the results, which Chromium the browser tests ran on."""
    if _RAN_ON:
        terminalreporter.write_line(f"browser tests ran on Chromium {_RAN_ON[0]} (/usr/bin/chromium)")


def run_axe(pg, axe_script: Path) -> list[dict]:
    """axe-core's violations of the WCAG A and AA rules on the current page (the dialog too when open)."""
    pg.add_script_tag(path=str(axe_script))
    return pg.evaluate("""async (tags) => {
      const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
      return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}));
    }""", WCAG_TAGS)


def serious(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v["impact"] in ("serious", "critical")]
