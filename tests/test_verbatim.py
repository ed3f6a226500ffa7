"""The pictures pass through Markdown unparsed and unchanged (generator/integrations/verbatim.py)."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from markdown.preprocessors import Preprocessor
from mkdocs.config import load_config

from generator.integrations.verbatim import FIGURE

ROOT = Path(__file__).resolve().parent.parent


class _Probe(Preprocessor):
    """Records what the HTML block parser (priority 20) is given to read."""

    def __init__(self, md: markdown.Markdown, seen: list[str]) -> None:
        super().__init__(md)
        self.seen = seen

    def run(self, lines: list[str]) -> list[str]:
        self.seen.append("\n".join(lines))
        return lines


def _convert(text: str, names: list[str], configs: dict) -> tuple[str, str]:
    """The HTML of ``text``, and what Markdown's HTML parser read of it."""
    seen: list[str] = []
    md = markdown.Markdown(extensions=names, extension_configs=configs)
    md.preprocessors.register(_Probe(md, seen), "probe", 21)
    return md.convert(text), seen[0]


@pytest.fixture(scope="module")
def markdown_config() -> tuple[list[str], dict]:
    """The Markdown extensions and their settings, as MkDocs reads them from mkdocs.yml."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return list(config.markdown_extensions), dict(config.mdx_configs)


def test_mkdocs_yml_names_the_extension(markdown_config):
    names, _ = markdown_config
    assert "generator.integrations.verbatim" in names


def test_a_generated_page_converts_to_the_same_html_with_its_pictures_unparsed(built_small_site, markdown_config):
    names, configs = markdown_config
    page = next(p for p in sorted((built_small_site / "docs" / "actors").glob("*.md"))
                if "fact-visual" in p.read_text(encoding="utf-8"))
    body = page.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    pictures = FIGURE.findall(body)
    assert pictures and all("<svg" in p for p in pictures)

    html, parsed = _convert(body, names, configs)
    plain, parsed_plain = _convert(body, [n for n in names if n != "generator.integrations.verbatim"], configs)

    assert html == plain  # the same page, byte for byte
    assert "<svg" in parsed_plain and "<svg" not in parsed  # but the HTML parser never read the pictures
    for picture in pictures:
        assert picture + "\n" in html


def test_only_the_generators_figures_are_stashed(markdown_config):
    names, configs = markdown_config
    text = ('Intro *text*.\n\n<figure class="hand-made">\n<svg><text>a</text></svg>\n</figure>\n\n'
            '<figure class="fact-visual fact-strip">\n<svg><text>b</text></svg>\n</figure>\n\nEnd.\n')
    html, parsed = _convert(text, names, configs)
    assert '<svg><text>a</text></svg>' in parsed  # hand-written HTML is read as usual
    assert '<svg><text>b</text></svg>' not in parsed
    assert '<figure class="fact-visual fact-strip">\n<svg><text>b</text></svg>\n</figure>' in html
    assert "<p>Intro <em>text</em>.</p>" in html and "<p>End.</p>" in html
