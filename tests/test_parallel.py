"""A full build split across processes gives the same site, and still checks every link between shares
(generator/integrations/parallel.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run_mkdocs

SPLIT = "  - factsheet:\n      jobs: 2\n      pages_per_job: 1\n"
"""The plugin told to split even a small site in two."""


def _split_in_two(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - factsheet\n" in text
    config.write_text(text.replace("  - factsheet\n", SPLIT), encoding="utf-8")


def _files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_processes_build_the_same_site_byte_for_byte(small_project, built_small_site):
    _split_in_two(small_project)
    result = run_mkdocs(small_project)
    assert result.returncode == 0, result.stderr
    assert "factsheet: pages converted in 2 processes" in result.stderr
    built, expected = _files(small_project / "site"), _files(built_small_site / "site")
    assert sorted(built) == sorted(expected)
    assert [name for name in expected if built[name] != expected[name]] == []


@pytest.fixture()
def two_generated_pages(small_project) -> tuple[str, str]:
    """Two generated actor pages next to each other in sorted order: the split deals them to different
    processes, so a link to one of them crosses from the first process's share to another's."""
    assert run_mkdocs(small_project, "build").returncode == 0
    pages = sorted(p.name for p in (small_project / "docs" / "actors").glob("*.md") if p.name != "index.md")
    return pages[0], pages[1]


def test_a_missing_anchor_in_another_processs_page_fails_the_build(small_project, two_generated_pages):
    first, second = two_generated_pages
    (small_project / "docs" / "notes.md").write_text(
        f"# ملاحظات\n\n[أ](actors/{first}#no-such-part) [ب](actors/{second}#no-such-part)\n", encoding="utf-8")
    _split_in_two(small_project)
    result = run_mkdocs(small_project)
    assert result.returncode == 1
    for page in (first, second):  # one in each share: the first process checks the other's too
        assert (f"Doc file 'notes.md' contains a link 'actors/{page}#no-such-part', but the doc "
                f"'actors/{page}' does not contain an anchor '#no-such-part'.") in result.stderr
    assert "Aborted with 2 warnings in strict mode!" in result.stdout  # where MkDocs prints its Abort


def test_anchors_present_in_either_processs_pages_pass(small_project, two_generated_pages):
    links = []
    for page in two_generated_pages:
        html = (small_project / "site" / "actors" / Path(page).stem / "index.html").read_text(encoding="utf-8")
        anchor = html.split('<a class="headerlink" href="#', 1)[1].split('"', 1)[0]  # a heading of the page
        links.append(f"[{len(links)}](actors/{page}#{anchor})")
    (small_project / "docs" / "notes.md").write_text(f"# ملاحظات\n\n{' '.join(links)}\n", encoding="utf-8")
    _split_in_two(small_project)
    result = run_mkdocs(small_project)
    assert result.returncode == 0, result.stderr
    assert "factsheet: pages converted in 2 processes" in result.stderr
