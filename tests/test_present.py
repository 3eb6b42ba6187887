"""Presentation: numbering, derived headings, dates and digits are decided once, here."""

from __future__ import annotations

import copy

import pytest

from anticorrupt_plan.common.organization import Organization, OrganizationKind
from anticorrupt_plan.kinds.ethics.model import Plan
from anticorrupt_plan.kinds.ethics.present import present

from .conftest import minimal_plan


def plan_with(**changes: object) -> Plan:
    data = minimal_plan()
    data.update(changes)
    return Plan.model_validate(data)


def test_announcement_values_are_derived_from_the_organization_and_years() -> None:
    view = present(plan_with())

    assert view.organization == "องค์การบริหารส่วนตำบลทดสอบ"
    assert view.announcement.subject == "แผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและการป้องกันการทุจริต"
    assert view.years == "๒๕๖๖ - ๒๕๖๗"
    assert view.announcement.date == "วันที่ ๑ เดือน ตุลาคม พ.ศ. ๒๕๖๕"
    assert view.announcement.signatory == "นายทดสอบ ใจดี"
    assert view.announcement.position == "นายกองค์การบริหารส่วนตำบลทดสอบ"
    assert view.announcement.emblem is False


def test_subject_and_position_can_be_given() -> None:
    data = minimal_plan()
    data["announcement"]["subject"] = "เรื่องอื่น"
    data["announcement"]["signatory"]["position"] = "ปลัดองค์การบริหารส่วนตำบล ปฏิบัติหน้าที่นายก"

    view = present(Plan.model_validate(data)).announcement

    assert view.subject == "เรื่องอื่น"
    assert view.position == "ปลัดองค์การบริหารส่วนตำบล ปฏิบัติหน้าที่นายก"


def test_place_and_document_title() -> None:
    view = present(plan_with())

    assert view.place == "อำเภอเมือง จังหวัดกาญจนบุรี"
    assert view.document_title == (
        "แผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและการป้องกันการทุจริต "
        "องค์การบริหารส่วนตำบลทดสอบ ประจำปี พ.ศ. ๒๕๖๖ - ๒๕๖๗"
    )


def test_numbering_restarts_measures_in_each_goal() -> None:
    data = minimal_plan()
    goal = data["goals"][0]
    goal["measures"].append(goal["measures"][0])
    data["goals"].append(goal)

    goals = present(Plan.model_validate(data)).goals

    assert [g.label for g in goals] == ["เป้าประสงค์หลักที่ ๑", "เป้าประสงค์หลักที่ ๒"]
    assert [g.strategy_label for g in goals] == ["ยุทธศาสตร์ที่ ๑", "ยุทธศาสตร์ที่ ๒"]
    assert [m.label for m in goals[1].measures] == ["มาตรการที่ ๑", "มาตรการที่ ๒"]
    assert [s.label for s in goals[0].measures[0].rows[0].steps] == ["๑.", "๒."]


def test_targets_follow_the_fiscal_years_whatever_order_they_were_written_in() -> None:
    data = minimal_plan()
    data["goals"][0]["measures"][0]["rows"][0]["targets"] = {2567: "ปีหลัง", 2566: "ปีแรก"}

    view = present(Plan.model_validate(data))

    assert view.year_columns == ("๒๕๖๖", "๒๕๖๗")
    assert view.goals[0].measures[0].rows[0].targets == ("ปีแรก", "ปีหลัง")


def test_arabic_digits_switch_applies_everywhere() -> None:
    view = present(plan_with(digits="arabic"))

    assert view.years == "2566 - 2567"
    assert view.announcement.date == "วันที่ 1 เดือน ตุลาคม พ.ศ. 2565"
    assert view.header.objective == "(1) วัตถุประสงค์"
    assert view.goals[0].measures[0].rows[0].targets == ("ร้อยละ 80", "ร้อยละ 90")
    assert view.strategies[0].label == "ยุทธศาสตร์ที่ 1"


def test_thai_digits_convert_the_plan_text_too() -> None:
    view = present(plan_with())

    assert view.goals[0].measures[0].rows[0].targets == ("ร้อยละ ๘๐", "ร้อยละ ๙๐")


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

    assert present(Plan.model_validate(data)).place == "จังหวัดกาญจนบุรี"


def test_a_one_year_plan_names_its_year_once() -> None:
    view = present(plan_with(fiscal_years={"first": 2566, "last": 2566}))

    assert view.years == "๒๕๖๖"
    assert view.year_columns == ("๒๕๖๖",)


def test_a_goal_names_the_national_strategy_it_serves_by_its_number() -> None:
    data = minimal_plan()
    data["national_strategy"]["strategies"] += ["สอง", "สาม", "สี่"]
    second = copy.deepcopy(data["goals"][0])
    second["strategy_number"] = "๔"
    data["goals"].append(second)

    goals = present(Plan.model_validate(data)).goals

    assert [goal.strategy_label for goal in goals] == ["ยุทธศาสตร์ที่ ๑", "ยุทธศาสตร์ที่ ๔"]
