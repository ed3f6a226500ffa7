"""Hostile content in facts.yaml is refused or made inert in the built site.

Attacks go into every free-text field of a copy of the small fixture (quote text and claim evidence
must match a seed, so attacks there are refused by the provenance check, tested below with the
other refusals). The site is built with `mkdocs build --strict` and every HTML file is parsed:
no script but the theme's own, no event-handler attribute, no link or source with a scheme other
than http(s) or mailto, no element the clean site does not have, and every attack shown as text.
"""

from __future__ import annotations

import copy
import csv
import html.parser
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.facts.errors import FactsError
from generator.facts.load import load_yaml
from generator.facts.validate import validate

from .conftest import ROOT, make_project, run_mkdocs

SEEDS = ROOT / "seeds"

ATTACKS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    "[x](javascript:alert(1))",
    '<a href="javascript:alert(2)">x</a>',
    "[y](data:text/html,<script>alert(3)</script>)",
    "![img](javascript:alert(4))",
    "<javascript:alert(5)>",
    "<https://evil.example/autolink>",
    "[ref]: javascript:alert(6)",
    "[w][ref]",
    "&lt;script&gt;alert(7)&lt;/script&gt;",
    "&#106;avascript:alert(8)",
    '{: onclick="alert(9)" }',
    "<div markdown>**bold**</div>",
    '!!! note "admonition"',
    "a | b | c",
    "`code` ``more code``",
    "{{ 7*7 }} {% raw %} {# comment #}",
    "---",
    "title: front matter",
    "</script><script>alert(10)</script>",
    "</title><script>alert(14)</script>",
    "</textarea><script>alert(15)</script>",
    '"><script>alert(11)</script>',
    "' onmouseover='alert(12)",
    "<style>body{display:none}</style>",
    "<!-- hidden -->",
    "# heading",
    "1. numbered",
    "> quoted",
    "*emphasis* _under_ ~~strike~~ ==mark==",
    "\\[escaped\\]",
    "${7*7} %(x)s",
    '=HYPERLINK("https://evil.example/formula","x")',
]
"""Each is a single line; multi-line fields get all of them, one per paragraph."""

TEXT_FIELDS = {  # (section, field) → free text, multi-line
    ("actors", "description"), ("events", "summary"), ("events", "outcome"), ("events", "date_note"),
    ("sources", "note"), ("sources", "date_note"), ("claims", "text"),
}
LINE_FIELDS = [  # free one-line text, one attack each in turn
    ("actors", "name"), ("actors", "name_latin"), ("events", "title"), ("events", "place"),
    ("sources", "headline"), ("sources", "outlet"), ("sources", "timezone"), ("quotes", "speaker_label"),
]
UNSHOWN_FIELDS = [("skipped_quotations", "reason")]
"""Free text that no page shows (it is in the open data only): attacked, but not looked for."""
NASTY_BUT_VALID_URL = 'https://example.org/"onmouseover="alert(13)'
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "data", "background",
                  "cite", "ping", "manifest"}
EXECUTABLE_SCRIPT_TYPES = {None, "", "text/javascript", "module", "application/javascript"}


def hostile_data(valid: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The fixture with attacks in every free-text field; returns it and the one-line texts placed."""
    data = copy.deepcopy(valid)
    placed: list[str] = []
    turn = 0
    for section, name in sorted(TEXT_FIELDS):
        for item in data[section]:
            item[name] = "\n\n".join(ATTACKS)
    for section, name in LINE_FIELDS:
        for item in data[section]:
            attack = ATTACKS[turn % len(ATTACKS)]
            turn += 1
            item[name] = f"{attack} {item.get(name, '')}".strip()
            placed.append(item[name])
    for actor in data["actors"]:
        actor["aliases"] = [ATTACKS[(turn + i) % len(ATTACKS)] for i in range(3)]
        turn += 3
        placed += actor["aliases"]
        for role in actor.get("roles", []):
            role["title"] = ATTACKS[turn % len(ATTACKS)]
            turn += 1
            placed.append(role["title"])
    for section, name in UNSHOWN_FIELDS:  # a few attacks each: a one-line field holds 300 characters at most
        for i, item in enumerate(data[section]):
            item[name] = " ".join(ATTACKS[(5 * i + k) % len(ATTACKS)] for k in range(5))
    data["sources"][0]["agencies"] = [ATTACKS[-1], *ATTACKS[:3]]  # a spreadsheet formula first in its cell
    placed.remove(data["actors"][0]["name_latin"])
    data["actors"][0]["name_latin"] = f"{ATTACKS[-1]} NATO"
    placed.append(data["actors"][0]["name_latin"])
    data["sources"][0]["url"] = NASTY_BUT_VALID_URL
    return data, placed


class _Page(html.parser.HTMLParser):
    """Everything a page could run or link to, and the text it shows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.handlers: list[str] = []
        self.urls: list[tuple[str, str, str]] = []
        self.scripts: list[tuple[str | None, str | None]] = []  # (type, src)
        self.inline: list[tuple[str | None, str]] = []  # (type, content)
        self.text: list[str] = []
        self._script: str | None = None
        self._script_type: str | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and value:
                for url in (value.split(",") if name == "srcset" else [value]):
                    self.urls.append((tag, name, url.strip().split(" ")[0] if name == "srcset" else url))
        if tag == "script":
            self.scripts.append((values.get("type"), values.get("src")))
            self._script, self._script_type = "", values.get("type")
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            if self.scripts[-1][1] is None:
                self.inline.append((self._script_type, self._script))
            self._script = None
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script += data
        elif not self._skip:
            self.text.append(data)


def parse_site(site: Path) -> dict[Path, _Page]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        page = _Page()
        page.feed(path.read_text(encoding="utf-8"))
        page.close()
        pages[path.relative_to(site)] = page
    return pages


def scheme(url: str) -> str:
    """The scheme as a browser reads it: control characters and white space inside are ignored."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", url).lower()
    match = re.match(r"^([a-z][a-z0-9+.-]*):", cleaned)
    return match.group(1) if match else ""


def visible_text(pages: dict[Path, _Page]) -> str:
    # Text nodes are joined as the browser lays them out: an inline <bdi> must not split a word.
    return " ".join(" ".join("".join(p.text).split()) for p in pages.values())


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory, small_facts: Path) -> tuple[Path, list[str]]:
    """A throw-away project built with attacks in every free-text field; the project and the one-liners."""
    data, placed = hostile_data(yaml.safe_load(small_facts.read_text(encoding="utf-8")))
    facts = tmp_path_factory.mktemp("hostile-facts") / "facts.yaml"
    facts.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    project = make_project(tmp_path_factory.mktemp("hostile") / "project", facts)
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return project, placed


@pytest.fixture(scope="module")
def hostile_pages(hostile_site: tuple[Path, list[str]]) -> dict[Path, _Page]:
    """Every HTML page of the hostile site, parsed."""
    return parse_site(hostile_site[0] / "site")


@pytest.fixture(scope="module")
def clean_pages(built_small_site: Path) -> dict[Path, _Page]:
    """Every HTML page of the site built from the untouched fixture, parsed."""
    return parse_site(built_small_site / "site")


def test_the_hostile_fixture_passes_the_checker(small_facts: Path):
    data, _ = hostile_data(yaml.safe_load(small_facts.read_text(encoding="utf-8")))
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    validate(load_yaml(text, "facts.yaml"), SEEDS)


def test_no_script_but_the_themes_own(hostile_pages: dict[Path, _Page], clean_pages: dict[Path, _Page]):
    theme_sources = {src for page in clean_pages.values() for _, src in page.scripts if src}
    theme_inline = {content for page in clean_pages.values() for kind, content in page.inline
                    if kind in EXECUTABLE_SCRIPT_TYPES}
    for path, page in hostile_pages.items():
        for _, src in page.scripts:
            assert src is None or src in theme_sources, (path, src)
        for kind, content in page.inline:
            if kind in EXECUTABLE_SCRIPT_TYPES:
                assert content in theme_inline, (path, content[:200])
            else:  # data for the theme or for search engines: must stay data
                assert kind in ("application/json", "application/ld+json"), (path, kind)
                json.loads(content)


def test_no_event_handler_attribute(hostile_pages: dict[Path, _Page]):
    assert [(path, h) for path, page in hostile_pages.items() for h in page.handlers] == []


def test_every_link_and_source_is_web_relative_or_mail(hostile_pages: dict[Path, _Page]):
    bad = [(path, tag, name, url) for path, page in hostile_pages.items() for tag, name, url in page.urls
           if scheme(url) not in ("", "http", "https", "mailto")]
    assert bad == []
    assert not [url for page in hostile_pages.values() for _, _, url in page.urls if "evil.example" in url]


def test_no_element_the_clean_site_does_not_have(hostile_pages: dict[Path, _Page],
                                                 clean_pages: dict[Path, _Page]):
    clean = set().union(*(p.tags for p in clean_pages.values()))
    assert set().union(*(p.tags for p in hostile_pages.values())) - clean == set()


def test_the_same_pages_are_built(hostile_pages: dict[Path, _Page], clean_pages: dict[Path, _Page]):
    assert sorted(hostile_pages) == sorted(clean_pages)


def test_every_attack_is_shown_as_text(hostile_site: tuple[Path, list[str]], hostile_pages: dict[Path, _Page]):
    shown = visible_text(hostile_pages)
    missing = [attack for attack in ATTACKS if attack not in shown]
    assert missing == []
    missing = [text for text in hostile_site[1] if " ".join(text.split()) not in shown]
    assert missing == []
    assert "{{ 7*7 }}" in shown and "${7*7}" in shown


def test_the_nasty_url_is_one_quoted_attribute(hostile_site: tuple[Path, list[str]]):
    page = hostile_site[0] / "site" / "sources" / "arabicpost-2022-01-18" / "index.html"
    parsed = _Page()
    parsed.feed(page.read_text(encoding="utf-8"))
    assert (("a", "href", NASTY_BUT_VALID_URL) in parsed.urls)


def test_no_page_is_written_outside_the_docs_folder(hostile_site: tuple[Path, list[str]]):
    project = hostile_site[0]
    generated = (project / "docs" / ".generated").read_text(encoding="utf-8").split()
    assert generated and all(".." not in p.split("/") and not p.startswith("/") for p in generated)


def test_the_feed_carries_the_attacks_as_plain_text(hostile_site: tuple[Path, list[str]]):
    feed = hostile_site[0] / "site" / "data" / "events.atom"
    if not feed.exists():
        pytest.skip("no Atom feed in this build")
    root = ET.parse(feed).getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    texts = [e for e in root.iter() if e.tag in (f"{atom}title", f"{atom}summary", f"{atom}content")]
    assert texts and all(e.get("type", "text") == "text" for e in texts)
    assert not [e.tag for e in root.iter() if not e.tag.startswith(atom)]  # nothing injected into the XML
    assert all(scheme(e.get("href", "")) in ("", "http", "https") for e in root.iter(f"{atom}link"))
    assert any(ATTACKS[0] in (e.text or "") for e in texts)


def test_spreadsheet_exports_hold_no_formula(hostile_site: tuple[Path, list[str]]):
    tables = sorted((hostile_site[0] / "site" / "data").glob("*.csv"))
    if not tables:
        pytest.skip("no CSV export in this build")
    cells = [cell for table in tables for row in csv.reader(table.open(encoding="utf-8-sig", newline=""))
             for cell in row]
    assert cells and not [c for c in cells if c[:1] in ("=", "+", "@")]
    assert any(c.lstrip("'").startswith("=HYPERLINK") for c in cells)


# --- refused outright ------------------------------------------------------------------------------


def problems(text: str) -> list[str]:
    with pytest.raises(FactsError) as caught:
        validate(load_yaml(text, "facts.yaml"), SEEDS)
    return [str(p) for p in caught.value.problems]


@pytest.fixture(scope="module")
def valid_data(small_facts: Path) -> dict[str, Any]:
    """The small fixture as data."""
    return yaml.safe_load(small_facts.read_text(encoding="utf-8"))


def refused_after(valid: dict[str, Any], section: str, index: int, name: str, value: Any) -> list[str]:
    data = copy.deepcopy(valid)
    data[section][index][name] = value
    return problems(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " https://example.org",
                                 "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
                                 "//evil.example", "https://exa mple.org", "java\tscript:alert(1)",
                                 "https://example.org/\u202e"])
def test_urls_other_than_web_addresses_are_refused(valid_data: dict[str, Any], url: str):
    [problem] = refused_after(valid_data, "sources", 0, "url", url)
    assert ".url: " in problem


@pytest.mark.parametrize("ident", ["../../etc/passwd", "Nato", "NATO", "nato/../index", "nato.md", "nato\u200b",
                                   "nato\u202e", "ناتو", "nаto", " nato", "index"])
def test_ids_that_are_not_safe_slugs_are_refused(valid_data: dict[str, Any], ident: str):
    found = refused_after(valid_data, "actors", 2, "id", ident)
    assert any(".id: " in p for p in found), found


@pytest.mark.parametrize(("field", "value"), [("name", "ينس\u200bستولتنبرغ"), ("name", "ينس \u202eستولتنبرغ"),
                                              ("name_latin", "Jens\u2066 Stoltenberg"), ("name", "ينس\u00adس"),
                                              ("description", "نص\u2028آخر"), ("name", "ينس\x1b[31m")])
def test_invisible_and_bidi_characters_in_names_are_refused(valid_data: dict[str, Any], field: str, value: str):
    [problem] = refused_after(valid_data, "actors", 1, field, value)
    assert f"actors[1] (jens-stoltenberg).{field}: character " in problem


def test_an_attack_in_a_quote_is_refused_by_provenance(valid_data: dict[str, Any]):
    quote = valid_data["quotes"][0]["text"]
    [problem] = refused_after(valid_data, "quotes", 0, "text", quote + " <script>alert(1)</script>")
    assert "this text is not found verbatim in seeds/" in problem


def test_an_attack_in_claim_evidence_is_refused_by_provenance(valid_data: dict[str, Any]):
    [problem] = refused_after(valid_data, "claims", 0, "evidence", "[x](javascript:alert(1))")
    assert "this text is not found verbatim in seeds/" in problem


def test_a_seed_file_outside_seeds_is_refused(valid_data: dict[str, Any]):
    [problem] = refused_after(valid_data, "sources", 0, "file", "../pyproject.txt")
    assert "must be the plain name of a .txt file in seeds/ (no folders)" in problem
