"""The JSON shape of a change set: versioned, documented, every key always present."""

from __future__ import annotations

import json
from typing import Any

import pytest

from anticorrupt_plan.app.validate import parse_plan
from anticorrupt_plan.kinds.ethics.diff import diff_plans
from anticorrupt_plan.writers.diff_json import FORMAT, VERSION, render_json

from .conftest import dump, minimal_plan


def plan(data: dict[str, Any]) -> Any:
    return parse_plan(dump(data), file="plan.yaml").plan


def rendered(edit: Any) -> dict[str, Any]:
    old = plan(minimal_plan())
    data = minimal_plan()
    edit(data)
    new = plan(data)
    text = render_json(
        diff_plans(old, new),
        amendment=new.amendment,
        old_source="HEAD:plan.yaml",
        new_source="plan.yaml",
    )
    assert text.endswith("}\n")
    document: dict[str, Any] = json.loads(text)
    return document


def set_target(data: dict[str, Any]) -> None:
    row = data["goals"][0]["measures"][0]["rows"][0]
    row["targets"][2567] = "ร้อยละ 95"
    row["reason"] = "ปรับตามผลการประเมิน"
    data["amendment"] = {"number": 2, "date": "2566-03-01"}


def test_the_document_names_its_format_sources_and_amendment() -> None:
    document = rendered(set_target)

    assert list(document) == ["format", "version", "old", "new", "amendment", "summary", "changes"]
    assert (
        (document["format"], document["version"])
        == (FORMAT, VERSION)
        == ("anticorrupt-plan-diff", 1)
    )
    assert (document["old"], document["new"]) == ("HEAD:plan.yaml", "plan.yaml")
    assert document["amendment"] == {"number": 2, "date": "2566-03-01", "reason": None}
    assert document["summary"] == {"changed": 1, "added": 0, "removed": 0, "moved": 0}


def test_a_change_has_its_places_paths_texts_segments_and_reason() -> None:
    (change,) = rendered(set_target)["changes"]

    place = ["เป้าประสงค์หลักที่ ๑", "มาตรการที่ ๑", "แถวที่ ๑", "(๓) ค่าเป้าหมายตัวชี้วัด ๒๕๖๗"]
    assert change == {
        "kind": "changed",
        "place": {"old": place, "new": place},
        "path": {
            "old": "goals[0].measures[0].rows[0].targets.2567",
            "new": "goals[0].measures[0].rows[0].targets.2567",
        },
        "old": "ร้อยละ ๙๐",
        "new": "ร้อยละ ๙๕",
        "segments": [
            {"op": "equal", "text": "ร้อยละ "},
            {"op": "delete", "text": "๙๐"},
            {"op": "insert", "text": "๙๕"},
        ],
        "exact": True,
        "reason": "ปรับตามผลการประเมิน",
    }


@pytest.mark.parametrize(
    ("edit", "absent"),
    [
        pytest.param(lambda d: d["preparation_steps"].append("ขั้นตอนใหม่"), "old", id="added"),
        pytest.param(lambda d: d["rationale"].insert(0, "ย่อหน้าแรก"), "old", id="added first"),
        pytest.param(
            lambda d: d["goals"][0]["measures"][0]["rows"][0]["steps"].pop(), "new", id="removed"
        ),
    ],
)
def test_the_missing_side_is_null_not_left_out(edit: Any, absent: str) -> None:
    (change,) = rendered(edit)["changes"]

    assert change["place"][absent] is None
    assert change["path"][absent] is None
    assert change[absent] is None


def test_no_changes_is_an_empty_list_and_no_amendment_is_null() -> None:
    document = rendered(lambda d: None)

    assert document["changes"] == []
    assert document["amendment"] is None
