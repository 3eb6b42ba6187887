"""The change set between two plans: what is reported, where, and what is not a change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from anticorrupt_plan.app.validate import parse_plan
from anticorrupt_plan.common.diffing import ChangeKind, Segment, segments
from anticorrupt_plan.kinds.ethics.diff import diff_plans
from anticorrupt_plan.kinds.ethics.model import Plan

from .conftest import dump, minimal_plan

Data = dict[str, Any]

TOPICS = ["การฝึกอบรม", "การเผยแพร่ข้อมูล", "การตรวจสอบ", "การร้องเรียน", "การจัดซื้อจัดจ้าง"]


def measure(topic: str) -> Data:
    return {
        "title": f"มาตรการด้าน{topic}ของบุคลากร",
        "rows": [
            {
                "objective": f"เพื่อพัฒนา{topic}ให้มีประสิทธิภาพ",
                "indicator": f"ร้อยละของผู้เข้าร่วม{topic}",
                "targets": {2566: "ร้อยละ 80", 2567: "ร้อยละ 90"},
                "project": f"โครงการ{topic}",
                "steps": [f"วางแผน{topic}", f"ดำเนินการ{topic}", f"ประเมินผล{topic}"],
            }
        ],
    }


def base() -> Data:
    """Two goals: the first with three measures, the second with two."""
    data = minimal_plan()
    first = data["goals"][0]
    first["measures"] = [measure(topic) for topic in TOPICS[:3]]
    second = {
        "goal": "เพื่อส่งเสริมการมีส่วนร่วมของภาคประชาชน",
        "strategy": "ส่งเสริมการมีส่วนร่วม",
        "strategy_indicator": "ร้อยละของความพึงพอใจ",
        "tactic": "เสริมสร้างเครือข่าย",
        "measures": [measure(topic) for topic in TOPICS[3:]],
    }
    data["goals"].append(second)
    data["rationale"] = ["ย่อหน้าแรกของหลักการ", "ย่อหน้าที่สองของหลักการ"]
    return data


def plan(data: Data) -> Plan:
    return parse_plan(dump(data), file="plan.yaml").plan


def edited(edit: Callable[[Data], object]) -> Plan:
    data = base()
    edit(data)
    return plan(data)


G1, G2, G3 = "เป้าประสงค์หลักที่ ๑", "เป้าประสงค์หลักที่ ๒", "เป้าประสงค์หลักที่ ๓"
M1, M2, M3, M4 = "มาตรการที่ ๑", "มาตรการที่ ๒", "มาตรการที่ ๓", "มาตรการที่ ๔"
ROW = "แถวที่ ๑"
TARGETS = "(๓) ค่าเป้าหมายตัวชี้วัด"
STEPS = "(๕) แนวทางปฏิบัติ"


def set_target(d: Data) -> None:
    d["goals"][0]["measures"][1]["rows"][0]["targets"][2567] = "ร้อยละ 95"


def reword_step(d: Data) -> None:
    d["goals"][1]["measures"][0]["rows"][0]["steps"][2] = "ประเมินผลและรายงานการร้องเรียน"


def insert_measure(d: Data) -> None:
    d["goals"][0]["measures"].insert(0, measure("การจัดการความเสี่ยง"))


def swap_measures(d: Data) -> None:
    ms = d["goals"][0]["measures"]
    ms[0], ms[1] = ms[1], ms[0]


def move_to_other_goal(d: Data) -> None:
    d["goals"][1]["measures"].append(d["goals"][0]["measures"].pop(0))


def add_goal(d: Data) -> None:
    goal = dict(d["goals"][1], goal="เพื่อพัฒนาระบบบริหาร", measures=[measure("การประเมิน")])
    d["goals"].append(goal)


def remove_step(d: Data) -> None:
    del d["goals"][0]["measures"][2]["rows"][0]["steps"][0]


def add_paragraph(d: Data) -> None:
    d["rationale"].insert(1, "ย่อหน้าใหม่ที่เพิ่มเข้ามา")


def set_digits(d: Data) -> None:
    d["digits"] = "arabic"


def extend_years(d: Data) -> None:
    d["fiscal_years"]["last"] = 2568
    for goal in d["goals"]:
        for m in goal["measures"]:
            m["rows"][0]["targets"][2568] = "ร้อยละ 100"


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        pytest.param(
            set_target,
            [("changed", (G1, M2, ROW, f"{TARGETS} ๒๕๖๗"), (G1, M2, ROW, f"{TARGETS} ๒๕๖๗"))],
            id="target",
        ),
        pytest.param(
            reword_step,
            [("changed", (G2, M1, ROW, STEPS, "๓."), (G2, M1, ROW, STEPS, "๓."))],
            id="step reworded",
        ),
        pytest.param(
            remove_step,
            [("removed", (G1, M3, ROW, STEPS, "๑."), ())],
            id="step removed",
        ),
        pytest.param(
            insert_measure,
            [("added", (), (G1, M1))],
            id="measure inserted: the others are renumbered, not moved",
        ),
        pytest.param(swap_measures, [("moved", (G1, M2), (G1, M1))], id="measures swapped"),
        pytest.param(
            move_to_other_goal, [("moved", (G1, M1), (G2, M3))], id="measure to another goal"
        ),
        pytest.param(add_goal, [("added", (), (G3,))], id="goal added"),
        pytest.param(
            lambda d: d["goals"].pop(0),
            [("removed", (G1,), ())],
            id="goal removed, others renumbered",
        ),
        pytest.param(
            add_paragraph,
            [("added", (), ("หลักการเหตุผล", "ย่อหน้าที่ ๒"))],
            id="paragraph inserted",
        ),
        pytest.param(
            lambda d: d["rationale"].reverse(),
            [("moved", ("หลักการเหตุผล", "ย่อหน้าที่ ๒"), ("หลักการเหตุผล", "ย่อหน้าที่ ๑"))],
            id="paragraphs swapped",
        ),
        pytest.param(
            lambda d: d.update(title="แผนป้องกันการทุจริต"),
            [("changed", ("ชื่อแผน",), ("ชื่อแผน",))],
            id="title, with the subject that follows it",
        ),
        pytest.param(
            lambda d: d["organization"].update(name="ทุ่งทอง"),
            [("changed", ("องค์กรปกครองส่วนท้องถิ่น",), ("องค์กรปกครองส่วนท้องถิ่น",))],
            id="organization name",
        ),
        pytest.param(
            lambda d: d["announcement"].update(date="2565-10-02"),
            [("changed", ("ประกาศ", "วันที่ประกาศ"), ("ประกาศ", "วันที่ประกาศ"))],
            id="announcement date",
        ),
        pytest.param(set_digits, [("changed", ("ตัวเลข",), ("ตัวเลข",))], id="digits only"),
        pytest.param(
            extend_years,
            [("changed", ("ปีงบประมาณ",), ("ปีงบประมาณ",))]
            + [
                ("added", (), (goal, m, ROW, f"{TARGETS} ๒๕๖๘"))
                for goal, m in [(G1, M1), (G1, M2), (G1, M3), (G2, M1), (G2, M2)]
            ],
            id="a year added to the plan and to every row",
        ),
    ],
)
def test_each_edit_is_reported_once_at_its_place(
    edit: Callable[[Data], object], expected: list[tuple[str, tuple[str, ...], tuple[str, ...]]]
) -> None:
    old = plan(base())
    new = edited(edit)

    changes = diff_plans(old, new)

    assert [(c.kind.value, c.old_place, c.new_place) for c in changes] == expected


@pytest.mark.parametrize(
    ("edit", "place", "path", "old", "new"),
    [
        pytest.param(
            lambda d: d["announcement"].update(subject="แผนป้องกันการทุจริต"),
            "เรื่อง",
            ("subject",),
            "เรื่อง แผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและการป้องกันการทุจริต",
            "เรื่อง แผนป้องกันการทุจริต",
            id="a subject written apart from the title",
        ),
        pytest.param(
            lambda d: d["announcement"].update(body=["ข้อความประกาศใหม่"]),
            "ย่อหน้าที่ ๑",
            ("body", 0),
            "ข้อความประกาศ",
            "ข้อความประกาศใหม่",
            id="a paragraph of the body",
        ),
        pytest.param(
            lambda d: d["announcement"].update(date="2565-10-02"),
            "วันที่ประกาศ",
            ("date",),
            "ประกาศ ณ วันที่ ๑ เดือน ตุลาคม พ.ศ. ๒๕๖๕",
            "ประกาศ ณ วันที่ ๒ เดือน ตุลาคม พ.ศ. ๒๕๖๕",
            id="the date, written out in Thai",
        ),
        pytest.param(
            lambda d: d["announcement"]["signatory"].update(name="นางสาวทดสอบ ใจงาม"),
            "ผู้ลงนาม",
            ("signatory", "name"),
            "(นายทดสอบ ใจดี)",
            "(นางสาวทดสอบ ใจงาม)",
            id="the signatory, in brackets as signed",
        ),
        pytest.param(
            lambda d: d["announcement"]["signatory"].update(position="ปลัดองค์การบริหารส่วนตำบล"),
            "ตำแหน่งผู้ลงนาม",
            ("signatory", "position"),
            "นายกองค์การบริหารส่วนตำบลทดสอบ",
            "ปลัดองค์การบริหารส่วนตำบล",
            id="a position written instead of the executive's",
        ),
    ],
)
def test_each_part_of_the_announcement_is_compared_as_the_announcement_shows_it(
    edit: Callable[[Data], object], place: str, path: tuple[str | int, ...], old: str, new: str
) -> None:
    def amend(d: Data) -> None:
        edit(d)
        d["amendment"] = {"number": 1, "reason": "ทบทวนแผน"}

    (change,) = diff_plans(plan(base()), edited(amend))

    assert change.kind == ChangeKind.CHANGED
    assert change.old_place == change.new_place == ("ประกาศ", place)
    assert change.old_path == change.new_path == ("announcement", *path)
    assert (change.old, change.new, change.reason) == (old, new, "ทบทวนแผน")


def test_a_change_to_a_field_of_the_whole_plan_carries_the_amendments_reason() -> None:
    def edit(d: Data) -> None:
        d.update(title="แผนป้องกันการทุจริต")
        d["amendment"] = {"number": 1, "reason": "ทบทวนแผน"}

    (change,) = diff_plans(plan(base()), edited(edit))

    assert (change.new_place, change.reason) == (("ชื่อแผน",), "ทบทวนแผน")


def to_thai_digits(d: Data) -> None:
    d["goals"][0]["measures"][0]["rows"][0]["targets"][2566] = "ร้อยละ ๘๐"


def add_ids_and_reasons(d: Data) -> None:
    d["goals"][0]["id"] = "people"
    d["goals"][0]["reason"] = "ปรับตามผลการประเมิน"
    d["goals"][0]["measures"][0]["id"] = "training"
    d["goals"][0]["measures"][0]["rows"][0]["reason"] = "ปรับค่าเป้าหมาย"
    d["amendment"] = {"number": 1, "reason": "ทบทวนแผน"}


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(to_thai_digits, id="80 written as ๘๐: the documents read the same"),
        pytest.param(add_ids_and_reasons, id="ids, reasons and an amendment record"),
        pytest.param(
            lambda d: d["announcement"].update(subject=d["title"]),
            id="subject written out as the title it defaults to",
        ),
    ],
)
def test_edits_that_leave_the_documents_as_they_were_are_no_change(
    edit: Callable[[Data], object],
) -> None:
    assert diff_plans(plan(base()), edited(edit)) == ()


def test_a_moved_measure_carries_its_edits_under_its_new_number() -> None:
    def edit(d: Data) -> None:
        swap_measures(d)
        d["goals"][0]["measures"][0]["rows"][0]["targets"][2566] = "ร้อยละ 85"

    changes = diff_plans(plan(base()), edited(edit))

    assert [(c.kind, c.old_place, c.new_place, c.old, c.new) for c in changes] == [
        (
            ChangeKind.MOVED,
            (G1, M2),
            (G1, M1),
            measure(TOPICS[1])["title"],
            measure(TOPICS[1])["title"],
        ),
        (
            ChangeKind.CHANGED,
            (G1, M2, ROW, f"{TARGETS} ๒๕๖๖"),
            (G1, M1, ROW, f"{TARGETS} ๒๕๖๖"),
            "ร้อยละ ๘๐",
            "ร้อยละ ๘๕",
        ),
    ]


def test_items_with_ids_are_followed_even_when_rewritten() -> None:
    def with_ids(d: Data) -> None:
        for n, m in enumerate(d["goals"][0]["measures"]):
            m["id"] = f"m{n}"

    def rewrite(d: Data) -> None:
        with_ids(d)
        swap_measures(d)
        d["goals"][0]["measures"][0] = dict(measure("การบริหารงานบุคคล"), id="m1")

    old, new = edited(with_ids), edited(rewrite)

    changes = diff_plans(old, new)

    assert changes[0].kind is ChangeKind.MOVED
    assert (changes[0].old_place, changes[0].new_place) == ((G1, M2), (G1, M1))
    assert changes[0].old_path == ("goals", 0, "measures", 1)
    # The rewritten row inside is replaced; the measure itself is neither removed nor added.
    assert [(c.kind, c.new_place or c.old_place) for c in changes[1:]] == [
        (ChangeKind.REMOVED, (G1, M2, ROW)),
        (ChangeKind.ADDED, (G1, M1, ROW)),
    ]


@pytest.mark.parametrize(
    ("reasons", "expected"),
    [
        pytest.param({}, None, id="none recorded"),
        pytest.param({"amendment": "ทบทวนแผน"}, "ทบทวนแผน", id="the amendment's"),
        pytest.param(
            {"amendment": "ทบทวนแผน", "goal": "ปรับเป้าประสงค์"}, "ปรับเป้าประสงค์", id="the goal's"
        ),
        pytest.param(
            {"goal": "ปรับเป้าประสงค์", "measure": "ปรับมาตรการ"}, "ปรับมาตรการ", id="the measure's"
        ),
        pytest.param({"measure": "ปรับมาตรการ", "row": "ปรับค่า"}, "ปรับค่า", id="the row's"),
    ],
)
def test_a_change_carries_the_nearest_reason_the_new_version_records(
    reasons: dict[str, str], expected: str | None
) -> None:
    def edit(d: Data) -> None:
        set_target(d)
        goal = d["goals"][0]
        if "amendment" in reasons:
            d["amendment"] = {"number": 1, "reason": reasons["amendment"]}
        if "goal" in reasons:
            goal["reason"] = reasons["goal"]
        if "measure" in reasons:
            goal["measures"][1]["reason"] = reasons["measure"]
        if "row" in reasons:
            goal["measures"][1]["rows"][0]["reason"] = reasons["row"]

    (change,) = diff_plans(plan(base()), edited(edit))

    assert change.reason == expected


def test_values_are_shown_in_the_new_versions_digits() -> None:
    (digits, target) = diff_plans(plan(base()), edited(lambda d: (set_digits(d), set_target(d))))

    assert (digits.old, digits.new) == ("เลขไทย", "เลขอารบิก")
    assert (target.new_place[-1], target.old, target.new) == (
        "(3) ค่าเป้าหมายตัวชี้วัด 2567",
        "ร้อยละ 90",
        "ร้อยละ 95",
    )


def test_paths_point_into_each_versions_yaml() -> None:
    (change,) = diff_plans(plan(base()), edited(set_target))

    assert (
        change.old_path
        == change.new_path
        == ("goals", 0, "measures", 1, "rows", 0, "targets", "2567")
    )


def test_an_added_measure_brings_its_whole_text() -> None:
    (change,) = diff_plans(plan(base()), edited(insert_measure))

    assert change.old is None and change.new is not None
    assert change.new.splitlines()[:2] == [
        "มาตรการด้านการจัดการความเสี่ยงของบุคลากร",
        "(๑) วัตถุประสงค์ เพื่อพัฒนาการจัดการความเสี่ยงให้มีประสิทธิภาพ",
    ]
    assert "๑. วางแผนการจัดการความเสี่ยง" in change.new.splitlines()
    assert change.segments == (Segment("insert", change.new),)


def test_a_removed_step_takes_its_whole_text_with_it() -> None:
    (change,) = diff_plans(plan(base()), edited(remove_step))

    assert (change.old, change.new) == ("วางแผนการตรวจสอบ", None)
    assert change.segments == (Segment("delete", "วางแผนการตรวจสอบ"),)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "ร้อยละ ๘๐",
            "ร้อยละ ๙๐",
            [("equal", "ร้อยละ "), ("delete", "๘๐"), ("insert", "๙๐")],
            id="a number changes whole",
        ),
        pytest.param(
            "ร้อยละ 80 ต่อปี",
            "ร้อยละ 100 ต่อปี",
            [("equal", "ร้อยละ "), ("delete", "80"), ("insert", "100"), ("equal", " ต่อปี")],
            id="Arabic digits too",
        ),
        pytest.param(
            "ทุ่งทอง",
            "ทุ้งทอง",
            [("delete", "ทุ่"), ("insert", "ทุ้"), ("equal", "งทอง")],
            id="a tone mark changes its whole cluster",
        ),
        pytest.param(
            "ดำเนินโครงการตามแผน",
            "ดำเนินโครงการตามแผนที่กำหนด",
            [("equal", "ดำเนินโครงการตามแผน"), ("insert", "ที่กำหนด")],
            id="words added without spaces",
        ),
        pytest.param(
            "ทุ่ง ทอง", "ทุ่งทอง", [("equal", "ทุ่ง"), ("delete", " "), ("equal", "ทอง")], id="a space"
        ),
        pytest.param(
            "กขคงจ",
            "กฃคฅจ",
            [("equal", "ก"), ("delete", "ขคง"), ("insert", "ฃคฅ"), ("equal", "จ")],
            id="a short equal run between edits joins them",
        ),
        pytest.param(
            "กขคงจฉช",
            "กฃคงจฅช",
            [
                ("equal", "ก"),
                ("delete", "ข"),
                ("insert", "ฃ"),
                ("equal", "คงจ"),
                ("delete", "ฉ"),
                ("insert", "ฅ"),
                ("equal", "ช"),
            ],
            id="an equal run of three clusters between edits stays apart",
        ),
        pytest.param(
            "ร้อยละ 15",
            "ร้อยละ 5",
            [("equal", "ร้อยละ "), ("delete", "15"), ("insert", "5")],
            id="a number that loses its first digit changes whole",
        ),
        pytest.param(
            "ปีละ 12 ครั้ง",
            "ปีละ 1ครั้ง",
            [("equal", "ปีละ "), ("delete", "12 "), ("insert", "1"), ("equal", "ครั้ง")],
            id="a number that loses its last digit and the space after it",
        ),
        pytest.param(
            "ปีละ 1ครั้ง",
            "ปีละ 12 ครั้ง",
            [("equal", "ปีละ "), ("delete", "1"), ("insert", "12 "), ("equal", "ครั้ง")],
            id="a number that gains a digit and a space after it",
        ),
        pytest.param(
            "แบบ กข12",
            "แบบ 2",
            [("equal", "แบบ "), ("delete", "กข12"), ("insert", "2")],
            id="letters and digits deleted before the last digit of a number",
        ),
        pytest.param(
            "แบบ 2",
            "แบบ กข12",
            [("equal", "แบบ "), ("delete", "2"), ("insert", "กข12")],
            id="letters and digits inserted before a number",
        ),
    ],
)
def test_segments_cut_by_cluster(old: str, new: str, expected: list[tuple[str, str]]) -> None:
    pieces, _ = segments(old, new)

    assert [(p.op, p.text) for p in pieces] == expected
    assert "".join(p.text for p in pieces if p.op != "insert") == old
    assert "".join(p.text for p in pieces if p.op != "delete") == new
