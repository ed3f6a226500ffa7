"""Markup: fact text made safe for a Markdown page, whatever it contains.

Every string that comes from facts.yaml passes through ``md`` (or ``attr`` inside an HTML attribute)
before it reaches a page: Markdown and HTML syntax in a fact is shown as text, never interpreted.
"""

from __future__ import annotations

import re
from typing import Any

from ..facts.model import Claim, Quote
from ..facts.text import QUOTE_MARKS
from .inert import ensure_inert

# Characters that Markdown or HTML could give a meaning to. Replacing each by a numeric character
# reference keeps its look and removes its meaning, whatever extension the Markdown engine runs.
_MARKDOWN_ACTIVE = "\\`*_{}[]()<>#+-.!|~:=^$&\"'" + "@%;/"
_ESCAPES = str.maketrans({c: f"&#{ord(c)};" for c in _MARKDOWN_ACTIVE})
_ATTRIBUTE = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'`="})

# A run of Latin-script words (a name, an acronym, an address) inside Arabic text.
_LATIN_RUN = re.compile(r"[A-Za-z](?:[A-Za-z0-9'’.:/?=&%_#+@\- ]*[A-Za-z0-9/])?")


def md(value: Any) -> str:
    """Text safe to place anywhere in a Markdown line: no markup, no line break, Latin runs isolated.

    The result is proven inert by a Markdown parser (inert.py) before any page uses it.
    """
    text = str(value)
    return ensure_inert(text, isolate_latin(" ".join(text.split())))


def escape(value: Any) -> str:
    """Like ``md`` without isolating Latin runs: for text already isolated as a whole."""
    text = str(value)
    return ensure_inert(text, " ".join(text.split()).translate(_ESCAPES))


def isolate_latin(text: str) -> str:
    """``text`` escaped, each Latin-script run in a ``<bdi>`` so it keeps its order inside Arabic."""
    pieces, position = [], 0
    for run in _LATIN_RUN.finditer(text):
        pieces.append(text[position:run.start()].translate(_ESCAPES))
        pieces.append(f"<bdi>{run.group().translate(_ESCAPES)}</bdi>")
        position = run.end()
    pieces.append(text[position:].translate(_ESCAPES))
    return "".join(pieces)


def attr(value: Any) -> str:
    """Text safe inside a double-quoted HTML attribute."""
    return " ".join(str(value).split()).translate(_ATTRIBUTE)


def one_per_dispute(claims: list[Claim]) -> list[Claim]:
    """``claims`` without those already shown inside a rival's "differing accounts" box."""
    shown: set[Claim] = set()
    kept = []
    for claim in claims:
        if not shown.intersection(claim.disputes):
            kept.append(claim)
        shown.add(claim)
    return kept


def paragraphs(value: str) -> list[str]:
    """Escaped paragraphs of a multi-line text (blank lines separate them)."""
    blocks = [" ".join(block.split()) for block in value.replace("\r\n", "\n").split("\n\n")]
    return [md(b) for b in blocks if b]



def latin(value: str) -> str:
    """Latin-script text isolated so it keeps its order inside Arabic."""
    return f'<bdi dir="ltr" lang="en">{escape(value)}</bdi>'


def quoted(value: str) -> str:
    """A quote's words between Arabic guillemets, its own marks made uniform."""
    inner = " ".join(value.split()).strip(QUOTE_MARKS + " ")
    return f"«{md(inner)}»"


def excerpt(quote: Quote, limit: int = 120) -> str:
    """The start of a quote, cut at a word boundary, escaped (and between guillemets when direct)."""
    text = " ".join(quote.text.split()).strip(QUOTE_MARKS + " ")
    if len(text) > limit:
        text = text[: text.rfind(" ", 0, limit) if " " in text[:limit] else limit] + " …"
    return quoted(text) if quote.kind == "direct" else md(text)


def highlight(text: str, spans: list[tuple[int, int, str, str]]) -> list[str]:
    """Escaped paragraphs of ``text`` with ``<mark id=…>`` around each (start, end, id, class) span.

    A span that overlaps an earlier one is not wrapped again; it gets an empty anchor at its start so
    links to it still land. A mark that crosses a paragraph break is closed and reopened.
    """
    pieces: list[str] = []
    position = 0
    open_until = -1
    for start, end, ident, css in spans:
        if start < open_until:
            continue
        pieces.append(_escape_keep_newlines(text[position:start]))
        inner = text[start:end]
        # Spans starting inside this one (or at the same place) are not wrapped again; anchors keep links to them.
        nested = [f'<a id="{attr(i)}"></a>' for s, _, i, _ in spans if start <= s < end and i != ident]
        opening = f'<mark id="{attr(ident)}" class="{attr(css)}">'
        body = _escape_keep_newlines(inner).replace("\n", f'</mark>\n<mark class="{attr(css)}">')
        pieces.append(opening + "".join(nested) + body + "</mark>")
        position = end
        open_until = end
    pieces.append(_escape_keep_newlines(text[position:]))
    lines = (_EMPTY_MARK.sub("", line).strip() for line in "".join(pieces).split("\n"))
    return [line for line in lines if line]


_EMPTY_MARK = re.compile(r'<mark class="[^"]*">\s*</mark>')
_BLANKS = re.compile(r"[^\S\n]+")


def _escape_keep_newlines(text: str) -> str:
    return "\n".join(isolate_latin(line) for line in _BLANKS.sub(" ", text).split("\n"))
