"""`ingest`, `check` with proposals and `accept`: a new article taken into the fact base end to end.

The article is one of our own held-out test articles (tests/fixtures/extract_corpus), given a seed name.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.extract.proposals import propose

from .conftest import FIXTURES, ROOT, make_project, run_mkdocs
from .helpers import run_cli

ARTICLE = FIXTURES / "extract_corpus" / "heldout" / "a06.txt"
PROPOSAL = "data/proposals/example-news-2023-06-08.yaml"


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    folder = make_project(tmp_path / "site", ROOT / "data" / "facts.yaml")
    shutil.copy2(ARTICLE, tmp_path / "005_border.txt")
    return folder


def ingest(project: Path, *extra: str):
    return run_cli(project, "ingest", str(project.parent / "005_border.txt"), "--outlet", "Example News", *extra)


def complete(project: Path) -> None:
    """What the editor does: the Latin names, descriptions and dates the article does not give."""
    path = project / PROPOSAL
    text = path.read_text(encoding="utf-8")
    names = iter(["Dewi Anggraini", "Ridwan Hashim", "Bayu Saputra"])
    text = re.sub(r"name_latin: ''", lambda m: f"name_latin: {next(names)}", text)
    text = text.replace("description: ''", "description: مسؤول ورد ذكره في خبر ترسيم الحدود البحرية.")
    path.write_text(text.replace("said_on: ''", "said_on: '2023-06-08'"), encoding="utf-8")


def test_ingest_copies_the_article_byte_for_byte_and_proposes_source_speakers_and_quotes(project: Path):
    result = ingest(project, "--url", "https://example.com/border")
    assert result.returncode == 0, result.stderr
    assert (project / "seeds" / "005_border.txt").read_bytes() == ARTICLE.read_bytes()
    proposal = yaml.load((project / PROPOSAL).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    (source,) = proposal["sources"]
    assert source == {"id": "example-news-2023-06-08", "file": "005_border.txt", "outlet": "Example News",
                      "headline": "سيرانو وكاليستا توقعان اتفاقا لترسيم الحدود البحرية",
                      "published": "2023-06-08", "date_inferred": False, "agencies": [],
                      "url": "https://example.com/border"}
    assert [(a["name"], a["roles"][0]["title"]) for a in proposal["actors"]] == [
        ("ديوي أنجراني", "وزيرة الخارجية السيرانية"), ("رضوان هاشم", "رئيس الوزراء الكاليستي"),
        ("بايو سابوترا", "المتحدث باسم الخارجية السيرانية")]
    speakers = {a["id"]: a["name"] for a in proposal["actors"]}
    assert [(q["kind"], speakers[q["speaker"]]) for q in proposal["quotes"]] == [
        ("paraphrase", "ديوي أنجراني"), ("direct", "ديوي أنجراني"), ("paraphrase", "رضوان هاشم"),
        ("paraphrase", "رضوان هاشم"), ("direct", "بايو سابوترا")]


def test_check_points_at_every_field_the_editor_must_complete_in_the_proposal(project: Path):
    ingest(project)
    result = run_cli(project, "check")
    assert result.returncode == 1
    lines = result.stderr.splitlines()[:-1]
    assert lines and all(line.startswith(f"{PROPOSAL}:") for line in lines)
    assert sum(".name_latin: the value is empty" in line for line in lines) == 3
    assert sum(".said_on: the value is empty" in line for line in lines) == 5
    text = (project / PROPOSAL).read_text(encoding="utf-8").splitlines()
    for line in lines:  # each message points at the line holding the empty field
        number, col = map(int, line.split(":")[1:3])
        field = line.split(").")[1].split(":")[0]
        assert text[number - 1][col - 1:] == "''" and text[number - 1].strip().startswith(f"{field}:")


def test_a_mistake_in_a_proposal_is_located_in_the_proposal_not_in_facts_yaml(project: Path):
    ingest(project)
    complete(project)
    path = project / PROPOSAL
    path.write_text(path.read_text(encoding="utf-8").replace("kind: direct", "kind: quote", 1), encoding="utf-8")
    result = run_cli(project, "check")
    assert result.returncode == 1
    (problem,) = result.stderr.splitlines()[:-1]
    line = path.read_text(encoding="utf-8").splitlines().index("  kind: quote") + 1
    assert problem.startswith(f"{PROPOSAL}:{line}:9: quotes[1] (example-news-2023-06-08-q2).kind:")


def test_ingest_refuses_an_article_already_in_seeds(project: Path):
    assert ingest(project).returncode == 0
    again = ingest(project)
    assert again.returncode == 1 and "seeds/005_border.txt already exists" in again.stderr


def test_accept_appends_keeps_every_line_and_the_quotes_reach_their_speakers_pages(project: Path):
    before = (project / "data" / "facts.yaml").read_bytes()
    ingest(project)
    refused = run_cli(project, "accept", PROPOSAL)
    assert refused.returncode == 1 and (project / "data" / "facts.yaml").read_bytes() == before
    complete(project)
    result = run_cli(project, "accept", PROPOSAL)
    assert result.returncode == 0, result.stderr
    assert not (project / PROPOSAL).exists()
    after = (project / "data" / "facts.yaml").read_bytes().splitlines(keepends=True)
    old = iter(before.splitlines(keepends=True))
    pending = next(old)
    for line in after:  # the old lines, in order and byte for byte, with new ones between them
        if line == pending:
            pending = next(old, None)
    assert pending is None
    assert run_cli(project, "check").returncode == 0
    assert run_cli(project, "build").returncode == 0
    proposal_quotes = {"ديوي أنجراني": ["اليوم نغلق ملفا أرهقنا طويلا"],
                       "بايو سابوترا": ["لم يبق إلا نقطتان"]}
    built = run_mkdocs(project)
    assert built.returncode == 0, built.stderr
    for k, (name, quotes) in enumerate(proposal_quotes.items()):
        page = next((project / "site" / "actors").glob(f"example-news-2023-06-08-speaker-{1 + 2 * k}/index.html"))
        html = page.read_text(encoding="utf-8")
        assert name in html and all(q in html for q in quotes)


def test_a_proposal_that_is_not_yaml_or_not_a_file_is_located_and_nothing_else_is_blamed(project: Path):
    proposals = project / "data" / "proposals"
    proposals.mkdir(parents=True)
    (proposals / "broken.yaml").write_text("quotes:\n  - id: x\n    kind: [\n", encoding="utf-8")
    (proposals / "folder.yaml").mkdir()
    result = run_cli(project, "check")
    assert result.returncode == 1
    lines = result.stderr.splitlines()[:-1]
    assert [line.split(": ")[0] for line in lines] == ["data/proposals/broken.yaml:4:1",
                                                       "data/proposals/folder.yaml:1:1"]
    assert "Traceback" not in result.stderr


def test_a_known_actor_written_another_way_gets_no_second_actor_entry():
    # facts.yaml spells him «سيرجي بافلينكو»; the article «سيرغي بافلنكو», then the family name alone.
    text = ("الخارجية تنتظر ردا\n"
            "قال نائب وزير الخارجية سيرغي بافلنكو إن الاقتراح ما زال قائما.\n"
            "وأضاف بافلنكو: «ننتظر ردا مكتوبا قبل نهاية الشهر».\n")
    proposal = propose(text, "009_reply.txt", {"sergei-pavlenko": ["سيرجي بافلينكو"]}, set(),
                       published="2023-03-01", outlet="Example News")
    assert proposal.actors == []
    assert [(q["kind"], q["speaker"]) for q in proposal.quotes] == [
        ("paraphrase", "sergei-pavlenko"), ("direct", "sergei-pavlenko")]
