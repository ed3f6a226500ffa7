"""The source articles: read once, safely, refused when they hold what must not be published."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem
from .files import UnsafeFile, read_bytes
from .text import BIDI_OVERRIDES, char_name, provenance_key

MAX_SEED_BYTES = 2 * 1024 * 1024
"""A seed larger than this is refused (the longest news article is a few tens of kilobytes)."""
_SEED_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + "".join(sorted(BIDI_OVERRIDES)) + "]")
"""Control characters and bidi embeddings/overrides/isolates: published raw they would hide or reorder text."""


@dataclass
class Seeds:
    """The source articles, read once (safely: see files.py) and normalised for provenance checks."""

    folder: Path
    """The seeds/ folder."""
    root: Path | None = None
    """The project folder: no part of a seed's path below it may be a link. None: the seeds folder's parent."""
    texts: dict[str, str] = field(default_factory=dict)
    """Seed file name → its text, for every seed read without a problem."""
    keys: dict[str, str] = field(default_factory=dict)
    refused: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Seed file name → why it cannot be used (English, Arabic), for seeds that exist but are refused."""
    problems: list[Problem] = field(default_factory=list)
    """Problems located inside seed files (a control character at its line and column)."""

    def key(self, name: str) -> str | None:
        """The provenance key of seed ``name``, or None if there is no such file or it cannot be used."""
        if name not in self.keys:
            if name in self.refused:
                return None
            text = self._read(name)
            if text is None:
                return None
            self.texts[name] = text
            self.keys[name] = provenance_key(text)
        return self.keys[name]

    def _read(self, name: str) -> str | None:
        path = self.folder / name
        display = f"{self.folder.name}/{name}"
        try:
            data, size = read_bytes(path, self.root or self.folder.parent, MAX_SEED_BYTES)
        except FileNotFoundError:
            return None
        except UnsafeFile as exc:
            self.refused[name] = (exc.english, exc.arabic)
            return None
        except OSError as exc:
            self.refused[name] = (f"{display} cannot be read: {exc.strerror}", f"تعذّرت قراءة {display}: {exc.strerror}")
            return None
        if size > MAX_SEED_BYTES:
            self.refused[name] = (f"{display} is {size:,} bytes, over the limit of {MAX_SEED_BYTES:,} for an article",
                                  f"حجم {display} {size:,} بايت ويتجاوز حد المقال {MAX_SEED_BYTES:,}")
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            self.refused[name] = (f"{display} cannot be read as UTF-8 text; save the article as UTF-8",
                                  f"تعذّرت قراءة {display} نصًا بترميز UTF-8؛ احفظ المقال بترميز UTF-8")
            return None
        bad = _SEED_CONTROL.search(text)
        if bad is not None:
            line = text.count("\n", 0, bad.start()) + 1
            col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
            char = char_name(bad.group())
            self.problems.append(Problem(display, line, col, "", f"the article holds the control character {char}, "
                                         "which would be published as is; delete it from the seed",
                                         f"يحوي المقال حرف التحكم {char} الذي سيُنشر كما هو؛ احذفه من الملف"))
            self.refused[name] = (f"{display} holds a control character (line {line}, column {col}); delete it",
                                  f"يحوي {display} حرف تحكم (السطر {line}، العمود {col})؛ احذفه")
            return None
        return text
