"""plan init: a new plan that validates and builds at once, whose marked places plan check
points at, never written over an existing file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from anticorrupt_plan.app.build import build
from anticorrupt_plan.app.checks import run_checks
from anticorrupt_plan.app.init import CI_FILES, PLACEHOLDER, NewPlan, skeleton
from anticorrupt_plan.app.validate import read_plan
from anticorrupt_plan.cli import commands
from anticorrupt_plan.cli.commands import Exit, app
from anticorrupt_plan.kinds.action.catalogue import ROUNDS

from .conftest import ROOT

runner = CliRunner()

ANSWERS = [
    "--org-kind", "อบต", "--name", "ทุ่งทอง", "--district", "ท่าม่วง",
    "--province", "กาญจนบุรี", "--executive", "นายไพฑูรย์ สุขดี",
]  # fmt: skip


def init(tmp_path: Path, *arguments: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["init", str(tmp_path / "plan.yaml"), *arguments])
    return result.exit_code, result.stdout, result.stderr


def placeholders_in_values(text: str) -> int:
    """How many marked places the YAML's values hold (its comments aside)."""
    values = [line.split("#", 1)[0] if not line.lstrip().startswith("-") else line
              for line in text.splitlines() if not line.lstrip().startswith("#")]  # fmt: skip
    return sum(line.count(PLACEHOLDER) for line in values)


@pytest.mark.parametrize(
    ("kind", "first", "last"),
    [
        ("ethics", "2562", "2564"),
        ("ethics", "2566", "2570"),
        ("action", "2561", "2564"),
        ("action", "2565", "2565"),
        ("action", "2566", "2570"),
    ],
)
def test_a_new_plan_validates_builds_and_check_points_at_each_marked_place(
    tmp_path: Path, kind: str, first: str, last: str
) -> None:
    code, stdout, _ = init(tmp_path, "--kind", kind, "--first", first, "--last", last, *ANSWERS)
    plan = tmp_path / "plan.yaml"
    text = plan.read_text(encoding="utf-8")

    valid = read_plan(plan)
    result = build(plan, out_dir=tmp_path / "out", formats=["md", "docx"])
    markdown = (tmp_path / "out" / "plan.md").read_text(encoding="utf-8")
    placeholders = [f for f in run_checks(valid).findings if f.rule == "PLACEHOLDER"]

    assert code == Exit.OK
    assert f"wrote {plan}" in stdout
    assert valid.kind.name == kind
    assert len(result.written) == 2
    assert placeholders_in_values(text) == len(placeholders) > 0
    assert {finding.text for finding in placeholders} == {PLACEHOLDER}
    # The documents hold no other unfinished text than the marked places.
    assert markdown.count(PLACEHOLDER) > 0
    assert not re.search(r"\{\{|\}\}|TODO|xxx", markdown)


def test_an_ethics_plan_of_the_2560_2564_strategy_gets_its_six_strategies(tmp_path: Path) -> None:
    init(tmp_path, "--kind", "ethics", "--first", "2562", "--last", "2564", *ANSWERS)

    plan = read_plan(tmp_path / "plan.yaml").plan

    assert len(plan.national_strategy.strategies) == 6
    assert plan.national_strategy.strategies[0] == "สร้างสังคมที่ไม่ทนต่อการทุจริต"
    assert plan.organization.full_name == "องค์การบริหารส่วนตำบลทุ่งทอง"
    assert plan.announcement.signatory.name == "นายไพฑูรย์ สุขดี"
    assert plan.fiscal_years.years == (2562, 2563, 2564)
    assert set(plan.goals[0].measures[0].rows[0].targets) == {2562, 2563, 2564}


def test_an_action_plan_has_every_mission_of_its_round_with_one_marked_project(
    tmp_path: Path,
) -> None:
    init(tmp_path, "--kind", "action", "--first", "2561", "--last", "2564", *ANSWERS)

    plan = read_plan(tmp_path / "plan.yaml").plan
    leaves = {
        code
        for code in ROUNDS["2561-2564"].headings
        if "." in code
        and not any(other.startswith(code + ".") for other in ROUNDS["2561-2564"].headings)
    }
    written = {mission.mission for _, mission in plan.missions() if mission.projects}

    assert [d.dimension for d in plan.dimensions] == [1, 2, 3, 4]
    assert written == leaves
    assert all(len(m.projects) == 1 for _, m in plan.missions() if m.projects)
    assert all(p.name.startswith("โครงการ" + PLACEHOLDER) for _, p in plan.projects())


def test_answers_that_make_no_valid_plan_write_nothing(tmp_path: Path) -> None:
    code, _, stderr = init(
        tmp_path, "--kind", "ethics", "--first", "2019", "--last", "2021", *ANSWERS
    )

    assert code == Exit.FAILED_OR_CHANGED
    assert stderr.splitlines() == [
        "plan init: these answers do not make a valid plan; nothing was written",
        "  --first 2019: 2019 looks like a Christian-Era year; plans use the Buddhist Era "
        "(C.E. + 543 = 2562): write 2562",
        "  --last 2021: 2021 looks like a Christian-Era year; plans use the Buddhist Era "
        "(C.E. + 543 = 2564): write 2564",
    ]
    assert not (tmp_path / "plan.yaml").exists()


@pytest.mark.parametrize(
    ("answers", "problem"),
    [
        (["--kind", "ethic"], "--kind ethic: not a kind of plan; choose ethics or action"),
        (
            ["--org-kind", "OBT"],
            "--org-kind OBT: not a kind of organization; choose one of องค์การบริหารส่วนตำบล "
            "(อบต), เทศบาลตำบล (ทต), เทศบาลเมือง (ทม), เทศบาลนคร (ทน), องค์การบริหารส่วนจังหวัด (อบจ)",
        ),
        (["--first", "2566", "--last", "2565"], "--last 2565 is before --first 2566"),
        (
            ["--first", "2566", "--last", "2599"],
            "--first 2566 --last 2599: 34 fiscal years; a plan covers at most 10",
        ),
    ],
)
def test_each_answer_that_makes_no_plan_is_named_by_its_option(
    tmp_path: Path, answers: list[str], problem: str
) -> None:
    given = {"--kind": "action", "--first": "2566", "--last": "2567"}
    given.update(zip(answers[::2], answers[1::2], strict=True))
    options = [part for option, value in given.items() for part in (option, value)]
    options += ANSWERS if "--org-kind" not in given else ANSWERS[2:]

    code, _, stderr = init(tmp_path, *options)

    assert code == Exit.FAILED_OR_CHANGED
    assert stderr.splitlines()[1:] == [f"  {problem}"]
    assert not (tmp_path / "plan.yaml").exists()


def test_an_existing_plan_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text("mine\n", encoding="utf-8")

    code, _, stderr = init(
        tmp_path, "--kind", "ethics", "--first", "2566", "--last", "2567", *ANSWERS
    )

    assert code == Exit.FAILED_OR_CHANGED
    assert f"{tmp_path / 'plan.yaml'} already exists; plan init never replaces a file" in stderr
    assert (tmp_path / "plan.yaml").read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_git_writes_the_wiring_beside_the_plan(tmp_path: Path, ci: str) -> None:
    code, _, _ = init(
        tmp_path, "--kind", "ethics", "--first", "2566", "--last", "2567", "--git", "--ci", ci,
        *ANSWERS,
    )  # fmt: skip

    assert code == Exit.OK
    assert "*.docx diff=plan-docx" in (tmp_path / ".gitattributes").read_text(encoding="utf-8")
    assert "plan validate" in (tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    ci_file = (tmp_path / CI_FILES[ci]).read_text(encoding="utf-8")
    assert ci_file == (
        ROOT / "examples" / "ci" / f"{'github-actions' if ci == 'github' else 'gitlab-ci'}.yml"
    ).read_text(encoding="utf-8")


def test_git_refuses_before_writing_anything_when_a_wiring_file_exists(tmp_path: Path) -> None:
    (tmp_path / ".gitattributes").write_text("*.pdf binary\n", encoding="utf-8")

    code, _, stderr = init(
        tmp_path, "--kind", "ethics", "--first", "2566", "--last", "2567", "--git", *ANSWERS
    )

    assert code == Exit.FAILED_OR_CHANGED
    assert ".gitattributes already exists" in stderr
    assert not (tmp_path / "plan.yaml").exists()
    assert (tmp_path / ".gitattributes").read_text(encoding="utf-8") == "*.pdf binary\n"


def test_without_a_terminal_missing_answers_are_a_usage_error(tmp_path: Path) -> None:
    code, _, stderr = init(tmp_path, "--kind", "ethics")

    assert code == Exit.USAGE
    assert "--org-kind" in stderr and "--first" in stderr
    assert not (tmp_path / "plan.yaml").exists()


def test_on_a_terminal_the_missing_answers_are_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(commands, "_interactive", lambda: True)
    typed = "action\nทต\nบ้านใหม่\nเมือง\nนครปฐม\n2566\n2570\nนางสมศรี ใจดี\n"

    result = runner.invoke(app, ["init", str(tmp_path / "plan.yaml")], input=typed)
    plan = read_plan(tmp_path / "plan.yaml").plan

    assert result.exit_code == Exit.OK, result.stderr
    assert plan.organization.full_name == "เทศบาลตำบลบ้านใหม่"
    assert plan.organization.district == "เมือง"
    assert (plan.fiscal_years.first, plan.fiscal_years.last) == (2566, 2570)
    assert plan.announcement.signatory.name == "นางสมศรี ใจดี"


def test_a_year_that_is_not_a_number_is_asked_again_in_the_readers_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(commands, "_interactive", lambda: True)
    monkeypatch.setenv("PLAN_LANG", "th")
    typed = "ethics\nอบต\nบ้านใหม่\nเมือง\nนครปฐม\n2566/67\n๒๕๖๖\n\nนางสมศรี ใจดี\n"

    result = runner.invoke(app, ["init", str(tmp_path / "plan.yaml")], input=typed)
    plan = read_plan(tmp_path / "plan.yaml").plan

    assert result.exit_code == Exit.OK, result.stderr
    assert result.stderr == "'2566/67' ไม่ใช่จำนวนเต็ม\n"
    assert (plan.fiscal_years.first, plan.fiscal_years.last) == (2566, 2566)


def test_a_christian_era_year_or_years_out_of_order_are_asked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(commands, "_interactive", lambda: True)
    monkeypatch.setenv("PLAN_LANG", "en")
    # No district (Enter); first 2024, then 2566; last 2565, then 2567.
    typed = "ethics\nอบต\nบ้านใหม่\n\nนครปฐม\n2024\n2566\n2565\n2567\nนางสมศรี ใจดี\n"

    result = runner.invoke(app, ["init", str(tmp_path / "plan.yaml")], input=typed)
    plan = read_plan(tmp_path / "plan.yaml").plan

    assert result.exit_code == Exit.OK, result.stderr
    assert result.stderr.splitlines() == [
        "2024 looks like a Christian-Era year; plans use the Buddhist Era (C.E. + 543 = 2567): "
        "write 2567",
        "--last 2565 is before --first 2566",
    ]
    assert (plan.fiscal_years.first, plan.fiscal_years.last) == (2566, 2567)
    assert plan.organization.district is None


def test_the_staff_are_named_as_each_kind_of_organization_names_them() -> None:
    def text(kind: str) -> str:
        return skeleton(
            NewPlan(
                kind="ethics",
                organization_kind=kind,
                name="บ้านใหม่",
                province="นครปฐม",
                first=2566,
                last=2567,
                executive="นาย ก",
            )
        )

    assert "พนักงานส่วนตำบล" in text("องค์การบริหารส่วนตำบล")
    assert "พนักงานเทศบาล" in text("เทศบาลเมือง")
    assert "พนักงานส่วนจังหวัด" in text("องค์การบริหารส่วนจังหวัด")


def test_an_answer_of_several_lines_is_refused(tmp_path: Path) -> None:
    code, _, stderr = init(
        tmp_path, "--kind", "ethics", "--first", "2566", "--last", "2567",
        *ANSWERS[:-2], "--executive", "นาย ก\n  evil: yes",
    )  # fmt: skip

    assert code == Exit.FAILED_OR_CHANGED
    assert "--executive: write it on one line" in stderr


def test_questions_left_unanswered_end_in_the_readers_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(commands, "_interactive", lambda: True)
    monkeypatch.setenv("PLAN_LANG", "th")

    result = runner.invoke(app, ["init", str(tmp_path / "plan.yaml")], input="ethics\n")

    assert result.exit_code == 1
    assert result.output.rstrip().endswith("ยกเลิกแล้ว")  # not Typer's "Aborted."
    assert not (tmp_path / "plan.yaml").exists()
