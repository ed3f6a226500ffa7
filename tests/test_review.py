"""What a pull request shows its reviewers: problems on their lines, and what changes in the fact base.

`check` under GitHub Actions prints one `::error` workflow command per problem; `diff BASE HEAD` turns two
facts files (or two git revisions of data/facts.yaml) into a sorted Markdown summary with page addresses.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.facts.errors import Problem, annotation

from .helpers import checkable_copy, edit_facts, run_cli

FACTS = "data/facts.yaml"


@pytest.fixture()
def project(tmp_path: Path, small_facts: Path) -> Path:
    return checkable_copy(tmp_path, small_facts, "pyproject.toml", "mkdocs.yml")


# --- annotations -------------------------------------------------------------------------------------

def test_under_github_actions_each_problem_is_also_a_workflow_command_on_its_line(project: Path, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    edit_facts(project, "kind: person", "kind: persn")
    edit_facts(project, "    place: بروكسل", "    place: 1.10")
    result = run_cli(project, "check")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=data/facts.yaml,line=30,col=11,title=actors[1] (jens-stoltenberg).kind | facts check::"
        "`persn` is not allowed here; did you mean `person`?; use one of: person, institution, state | القيمة "
        "`persn` غير مسموحة هنا؛ هل تقصد `person`؟؛ استخدم إحدى: person, institution, state",
        "::error file=data/facts.yaml,line=59,col=12,title=events[0] (nato-russia-council-2022-01-12).place | "
        "facts check::YAML read `1.10` as a number, but text is expected here; put it in quotes: \"1.10\" | قرأ YAML "
        "القيمة `1.10` رقمًا، والمطلوب نص؛ ضعها بين علامتي تنصيص: \"1.10\"",
    ]
    # The usual report is unchanged, on stderr.
    assert result.stderr.splitlines()[0].startswith("data/facts.yaml:30:11: actors[1] (jens-stoltenberg).kind: ")
    assert result.stderr.splitlines()[-1] == ("2 problem(s) found; nothing was written. "
                                              "| عدد المشكلات: 2؛ لم يُكتب أي ملف.")


def test_elsewhere_the_output_stays_as_it_was(project: Path, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    edit_facts(project, "kind: person", "kind: persn")
    result = run_cli(project, "check")
    assert result.returncode == 1 and result.stdout == ""


def test_a_value_cannot_end_the_workflow_command_or_start_another():
    problem = Problem("data/facts.yaml", 3, 4, "actors[0] (a,b:c)", "bad `x%0A::warning::y`\n::error::z", "خطأ")
    line = annotation(problem)
    assert "\n" not in line
    assert line == ("::error file=data/facts.yaml,line=3,col=4,title=actors[0] (a%2Cb%3Ac) | facts check::"
                    "bad `x%250A::warning::y`<U+000A>::error::z | خطأ")


# --- diff ----------------------------------------------------------------------------------------------

def edited(project: Path) -> Path:
    """A copy of the facts with one change of each kind a pull request makes."""
    head = project / "head.yaml"
    text = (project / FACTS).read_text(encoding="utf-8")
    text = text.replace("    name: سيرغي لافروف\n", "    name: سيرجي لافروف\n")  # a changed field
    text = text.replace("    description: وزير الخارجية الروسي.\n    sources: [arabicpost-2022-01-18]\n",
                        "    description: وزير الخارجية في روسيا.\n    sources: [arabicpost-2022-01-18]\n")
    text = text.replace("\nevents:\n", """  - id: olaf-scholz
    kind: person
    name: أولاف شولتس
    name_latin: Olaf Scholz
    description: المستشار الألماني.
    sources: [arabicpost-2022-01-18]

events:
""")  # an added actor
    start = text.index("  - id: council-first-since-2019")
    end = text.index("\nskipped_quotations:")
    text = text[:start] + text[end + 1:]  # a removed claim
    text = text.replace("    reason: اسم الحلف بين علامتي تنصيص.", "    reason: اسم الحلف بين علامتي تنصيص، لا قول.")
    head.write_text(text, encoding="utf-8")
    return head


EXPECTED = """\
## Fact-base changes | تغييرات قاعدة الوقائع: data&#47;facts&#46;yaml → head&#46;yaml

1 added, 1 removed, 2 changed | أُضيف: 1، حُذف: 1، عُدّل: 2

### actors

| entity | change | fields | page |
|---|---|---|---|
| olaf&#45;scholz | added (أُضيف) |  | [actors&#47;olaf&#45;scholz&#47;]({SITE}actors/olaf-scholz/) |
| sergei&#45;lavrov | changed (عُدّل) | `name`, `description` | [actors&#47;sergei&#45;lavrov&#47;]({SITE}actors/sergei-lavrov/) |

### claims

| entity | change | fields | page |
|---|---|---|---|
| council&#45;first&#45;since&#45;2019 | removed (حُذف) |  |  |

### skipped_quotations

| entity | change | fields | page |
|---|---|---|---|
| arabicpost&#45;2022&#45;01&#45;18&#58; الناتو | changed (عُدّل) | `reason` |  |
""".replace("{SITE}", "https://example.org/factsheet/")  # noqa: E501 (a Markdown table row is one line)


def test_diff_of_two_files_lists_each_change_by_kind_with_fields_and_pages(project: Path):
    head = edited(project)
    result = run_cli(project, "diff", FACTS, head.name)
    assert result.returncode == 0, result.stderr
    assert result.stdout == EXPECTED


def test_diff_of_two_git_revisions_of_the_facts_file(project: Path):
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=project, check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base")
    shutil.copy2(edited(project), project / FACTS)
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qam", "head")
    result = run_cli(project, "diff", "HEAD~1", "HEAD")
    assert result.returncode == 0, result.stderr
    assert result.stdout == EXPECTED.replace("data&#47;facts&#46;yaml → head&#46;yaml", "HEAD&#126;1 → HEAD")


def test_diff_with_no_change_says_so(project: Path):
    result = run_cli(project, "diff", FACTS, FACTS)
    assert result.stdout.splitlines()[-1] == "No entity added, removed or changed. | لا تغيير في الكيانات."


def test_diff_against_something_that_is_neither_file_nor_revision_is_a_located_error(project: Path):
    result = run_cli(project, "diff", "no-such-branch", FACTS)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("no-such-branch:1:1: neither a file nor a git revision with data/facts.yaml")
