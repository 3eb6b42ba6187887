"""A progress bar for a person watching a terminal, and silence elsewhere; the only rich import."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TextIO


def wants_progress(stream: TextIO, environ: Mapping[str, str]) -> bool:
    """True when ``stream`` is a terminal someone watches: not a pipe, a file or a CI log
    (CI services set ``CI``), and not a terminal that cannot redraw a line."""
    return stream.isatty() and not environ.get("CI") and environ.get("TERM") != "dumb"


@contextmanager
def progress_bar(total: int, *, label: str, stream: TextIO) -> Iterator[Callable[[], None]]:
    """A bar counting to ``total`` on ``stream``; the function it gives moves it on by one.

    Where no one watches, the function does nothing and rich is never imported. While the
    bar shows, what the program prints to the same terminal goes above it; output sent
    elsewhere (``plan build plans/ > built.txt``) is left alone.
    """
    if not wants_progress(stream, os.environ):
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    console = Console(file=stream)
    with Progress(*columns, console=console, redirect_stdout=sys.stdout.isatty()) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)
