"""Nothing lost: a broken facts.yaml leaves the last good site and every hand-written file as they were.

`mkdocs build` and `python -m generator build` are run in throw-away copies of the project; `mkdocs
serve` is run for real on 127.0.0.1 with a free port, and always killed. Every wait is bounded.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .conftest import make_project, run_generator, run_mkdocs
from .helpers import edit_facts
from .reload import DevServer, MakeServe, free_port, timed_reload

BROKEN = ("chair: jens-stoltenberg", "chair: jens-stoltenbreg")
UNKNOWN_ID = ("events[0] (nato-russia-council-2022-01-12).chair: unknown id `jens-stoltenbreg` in actors; did you "
              "mean `jens-stoltenberg`? | معرّف غير معروف `jens-stoltenbreg` في actors؛ هل تقصد `jens-stoltenberg`؟")
LAVROV = "وزير الخارجية الروسي."


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}



def located(text: str, needle: str) -> str:
    index = text.index(needle)
    return f"{text.count(chr(10), 0, index) + 1}:{index - (text.rfind(chr(10), 0, index) + 1) + 1}"


@pytest.fixture()
def built_project(tmp_path: Path, small_facts: Path) -> Path:
    """A throw-away project already built once with `mkdocs build --strict` (a good site/ and docs/)."""
    project = make_project(tmp_path / "project", small_facts)
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stderr
    return project


# --- mkdocs build and python -m generator build ------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("breakage", ["unknown id", "tab", "python tag"])
def test_mkdocs_build_with_broken_facts_changes_nothing(built_project: Path, breakage: str):
    site, docs = snapshot(built_project / "site"), snapshot(built_project / "docs")
    if breakage == "unknown id":
        text = edit_facts(built_project, *BROKEN)
        expected = f"data/facts.yaml:{located(text, 'jens-stoltenbreg')}: {UNKNOWN_ID}"
    elif breakage == "tab":
        text = edit_facts(built_project, "    kind: institution", "\tkind: institution")
        expected = (f"data/facts.yaml:{located(text, chr(9))}: a tab is used for indentation; YAML needs spaces "
                    "| استُخدم حرف جدولة (Tab) للإزاحة؛ يحتاج YAML إلى مسافات")
    else:
        text = edit_facts(built_project, "    outlet: عربي بوست", "    outlet: !!python/object/apply:os.system [true]")
        expected = (f"data/facts.yaml:{located(text, '!!python')}: sources[0].outlet: the tag "
                    "`!!python/object/apply:os.system` is not allowed; remove it "
                    "| الوسم `!!python/object/apply:os.system` غير مسموح؛ احذفه")
    result = run_mkdocs(built_project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    assert expected in lines
    assert lines[lines.index(expected) + 1:][:2] == [
        "1 problem(s) found; nothing was written. | عدد المشكلات: 1؛ لم يُكتب أي ملف.",
        "factsheet: the site was not rebuilt; fix the problems above. | لم يُعَد بناء الموقع؛ أصلح المشكلات أعلاه.",
    ]
    assert snapshot(built_project / "site") == site
    assert snapshot(built_project / "docs") == docs


@pytest.mark.slow
def test_generator_build_with_broken_facts_changes_nothing(built_project: Path):
    docs = snapshot(built_project / "docs")
    text = edit_facts(built_project, *BROKEN)
    result = run_generator(built_project, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == f"data/facts.yaml:{located(text, 'jens-stoltenbreg')}: {UNKNOWN_ID}"
    assert snapshot(built_project / "docs") == docs


def test_a_failed_check_writes_nothing(small_project: Path):
    docs = snapshot(small_project / "docs")
    edit_facts(small_project, *BROKEN)
    result = run_generator(small_project, "check")
    assert result.returncode == 1
    assert snapshot(small_project / "docs") == docs
    assert not (small_project / "site").exists()


def test_generator_build_refuses_to_overwrite_a_hand_written_page(small_project: Path):
    hand_written = small_project / "docs" / "actors" / "nato.md"
    hand_written.parent.mkdir(parents=True, exist_ok=True)
    hand_written.write_text("# صفحة كتبها محرر\n", encoding="utf-8")
    docs = snapshot(small_project / "docs")
    result = run_generator(small_project, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"{hand_written.resolve()}:1:1: this hand-written file has the path of a generated file; rename or move it "
        "(nothing was written) | هذا الملف المكتوب يدويًا في مسار ملف مولّد؛ غيّر اسمه أو انقله (لم يُكتب شيء)",
        "1 problem(s) found; nothing was written. | عدد المشكلات: 1؛ لم يُكتب أي ملف.",
    ]
    assert snapshot(small_project / "docs") == docs


# --- mkdocs serve -----------------------------------------------------------------------------------------


class Served(DevServer):
    """A `mkdocs serve` process and everything it has printed so far."""

    def __init__(self, project: Path) -> None:
        port = free_port()
        super().__init__(project, [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"], port)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.reader.join(timeout=5)


def wait_for(condition: Callable[[], bool], seconds: float, what: str, served: Served) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        if served.process.poll() is not None:
            raise AssertionError(f"mkdocs serve exited ({served.process.returncode}) while waiting for {what}:\n"
                                 f"{served.text()[-3000:]}")
        time.sleep(0.25)
    raise AssertionError(f"timed out after {seconds} s waiting for {what}:\n{served.text()[-3000:]}")


def page_contains(served: Served, path: str, text: str) -> Callable[[], bool]:
    def check() -> bool:
        try:
            return text in served.get(path, timeout=5)
        except (urllib.error.URLError, OSError):
            return False
    return check


@pytest.fixture()
def served_project(small_project: Path) -> Iterator[tuple[Path, Served]]:
    """The small project served by a real `mkdocs serve` on 127.0.0.1, its first build done."""
    served = Served(small_project)
    try:
        wait_for(page_contains(served, "actors/sergei-lavrov/", LAVROV), 180, "the first build", served)
        yield small_project, served
    finally:
        served.stop()


@pytest.mark.slow
def test_serve_keeps_the_last_good_site_and_rebuilds_when_fixed(served_project: tuple[Path, Served]):
    project, served = served_project
    good = (project / "data" / "facts.yaml").read_text(encoding="utf-8")

    broken = edit_facts(project, *BROKEN)
    expected = f"data/facts.yaml:{located(broken, 'jens-stoltenbreg')}: {UNKNOWN_ID}"
    wait_for(lambda: expected in served.output, 90, "the report of the failed rebuild", served)
    wait_for(lambda: any("still serving the last good site" in line for line in served.output), 10,
             "the note that the old site is still served", served)
    assert "Traceback" not in served.text()
    assert served.process.poll() is None
    assert LAVROV in served.get("actors/sergei-lavrov/")
    assert served.get("meetings/nato-russia-council-2022-01-12/").rstrip().endswith("</html>")

    (project / "data" / "facts.yaml").write_text(good.replace(LAVROV, "وزير خارجية روسيا."), encoding="utf-8")
    wait_for(page_contains(served, "actors/sergei-lavrov/", "وزير خارجية روسيا."), 90, "the rebuilt page", served)
    assert "Traceback" not in served.text()
    assert served.process.poll() is None



# --- make serve: one rebuild per save, the changed page first, search afterwards ------------------------


RENDERED_AGAIN = re.compile(r"factsheet: (\d+) of (\d+) page\(s\) rendered again")


@pytest.mark.slow
def test_make_serve_rebuilds_once_per_save_and_indexes_search_after_serving(small_project: Path):
    served = MakeServe(small_project)
    try:
        served.wait_for(lambda: served.page_has("actors/sergei-lavrov/", LAVROV), 300, "the first build", poll=0.25)
        served.wait_for(lambda: served.count("search index") == 1, 300, "the first search index", poll=0.25)
        entry = served.get("pagefind/pagefind-entry.json")
        builds = served.count("Building documentation")

        timed_reload(served, "actors/sergei-lavrov/", LAVROV, "وزير خارجية روسيا.", timeout=300)
        served.wait_for(lambda: served.count("search index") == 2, 300, "search to catch up", poll=0.25)
        time.sleep(2)  # long enough for a second build to start, had the generated pages set one off
        assert served.count("Building documentation") == builds + 1
        log = list(served.output)
        rebuilt = max(i for i, line in enumerate(log) if RENDERED_AGAIN.search(line))
        again, total = RENDERED_AGAIN.search(log[rebuilt]).groups()
        assert 0 < int(again) < int(total) / 4  # only the pages that show the description
        reloaded = next(i for i, line in enumerate(log) if i > rebuilt and "Reloading browsers" in line)
        indexed = next(i for i, line in enumerate(log) if i > rebuilt and "search index" in line)
        assert reloaded < indexed  # the changed page was served before search was indexed again
        assert served.get("pagefind/pagefind-entry.json") != entry  # and the index did change
        assert "Traceback" not in served.text()
    finally:
        served.stop()
