"""Read one version of the plan: a file as it is now, or a file at a git revision (``git show``).

A revision is read from git's objects, so no checkout is needed and the working tree is left
as it is. For a bare revision git runs in the folder of the plan file, so the repository is
the one holding the plan wherever the command was started; ``REV:path`` is read as git reads
it, from the current folder.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
from pathlib import Path

from anticorrupt_plan.app.validate import (
    MAX_PLAN_BYTES,
    ValidPlan,
    decode,
    parse_plan,
    read_plan,
    too_large,
)
from anticorrupt_plan.core.errors import (
    GitUnavailableError,
    NotAGitRepositoryError,
    NotAtRevisionError,
    PlanFileError,
    ShortHistoryError,
    UnknownRevisionError,
)
from anticorrupt_plan.core.i18n import tr


def read_version(spec: str, *, plan_file: Path) -> ValidPlan:
    """The version of the plan that ``spec`` names, validated.

    ``spec`` is a file that exists; or ``REV:path``, a file at a git revision with its path as
    git reads it (from the top of the repository, or ``./`` for the current folder); or a
    revision (``HEAD~1``, a tag, a commit) of ``plan_file``.
    """
    if Path(spec).exists():
        return read_plan(Path(spec))
    revision, colon, path = spec.partition(":")
    directory = Path.cwd() if colon else plan_file.parent
    git = _Git(directory, spec)
    prefix = git.prefix()
    if not colon:
        path = f"{prefix}{plan_file.name}"
    if revision:
        git.check_revision(revision)

    def at_revision(named: str) -> ValidPlan:
        # A file the version names (a report's plan) is read at the same revision.
        other = posixpath.normpath(posixpath.join(posixpath.dirname(path), named))
        return parse_plan(_blob(git, spec, revision, other), file=f"{revision}:{other}")

    name = f"{revision}:{path}"
    return parse_plan(_blob(git, spec, revision, path), file=name, read_reference=at_revision)


def _blob(git: _Git, spec: str, revision: str, path: str) -> str:
    """The text of the file at ``path`` in ``revision`` (the index when it is empty)."""
    name = f"{revision}:{path}"
    found = (git.output("cat-file", "-t", name) or b"").decode().strip()
    if found != "blob":
        kind = {"": None, "tree": tr("folder")}.get(found, found)
        index = revision or tr("the index")
        raise NotAtRevisionError(spec=spec, path=path, revision=index, found=kind)
    size = int((git.output("cat-file", "-s", name) or b"0").decode().strip() or 0)
    if size > MAX_PLAN_BYTES:  # as for a file: refused before git writes it all out
        raise PlanFileError(file=name, reason=too_large(size))
    raw = git.output("show", name) or b""
    return decode(raw, display_name=name)


class _Git:
    """git run in one folder on behalf of one version named on the command line."""

    def __init__(self, directory: Path, spec: str) -> None:
        self.directory = directory
        self.spec = spec

    def output(self, *args: str) -> bytes | None:
        """What git prints for ``args``, or None when it fails."""
        try:
            done = subprocess.run(
                ["git", "-C", str(self.directory), *args], capture_output=True, check=False
            )
        except FileNotFoundError:
            raise GitUnavailableError(spec=self.spec) from None
        return done.stdout if done.returncode == 0 else None

    def prefix(self) -> str:
        """The folder's path inside its repository (``""`` at the top, else ending in ``/``)."""
        prefix = self.output("rev-parse", "--show-prefix")
        if prefix is None:
            folder = str(self.directory.resolve())
            raise NotAGitRepositoryError(spec=self.spec, directory=folder)
        return prefix.decode().strip()

    def check_revision(self, revision: str) -> None:
        # A revision never starts with '-'; refusing one keeps it from being read as an option.
        known = not revision.startswith("-") and self.output(
            "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"
        )
        if not known:
            base = re.split(r"[~^]", revision, maxsplit=1)[0] or "HEAD"
            if base != revision and not base.startswith("-"):  # HEAD~3 in a shorter history
                count = self.output("rev-list", "--count", f"{base}^{{commit}}", "--")
                if count and count.strip().isdigit():
                    raise ShortHistoryError(
                        spec=self.spec, revision=revision, base=base, commits=int(count)
                    )
            top = (self.output("rev-parse", "--show-toplevel") or b"").decode().strip()
            raise UnknownRevisionError(spec=self.spec, revision=revision, repository=top)
