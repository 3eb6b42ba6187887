"""Writing outputs: atomic replacement, clear errors, and a staleness check that writes nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from anticorrupt_plan.errors import OutputError
from anticorrupt_plan.output import ensure_directory, stale_outputs, write_atomic


def test_write_atomic_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_bytes(b"old")

    write_atomic(target, b"new")

    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]


def test_failed_write_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.md"
    target.write_bytes(b"old")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)

    with pytest.raises(OutputError) as raised:
        write_atomic(target, b"new")

    assert str(raised.value) == f"{target}: cannot write: No space left on device"
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]


def test_new_files_get_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    old_mask = os.umask(0o022)
    try:
        write_atomic(target, b"x")
    finally:
        os.umask(old_mask)

    assert target.stat().st_mode & 0o777 == 0o644


def test_a_directory_in_the_way_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "plan.md").mkdir()

    with pytest.raises(OutputError, match="is a directory"):
        write_atomic(tmp_path / "plan.md", b"x")


def test_missing_parent_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot write"):
        write_atomic(tmp_path / "nowhere" / "plan.md", b"x")


def test_ensure_directory_creates_parents_and_refuses_a_file(tmp_path: Path) -> None:
    ensure_directory(tmp_path / "a" / "b")
    (tmp_path / "file").write_text("x")

    assert (tmp_path / "a" / "b").is_dir()
    with pytest.raises(OutputError, match="exists and is not a folder"):
        ensure_directory(tmp_path / "file")


def test_stale_outputs_names_missing_and_changed_files(tmp_path: Path) -> None:
    (tmp_path / "same.md").write_bytes(b"same")
    (tmp_path / "changed.md").write_bytes(b"before")

    stale = stale_outputs(
        {
            tmp_path / "same.md": b"same",
            tmp_path / "changed.md": b"after",
            tmp_path / "missing.md": b"new",
        }
    )

    assert stale == [(tmp_path / "changed.md", "out of date"), (tmp_path / "missing.md", "missing")]
