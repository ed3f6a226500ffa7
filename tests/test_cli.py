"""`python -m generator check [FILE]`: every mistake reported at once, located, in English and Arabic.

Each test breaks a copy of the small fixture the way an editor might, runs the real command and
asserts the exit code and the exact report: `data/facts.yaml:LINE:COL: <where>: <English> | <Arabic>`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import yaml

from generator.facts.errors import FactsError
from generator.facts.load import MAX_BYTES, load_yaml
from generator.facts.validate import validate

from .conftest import ROOT
from .helpers import CliResult, checkable_copy, edit_facts, line_of, run_cli, subprocess_cli

FACTS = "data/facts.yaml"
COUNT_1 = "1 problem(s) found; nothing was written. | عدد المشكلات: 1؛ لم يُكتب أي ملف."


@pytest.fixture()
def checkable_project(tmp_path: Path, small_facts: Path) -> Path:
    """A folder with the project's seeds and the small fixture as data/facts.yaml: all `check` needs."""
    return checkable_copy(tmp_path, small_facts)


def check(project: Path, *args: str) -> CliResult:
    """``python -m generator check ARGS`` in ``project``, in-process."""
    return run_cli(project, "check", *args)



def at(text: str, needle: str, offset: int = 0) -> str:
    """``LINE:COL`` of the character ``offset`` characters into the first ``needle`` of ``text``."""
    index = text.index(needle) + offset
    line = text.count("\n", 0, index) + 1
    return f"{line}:{index - (text.rfind(chr(10), 0, index) + 1) + 1}"



def refused(result: CliResult | subprocess.CompletedProcess[str]) -> list[str]:
    """The report's lines, after asserting the run failed cleanly."""
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    return result.stderr.splitlines()


def only_problem(result: CliResult | subprocess.CompletedProcess[str]) -> str:
    lines = refused(result)
    assert lines[1:] == [COUNT_1], lines
    return lines[0]


def test_a_valid_file_passes_with_a_summary(checkable_project: Path):
    result = check(checkable_project)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{FACTS}: OK — 2 sources, 4 actors, 2 events, 3 quotes, 2 claims | سليم\n"
    assert result.stderr == ""


def test_the_real_command_checks_and_refuses_with_exit_codes(checkable_project: Path):
    """Smoke test of the entry point itself, as a process: `python -m generator check`."""
    assert subprocess_cli(checkable_project, "check").returncode == 0
    edit_facts(checkable_project, "kind: person", "kind: persn")
    result = subprocess_cli(checkable_project, "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == COUNT_1


def test_a_file_named_on_the_command_line_is_checked_and_shown_as_named(checkable_project: Path):
    other = checkable_project / "draft.yaml"
    shutil.copy2(checkable_project / FACTS, other)
    (checkable_project / FACTS).write_text("broken: [\n", encoding="utf-8")
    result = check(checkable_project, "draft.yaml")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("draft.yaml: OK — ")


def test_misspelt_field_gets_a_did_you_mean(checkable_project: Path):
    text = edit_facts(checkable_project, "    name_latin: Sergei Lavrov", "    name_latn: Sergei Lavrov")
    item = at(text, "id: sergei-lavrov")
    assert refused(check(checkable_project)) == [
        f"{FACTS}:{item}: actors[2] (sergei-lavrov): the field `name_latin` is missing or empty: Name in Latin "
        "script. | الحقل `name_latin` مفقود أو فارغ: الاسم بالحروف اللاتينية.",
        f"{FACTS}:{at(text, 'name_latn')}: actors[2] (sergei-lavrov).name_latn: unknown field `name_latn`; did you "
        "mean `name_latin`? | حقل غير معروف `name_latn`؛ هل تقصد `name_latin`؟",
        "2 problem(s) found; nothing was written. | عدد المشكلات: 2؛ لم يُكتب أي ملف.",
    ]


def test_unknown_id_gets_a_did_you_mean(checkable_project: Path):
    text = edit_facts(checkable_project, "chair: jens-stoltenberg", "chair: jens-stoltenbreg")
    assert only_problem(check(checkable_project)) == (
        f"{FACTS}:{at(text, 'jens-stoltenbreg')}: events[0] (nato-russia-council-2022-01-12).chair: unknown id "
        "`jens-stoltenbreg` in actors; did you mean `jens-stoltenberg`? | معرّف غير معروف `jens-stoltenbreg` في "
        "actors؛ هل تقصد `jens-stoltenberg`؟"
    )


def test_duplicate_key_is_refused_instead_of_keeping_the_last(checkable_project: Path):
    text = edit_facts(checkable_project, "    place: بروكسل\n", "    place: بروكسل\n    place: جنيف\n")
    first = line_of(text, "place: بروكسل")
    assert only_problem(check(checkable_project)) == (
        f"{FACTS}:{at(text, 'place: جنيف')}: events[0]: duplicate key `place` (first at line {first}); keep only "
        f"one | المفتاح `place` مكرر (أول مرة في السطر {first})؛ أبقِ واحدًا فقط"
    )


@pytest.mark.parametrize(("field", "raw", "read_as", "read_as_ar"), [
    ("outlet", "no", "a boolean", "قيمة منطقية"),
    ("timezone", "1.10", "a number", "رقمًا"),
    ("time", "18:12", "a number", "رقمًا"),  # YAML 1.1 reads it in base 60: 1092
])
def test_unquoted_value_that_yaml_reads_as_something_else(checkable_project: Path, field: str, raw: str,
                                                          read_as: str, read_as_ar: str):
    old = next(line for line in (checkable_project / FACTS).read_text(encoding="utf-8").splitlines()
               if line.startswith(f"    {field}: "))
    text = edit_facts(checkable_project, old, f"    {field}: {raw}")
    assert only_problem(check(checkable_project)) == (
        f"{FACTS}:{at(text, f'{field}: {raw}', len(field) + 2)}: sources[0] (arabicpost-2022-01-18).{field}: "
        f"YAML read `{raw}` as {read_as}, but text is expected here; put it in quotes: \"{raw}\" "
        f"| قرأ YAML القيمة `{raw}` {read_as_ar}، والمطلوب نص؛ ضعها بين علامتي تنصيص: \"{raw}\""
    )


def test_tab_indentation(checkable_project: Path):
    text = edit_facts(checkable_project, "    kind: institution", "\tkind: institution")
    assert only_problem(check(checkable_project)) == (
        f"{FACTS}:{line_of(text, 'kind: institution')}:1: a tab is used for indentation; YAML needs spaces "
        "| استُخدم حرف جدولة (Tab) للإزاحة؛ يحتاج YAML إلى مسافات"
    )


def test_python_tag_is_refused_and_never_run(checkable_project: Path, tmp_path: Path):
    marker = tmp_path / "owned"
    tag = "!!python/object/apply:os.system"
    text = edit_facts(checkable_project, "    outlet: عربي بوست", f'    outlet: {tag} ["touch {marker}"]')
    assert only_problem(check(checkable_project)) == (
        f"{FACTS}:{at(text, tag)}: sources[0].outlet: the tag `{tag}` is not allowed; remove it "
        f"| الوسم `{tag}` غير مسموح؛ احذفه"
    )
    assert not marker.exists()
    subprocess.run(["sh", "-c", f"touch {marker}"], check=True)  # the command itself works: nothing ran it above
    assert marker.exists()


def billion_laughs() -> str:
    lines = ['lol0: &a0 "lol"']
    lines += [f"lol{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_at_once_where_the_aliases_are(checkable_project: Path):
    (checkable_project / FACTS).write_text(billion_laughs(), encoding="utf-8")
    started = time.perf_counter()
    lines = refused(check(checkable_project))
    seconds = time.perf_counter() - started
    assert seconds < 10, seconds  # one interpreter start and a 1 kB file: expanding it would take 9⁹ strings
    assert lines[0] == ("data/facts.yaml:2:12: lol1[0]: aliases (*name) are not allowed; write the value out in full "
                        "| الأسماء المستعارة (*name) غير مسموحة؛ اكتب القيمة كاملة")
    assert lines[-1] == "81 problem(s) found; nothing was written. | عدد المشكلات: 81؛ لم يُكتب أي ملف."


def test_file_over_the_size_limit_is_refused_before_parsing(checkable_project: Path):
    path = checkable_project / FACTS
    text = path.read_text(encoding="utf-8")
    with path.open("a", encoding="utf-8") as f:
        f.write("#" * (MAX_BYTES - len(text.encode("utf-8")) + 1))
    size = path.stat().st_size
    assert size == MAX_BYTES + 1
    started = time.perf_counter()
    problem = only_problem(check(checkable_project))
    assert time.perf_counter() - started < 10
    assert problem == (
        f"{FACTS}:1:1: the file is {size:,} bytes, over the limit of {MAX_BYTES:,}; split it or remove unused data "
        f"| حجم الملف {size:,} بايت ويتجاوز الحد {MAX_BYTES:,}؛ قسّمه أو احذف ما لا يلزم"
    )


def test_date_that_does_not_exist(checkable_project: Path):
    text = edit_facts(checkable_project, 'date: "2022-01-12"', 'date: "2022-02-30"')
    assert only_problem(check(checkable_project)) == (
        f"{FACTS}:{at(text, '2022-02-30', -1)}: events[0] (nato-russia-council-2022-01-12).date: the date 2022-02-30 "
        "does not exist in the calendar; check the day and month | التاريخ 2022-02-30 غير موجود في التقويم؛ تحقق "
        "من اليوم والشهر"
    )


def test_implausible_date(checkable_project: Path):
    text = edit_facts(checkable_project, 'date: "2022-01-12"', 'date: "1922-01-12"')
    assert only_problem(check(checkable_project)) == (
        f"{FACTS}:{at(text, '1922-01-12', -1)}: events[0] (nato-russia-council-2022-01-12).date: the date "
        "1922-01-12 is implausible for this fact base (outside 1991–2030); check the year | التاريخ 1922-01-12 غير "
        "معقول لهذه القاعدة (خارج 1991–2030)؛ تحقق من السنة"
    )


def test_quote_that_is_not_verbatim(checkable_project: Path):
    text = edit_facts(checkable_project, "إنه لن تكون هناك مفاوضات", "إنه لن يكون هناك مفاوضات")
    assert only_problem(check(checkable_project)) == (
        f"{FACTS}:{at(text, 'إنه لن يكون')}: quotes[1] (lavrov-no-more-talks).text: this text is not found verbatim "
        "in seeds/000_648b771a45c50a16.txt (source arabicpost-2022-01-18); it matches up to character 7, then "
        "differs at «يكون هناك مفاوضات أخرى حتى يقد»: copy it exactly from the article | هذا النص غير موجود حرفيًا في "
        "seeds/000_648b771a45c50a16.txt (المصدر arabicpost-2022-01-18)؛ يطابق حتى الحرف 7 ثم يختلف عند «يكون هناك "
        "مفاوضات أخرى حتى يقد»: انسخه كما هو من المقال"
    )


def test_bidi_control_in_a_name(checkable_project: Path):
    text = edit_facts(checkable_project, "name: سيرغي لافروف", "name: سيرغي \u202eلافروف")
    assert only_problem(check(checkable_project)) == (
        f"{FACTS}:{at(text, 'سيرغي')}: actors[2] (sergei-lavrov).name: character 7 is the invisible or control "
        "character U+202E RIGHT-TO-LEFT OVERRIDE; delete it | الحرف رقم 7 حرف خفي أو حرف تحكم (U+202E RIGHT-TO-LEFT "
        "OVERRIDE)؛ احذفه"
    )


def test_bidi_control_in_a_comment(checkable_project: Path):
    text = edit_facts(checkable_project, "# A small", "# A \u202esmall")
    assert only_problem(check(checkable_project)) == (
        f"{FACTS}:{at(text, chr(0x202E))}: the invisible bidirectional control U+202E RIGHT-TO-LEFT OVERRIDE makes "
        "this line display in a different order than it is read (Trojan Source); delete it | حرف التحكم الاتجاهي "
        "الخفي U+202E RIGHT-TO-LEFT OVERRIDE يجعل هذا السطر يظهر بترتيب غير ترتيبه الحقيقي (Trojan Source)؛ احذفه"
    )


@pytest.mark.parametrize(("bad", "suggestion"), [("Sergei-Lavrov", "sergei-lavrov"),
                                                 ("../../etc/passwd", "etc-passwd")])
def test_id_that_is_not_a_slug(checkable_project: Path, bad: str, suggestion: str):
    text = edit_facts(checkable_project, "id: sergei-lavrov", f'id: "{bad}"')
    assert only_problem(check(checkable_project)) == (
        f"{FACTS}:{at(text, bad, -1)}: actors[2] ({bad}).id: `{bad}` is not a valid id: use lowercase Latin letters, "
        f"digits and single hyphens, at most 80 characters; for example `{suggestion}` | `{bad}` ليس معرّفًا "
        f"صالحًا: استخدم حروفًا لاتينية صغيرة وأرقامًا وشرطات مفردة، بحد أقصى 80 حرفًا؛ مثلًا `{suggestion}`"
    )


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,hi"])
def test_url_that_is_not_a_web_address(checkable_project: Path, url: str):
    text = edit_facts(checkable_project, "    timezone: GMT\n", f'    timezone: GMT\n    url: "{url}"\n')
    assert only_problem(check(checkable_project)) == (
        f"{FACTS}:{at(text, url, -1)}: sources[0] (arabicpost-2022-01-18).url: only web addresses starting with "
        "http:// or https:// (in lowercase) and a host name are allowed, without spaces | لا يُسمح إلا بروابط تبدأ "
        "بـ http:// أو https:// (بحروف صغيرة) يليها اسم الموقع، دون مسافات"
    )


def test_every_problem_is_reported_in_one_run(checkable_project: Path):
    edit_facts(checkable_project, "chair: jens-stoltenberg", "chair: jens-stoltenbreg")
    edit_facts(checkable_project, "kind: state", "kind: country")
    edit_facts(checkable_project, "    name_latin: NATO", "    name_latn: NATO")
    lines = refused(check(checkable_project))
    assert lines[-1] == "4 problem(s) found; nothing was written. | عدد المشكلات: 4؛ لم يُكتب أي ملف."
    assert [line.split(": ", 2)[1] for line in lines[:-1]] == [
        "actors[0] (nato)", "actors[0] (nato).name_latn", "actors[3] (russia).kind",
        "events[0] (nato-russia-council-2022-01-12).chair",
    ]


def test_a_folder_instead_of_a_file_is_a_message_not_a_traceback(checkable_project: Path):
    assert only_problem(check(checkable_project, "seeds")) == (
        "seeds:1:1: cannot read the file: Is a directory | تعذّرت قراءة الملف: Is a directory"
    )


def test_a_missing_file(checkable_project: Path):
    assert only_problem(check(checkable_project, "nothing.yaml")) == (
        "nothing.yaml:1:1: cannot read the file: No such file or directory "
        "| تعذّرت قراءة الملف: No such file or directory"
    )


def test_a_seed_that_is_not_utf8(checkable_project: Path):
    seed = checkable_project / "seeds" / "001_bd845cf9d8f72838.txt"
    seed.write_bytes(b"\xff\xfe not utf-8")
    lines = refused(check(checkable_project))
    assert lines[0].endswith("file: seeds/001_bd845cf9d8f72838.txt cannot be read as UTF-8 text; save the article "
                             "as UTF-8 | تعذّرت قراءة seeds/001_bd845cf9d8f72838.txt نصًا بترميز UTF-8؛ احفظ المقال "
                             "بترميز UTF-8")


# --- the check where contributors meet it: the worked example, pre-commit, GitHub Actions --------------


def contributing_blocks() -> list[tuple[str, str]]:
    """(section, YAML list items) for every ```yaml block of CONTRIBUTING.md that says where it goes."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n# add under (\w+):\n(.*?)```", text, re.DOTALL)
    assert blocks, "no worked example found"
    return blocks


def with_worked_example(small_facts: Path, blocks: list[tuple[str, str]]) -> str:
    data = yaml.safe_load(small_facts.read_text(encoding="utf-8"))
    for section, items in blocks:
        data[section].extend(yaml.safe_load(items))
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_contributing_is_in_english_and_arabic():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "\n## English\n" in text and "\n## بالعربية\n" in text
    assert [section for section, _ in contributing_blocks()] == ["actors", "events", "quotes"]


def test_the_worked_example_in_contributing_passes_the_check(small_facts: Path):
    text = with_worked_example(small_facts, contributing_blocks())
    data = validate(load_yaml(text, "facts.yaml"), ROOT / "seeds")
    assert data["quotes"][-1]["event"] == data["events"][-1]["id"]
    assert data["events"][-1]["participants"][-1] == data["actors"][-1]["id"]


def test_the_mistake_shown_in_contributing_is_caught(small_facts: Path):
    blocks = [(s, items.replace("نأمل أن تستمر", "نأمل ان تستمر")) for s, items in contributing_blocks()]
    with pytest.raises(FactsError) as caught:
        validate(load_yaml(with_worked_example(small_facts, blocks), "facts.yaml"), ROOT / "seeds")
    [problem] = caught.value.problems
    assert "this text is not found verbatim in seeds/000_648b771a45c50a16.txt" in problem.english


def test_pre_commit_runs_the_check_when_the_fact_base_changes():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    [check_hook] = [hook for hook in hooks if hook["entry"].split()[-1] == "check"]
    files = re.compile(check_hook["files"])
    assert files.search("data/facts.yaml") and files.search("seeds/000_648b771a45c50a16.txt")
    assert not files.search("docs/index.md")
    assert check_hook["pass_filenames"] is False
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^check:.*\n\t\$\(BIN\)/python -m generator check$", makefile, re.MULTILINE)


def test_the_workflow_tests_pull_requests_and_publishes_main():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    test, publish = workflow["jobs"]["test"], workflow["jobs"]["publish"]
    assert test["runs-on"] == "ubuntu-latest"
    runs = [step.get("run", "") for step in test["steps"]]
    assert any("apt-get install" in run and "chromium" in run for run in runs)
    assert "make test" in runs
    assert publish["needs"] == "test" and "refs/heads/main" in publish["if"]
    assert publish["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    uses = [step.get("uses", "").split("@")[0] for step in publish["steps"]]
    assert "actions/upload-pages-artifact" in uses and uses[-1] == "actions/deploy-pages"
    upload = next(s for s in publish["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    assert "make site" in [step.get("run") for step in publish["steps"]]


def test_a_pull_request_is_checked_first_then_summarised_tested_built_and_kept():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["test"]["steps"]
    runs = [step.get("run", "") for step in steps]
    order = [next(i for i, run in enumerate(runs) if want in run)
             for want in ("make check", "generator diff" if any("generator diff" in r for r in runs) else "make "
                          "--silent diff", "make test", "make site")]
    assert order == sorted(order), runs  # an editor hears about a broken file before the long tests run
    summary = next(run for run in runs if "diff" in run and "GITHUB_STEP_SUMMARY" in run)
    assert "origin/${{ github.base_ref }}" in summary
    kept = next(step for step in steps if step.get("with", {}).get("name") == "site")
    assert kept["uses"].startswith("actions/upload-artifact@") and kept["with"]["path"] == "site/"
    assert "pull_request" in kept["if"]
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
