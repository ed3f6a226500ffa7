"""Writer: only changed files are written, stale pages go, hand-written files are never touched."""

from __future__ import annotations

import pytest

from generator.facts.errors import FactsError
from generator.site.render import GENERATED_MARK
from generator.site.write import MANIFEST, write_pages


def page(body: str) -> str:
    return f"---\n{GENERATED_MARK}\ntitle: t\n---\n{body}\n"


def test_second_write_of_the_same_pages_changes_nothing(tmp_path):
    pages = {"actors/a.md": page("أ"), "data/facts.json": b"{}"}
    first = write_pages(pages, tmp_path)
    assert sorted(first.written) == ["actors/a.md", "data/facts.json"]
    mtime = (tmp_path / "actors/a.md").stat().st_mtime_ns
    second = write_pages(pages, tmp_path)
    assert second.written == [] and second.unchanged == 2
    assert (tmp_path / "actors/a.md").stat().st_mtime_ns == mtime


def test_pages_of_removed_entities_are_deleted(tmp_path):
    write_pages({"actors/a.md": page("أ"), "actors/b.md": page("ب"), "data/x.csv": "x"}, tmp_path)
    report = write_pages({"actors/a.md": page("أ")}, tmp_path)
    assert report.removed == ["actors/b.md", "data/x.csv"]
    assert not (tmp_path / "actors/b.md").exists()
    assert (tmp_path / MANIFEST).read_text(encoding="utf-8") == "actors/a.md\n"


def test_hand_written_files_beside_generated_ones_survive(tmp_path):
    (tmp_path / "actors").mkdir()
    notes = tmp_path / "actors" / "notes.md"
    notes.write_text("# ملاحظات\n", encoding="utf-8")
    about = tmp_path / "about.md"
    about.write_text("# عن\n", encoding="utf-8")
    write_pages({"actors/a.md": page("أ")}, tmp_path)
    write_pages({}, tmp_path)
    assert notes.read_text(encoding="utf-8") == "# ملاحظات\n"
    assert about.read_text(encoding="utf-8") == "# عن\n"


def test_a_hand_written_file_at_a_generated_path_stops_the_write(tmp_path):
    (tmp_path / "index.md").write_text("# الصفحة الرئيسية المكتوبة يدويًا\n", encoding="utf-8")
    with pytest.raises(FactsError) as caught:
        write_pages({"index.md": page("x"), "actors/a.md": page("a")}, tmp_path)
    assert "this hand-written file has the path of a generated file" in str(caught.value)
    assert (tmp_path / "index.md").read_text(encoding="utf-8") == "# الصفحة الرئيسية المكتوبة يدويًا\n"
    assert not (tmp_path / "actors").exists()
