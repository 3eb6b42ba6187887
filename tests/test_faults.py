"""Faults: a killed build, unwritable or odd output locations, and --check that never writes."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from anticorrupt_plan.cli.commands import Exit, app

from .conftest import PLAN_PATH

runner = CliRunner()


@pytest.mark.slow
def test_a_build_killed_at_any_moment_leaves_old_or_new_documents(tmp_path: Path) -> None:
    out = tmp_path / "out"
    plan = tmp_path / "plan.yaml"
    source = PLAN_PATH.read_text(encoding="utf-8")
    revisions = [source, source.replace("ร้อยละ ๙๐", "ร้อยละ ๙๕")]
    complete: dict[str, set[bytes]] = {"plan.md": set(), "plan.docx": set()}
    for text in revisions:  # what a finished build of each revision writes
        plan.write_text(text, encoding="utf-8")
        assert runner.invoke(app, ["build", str(plan), "--out", str(out)]).exit_code == 0
        for name, versions in complete.items():
            versions.add((out / name).read_bytes())
    assert all(len(versions) == 2 for versions in complete.values())

    rng = random.Random(7)
    for attempt in range(12):
        plan.write_text(revisions[attempt % 2], encoding="utf-8")
        process = subprocess.Popen(
            [sys.executable, "-m", "anticorrupt_plan", "build", str(plan), "--out", str(out)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.0, 0.6))
        process.send_signal(signal.SIGKILL)
        process.wait()

        for name, versions in complete.items():
            assert (out / name).read_bytes() in versions, f"attempt {attempt}: {name} is partial"


def test_output_path_that_is_a_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("not a folder")

    result = runner.invoke(app, ["build", str(PLAN_PATH), "--out", str(tmp_path / "out")])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert result.stderr == f"{tmp_path / 'out'}: exists and is not a folder\n"


def test_output_document_that_is_a_directory_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "out" / "plan.md").mkdir(parents=True)

    result = runner.invoke(app, ["build", str(PLAN_PATH), "--out", str(tmp_path / "out")])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert "plan.md: is a directory; cannot write a document there" in result.stderr


def test_unwritable_output_location_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)

    result = runner.invoke(app, ["build", str(PLAN_PATH), "--out", str(tmp_path)])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert "plan.md: cannot write: Permission denied" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_read_only_output_folder_is_a_clear_error(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = runner.invoke(app, ["build", str(PLAN_PATH), "--out", str(out)])
    finally:
        out.chmod(0o755)

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert "cannot write: Permission denied" in result.stderr


def test_check_never_writes_even_when_everything_is_stale(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "plan.md").write_text("old", encoding="utf-8")
    before = sorted((p.name, p.stat().st_mtime_ns) for p in out.iterdir())

    result = runner.invoke(app, ["build", str(PLAN_PATH), "--out", str(out), "--check"])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert sorted((p.name, p.stat().st_mtime_ns) for p in out.iterdir()) == before
