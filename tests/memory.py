"""Peak memory of a command and every process it starts, for the benchmarks.

`/usr/bin/time` reports the largest single process. A build split across processes
(generator/integrations/parallel.py) needs the sum: this samples the proportional set size (PSS, shared
pages divided among the processes sharing them, so nothing is counted twice) of the whole process tree.
"""

from __future__ import annotations

import os
import subprocess
import threading
from pathlib import Path


def command_and_fields(stat: str) -> tuple[str, list[str]]:
    """A /proc/PID/stat line as (command name, the fields after it); the name may hold spaces and «)»."""
    name, rest = stat.split("(", 1)[1].rsplit(")", 1)
    return name, rest.split()


def process_tree() -> dict[int, list[tuple[int, str]]]:
    """Parent process id → its children's (id, command name), from /proc (zombies included)."""
    tree: dict[int, list[tuple[int, str]]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            name, fields = command_and_fields(stat)
            tree.setdefault(int(fields[1]), []).append((int(entry.name), name))
    return tree


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def tree_pss_mb(root: int) -> float:
    """The PSS of ``root`` and all its descendants now, in MB."""
    tree, total, stack = process_tree(), 0, [root]
    while stack:
        pid = stack.pop()
        total += _pss_kb(pid)
        stack.extend(child for child, _ in tree.get(pid, []))
    return total / 1024


class PeakMemory:
    """Samples a process tree every ``interval`` seconds until stopped; ``peak_mb`` is the largest sum."""

    def __init__(self, root: int, interval: float = 0.2) -> None:
        self.root, self.interval, self.peak_mb = root, interval, 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._done.is_set():
            self.peak_mb = max(self.peak_mb, tree_pss_mb(self.root))
            self._done.wait(self.interval)

    def stop(self) -> float:
        self._done.set()
        self._thread.join()
        return self.peak_mb


def run_measured(command: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run ``command``; its result and the peak memory of all its processes together (MB)."""
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = PeakMemory(process.pid)
    stdout, stderr = process.communicate()
    peak = sampler.stop()
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr), peak
