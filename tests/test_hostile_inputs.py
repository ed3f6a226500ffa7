"""Hostile pull requests: files that are not what they seem, text that is not there, quotes that say nothing.

Each test makes the edit a hostile or careless pull request could make to a copy of the project, runs
the real commands and asserts the exact, located refusal, and that nothing leaked into a built page.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import project as pipeline
from generator.facts.suggest import Suggester, suggest_id
from generator.facts.text import find_verbatim, provenance_key
from generator.site import inert, markup

from .conftest import ROOT, make_project, run_mkdocs
from .helpers import CliResult, edit_facts, run_cli

FACTS = "data/facts.yaml"
SECRET = "TOP-SECRET-CI-TOKEN-7f3a9c"


@pytest.fixture()
def project(tmp_path: Path, small_facts: Path) -> Path:
    """A whole copy of the project with the small fact base (mkdocs can build it)."""
    return make_project(tmp_path / "project", small_facts)


def check(folder: Path) -> CliResult:
    return run_cli(folder, "check")


def problems(result: CliResult) -> list[str]:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    return result.stderr.splitlines()[:-1]


def cite_new_seed(project: Path, file: str) -> str:
    """Add a source entry citing seeds/``file``; returns the new facts text."""
    return edit_facts(project, "\nactors:\n", f"""  - id: planted
    file: {file}
    headline: عنوان مقال مزروع
    published: "2022-01-05"

actors:
""")


def line_col(text: str, needle: str) -> str:
    index = text.index(needle)
    return f"{text.count(chr(10), 0, index) + 1}:{index - (text.rfind(chr(10), 0, index) + 1) + 1}"


def everything_under(folder: Path) -> str:
    return "\n".join(p.read_bytes().decode("utf-8", "replace") for p in folder.rglob("*") if p.is_file())


# --- files that are not regular files inside the project -----------------------------------------

def test_a_seed_linked_to_a_secret_outside_the_project_is_refused_and_published_nowhere(project: Path,
                                                                                         tmp_path: Path):
    secret = tmp_path / "environ"
    secret.write_text(f"GITHUB_TOKEN={SECRET}\n", encoding="utf-8")
    os.symlink(secret, project / "seeds" / "006_x.txt")
    text = cite_new_seed(project, "006_x.txt")
    assert problems(check(project)) == [
        f"{FACTS}:{line_col(text, '006_x.txt')}: sources[2] (planted).file: seeds/006_x.txt is a symbolic link, "
        "not a regular file; only regular files inside the project are read (replace it with the file itself) "
        "| seeds/006_x.txt رابط رمزي وليس ملفًا عاديًا؛ لا يُقرأ إلا الملفات العادية داخل المشروع (ضع الملف نفسه مكانه)",
        "seeds/006_x.txt:1:1: seeds/006_x.txt is a symbolic link; the build reads only regular files inside the "
        "project: replace it with the file itself or delete it | seeds/006_x.txt رابط رمزي؛ لا يقرأ البناء إلا "
        "الملفات العادية داخل المشروع: ضع الملف نفسه مكانه أو احذفه",
    ]
    built = run_mkdocs(project)
    assert built.returncode == 1 and "Traceback" not in built.stderr
    for folder in ("docs", "site"):
        if (project / folder).exists():
            assert SECRET not in everything_under(project / folder)


def test_a_link_inside_docs_is_refused_before_mkdocs_can_publish_it(project: Path, tmp_path: Path):
    secret = tmp_path / "secret.md"
    secret.write_text(SECRET, encoding="utf-8")
    os.symlink(secret, project / "docs" / "leak.md")
    result = check(project)
    assert problems(result)[0].startswith("docs/leak.md:1:1: docs/leak.md is a symbolic link; ")
    built = run_mkdocs(project)
    assert built.returncode == 1
    assert not (project / "site").exists() or SECRET not in everything_under(project / "site")


def test_a_link_loop_is_located_not_an_internal_error(project: Path):
    os.symlink("loop-b.txt", project / "seeds" / "loop-a.txt")
    os.symlink("loop-a.txt", project / "seeds" / "loop-b.txt")
    cite_new_seed(project, "loop-a.txt")
    lines = problems(check(project))
    assert any(line.startswith("seeds/loop-a.txt:1:1: seeds/loop-a.txt is a symbolic link") for line in lines)


def test_a_named_pipe_as_facts_file_is_refused_at_once_not_waited_on(project: Path):
    facts = project / FACTS
    facts.unlink()
    os.mkfifo(facts)
    # A real process with a timeout: a blocking open() would hang here, not fail.
    result = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=project, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "data/facts.yaml:1:1: data/facts.yaml is a named pipe (FIFO), not a regular file; only regular files "
        "inside the project are read (replace it with the file itself) | data/facts.yaml أنبوب مسمى (FIFO) وليس "
        "ملفًا عاديًا؛ لا يُقرأ إلا الملفات العادية داخل المشروع (ضع الملف نفسه مكانه)")


@pytest.mark.parametrize(("char", "name"), [("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
                                            ("\x00", "U+0000 CONTROL CHARACTER"),
                                            ("\x1b", "U+001B CONTROL CHARACTER")])
def test_a_seed_with_a_control_or_override_character_is_refused_at_its_line(project: Path, char: str, name: str):
    (project / "seeds" / "006_x.txt").write_text(f"عنوان\nسطر ثانٍ فيه {char}حرف خفي\n", encoding="utf-8")
    cite_new_seed(project, "006_x.txt")
    lines = problems(check(project))
    assert f"seeds/006_x.txt:2:14: the article holds the control character {name}, which would be published as " \
           f"is; delete it from the seed | يحوي المقال حرف التحكم {name} الذي سيُنشر كما هو؛ احذفه من الملف" in lines


# --- size: a small file cannot blow up ------------------------------------------------------------

def peak_check(project: Path) -> tuple[subprocess.CompletedProcess[str], int]:
    """`check` as a process, with its peak resident memory in MB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=project, capture_output=True,
                            text=True, timeout=300)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return result, max(peak, before) // 1024


def test_a_megabyte_name_is_refused_with_its_line_and_memory_stays_flat(project: Path):
    huge = "اسم" * 1_700_000  # 5 MB of UTF-8 in one name, in a file under the 20 MB limit
    text = edit_facts(project, "    name: سيرغي لافروف", f"    name: {huge}")
    result, peak_mb = peak_check(project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"{FACTS}:{line_col(text, huge)}: actors[2] (sergei-lavrov).name: 5,100,000 characters, over the limit of "
        "300 for `name`; shorten it (quote only the words that matter) | 5,100,000 حرفًا، وهذا فوق الحد 300 للحقل "
        "`name`؛ اختصره (انقل ما يهم فقط)")
    print(f"peak memory of check on a 5 MB name: {peak_mb} MB")
    assert peak_mb < 400  # the file is read once; nothing is rendered (the old build took 2.7 GB)


def test_a_list_longer_than_its_limit_is_refused(project: Path):
    aliases = ", ".join(f"اسم{i}" for i in range(201))
    text = edit_facts(project, "    aliases: [الناتو]", f"    aliases: [{aliases}]")
    assert problems(check(project)) == [
        f"{FACTS}:{line_col(text, '[اسم0')}: actors[0] (nato).aliases: 201 items, over the limit of 200 here; split "
        "the data or remove what is not in the sources | 201 عنصرًا، وهذا فوق الحد 200 هنا؛ قسّم البيانات أو احذف "
        "ما ليس في المصادر"]


# --- provenance on whole words --------------------------------------------------------------------

@pytest.mark.parametrize("fragment", ["«", ".", "في", "ن", "روسيا"])
def test_a_fragment_is_no_quotation(project: Path, fragment: str):
    old = "    text: إنه لن تكون هناك مفاوضات أخرى حتى يقدم الغرب إجابات مناسبة"
    text = edit_facts(project, old, f'    text: "{fragment}"')
    quoted = f'"{fragment}"'
    if fragment in "«.":
        assert problems(check(project)) == [
            f"{FACTS}:{line_col(text, quoted)}: quotes[1] (lavrov-no-more-talks).text: the value has no letter or "
            "digit (only marks, punctuation or invisible characters); write the text | لا تحوي القيمة حرفًا ولا رقمًا "
            "(بل علامات أو ترقيمًا أو حروفًا خفية)؛ اكتب النص"]
        return
    words = 1
    assert problems(check(project)) == [
        f"{FACTS}:{line_col(text, quoted)}: quotes[1] (lavrov-no-more-talks).text: only {words} word(s): "
        "a quotation has at least 3; a shorter fragment in quotation marks belongs in `skipped_quotations` with its "
        f"reason | {words} كلمة فقط: الاقتباس 3 كلمات على الأقل؛ والمقطع الأقصر بين علامات التنصيص مكانه "
        "`skipped_quotations` مع السبب"]


def test_words_must_match_whole_words_of_the_article():
    article = provenance_key("قال الوزير إن الاجتماعات في فيينا والحلف الأطلسي مستعد")
    assert find_verbatim("في فيينا", article) >= 0
    assert find_verbatim("في فيي", article) == -1  # ends inside «فيينا»
    assert find_verbatim("الحلف الأطلسي مستعد", article) == -1  # starts inside «والحلف»
    assert find_verbatim("والحلف الأطلسي مستعد", article) >= 0


def test_a_quote_found_only_inside_longer_words_says_so(project: Path):
    old = "    text: إنه لن تكون هناك مفاوضات أخرى حتى يقدم الغرب إجابات مناسبة"
    text = edit_facts(project, old, "    text: نه لن تكون هناك مفاوضات أخرى حتى يقدم الغرب إجابات مناسب")
    assert problems(check(project)) == [
        f"{FACTS}:{line_col(text, 'نه لن تكون')}: quotes[1] (lavrov-no-more-talks).text: this text occurs in "
        "seeds/000_648b771a45c50a16.txt (source arabicpost-2022-01-18) only inside longer words; a quotation starts "
        "and ends on whole words: copy whole words from the article | هذا النص لا يرد في "
        "seeds/000_648b771a45c50a16.txt "
        "(المصدر arabicpost-2022-01-18) إلا داخل كلمات أطول؛ الاقتباس يبدأ وينتهي بكلمات كاملة: انسخ كلمات كاملة من "
        "المقال"]


def test_a_quote_that_differs_only_in_unicode_normalisation_is_named_as_such(project: Path):
    # «أ» stored decomposed (alef + hamza above) looks the same on screen and is another string.
    decomposed = "إنه لن تكون هناك مفاوضات \u0627\u0654خرى حتى يقدم الغرب إجابات مناسبة"
    text = edit_facts(project, "    text: إنه لن تكون هناك مفاوضات أخرى حتى يقدم الغرب إجابات مناسبة",
                      f"    text: {decomposed}")
    assert problems(check(project)) == [
        f"{FACTS}:{line_col(text, decomposed)}: quotes[1] (lavrov-no-more-talks).text: these words are in "
        "seeds/000_648b771a45c50a16.txt (source arabicpost-2022-01-18), but encoded differently: they differ only in "
        "Unicode normalisation (NFC, e.g. a letter and its mark stored as one character or two); copy the text from "
        "the article itself | هذه الكلمات موجودة في seeds/000_648b771a45c50a16.txt (المصدر arabicpost-2022-01-18) لكن "
        "بترميز مختلف: الفرق في تطبيع يونيكود (NFC) فقط؛ انسخ النص من المقال نفسه"]


# --- invisible text and look-alikes ------------------------------------------------------------------

@pytest.mark.parametrize(("name", "reason"), [
    ("\u200d\u200c\u200d", "no letter"),
    ("\u3164\u3164", "U+3164 HANGUL FILLER"),
    ("\u2800", "U+2800 BRAILLE PATTERN BLANK"),
    ("روسيا\U000e0041\U000e0042", "U+E0041 TAG LATIN CAPITAL LETTER A"),
])
def test_a_name_that_shows_nothing_is_refused(project: Path, name: str, reason: str):
    edit_facts(project, "    name: روسيا", f'    name: "{name}"')
    [line] = problems(check(project))
    assert line.startswith(f"{FACTS}:") and "actors[3] (russia).name:" in line
    if reason == "no letter":
        assert "the value has no letter or digit (only marks, punctuation or invisible characters)" in line
    else:
        assert f"invisible or control character {reason}; delete it" in line


@pytest.mark.parametrize(("bad", "shown", "fix"), [
    ("sergei-l\u0430vrov", "sergei-l<U+0430 CYRILLIC SMALL LETTER A>vrov", "sergei-lavrov"),
    ("sergei\u200d-lavrov", "sergei<U+200D ZERO WIDTH JOINER>-lavrov", "sergei-lavrov"),
])
def test_an_id_with_a_look_alike_or_joiner_is_shown_escaped_and_the_fix_passes(project: Path, bad: str,
                                                                                shown: str, fix: str):
    edit_facts(project, "  - id: sergei-lavrov", f"  - id: {bad}")
    text = edit_facts(project, "    speaker: sergei-lavrov", f"    speaker: {bad}")
    lines = problems(check(project))
    assert lines[0] == (
        f"{FACTS}:{line_col(text, bad)}: actors[2] ({shown}).id: `{shown}` is not a valid id: use lowercase Latin "
        "letters, "
        f"digits and single hyphens, at most 80 characters; for example `{fix}` | `{shown}` ليس معرّفًا صالحًا: "
        f"استخدم حروفًا لاتينية صغيرة وأرقامًا وشرطات مفردة، بحد أقصى 80 حرفًا؛ مثلًا `{fix}`")
    # Following the advice works.
    (project / FACTS).write_text(text.replace(bad, fix), encoding="utf-8")
    assert check(project).returncode == 0


def test_suggested_ids_are_valid_ids():
    for raw in ["Sergei Lavrov", "ＮＡＴＯ", "\u0441\u0435\u0440\u0433\u0435\u0439", "a--b", "index"]:
        suggestion = suggest_id(raw)
        assert suggestion == "" or (suggestion.replace("-", "").isalnum() and suggestion.isascii()), raw


@pytest.mark.parametrize(("field", "raw", "advice", "fixed"), [
    ("published", "2022-01-18 10:30:00", '"2022-01-18" (the date alone; a time goes in `time:`)', '"2022-01-18"'),
    ("time", "18:12", '"18:12"', '"18:12"'),
    ("timezone", "1.10", '"1.10"', '"1.10"'),
])
def test_the_advice_for_an_unquoted_value_passes_when_followed(project: Path, field: str, raw: str, advice: str,
                                                               fixed: str):
    old = next(line for line in (project / FACTS).read_text(encoding="utf-8").splitlines()
               if line.startswith(f"    {field}: "))
    edit_facts(project, old, f"    {field}: {raw}")
    [line] = problems(check(project))
    assert f"put it in quotes: {advice}" in line
    edit_facts(project, f"    {field}: {raw}", f"    {field}: {fixed}")
    assert check(project).returncode == 0


# --- meaning -----------------------------------------------------------------------------------------

def test_a_follows_cycle_is_refused(project: Path):
    text = edit_facts(project, "    chair: jens-stoltenberg\n",
                      "    chair: jens-stoltenberg\n    follows: [stoltenberg-tweet-2022-01-18]\n")
    lines = problems(check(project))
    assert len(lines) == 1 and "`follows` goes round in a circle (" in lines[0]
    assert "stoltenberg-tweet-2022-01-18 → nato-russia-council-2022-01-12" in lines[0] or \
        "nato-russia-council-2022-01-12 → stoltenberg-tweet-2022-01-18" in lines[0]
    assert lines[0].startswith(f"{FACTS}:") and ".follows[0]: " in lines[0]
    assert text  # the edit closed the cycle; the message points at the link that does


def test_an_actor_member_of_itself_is_refused(project: Path):
    text = edit_facts(project, "    aliases: [الناتو]\n", "    aliases: [الناتو]\n    member_of: [nato]\n")
    assert problems(check(project)) == [
        f"{FACTS}:{line_col(text, '[nato]') .split(':')[0]}:{int(line_col(text, '[nato]').split(':')[1]) + 1}: "
        "actors[0] (nato).member_of[0]: an actor cannot be a member of itself; remove it | لا يمكن أن يكون الفاعل "
        "عضوًا في نفسه؛ احذفه"]


def test_check_refuses_a_hand_written_file_where_build_would(project: Path):
    (project / "docs" / "timeline.md").write_text("# صفحة مكتوبة يدويًا\n", encoding="utf-8")
    assert problems(check(project)) == [
        "docs/timeline.md:1:1: this hand-written file has the path of a generated file; rename or move it (nothing "
        "was written) | هذا الملف المكتوب يدويًا في مسار ملف مولّد؛ غيّر اسمه أو انقله (لم يُكتب شيء)"]


# --- the second line behind the escaping -------------------------------------------------------------

def test_markup_that_slips_past_the_escaping_stops_the_build_at_its_field(project: Path, monkeypatch):
    """Weaken the escaping on purpose: the parser check must catch what it lets through."""
    monkeypatch.setattr(markup, "_ESCAPES", str.maketrans({}))
    monkeypatch.setattr(inert, "_checked", set())
    text = edit_facts(project, "    description: وزير الخارجية الروسي.", "    description: وزير **الخارجية** الروسي.")
    result = run_cli(project, "build")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"{FACTS}:{line_col(text, 'وزير **الخارجية**')}: actors[2].description: this text would become Markdown "
        "markup (strong_open in a paragraph) despite the escaping; the page was not built. Please report it; "
        "meanwhile rephrase the text | سيتحول هذا النص إلى تنسيق Markdown (strong_open) رغم التهريب؛ "
        "لم تُبنَ الصفحة. أبلغ عن "
        "ذلك، وأعد صياغة النص مؤقتًا")
    assert not (project / "docs" / "actors").exists()


def test_escaped_attacks_parse_as_plain_text_in_every_context():
    for attack in ["*a*", "[x](y)", "<b>x</b>", "# h", "- item", "> q", "| a | b |", "![i](j)", "`c`", "~~s~~",
                   "1. one", "---", "<https://e.example>", "&amp;", "\\*"]:
        escaped = markup.md(attack)
        for template in inert.CONTEXTS.values():
            assert inert._markup_in(inert._PARSER.parse(template.format(escaped)),
                                    inert._shape(inert._PARSER.parse(template.format("x")))) == ""


# --- did-you-mean at scale ---------------------------------------------------------------------------

def test_suggestions_from_the_index_find_the_close_id_among_many():
    options = [f"actor-{i:05d}-{name}" for i, name in enumerate(["lavrov", "blinken", "sherman"] * 4000)]
    suggester = Suggester([*options, "sergei-lavrov", "antony-blinken"])
    assert suggester.closest("sergei-lavrvo") == "sergei-lavrov"
    assert suggester.closest("antony-blinkin") == "antony-blinken"
    assert suggester.closest("actor-00044-shermn") == "actor-00044-sherman"
    assert suggester.closest("zzzzzz") is None


def test_the_real_facts_still_pass_the_stricter_checks():
    result = run_cli(ROOT, "check")
    assert result.returncode == 0, result.stderr


def test_clean_copy(tmp_path: Path):
    """The project copy used here has no link or special file to begin with (so the tests above plant them)."""
    target = make_project(tmp_path / "p", ROOT / "tests" / "fixtures" / "small_facts.yaml")
    assert check(target).returncode == 0
    shutil.rmtree(target)


def test_pages_that_outweigh_their_input_beyond_the_declared_ratio_are_refused(project: Path, monkeypatch):
    """The backstop behind the per-field limits: with the ratio made tiny, the real small site is too heavy."""
    monkeypatch.setattr(pipeline, "MAX_OUTPUT_RATIO", 1)
    monkeypatch.setattr(pipeline, "MAX_OUTPUT_FLOOR", 0)
    result = run_cli(project, "build")
    assert result.returncode == 1
    line = result.stderr.splitlines()[0]
    assert line.startswith(f"{FACTS}:1:1: the pages would weigh ") and "over the limit of" in line
    assert not (project / "docs" / "actors").exists()
