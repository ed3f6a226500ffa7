"""Model: every cross-reference exists in both directions and lists come sorted."""

from __future__ import annotations

import pytest

from generator.facts.text import provenance_key

from .helpers import ROOT, fact_base


@pytest.fixture(scope="module")
def small_base(small_facts):
    return fact_base(small_facts)


@pytest.fixture(scope="module")
def real_base():
    return fact_base(ROOT / "data" / "facts.yaml")


def test_actor_knows_the_events_it_chaired_or_joined(small_base):
    stoltenberg = small_base.actors["jens-stoltenberg"]
    assert [e.id for e in stoltenberg.events] == ["nato-russia-council-2022-01-12", "stoltenberg-tweet-2022-01-18"]
    council = small_base.events["nato-russia-council-2022-01-12"]
    assert council.chair is stoltenberg
    assert [a.id for a in council.people] == ["jens-stoltenberg", "nato", "russia"]


def test_quotes_link_speaker_event_and_sources_both_ways(small_base):
    quote = small_base.quotes["stoltenberg-calls-for-dialogue"]
    assert quote in quote.speaker.quotes
    assert quote.event is not None and quote in quote.event.quotes
    assert all(quote in source.quotes for source in quote.sources)


def test_event_sequence_is_linked_forwards_and_backwards(small_base):
    council = small_base.events["nato-russia-council-2022-01-12"]
    tweet = small_base.events["stoltenberg-tweet-2022-01-18"]
    assert tweet.follows == [council]
    assert council.followed_by == [tweet]


def test_roles_make_the_person_a_member_of_the_institution(small_base):
    nato = small_base.actors["nato"]
    assert [a.id for a in nato.members] == ["jens-stoltenberg"]
    assert nato.members[0].roles[0].of is nato


def test_claims_attach_to_actors_and_events(small_base):
    assert [c.id for c in small_base.actors["russia"].claims] == ["troops-100000"]
    assert [c.id for c in small_base.events["nato-russia-council-2022-01-12"].claims] == ["council-first-since-2019"]


def test_quote_offsets_point_at_the_quoted_words_in_the_article(real_base):
    located = 0
    for quote in real_base.quotes.values():
        for source in quote.sources:
            start, end = quote.offsets[source.id]
            assert provenance_key(source.text[start:end]) == provenance_key(quote.text)
            located += 1
    assert located >= len(real_base.quotes)


def test_source_lists_its_quotes_in_reading_order(real_base):
    for source in real_base.sources.values():
        starts = [q.offsets[source.id][0] for q in source.quotes]
        assert starts == sorted(starts)


def test_disputes_are_symmetric(real_base):
    disputed = [c for c in real_base.claims.values() if c.disputes]
    assert disputed, "the fact base records at least one discrepancy between sources"
    for claim in disputed:
        for other in claim.disputes:
            assert claim in other.disputes


def test_named_actors_from_the_issue_are_all_present(real_base):
    latin = {a.name_latin.split()[-1] for a in real_base.actors.values() if a.kind == "person"}
    for surname in ("Stoltenberg", "Lavrov", "Scholz", "Baerbock", "Zakharova", "Ryabkov", "Sherman", "Borrell",
                    "Biden", "Blinken", "Price", "Putin", "Peskov"):
        assert surname in latin


def test_every_spelling_listed_in_the_issue_is_an_alias(real_base):
    spellings = {name for a in real_base.actors.values() for name in a.names}
    for variant in ("ستولتنبرغ", "ستولتنبرج", "بلينكن", "بلينكين", "لافرورف"):
        assert any(variant in s for s in spellings), variant
