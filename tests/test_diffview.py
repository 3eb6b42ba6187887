"""The comparison as a reader sees it: heading, numbered rows, places, texts and reasons."""

from __future__ import annotations

from typing import Any

import pytest

from anticorrupt_plan.app.validate import parse_plan
from anticorrupt_plan.common.comparison import ELLIPSIS, excerpt, place_text, present_comparison
from anticorrupt_plan.common.diffing import Change, ChangeKind, Segment
from anticorrupt_plan.kinds.ethics import KIND
from anticorrupt_plan.kinds.ethics.diff import diff_plans

from .conftest import dump, minimal_plan


def plan_with(**changes: Any) -> Any:
    data = minimal_plan()
    data.update(changes)
    return parse_plan(dump(data), file="plan.yaml").plan


def change(old_place: tuple[str, ...], new_place: tuple[str, ...]) -> Change:
    return Change(
        kind=ChangeKind.MOVED,
        old_place=old_place,
        new_place=new_place,
        old_path=None,
        new_path=None,
        old="ก",
        new="ก",
        segments=(Segment("equal", "ก"),),
        reason=None,
    )


@pytest.mark.parametrize(
    ("amendment", "digits", "expected"),
    [
        pytest.param(None, "thai", "", id="none recorded"),
        pytest.param({"number": "๒"}, "thai", "แก้ไขครั้งที่ ๒", id="number in Thai digits"),
        pytest.param(
            {"number": 1, "date": "2566-03-01"},
            "thai",
            "แก้ไขครั้งที่ ๑ วันที่ ๑ เดือน มีนาคม พ.ศ. ๒๕๖๖",
            id="with its date",
        ),
        pytest.param({"number": 3}, "arabic", "แก้ไขครั้งที่ 3", id="arabic digits"),
    ],
)
def test_the_heading_names_the_plan_and_the_amendment(
    amendment: dict[str, Any] | None, digits: str, expected: str
) -> None:
    plan = plan_with(amendment=amendment, digits=digits)

    view = present_comparison((), new=KIND.settings(plan))

    assert view.title.startswith("ตารางเปรียบเทียบการแก้ไขแผนการเสริมสร้าง")
    assert view.title.endswith(
        "องค์การบริหารส่วนตำบลทดสอบ ประจำปี พ.ศ. "
        + ("๒๕๖๖ - ๒๕๖๗" if digits == "thai" else "2566 - 2567")
    )
    assert view.amendment == expected


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(("ก", "ข"), ("ก", "ข"), "ก ข", id="same place"),
        pytest.param((), ("ก", "ข"), "ก ข", id="added"),
        pytest.param(("ก", "ข"), (), "ก ข", id="removed"),
        pytest.param(("ก", "ข ๒"), ("ก", "ข ๑"), "ก ข ๑ (เดิม ข ๒)", id="renumbered within"),
        pytest.param(("ก ๑", "ข ๒"), ("ก ๒", "ข ๓"), "ก ๒ ข ๓ (เดิม ก ๑ ข ๒)", id="another parent"),
        pytest.param(
            ("ก", "ข ๑", "ค", "ง"), ("ก", "ข ๒", "ค", "ง"), "ก ข ๒ ค ง (เดิม ข ๑)", id="inside"
        ),
        pytest.param(("ก ๑", "ข"), ("ก ๒",), "ก ๒ (เดิม ก ๑ ข)", id="another depth"),
    ],
)
def test_a_place_names_the_old_number_only_where_it_differs(
    old: tuple[str, ...], new: tuple[str, ...], expected: str
) -> None:
    assert place_text(change(old, new)) == expected


def test_rows_split_each_change_into_its_old_and_new_text() -> None:
    old = plan_with()
    data = minimal_plan()
    data["goals"][0]["measures"][0]["rows"][0]["targets"][2567] = "ร้อยละ 95"
    data["goals"][0]["measures"][0]["rows"][0]["steps"].append("ขั้นที่สาม")
    data["amendment"] = {"number": 1, "reason": "ปรับตามผลการประเมิน"}
    new = parse_plan(dump(data), file="plan.yaml").plan

    view = present_comparison(diff_plans(old, new), new=KIND.settings(new))

    target, step = view.rows
    assert (target.number, target.action, step.number, step.action) == ("๑", "แก้ไข", "๒", "เพิ่ม")
    assert target.place.endswith("(๓) ค่าเป้าหมายตัวชี้วัด ๒๕๖๗")
    assert target.old == (Segment("equal", "ร้อยละ "), Segment("delete", "๙๐"))
    assert target.new == (Segment("equal", "ร้อยละ "), Segment("insert", "๙๕"))
    assert (step.old, step.new) == ((), (Segment("insert", "ขั้นที่สาม"),))
    assert target.reason == step.reason == "ปรับตามผลการประเมิน"


@pytest.mark.parametrize(
    ("pieces", "expected"),
    [
        pytest.param(
            [Segment("equal", "กขคงจฉ"), Segment("delete", "ช"), Segment("equal", "ซฌญฎฏ")],
            [
                Segment("equal", ELLIPSIS + "งจฉ"),
                Segment("delete", "ช"),
                Segment("equal", "ซฌญ" + ELLIPSIS),
            ],
            id="long ends cut",
        ),
        pytest.param(
            [Segment("insert", "ก"), Segment("equal", "ขคงจฉชซฌ"), Segment("insert", "ญ")],
            [
                Segment("insert", "ก"),
                Segment("equal", "ขคง" + ELLIPSIS + "ชซฌ"),
                Segment("insert", "ญ"),
            ],
            id="long middle cut",
        ),
        pytest.param(
            [Segment("equal", "กข"), Segment("delete", "ค")],
            [Segment("equal", "กข"), Segment("delete", "ค")],
            id="short kept",
        ),
        pytest.param(
            [Segment("equal", "กขคงจฉชซฌ")],
            [Segment("equal", "กขคงจฉชซฌ")],
            id="unchanged kept whole",
        ),
        pytest.param(
            [Segment("equal", "ไปที่นี่ดี"), Segment("delete", "ๆ")],
            [Segment("equal", ELLIPSIS + "ที่นี่ดี"), Segment("delete", "ๆ")],
            id="cut between clusters, never inside one",
        ),
    ],
)
def test_excerpt_keeps_the_context_of_each_change(
    pieces: list[Segment], expected: list[Segment]
) -> None:
    context = 3

    assert list(excerpt(pieces, context=context)) == expected
