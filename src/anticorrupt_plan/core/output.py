"""Put built documents on disk safely, check them without writing, and zip them reproducibly."""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import re
import signal
import stat
import tempfile
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from anticorrupt_plan.core.errors import OutputError
from anticorrupt_plan.core.i18n import tr

# A temporary file is named after its document and marked, so that a person sees what it
# is, and a later build can tell one left by a killed build from anything else.
TEMPORARY_MARK = ".plan-tmp-"
_TEMPORARY = re.compile(r"\..+\.plan-tmp-[A-Za-z0-9_]+")
# Held while a build writes into a folder: two builds into one folder take turns, so the
# folder never ends up with one build's Markdown beside another's DOCX.


def at_step(step: str, path: Path) -> None:
    """A seam for the tests, called at each step of :func:`write_together`: ``written`` (a
    document's temporary file is on disk), ``renaming`` and ``renamed`` (around the rename
    that puts it in place), ``done`` (all of them in place). The tests put a function here
    that kills the process or raises at one of them; it does nothing otherwise."""


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a part.

    The bytes go to a temporary file beside the target, reach the disk, and then replace
    the target in one rename; a failure at any point leaves the previous file untouched.
    """
    if path.is_dir():
        reason = tr("is a directory; cannot write a document there")
        raise OutputError(path=str(path), reason=reason)
    temporary = _temporary(path, data)
    try:
        temporary.replace(path)
    except OSError as error:
        raise OutputError(
            path=str(path), reason=tr("cannot write: {error}", error=error.strerror)
        ) from error
    finally:  # also on Ctrl-C: no temporary file is left beside the documents
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def write_together(folder: Path, documents: Mapping[str, bytes]) -> list[Path]:
    """Write ``documents`` (file name: bytes) into ``folder`` as one transaction, and return
    their paths.

    Every document is first written to a temporary file beside its target; only when all
    of them are on disk are they renamed into place, one after the other with no signal
    let in between, so an error or an interrupt before that leaves every previous document
    as it was. Should a rename itself fail, the error names the documents already replaced.
    A lock on the folder makes concurrent builds into it take turns, and temporary files
    that a killed build left there are removed. A document that is a symbolic link is
    replaced by the new file, never written through.
    """
    targets = [folder / name for name in documents]
    for target in targets:
        with contextlib.suppress(FileNotFoundError):
            if stat.S_ISDIR(target.lstat().st_mode):
                reason = tr("is a directory; cannot write a document there")
                raise OutputError(path=str(target), reason=reason)
    with _locked(folder):
        _remove_stale_temporaries(folder, documents)
        temporaries: dict[Path, Path] = {}
        try:
            for target, data in zip(targets, documents.values(), strict=True):
                temporaries[target] = _temporary(target, data)
            _rename_all(temporaries)
            _sync_folder(folder)
            at_step("done", folder)
        finally:  # also on Ctrl-C or SIGTERM: no temporary file is left behind
            for temporary in temporaries.values():
                with contextlib.suppress(OSError):
                    temporary.unlink(missing_ok=True)
    return targets


def _temporary(target: Path, data: bytes) -> Path:
    """A new temporary file beside ``target`` holding ``data``, on disk, with the
    permissions a new file gets."""
    try:
        handle, name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}{TEMPORARY_MARK}", suffix=""
        )
    except OSError as error:
        raise OutputError(
            path=str(target), reason=tr("cannot write: {error}", error=error.strerror)
        ) from error
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.chmod(0o666 & ~_umask())
        at_step("written", target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            reason = tr("cannot write: {error}", error=error.strerror)
            raise OutputError(path=str(target), reason=reason) from error
        raise
    return temporary


def _rename_all(temporaries: Mapping[Path, Path]) -> None:
    replaced: list[Path] = []
    # An interrupt between two renames would leave a mixed set: hold it until they are done.
    with _signals_held():
        for target, temporary in temporaries.items():
            try:
                at_step("renaming", target)
                temporary.replace(target)
            except OSError as error:
                left = [str(t) for t in temporaries if t != target and t not in replaced]
                done = ", ".join(str(t) for t in replaced)
                if replaced:
                    reason = tr(
                        "cannot write: {error}; already replaced by this build: {done}",
                        error=error.strerror,
                        done=done,
                    )
                else:
                    reason = tr("cannot write: {error}; nothing replaced", error=error.strerror)
                if left:
                    reason += tr("; left as they were: {left}", left=", ".join(left))
                raise OutputError(path=str(target), reason=reason) from error
            replaced.append(target)
            at_step("renamed", target)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:  # a signal that came meanwhile is delivered now
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold the folder's lock: wait for another build writing into it to finish.

    The lock is taken on the folder itself, so that no lock file is left among the
    documents (a file others would have to leave out of git).
    """
    flags = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC
    try:
        descriptor = os.open(folder, flags)
    except OSError as error:
        raise OutputError(
            path=str(folder), reason=tr("cannot lock: {error}", error=error.strerror)
        ) from error
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)  # released when the file is closed
        yield
    finally:
        os.close(descriptor)


def _remove_stale_temporaries(folder: Path, documents: Mapping[str, bytes]) -> None:
    """Remove what a killed build left: with the lock held, no temporary file is live.

    Earlier versions named a temporary file ``.plan.md.k2j4_x9a.tmp``; those of the
    documents about to be written are removed too.
    """
    earlier = re.compile(
        "|".join(rf"\.{re.escape(name)}\.[a-z0-9_]{{8}}\.tmp" for name in documents) or "$^"
    )
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            stale = _TEMPORARY.fullmatch(entry.name) or earlier.fullmatch(entry.name)
            if stale and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    Path(entry.path).unlink()


def _sync_folder(folder: Path) -> None:
    """Put the renames themselves on disk, where the file system allows it."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _umask() -> int:
    # The only way to read the umask is to set it; put it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def ensure_directory(directory: Path) -> None:
    """Create the output folder (and its parents) unless it exists."""
    if directory.exists() and not directory.is_dir():
        raise OutputError(path=str(directory), reason=tr("exists and is not a folder"))
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = tr("cannot create: {error}", error=error.strerror)
        raise OutputError(path=str(directory), reason=reason) from error


def stale_outputs(outputs: Mapping[Path, bytes]) -> list[tuple[Path, str]]:
    """Which of ``outputs`` on disk are missing or differ from the given bytes, and how."""
    stale: list[tuple[Path, str]] = []
    for path, data in sorted(outputs.items()):
        try:
            current = path.read_bytes()
        except FileNotFoundError:
            stale.append((path, tr("missing")))
            continue
        except OSError as error:
            stale.append((path, tr("unreadable ({error})", error=error.strerror)))
            continue
        if current != data:
            stale.append((path, tr("out of date")))
    return stale


# The earliest time a zip entry can carry; any fixed time would do, and this one is the
# convention of reproducible-build tools.
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)


def deterministic_zip(entries: Mapping[str, bytes | Sequence[bytes]]) -> bytes:
    """A zip archive of ``entries`` whose bytes depend on nothing but the entries.

    Entries are stored in name order, each with the same timestamp, permissions and
    compression, so that the archive does not vary with the clock, the time zone or the
    order in which a library happened to write its parts. An entry given in pieces is
    written piece by piece, as the same bytes as the pieces joined (the compressor's output
    does not depend on how its input is cut), without joining them.
    """
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whichever system builds it
            info.external_attr = 0o644 << 16
            data = entries[name]
            if isinstance(data, bytes):
                archive.writestr(info, data, compresslevel=9)
                continue
            # What writestr does, a piece at a time. (Python 3.13 names the level
            # compress_level and keeps _compresslevel for it.)
            info._compresslevel = 9  # type: ignore[attr-defined]
            info.file_size = sum(len(piece) for piece in data)
            with archive.open(info, mode="w") as entry:
                for chunk in _chunks(data):
                    entry.write(chunk)
    return stream.getvalue()


# Pieces are written in chunks of about this size: fewer writes, and little more memory.
CHUNK = 1 << 20


def _chunks(pieces: Sequence[bytes]) -> Iterator[bytes]:
    """``pieces`` joined into chunks of about :data:`CHUNK` bytes."""
    gathered: list[bytes] = []
    size = 0
    for piece in pieces:
        gathered.append(piece)
        size += len(piece)
        if size >= CHUNK:
            yield b"".join(gathered)
            gathered, size = [], 0
    if gathered:
        yield b"".join(gathered)
