"""The plan command: the DOCX beside the Markdown by default, and a validate that stays light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from anticorrupt_plan.cli import Exit, app

from .conftest import PLAN_PATH

runner = CliRunner()


def test_build_writes_both_formats_by_default(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(PLAN_PATH), "--out", str(tmp_path)])

    assert result.exit_code == Exit.OK
    assert result.stdout == f"wrote {tmp_path / 'plan.md'}\nwrote {tmp_path / 'plan.docx'}\n"


def test_format_docx_builds_the_docx_alone(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(PLAN_PATH), "-o", str(tmp_path), "-f", "docx"])

    assert result.exit_code == Exit.OK
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.docx"]


def test_build_help_lists_both_formats() -> None:
    result = runner.invoke(app, ["build", "--help"], terminal_width=200)

    assert "comma-separated: md, docx." in result.stdout


def test_validate_imports_neither_python_docx_nor_jinja2() -> None:
    probe = (
        "import sys\n"
        "from anticorrupt_plan.cli import main\n"
        f"sys.argv = ['plan', 'validate', {str(PLAN_PATH)!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as done:\n"
        "    assert done.code in (0, None), done.code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'jinja2', 'lxml')))\n"
    )

    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )

    assert result.stdout.splitlines()[-1] == "[]"
    assert "valid (3 goals, 8 measures)" in result.stdout
