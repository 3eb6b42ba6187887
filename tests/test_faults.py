"""Faults: a killed build, unwritable or odd output locations, and --check that never writes."""

from __future__ import annotations

import contextlib
import fcntl
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from anticorrupt_plan.cli.commands import Exit, app
from anticorrupt_plan.core import output

from .conftest import PLAN_PATH
from .programs import require

runner = CliRunner()


# --- faults at each step of a write, through the seam core.output.at_step -----------------------

DOCUMENTS = ("plan.md", "plan.docx")
# Every step a build's write goes through for its two documents, in order: each temporary file
# written, then each document renamed into place, then all done.
STEPS = [
    ("written", "plan.md"),
    ("written", "plan.docx"),
    ("renaming", "plan.md"),
    ("renamed", "plan.md"),  # between the two formats
    ("renaming", "plan.docx"),
    ("renamed", "plan.docx"),
    ("done", "out"),
]
# Run the real command with a fault at one step: the seam kills the process (SIGKILL, which
# nothing can catch) or sends it SIGTERM (as a CI runner or a service manager stops a job).
FAULTY_BUILD = """
import os, signal, sys
from pathlib import Path
from anticorrupt_plan.core import output
from anticorrupt_plan.cli.commands import main

step, name, how = sys.argv[1:4]
del sys.argv[1:4]

def at_step(at, path):
    if (at, Path(path).name) == (step, name):
        os.kill(os.getpid(), signal.SIGKILL if how == "kill" else signal.SIGTERM)

output.at_step = at_step
main()
"""


@dataclass
class Versions:
    """A plan in two revisions, and the documents a finished build of each writes."""

    plan: Path
    out: Path
    revisions: list[str]
    built: list[dict[str, bytes]]  # by revision: file name -> bytes

    def write(self, revision: int) -> None:
        self.plan.write_text(self.revisions[revision], encoding="utf-8")

    def on_disk(self) -> dict[str, bytes]:
        return {name: (self.out / name).read_bytes() for name in DOCUMENTS}

    def leftovers(self) -> list[str]:
        return sorted(p.name for p in self.out.iterdir() if p.name not in DOCUMENTS)


@pytest.fixture
def versions(tmp_path: Path) -> Versions:
    plan, out = tmp_path / "plan.yaml", tmp_path / "out"
    source = PLAN_PATH.read_text(encoding="utf-8")
    found = Versions(plan, out, [source, source.replace("ร้อยละ ๙๐", "ร้อยละ ๙๕")], [])
    for revision in range(2):
        found.write(revision)
        assert runner.invoke(app, ["build", str(plan), "--out", str(out)]).exit_code == 0
        found.built.append(found.on_disk())
    assert all(found.built[0][name] != found.built[1][name] for name in found.built[0])
    found.write(0)  # the documents on disk are revision 1's; the plan is revision 0 again
    return found


def faulty_build(versions: Versions, step: str, name: str, how: str) -> int:
    command = [sys.executable, "-c", FAULTY_BUILD, step, name, how]
    done = subprocess.run(
        [*command, "build", str(versions.plan), "--out", str(versions.out)],
        capture_output=True,
        check=False,
    )
    return done.returncode


@pytest.mark.parametrize(("step", "name"), STEPS, ids=[f"{s}-{n}" for s, n in STEPS])
def test_a_build_killed_at_each_step_leaves_each_document_whole(
    versions: Versions, step: str, name: str
) -> None:
    status = faulty_build(versions, step, name, "kill")

    assert status == -signal.SIGKILL
    on_disk = versions.on_disk()
    for document, data in on_disk.items():
        assert data in (versions.built[0][document], versions.built[1][document]), document
    # What is renamed is new, what is not yet renamed is old, in the order of the steps.
    for document in DOCUMENTS:
        renamed = STEPS.index((step, name)) > STEPS.index(("renaming", document))
        assert on_disk[document] == versions.built[0 if renamed else 1][document], document
    # The next build finds the temporary files the killed one left, and removes them.
    assert (
        runner.invoke(app, ["build", str(versions.plan), "--out", str(versions.out)]).exit_code == 0
    )
    assert versions.on_disk() == versions.built[0]
    assert versions.leftovers() == []


@pytest.mark.parametrize(("step", "name"), STEPS, ids=[f"{s}-{n}" for s, n in STEPS])
def test_sigterm_at_each_step_leaves_all_old_or_all_new_documents(
    versions: Versions, step: str, name: str
) -> None:
    status = faulty_build(versions, step, name, "term")

    assert status == 130  # as Ctrl-C: 128 + SIGINT
    # Before the renames, the build stops with nothing replaced; once they have begun, the
    # signal waits until every document is in place.
    expected = 0 if step in ("renaming", "renamed", "done") else 1
    assert versions.on_disk() == versions.built[expected]
    assert versions.leftovers() == []


@pytest.mark.parametrize(
    ("step", "name"),
    [("written", "plan.md"), ("written", "plan.docx"), ("renaming", "plan.md")],
)
def test_an_error_before_any_rename_leaves_every_document_as_it_was(
    versions: Versions, monkeypatch: pytest.MonkeyPatch, step: str, name: str
) -> None:
    def fail(at: str, path: Path) -> None:
        if (at, path.name) == (step, name):
            raise OSError(5, "Input/output error")

    monkeypatch.setattr(output, "at_step", fail)

    result = runner.invoke(app, ["build", str(versions.plan), "--out", str(versions.out)])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert "Input/output error" in result.stderr
    assert versions.on_disk() == versions.built[1]
    assert versions.leftovers() == []


def test_an_error_between_two_renames_says_which_document_was_replaced(
    versions: Versions, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(at: str, path: Path) -> None:
        if (at, path.name) == ("renaming", "plan.docx"):
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(output, "at_step", fail)

    result = runner.invoke(app, ["build", str(versions.plan), "--out", str(versions.out)])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert result.stderr.startswith(
        f"{versions.out / 'plan.docx'}: cannot write: No space left on device; already "
        f"replaced by this build: {versions.out / 'plan.md'}"
    )
    assert versions.on_disk() == {
        "plan.md": versions.built[0]["plan.md"],
        "plan.docx": versions.built[1]["plan.docx"],
    }
    assert versions.leftovers() == []


# A build killed at a random moment, with no seam: the same, however the timing falls.
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


def test_a_build_after_killed_ones_removes_the_temporary_files_they_left(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    left = [".plan.md.plan-tmp-3k2m_a0z", ".plan.docx.plan-tmp-qq81x0_m"]  # as SIGKILL leaves
    for name in left:
        (out / name).write_bytes(b"partial")

    result = runner.invoke(app, ["build", str(PLAN_PATH), "--out", str(out)])

    assert result.exit_code == Exit.OK
    assert sorted(p.name for p in out.iterdir()) == ["plan.docx", "plan.md"]


# --- outputs stay inside --out ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "shown_stem"),
    [("...yaml", "'..'"), ("..yml", "'.'"), ("\x1b[2Kplan.yaml", "'\\x1b[2Kplan'")],
)
def test_a_batch_refuses_a_plan_whose_name_cannot_name_a_folder_before_building_any(
    tmp_path: Path, name: str, shown_stem: str
) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / name).write_text(PLAN_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out" / "o"

    result = runner.invoke(
        app, ["build", str(tmp_path / "x" / name), str(PLAN_PATH), "--out", str(out)]
    )

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert f"{shown_stem} cannot name a folder inside --out; rename the file" in result.stderr
    assert "\x1b" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_batch_refuses_a_plan_folder_that_links_out_of_out_before_building_any(
    tmp_path: Path,
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "plan").symlink_to(elsewhere)
    other = tmp_path / "other.yaml"
    other.write_text(PLAN_PATH.read_text(encoding="utf-8"), encoding="utf-8")

    result = runner.invoke(app, ["build", str(other), str(PLAN_PATH), "--out", str(out)])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert result.stderr.startswith(f"{out / 'plan'}: is a link to a folder outside {out}")
    assert list(elsewhere.iterdir()) == []
    assert sorted(p.name for p in out.iterdir()) == ["plan"]  # other/ was not built either


def test_a_plan_folder_that_links_inside_out_is_used(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "shared").mkdir(parents=True)
    (out / "plan").symlink_to(out / "shared")
    other = tmp_path / "other.yaml"
    other.write_text(PLAN_PATH.read_text(encoding="utf-8"), encoding="utf-8")

    result = runner.invoke(
        app, ["build", str(other), str(PLAN_PATH), "--out", str(out), "-f", "md"]
    )

    assert result.exit_code == Exit.OK, result.stderr
    assert (out / "shared" / "plan.md").is_file()


def test_a_document_in_the_way_leaves_the_others_as_they_were(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "plan.md").write_text("previous", encoding="utf-8")
    (out / "plan.docx").mkdir()

    result = runner.invoke(app, ["build", str(PLAN_PATH), "--out", str(out)])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert (out / "plan.md").read_text(encoding="utf-8") == "previous"


# --- builds into one folder take turns -----------------------------------------------------------


def waiting_for_lock(pid: int) -> bool:
    """Whether process ``pid`` waits for a file lock (Linux's /proc/locks shows waiters)."""
    return any(
        "->" in line and f" {pid} " in line for line in Path("/proc/locks").read_text().splitlines()
    )


def until(condition: Callable[[], bool], *, process: subprocess.Popen[bytes]) -> None:
    """Wait for ``condition``; fail if ``process`` ends first or a minute goes by."""
    deadline = time.monotonic() + 60  # a bound for a hung test, not a timing assertion
    while not condition():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the condition never came"
        time.sleep(0.02)


@contextlib.contextmanager
def lock_held(out: Path) -> Iterator[None]:
    """Hold the build lock of ``out``, as another build writing into it would."""
    out.mkdir(exist_ok=True)
    descriptor = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def start_build(plan: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "anticorrupt_plan", "build", str(plan), "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


needs_proc_locks = pytest.mark.skipif(
    not Path("/proc/locks").exists(), reason="needs Linux's /proc/locks"
)


@needs_proc_locks
def test_a_build_waits_for_another_writing_into_the_same_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with lock_held(out):
        process = start_build(PLAN_PATH, out)
        until(lambda: waiting_for_lock(process.pid), process=process)

        assert sorted(p.name for p in out.iterdir()) == []

    process.communicate(timeout=60)
    assert process.returncode == 0
    assert sorted(p.name for p in out.iterdir()) == ["plan.docx", "plan.md"]


@needs_proc_locks
def test_sigterm_while_waiting_leaves_like_ctrl_c_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with lock_held(out):
        process = start_build(PLAN_PATH, out)
        until(lambda: waiting_for_lock(process.pid), process=process)

        process.send_signal(signal.SIGTERM)
        _, errors = process.communicate(timeout=60)

    assert process.returncode == 130  # as after Ctrl-C, not killed by the signal (-15)
    assert b"Traceback" not in errors
    assert sorted(p.name for p in out.iterdir()) == []


def two_plans_of_one_name(tmp_path: Path) -> dict[Path, dict[str, bytes]]:
    """Two different plans both called plan.yaml, and the documents each builds."""
    source = PLAN_PATH.read_text(encoding="utf-8")
    plans: dict[Path, dict[str, bytes]] = {}
    for folder, text in [("a", source), ("b", source.replace("ร้อยละ ๙๐", "ร้อยละ ๙๕"))]:
        plan = tmp_path / folder / "plan.yaml"
        plan.parent.mkdir()
        plan.write_text(text, encoding="utf-8")
        alone = tmp_path / f"alone-{folder}"
        assert runner.invoke(app, ["build", str(plan), "--out", str(alone)]).exit_code == 0
        plans[plan] = {name: (alone / name).read_bytes() for name in ["plan.md", "plan.docx"]}
    assert plans[tmp_path / "a" / "plan.yaml"] != plans[tmp_path / "b" / "plan.yaml"]
    return plans


@needs_proc_locks
def test_the_build_that_waited_writes_all_its_documents_after_the_other(
    tmp_path: Path,
) -> None:
    plans = two_plans_of_one_name(tmp_path)
    a, b = plans
    out = tmp_path / "out"
    with lock_held(out):  # both builds wait, in turn, for the lock
        first = start_build(a, out)
        until(lambda: waiting_for_lock(first.pid), process=first)
        second = start_build(b, out)
        until(lambda: waiting_for_lock(second.pid), process=second)
    for process in (first, second):
        process.communicate(timeout=60)
        assert process.returncode == 0

    found = {name: (out / name).read_bytes() for name in ["plan.md", "plan.docx"]}
    assert found in (plans[a], plans[b])  # both documents of one plan, whichever went last


@pytest.mark.slow
def test_twenty_concurrent_builds_of_two_plans_leave_the_documents_of_one(
    tmp_path: Path,
) -> None:
    plans = two_plans_of_one_name(tmp_path)
    out = tmp_path / "out"
    processes = [start_build(plan, out) for _ in range(10) for plan in plans]
    for process in processes:
        _, errors = process.communicate(timeout=300)
        assert process.returncode == 0, errors

    found = {name: (out / name).read_bytes() for name in ["plan.md", "plan.docx"]}
    assert found in list(plans.values())
    assert sorted(p.name for p in out.iterdir()) == ["plan.docx", "plan.md"]
