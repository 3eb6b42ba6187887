"""Work done beside the main work: in a forked child process on a machine with a second
processor, so that a build's checks run while its documents are rendered.

The caller always gets what the work returns in-process: a child that cannot start or fails
for any reason (an exception, a signal, a value that cannot be pickled) is forgotten and the
work is done again where its error shows as it would have. Where fork is missing, there is
one processor, or other threads run (a fork copies one thread of many, and locks held by the
others), the work is simply done when its value is asked for.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO, Generic, TypeVar

T = TypeVar("T")


class Aside(Generic[T]):
    """``work()``, started now, its value given by :meth:`result`; :meth:`cancel` when the
    value is no longer wanted (the child is stopped and reaped)."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work = work
        self._child: tuple[int, IO[bytes]] | None = None
        if _can_fork():
            with contextlib.suppress(OSError, RuntimeError):  # no fork: the work waits
                self._child = _start(work)

    def result(self) -> T:
        child, self._child = self._child, None
        if child is None:
            return self._work()
        pid, value_file = child
        with value_file:
            try:
                exited = _exit_status(pid) == 0
            except BaseException:  # interrupted while waiting: the child goes too
                _stop(pid)
                raise
            value_file.seek(0)
            data = value_file.read()
        if exited and data:
            value: T = pickle.loads(data)
            return value
        return self._work()  # the child failed: the work again, where its error shows

    def cancel(self) -> None:
        child, self._child = self._child, None
        if child is not None:
            pid, value_file = child
            _stop(pid)
            value_file.close()


def _can_fork() -> bool:
    # sched_getaffinity: Linux, where fork is safe for a process of one thread (macOS offers
    # fork too, but its system libraries may not survive it). A process that ignores SIGCHLD
    # has its children reaped by the kernel, and could not wait for this one.
    if not hasattr(os, "sched_getaffinity") or _threads() > 1:
        return False
    if signal.getsignal(signal.SIGCHLD) == signal.SIG_IGN:
        return False
    return len(os.sched_getaffinity(0)) > 1


def _threads() -> int:
    """The process's threads, those started outside Python too (as CPython counts them
    before it warns of a fork)."""
    try:
        return sum(1 for _ in Path("/proc/self/task").iterdir())
    except OSError:
        return threading.active_count()


def _start(work: Callable[[], object]) -> tuple[int, IO[bytes]]:
    # The value goes through an unnamed temporary file, not a pipe, so that the child never
    # waits for the parent to read it: it writes, exits and lets its memory go.
    value_file = tempfile.TemporaryFile()  # noqa: SIM115 - it outlives this function
    try:
        pid = os.fork()
    except BaseException:
        value_file.close()
        raise
    if pid:
        return pid, value_file
    # The child: it never returns into the caller's code (its cleanups and output are the
    # parent's), and it leaves by os._exit, which flushes nothing the parent buffered.
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        value_file.write(pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL))
        value_file.flush()
        status = 0
    finally:
        os._exit(status)


def _exit_status(pid: int) -> int:
    """Wait for the child ``pid``: its exit status, or -1 if it cannot be waited for."""
    try:
        return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    except ChildProcessError:
        return -1


def _stop(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # already gone
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
