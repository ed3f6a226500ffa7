"""A Python-Markdown extension: the generator's pictures go through Markdown untouched and unparsed.

Every actor page carries its pictures as inline SVG (generator/site/visual/), about three quarters of
the page's bytes. Markdown would pass them through unchanged anyway, as raw HTML blocks, but only after
Python's HTML parser had read them tag by tag, and md_in_html reads them a second time: at 10,000 actors
that was the largest single cost of `mkdocs build` (issue 14's profile). This preprocessor stashes each
picture figure before those parsers run, exactly as they would have stashed it, so the HTML is the same
byte for byte and the parsers read only the rest of the page.

Listed in mkdocs.yml's markdown_extensions, so MkDocs and Zensical both use it. Only a figure written by
the generator's templates qualifies: it opens on a line of its own with ``<figure class="fact-visual``
and closes at the next line that is exactly ``</figure>``. Facts never reach such a line unescaped
(generator/site/markup.py), and hand-written pages are converted as usual.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

FIGURE = re.compile(r'^<figure class="fact-visual[ "][^\n]*\n.*?\n</figure>$', re.MULTILINE | re.DOTALL)
"""A picture block as the templates write it: its opening line, its content, its closing line."""


class _StashFigures(Preprocessor):
    """Replaces each picture block by a placeholder of Markdown's own raw-HTML stash.

    It runs after whitespace normalisation (priority 30), which strips the stash's marker characters
    from the source so that no page can forge a placeholder, and before the HTML block parser (20).
    Markdown's last step puts the block back in place of the placeholder, unwrapped from <p> since
    <figure> is block-level.
    """

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        if "fact-visual" not in source:
            return lines
        # With its line break, as the HTML block parser stores a block: the page is then the same byte for byte.
        stashed = FIGURE.sub(lambda match: self.md.htmlStash.store(match.group() + "\n"), source)
        return stashed.split("\n")


class VerbatimFigures(Extension):
    """Registers the preprocessor; mkdocs.yml names this module, Markdown calls makeExtension."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_StashFigures(md), "factsheet_figures", 25)


def makeExtension(**kwargs: object) -> VerbatimFigures:
    return VerbatimFigures(**kwargs)
