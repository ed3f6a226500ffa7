"""Rules: what the facts must mean, once every item has the right shape and every reference resolves.

Each rule is a small function of the normalised data that reports through the Reporter; RULES lists
them in the order they run. Adding a rule is one function and one line in RULES.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .load import Path_
from .report import Reporter

Data = dict[str, list[dict[str, Any]]]


def inferred_dates_are_explained(data: Data, report: Reporter) -> None:
    for i, source in enumerate(data["sources"]):
        if source.get("date_inferred") and "date_note" not in source:
            report.complain(("sources", i), "date_inferred is true: explain the inference in `date_note`",
                            "date_inferred صحيح: اشرح الاستنتاج في `date_note`")


def events_end_after_they_start(data: Data, report: Reporter) -> None:
    for i, event in enumerate(data["events"]):
        if "end_date" in event and event["end_date"] < event["date"]:
            report.complain(("events", i, "end_date"), "end_date is before date; swap them or fix one",
                            "end_date قبل date؛ بدّلهما أو صحّح أحدهما")


def held_events_precede_their_sources(data: Data, report: Reporter) -> None:
    published = _published(data)
    for i, event in enumerate(data["events"]):
        if event["status"] == "held":
            _not_after_sources(report, event["date"], event["sources"], published, ("events", i, "date"),
                               "a held event", "حدث منعقد")


def quotes_precede_their_sources(data: Data, report: Reporter) -> None:
    published = _published(data)
    for i, quote in enumerate(data["quotes"]):
        _not_after_sources(report, quote["said_on"], quote["sources"], published, ("quotes", i, "said_on"),
                           "a quote", "اقتباس")


def events_do_not_follow_themselves(data: Data, report: Reporter) -> None:
    for i, event in enumerate(data["events"]):
        if event["id"] in event.get("follows", []):
            report.complain(("events", i, "follows"), "an event cannot follow itself", "لا يمكن أن يلي الحدث نفسه")


def follows_has_no_cycle(data: Data, report: Reporter) -> None:
    """A chain of ``follows`` that comes back to where it started would make a page list one event as both
    before and after another. Iterative depth-first search: linear, and no recursion limit."""
    events = data["events"]
    position = {e["id"]: i for i, e in enumerate(events)}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in events:
        if start["id"] in state:
            continue
        stack = [(start["id"], iter(start.get("follows", [])))]
        state[start["id"]] = 1
        while stack:
            ident, rest = stack[-1]
            nxt = next(rest, None)
            if nxt is None:
                state[ident] = 2
                stack.pop()
            elif nxt == ident or nxt not in position:
                continue  # following itself is reported by its own rule
            elif state.get(nxt) == 1:
                on_path = [step for step, _ in stack]
                chain = " → ".join([*on_path[on_path.index(nxt):], nxt])
                i = position[ident]
                report.complain(("events", i, "follows", events[i]["follows"].index(nxt)),
                                f"`follows` goes round in a circle ({chain}); an event cannot come after itself: "
                                "remove one of these links",
                                f"سلسلة `follows` دائرية ({chain})؛ لا يمكن أن يأتي حدث بعد نفسه: "
                                "احذف أحد هذه الروابط")
            elif nxt not in state:
                state[nxt] = 1
                stack.append((nxt, iter(events[position[nxt]].get("follows", []))))


def actors_are_not_members_of_themselves(data: Data, report: Reporter) -> None:
    for i, actor in enumerate(data["actors"]):
        if actor["id"] in actor.get("member_of", []):
            report.complain(("actors", i, "member_of", actor["member_of"].index(actor["id"])),
                            "an actor cannot be a member of itself; remove it",
                            "لا يمكن أن يكون الفاعل عضوًا في نفسه؛ احذفه")


def claims_do_not_dispute_themselves(data: Data, report: Reporter) -> None:
    for i, claim in enumerate(data["claims"]):
        if claim["id"] in claim.get("disputes", []):
            report.complain(("claims", i, "disputes"), "a claim cannot dispute itself",
                            "لا يمكن أن يعارض الادعاء نفسه")


RULES: tuple[Callable[[Data, Reporter], None], ...] = (
    inferred_dates_are_explained,
    events_end_after_they_start,
    held_events_precede_their_sources,
    events_do_not_follow_themselves,
    follows_has_no_cycle,
    actors_are_not_members_of_themselves,
    quotes_precede_their_sources,
    claims_do_not_dispute_themselves,
)
"""Every rule, in the order it runs."""


def check_rules(data: Data, report: Reporter) -> None:
    """Run every rule on data whose shape and references have passed."""
    for rule in RULES:
        rule(data, report)


def _published(data: Data) -> dict[str, str]:
    return {s["id"]: s["published"] for s in data["sources"]}


def _not_after_sources(report: Reporter, date: str, sources: Iterable[str], published: dict[str, str],
                       path: Path_, what: str, what_ar: str) -> None:
    latest = max(published[s] for s in sources)
    if date > latest:
        report.complain(path, f"{what} dated {date} cannot be reported by sources published by {latest}; "
                              "check the date or the sources",
                        f"لا يمكن أن تذكر مصادرُ منشورة حتى {latest} {what_ar} بتاريخ {date}؛ "
                        "تحقق من التاريخ أو المصادر")
