"""Templates are found in the source tree, in an installed wheel, or where the user says."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from anticorrupt_plan.cli.commands import app
from anticorrupt_plan.core.resources import template_dir

from .conftest import PLAN_PATH, ROOT


def test_source_tree_templates_are_found() -> None:
    assert (template_dir() / "plan.md.j2").is_file()


def test_an_override_folder_is_used_as_given(tmp_path: Path) -> None:
    (tmp_path / "ethics").mkdir()
    (tmp_path / "ethics" / "document.xml.j2").write_text(
        "<document><section><p>{{ plan.organization }}</p></section></document>\n",
        encoding="utf-8",
    )

    result = CliRunner().invoke(
        app,
        [
            "build",
            str(PLAN_PATH),
            "--out",
            str(tmp_path / "out"),
            "-f",
            "md",
            "--templates",
            str(tmp_path),
        ],
    )

    assert result.exit_code == 0
    assert (
        (tmp_path / "out" / "plan.md")
        .read_text(encoding="utf-8")
        .endswith("-->\n\nองค์การบริหารส่วนตำบลทุ่งทอง\n")
    )


@pytest.mark.slow
def test_a_non_editable_install_carries_the_templates_and_the_catalogue(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = (tmp_path / "dist").glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "anticorrupt_plan/templates/plan.md.j2" in names
    assert "anticorrupt_plan/templates/report/document.xml.j2" in names
    # The charts' Thai font travels with the program, and its licence with it.
    assert "anticorrupt_plan/core/fonts/Sarabun-Regular.ttf" in names
    assert "anticorrupt_plan/core/fonts/OFL.txt" in names

    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(tmp_path / "site"),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import anticorrupt_plan.core.resources as r; print(r.template_dir())",
        ],
        env={**os.environ, "PYTHONPATH": str(tmp_path / "site")},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == str(tmp_path / "site" / "anticorrupt_plan" / "templates")
    names = zipfile.ZipFile(wheel).namelist()
    assert "anticorrupt_plan/locale/th/LC_MESSAGES/anticorrupt_plan.mo" in names
    assert "anticorrupt_plan/templates/init/action.yaml.j2" in names
    # The Thai catalogue and plan init's skeletons work from the wheel alone.
    thai = subprocess.run(
        [
            sys.executable,
            "-c",
            "from anticorrupt_plan.core.i18n import tr; from anticorrupt_plan.app.init import "
            "NewPlan, skeleton; print(tr('no such file')); print(skeleton(NewPlan("
            "kind='action', organization_kind='เทศบาลตำบล', name='บ้านใหม่', province='นครปฐม', "
            "first=2566, last=2567, executive='นาย ก')).count('- dimension:'))",
        ],
        env={**os.environ, "PYTHONPATH": str(tmp_path / "site"), "PLAN_LANG": "th"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert thai.stdout.split("\n")[:2] == ["ไม่พบไฟล์นี้", "4"]
