"""Load: read facts.yaml into plain Python values, remembering where every value came from.

PyYAML's constructors are not used on the document as a whole: we compose the node graph (which
constructs nothing), then walk it ourselves. That lets us refuse what PyYAML would silently accept
(duplicate keys, aliases, Python tags) and keep the line and column of every key and value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import FactsError, Problem

# The C loader is several times faster; fall back to the pure-Python one where libyaml is missing.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 20 * 1024 * 1024
"""facts.yaml larger than this is refused before parsing (10,000 actors take about 5 MB)."""
MAX_DEPTH = 24
"""Deeper nesting than any valid file needs is refused instead of recursing."""

_STANDARD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_STANDARD}{t}" for t in ("str", "null", "bool", "int", "float", "timestamp")}
_MAP_TAG = f"{_STANDARD}map"
_SEQ_TAG = f"{_STANDARD}seq"

Path_ = tuple[Any, ...]


@dataclass
class Loaded:
    """A parsed YAML file and the position of every part of it."""

    path: str
    """The file name to print in messages."""
    data: Any
    """The document as dicts, lists, strings, numbers, booleans, dates and None."""
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    """(line, column), 1-based, of the value at each path, e.g. ``("actors", 3, "id")``."""
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    """(line, column) of the key that introduces the value at each path inside a mapping."""
    raw: dict[Path_, str] = field(default_factory=dict)
    """The source text of plain scalars that YAML read as something other than a string."""

    def mark(self, path: Path_) -> tuple[int, int]:
        """Position of ``path``, or of its nearest ancestor that has one."""
        while path:
            if path in self.marks:
                return self.marks[path]
            path = path[:-1]
        return self.marks.get((), (1, 1))

    def key_mark(self, path: Path_) -> tuple[int, int]:
        """Position of the key of ``path`` if it has one, else of its value."""
        return self.key_marks.get(path) or self.mark(path)


def read_text(path: Path, display: str) -> str:
    """The file's text, or a FactsError saying why it cannot be read as UTF-8 YAML."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise FactsError([_problem(display, 1, 1, f"cannot read the file: {exc.strerror}",
                                   f"تعذّرت قراءة الملف: {exc.strerror}")]) from None
    if size > MAX_BYTES:
        raise FactsError([_problem(
            display, 1, 1,
            f"the file is {size:,} bytes, over the limit of {MAX_BYTES:,}; split it or remove unused data",
            f"حجم الملف {size:,} بايت ويتجاوز الحد {MAX_BYTES:,}؛ قسّمه أو احذف ما لا يلزم",
        )])
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data[: exc.start].decode("utf-8", "replace"))
        raise FactsError([_problem(display, line, col,
                                   "the file is not valid UTF-8 here; save it as UTF-8",
                                   "الملف ليس بترميز UTF-8 هنا؛ احفظه بترميز UTF-8")]) from None
    return text.removeprefix("\ufeff")


def load_yaml(text: str, display: str) -> Loaded:
    """Parse ``text``; raise FactsError listing every problem that stops us from reading it."""
    tab_problems = _indentation_tabs(text, display)
    if tab_problems:
        raise FactsError(tab_problems)
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        raise FactsError([_syntax_problem(exc, display)]) from None
    except yaml.YAMLError as exc:
        raise FactsError([_problem(display, 1, 1, f"YAML error: {exc}", f"خطأ في YAML: {exc}")]) from None
    loaded = Loaded(path=display, data=None)
    if root is None:
        loaded.data = {}
        return loaded
    problems: list[Problem] = []
    loaded.data = _Walker(loaded, problems).value(root, (), 0)
    if problems:
        raise FactsError(problems)
    return loaded


def load_file(path: Path, display: str | None = None) -> Loaded:
    """Read and parse a YAML file from disk."""
    display = display or str(path)
    return load_yaml(read_text(path, display), display)


class _Walker:
    """Turns composed nodes into values, refusing what a fact file never needs."""

    def __init__(self, loaded: Loaded, problems: list[Problem]) -> None:
        self.loaded = loaded
        self.problems = problems
        self.seen: set[int] = set()
        self.constructor = yaml.constructor.SafeConstructor()

    def value(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        self.loaded.marks[path] = (line, col)
        if id(node) in self.seen:
            self._complain(line, col, path,
                           "aliases (*name) are not allowed; write the value out in full",
                           "الأسماء المستعارة (*name) غير مسموحة؛ اكتب القيمة كاملة")
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self._complain(line, col, path, "nesting is too deep for a fact file",
                           "التداخل أعمق مما يحتاجه ملف الوقائع")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth) if self._tag_ok(node, _MAP_TAG, path) else None
        if isinstance(node, yaml.SequenceNode):
            if not self._tag_ok(node, _SEQ_TAG, path):
                return None
            return [self.value(child, (*path, i), depth + 1) for i, child in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            kline, kcol = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if key_node.tag == f"{_STANDARD}merge":
                self._complain(kline, kcol, path, "merge keys (<<) are not allowed; write the keys out",
                               "مفاتيح الدمج (<<) غير مسموحة؛ اكتب المفاتيح كاملة")
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != f"{_STANDARD}str":
                self._complain(kline, kcol, path, "keys must be plain words such as `name:`",
                               "يجب أن تكون المفاتيح كلمات بسيطة مثل `name:`")
                continue
            key = key_node.value
            if key in result:
                first = self.loaded.key_marks[(*path, key)]
                self._complain(kline, kcol, path,
                               f"duplicate key `{key}` (first at line {first[0]}); keep only one",
                               f"المفتاح `{key}` مكرر (أول مرة في السطر {first[0]})؛ أبقِ واحدًا فقط")
                continue
            self.loaded.key_marks[(*path, key)] = (kline, kcol)
            result[key] = self.value(value_node, (*path, key), depth + 1)
        return result

    def _scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        if node.tag not in _SCALAR_TAGS:
            line, col = self.loaded.marks[path]
            self._complain(line, col, path,
                           f"the tag `{_short_tag(node.tag)}` is not allowed; remove it and write plain text",
                           f"الوسم `{_short_tag(node.tag)}` غير مسموح؛ احذفه واكتب نصًا عاديًا")
            return None
        if node.tag == f"{_STANDARD}str":
            return node.value
        self.loaded.raw[path] = node.value
        try:
            return self.constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError):
            # An implicit timestamp such as 2022-02-30 resolves but cannot be built; keep the text so
            # the validator can say the date does not exist.
            return node.value

    def _tag_ok(self, node: yaml.Node, expected: str, path: Path_) -> bool:
        if node.tag == expected:
            return True
        line, col = self.loaded.marks[path]
        self._complain(line, col, path,
                       f"the tag `{_short_tag(node.tag)}` is not allowed; remove it",
                       f"الوسم `{_short_tag(node.tag)}` غير مسموح؛ احذفه")
        return False

    def _complain(self, line: int, col: int, path: Path_, english: str, arabic: str) -> None:
        self.problems.append(Problem(self.loaded.path, line, col, format_path(path), english, arabic))


def format_path(path: Path_) -> str:
    """``("actors", 3, "id")`` → ``actors[3].id``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_STANDARD) if tag.startswith(_STANDARD) else tag


def _indentation_tabs(text: str, display: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(_problem(display, number, indent.index("\t") + 1,
                                     "a tab is used for indentation; YAML needs spaces",
                                     "استُخدم حرف جدولة (Tab) للإزاحة؛ يحتاج YAML إلى مسافات"))
    return problems


def _syntax_problem(exc: yaml.MarkedYAMLError, display: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = " ".join(x for x in (exc.context, exc.problem) if x)
    hint = "check the indentation, the `-` of list items and unbalanced quotes on this line or the one before"
    hint_ar = "تحقق من الإزاحة وعلامة `-` لعناصر القائمة وعلامات التنصيص غير المغلقة في هذا السطر أو الذي قبله"
    return _problem(display, line, col, f"YAML syntax error: {what}; {hint}", f"خطأ في صياغة YAML: {what}؛ {hint_ar}")


def _problem(display: str, line: int, col: int, english: str, arabic: str) -> Problem:
    return Problem(display, line, col, "", english, arabic)


def _line_col(prefix: str) -> tuple[int, int]:
    line = prefix.count("\n") + 1
    return line, len(prefix) - (prefix.rfind("\n") + 1) + 1
