"""Work beside the main work: a forked child's value, or the work done in-process."""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO

import pytest

from anticorrupt_plan.app import build as build_module
from anticorrupt_plan.app.build import build
from anticorrupt_plan.app.checks import run_checks
from anticorrupt_plan.app.validate import read_plan
from anticorrupt_plan.core import aside
from anticorrupt_plan.core.aside import Aside

from .conftest import ROOT

forks = pytest.mark.skipif(
    not aside._can_fork(), reason="the work is forked only on Linux with two processors"
)


def open_files() -> int:
    return sum(1 for _ in Path("/proc/self/fd").iterdir())


def where_it_ran() -> int:
    return os.getpid()


@forks
def test_the_work_runs_in_a_child_and_its_value_comes_back() -> None:
    assert Aside(where_it_ran).result() != os.getpid()


@forks
def test_a_child_that_fails_leaves_the_work_to_the_caller() -> None:
    parent = os.getpid()

    def only_here() -> str:
        if os.getpid() != parent:
            raise RuntimeError("not in the child")
        return "done here"

    assert Aside(only_here).result() == "done here"


@forks
def test_a_value_that_cannot_cross_is_computed_by_the_caller() -> None:
    parent = os.getpid()
    assert Aside(lambda: lambda: os.getpid() == parent).result()()


def test_an_error_of_the_work_reaches_the_caller_as_it_would_in_process() -> None:
    def fails() -> None:
        raise ValueError("the work's own error")

    with pytest.raises(ValueError, match="the work's own error"):
        Aside(fails).result()


@forks
def test_a_cancelled_child_is_stopped_and_reaped() -> None:
    work = Aside(lambda: threading.Event().wait(60))
    assert work._child is not None
    pid = work._child[0]

    work.cancel()

    with pytest.raises(ChildProcessError):  # reaped: no such child any more
        os.waitpid(pid, os.WNOHANG)


def test_a_fork_that_fails_leaves_the_work_to_the_caller_and_no_file_open(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_fork() -> int:
        raise BlockingIOError("no more processes")

    monkeypatch.setattr(os, "fork", no_fork)
    open_before = open_files()

    assert Aside(where_it_ran).result() == os.getpid()
    assert open_files() == open_before


@forks
def test_a_caller_interrupted_while_waiting_stops_and_reaps_the_child(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    work = Aside(lambda: threading.Event().wait(60))
    assert work._child is not None
    pid = work._child[0]

    def interrupted(_pid: int) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(aside, "_exit_status", interrupted)
    with pytest.raises(KeyboardInterrupt):
        work.result()

    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_with_threads_running_the_work_waits_to_be_asked_for() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        work = Aside(where_it_ran)
        assert work._child is None
        assert work.result() == os.getpid()
    finally:
        stop.set()
        other.join()


SLIPS = ROOT / "tests" / "data" / "seed_verbatim.yaml"


def test_a_build_reports_what_plan_check_finds(tmp_path: Path) -> None:
    result = build(SLIPS, out_dir=tmp_path, formats=["md"], with_checks=True)

    assert result.report == run_checks(read_plan(SLIPS))
    assert result.report is not None and result.report.findings


def test_a_checks_report_crosses_from_the_child_whole() -> None:
    report = run_checks(read_plan(SLIPS))

    assert pickle.loads(pickle.dumps(report)) == report


@forks
def test_a_build_that_fails_stops_and_reaps_its_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[int] = []
    start = aside._start

    def recorded(work: Callable[[], object]) -> tuple[int, IO[bytes]]:
        child = start(work)
        started.append(child[0])
        return child

    def fails(*args: object, **kwargs: object) -> dict[str, bytes]:
        raise RuntimeError("rendering failed")

    monkeypatch.setattr(aside, "_start", recorded)
    monkeypatch.setattr(build_module, "render", fails)
    with pytest.raises(RuntimeError, match="rendering failed"):
        build(SLIPS, out_dir=tmp_path, formats=["md"], with_checks=True)

    assert len(started) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(started[0], os.WNOHANG)
