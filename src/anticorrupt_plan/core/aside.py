"""Work done beside the main work: in a forked child process on a machine with a second
processor, so that a build's checks run while its documents are rendered.

The caller always gets what the work returns in-process: a child that fails for any reason
(an exception, a signal, a value that cannot be pickled) is forgotten and the work is done
again where its error shows as it would have. Where fork is missing, there is one processor,
or threads run (a fork copies one thread of many, and locks held by the others), the work is
simply done when its value is asked for.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Aside(Generic[T]):
    """``work()``, started now, its value given by :meth:`result`; :meth:`cancel` when the
    value is no longer wanted (the child is stopped and reaped)."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work = work
        self._child: tuple[int, int] | None = None  # (pid, read end of its pipe)
        if _can_fork():
            self._child = _start(work)

    def result(self) -> T:
        if self._child is None:
            return self._work()
        pid, read_end = self._child
        self._child = None
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        if status == 0 and data:
            value: T = pickle.loads(data)
            return value
        return self._work()  # the child failed: the work again, where its error shows

    def cancel(self) -> None:
        if self._child is None:
            return
        pid, read_end = self._child
        self._child = None
        os.close(read_end)
        with contextlib.suppress(ProcessLookupError):  # already gone
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


def _can_fork() -> bool:
    # sched_getaffinity: Linux, where fork is safe for a process of one thread (macOS offers
    # fork too, but its system libraries may not survive it).
    if not hasattr(os, "sched_getaffinity") or threading.active_count() > 1:
        return False
    return len(os.sched_getaffinity(0)) > 1


def _start(work: Callable[[], object]) -> tuple[int, int]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return pid, read_end
    # The child: it never returns into the caller's code (its cleanups and output are the
    # parent's), and it leaves by os._exit, which flushes nothing the parent buffered.
    status = 1
    try:
        os.close(read_end)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
        status = 0
    finally:
        os._exit(status)
