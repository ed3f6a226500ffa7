"""Drive `make serve SERVE_ADDR=…` over http: start it on a project, save an edit, time until it is served.

Used by the reload benchmark (tests/bench_pipeline.py) and the serve tests. The server runs in its own
process group, which `stop` ends (make and the mkdocs it started), and every wait is bounded.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def served_base(project: Path, port: int) -> str:
    """The address the dev server serves the site at: MkDocs mounts it under site_url's path."""
    mount = re.search(r"^site_url:\s*\S+?//[^/]+(/\S*)?\s*$", (project / "mkdocs.yml").read_text(encoding="utf-8"),
                      re.MULTILINE)
    return f"http://127.0.0.1:{port}{(mount.group(1) if mount and mount.group(1) else '/')}"


class DevServer:
    """A development server run as ``command`` in ``project`` on a free port, and everything it has printed."""

    def __init__(self, project: Path, command: list[str], port: int, **popen: object) -> None:
        self.project = project
        self.port = port
        self.base = served_base(project, port)
        self.output: list[str] = []
        self.process = subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True, encoding="utf-8", errors="replace", **popen)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line.rstrip("\n"))

    def text(self) -> str:
        return "\n".join(self.output)

    def get(self, path: str, timeout: float = 30) -> str:
        with urllib.request.urlopen(self.base + path, timeout=timeout) as response:
            return response.read().decode("utf-8")


class MakeServe(DevServer):
    """`make serve` run in ``project`` (a copy made by conftest.make_project) with this checkout's venv."""

    def __init__(self, project: Path) -> None:
        port = free_port()
        shutil.copy2(ROOT / "requirements.lock", project / "requirements.lock")  # the venv stamp's prerequisite
        super().__init__(project, ["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), "serve",
                                   f"VENV={ROOT / '.venv'}", f"SERVE_ADDR=127.0.0.1:{port}"], port,
                         start_new_session=True)

    def count(self, needle: str) -> int:
        """How many output lines so far contain ``needle``."""
        return sum(needle in line for line in list(self.output))

    def page_has(self, path: str, text: str) -> bool:
        try:
            return text in self.get(path)
        except (urllib.error.URLError, OSError):
            return False

    def wait_for(self, condition, seconds: float, what: str, poll: float = 0.05) -> float:
        """Poll ``condition`` until true; return the seconds it took. AssertionError on timeout or exit."""
        started = time.perf_counter()
        while time.perf_counter() - started < seconds:
            if condition():
                return time.perf_counter() - started
            if self.process.poll() is not None:
                raise AssertionError(f"make serve exited ({self.process.returncode}) while waiting for {what}:\n"
                                     f"{self.text()[-3000:]}")
            time.sleep(poll)
        raise AssertionError(f"timed out after {seconds} s waiting for {what}:\n{self.text()[-3000:]}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=20)
        self.reader.join(timeout=5)


def timed_reload(served: MakeServe, page: str, old: str, new: str, timeout: float = 600) -> float:
    """Save data/facts.yaml with its first ``old`` replaced by ``new``; seconds until ``page`` shows ``new``."""
    facts = served.project / "data" / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    assert old in text and not served.page_has(page, new)
    started = time.perf_counter()
    facts.write_text(text.replace(old, new, 1), encoding="utf-8")
    served.wait_for(lambda: served.page_has(page, new), timeout, f"{new!r} on {page}")
    return time.perf_counter() - started
