"""Untrusted text in messages: what could act on a terminal is shown escaped, Thai unchanged."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from anticorrupt_plan.cli.commands import Exit, app
from anticorrupt_plan.core.safe_text import shown, shown_in_json

from .conftest import dump, minimal_plan

runner = CliRunner()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\x1b[2K", "\\x1b[2K"),  # ESC: erase the line
        ("a\rb\nc\td", "a\\x0db\\x0ac\\x09d"),  # a message is one line
        ("\x00\x7f\x85\x9b", "\\x00\\x7f\\x85\\x9b"),  # NUL, DEL, C1 (NEL, CSI)
        ("\u202egnp.exe", "\\u202egnp.exe"),  # right-to-left override
        ("\u202a\u202b\u202c\u202d", "\\u202a\\u202b\\u202c\\u202d"),
        ("\u2066\u2067\u2068\u2069", "\\u2066\\u2067\\u2068\\u2069"),  # isolates
        ("\u200e\u200f\u061c", "\\u200e\\u200f\\u061c"),  # marks
        ("\udcff.yaml", "\\udcff.yaml"),  # an undecodable byte of a file name
    ],
)
def test_what_could_act_on_a_terminal_is_escaped(text: str, expected: str) -> None:
    assert shown(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "แผนการเสริมสร้างวินัยคุณธรรมจริยธรรม ปีงบประมาณ ๒๕๖๒",
        "ร้อยละ ๘๐ (80%) — “ราคากลาง” ‘ok’ é ü 中文",
        "\u200b\u00a0",  # zero-width and no-break spaces are Thai typesetting, not controls
    ],
)
def test_thai_and_other_printable_text_passes_unchanged(text: str) -> None:
    assert shown(text) == text


def test_json_escapes_decode_to_the_same_data() -> None:
    data = {"text": "a\x1b\u202eb\x85\x7f ไทย"}

    written = shown_in_json(json.dumps(data, ensure_ascii=False, indent=2))

    assert json.loads(written) == data
    assert not any(c in written for c in "\x1b\u202e\x85\x7f")
    assert "ไทย" in written


def raw_controls(text: str) -> list[str]:
    return [c for c in text if c != "\n" and shown(c) != c]


FORGED = "tactic\r\x1b[2Kplan.yaml: valid (1 goal, 1 measure)\u202e"


def test_an_unknown_key_cannot_forge_a_line_on_the_terminal(tmp_path: Path) -> None:
    data = minimal_plan()
    data["goals"][0][FORGED] = "x"
    (tmp_path / "plan.yaml").write_text(dump(data), encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "-m", "anticorrupt_plan", "validate", "plan.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == Exit.FAILED_OR_CHANGED
    assert raw_controls(result.stderr) == []
    assert "unknown key 'tactic\\r\\x1b[2Kplan.yaml: valid" in result.stderr
    assert "goals[0].tactic\\x0d\\x1b[2Kplan.yaml: valid (1 goal, 1 measure)\\u202e: " in (
        result.stderr
    )


def test_a_value_quoted_in_a_message_is_escaped(tmp_path: Path) -> None:
    data = minimal_plan()
    data["organization"]["kind"] = "อบต.\u202e\x1b[31m"
    (tmp_path / "plan.yaml").write_text(dump(data), encoding="utf-8")

    result = runner.invoke(app, ["validate", str(tmp_path / "plan.yaml")])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert "organization.kind: must be one of" in result.stderr
    assert raw_controls(result.stderr) == []


@pytest.mark.parametrize("name", ["\x1b[2Kplan.yaml", "\u202elmay.nalp", "plan\r.yaml"])
def test_file_names_are_escaped_in_every_line_about_them(tmp_path: Path, name: str) -> None:
    data = minimal_plan()
    data["rationale"] = ["ข้อความ TODO ที่ยังไม่เสร็จ"]  # one finding from plan check
    plan = tmp_path / name
    plan.write_text(dump(data), encoding="utf-8")
    out = tmp_path / f"out{name}"

    validated = runner.invoke(app, ["validate", str(plan)])
    checked = runner.invoke(app, ["check", str(plan)])
    built = runner.invoke(app, ["build", str(plan), "--out", str(out), "-f", "md"])
    missing = runner.invoke(app, ["validate", str(tmp_path / f"missing{name}")])

    assert validated.exit_code == Exit.OK
    assert shown(str(plan)) + ": valid" in validated.stdout
    assert checked.exit_code == Exit.FAILED_OR_CHANGED
    assert built.exit_code == Exit.OK
    assert f"wrote {shown(str(out))}" in built.stdout
    assert missing.exit_code == Exit.FAILED_OR_CHANGED
    for result in (validated, checked, built, missing):
        assert raw_controls(result.stdout + result.stderr) == []
    assert f"{shown(str(plan))}:" in checked.stdout  # the finding's location


@pytest.mark.parametrize("format", ["text", "json"])
def test_plan_diff_shows_changed_text_escaped(tmp_path: Path, format: str) -> None:
    old = minimal_plan()
    new = minimal_plan()
    new["rationale"] = ["หลักการ\u202eและเหตุผล\u2066"]
    (tmp_path / "old.yaml").write_text(dump(old), encoding="utf-8")
    (tmp_path / "new.yaml").write_text(dump(new), encoding="utf-8")

    result = runner.invoke(
        app, ["diff", str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml"), "-f", format]
    )

    assert result.exit_code == Exit.OK, result.stderr
    assert raw_controls(result.stdout) == []
    assert "\\u202e" in result.stdout
    if format == "json":
        assert "หลักการ\u202eและเหตุผล\u2066" in json.dumps(
            json.loads(result.stdout), ensure_ascii=False
        )
