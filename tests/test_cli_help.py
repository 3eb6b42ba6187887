"""Help in the reader's language with an example for every command, and shell completion."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from anticorrupt_plan.cli.commands import Exit, app, lang_first

from .conftest import PLAN_PATH

runner = CliRunner()
PLAN = Path(sys.executable).with_name("plan")
NAMES = [
    "build", "validate", "check", "diff", "textconv", "fonts", "init", "schema", "report init"
]  # fmt: skip


def plan(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "COLUMNS": "100", **env}
    return subprocess.run(
        [str(PLAN), *args], env=environment, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize("name", NAMES)
def test_each_command_has_help_with_an_example_in_english(name: str) -> None:
    result = runner.invoke(app, [*name.split(), "--help"])

    assert result.exit_code == Exit.OK
    assert "Example: plan " in result.stdout or "Example: git config" in result.stdout


@pytest.mark.parametrize("name", NAMES)
def test_each_command_has_help_with_an_example_in_thai(name: str) -> None:
    result = runner.invoke(app, ["--lang", "th", *name.split(), "--help"])

    assert result.exit_code == Exit.OK
    assert "วิธีใช้: plan " in result.stdout
    assert "ตัวอย่าง:" in result.stdout
    assert "ตัวเลือก" in result.stdout  # the options' heading
    assert "Show this message and exit." not in result.stdout
    assert "แสดงข้อความนี้แล้วออก" in result.stdout


def test_the_help_goes_back_to_english_after_a_thai_run() -> None:
    runner.invoke(app, ["--lang", "th", "build", "--help"])

    result = runner.invoke(app, ["--lang", "en", "build", "--help"])

    assert "Folder for the documents." in result.stdout
    assert "โฟลเดอร์สำหรับเอกสาร" not in result.stdout


def test_the_locale_chooses_thai_help_in_the_installed_command() -> None:
    result = plan("--help", LANG="th_TH.UTF-8", PLAN_LANG="")

    assert result.returncode == Exit.OK
    assert "แปลงแผนป้องกันการทุจริต" in result.stdout


def test_the_language_may_also_follow_the_command(tmp_path: Path) -> None:
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(PLAN_PATH.read_text(encoding="utf-8"), encoding="utf-8")

    after = plan("validate", str(plan_file), "--lang", "th", PLAN_LANG="en")
    joined = plan("validate", "--lang=th", str(plan_file), PLAN_LANG="en")

    assert after.returncode == joined.returncode == Exit.OK
    assert (
        after.stdout
        == joined.stdout
        == f"{plan_file}: ถูกต้อง (เป้าประสงค์หลัก 3 ข้อ มาตรการ 8 มาตรการ)\n"
    )


@pytest.mark.parametrize(
    ("argv", "read"),
    [
        (["build", "--lang", "th", "-o", "x"], ["--lang", "th", "build", "-o", "x"]),
        (["--lang", "en", "check"], ["--lang", "en", "check"]),
        (["diff", "a", "--lang=th"], ["--lang=th", "diff", "a"]),
        (["build", "--", "--lang", "th"], ["build", "--", "--lang", "th"]),  # arguments
        (["build", "--lang"], ["--lang", "build"]),  # for the usage error to name it
    ],
)
def test_lang_is_read_before_the_command_wherever_it_is_written(
    argv: list[str], read: list[str]
) -> None:
    assert lang_first(argv) == read


@pytest.mark.parametrize("name", ["", *NAMES])
def test_no_thai_help_is_cut_short_on_an_80_column_terminal(name: str) -> None:
    # Thai runs words together, so a help text needs spaces between its phrases for Rich to
    # wrap it; a phrase wider than its column is cut with an ellipsis.
    result = plan(*name.split(), "--help", PLAN_LANG="th", COLUMNS="80")

    assert result.returncode == Exit.OK
    assert "…" not in result.stdout


def test_an_unknown_language_is_a_usage_error() -> None:
    result = runner.invoke(app, ["--lang", "fr", "validate"])

    assert result.exit_code == Exit.USAGE
    assert "choose one of en, th" in result.stderr


@pytest.mark.parametrize(
    ("args", "english", "thai"),
    [
        (["build", "--formt", "md"], "No such option: --formt", "ไม่มีตัวเลือก --formt"),
        (
            ["biuld"],
            "No such command 'biuld'. Did you mean 'build'?",
            "ไม่มีคำสั่ง 'biuld' หมายถึง 'build' หรือไม่",
        ),
        (
            ["build", "--format", "docx,rtf"],
            "Invalid value for '--format': rtf is not a format; choose one",
            "ค่าของ '--format' ใช้ไม่ได้: ไม่รู้จักรูปแบบเอกสาร rtf: ให้เลือก",
        ),
        (["build", "--format", ","], "Invalid value for '--format': choose one", "ให้เลือก"),
        (["textconv"], "Missing argument 'document'", "ไม่ได้ระบุอาร์กิวเมนต์ 'document'"),
        (
            ["report", "init", "--year", "2563/64"],
            "'2563/64' is not a whole number",
            "'2563/64' ไม่ใช่จำนวนเต็ม",
        ),
        (
            ["check", "--format", "xml"],
            "'xml' is not one of 'text', 'json'",
            "'xml' ไม่ใช่ค่าใดค่าหนึ่งใน 'text', 'json'",
        ),
    ],
)
def test_usage_errors_are_worded_in_the_readers_language(
    args: list[str], english: str, thai: str
) -> None:
    in_english = plan(*args)
    in_thai = plan(*args, PLAN_LANG="th")

    assert in_english.returncode == in_thai.returncode == Exit.USAGE
    assert english in in_english.stderr
    assert thai in in_thai.stderr
    assert "ข้อผิดพลาด" in in_thai.stderr


# Typer takes the shell named on the command line only with its detection of the running
# shell off; with it on, the result would depend on the shell the tests were started from.
NO_DETECTION = {"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}


def test_show_completion_prints_a_script_for_the_shell() -> None:
    result = plan("--show-completion", "bash", **NO_DETECTION)

    assert result.returncode == Exit.OK
    assert "_PLAN_COMPLETE=complete_bash" in result.stdout


def test_install_completion_writes_the_script_into_the_shells_settings(tmp_path: Path) -> None:
    result = plan("--install-completion", "bash", HOME=str(tmp_path), **NO_DETECTION)

    assert result.returncode == Exit.OK
    assert (tmp_path / ".bash_completions" / "plan.sh").is_file()
    assert "plan.sh" in (tmp_path / ".bashrc").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("words", "expected"),
    [("plan bu", "build"), ("plan init --ki", "--kind"), ("plan build --fo", "--format")],
)
def test_completion_completes_commands_and_options(words: str, expected: str) -> None:
    result = plan(
        _PLAN_COMPLETE="complete_bash", COMP_WORDS=words, COMP_CWORD=str(len(words.split()) - 1)
    )

    assert result.stdout.split() == [expected]
