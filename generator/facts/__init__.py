"""The facts: load data/facts.yaml, check it against its schema, and link it into a model."""
