"""Comparing two versions named as on the command line, rendered in the format asked for."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from anticorrupt_plan.app.compare import DiffFormat, compare
from anticorrupt_plan.core.errors import PlanInvalid

from .conftest import minimal_plan


@pytest.fixture
def versions(write_plan) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    old = write_plan(minimal_plan(), name="old.yaml")
    data = minimal_plan()
    data["preparation_steps"].append("ขั้นตอนที่สอง")
    new = write_plan(data, name="plan.yaml")
    return old, new


@pytest.mark.parametrize(
    ("fmt", "colour", "starts"),
    [
        pytest.param(DiffFormat.TEXT, False, "ตารางเปรียบเทียบการแก้ไข", id="text"),
        pytest.param(DiffFormat.TEXT, True, "\x1b[1mตารางเปรียบเทียบการแก้ไข", id="text in colour"),
        pytest.param(DiffFormat.MD, False, "# ตารางเปรียบเทียบการแก้ไข", id="md"),
        pytest.param(DiffFormat.JSON, False, '{\n  "format": "anticorrupt-plan-diff"', id="json"),
    ],
)
def test_compare_renders_the_format_asked_for(
    versions: tuple[Path, Path], fmt: DiffFormat, colour: bool, starts: str
) -> None:
    old, new = versions

    result = compare(str(old), plan_file=new, format=fmt, colour=colour)

    assert len(result.changes) == 1
    assert result.output.startswith(starts)


def test_the_new_version_defaults_to_the_plan_file(versions: tuple[Path, Path]) -> None:
    old, new = versions

    default = compare(str(old), plan_file=new, format=DiffFormat.JSON)
    named = compare(str(old), str(new), plan_file=Path("unused.yaml"), format=DiffFormat.JSON)

    assert json.loads(default.output)["changes"] == json.loads(named.output)["changes"]
    assert json.loads(default.output)["new"] == str(new)


def test_an_invalid_version_reports_its_problems(versions: tuple[Path, Path]) -> None:
    old, new = versions
    old.write_text("schema_version: 1\n", encoding="utf-8")

    with pytest.raises(PlanInvalid) as raised:
        compare(str(old), plan_file=new)

    assert str(raised.value).startswith(f"{old}:")


def test_diff_in_text_md_and_json_never_imports_python_docx(versions: tuple[Path, Path]) -> None:
    old, new = versions
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from anticorrupt_plan.app.compare import DiffFormat, compare\n"
        "for fmt in (DiffFormat.TEXT, DiffFormat.MD, DiffFormat.JSON):\n"
        f"    compare({str(old)!r}, plan_file=Path({str(new)!r}), format=fmt)\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'docx'))\n"
    )

    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )

    assert done.stdout == "[]\n"


def test_the_docx_comparison_needs_a_file_to_write(versions: tuple[Path, Path]) -> None:
    old, new = versions

    with pytest.raises(ValueError, match="give the path"):
        compare(str(old), plan_file=new, format=DiffFormat.DOCX)


@pytest.mark.parametrize("fmt", [DiffFormat.TEXT, DiffFormat.MD, DiffFormat.JSON])
def test_out_writes_what_would_be_printed(
    versions: tuple[Path, Path], tmp_path: Path, fmt: DiffFormat
) -> None:
    old, new = versions
    out = tmp_path / "changes.txt"
    printed = compare(str(old), plan_file=new, format=fmt).output

    # Colour is for a terminal, never for a file.
    result = compare(str(old), plan_file=new, format=fmt, colour=True, out=out)

    assert result.output == ""
    assert len(result.changes) == 1
    assert out.read_text(encoding="utf-8") == printed


@pytest.mark.parametrize("fmt", [DiffFormat.MD, DiffFormat.DOCX])
def test_a_failed_comparison_leaves_the_previous_file(
    versions: tuple[Path, Path], tmp_path: Path, fmt: DiffFormat
) -> None:
    old, new = versions
    out = tmp_path / "comparison"
    out.write_bytes(b"the last amendment's comparison")
    new.write_text("schema_version: 1\n", encoding="utf-8")

    with pytest.raises(PlanInvalid):
        compare(str(old), plan_file=new, format=fmt, out=out)

    assert out.read_bytes() == b"the last amendment's comparison"
