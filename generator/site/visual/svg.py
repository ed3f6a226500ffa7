"""Shared SVG helpers of the pictures: elements, text, one-line serialisation, sizes and colours.

Elements are built with xml.etree, whose serializer escapes every fact string. Every picture comes in
two layouts (see ``both``): a wide one drawn along a horizontal time axis, and a narrow one for phones,
one row per item, whose text stays at least 13 units high in a viewBox about as wide as a phone's
column, so that no label is drawn under 12 CSS px on a 390 px screen. The stylesheet shows one or the
other by the width of the figure (docs/stylesheets/visual.css).
"""

from __future__ import annotations

import datetime as dt
import functools
import xml.etree.ElementTree as ET
from collections.abc import Callable

Scale = Callable[[float], float]
"""Date (day of month or ordinal) → x coordinate."""
SVG_NS = "http://www.w3.org/2000/svg"
KIND_COLOURS = {"person": "#3949ab", "institution": "#00897b", "state": "#e65100"}
"""Node fill per actor kind; the graph page's legend repeats them."""
EVENT_COLOUR = "#3949ab"
QUOTE_COLOUR = "#c2185b"
MUTED = "#5f5f5f"
GRID = "#d8d8e0"
HALO = {"stroke": "#ffffff", "stroke-width": "3", "stroke-linejoin": "round", "paint-order": "stroke"}
"""A white outline under text so labels stay readable where they cross lines."""
EM_PER_CHAR = 0.5
"""Generous average advance of one character, in ems: Arabic letters average about 0.4, Latin ones 0.55."""
SMALLEST = 13
"""Smallest font size of any label, in viewBox units. The wide pictures are shown at least 600 px wide
for a viewBox of at most 640 (scale ≥ 0.94) and the narrow ones at about their own width: ≥ 12 CSS px."""
NARROW_WIDTH = 360
"""ViewBox width of the narrow layouts: a 390 px phone gives the picture about 358 CSS px."""
TARGET = 26
"""Side of the invisible square under a small marker: a tap target of at least 24 CSS px (WCAG 2.5.8)."""


def number(value: float) -> str:
    """A coordinate with at most one decimal: stable text, small files."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


@functools.cache
def _attribute_name(key: str) -> str:
    """Python keyword → SVG attribute: ``class_`` → ``class``, ``text_anchor`` → ``text-anchor``."""
    return key.rstrip("_").replace("_", "-")


def attrs(values: dict[str, object]) -> dict[str, str]:
    """Attribute values as text, floats rounded, ``None`` left out."""
    return {_attribute_name(key): number(value) if isinstance(value, float) else str(value)
            for key, value in values.items() if value is not None}


def add(parent: ET.Element, tag: str, text: str | None = None, **values: object) -> ET.Element:
    """A child element; ``class_`` → class, ``text_anchor`` → text-anchor, floats rounded."""
    element = ET.SubElement(parent, tag, attrs(values))
    if text is not None:
        element.text = " ".join(text.split())
    return element


def svg(width: float, height: float, label: str, ident: str, css: str) -> ET.Element:
    """Root element with a <title> naming the picture, right-to-left text and no fixed pixel size.

    A plain group role: a picture made of links needs no role of its own, and ``img`` would hide them.
    """
    root = ET.Element("svg", attrs({
        "xmlns": SVG_NS, "viewBox": f"0 0 {number(width)} {number(height)}", "width": float(width),
        "height": float(height), "class": css, "direction": "rtl", "role": "group",
        "aria-labelledby": f"{ident}-title", "id": ident,
    }))
    add(root, "title", label, id=f"{ident}-title")
    return root


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attribute(value: str) -> str:
    # Line breaks and tabs as references: an XML parser would otherwise turn them into spaces.
    return (_escape_text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;")
            .replace("\t", "&#9;"))


def serialize(root: ET.Element) -> str:
    """The element as XML text on one line, every text and attribute value escaped.

    One line because a blank line would end the raw HTML block that carries the SVG through Markdown.
    Written here rather than with ET.tostring, which spends most of its time on namespaces these
    pictures do not use: this is several times faster on the ten thousand actor pages of a big build.
    """
    out: list[str] = []
    _write(root, out)
    return "".join(out)


def _write(element: ET.Element, out: list[str]) -> None:
    attributes = "".join(f' {k}="{_escape_attribute(v)}"' for k, v in element.attrib.items())
    if element.text is None and not len(element):
        out.append(f"<{element.tag}{attributes}/>")
        return
    out.append(f"<{element.tag}{attributes}>")
    if element.text:
        out.append(_escape_text(element.text))
    for child in element:
        _write(child, out)
    out.append(f"</{element.tag}>")


def both(wide: ET.Element, narrow: ET.Element) -> str:
    """The two layouts of one picture, side by side in the page; the stylesheet shows one of them."""
    wide.set("class", f"{wide.get('class')} fact-wide")
    narrow.set("class", f"{narrow.get('class')} fact-narrow")
    return serialize(wide) + serialize(narrow)


def text(parent: ET.Element, x: float, y: float, label: str, anchor: str, size: float, **values: object) -> None:
    """One line of right-to-left text with a white halo: anchor ``start`` puts its right end at x."""
    add(parent, "text", label, x=float(x), y=float(y), text_anchor=anchor, font_size=float(size), direction="rtl",
        **HALO, **values)


def lines(parent: ET.Element, x: float, y: float, rows: list[str], size: float, step: float,
          **values: object) -> None:
    """Several lines of text growing leftwards from ``x``, the first with its baseline at ``y``."""
    for i, row in enumerate(rows):
        text(parent, x, y + i * step, row, "start", size, **values)


def row_link(root: ET.Element, href: str, name: str, box: tuple[float, float, float, float],
             **values: object) -> tuple[ET.Element, ET.Element]:
    """A row's words, then the link over them: (the group to draw the words in, the link).

    The words are drawn first, hidden from screen readers, and the link comes after them, holding the
    row's marker and an invisible box (x, y, width, height) over the whole row: a tap anywhere on the
    row follows it. Its accessible name, ``name``, says the drawn words word for word (WCAG 2.5.3)
    and more. The words are not inside the link because axe compares a link's name with the text
    inside it after leaving out what it takes for icon ligatures, a guess that some joined Arabic
    words trip: a line missing from the middle of a link's text would then fail the comparison.
    """
    words = add(root, "g", class_="words", aria_hidden="true")
    link = add(root, "a", href=href, aria_label=name, **values)
    x, y, width, height = box
    add(link, "rect", x=float(x), y=float(y), width=float(width), height=float(height), fill="#ffffff",
        fill_opacity="0", class_="hit")
    return words, link


def hit_area(parent: ET.Element, x: float, y: float, side: float = TARGET) -> None:
    """An invisible square centred on a small marker: what a finger or a pointer can hit."""
    add(parent, "rect", x=x - side / 2, y=y - side / 2, width=float(side), height=float(side), fill="#ffffff",
        fill_opacity="0", class_="hit")


def text_width(label: str, size: float) -> float:
    """Estimated drawn width of ``label`` at font size ``size`` (no font metrics at build time)."""
    return len(label) * size * EM_PER_CHAR


def shorten(label: str, limit: int) -> str:
    """``label`` on one line, cut at a word boundary with an ellipsis when longer than ``limit``."""
    line = " ".join(label.split())
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit)
    return line[: cut if cut > limit // 2 else limit].rstrip("،,.:؛ ") + "…"


def wrap(label: str, limit: int, most: int) -> list[str]:
    """``label`` broken at spaces into at most ``most`` lines of at most ``limit`` characters each.

    What does not fit is cut with an ellipsis on the last line, and so is a single word longer than a
    line: no line runs past ``limit``. The lines joined by spaces are the words a reader sees.
    """
    words = label.split()
    rows: list[str] = []
    current = ""
    for i, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= limit or not current:
            current = candidate
            continue
        if len(rows) == most - 1:  # the last line takes the rest, cut below
            current = " ".join([current, *words[i:]])
            break
        rows.append(current)
        current = word
    rows.append(current)
    return [shorten(row, limit) for row in rows]


def ordinal(iso: str) -> int:
    """Days since year 1 of an ISO date: the x axis of the actor strips."""
    return dt.date.fromisoformat(iso).toordinal()
