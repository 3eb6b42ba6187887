"""What every kind's present writes alike: year ranges and names that no line breaks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anticorrupt_plan.common.display import (
    NO_BREAK_SPACE,
    WORD_JOINER,
    ZERO_WIDTH_SPACE,
    held_together,
    joined_name,
    loosened,
    organization_names,
    plain,
    year_span,
)
from anticorrupt_plan.common.organization import Organization, OrganizationKind

NAME = "องค์การบริหารส่วนตำบลทุ่งทอง"


def test_a_year_range_has_no_break_spaces_around_its_dash() -> None:
    assert year_span(2562, 2564) == "2562\u00a0-\u00a02564"
    assert year_span(2566, 2566) == "2566"


def test_a_joined_name_has_a_word_joiner_between_each_two_clusters_and_a_zero_width_space_at_each_end() -> (  # noqa: E501
    None
):
    joined = joined_name("ทุ่งทอง")

    assert joined == "\u200bทุ่\u2060ง\u2060ท\u2060อ\u2060ง\u200b"
    assert joined_name("") == ""


def test_a_space_inside_a_name_does_not_break_either() -> None:
    assert (
        joined_name("ก ข")
        == f"{ZERO_WIDTH_SPACE}ก{WORD_JOINER}{NO_BREAK_SPACE}{WORD_JOINER}ข{ZERO_WIDTH_SPACE}"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the organization's name wherever it stands, glued to words or not
        (f"ตามที่{NAME}ได้", f"ตามที่{joined_name(NAME)}ได้"),
        # the executive's title, which holds the name, is joined whole
        (f"ให้นายก{NAME}เห็นชอบ", f"ให้{joined_name('นายก' + NAME)}เห็นชอบ"),
        # year ranges, Thai or Arabic digits, hyphen or en dash; the era before a year
        ("ประจำปี พ.ศ. ๒๕๖๒ - ๒๕๖๔ แล้ว", "ประจำปี พ.ศ.\u00a0๒๕๖๒\u00a0-\u00a0๒๕๖๔ แล้ว"),
        ("ปี 2560 – 2564", "ปี 2560\u00a0–\u00a02564"),
        ("พ.ศ.  ๒๕๖๒", "พ.ศ.\u00a0\u00a0๒๕๖๒"),
        # no spaces: nothing to hold, and nothing added
        ("๒๕๖๒-๒๕๖๔", "๒๕๖๒-๒๕๖๔"),
        # not a year range: a count
        ("จำนวน 12345 - 12346", "จำนวน 12345 - 12346"),
    ],
)
def test_held_together(text: str, expected: str) -> None:
    names = ["องค์การบริหารส่วนตำบลทุ่งทอง", "นายกองค์การบริหารส่วนตำบลทุ่งทอง"]

    assert held_together(text, names) == expected


def test_what_is_held_together_reads_as_it_was_and_loosens_only_its_joiners() -> None:
    text = f"ตามที่{NAME}ประจำปี พ.ศ. ๒๕๖๒ - ๒๕๖๔"
    held = held_together(text, [NAME])

    assert plain(held) == text
    assert WORD_JOINER not in loosened(held)
    assert NO_BREAK_SPACE in loosened(held)


@given(st.text(alphabet="กขคงองค์การ ทุ่ง-๒๕๖1234 พ.ศ.", max_size=60))
def test_held_together_never_changes_what_a_reader_reads(text: str) -> None:
    assert plain(held_together(text, [NAME, "ทุ่ง"])) == text


def test_organization_names_are_those_a_document_prints() -> None:
    organization = Organization(
        kind=OrganizationKind.SUBDISTRICT_MUNICIPALITY,
        name="ท่าม่วง",
        district="ท่าม่วง",
        province="กาญจนบุรี",
    )

    assert organization_names(organization) == (
        "เทศบาลตำบลท่าม่วง",
        "นายกเทศมนตรีตำบลท่าม่วง",
        "อำเภอท่าม่วง",
        "จังหวัดกาญจนบุรี",
    )
