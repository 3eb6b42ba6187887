"""The ``plan check`` command, and the findings ``plan build`` prints without failing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from anticorrupt_plan.cli.commands import Exit, app

from .conftest import DATA, PLAN_PATH, minimal_plan

SEED = str(DATA / "seed_verbatim.yaml")


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("args", "code"),
    [
        pytest.param([SEED], Exit.FAILED_OR_CHANGED, id="findings-fail"),
        pytest.param([SEED, "--warn-only"], Exit.OK, id="warn-only"),
        pytest.param([str(PLAN_PATH)], Exit.OK, id="clean-plan"),
        pytest.param([SEED, "--format", "xml"], Exit.USAGE, id="unknown-format"),
        pytest.param(["no-such-plan.yaml"], Exit.FAILED_OR_CHANGED, id="missing-file"),
    ],
)
def test_exit_status(args: list[str], code: int) -> None:
    assert invoke("check", *args)[0] == code


def test_text_findings_go_to_stdout_and_the_summary_to_stderr() -> None:
    _, out, err = invoke("check", SEED)

    assert len(out.splitlines()) == 13
    assert out.startswith(f"{SEED}:26:28: warning: NAMED-TWO-WAYS: announcement.subject: ")
    assert err == f"{SEED}: 9 errors, 4 warnings\n"


def test_json_format_is_for_machines() -> None:
    _, out, _ = invoke("check", SEED, "--format", "json")

    data = json.loads(out)
    assert [finding["line"] for finding in data["findings"]][:3] == [26, 37, 43]
    assert data["accepted"] == []


def test_list_rules_needs_no_plan() -> None:
    code, out, _ = invoke("check", "--list-rules", "no-such-plan.yaml")

    assert code == Exit.OK
    assert out.splitlines()[0].startswith("NAME-SPELLING")


def test_list_accepted_shows_the_reasons() -> None:
    code, out, _ = invoke("check", str(PLAN_PATH), "--list-accepted")

    assert code == Exit.OK
    assert [line.split(": ")[1:3] for line in out.splitlines() if not line.startswith(" ")] == [
        ["NAMED-TWO-WAYS", "announcement.subject"],
        ["NAMED-TWO-WAYS", "goals[0].strategy"],
    ]


def test_build_prints_findings_but_still_builds(write_plan, tmp_path: Path) -> None:
    data = minimal_plan()
    data["rationale"] = ["หลักการ  และเหตุผล"]
    plan = write_plan(data)

    code, out, err = invoke("build", str(plan), "--out", str(tmp_path / "out"))

    assert code == Exit.OK
    assert "wrote" in out
    assert ": warning: DOUBLE-SPACE: rationale[0]: " in err
    assert (tmp_path / "out" / "plan.md").exists()


def plan_with_findings(*, warnings: int, errors: int) -> dict[str, object]:
    """The minimal plan with that many DOUBLE-SPACE warnings and PLACEHOLDER errors."""
    data = minimal_plan()
    data["rationale"] = [f"หลักการ  และเหตุผล {n}" for n in range(warnings)] or ["หลักการ"]
    data["preparation_steps"] = [f"ขั้นตอน ..... {n}" for n in range(errors)] or ["ขั้นตอน"]
    return data


# The contract: any finding, a warning as much as an error, exits 1 (so that CI notices it);
# --warn-only reports and exits 0; accepted findings and switched-off rules do not count.
@pytest.mark.parametrize(
    ("warnings", "errors", "options", "code", "summary"),
    [
        pytest.param(0, 0, [], 0, "0 errors, 0 warnings", id="clean"),
        pytest.param(1, 0, [], 1, "0 errors, 1 warning", id="one-warning"),
        pytest.param(2, 0, [], 1, "0 errors, 2 warnings", id="warnings-only"),
        pytest.param(2, 0, ["--warn-only"], 0, "0 errors, 2 warnings", id="warnings-warn-only"),
        pytest.param(0, 1, [], 1, "1 error, 0 warnings", id="one-error"),
        pytest.param(1, 1, ["--warn-only"], 0, "1 error, 1 warning", id="error-warn-only"),
        pytest.param(2, 0, ["--format", "json"], 1, "0 errors, 2 warnings", id="json"),
    ],
)
def test_the_check_command_exits_1_on_any_finding_unless_warn_only(
    write_plan, warnings: int, errors: int, options: list[str], code: int, summary: str
) -> None:
    plan = write_plan(plan_with_findings(warnings=warnings, errors=errors))

    done = subprocess.run(
        [sys.executable, "-m", "anticorrupt_plan", "check", str(plan), *options],
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == code, done.stderr
    assert done.stderr == f"{plan}: {summary}\n"
    if "--format" not in options:
        assert len(done.stdout.splitlines()) == warnings + errors


@pytest.mark.parametrize(
    "settings",
    [
        pytest.param({"disable": ["DOUBLE-SPACE"]}, id="rule-switched-off"),
        pytest.param(
            {"accept": [{"rule": "DOUBLE-SPACE", "path": "rationale[0]", "reason": "as signed"}]},
            id="finding-accepted",
        ),
    ],
)
def test_a_plan_whose_only_warning_is_settled_exits_0(write_plan, settings: object) -> None:
    data = plan_with_findings(warnings=1, errors=0)
    data["checks"] = settings
    plan = write_plan(data)

    done = subprocess.run(
        [sys.executable, "-m", "anticorrupt_plan", "check", str(plan)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
