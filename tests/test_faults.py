"""Faults: a killed build, unwritable or odd output locations, and --check that never writes."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from anticorrupt_plan.cli.commands import Exit, app

from .conftest import PLAN_PATH
from .programs import require

runner = CliRunner()


# Not yet here (issue 15, part 3): faults injected deterministically at each step of a write
# (after the temporary file, before and after the rename, between two formats). The timed
# SIGKILL below cannot fail for a non-atomic write; the seam for those faults belongs in
# core/output.py, which is being rewritten on another branch, and the tests come with it.
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


# --- permissions, as a user they apply to -----------------------------------------------------
#
# Root writes into read-only folders and reads unreadable files, so as root these cases run
# the real command as the unprivileged user nobody (through util-linux's setpriv), in a
# folder that user owns. Where nobody cannot reach the project's Python (a checkout in a
# private folder), they run it as root without root's capabilities instead, to whom file
# permissions apply just the same. As any other user they run it as that user.

NOBODY = 65534
SETPRIV_NOBODY = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
SETPRIV_NO_CAPABILITIES = ["setpriv", "--bounding-set=-all", "--inh-caps=-all"]


@dataclass(frozen=True)
class Unprivileged:
    """Runs the plan command as a user file permissions apply to, in a folder it owns."""

    prefix: list[str]  # what runs a command as that user
    uid: int
    work: Path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [*self.prefix, sys.executable, "-m", "anticorrupt_plan", *args]
        return subprocess.run(command, cwd=self.work, capture_output=True, text=True, check=False)

    def own(self, path: Path, mode: int) -> Path:
        """Give ``path`` to the user, with ``mode``."""
        os.chown(path, self.uid, -1)
        path.chmod(mode)
        return path

    def folder(self, mode: int) -> Path:
        return self.own(Path(tempfile.mkdtemp(dir=self.work)), mode)

    def plan(self, mode: int = 0o644) -> Path:
        plan = self.work / "plan.yaml"
        plan.write_bytes(PLAN_PATH.read_bytes())
        return self.own(plan, mode)


def can_run_python(prefix: list[str], work: Path) -> bool:
    probe = [*prefix, sys.executable, "-c", "import anticorrupt_plan.cli.commands"]
    return subprocess.run(probe, cwd=work, capture_output=True, check=False).returncode == 0


@pytest.fixture
def unprivileged() -> Iterator[Unprivileged]:
    # tmp_path is private to root (0700); the unprivileged user needs a folder it can reach.
    work = Path(tempfile.mkdtemp(prefix="plan-unprivileged-"))
    try:
        work.chmod(0o755)
        if os.geteuid() != 0:
            yield Unprivileged([], os.geteuid(), work)
            return
        require(["setpriv"])  # skipped without it, failed in CI
        os.chown(work, NOBODY, NOBODY)
        if can_run_python(SETPRIV_NOBODY, work):
            yield Unprivileged(SETPRIV_NOBODY, NOBODY, work)
            return
        os.chown(work, 0, 0)
        assert can_run_python(SETPRIV_NO_CAPABILITIES, work), "setpriv cannot drop capabilities"
        yield Unprivileged(SETPRIV_NO_CAPABILITIES, 0, work)
    finally:
        shutil.rmtree(work)


def test_the_unprivileged_user_can_build_into_its_own_folder(unprivileged: Unprivileged) -> None:
    unprivileged.plan()
    out = unprivileged.folder(0o755)

    done = unprivileged.run("build", "plan.yaml", "--out", str(out))

    assert done.returncode == Exit.OK, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["plan.docx", "plan.md"]
    assert {p.stat().st_uid for p in out.iterdir()} == {unprivileged.uid}


def test_read_only_output_folder_is_a_clear_error(unprivileged: Unprivileged) -> None:
    unprivileged.plan()
    out = unprivileged.folder(0o555)

    done = unprivileged.run("build", "plan.yaml", "--out", str(out))

    assert done.returncode == Exit.FAILED_OR_CHANGED
    assert f"{out / 'plan.md'}: cannot write: Permission denied" in done.stderr
    assert "Traceback" not in done.stderr
    assert list(out.iterdir()) == []  # not even a temporary file


def test_read_only_document_in_a_writable_folder_is_replaced_whole(
    unprivileged: Unprivileged,
) -> None:
    unprivileged.plan()
    out = unprivileged.folder(0o755)
    old = out / "plan.md"
    old.write_text("old", encoding="utf-8")
    unprivileged.own(old, 0o444)

    done = unprivileged.run("build", "plan.yaml", "--out", str(out), "--format", "md")

    # A document is replaced by a rename, which the folder's permissions govern, as an
    # editor's "save" does; the old read-only copy never shows half-written.
    assert done.returncode == Exit.OK, done.stderr
    assert "# ประกาศองค์การบริหารส่วนตำบลทุ่งทอง" in old.read_text(encoding="utf-8")
    assert sorted(p.name for p in out.iterdir()) == ["plan.md"]


def test_unreadable_plan_file_is_a_clear_error(unprivileged: Unprivileged) -> None:
    unprivileged.plan(0o000)

    done = unprivileged.run("validate", "plan.yaml")

    assert done.returncode == Exit.FAILED_OR_CHANGED
    assert done.stderr == "plan.yaml: cannot read: Permission denied\n"


def test_without_capabilities_root_meets_file_permissions_too(tmp_path: Path) -> None:
    # The fallback above, for a checkout the user nobody cannot reach, must really be one.
    if os.geteuid() != 0:
        pytest.skip("tests the fallback for root; not running as root")
    require(["setpriv"])
    folder = tmp_path / "read-only"
    folder.mkdir(mode=0o555)

    done = subprocess.run(
        [*SETPRIV_NO_CAPABILITIES, "touch", str(folder / "x")], capture_output=True, check=False
    )

    assert done.returncode != 0
    assert list(folder.iterdir()) == []


# --- another file system ------------------------------------------------------------------------

# Candidates for a folder on a file system of its own (tmpfs on most Linux machines).
OTHER_FILESYSTEMS = ("/dev/shm", "/run/user", "/run", "/var/tmp", "/tmp")


def another_filesystem(*than: Path) -> Path | None:
    """A writable folder on a file system that none of ``than`` is on, or None."""
    taken = {path.stat().st_dev for path in than}
    for candidate in map(Path, OTHER_FILESYSTEMS):
        if (
            candidate.is_dir()
            and os.access(candidate, os.W_OK | os.X_OK)
            and candidate.stat().st_dev not in taken
        ):
            return candidate
    return None


def test_a_build_into_a_folder_on_another_file_system(tmp_path: Path) -> None:
    # The temporary file must sit beside the document: one made in the system temp folder
    # (or the plan's) cannot be renamed across file systems ("Invalid cross-device link").
    system_temp = Path(tempfile.gettempdir())
    other = another_filesystem(system_temp, tmp_path, Path.cwd())
    if other is None:
        pytest.skip(
            "no writable folder on a second file system (no tmpfs at /dev/shm or /run): "
            f"{system_temp}, {tmp_path} and {Path.cwd()} share one"
        )
    same = tmp_path / "same"
    assert runner.invoke(app, ["build", str(PLAN_PATH), "--out", str(same)]).exit_code == 0

    with tempfile.TemporaryDirectory(dir=other, prefix="plan-build-") as folder:
        out = Path(folder) / "out"
        result = runner.invoke(app, ["build", str(PLAN_PATH), "--out", str(out)])
        built = {p.name: p.read_bytes() for p in out.iterdir()}
        device = out.stat().st_dev

    assert device != system_temp.stat().st_dev
    assert result.exit_code == Exit.OK, result.stderr
    assert sorted(built) == ["plan.docx", "plan.md"]  # and no temporary file beside them
    assert built == {p.name: p.read_bytes() for p in same.iterdir()}


def test_check_never_writes_even_when_everything_is_stale(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "plan.md").write_text("old", encoding="utf-8")
    before = sorted((p.name, p.stat().st_mtime_ns) for p in out.iterdir())

    result = runner.invoke(app, ["build", str(PLAN_PATH), "--out", str(out), "--check"])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert sorted((p.name, p.stat().st_mtime_ns) for p in out.iterdir()) == before
