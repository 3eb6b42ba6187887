"""The batch build's progress bar: on a terminal someone watches, and nowhere else."""

from __future__ import annotations

import io
import os
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from anticorrupt_plan.cli.progress import progress_bar, wants_progress

from .conftest import PLAN_PATH

BAR = "━"  # what rich draws a bar with


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("stream", "environ", "expected"),
    [
        (Terminal(), {"TERM": "xterm-256color"}, True),
        (Terminal(), {}, True),
        (Terminal(), {"TERM": "xterm", "CI": "true"}, False),  # a CI job's log
        (Terminal(), {"TERM": "dumb"}, False),  # cannot redraw a line
        (io.StringIO(), {"TERM": "xterm"}, False),  # a pipe or a file
    ],
)
def test_a_bar_only_for_a_terminal_someone_watches(
    stream: io.StringIO, environ: dict[str, str], expected: bool
) -> None:
    assert wants_progress(stream, environ) is expected


def test_off_a_terminal_the_bar_writes_nothing() -> None:
    stream = io.StringIO()

    with progress_bar(3, label="building", stream=stream) as advance:
        for _ in range(3):
            advance()

    assert stream.getvalue() == ""


def batch_command(tmp_path: Path) -> list[str]:
    """The real program building a folder of two plans."""
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ["a.yaml", "b.yaml"]:
        shutil.copy(PLAN_PATH, folder / name)
    out = tmp_path / "out"
    return [
        sys.executable,
        "-m",
        "anticorrupt_plan",
        "build",
        str(folder),
        "-f",
        "md",
        "-o",
        str(out),
    ]


ENV = {k: v for k, v in os.environ.items() if k != "CI"} | {"TERM": "xterm"}
WROTE = ["wrote {out}/a/a.md", "wrote {out}/b/b.md"]


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_a_terminal_sees_the_bar_and_stdout_keeps_its_lines(tmp_path: Path) -> None:
    controller, terminal = os.openpty()
    with subprocess.Popen(
        batch_command(tmp_path), stdout=subprocess.PIPE, stderr=terminal, env=ENV
    ) as process:
        os.close(terminal)  # the program holds the only other end: reading ends when it exits
        shown = b""
        # Read while it runs, so that a full terminal buffer never blocks it.
        while select.select([controller], [], [], 60)[0]:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # Linux: the other end is closed
                break
            if not chunk:
                break
            shown += chunk
        os.close(controller)
        stdout = process.stdout.read() if process.stdout else b""

    assert process.returncode == 0
    assert BAR in shown.decode()
    assert "2/2" in shown.decode()
    assert stdout.decode().splitlines() == [line.format(out=tmp_path / "out") for line in WROTE]


def test_a_pipe_gets_no_bar(tmp_path: Path) -> None:
    done = subprocess.run(
        batch_command(tmp_path), capture_output=True, text=True, env=ENV, timeout=60, check=True
    )

    assert BAR not in done.stderr
    assert "\x1b[" not in done.stderr
    assert done.stdout.splitlines() == [line.format(out=tmp_path / "out") for line in WROTE]
