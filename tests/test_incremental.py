"""Incremental rendering equals a clean build, byte for byte, whatever the sequence of edits.

Hypothesis applies random edits, additions and deletions to the small real fact base (as validated
data), then checks after every step that the pages kept from before plus the pages rendered again are
exactly the pages a fresh renderer gives. Small index pages force letter pages, so that an edited
name can move an actor between them. Runs are bounded (max_examples) and take seconds.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.facts.load import load_file
from generator.facts.model import build_model
from generator.facts.validate import validate
from generator.project import Project, Rebuilder
from generator.site.context import Settings
from generator.site.incremental import IncrementalRenderer
from generator.site.render import Renderer

from .conftest import FIXTURES, ROOT
from .helpers import edit_facts

SMALL = validate(load_file(FIXTURES / "small_facts.yaml"), ROOT / "seeds")
TEXTS = {s["file"]: (ROOT / "seeds" / s["file"]).read_text(encoding="utf-8") for s in SMALL["sources"]}
SETTINGS = [Settings(), Settings(index_page_size=2, timeline_rows=2, neighbours=2, graph_actors=3)]
BOUNDED = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = ["نا", "ري", "سو", "ألف", "باء", "إيمان", "آمال", "zed", "Ali"]
TEXT = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
DATES = st.sampled_from(["2021-12-21", "2021-12-30", "2022-01-04", "2022-01-10", "2022-01-12", "2022-01-17"])
INDEX = st.integers(min_value=0, max_value=1_000)


def _pick(items: list[Any], n: int) -> Any:
    return items[n % len(items)]


def set_actor_field(data: dict, n: int, name: str, value: str) -> None:
    _pick(data["actors"], n)[name] = value


def set_event_field(data: dict, n: int, name: str, value: str) -> None:
    _pick(data["events"], n)[name] = value


def toggle_participant(data: dict, n: int, m: int) -> None:
    event, actor = _pick(data["events"], n), _pick(data["actors"], m)["id"]
    people = event.setdefault("participants", [])
    if actor in people:
        people.remove(actor)
    else:
        people.append(actor)


def move_quote(data: dict, n: int, m: int) -> None:
    if data["quotes"]:
        _pick(data["quotes"], n)["speaker"] = _pick(data["actors"], m)["id"]


def add_actor(data: dict, n: int, name: str, kind: str) -> None:
    ident = f"added-actor-{len(data['actors'])}-{n}"
    data["actors"].append({"id": ident, "kind": kind, "name": name, "name_latin": f"Added {n}",
                           "description": name, "sources": [data["sources"][0]["id"]]})
    toggle_participant(data, n, len(data["actors"]) - 1)


def add_event(data: dict, n: int, date: str, m: int) -> None:
    ident = f"added-event-{len(data['events'])}-{n}"
    data["events"].append({"id": ident, "title": f"حدث {n}", "kind": "meeting", "date": date, "status": "held",
                           "summary": "ملخص", "sources": [data["sources"][0]["id"]],
                           "participants": sorted({_pick(data["actors"], m)["id"], _pick(data["actors"], n)["id"]})})


def delete_actor(data: dict, n: int) -> None:
    if len(data["actors"]) < 3:
        return
    gone = data["actors"].pop(n % len(data["actors"]))["id"]
    for actor in data["actors"]:
        actor["roles"] = [r for r in actor.get("roles", []) if r.get("of") != gone]
        actor["member_of"] = [a for a in actor.get("member_of", []) if a != gone]
    for event in data["events"]:
        event["participants"] = [a for a in event.get("participants", []) if a != gone]
        if event.get("chair") == gone:
            del event["chair"]
    data["quotes"] = [q for q in data["quotes"] if q["speaker"] != gone]
    for claim in data["claims"]:
        claim["about"] = [a for a in claim.get("about", []) if a != gone]


def delete_event(data: dict, n: int) -> None:
    if len(data["events"]) < 2:
        return
    gone = data["events"].pop(n % len(data["events"]))["id"]
    for event in data["events"]:
        event["follows"] = [e for e in event.get("follows", []) if e != gone]
    for quote in data["quotes"]:
        if quote.get("event") == gone:
            del quote["event"]
    for claim in data["claims"]:
        claim["about"] = [a for a in claim.get("about", []) if a != gone]


EDITS = st.one_of(
    st.tuples(st.just(set_actor_field), INDEX, st.sampled_from(["name", "description", "name_latin"]), TEXT),
    st.tuples(st.just(set_actor_field), INDEX, st.just("kind"), st.sampled_from(["person", "institution", "state"])),
    st.tuples(st.just(set_event_field), INDEX, st.sampled_from(["title", "summary", "place"]), TEXT),
    st.tuples(st.just(set_event_field), INDEX, st.just("date"), DATES),
    st.tuples(st.just(toggle_participant), INDEX, INDEX),
    st.tuples(st.just(move_quote), INDEX, INDEX),
    st.tuples(st.just(add_actor), INDEX, TEXT, st.sampled_from(["person", "institution", "state"])),
    st.tuples(st.just(add_event), INDEX, DATES, INDEX),
    st.tuples(st.just(delete_actor), INDEX),
    st.tuples(st.just(delete_event), INDEX),
)


def modelled(data: dict) -> tuple:
    return (build_model(copy.deepcopy(data), TEXTS),)


def given_data(data: dict, narrowed: bool) -> tuple:
    """With ``narrowed``, the validated data goes to the renderer too, so that it compares only the
    entities an edit concerns; without, it compares every entity."""
    return (copy.deepcopy(data), TEXTS) if narrowed else ()


def clean_render(data: dict, site: Settings) -> dict[str, str | bytes]:
    return Renderer(build_model(copy.deepcopy(data), TEXTS), site).pages()


@pytest.mark.parametrize("site", SETTINGS, ids=["default", "tiny-pages"])
@BOUNDED
@given(edits=st.lists(EDITS, min_size=1, max_size=6), narrowed=st.booleans())
def test_incremental_render_equals_a_clean_render(site: Settings, edits: list[tuple], narrowed: bool):
    data = copy.deepcopy(SMALL)
    incremental = IncrementalRenderer()
    pages = dict(incremental.render(*modelled(data), site, *given_data(data, narrowed)).pages)
    for edit, *arguments in edits:
        edit(data, *arguments)
        rendered = incremental.render(*modelled(data), site, *given_data(data, narrowed))
        pages = {path: rendered.pages.get(path, pages.get(path)) for path in sorted(rendered.paths)}
        assert pages == clean_render(data, site), f"after {edit.__name__}{tuple(arguments)}"


def test_an_edited_description_renders_only_the_pages_that_show_it():
    data = copy.deepcopy(SMALL)
    incremental = IncrementalRenderer()
    first = incremental.render(build_model(copy.deepcopy(data), TEXTS), Settings())
    assert first.full and first.units == first.total
    lavrov = next(a for a in data["actors"] if a["id"] == "sergei-lavrov")
    lavrov["description"] = "وزير خارجية روسيا."
    second = incremental.render(build_model(copy.deepcopy(data), TEXTS), Settings())
    assert not second.full
    # His page and the open data (one group, drawn together) show the description; no other page does.
    assert [p for p in second.pages if not p.startswith("data/") and p != "open-data.md"] == [
        "actors/sergei-lavrov.md"]


def test_rebuilder_writes_only_what_changed_and_matches_a_clean_build(small_project):
    project = Project.at(small_project)
    rebuilder = Rebuilder()
    first, _ = rebuilder.build(project)
    assert first.written
    edit_facts(small_project, "وزير الخارجية الروسي.", "وزير خارجية روسيا.")
    report, rendered = rebuilder.build(project)
    assert "actors/sergei-lavrov.md" in report.written and not rendered.full
    assert rendered.units < rendered.total / 4
    on_disk = {p: (project.docs / p).read_bytes() for p in rendered.paths}
    clean = Renderer(build_model(validate(load_file(project.facts), project.seeds), TEXTS), project.settings).pages()
    assert on_disk == {p: c.encode("utf-8") if isinstance(c, str) else c for p, c in clean.items()}
