"""Files a plan names: only regular image files inside the plan's folder, of a bounded size."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from anticorrupt_plan.app.validate import MAX_IMAGE_BYTES
from anticorrupt_plan.cli.commands import Exit, app
from anticorrupt_plan.core import assets
from anticorrupt_plan.core.assets import IMAGES, read_asset
from anticorrupt_plan.core.errors import AssetError

from .conftest import dump, minimal_plan
from .test_docx import png

runner = CliRunner()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A plan's folder, with a secret beside it (outside it) and a proper emblem inside."""
    (tmp_path / "secret.png").write_bytes(png() + b"password=hunter2")
    plan_folder = tmp_path / "plans"
    (plan_folder / "images").mkdir(parents=True)
    (plan_folder / "images" / "garuda.png").write_bytes(png())
    return plan_folder


def emblem_message(folder: Path, emblem: str, command: str = "validate") -> str:
    """What ``plan validate`` (or build) says about a plan whose emblem is ``emblem``."""
    data = minimal_plan()
    data["announcement"]["emblem"] = emblem
    (folder / "plan.yaml").write_text(dump(data), encoding="utf-8")
    out = folder.parent / "out"
    args = [command, str(folder / "plan.yaml")] + (["-o", str(out)] if command == "build" else [])

    result = runner.invoke(app, args)

    assert result.exit_code == Exit.FAILED_OR_CHANGED, result.stdout
    assert not out.exists()
    [problem, count] = result.stderr.splitlines()
    assert count.startswith("1 problem found")
    return problem.split("announcement.emblem: ", 1)[1]


OUTSIDE = (
    "is not inside the plan's folder; keep the files a plan names in its folder or below it, "
    "and give their paths relative to the plan"
)


@pytest.mark.parametrize("command", ["validate", "build"])
def test_a_path_out_of_the_folder_is_refused_alike_whether_or_not_it_exists(
    folder: Path, command: str
) -> None:
    existing = emblem_message(folder, "../secret.png", command)
    missing = emblem_message(folder, "../nothing.png", command)

    assert existing == f"../secret.png {OUTSIDE}"
    assert missing.replace("nothing", "secret") == existing


@pytest.mark.parametrize(
    "emblem",
    ["/etc/passwd", "/nonexistent/garuda.png", "images/../../secret.png", "images/../.."],
)
def test_absolute_paths_and_paths_that_climb_out_are_refused(folder: Path, emblem: str) -> None:
    assert emblem_message(folder, emblem) == f"{emblem} {OUTSIDE}"


@pytest.mark.parametrize("target", ["../../secret.png", "/dev/zero", "../../missing.png"])
def test_a_link_inside_the_folder_to_a_file_outside_is_refused(folder: Path, target: str) -> None:
    (folder / "images" / "link.png").symlink_to(target)
    (folder / "linked").symlink_to(folder.parent)

    assert emblem_message(folder, "images/link.png") == f"images/link.png {OUTSIDE}"
    assert emblem_message(folder, "linked/secret.png") == f"linked/secret.png {OUTSIDE}"


def test_a_link_that_stays_inside_the_folder_is_followed(folder: Path) -> None:
    (folder / "emblem.png").symlink_to("images/garuda.png")
    data = minimal_plan()
    data["announcement"]["emblem"] = "emblem.png"
    (folder / "plan.yaml").write_text(dump(data), encoding="utf-8")

    result = runner.invoke(app, ["build", str(folder / "plan.yaml"), "-o", str(folder / "out")])

    assert result.exit_code == Exit.OK, result.stderr
    with zipfile.ZipFile(folder / "out" / "plan.docx") as document:
        media = [name for name in document.namelist() if name.startswith("word/media/")]
        assert [document.read(name) for name in media] == [png()]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "no such file: images/x.png"),
        (lambda p: p.mkdir(), "images/x.png is a folder; give the path of the file"),
        (
            lambda p: p.write_bytes(b"name,password\n"),
            "images/x.png is not an image a document can hold; use a PNG or JPEG file",
        ),
        (
            lambda p: p.write_bytes(b"GIF89a\x01\x00\x01\x00"),
            "images/x.png is not an image a document can hold; use a PNG or JPEG file",
        ),
    ],
)
def test_a_missing_folder_or_non_image_file_is_named(folder: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    make(folder / "images" / "x.png")

    assert emblem_message(folder, "images/x.png") == message


def test_a_file_larger_than_the_limit_is_refused_without_reading_it(folder: Path) -> None:
    with (folder / "huge.png").open("wb") as sparse:  # 2 GB that take no room on disk
        sparse.write(png())
        sparse.truncate(2 * 1024**3)

    assert emblem_message(folder, "huge.png") == (
        f"huge.png is larger than {MAX_IMAGE_BYTES // 1024 // 1024} MB, the most such a file may be"
    )


def test_a_pipe_is_refused_at_once_rather_than_waited_on(folder: Path) -> None:
    os.mkfifo(folder / "images" / "fifo.png")
    data = minimal_plan()
    data["announcement"]["emblem"] = "images/fifo.png"
    (folder / "plan.yaml").write_text(dump(data), encoding="utf-8")

    result = subprocess.run(  # a hang fails the test by its timeout
        [sys.executable, "-m", "anticorrupt_plan", "validate", "plan.yaml"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == Exit.FAILED_OR_CHANGED
    assert "images/fifo.png is not a regular file (a device, a pipe or a socket)" in result.stderr


def test_a_link_swapped_in_after_the_check_is_not_followed(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = assets._inside

    def then_swap(base: Path, relative: str) -> tuple[Path, tuple[str, ...]]:
        answer = checked(base, relative)
        (folder / "images").rename(folder / "moved")
        (folder / "images").symlink_to(folder.parent)  # images/secret.png is now outside
        return answer

    (folder / "images" / "secret.png").write_bytes(png())
    monkeypatch.setattr(assets, "_inside", then_swap)

    with pytest.raises(AssetError, match=r"^images/secret.png (changed while|cannot be read)"):
        read_asset(folder, "images/secret.png", max_bytes=MAX_IMAGE_BYTES, kinds=IMAGES)


def test_a_file_that_grows_past_the_limit_while_read_is_read_no_further(folder: Path) -> None:
    (folder / "grows.png").write_bytes(png() + b"\x00" * 100)

    with pytest.raises(AssetError, match="larger than 0 MB"):
        read_asset(folder, "grows.png", max_bytes=50, kinds=IMAGES)
