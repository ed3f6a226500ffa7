"""Open data and structured metadata: facts.json, the CSV files, the Atom feed, JSON-LD and the sitemap."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.facts.errors import FactsError
from generator.facts.load import load_file
from generator.facts.model import FactBase, build_model
from generator.facts.validate import validate
from generator.project import Project, read_settings
from generator.site.export import FORMULA_STARTS, csv_bytes, csv_tables, data_files, facts_document
from generator.site.render import Renderer, Settings

from .helpers import ROOT, ROUTES, fact_base
from .test_visual import quiet

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://example.org/factsheet/"
CSV_FILES = ("actors.csv", "claims.csv", "meetings.csv", "quotes.csv", "sources.csv")


@pytest.fixture(scope="module")
def small_base(small_facts) -> FactBase:
    return quiet(fact_base(small_facts))


@pytest.fixture(scope="module")
def small_pages(small_base) -> dict[str, str | bytes]:
    return Renderer(small_base, Settings(site_url=SITE)).pages()


def validated(facts: Path) -> dict:
    """facts.yaml as the validator returns it: the data facts.json must reproduce."""
    return validate(load_file(facts), ROOT / "seeds")


def read_csv(content: bytes) -> list[dict[str, str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "CSV files start with a UTF-8 byte order mark for Excel"
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def front_matter(page: str) -> dict:
    return yaml.safe_load(page.split("---\n")[1])


# --- facts.json ----------------------------------------------------------------------------------

def test_facts_json_follows_the_published_schema(small_pages):
    document = json.loads(small_pages["data/facts.json"])
    schema = json.loads(small_pages["data/facts.schema.json"])
    jsonschema.validate(document, schema)
    assert schema == json.loads((ROOT / "data" / "facts.schema.json").read_text(encoding="utf-8"))


def _normalised(item: dict, section: str, disputes: dict[str, set[str]]) -> dict:
    """What the model keeps of a facts.yaml item: sorted agencies and dates, disputes in both directions."""
    item = dict(item)
    if section == "sources" and "agencies" in item:
        item["agencies"] = sorted(item["agencies"])
    if section == "actors":
        item["roles"] = [{**r, "attested": sorted(r["attested"])} if "attested" in r else r
                         for r in item.get("roles", [])] or None
    if section == "claims":
        item["disputes"] = sorted(disputes.get(item["id"], set())) or None
    return {k: v for k, v in item.items() if v is not None}


def test_facts_json_holds_every_fact_of_facts_yaml_with_its_cross_references(small_facts, small_pages):
    original = validated(small_facts)
    document = json.loads(small_pages["data/facts.json"])
    disputes: dict[str, set[str]] = {}
    for claim in original["claims"]:
        for other in claim.get("disputes", []):
            disputes.setdefault(claim["id"], set()).add(other)
            disputes.setdefault(other, set()).add(claim["id"])
    for section in ("sources", "actors", "events", "quotes", "claims"):
        exported = {item["id"]: item for item in document[section]}
        expected = {item["id"]: _normalised(item, section, disputes) for item in original[section]}
        assert exported == expected, section
    assert document["skipped_quotations"] == original["skipped_quotations"]
    event = next(e for e in document["events"] if e["id"] == "nato-russia-council-2022-01-12")
    assert (event["chair"], event["participants"]) == ("jens-stoltenberg", ["nato", "russia"])
    quote = next(q for q in document["quotes"] if q["id"] == "stoltenberg-calls-for-dialogue")
    assert (quote["speaker"], quote["event"]) == ("jens-stoltenberg", "stoltenberg-tweet-2022-01-18")


def test_facts_json_reads_back_into_the_same_fact_base(small_base, small_pages):
    document = json.loads(small_pages["data/facts.json"])
    texts = {s.file: s.text for s in small_base.sources.values()}
    again = build_model(document, texts)
    assert facts_document(again) == document


def test_facts_json_is_sorted_and_reproducible(small_facts, small_pages):
    document = json.loads(small_pages["data/facts.json"])
    assert [e["date"] for e in document["events"]] == sorted(e["date"] for e in document["events"])
    assert [a["id"] for a in document["actors"]] == sorted(a["id"] for a in document["actors"])
    assert Renderer(fact_base(small_facts), Settings(site_url=SITE)).pages()["data/facts.json"] == \
        small_pages["data/facts.json"]


# --- CSV -----------------------------------------------------------------------------------------

def test_each_csv_has_its_documented_header_and_one_row_per_fact(small_base, small_pages):
    counts = {"actors.csv": small_base.actors, "meetings.csv": small_base.events, "quotes.csv": small_base.quotes,
              "sources.csv": small_base.sources, "claims.csv": small_base.claims}
    tables = csv_tables(SITE)
    for name in CSV_FILES:
        content = small_pages[f"data/{name}"]
        header = next(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
        assert header == [c.name for c in tables[name][1]]
        rows = read_csv(content)
        assert len(rows) == len(counts[name])
        assert {r["id"] for r in rows} == set(counts[name])
        assert b"\r\n" in content


def test_csv_rows_carry_cross_reference_ids_and_page_addresses(small_pages):
    meetings = {r["id"]: r for r in read_csv(small_pages["data/meetings.csv"])}
    council = meetings["nato-russia-council-2022-01-12"]
    assert council["participants"] == "nato;russia"
    assert council["chair"] == "jens-stoltenberg"
    assert council["page"] == f"{SITE}meetings/nato-russia-council-2022-01-12/"
    actors = {r["id"]: r for r in read_csv(small_pages["data/actors.csv"])}
    assert "nato-russia-council-2022-01-12" in actors["jens-stoltenberg"]["events"].split(";")
    assert actors["jens-stoltenberg"]["name"] == "ينس ستولتنبرغ"
    quotes = {r["id"]: r for r in read_csv(small_pages["data/quotes.csv"])}
    assert quotes["lavrov-no-more-talks"]["speaker"] == "sergei-lavrov"
    assert quotes["lavrov-no-more-talks"]["page"] == f"{SITE}actors/sergei-lavrov/#q-lavrov-no-more-talks"


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_stay_text():
    columns = csv_tables(SITE)["claims.csv"][1][:2]

    class Claim:
        def __init__(self, text: str) -> None:
            self.id, self.text = "c", text

    content = csv_bytes(columns, [Claim(f"{start}1+1") for start in FORMULA_STARTS] + [Claim("سطر\r\nثانٍ, «x»")])
    rows = read_csv(content)
    assert [r["text"] for r in rows[:-1]] == [f"'{start}1+1" for start in FORMULA_STARTS]
    assert rows[-1]["text"] == "سطر\nثانٍ, «x»"  # quoted, commas and line breaks kept


# --- the Atom feed -------------------------------------------------------------------------------

def test_atom_feed_lists_every_event_newest_first_with_absolute_links(small_base, small_pages):
    feed = ET.fromstring(small_pages["data/events.atom"])
    assert feed.tag == f"{ATOM}feed"
    for required in ("title", "id", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None
    entries = feed.findall(f"{ATOM}entry")
    newest_first = [f"{SITE}meetings/{e.id}/" for e in reversed(small_base.events_by_date())]
    assert [e.find(f"{ATOM}id").text for e in entries] == newest_first
    events = {e.id: (e.title, e.date) for e in small_base.events.values()}
    for entry in entries:
        event_id = entry.find(f"{ATOM}id").text.split("/")[-2]
        title, date = events[event_id]
        assert entry.find(f"{ATOM}title").text == title
        assert entry.find(f"{ATOM}link").get("href") == f"{SITE}meetings/{event_id}/"
        assert entry.find(f"{ATOM}published").text == f"{date}T00:00:00Z"
        assert entry.find(f"{ATOM}summary").text


def test_atom_feed_without_a_site_address_links_relative_to_itself(small_base):
    pages = Renderer(small_base, Settings(site_url="")).pages()
    feed = ET.fromstring(pages["data/events.atom"])
    hrefs = [e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")]
    assert hrefs and all(h.startswith("../meetings/") for h in hrefs)


# --- the open-data page --------------------------------------------------------------------------

def test_open_data_page_links_every_file_and_documents_every_column(small_base, small_pages):
    page = small_pages["open-data.md"]
    files = data_files(small_base, Settings(site_url=SITE))
    assert {f.path for f in files} == {p for p in small_pages if p.startswith("data/")}
    for f in files:
        assert f"]({f.path})" in page  # a Markdown link, so MkDocs checks it
        for column in f.columns:
            assert f"`{column.name}`" in page
    assert "BOM" in page and "UTF-8" in page


# --- JSON-LD and Open Graph ----------------------------------------------------------------------

def jsonld(page: str) -> dict:
    text = front_matter(page)["jsonld"]
    assert "<" not in text and ">" not in text and "&" not in text  # safe inside <script>
    return json.loads(text)


def types(document: dict) -> list[str]:
    return [node["@type"] for node in document["@graph"]]


def test_every_generated_page_carries_json_ld_of_its_kind(small_base, small_pages):
    kinds = {"person": "Person", "institution": "Organization", "state": "Country"}
    # Expectations as plain tuples: a failing assert must not print the cross-linked model.
    actors = [(ROUTES.page(a), kinds[a.kind], a.name, f"{SITE}actors/{a.id}/", len(a.quotes))
              for a in small_base.actors.values()]
    for page, kind, name, url, quotes in actors:
        document = jsonld(small_pages[page])
        assert document["@context"] == "https://schema.org"
        main = document["@graph"][0]
        assert (main["@type"], main["name"], main["url"]) == (kind, name, url)
        assert types(document)[1:] == ["Quotation"] * quotes
        assert front_matter(small_pages[page])["og_type"] == "profile"
    events = [(ROUTES.page(e), e.title, e.date, {f"{SITE}actors/{a.id}/#{a.id}" for a in e.people})
              for e in small_base.events.values()]
    for page, title, date, attendees in events:
        main = jsonld(small_pages[page])["@graph"][0]
        assert (main["@type"], main["name"], main["startDate"]) == ("Event", title, date)
        assert {a["@id"] for a in main["attendee"]} == attendees
    for page, headline, quotes in [(ROUTES.page(s), s.headline, len(s.quotes)) for s in small_base.sources.values()]:
        document = jsonld(small_pages[page])
        assert types(document) == ["NewsArticle"] + ["Quotation"] * quotes
        assert document["@graph"][0]["headline"] == headline
    home = jsonld(small_pages["index.md"])
    assert types(home) == ["WebSite", "Dataset"]
    downloads = {d["contentUrl"] for d in home["@graph"][1]["distribution"]}
    assert downloads >= {f"{SITE}data/facts.json", f"{SITE}data/meetings.csv"}
    for page in ("timeline.md", "graph.md", "actors/index.md", "meetings/index.md", "sources/index.md"):
        assert types(jsonld(small_pages[page])) == ["CollectionPage"]


def test_quotations_name_their_speaker_and_the_articles_they_come_from(small_base, small_pages):
    document = jsonld(small_pages["actors/jens-stoltenberg.md"])
    quotation = next(n for n in document["@graph"] if n["@type"] == "Quotation")
    text = small_base.quotes["stoltenberg-calls-for-dialogue"].text
    assert quotation["text"] == text
    assert quotation["spokenByCharacter"]["@id"] == f"{SITE}actors/jens-stoltenberg/#jens-stoltenberg"
    assert [a["@type"] for a in quotation["isBasedOn"]] == ["NewsArticle"]


def test_a_fact_cannot_close_the_script_element_that_carries_the_json_ld(small_facts):
    base = fact_base(small_facts)
    attack = '</script><script>alert(1)</script> & "x" \u2028'
    base.actors["nato"].description = attack
    page = Renderer(base, Settings(site_url=SITE)).pages()["actors/nato.md"]
    assert "</script" not in front_matter(page)["jsonld"]
    assert jsonld(page)["@graph"][0]["description"] == " ".join(attack.split())


# --- settings, sitemap and the built site --------------------------------------------------------

def test_site_url_comes_from_pyproject_and_matches_mkdocs_yml():
    settings = read_settings(ROOT / "pyproject.toml")
    mkdocs = re.search(r"^site_url:\s*(\S+)\s*$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    assert mkdocs is not None
    assert settings.site_url == mkdocs.group(1).rstrip("/") + "/"
    assert Project.at(ROOT).settings.site_url == settings.site_url


def test_a_site_url_that_is_not_an_http_address_is_refused(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.factsheet]\nsite_url = "example.org"\n', encoding="utf-8")
    with pytest.raises(FactsError, match="site_url"):
        read_settings(tmp_path / "pyproject.toml")


def test_built_site_serves_the_data_files_and_lists_every_page_in_its_sitemap(built_small_site, small_base):
    site = built_small_site / "site"
    for name in ("facts.json", "facts.schema.json", "events.atom", *CSV_FILES):
        assert (site / "data" / name).is_file()
    sitemap = ET.parse(site / "sitemap.xml").getroot()
    urls = {loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    for entity in [*small_base.actors.values(), *small_base.events.values(), *small_base.sources.values()]:
        kind = ROUTES.page(entity).split("/")[0]
        assert f"{SITE}{kind}/{entity.id}/" in urls
    for page in ("timeline/", "graph/", "open-data/"):
        assert f"{SITE}{page}" in urls


def test_built_pages_carry_open_graph_tags_and_json_ld(built_small_site, small_base):
    site = built_small_site / "site"
    html = (site / "actors" / "jens-stoltenberg" / "index.html").read_text(encoding="utf-8")
    name = small_base.actors["jens-stoltenberg"].name
    assert f'<meta property="og:title" content="{name}">' in html
    assert '<meta property="og:description" content="' in html
    assert '<meta property="og:type" content="profile">' in html
    assert '<meta property="og:locale" content="ar_AR">' in html
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert len(scripts) == 1
    assert json.loads(scripts[0])["@graph"][0]["name"] == name
    about = (site / "about" / "index.html").read_text(encoding="utf-8")  # hand-written: a plain WebPage
    fallback = re.findall(r'<script type="application/ld\+json">(.*?)</script>', about, re.DOTALL)
    assert json.loads(fallback[0])["@type"] == "WebPage"
