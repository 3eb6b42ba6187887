"""Put built documents on disk safely, check them without writing, and zip them reproducibly."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path

from anticorrupt_plan.core.errors import OutputError


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a part.

    The bytes go to a temporary file beside the target, reach the disk, and then replace
    the target in one rename; a failure at any point leaves the previous file untouched.
    """
    if path.is_dir():
        raise OutputError(path=str(path), reason="is a directory; cannot write a document there")
    try:
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(path=str(path), reason=f"cannot write: {error.strerror}") from error
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.chmod(0o666 & ~_umask())
        temporary.replace(path)
    except OSError as error:
        raise OutputError(path=str(path), reason=f"cannot write: {error.strerror}") from error
    finally:  # also on Ctrl-C: no temporary file is left beside the documents
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def _umask() -> int:
    # The only way to read the umask is to set it; put it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def ensure_directory(directory: Path) -> None:
    """Create the output folder (and its parents) unless it exists."""
    if directory.exists() and not directory.is_dir():
        raise OutputError(path=str(directory), reason="exists and is not a folder")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(path=str(directory), reason=f"cannot create: {error.strerror}") from error


def stale_outputs(outputs: Mapping[Path, bytes]) -> list[tuple[Path, str]]:
    """Which of ``outputs`` on disk are missing or differ from the given bytes, and how."""
    stale: list[tuple[Path, str]] = []
    for path, data in sorted(outputs.items()):
        try:
            current = path.read_bytes()
        except FileNotFoundError:
            stale.append((path, "missing"))
            continue
        except OSError as error:
            stale.append((path, f"unreadable ({error.strerror})"))
            continue
        if current != data:
            stale.append((path, "out of date"))
    return stale


# The earliest time a zip entry can carry; any fixed time would do, and this one is the
# convention of reproducible-build tools.
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)


def deterministic_zip(entries: Mapping[str, bytes]) -> bytes:
    """A zip archive of ``entries`` whose bytes depend on nothing but the entries.

    Entries are stored in name order, each with the same timestamp, permissions and
    compression, so that the archive does not vary with the clock, the time zone or the
    order in which a library happened to write its parts.
    """
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whichever system builds it
            info.external_attr = 0o644 << 16
            archive.writestr(info, entries[name], compresslevel=9)
    return stream.getvalue()


def rezip(data: bytes) -> bytes:
    """The zip archive ``data`` rewritten by :func:`deterministic_zip`."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return deterministic_zip({name: archive.read(name) for name in archive.namelist()})
