"""Every page rendered with all the machine's cores: a Renderer's units dealt out to forked processes.

Each unit renders on its own (Renderer.units), so a full build can render them in several processes.
The first process forks the others once the fact base is modelled, so they share it without copying or
sending it; each renders every n-th unit and sends its pages back through a pipe; the first renders its
own share meanwhile, then merges. The pages are the same, whatever the number of processes
(tests/test_workers.py). A small site is rendered in one process: a fork costs more than it saves.
"""

from __future__ import annotations

import gc
import os
import pickle
import traceback
from collections.abc import Callable

from .inert import MarkupLeak
from .render import Renderer

Pages = dict[str, str | bytes]
MIN_UNITS = 400
"""Units each process must have at least, or fewer processes are used."""


def process_count(requested: int, items: int, least: int) -> int:
    """How many processes to share ``items`` among: at most ``requested`` (0: one per core this process
    may run on), with at least ``least`` items each, since a fork has a cost; 1 where the system cannot
    fork (Windows) or say which cores it may use (macOS: then all of them)."""
    if not hasattr(os, "fork"):
        return 1
    affinity = getattr(os, "sched_getaffinity", None)  # Linux
    cores = len(affinity(0)) if affinity else os.cpu_count() or 1
    return max(1, min(requested or cores, items // max(1, least)))


class RenderingFailed(Exception):
    """A forked process could not render its share: the traceback it sent, as text."""


def render_all(renderer: Renderer, processes: int = 0, min_units: int = MIN_UNITS) -> Pages:
    """Every page of ``renderer``, rendered by up to ``processes`` processes (0: one per core).

    Raises what rendering raises: MarkupLeak as itself, whichever process met it.
    """
    units = list(renderer.units().values())
    count = process_count(processes, len(units), min_units)
    if count < 2:
        return renderer.pages()
    gc.collect()
    gc.freeze()  # the model stays shared with the forked processes instead of being copied as it is collected
    children: list[tuple[int, int]] = []
    try:
        for worker in range(1, count):
            children.append(_fork(units[worker::count], [read for _, read in children]))
        out = _render(units[0::count])
    finally:
        results = [_collect(pid, read) for pid, read in children]
        gc.unfreeze()
    for kind, value in results:
        if kind == "leak":
            raise MarkupLeak(*value)
        if kind == "error":
            raise RenderingFailed(value)
        out.update(value)
    return dict(sorted(out.items()))


def _render(units: list[Callable[[], Pages]]) -> Pages:
    out: Pages = {}
    for produce in units:
        out.update(produce())
    return out


def _fork(units: list[Callable[[], Pages]], inherited: list[int]) -> tuple[int, int]:
    """A process rendering ``units``; its id and the pipe its result comes through. It never returns."""
    read, write = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write)
        return pid, read
    os.close(read)
    for fd in inherited:  # the pipes of processes forked before this one belong to the first process
        os.close(fd)
    try:
        result: tuple[str, object] = ("pages", _render(units))
    except MarkupLeak as exc:
        result = ("leak", (exc.value, exc.context, exc.token))
    except BaseException:  # whatever it is, the first process reports it
        result = ("error", traceback.format_exc())
    try:
        with os.fdopen(write, "wb") as pipe:
            pickle.dump(result, pipe, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        os._exit(0)


def _collect(pid: int, read: int) -> tuple[str, object]:
    """What the process ``pid`` sent, once it has ended."""
    with os.fdopen(read, "rb") as pipe:
        try:
            result = pickle.load(pipe)
        except (EOFError, pickle.UnpicklingError):
            result = ("error", "a rendering process ended without sending its pages")
    os.waitpid(pid, 0)
    return result
