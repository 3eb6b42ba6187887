"""The action plan's model: amounts in baht, the มิติ/ภารกิจ hierarchy, and every refusal located."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from anticorrupt_plan.app.validate import parse_plan
from anticorrupt_plan.common.types import NO_BUDGET
from anticorrupt_plan.core.errors import PlanInvalid
from anticorrupt_plan.kinds.action.model import ActionPlan, ProjectType

from .conftest import dump, minimal_action, project


def valid(data: dict[str, Any]) -> ActionPlan:
    plan = parse_plan(dump(data), file="plan.yaml").plan
    assert isinstance(plan, ActionPlan)
    return plan


def problems(data: dict[str, Any] | str) -> list[str]:
    text = data if isinstance(data, str) else dump(data)
    with pytest.raises(PlanInvalid) as raised:
        parse_plan(text, file="plan.yaml")
    return [str(problem) for problem in raised.value.problems]


def first_project(data: dict[str, Any]) -> dict[str, Any]:
    project: dict[str, Any] = data["dimensions"][0]["missions"][0]["missions"][0]["projects"][0]
    return project


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("50000", 50000),
        ("50,000", 50000),
        ("๕๐,๐๐๐", 50000),
        (" 1,250,000 ", 1250000),
        ("ไม่ใช้งบประมาณ", NO_BUDGET),
        ("ไม่ใช้งบประมาณ".replace("\u0e33", "\u0e4d\u0e32"), NO_BUDGET),  # sara am in two
    ],
)
def test_amounts_read_the_same_however_they_are_written(written: str, amount: object) -> None:
    data = minimal_action()
    first_project(data)["budget"] = {2561: written}

    [(_, found)] = list(valid(data).projects())[:1]

    assert found.budget == {2561: amount}


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("5o,000", "'5o,000' is not an amount in whole baht: write digits, e.g. 50000 or 50,000"),
        ("50,00", "'50,00' is not an amount in whole baht"),
        ("50000.50", "'50000.50' is not an amount in whole baht"),
        ("0", "0 baht: write ไม่ใช้งบประมาณ"),
        ("-", "'-' is not an amount in whole baht"),
    ],
)
def test_an_amount_that_is_not_whole_baht_is_located(written: str, message: str) -> None:
    data = minimal_action()
    first_project(data)["budget"] = {2561: written}

    [problem] = problems(data)

    assert problem.startswith("plan.yaml:")
    assert "budget.2561" in problem and message in problem


def test_a_budget_for_a_year_outside_the_plan_is_pointed_at_its_key() -> None:
    data = minimal_action()
    first_project(data)["budget"] = {2561: "1000", 2570: "1000"}

    [problem] = problems(data)

    assert "budget.2570: 2570 is not one of the plan's fiscal years (2561-2562)" in problem


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param(
            lambda d: d["dimensions"][0]["missions"][0]["missions"][0].update(mission="2.1.1"),
            "ภารกิจ 2.1.1 cannot stand under ภารกิจ 1.1",
            id="a mission under the wrong parent",
        ),
        pytest.param(
            lambda d: d["dimensions"][1]["missions"][0].update(mission="2.9"),
            "ภารกิจ 2.9 is not in the 2561-2564 round's catalogue; write its 'title:'",
            id="a mission the catalogue lacks",
        ),
        pytest.param(
            lambda d: d["dimensions"][1]["missions"][0].update(projects=[]),
            "ภารกิจ 2.1 holds no sub-mission and no project",
            id="an empty mission",
        ),
        pytest.param(
            lambda d: d["dimensions"][1].update(dimension=1),
            "มิติที่ 1 is already written at dimensions[0]",
            id="a มิติ twice",
        ),
        pytest.param(
            lambda d: d["dimensions"][1]["missions"][0]["projects"][0].update(id="p1"),
            "id 'p1' is already used by dimensions[0]",
            id="a project id twice",
        ),
        pytest.param(
            lambda d: d["dimensions"][1]["missions"][0]["projects"][0].update(name="ประกาศเจตจำนง"),
            "start it with โครงการ, กิจกรรม, มาตรการ or แนวปฏิบัติ, or write 'type:'",
            id="a name that does not say what it is",
        ),
        pytest.param(
            lambda d: d.update(fiscal_years={"first": 2580, "last": 2581}),
            "no NACC round holds the fiscal years 2580-2581",
            id="years outside every round",
        ),
        pytest.param(
            lambda d: d.update(round="2566-2570"),
            "the round 2566-2570 covers 2566-2570; the plan's fiscal years are 2561-2562",
            id="a round that is not the plan's",
        ),
    ],
)
def test_rules_across_fields(change: Any, message: str) -> None:
    data = minimal_action()
    change(data)

    assert any(message in problem for problem in problems(data)), problems(data)


def test_the_type_is_the_word_the_name_starts_with_unless_given() -> None:
    data = minimal_action()
    data["dimensions"][1]["missions"][0]["projects"][0].update(name="ประกาศเจตจำนง", type="กิจกรรม")

    kinds = [project.kind_of for _, project in valid(data).projects()]

    assert kinds == [ProjectType.PROJECT, ProjectType.ACTIVITY, ProjectType.ACTIVITY]


def test_a_block_of_the_introduction_must_be_text_a_list_or_a_table() -> None:
    data = minimal_action()
    data["introduction"]["rationale"] = [{"paragraphs": ["ก"]}]

    [problem] = problems(data)

    assert "introduction.rationale[0]" in problem
    assert "expected a paragraph (text), or a list written as 'numbered:' or 'bullets:'" in problem


def test_a_plan_of_the_2566_round_names_its_missions_itself() -> None:
    data = minimal_action()
    data["fiscal_years"] = {"first": 2566, "last": 2570}
    for dimension in data["dimensions"]:
        for mission in dimension["missions"]:
            mission["title"] = "ภารกิจที่เขียนเอง"
            for sub in mission.get("missions", []):
                sub["title"] = "ภารกิจย่อยที่เขียนเอง"
            for item in mission.get("projects", []) + [
                p for sub in mission.get("missions", []) for p in sub["projects"]
            ]:
                item["budget"] = {2566: "1000"}

    plan = valid(data)

    assert plan.catalogue is not None and plan.catalogue.name == "2566-2570"


def test_the_command_reports_a_mistyped_amount_at_its_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from anticorrupt_plan.cli import app

    data = minimal_action()
    data["dimensions"][1]["missions"][0]["projects"] = [
        project("p3", "มาตรการประกาศเจตจำนง", {2561: "5o,000"})
    ]
    path = tmp_path / "plan.yaml"
    path.write_text(dump(data), encoding="utf-8")

    result = CliRunner().invoke(app, ["validate", str(path)])

    assert result.exit_code == 1
    [line] = [line for line in result.output.splitlines() if "5o,000" in line]
    number = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "5o,000" in text)
    assert line.startswith(f"{path}:{number}:")


def test_no_budget_for_every_year_may_be_written_once() -> None:
    data = minimal_action()
    data["dimensions"][1]["missions"][0]["projects"][0]["budget"] = "ไม่ใช้งบประมาณ"

    [*_, (_, last)] = list(valid(data).projects())

    assert last.budget == {2561: NO_BUDGET, 2562: NO_BUDGET}


def test_a_mission_may_stand_straight_under_its_dimension() -> None:
    data = minimal_action()
    data["dimensions"][0]["missions"] = data["dimensions"][0]["missions"][0]["missions"]

    plan = valid(data)

    assert [mission.mission for _, mission in plan.missions()] == ["1.1.1", "2.1"]


@pytest.mark.parametrize(
    ("missions", "message"),
    [
        pytest.param(
            [{"mission": "1.1", "missions": []}, {"mission": "1.1.1"}],
            "ภารกิจ 1.1 is written beside it; put ภารกิจ 1.1.1 under it",
            id="its parent written beside it",
        ),
        pytest.param(
            [{"mission": "1.9.1", "title": "ภารกิจย่อย"}],
            "ภารกิจ 1.9.1 stands under ภารกิจ 1.9, which the round's catalogue does not name",
            id="a parent the catalogue does not name",
        ),
    ],
)
def test_a_mission_skipping_a_level_needs_what_stands_between(
    missions: list[dict[str, Any]], message: str
) -> None:
    data = minimal_action()
    for n, mission in enumerate(missions):
        mission["projects"] = [project(f"x{n}", "โครงการหนึ่ง", {2561: "1000"})]
    data["dimensions"][0]["missions"] = missions

    assert any(message in problem for problem in problems(data)), problems(data)
