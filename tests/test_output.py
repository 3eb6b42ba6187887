"""Writing outputs: atomic replacement, clear errors, a staleness check, reproducible zips."""

from __future__ import annotations

import io
import os
import stat
import zipfile
from pathlib import Path

import pytest

from anticorrupt_plan.core.errors import OutputError
from anticorrupt_plan.core.output import (
    CHUNK,
    TEMPORARY_MARK,
    ZIP_TIMESTAMP,
    deterministic_zip,
    ensure_directory,
    stale_outputs,
    write_atomic,
    write_together,
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


def test_a_failed_write_whose_temporary_file_cannot_be_removed_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.md"
    target.write_bytes(b"old")

    def failing_disk(*args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing_disk)
    monkeypatch.setattr(Path, "unlink", failing_disk)

    with pytest.raises(OutputError) as raised:
        write_atomic(target, b"new")

    assert str(raised.value) == f"{target}: cannot write: Input/output error"
    assert target.read_bytes() == b"old"


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


def read_only_from_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """The file system turns read-only once the temporary files are written: as a disk
    remounted read-only after an error, nothing can be renamed or removed any more."""

    def refuse(self: Path, *args: object, **kwargs: object) -> Path:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(Path, "replace", refuse)
    monkeypatch.setattr(Path, "unlink", refuse)


def test_a_file_system_turned_read_only_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.md"
    target.write_bytes(b"old")
    read_only_from_now(monkeypatch)

    with pytest.raises(OutputError) as raised:
        write_atomic(target, b"new")

    assert str(raised.value) == f"{target}: cannot write: Read-only file system"
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

    with pytest.raises(OutputError) as raised:
        write_atomic(tmp_path / "plan.md", b"x")

    assert (
        str(raised.value)
        == f"{tmp_path / 'plan.md'}: is a directory; cannot write a document there"
    )


def test_a_failed_rename_keeps_the_previous_file_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.md"
    target.write_bytes(b"old")

    def read_only(self: Path, target: Path) -> Path:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(Path, "replace", read_only)

    with pytest.raises(OutputError) as raised:
        write_atomic(target, b"new")

    assert str(raised.value) == f"{target}: cannot write: Read-only file system"
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]


def test_missing_parent_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot write"):
        write_atomic(tmp_path / "nowhere" / "plan.md", b"x")


def test_ensure_directory_creates_parents_and_refuses_a_file(tmp_path: Path) -> None:
    ensure_directory(tmp_path / "a" / "b")
    (tmp_path / "file").write_text("x")

    assert (tmp_path / "a" / "b").is_dir()
    with pytest.raises(OutputError) as raised:
        ensure_directory(tmp_path / "file")
    assert str(raised.value) == f"{tmp_path / 'file'}: exists and is not a folder"


def test_ensure_directory_under_a_file_says_why_it_cannot_create_it(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")

    with pytest.raises(OutputError) as raised:
        ensure_directory(tmp_path / "file" / "out")

    assert str(raised.value) == f"{tmp_path / 'file' / 'out'}: cannot create: Not a directory"


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


def test_stale_outputs_names_an_output_it_cannot_read_and_why(tmp_path: Path) -> None:
    (tmp_path / "plan.docx").mkdir()
    (tmp_path / "plan.md").write_bytes(b"old")

    stale = stale_outputs({tmp_path / "plan.md": b"new", tmp_path / "plan.docx": b"new"})

    assert stale == [
        (tmp_path / "plan.docx", "unreadable (Is a directory)"),
        (tmp_path / "plan.md", "out of date"),
    ]


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


def test_an_entry_given_in_pieces_is_the_same_bytes_as_the_pieces_joined() -> None:
    # Over two chunks' worth, so that it is written in several chunks and a last part.
    text = "".join(f"<w:p><w:r><w:t>แถว {n}</w:t></w:r></w:p>" for n in range(50000)).encode()
    assert len(text) > 2 * CHUNK
    pieces = [text[start : start + 7919] for start in range(0, len(text), 7919)]

    assert deterministic_zip({"a.xml": b"a", "word/document.xml": pieces}) == deterministic_zip(
        {"a.xml": b"a", "word/document.xml": text}
    )


# --- one build, one transaction ------------------------------------------------------------------

DOCUMENTS = {"plan.md": b"new markdown", "plan.docx": b"new docx"}


def previous_build(folder: Path) -> dict[str, bytes]:
    folder.mkdir(exist_ok=True)
    old = {"plan.md": b"old markdown", "plan.docx": b"old docx"}
    for name, data in old.items():
        (folder / name).write_bytes(data)
    return old


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_write_together_writes_every_document_and_leaves_only_them(tmp_path: Path) -> None:
    previous_build(tmp_path)

    written = write_together(tmp_path, DOCUMENTS)

    assert written == [tmp_path / "plan.md", tmp_path / "plan.docx"]
    assert contents(tmp_path) == DOCUMENTS


def test_a_failure_while_writing_any_document_replaces_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = previous_build(tmp_path)
    calls = []

    def disk_full_at_the_second(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full_at_the_second)

    with pytest.raises(OutputError) as raised:
        write_together(tmp_path, DOCUMENTS)

    assert str(raised.value) == f"{tmp_path / 'plan.docx'}: cannot write: No space left on device"
    assert contents(tmp_path) == old  # the Markdown, written first, was not put in place


def test_an_interrupt_while_writing_replaces_nothing_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = previous_build(tmp_path)
    calls = []

    def interrupt_at_the_second(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt_at_the_second)

    with pytest.raises(KeyboardInterrupt):
        write_together(tmp_path, DOCUMENTS)

    assert contents(tmp_path) == old


def test_a_rename_that_fails_midway_names_what_was_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    previous_build(tmp_path)
    rename = Path.replace

    def fail_for_the_docx(self: Path, target: Path) -> Path:
        if Path(target).name == "plan.docx":
            raise OSError(5, "Input/output error")
        return rename(self, target)

    monkeypatch.setattr(Path, "replace", fail_for_the_docx)

    with pytest.raises(OutputError) as raised:
        write_together(tmp_path, DOCUMENTS)

    assert str(raised.value) == (
        f"{tmp_path / 'plan.docx'}: cannot write: Input/output error; "
        f"already replaced by this build: {tmp_path / 'plan.md'}"
    )
    assert contents(tmp_path) == {"plan.md": b"new markdown", "plan.docx": b"old docx"}


THREE = {"plan.md": b"new markdown", "plan.docx": b"new docx", "plan.pdf": b"new pdf"}


@pytest.mark.parametrize(
    ("failing", "replaced", "left"),
    [
        ("plan.md", "nothing replaced", ["plan.docx", "plan.pdf"]),
        ("plan.docx", "already replaced by this build: {out}/plan.md", ["plan.pdf"]),
        ("plan.pdf", "already replaced by this build: {out}/plan.md, {out}/plan.docx", []),
    ],
)
def test_a_failed_rename_names_what_was_replaced_and_what_was_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str, replaced: str, left: list[str]
) -> None:
    rename = Path.replace

    def fail_for_one(self: Path, target: Path) -> Path:
        if Path(target).name == failing:
            raise OSError(5, "Input/output error")
        return rename(self, target)

    monkeypatch.setattr(Path, "replace", fail_for_one)

    with pytest.raises(OutputError) as raised:
        write_together(tmp_path, THREE)

    expected = f"{tmp_path / failing}: cannot write: Input/output error; {replaced}"
    if left:
        expected += "; left as they were: " + ", ".join(str(tmp_path / name) for name in left)
    assert str(raised.value) == expected.format(out=tmp_path)


def test_a_file_system_turned_read_only_before_the_renames_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = previous_build(tmp_path)
    read_only_from_now(monkeypatch)

    with pytest.raises(OutputError) as raised:
        write_together(tmp_path, DOCUMENTS)

    assert str(raised.value) == (
        f"{tmp_path / 'plan.md'}: cannot write: Read-only file system; nothing replaced; "
        f"left as they were: {tmp_path / 'plan.docx'}"
    )
    assert {name: contents(tmp_path)[name] for name in old} == old


def test_a_directory_in_the_way_stops_the_build_before_anything_is_written(
    tmp_path: Path,
) -> None:
    (tmp_path / "plan.md").write_bytes(b"old markdown")
    (tmp_path / "plan.docx").mkdir()

    with pytest.raises(OutputError, match=r"plan\.docx: is a directory"):
        write_together(tmp_path, DOCUMENTS)

    assert (tmp_path / "plan.md").read_bytes() == b"old markdown"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.docx", "plan.md"]


def test_a_document_that_is_a_link_is_replaced_not_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"untouched")
    out = tmp_path / "out"
    out.mkdir()
    (out / "plan.md").symlink_to(victim)

    write_together(out, DOCUMENTS)

    assert victim.read_bytes() == b"untouched"
    assert not (out / "plan.md").is_symlink()
    assert (out / "plan.md").read_bytes() == b"new markdown"


def test_temporary_files_a_killed_build_left_are_removed_by_the_next(tmp_path: Path) -> None:
    stale = [".plan.md.plan-tmp-k2j4_x9a", ".plan.docx.plan-tmp-0qz81mzw"]
    stale += [".plan.docx.k2j4_x9a.tmp"]  # as earlier versions named them
    kept = [".plan.md.tmp", "notes.plan-tmp-1", ".gitignore", ".other.md.k2j4_x9a.tmp"]
    for name in stale + kept:
        (tmp_path / name).write_bytes(b"x")

    write_together(tmp_path, DOCUMENTS)

    assert sorted(contents(tmp_path)) == sorted([*kept, "plan.md", "plan.docx"])


def test_a_leftover_temporary_file_that_cannot_be_removed_does_not_stop_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As in a shared folder with the sticky bit, where another user's files stay.
    (tmp_path / ".plan.md.plan-tmp-k2j4_x9a").write_bytes(b"another user's")

    def not_ours(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(Path, "unlink", not_ours)

    write_together(tmp_path, DOCUMENTS)

    assert contents(tmp_path) == {**DOCUMENTS, ".plan.md.plan-tmp-k2j4_x9a": b"another user's"}


def test_a_link_named_like_a_temporary_file_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_bytes(b"notes")
    (tmp_path / ".plan.md.plan-tmp-k2j4_x9a").symlink_to(tmp_path / "notes.md")

    write_together(tmp_path, DOCUMENTS)

    assert (tmp_path / ".plan.md.plan-tmp-k2j4_x9a").is_symlink()


def test_a_folder_that_cannot_be_searched_for_old_temporary_files_still_gets_the_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    previous_build(tmp_path)

    def unlistable(path: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "scandir", unlistable)

    write_together(tmp_path, DOCUMENTS)

    assert contents(tmp_path) == DOCUMENTS


def test_a_file_system_that_cannot_sync_a_folder_still_gets_the_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    previous_build(tmp_path)
    sync = os.fsync

    def files_only(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(22, "Invalid argument")
        sync(fd)

    monkeypatch.setattr(os, "fsync", files_only)

    write_together(tmp_path, DOCUMENTS)

    assert contents(tmp_path) == DOCUMENTS


def test_temporary_files_are_named_after_their_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []

    def look(fd: int) -> None:
        seen.extend(p.name for p in tmp_path.iterdir() if TEMPORARY_MARK in p.name)

    monkeypatch.setattr(os, "fsync", look)

    write_together(tmp_path, {"plan.md": b"x"})

    [name] = set(seen)
    assert name.startswith(".plan.md.plan-tmp-")
