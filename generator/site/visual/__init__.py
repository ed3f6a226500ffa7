"""Pictures drawn as inline SVG: month timelines, the who-met-whom graph, each actor's strip and neighbourhood."""
