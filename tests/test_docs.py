"""The README's worked examples stay true: each one is valid against the real fact base."""

from __future__ import annotations

import re

import pytest

from generator.facts.load import load_file, load_yaml
from generator.facts.validate import validate

from .helpers import ROOT

EXAMPLES = re.findall(r"```yaml\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


def test_the_readme_has_an_example_for_an_actor_an_event_and_a_quote():
    sections = {next(iter(load_yaml(block, "README.md").data)) for block in EXAMPLES}
    assert sections == {"actors", "events", "quotes"}


@pytest.mark.parametrize("block", EXAMPLES)
def test_readme_example_validates_in_place_of_the_real_entry(block):
    loaded = load_file(ROOT / "data" / "facts.yaml")
    [(section, [example])] = load_yaml(block, "README.md").data.items()
    items = loaded.data[section]
    [index] = [i for i, item in enumerate(items) if item["id"] == example["id"]]
    items[index] = example
    validate(loaded, ROOT / "seeds")
