"""Fixtures shared by the whole suite, named for what they provide."""

from __future__ import annotations

import functools
import http.server
import importlib.util
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = Path("/usr/bin/chromium")
# Copied into a throw-away project for each built site; docs/ is copied without generated output.
PROJECT_FILES = ("mkdocs.yml", "pyproject.toml", "package.json", "package-lock.json", "seeds", "theme", "docs")


def make_project(target: Path, facts: Path) -> Path:
    """A copy of this project in ``target`` whose data/facts.yaml is ``facts``; generated pages left out."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=_ignore_generated if name == "docs" else None)
        else:
            shutil.copy2(source, target / name)
    (target / "data").mkdir()
    shutil.copy2(facts, target / "data" / "facts.yaml")
    # The installed npm packages (the typeface that every build subsets), shared rather than copied.
    if (ROOT / "node_modules").is_dir():
        (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return target


def _ignore_generated(folder: str, names: list[str]) -> set[str]:
    from generator.site.routes import Routes
    from generator.site.write import MANIFEST, is_generated

    top = Path(folder).resolve() == (ROOT / "docs").resolve()
    skipped = {n for n in names if top and (n in Routes().generated_dirs or n == MANIFEST)}
    return skipped | {n for n in names if n.endswith(".md") and is_generated(Path(folder) / n)}


def run_mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` (or other args) in ``project``, captured."""
    return subprocess.run([sys.executable, "-m", "mkdocs", *(args or ("build", "--strict"))],
                          cwd=project, capture_output=True, text=True, timeout=600)


def run_zensical_build(project: Path) -> subprocess.CompletedProcess[str]:
    """The steps of ``make site BUILDER=zensical`` in ``project``: the first that fails, else the last."""
    if importlib.util.find_spec("zensical") is None:
        pytest.fail("zensical is not installed: run `make test` (it installs requirements-zensical.lock)")
    for command in (["-m", "generator", "build", "--builder", "zensical"], ["-m", "zensical", "build", "--strict"],
                    ["-m", "generator", "search-index", "site"]):
        result = subprocess.run([sys.executable, *command], cwd=project, capture_output=True, text=True,
                                timeout=600)
        if result.returncode != 0:
            break
    return result


def run_generator(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m generator ARGS`` in ``project``, captured."""
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=project, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="session")
def small_facts() -> Path:
    """A small real fact base (two seeds) for fast, exact tests."""
    return FIXTURES / "small_facts.yaml"


@pytest.fixture()
def small_project(tmp_path: Path, small_facts: Path) -> Path:
    """A throw-away copy of the project using the small fact base; not yet built."""
    return make_project(tmp_path / "project", small_facts)


@pytest.fixture(scope="session")
def built_small_site(tmp_path_factory: pytest.TempPathFactory, small_facts: Path) -> Path:
    """The site built by `mkdocs build --strict` from the small fact base; returns the project folder."""
    project = make_project(tmp_path_factory.mktemp("small") / "project", small_facts)
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="session")
def built_real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the project's own data/facts.yaml; returns the project folder."""
    project = make_project(tmp_path_factory.mktemp("real") / "project", ROOT / "data" / "facts.yaml")
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="session")
def built_real_zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the project's own data/facts.yaml by Zensical; returns the project folder."""
    project = make_project(tmp_path_factory.mktemp("real-zensical") / "project", ROOT / "data" / "facts.yaml")
    result = run_zensical_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve_folder(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``folder`` over http on 127.0.0.1 (a free port); returns the server and its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def real_site_url(built_real_site: Path) -> Iterator[str]:
    """Base URL of the real site served over http on 127.0.0.1."""
    server, url = serve_folder(built_real_site / "site")
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def real_zensical_site_url(built_real_zensical_site: Path) -> Iterator[str]:
    """Base URL of the real site built by Zensical, served over http on 127.0.0.1."""
    server, url = serve_folder(built_real_zensical_site / "site")
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's headless Chromium driven by Playwright (its own browser download cannot work here)."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield chromium
        chromium.close()


def recording_page(browser, width: int, height: int) -> Iterator[object]:
    """A fresh page of the given size that records console errors and every request's URL."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="ar")
    pg = context.new_page()
    pg.console_errors = []  # type: ignore[attr-defined]
    pg.requested = []  # type: ignore[attr-defined]
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
    pg.on("request", lambda r: pg.requested.append(r.url))
    yield pg
    context.close()


@pytest.fixture()
def page(browser) -> Iterator[object]:
    """A phone-sized page (most readers are on phones) recording console errors and requests."""
    yield from recording_page(browser, 390, 844)


@pytest.fixture()
def desktop(browser) -> Iterator[object]:
    """A desktop-sized page (sidebars and table of contents showing) recording errors and requests."""
    yield from recording_page(browser, 1280, 900)


ARTIFACTS = ROOT / "test-artifacts"
"""Screenshots and reports the tests leave for people to look at (git-ignored)."""
