"""Synthetic fact bases of any size, built on the real one so every provenance check still holds."""

from __future__ import annotations

import random
from pathlib import Path

import yaml

from generator.facts.load import Loader

ROOT = Path(__file__).resolve().parent.parent
_SYLLABLES = ["نا", "ري", "سو", "كا", "لي", "مو", "دا", "بي", "تو", "فا", "زي", "هو", "جا", "شي", "رو", "غا"]


def synthetic_name(rng: random.Random) -> str:
    """A pronounceable made-up Arabic name of two words."""
    return " ".join("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))) for _ in range(2))


def synthetic_facts(actors: int, events: int, quotes_per_event: int = 1, seed: int = 1) -> dict:
    """The real fact base plus ``actors`` people and ``events`` meetings between them."""
    rng = random.Random(seed)
    data = yaml.load((ROOT / "data" / "facts.yaml").read_text(encoding="utf-8"), Loader=Loader)
    source_ids = [s["id"] for s in data["sources"] if s["published"] >= "2022-01-18"]
    real_quotes = [q for q in data["quotes"] if set(q["sources"]) <= set(source_ids)]
    new_actors = [
        {"id": f"synthetic-actor-{i:05d}", "kind": "person", "name": synthetic_name(rng),
         "name_latin": f"Synthetic Actor {i}", "description": "شخصية اختبارية لقياس الأداء.",
         "sources": [rng.choice(source_ids)]}
        for i in range(actors)
    ]
    ids = [a["id"] for a in new_actors]
    new_events, new_quotes = [], []
    for i in range(events):
        day = f"2022-01-{rng.randint(1, 17):02d}"
        participants = sorted(rng.sample(ids, k=min(len(ids), rng.randint(2, 5))))
        new_events.append({"id": f"synthetic-meeting-{i:05d}", "title": f"اجتماع اختباري {i}", "kind": "meeting",
                           "date": day, "status": "held", "participants": participants,
                           "summary": "اجتماع اختباري لقياس الأداء.", "sources": [source_ids[0]]})
        for j in range(quotes_per_event):
            quote = real_quotes[(i + j) % len(real_quotes)]
            new_quotes.append({**quote, "id": f"synthetic-quote-{i:05d}-{j}", "speaker": participants[0],
                               "said_on": day, "event": f"synthetic-meeting-{i:05d}"})
    data["actors"] += new_actors
    data["events"] += new_events
    data["quotes"] += new_quotes
    return data


class _NoAliasDumper(yaml.SafeDumper):
    """Writes shared lists out in full: the loader rightly refuses aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def write_synthetic_facts(path: Path, actors: int, events: int, quotes_per_event: int = 1) -> Path:
    """Write a synthetic fact base as YAML to ``path``."""
    text = yaml.dump(synthetic_facts(actors, events, quotes_per_event), Dumper=_NoAliasDumper, allow_unicode=True,
                     sort_keys=False, width=1000)
    path.write_text(text, encoding="utf-8")
    return path
