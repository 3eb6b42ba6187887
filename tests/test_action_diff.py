"""Comparing two versions of an action plan: projects followed by id, budgets by year, and
the totals a change moved."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from anticorrupt_plan.app.compare import DiffFormat, compare
from anticorrupt_plan.app.validate import parse_plan
from anticorrupt_plan.common.diffing import Change, ChangeKind
from anticorrupt_plan.kinds.action.diff import diff_plans
from anticorrupt_plan.writers.docx_text import docx_text

from .conftest import dump, minimal_action, project


def changes(edit: Any) -> list[Change]:
    old = parse_plan(dump(minimal_action()), file="old.yaml").plan
    data = minimal_action()
    edit(data)
    new = parse_plan(dump(data), file="new.yaml").plan
    return list(diff_plans(old, new))


def first_mission(data: dict[str, Any]) -> dict[str, Any]:
    mission: dict[str, Any] = data["dimensions"][0]["missions"][0]["missions"][0]
    return mission


def summary(found: list[Change]) -> list[tuple[str, tuple[str, ...], str | None, str | None]]:
    return [(c.kind.value, c.new_place or c.old_place, c.old, c.new) for c in found]


def test_nothing_changed_is_no_change() -> None:
    assert changes(lambda data: None) == []


def test_a_budget_change_names_the_project_and_the_totals_it_moved() -> None:
    def edit(data: dict[str, Any]) -> None:
        first_mission(data)["projects"][0]["budget"][2562] = "60,000"

    found = summary(changes(edit))

    assert found == [
        ("changed", ("มิติที่ ๑", "ภารกิจ ๑.๑.๑", "๑)", "งบประมาณ ปี ๒๕๖๒"), "๕๐,๐๐๐", "๖๐,๐๐๐"),
        ("changed", ("มิติที่ ๑", "รวม", "ปี ๒๕๖๒"), "๕๐,๐๐๐", "๖๐,๐๐๐"),
        ("changed", ("รวมทั้งสิ้น", "ปี ๒๕๖๒"), "๕๐,๐๐๐", "๖๐,๐๐๐"),
    ]


def test_a_budget_written_another_way_is_no_change() -> None:
    def edit(data: dict[str, Any]) -> None:
        first_mission(data)["projects"][0]["budget"] = {2561: "๕๐๐๐๐", 2562: "50000"}

    assert changes(edit) == []


def test_a_project_moved_to_another_mission_is_moved_not_removed_and_added() -> None:
    def edit(data: dict[str, Any]) -> None:
        moving = first_mission(data)["projects"].pop(1)
        data["dimensions"][1]["missions"][0]["projects"].append(moving)

    found = changes(edit)
    moved = [c for c in found if c.kind is ChangeKind.MOVED]

    assert [(c.old_place, c.new_place) for c in moved] == [
        (("มิติที่ ๑", "ภารกิจ ๑.๑.๑", "๒)"), ("มิติที่ ๒", "ภารกิจ ๒.๑", "๒)"))
    ]
    assert ("มิติที่ ๑", "รวม", "ปี ๒๕๖๑") in [c.new_place for c in found]


def test_an_added_project_is_one_change_with_its_budgets() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["dimensions"][1]["missions"][0]["projects"].append(
            project("p9", "กิจกรรมใหม่", {2562: "10000"})
        )

    found = changes(edit)

    assert found[0].kind is ChangeKind.ADDED
    assert found[0].new == "๒) กิจกรรมใหม่\nงบประมาณ ปี ๒๕๖๒ ๑๐,๐๐๐"
    assert found[0].new_path == ("dimensions", 1, "missions", 0, "projects", 1)


def test_a_heading_reworded_is_reported_at_its_number() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["dimensions"][1]["missions"][0]["title"] = "แสดงเจตจำนงของผู้บริหาร"

    [change] = changes(edit)

    assert change.new_place == ("มิติที่ ๒", "ภารกิจ ๒.๑")
    assert change.new_path == ("dimensions", 1, "missions", 0, "title")


def test_plan_diff_shows_it_as_json_and_in_the_comparison_document(tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(dump(minimal_action()), encoding="utf-8")
    data = minimal_action()
    first_mission(data)["projects"][0]["budget"][2562] = "60,000"
    data["amendment"] = {"number": 1, "reason": "ปรับงบประมาณ"}
    new.write_text(dump(data), encoding="utf-8")

    result = compare(str(old), str(new), plan_file=new, format=DiffFormat.JSON)
    out = tmp_path / "amendment.docx"
    compare(str(old), str(new), plan_file=new, format=DiffFormat.DOCX, out=out)

    document = json.loads(result.output)
    assert document["summary"]["changed"] == 3
    assert document["changes"][0]["path"]["new"] == (
        "dimensions[0].missions[0].missions[0].projects[0].budget.2562"
    )
    assert document["changes"][1]["path"] == {"old": None, "new": None}  # a derived total
    text = docx_text(out)
    assert "แก้ไข มิติที่ ๑ ภารกิจ ๑.๑.๑ ๑) งบประมาณ ปี ๒๕๖๒ | ๕๐,๐๐๐ | ๖๐,๐๐๐ | ปรับงบประมาณ" in text
    assert "แก้ไข รวมทั้งสิ้น ปี ๒๕๖๒" in text


def test_a_plan_cannot_be_compared_with_another_kind(tmp_path: Path) -> None:
    import pytest

    from anticorrupt_plan.core.errors import DifferentKindsError

    from .conftest import minimal_plan

    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(dump(minimal_plan()), encoding="utf-8")
    new.write_text(dump(minimal_action()), encoding="utf-8")

    with pytest.raises(DifferentKindsError) as raised:
        compare(str(old), str(new), plan_file=new)

    assert "is a document of kind 'action' and" in str(raised.value)
