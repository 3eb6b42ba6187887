"""Writing outputs: atomic replacement, clear errors, a staleness check, reproducible zips."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from anticorrupt_plan.core.errors import OutputError
from anticorrupt_plan.core.output import (
    ZIP_TIMESTAMP,
    deterministic_zip,
    ensure_directory,
    rezip,
    stale_outputs,
    write_atomic,
)


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


def test_an_interrupted_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.md"
    target.write_bytes(b"old")

    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)

    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new")

    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]
    assert target.read_bytes() == b"old"


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


ENTRIES = {"word/document.xml": b"<w:document/>", "[Content_Types].xml": b"<Types/>"}


def test_entries_are_sorted_and_stamped_with_one_fixed_time() -> None:
    archive = zipfile.ZipFile(io.BytesIO(deterministic_zip(ENTRIES)))

    assert archive.namelist() == ["[Content_Types].xml", "word/document.xml"]
    assert {info.date_time for info in archive.infolist()} == {ZIP_TIMESTAMP}
    assert {info.external_attr >> 16 for info in archive.infolist()} == {0o644}
    assert archive.read("word/document.xml") == b"<w:document/>"


def test_the_order_entries_are_given_in_does_not_matter() -> None:
    reversed_entries = dict(reversed(list(ENTRIES.items())))

    assert deterministic_zip(reversed_entries) == deterministic_zip(ENTRIES)


def test_rezip_rewrites_an_archive_written_with_the_clock() -> None:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr(zipfile.ZipInfo("b.xml", date_time=(2024, 5, 6, 7, 8, 10)), b"b")
        archive.writestr(zipfile.ZipInfo("a.xml", date_time=(2031, 1, 2, 3, 4, 6)), b"a")

    assert rezip(stream.getvalue()) == deterministic_zip({"a.xml": b"a", "b.xml": b"b"})
