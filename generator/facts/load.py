"""Load: read facts.yaml into plain Python values, remembering where every value came from.

PyYAML's composer and constructors are not used on the document as a whole: we read its event stream
(which constructs nothing) and build the values ourselves. That lets us refuse what PyYAML would
silently accept (duplicate keys, aliases, Python tags, absurd nesting) and keep the line and column of
every key and value. Before that, the raw text is checked for what YAML cannot read or shows
misleadingly: tabs in indentation, control characters, and (after reading) bidi controls outside values.
"""

from __future__ import annotations

import bisect
import gc
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import MAX_PROBLEMS, FactsError, Problem, too_many
from .files import UnsafeFile, read_bytes
from .text import BIDI_OVERRIDES, char_name

# The C loader is several times faster; fall back to the pure-Python one where libyaml is missing.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 20 * 1024 * 1024
"""facts.yaml larger than this is refused before parsing (10,000 actors take about 5 MB)."""
MAX_DEPTH = 24
"""Deeper nesting than any valid file needs is refused where it starts, and reading stops there: libyaml
slows down with every level, and PyYAML's C composer (not used here) crashes the interpreter on a hundred
thousand nested brackets."""
MAX_REPORTED = 100
"""Per kind of low-level problem (tabs, stray characters, aliases): more are summed up in one line,
so that a hostile file cannot flood the log."""

_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""What YAML counts as the end of a line, so that our line numbers agree with PyYAML's."""
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters YAML refuses to read anywhere in a file (PyYAML's own test, applied first to locate them)."""
_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)
"""A tab among the spaces that start a line."""
_BIDI = re.compile(f"[{''.join(sorted(BIDI_OVERRIDES))}]")

_STANDARD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_STANDARD}{t}" for t in ("str", "null", "bool", "int", "float", "timestamp")}
_MAP_TAG = f"{_STANDARD}map"
_SEQ_TAG = f"{_STANDARD}seq"
_STR_TAG = f"{_STANDARD}str"
_MERGE_TAG = f"{_STANDARD}merge"

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


def read_text(path: Path, display: str, root: Path | None = None) -> str:
    """The file's text, or a FactsError saying why it cannot be read as UTF-8 YAML.

    ``root`` is the project folder: no part of the path below it may be a link (``files.read_bytes``).
    """
    try:
        data, size = read_bytes(path, root, MAX_BYTES)
    except UnsafeFile as exc:
        raise FactsError([_problem(display, 1, 1, exc.english, exc.arabic)]) from None
    except OSError as exc:
        raise FactsError([_problem(display, 1, 1, f"cannot read the file: {exc.strerror}",
                                   f"تعذّرت قراءة الملف: {exc.strerror}")]) from None
    if size > MAX_BYTES:
        raise FactsError([_problem(
            display, 1, 1,
            f"the file is {size:,} bytes, over the limit of {MAX_BYTES:,}; split it or remove unused data",
            f"حجم الملف {size:,} بايت ويتجاوز الحد {MAX_BYTES:,}؛ قسّمه أو احذف ما لا يلزم",
        )])
    return decode_text(data, display)


def decode_text(data: bytes, display: str) -> str:
    """``data`` as UTF-8 text without a byte-order mark, or a FactsError locating the first bad byte."""
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
    lines = _Lines(text)
    lexical = _indentation_tabs(text, display, lines) + _unreadable_characters(text, display, lines)
    if lexical:
        raise FactsError(lexical)
    loaded = Loaded(path=display, data=None)
    builder = _Builder(loaded)
    collecting = gc.isenabled()
    gc.disable()  # the build creates a million objects and no cycles; collecting meanwhile only costs time
    try:
        builder.run(text)
    finally:
        if collecting:
            gc.enable()
    problems = builder.problems
    if not builder.stopped:
        problems += _bidi_outside_values(text, display, lines, builder.string_spans)
    if problems:
        raise FactsError(problems)
    return loaded


def load_file(path: Path, display: str | None = None, root: Path | None = None) -> Loaded:
    """Read and parse a YAML file from disk (a regular file, reached without links below ``root``)."""
    display = display or str(path)
    return load_yaml(read_text(path, display, root), display)


_ALIAS_EN = "aliases (*name) are not allowed; write the value out in full"
_ALIAS_AR = "الأسماء المستعارة (*name) غير مسموحة؛ اكتب القيمة كاملة"


@dataclass
class _Frame:
    """A mapping or sequence being read."""

    path: Path_
    container: dict[str, Any] | list[Any] | None
    """None while skipping a collection that will not be kept (a refused key, tag or duplicate)."""
    next_is_key: bool = True
    """For a mapping: whether its next node is a key (else the value of ``key``)."""
    key: str | None = None
    """For a mapping: the key whose value comes next, or None to skip that value."""


class _Builder:
    """Turns PyYAML's event stream into values in one pass, refusing what a fact file never needs.

    PyYAML's composer is not used: it would replace an alias by the node it names (losing where the
    alias is, and expanding alias bombs for whoever walks the result), and its C implementation recurses
    once per nesting level, which crashes the interpreter on a hundred thousand nested brackets. Here
    nesting is a list, an alias is reported where it stands, and nothing is constructed but plain
    scalars through SafeConstructor.
    """

    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.problems: list[Problem] = []
        self.stack: list[_Frame] = []
        self.resolver = yaml.resolver.Resolver()
        self.constructor = yaml.constructor.SafeConstructor()
        self.string_spans: list[tuple[int, int]] = []
        """(start, end) character offsets of every string value, in document order."""
        self.documents = 0
        self.aliases = 0
        self.stopped = False
        """Whether reading stopped early (syntax error, too deep, too many aliases)."""

    def run(self, text: str) -> None:
        try:
            for event in yaml.parse(text, Loader=Loader):
                kind = event.__class__
                if kind is yaml.ScalarEvent:
                    self.scalar(event)
                elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                    self.start(event)
                elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                    self.stack.pop()
                elif kind is yaml.AliasEvent:
                    self.alias(event)
                elif kind is yaml.DocumentStartEvent:
                    self.document(event)
                if self.stopped:
                    return
        except yaml.MarkedYAMLError as exc:
            self.problems.append(_syntax_problem(exc, self.loaded.path))
            self.stopped = True
        except yaml.YAMLError as exc:  # not expected once the text has passed the lexical checks
            what = " ".join(str(exc).split())
            self.problems.append(_problem(self.loaded.path, 1, 1, f"YAML error: {what}", f"خطأ في YAML: {what}"))
            self.stopped = True
        if self.documents == 0:
            self.loaded.data = {}

    # --- events ---------------------------------------------------------------------------------

    def document(self, event: yaml.DocumentStartEvent) -> None:
        self.documents += 1
        if self.documents > 1:
            line, col = _position(event)
            self.problems.append(_problem(
                self.loaded.path, line, col,
                "YAML syntax error: a second document starts here (`---`); a fact file is one document",
                "خطأ في صياغة YAML: يبدأ هنا مستند ثانٍ (`---`)؛ ملف الوقائع مستند واحد"))
            self.stopped = True

    def scalar(self, event: yaml.ScalarEvent) -> None:
        path = self.place(event)
        if path is None:
            return
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR_TAG:
            self.string_spans.append((event.start_mark.index, event.end_mark.index))
            self.attach(path, event.value)
        elif tag in _SCALAR_TAGS:
            self.loaded.raw[path] = event.value
            node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
            try:
                value = self.constructor.construct_object(node)
            except (yaml.YAMLError, ValueError, OverflowError):
                # An implicit timestamp such as 2022-02-30 resolves but cannot be built; keep the text so
                # the validator can say the date does not exist.
                value = event.value
            self.attach(path, value)
        else:
            self.complain(event, path, f"the tag `{_short_tag(tag)}` is not allowed; remove it and write plain text",
                          f"الوسم `{_short_tag(tag)}` غير مسموح؛ احذفه واكتب نصًا عاديًا")
            self.attach(path, None)

    def start(self, event: yaml.CollectionStartEvent) -> None:
        is_mapping = event.__class__ is yaml.MappingStartEvent
        path = self.place(event)
        if len(self.stack) > MAX_DEPTH:
            self.complain(event, path or self.stack[-1].path, "nesting is too deep for a fact file",
                          "التداخل أعمق مما يحتاجه ملف الوقائع")
            self.stopped = True
            return
        if path is None:
            self.stack.append(_Frame(self.stack[-1].path if self.stack else (), None))
            return
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.resolver.resolve(yaml.MappingNode if is_mapping else yaml.SequenceNode, None, event.implicit)
        if tag != (_MAP_TAG if is_mapping else _SEQ_TAG):
            self.complain(event, path, f"the tag `{_short_tag(tag)}` is not allowed; remove it",
                          f"الوسم `{_short_tag(tag)}` غير مسموح؛ احذفه")
            self.attach(path, None)
            self.stack.append(_Frame(path, None))
            return
        container: dict[str, Any] | list[Any] = {} if is_mapping else []
        self.attach(path, container)
        self.stack.append(_Frame(path, container))

    def alias(self, event: yaml.AliasEvent) -> None:
        path = self.place(event)
        where = path if path is not None else (self.stack[-1].path if self.stack else ())
        self.aliases += 1
        if self.aliases > MAX_REPORTED:
            self.complain(event, where, f"more than {MAX_REPORTED} aliases; reading stopped here",
                          f"أكثر من {MAX_REPORTED} اسمًا مستعارًا؛ توقفت القراءة هنا")
            self.stopped = True
            return
        self.complain(event, where, _ALIAS_EN, _ALIAS_AR)
        if path is not None:
            self.attach(path, None)

    # --- where a node goes ----------------------------------------------------------------------

    def place(self, event: yaml.NodeEvent) -> Path_ | None:
        """The path of the node this event starts, recording its position; None if it is not kept.

        A key is dealt with here: checked, remembered for the value that follows, and not kept itself.
        """
        if not self.stack:
            path: Path_ = ()
        else:
            top = self.stack[-1]
            if top.container is None:
                return None
            if isinstance(top.container, list):
                path = (*top.path, len(top.container))
            elif top.next_is_key:
                top.next_is_key = False
                top.key = self.key(event, top)
                return None
            else:
                top.next_is_key = True
                if top.key is None:
                    return None
                path = (*top.path, top.key)
        self.loaded.marks[path] = _position(event)
        return path

    def key(self, event: yaml.NodeEvent, mapping: _Frame) -> str | None:
        """The key this event is, or None after saying why it cannot be one."""
        kind = event.__class__
        if kind is yaml.AliasEvent:
            return None  # reported by alias()
        tag = event.tag
        if kind is yaml.ScalarEvent and (tag is None or tag == "!"):
            tag = self.resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _MERGE_TAG:
            self.complain(event, mapping.path, "merge keys (<<) are not allowed; write the keys out",
                          "مفاتيح الدمج (<<) غير مسموحة؛ اكتب المفاتيح كاملة")
            return None
        if kind is not yaml.ScalarEvent or tag != _STR_TAG:
            self.complain(event, mapping.path, "keys must be plain words such as `name:`",
                          "يجب أن تكون المفاتيح كلمات بسيطة مثل `name:`")
            return None
        key = event.value
        if (*mapping.path, key) in self.loaded.key_marks:
            first = self.loaded.key_marks[(*mapping.path, key)]
            self.complain(event, mapping.path, f"duplicate key `{key}` (first at line {first[0]}); keep only one",
                          f"المفتاح `{key}` مكرر (أول مرة في السطر {first[0]})؛ أبقِ واحدًا فقط")
            return None
        self.loaded.key_marks[(*mapping.path, key)] = _position(event)
        return key

    def attach(self, path: Path_, value: Any) -> None:
        if not self.stack:
            self.loaded.data = value
            return
        container = self.stack[-1].container
        if isinstance(container, list):
            container.append(value)
        elif container is not None:
            container[path[-1]] = value

    def complain(self, event: yaml.Event, path: Path_, english: str, arabic: str) -> None:
        line, col = _position(event)
        self.problems.append(Problem(self.loaded.path, line, col, format_path(path), english, arabic))
        if len(self.problems) >= MAX_PROBLEMS:
            self.problems.append(too_many(self.loaded.path, line, col))
            self.stopped = True


def _position(event: yaml.Event) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1


def format_path(path: Path_) -> str:
    """``("actors", 3, "id")`` → ``actors[3].id``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_STANDARD) if tag.startswith(_STANDARD) else tag


class _Lines:
    """Line and column of a character offset, counting line breaks as YAML does (worked out on first use)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None

    def at(self, offset: int) -> tuple[int, int]:
        if self._starts is None:
            self._starts = [0, *(m.end() for m in _LINE_BREAK.finditer(self.text))]
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def _indentation_tabs(text: str, display: str, lines: _Lines) -> list[Problem]:
    problems: list[Problem] = []
    if "\t" not in text:
        return problems
    for match in _TAB_INDENT.finditer(text):
        line, col = lines.at(match.end() - 1)
        problems.append(_problem(display, line, col, "a tab is used for indentation; YAML needs spaces",
                                 "استُخدم حرف جدولة (Tab) للإزاحة؛ يحتاج YAML إلى مسافات"))
        if len(problems) > MAX_REPORTED:
            break
    return _capped(problems, display)


def _unreadable_characters(text: str, display: str, lines: _Lines) -> list[Problem]:
    """Control characters and lone surrogates, which YAML cannot hold even in quotes: one problem per line."""
    problems: list[Problem] = []
    last_line = 0
    for match in _NOT_YAML.finditer(text):
        line, col = lines.at(match.start())
        if line != last_line:
            name = char_name(match.group())
            problems.append(_problem(display, line, col, f"the control character {name} cannot appear in YAML; "
                                     "delete it (write a line break as a real new line)",
                                     f"حرف التحكم {name} غير مقبول في YAML؛ احذفه (اكتب فاصل السطر سطرًا جديدًا)"))
            last_line = line
            if len(problems) > MAX_REPORTED:
                break
    return _capped(problems, display)


def _bidi_outside_values(text: str, display: str, lines: _Lines, spans: list[tuple[int, int]]) -> list[Problem]:
    """Bidi embeddings, overrides and isolates in comments, keys or anywhere but a string value.

    They make a line display in another order than it is read (Trojan Source, CVE-2021-42574), so a
    reviewer of a pull request could approve something other than what they see. Inside a value the
    validator reports them with the field's name.
    """
    problems: list[Problem] = []
    starts = [start for start, _ in spans]
    for match in _BIDI.finditer(text):
        offset = match.start()
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and spans[i][0] <= offset < spans[i][1]:
            continue
        line, col = lines.at(offset)
        name = char_name(match.group())
        problems.append(_problem(display, line, col,
                                 f"the invisible bidirectional control {name} makes this line display in a "
                                 "different order than it is read (Trojan Source); delete it",
                                 f"حرف التحكم الاتجاهي الخفي {name} يجعل هذا السطر يظهر بترتيب غير ترتيبه "
                                 "الحقيقي (Trojan Source)؛ احذفه"))
        if len(problems) > MAX_REPORTED:
            break
    return _capped(problems, display)


def _capped(problems: list[Problem], display: str) -> list[Problem]:
    if len(problems) <= MAX_REPORTED:
        return problems
    extra = problems[MAX_REPORTED]
    return [*problems[:MAX_REPORTED],
            _problem(display, extra.line, extra.col, "more problems like the above from here on; fix those first",
                     "مشكلات أخرى مثل ما سبق من هنا فصاعدًا؛ أصلح ما سبق أولًا")]



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
