"""The action plan's check rules, and the ethics plan's rules it does not run."""

from __future__ import annotations

from typing import Any

import pytest

from anticorrupt_plan.app.checks import run_checks
from anticorrupt_plan.app.validate import parse_plan

from .conftest import dump, minimal_action


def findings(edit: Any) -> list[tuple[str, str, str]]:
    data = minimal_action()
    edit(data)
    report = run_checks(parse_plan(dump(data), file="plan.yaml"))
    return [(f.rule, str(f).split(": ")[3], f.message) for f in report.findings]


def project(data: dict[str, Any], index: int = 0) -> dict[str, Any]:
    found: dict[str, Any] = data["dimensions"][0]["missions"][0]["missions"][0]["projects"][index]
    return found


def test_the_minimal_plan_checks_clean() -> None:
    assert findings(lambda data: None) == []


def test_a_project_with_no_year_is_an_error() -> None:
    def edit(data: dict[str, Any]) -> None:
        project(data)["budget"] = {}

    [(rule, path, message)] = findings(edit)

    assert rule == "NO-YEAR"
    assert path == "dimensions[0].missions[0].missions[0].projects[0].budget"
    assert "runs in no fiscal year" in message


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("งบประมาณรวมทั้งสิ้น 150,000 บาท", True),
        ("งบประมาณรวมทั้งสิ้น 120,000 บาท", False),  # all years: 50,000 + 50,000 + 20,000
        ("รวม ๗๐,๐๐๐ บาท ในปี ๒๕๖๑", False),  # the 2561 total
        ("งบประมาณโครงการละ 20,000 บาท", False),  # not said to be a total
    ],
)
def test_a_total_typed_into_the_text_must_be_one_of_the_plans(text: str, flagged: bool) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["foreword"] = [text]

    found = findings(edit)

    assert [rule for rule, _, _ in found] == (["TYPED-TOTAL"] if flagged else [])
    if flagged:
        assert "all years: 120,000 baht" in found[0][2]


def test_a_heading_reworded_a_little_drifts_and_one_rewritten_does_not() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["dimensions"][1]["missions"][0]["title"] = (
            "แสดงเจตจำนงทางการเมืองในการต่อต้านการทุจริตของผู้บริหารท้องถิ่น"
        )
        data["dimensions"][0]["title"] = "การปลูกจิตสำนึกของบุคลากรทุกระดับในองค์กร"

    assert [(rule, path) for rule, path, _ in findings(edit)] == [
        ("HEADING-DRIFT", "dimensions[1].missions[0].title")
    ]


def test_a_project_without_its_page_in_part_three_is_a_warning() -> None:
    def edit(data: dict[str, Any]) -> None:
        del project(data, 1)["details"]

    assert [rule for rule, _, _ in findings(edit)] == ["NO-DETAILS"]


def test_the_shared_text_rules_run_on_the_action_plans_prose() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["introduction"]["rationale"] = ["เทศบาลตำบลทดสอบ จัดทำแผน  ประจำปี 2570 - 2571"]

    rules = {rule for rule, _, _ in findings(edit)}

    assert {"OTHER-ORGANIZATION", "DOUBLE-SPACE", "FISCAL-YEARS"} <= rules


def test_lists_and_tables_of_the_introduction_are_checked_too() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["introduction"]["objectives"] = [{"numbered": ["เพื่อเทศบาลตำบลทดสอบ"]}]
        data["introduction"]["benefits"] = [
            {"table": {"header": ["ด้าน"], "rows": [["บุคลากร  ทุกคน"]]}}
        ]

    found = {(rule, path) for rule, path, _ in findings(edit)}

    assert ("OTHER-ORGANIZATION", "introduction.objectives[0].numbered[0]") in found
    assert ("DOUBLE-SPACE", "introduction.benefits[0].table.rows[0][0]") in found


def test_a_projects_own_period_within_the_plans_years_is_no_slip() -> None:
    def edit(data: dict[str, Any]) -> None:
        project(data)["details"]["period"] = "ปีงบประมาณ พ.ศ. ๒๕๖๑ - ๒๕๖๒"
        project(data, 1)["details"]["period"] = "ปีงบประมาณ พ.ศ. ๒๕๖๑ - ๒๕๖๓"

    assert [(rule, path) for rule, path, _ in findings(edit)] == [
        ("FISCAL-YEARS", "dimensions[0].missions[0].missions[0].projects[1].details.period")
    ]
