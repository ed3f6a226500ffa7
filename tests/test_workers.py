"""Pages rendered by several processes are the pages one process renders (generator/site/workers.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.site.inert import MarkupLeak
from generator.site.render import Renderer
from generator.site.workers import RenderingFailed, render_all

from .helpers import fact_base
from .memory import command_and_fields, process_tree


def test_three_processes_render_exactly_what_one_renders(small_facts):
    alone = Renderer(fact_base(small_facts)).pages()
    shared = render_all(Renderer(fact_base(small_facts)), processes=3, min_units=1)
    assert list(shared) == list(alone)  # the same pages, in the same order
    assert shared == alone


class _FailingSecondUnit(Renderer):
    """A real renderer whose second unit fails; units are dealt out in turn, so a forked process meets it."""

    def __init__(self, base, failure: BaseException) -> None:
        super().__init__(base)
        self.failure = failure

    def units(self):
        units = list(super().units().items())

        def fail():
            raise self.failure

        return dict([units[0], ("failing", fail), *units[1:]])


def test_fact_text_read_as_markup_in_a_forked_process_is_raised_as_itself(small_facts):
    renderer = _FailingSecondUnit(fact_base(small_facts), MarkupLeak("نص [كذا](x)", "table cell", "link_open"))
    with pytest.raises(MarkupLeak) as raised:
        render_all(renderer, processes=2, min_units=1)
    assert (raised.value.value, raised.value.context, raised.value.token) == ("نص [كذا](x)", "table cell", "link_open")


def test_any_other_failure_in_a_forked_process_is_reported_with_its_traceback(small_facts):
    renderer = _FailingSecondUnit(fact_base(small_facts), ZeroDivisionError("division by zero in a picture"))
    with pytest.raises(RenderingFailed, match="ZeroDivisionError: division by zero in a picture"):
        render_all(renderer, processes=2, min_units=1)


def _forked_children() -> list[int]:
    """This process's children that are copies of it (same command name), running or not yet waited for."""
    mine, _ = command_and_fields(Path("/proc/self/stat").read_text())
    return [pid for pid, name in process_tree().get(os.getpid(), []) if name == mine]


def test_no_process_is_left_behind(small_facts):
    before = _forked_children()
    render_all(Renderer(fact_base(small_facts)), processes=3, min_units=1)
    assert _forked_children() == before  # each forked process has ended and been waited for
