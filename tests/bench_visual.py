"""Benchmark: pictures, open-data files and JSON-LD on a large synthetic fact base. Prints figures; asserts nothing.

    python -m tests.bench_visual [--actors N] [--events N]

Run by `make bench`. The fact base is the real one plus N synthetic people and N synthetic meetings, all
in the first half of January 2022: one very busy month, the worst case for the timeline.
"""

from __future__ import annotations

import argparse

from generator.facts.model import build_model
from generator.site.export import atom_feed, csv_bytes, csv_rows, csv_tables, facts_json
from generator.site.render import Renderer, Settings

from .bench_pipeline import timed
from .helpers import ROOT, ROUTES
from .synthetic import synthetic_facts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=1_000)
    args = parser.parse_args()
    data = synthetic_facts(args.actors, args.events)
    texts = {s["file"]: (ROOT / "seeds" / s["file"]).read_text(encoding="utf-8") for s in data["sources"]}
    base = build_model(data, texts)
    print(f"synthetic fact base: {len(base.actors):,} actors, {len(base.events):,} events, "
          f"{len(base.quotes):,} quotes")
    settings = Settings(site_url="https://example.org/factsheet/")
    renderer = Renderer(base, settings)
    visuals = renderer.visuals

    graph = timed("who-met-whom graph (all pairs)", lambda: visuals.graph)
    print(f"    {len(graph.weights):,} weighted edges between {len(graph.neighbours):,} actors")
    months = timed("timeline: every month's pictures", lambda: visuals.months("timeline.md"))
    pictures = [p for m in months for p in m.pictures]
    print(f"    {len(pictures)} pictures, {sum(map(len, pictures)) / 1e6:.2f} MB of SVG")
    svg, shown, edges = timed("main graph: layout + SVG", lambda: visuals.main_graph("graph.md"))
    print(f"    {len(shown)} actors and {len(edges)} edges drawn, {len(svg) / 1e3:.0f} kB")
    actors = list(base.actors.values())
    strips = timed("actor pages: small timelines (all actors)",
                   lambda: [visuals.actor_strip(a, ROUTES.page(a)) for a in actors])
    hoods = timed("actor pages: neighbourhoods (all actors)",
                  lambda: [visuals.neighbourhood(a, ROUTES.page(a)) for a in actors])
    print(f"    {sum(map(len, strips)) / 1e6:.1f} MB + {sum(map(len, hoods)) / 1e6:.1f} MB of SVG")

    document = timed("facts.json", lambda: facts_json(base))
    rows = csv_rows(base)
    tables = csv_tables(settings.site_url)
    csvs = timed("CSV files (5)", lambda: [csv_bytes(columns, rows[name]) for name, (_, columns) in tables.items()])
    feed = timed("Atom feed", lambda: atom_feed(base, settings.site_url))
    print(f"    facts.json {len(document) / 1e6:.1f} MB, CSV {sum(map(len, csvs)) / 1e6:.1f} MB, "
          f"feed {len(feed) / 1e6:.1f} MB")
    metadata = renderer.metadata
    paths = [ROUTES.page(x) for x in (*actors, *base.events.values(), *base.sources.values())]
    timed(f"JSON-LD front matter ({len(paths):,} pages)", lambda: [metadata.front_matter(p) for p in paths])


if __name__ == "__main__":
    main()
