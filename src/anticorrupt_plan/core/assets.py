"""Read a file that a plan names (the emblem, later a chart or another image) safely.

A plan may come from someone else, so the files it names are untrusted paths: the file must
be a regular file inside the plan's folder once every symbolic link is followed, no larger
than its kind needs, and of the kind it claims to be (judged by its first bytes, not its
name). It is opened without following a link and without waiting, so a link swapped in, a
pipe or a device can neither lead outside the folder nor hang the program; and it is read no
further than its limit, whatever size the file system reports.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from anticorrupt_plan.core.errors import AssetError
from anticorrupt_plan.core.i18n import tr


@dataclass(frozen=True)
class AssetKind:
    """A kind of file, known by how its content starts."""

    name: str
    signatures: tuple[bytes, ...]


PNG = AssetKind("PNG", (b"\x89PNG\r\n\x1a\n",))
JPEG = AssetKind("JPEG", (b"\xff\xd8\xff",))
IMAGES = (PNG, JPEG)

_DIRECTORY = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
# O_NONBLOCK: opening a pipe that no one writes to would otherwise wait for ever.
_FILE = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC


def read_asset(base: Path, relative: str, *, max_bytes: int, kinds: Sequence[AssetKind]) -> bytes:
    """The content of the file ``relative`` names inside the folder ``base``.

    Raises AssetError, whose reason names the file as ``relative`` gives it, when the file
    is outside ``base`` (the same words whether or not such a file exists), missing, not a
    regular file, larger than ``max_bytes``, or not one of ``kinds``.
    """
    root, parts = _inside(base, relative)
    descriptor = _open(root, parts, relative)
    try:
        data = _read(descriptor, relative, max_bytes=max_bytes)
    finally:
        os.close(descriptor)
    if not any(data.startswith(sign) for kind in kinds for sign in kind.signatures):
        names = [kind.name for kind in kinds]
        if len(names) > 1:
            names = [tr("{some} or {last}", some=", ".join(names[:-1]), last=names[-1])]
        raise AssetError(
            tr(
                "{file} is not an image a document can hold; use a {kinds} file",
                file=relative,
                kinds=names[0],
            )
        )
    return data


def _inside(base: Path, relative: str) -> tuple[Path, tuple[str, ...]]:
    """The real folder ``base`` and the parts of the real path of ``relative`` inside it."""
    try:
        root = base.resolve()
        # Nothing outside the folder is looked at: a path that leaves it is refused before
        # anything there is opened, so the reply says nothing of what exists there.
        target = (root / relative).resolve()
    except (OSError, RuntimeError, ValueError):  # a loop of links; a NUL in the name
        reason = tr("{file} cannot be read: its path cannot be followed", file=relative)
        raise AssetError(reason) from None
    if Path(relative).is_absolute() or not target.is_relative_to(root):
        raise AssetError(
            tr(
                "{file} is not inside the plan's folder; keep the files a plan names in its "
                "folder or below it, and give their paths relative to the plan",
                file=relative,
            )
        )
    parts = target.relative_to(root).parts
    if not parts:
        raise AssetError(tr("{file} is a folder; give the path of the file", file=relative))
    return root, parts


def _open(root: Path, parts: tuple[str, ...], relative: str) -> int:
    """Open the file at ``parts`` below ``root`` one folder at a time, following no link:
    a link put in place after the path was checked cannot lead anywhere else."""
    descriptor = -1
    try:
        descriptor = os.open(root, _DIRECTORY)
        for part in parts[:-1]:
            try:
                inner = os.open(part, _DIRECTORY, dir_fd=descriptor)
            except OSError as error:  # a link where the checked path had a folder: ENOTDIR
                if stat.S_ISLNK(os.stat(part, dir_fd=descriptor, follow_symlinks=False).st_mode):
                    raise AssetError(_not_a_file(relative, stat.S_IFLNK)) from None
                raise error
            os.close(descriptor)
            descriptor = inner
        # Look before opening: a device is never opened at all.
        info = os.stat(parts[-1], dir_fd=descriptor, follow_symlinks=False)
        if not stat.S_ISREG(info.st_mode):
            raise AssetError(_not_a_file(relative, info.st_mode))
        inner = os.open(parts[-1], _FILE, dir_fd=descriptor)
    except OSError as error:
        raise AssetError(_unreadable(relative, error)) from None
    finally:
        if descriptor >= 0:
            os.close(descriptor)
    return inner


def _read(descriptor: int, relative: str, *, max_bytes: int) -> bytes:
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):  # changed between the look and the opening
        raise AssetError(_not_a_file(relative, info.st_mode))
    if info.st_size > max_bytes:
        raise _too_large(relative, max_bytes)
    chunks: list[bytes] = []
    size = 0
    try:
        while chunk := os.read(descriptor, max_bytes + 1 - size):
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:  # it grew after fstat: read no further than the limit
                raise _too_large(relative, max_bytes)
    except OSError as error:
        raise AssetError(_unreadable(relative, error)) from None
    return b"".join(chunks)


def _too_large(relative: str, max_bytes: int) -> AssetError:
    return AssetError(
        tr(
            "{file} is larger than {limit} MB, the most such a file may be",
            file=relative,
            limit=max_bytes // 1024 // 1024,
        )
    )


def _not_a_file(relative: str, mode: int) -> str:
    if stat.S_ISDIR(mode):
        return tr("{file} is a folder; give the path of the file", file=relative)
    if stat.S_ISLNK(mode):
        return tr("{file} changed while it was read; try again", file=relative)
    return tr("{file} is not a regular file (a device, a pipe or a socket)", file=relative)


def _unreadable(relative: str, error: OSError) -> str:
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return tr("no such file: {file}", file=relative)
    if error.errno == errno.ELOOP:
        return tr("{file} changed while it was read; try again", file=relative)
    return tr("{file} cannot be read: {error}", file=relative, error=error.strerror)
