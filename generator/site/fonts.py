"""The site's own typeface: Vazirmatn (SIL Open Font License), subset at build time and served as WOFF2.

Vazirmatn draws Arabic and Latin in one design, so a Latin name or a digit inside Arabic text does not
fall back to a third face. The font comes from the ``vazirmatn`` npm package that ``make setup``
installs (package.json pins it); nothing is downloaded at build time. Each weight is cut down with
fontTools to the characters the site writes: Basic Latin and Latin-1, the Arabic block and the
punctuation around them (about 33 kB a weight instead of 120 kB). Shaping features are all kept, so
every Arabic letter still joins.

Subsetting takes a second or two a weight, so each result is kept in ``node_modules/.cache/`` under a
hash of everything that shapes it; a build with an unchanged font reuses it byte for byte.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools import version as fonttools_version
from fontTools.ttLib import TTFont, TTLibError

FAMILY = "Vazirmatn"
"""The CSS font family (docs/stylesheets/fonts.css declares its faces)."""
PACKAGE = Path("node_modules") / "vazirmatn"
"""Where ``npm ci`` puts the font package, relative to the project."""
FOLDER = "fonts"
"""The built site's folder for the font files and their license."""
WEIGHTS = {"regular": "fonts/ttf/Vazirmatn-Regular.ttf", "bold": "fonts/ttf/Vazirmatn-Bold.ttf"}
"""Served weight → the package's TTF. Material asks for 300, 400 and 700; a browser draws 300 with 400."""
LICENSE = "OFL.txt"
"""The license file, in the package and in the built site."""
UNICODES = (
    *range(0x20, 0x7F),  # Basic Latin: Latin names, Western digits, ASCII punctuation
    *range(0xA0, 0x100),  # Latin-1: « » · and accented Latin names
    *range(0x600, 0x700),  # Arabic: letters, Eastern digits ٠-٩, ، ؛ ؟, harakat
    *range(0x200B, 0x2030),  # zero-width (non-)joiners, direction marks, dashes, quotes, …
    0xFD3E, 0xFD3F,  # ornate parentheses
)
"""Code points kept in every weight."""
_RECIPE = "1"
"""Bump when the subsetting options change, so that cached results are made again."""


class FontError(Exception):
    """The font package is missing or unreadable: the message says what to run."""


@dataclass(frozen=True)
class WebFont:
    """One file the built site serves under ``fonts/``."""

    name: str
    """File name, e.g. ``vazirmatn-regular.woff2``."""
    data: bytes
    """Its bytes."""


def web_fonts(project: Path) -> list[WebFont]:
    """Every weight as a subset WOFF2, then the license, for the project at ``project``."""
    package = project / PACKAGE
    if not (package / LICENSE).is_file():
        raise FontError(f"{package}: the Vazirmatn font package is missing. Run `make setup` (npm ci installs "
                        "it from package.json), then build again.")
    cache = package.resolve().parent / ".cache" / "factsheet-fonts"
    fonts = [WebFont(f"{FAMILY.lower()}-{weight}.woff2", _subset_cached(package / ttf, cache))
             for weight, ttf in WEIGHTS.items()]
    return [*fonts, WebFont(LICENSE, (package / LICENSE).read_bytes())]


def write_web_fonts(project: Path, site_dir: Path) -> list[str]:
    """Put the typeface into a built site's fonts/ folder, for builders that run no MkDocs plugin (Zensical);
    returns the files written (a file already there with the same bytes is left alone)."""
    written = []
    for font in web_fonts(project):
        target = site_dir / FOLDER / font.name
        try:
            if target.read_bytes() == font.data:
                continue
        except OSError:
            pass
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(font.data)
        written.append(f"{FOLDER}/{font.name}")
    return written


def _subset_cached(source: Path, cache: Path) -> bytes:
    try:
        original = source.read_bytes()
    except OSError as exc:
        raise FontError(f"{source}: cannot read the font ({exc.strerror}). Run `make setup` again.") from None
    key = hashlib.sha256(b"\0".join([original, _RECIPE.encode(), fonttools_version.encode(),
                                     repr(UNICODES).encode()])).hexdigest()[:20]
    kept = cache / f"{source.stem}-{key}.woff2"
    if kept.is_file():
        return kept.read_bytes()
    data = subset_woff2(original, source)
    try:  # a cache that cannot be written only costs time
        cache.mkdir(parents=True, exist_ok=True)
        partial = kept.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(data)
        partial.replace(kept)
    except OSError:
        pass
    return data


def subset_woff2(original: bytes, source: Path) -> bytes:
    """The font ``original`` (read from ``source``) cut to ``UNICODES``, every layout feature kept, as WOFF2."""
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # Arabic joining, ligatures, mark placement, kerning
    options.name_IDs = ["*"]  # the copyright and license names stay in the font
    options.notdef_outline = True
    try:
        # recalcTimestamp=False: the same input gives the same bytes (no "modified now" in the head table).
        font = TTFont(io.BytesIO(original), recalcTimestamp=False)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=UNICODES)
        subsetter.subset(font)
        out = io.BytesIO()
        font.flavor = "woff2"
        font.save(out)
    except (TTLibError, AssertionError, KeyError, ValueError) as exc:
        raise FontError(f"{source}: not a usable font ({exc}). Run `make setup` again to reinstall it.") from None
    return out.getvalue()
