"""Reading input files safely: regular files inside the project, reached without following links.

A pull request can add anything git stores, symbolic links included: ``seeds/x.txt -> /proc/self/environ``
would otherwise publish the build machine's environment (CI secrets among it) as an article. A named pipe
would hang the build in ``open()``, and a device would never end. So every file the build reads is
opened here: each folder on the way from the project root is checked with ``lstat`` (a link anywhere is
refused), the file is opened with ``O_NOFOLLOW | O_NONBLOCK`` (a link swapped in meanwhile fails, a FIFO
does not block), and only a regular file is read, never more than a size limit.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from .errors import Problem

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)

_KINDS = {stat.S_IFDIR: ("a folder", "مجلد"), stat.S_IFIFO: ("a named pipe (FIFO)", "أنبوب مسمى (FIFO)"),
          stat.S_IFCHR: ("a character device", "جهاز محارف"), stat.S_IFBLK: ("a block device", "جهاز كتل"),
          stat.S_IFSOCK: ("a socket", "مقبس"), stat.S_IFLNK: ("a symbolic link", "رابط رمزي")}


class UnsafeFile(Exception):
    """The file is not a regular file inside the project; ``english`` and ``arabic`` say why."""

    def __init__(self, english: str, arabic: str) -> None:
        super().__init__(english)
        self.english = english
        self.arabic = arabic


def _kind(mode: int) -> tuple[str, str]:
    return _KINDS.get(stat.S_IFMT(mode), ("not a regular file", "ليس ملفًا عاديًا"))


def _refusal(what: str, what_ar: str, name: str) -> UnsafeFile:
    return UnsafeFile(f"{name} is {what}, not a regular file; only regular files inside the project are read "
                      "(replace it with the file itself)",
                      f"{name} {what_ar} وليس ملفًا عاديًا؛ لا يُقرأ إلا الملفات العادية داخل المشروع "
                      "(ضع الملف نفسه مكانه)")


def check_path(path: Path, root: Path | None) -> None:
    """Raise UnsafeFile unless no part of ``path`` below ``root`` is a link (``root`` None: the file only)."""
    path = Path(os.path.abspath(path))
    parts: list[Path] = [path]
    if root is not None:
        root = Path(os.path.abspath(root))
        try:
            relative = path.relative_to(root)
        except ValueError:
            raise UnsafeFile(f"{path} is outside the project folder {root}; only files inside it are read",
                             f"{path} خارج مجلد المشروع {root}؛ لا يُقرأ إلا ما بداخله") from None
        parts = [root.joinpath(*relative.parts[: i + 1]) for i in range(len(relative.parts))]
    for part in parts:
        name = part.relative_to(root).as_posix() if root is not None else str(part)
        try:
            mode = os.lstat(part).st_mode
        except FileNotFoundError:
            raise
        except OSError as exc:
            raise UnsafeFile(f"cannot examine {name}: {exc.strerror}", f"تعذّر فحص {name}: {exc.strerror}") from None
        if stat.S_ISLNK(mode):
            raise _refusal(*_KINDS[stat.S_IFLNK], name)
        if part != path and not stat.S_ISDIR(mode):
            raise _refusal(*_kind(mode), name)


def _name(path: Path, root: Path | None) -> str:
    return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix() if root else str(path)


def read_bytes(path: Path, root: Path | None, limit: int) -> tuple[bytes, int]:
    """(content, size) of the regular file ``path``; UnsafeFile or OSError (e.g. missing) otherwise.

    Nothing is read from a file whose size is over ``limit`` (the content is then empty), and never more than
    one byte past it, whatever the size claims: the caller compares ``size`` with the limit.
    """
    check_path(path, root)
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # the last part became a link after check_path looked
            raise _refusal(*_KINDS[stat.S_IFLNK], _name(path, root)) from None
        raise
    with os.fdopen(fd, "rb") as f:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _refusal(*_kind(mode), _name(path, root))
        size = os.fstat(fd).st_size
        data = f.read(limit + 1) if size <= limit else b""
        return data, max(size, len(data))


def unsafe_entries(root: Path, folders: tuple[str, ...]) -> Iterator[tuple[str, tuple[str, str]]]:
    """(path relative to ``root``, (English, Arabic) kind) of every link or special file in ``folders``.

    MkDocs publishes whatever docs/ holds and reads the theme folder, following links: a link there would
    publish a file from outside the repository, so the build refuses to start while one exists.
    Links are reported, never followed, so a link loop ends too.
    """
    stack = [root / f for f in folders]
    while stack:
        folder = stack.pop()
        try:
            mode = os.lstat(folder).st_mode
        except OSError:
            continue
        if not stat.S_ISDIR(mode):
            if not stat.S_ISREG(mode):
                yield folder.relative_to(root).as_posix(), _kind(mode)
            continue
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            mode = entry.stat(follow_symlinks=False).st_mode
            if stat.S_ISDIR(mode):
                stack.append(Path(entry.path))
            elif not stat.S_ISREG(mode):
                yield Path(entry.path).relative_to(root).as_posix(), _kind(mode)


def audit(root: Path, folders: tuple[str, ...]) -> list[Problem]:
    """A problem for every link or special file in ``folders`` (relative to ``root``)."""
    return [Problem(rel, 1, 1, "", f"{rel} is {what}; the build reads only regular files inside the project: "
                    "replace it with the file itself or delete it",
                    f"{rel} {what_ar}؛ لا يقرأ البناء إلا الملفات العادية داخل المشروع: ضع الملف نفسه مكانه أو احذفه")
            for rel, (what, what_ar) in unsafe_entries(root, folders)]
