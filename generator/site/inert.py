"""Text stays text, proven by a Markdown parser: the second line of defence behind the escaping in markup.py.

Every fact string that reaches a page goes through ``md`` or ``escape``, which turn every character
Markdown or HTML could act on into a numeric character reference. This module checks the result the
way a reader's page would see it: the escaped text is parsed by markdown-it-py in each context a
template puts fact text in (paragraph, table cell, list item, blockquote, heading). Whatever it
contains, the parse must be the context's own markup around plain text; the only inline HTML
allowed is the ``<bdi>`` isolation the escaping itself adds. Anything else (a link, an image,
emphasis, raw HTML, a heading or list made from fact text) stops the build with MarkupLeak, which
the pipeline turns into an error located at the field.

Parsing every string would cost seconds at 10,000 actors, so a string is parsed only if something
other than letters, spaces, the escaping's own character references and ``<bdi>`` tags is left in
it: Markdown's syntax is made of ASCII punctuation, line starts and indentation, so text with none
of those can only parse as text. Each distinct string is checked once per process.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
"""CommonMark plus the extensions Python-Markdown's tables and Material's extras give a meaning to."""

CONTEXTS = {
    "paragraph": "{}\n",
    "table cell": "| a |\n|---|\n| {} |\n",
    "list item": "- {}\n",
    "blockquote": "> {}\n",
    "heading": "## {}\n",
}
"""Where templates place fact text, each with ``{}`` standing for the text."""

_SAFE_PIECES = re.compile(r"&#[0-9]+;|</?bdi(?: dir=\"ltr\" lang=\"en\")?>")
"""What the escaping itself writes: numeric character references and Latin-run isolation."""
_INERT = re.compile(r"[^\x00-\x7f]|[A-Za-z0-9 ]")
_BDI = re.compile(r"</?bdi(?: dir=\"ltr\" lang=\"en\")?>")
_ALLOWED_INLINE = frozenset({"text", "softbreak"})

_checked: set[str] = set()


class MarkupLeak(Exception):
    """Fact text that the parser reads as markup: the raw value, the context and what it became."""

    def __init__(self, value: str, context: str, token: str) -> None:
        super().__init__(f"{context}: {token}")
        self.value = value
        """The fact text as written in facts.yaml."""
        self.context = context
        """Where it was placed, e.g. ``table cell``."""
        self.token = token
        """The markup it produced, e.g. ``link_open``."""


def _shape(tokens: list[Token]) -> list[str]:
    return [t.type for t in tokens]


_EXPECTED = {name: _shape(_PARSER.parse(template.format("x"))) for name, template in CONTEXTS.items()}


def needs_parsing(escaped: str) -> bool:
    """Whether ``escaped`` holds anything but letters, digits, spaces and the escaping's own pieces."""
    rest = _SAFE_PIECES.sub("", escaped)
    return bool(_INERT.sub("", rest))


def ensure_inert(value: str, escaped: str) -> str:
    """``escaped`` unchanged, after proving it parses as plain text in every context; MarkupLeak otherwise."""
    if escaped in _checked:
        return escaped
    if needs_parsing(escaped) or "\n" in escaped:
        for context, template in CONTEXTS.items():
            problem = _markup_in(_PARSER.parse(template.format(escaped)), _EXPECTED[context])
            if problem:
                raise MarkupLeak(value, context, problem)
    _checked.add(escaped)
    return escaped


def _markup_in(tokens: list[Token], expected: list[str]) -> str:
    """The first token that the context's own markup does not account for, or ""."""
    if _shape(tokens) != expected:
        extra = [t for t in _shape(tokens) if t not in expected] or _shape(tokens)
        return extra[0]
    for token in tokens:
        for child in token.children or []:
            if child.type in _ALLOWED_INLINE:
                continue
            if child.type == "html_inline" and _BDI.fullmatch(child.content):
                continue
            return child.type if child.type != "html_inline" else f"html_inline {child.content!r}"
    return ""
