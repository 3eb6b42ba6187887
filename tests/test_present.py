"""Presentation: numbering, derived headings, dates and digits are decided once, here."""

from __future__ import annotations

import datetime

import pytest

from anticorrupt_plan.common.organization import Organization, OrganizationKind
from anticorrupt_plan.kinds.ethics.model import Plan
from anticorrupt_plan.kinds.ethics.present import LayoutView, PageNumberView, present

from .conftest import minimal_plan


def plan_with(**changes: object) -> Plan:
    data = minimal_plan()
    data.update(changes)
    return Plan.model_validate(data)


def test_announcement_lines_are_derived_from_the_organization_and_years() -> None:
    view = present(plan_with()).announcement

    assert view.heading == "ประกาศองค์การบริหารส่วนตำบลทดสอบ"
    assert view.subject == "เรื่อง แผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและการป้องกันการทุจริต"
    assert view.years_line == "ปีงบประมาณ พ.ศ. ๒๕๖๖ - ๒๕๖๗"
    assert view.date_line == "ประกาศ ณ วันที่ ๑ เดือน ตุลาคม พ.ศ. ๒๕๖๕"
    assert view.signatory_name == "(นายทดสอบ ใจดี)"
    assert view.signatory_position == "นายกองค์การบริหารส่วนตำบลทดสอบ"


def test_subject_and_position_can_be_given() -> None:
    data = minimal_plan()
    data["announcement"]["subject"] = "เรื่องอื่น"
    data["announcement"]["signatory"]["position"] = "ปลัดองค์การบริหารส่วนตำบล ปฏิบัติหน้าที่นายก"

    view = present(Plan.model_validate(data)).announcement

    assert view.subject == "เรื่อง เรื่องอื่น"
    assert view.signatory_position == "ปลัดองค์การบริหารส่วนตำบล ปฏิบัติหน้าที่นายก"


def test_cover_and_headings() -> None:
    view = present(plan_with())

    assert view.cover.years_line == "ประจำปี พ.ศ. ๒๕๖๖ - ๒๕๖๗"
    assert view.cover.place_line == "อำเภอเมือง จังหวัดกาญจนบุรี"
    assert view.narrative.heading.endswith("องค์การบริหารส่วนตำบลทดสอบ ประจำปี พ.ศ. ๒๕๖๖ - ๒๕๖๗")
    assert view.narrative.steps_heading == (
        "ขั้นตอนการจัดทำแผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและการป้องกันการทุจริตขององค์การบริหารส่วนตำบลทดสอบ"
    )
    assert view.matrix.heading_lines[1:] == (
        "อำเภอเมือง จังหวัดกาญจนบุรี",
        "ปีงบประมาณ พ.ศ. ๒๕๖๖ - ๒๕๖๗",
    )


def test_numbering_restarts_measures_in_each_goal() -> None:
    data = minimal_plan()
    goal = data["goals"][0]
    goal["measures"].append(goal["measures"][0])
    data["goals"].append(goal)

    goals = present(Plan.model_validate(data)).matrix.goals

    assert [g.label for g in goals] == ["เป้าประสงค์หลักที่ ๑", "เป้าประสงค์หลักที่ ๒"]
    assert [g.fields[0].label for g in goals] == ["ยุทธศาสตร์ที่ ๑", "ยุทธศาสตร์ที่ ๒"]
    assert [m.label for m in goals[1].measures] == ["มาตรการที่ ๑", "มาตรการที่ ๒"]
    assert [s.label for s in goals[0].measures[0].rows[0].steps] == ["๑.", "๒."]


def test_targets_follow_the_fiscal_years_whatever_order_they_were_written_in() -> None:
    data = minimal_plan()
    data["goals"][0]["measures"][0]["rows"][0]["targets"] = {2567: "ปีหลัง", 2566: "ปีแรก"}

    view = present(Plan.model_validate(data)).matrix

    assert view.header.years == ("๒๕๖๖", "๒๕๖๗")
    assert view.goals[0].measures[0].rows[0].targets == ("ปีแรก", "ปีหลัง")


def test_arabic_digits_switch_applies_everywhere() -> None:
    view = present(plan_with(digits="arabic"))

    assert view.announcement.years_line == "ปีงบประมาณ พ.ศ. 2566 - 2567"
    assert view.announcement.date_line == "ประกาศ ณ วันที่ 1 เดือน ตุลาคม พ.ศ. 2565"
    assert view.matrix.header.objective == "(1) วัตถุประสงค์"
    assert view.matrix.goals[0].measures[0].rows[0].targets == ("ร้อยละ 80", "ร้อยละ 90")
    assert view.narrative.strategies[0].label == "ยุทธศาสตร์ที่ 1"


def test_thai_digits_convert_the_plan_text_too() -> None:
    view = present(plan_with())

    assert view.matrix.goals[0].measures[0].rows[0].targets == ("ร้อยละ ๘๐", "ร้อยละ ๙๐")


@pytest.mark.parametrize(
    ("kind", "name", "title"),
    [
        (
            OrganizationKind.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION,
            "ทุ่งทอง",
            "นายกองค์การบริหารส่วนตำบลทุ่งทอง",
        ),
        (OrganizationKind.SUBDISTRICT_MUNICIPALITY, "ท่าม่วง", "นายกเทศมนตรีตำบลท่าม่วง"),
        (OrganizationKind.TOWN_MUNICIPALITY, "กาญจนบุรี", "นายกเทศมนตรีเมืองกาญจนบุรี"),
        (OrganizationKind.CITY_MUNICIPALITY, "เชียงใหม่", "นายกเทศมนตรีนครเชียงใหม่"),
        (
            OrganizationKind.PROVINCIAL_ADMINISTRATIVE_ORGANIZATION,
            "กาญจนบุรี",
            "นายกองค์การบริหารส่วนจังหวัดกาญจนบุรี",
        ),
    ],
)
def test_executive_title_follows_the_kind(kind: OrganizationKind, name: str, title: str) -> None:
    organization = Organization(kind=kind, name=name, province="กาญจนบุรี")

    assert organization.executive_title == title


def test_place_line_leaves_out_a_missing_district() -> None:
    data = minimal_plan()
    del data["organization"]["district"]

    assert present(Plan.model_validate(data)).cover.place_line == "จังหวัดกาญจนบุรี"


@pytest.mark.parametrize(("digits", "thai"), [("thai", True), ("arabic", False)])
def test_page_numbers_read_dash_number_dash_in_the_plans_digits(digits: str, thai: bool) -> None:
    data = minimal_plan()
    data["digits"] = digits

    view = present(Plan.model_validate(data))

    assert view.page_numbers == PageNumberView(before="- ", after=" -", thai_digits=thai)


def test_layout_passes_the_plans_settings_and_leaves_the_rest_unset() -> None:
    data = minimal_plan()
    data["layout"] = {"margins": {"left": "3.5"}, "font_size": 15}

    view = present(Plan.model_validate(data))

    assert view.layout == LayoutView(
        left_cm=3.5, right_cm=None, top_cm=None, bottom_cm=None, font=None, font_size_pt=15.0
    )


def test_the_documents_are_dated_by_the_announcement() -> None:
    view = present(Plan.model_validate(minimal_plan()))

    assert view.issued == datetime.date(2022, 10, 1)  # 2565-10-01 B.E.


def test_a_one_year_plan_names_its_year_once() -> None:
    view = present(plan_with(fiscal_years={"first": 2566, "last": 2566}))

    assert view.announcement.years_line == "ปีงบประมาณ พ.ศ. ๒๕๖๖"
    assert view.cover.years_line == "ประจำปี พ.ศ. ๒๕๖๖"
