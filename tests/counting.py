"""Count the work a call does, as lines of the package's own code run, instead of timing it.

A count does not vary with the machine or its load, so a test can assert that doubling an
input at most doubles the work, where a timed assertion would be flaky.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import anticorrupt_plan

PACKAGE = str(Path(anticorrupt_plan.__file__).resolve().parent)


def lines_run(call: Callable[[], object], *, under: str = PACKAGE) -> int:
    """How many lines of the source files under ``under`` run while ``call()`` runs."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def start(frame: FrameType, event: str, arg: Any) -> Any:
        # Only frames of the package's own files are followed; libraries run untraced.
        return local if frame.f_code.co_filename.startswith(under) else None

    previous = sys.gettrace()
    sys.settrace(start)
    try:
        call()
    finally:
        sys.settrace(previous)
    return count


def growth(work: Callable[[int], object], size: int, *, under: str = PACKAGE) -> float:
    """How many times the lines run grow when the input grows from ``size`` to ``2 * size``:
    2 for linear work, 4 for quadratic."""
    small = lines_run(lambda: work(size), under=under)
    large = lines_run(lambda: work(2 * size), under=under)
    return large / small
