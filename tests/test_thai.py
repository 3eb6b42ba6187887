"""Thai writing helpers: digits both ways, B.E. dates, character clusters."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anticorrupt_plan.core.thai import (
    arabic_digits,
    be_year,
    ce_year,
    cluster_count,
    clusters,
    compose_sara_am,
    long_date,
    thai_digits,
)


@pytest.mark.parametrize(
    ("arabic", "thai"),
    [("2562 - 2564", "๒๕๖๒ - ๒๕๖๔"), ("ร้อยละ 80", "ร้อยละ ๘๐"), ("no digits", "no digits")],
)
def test_digits_convert_both_ways(arabic: str, thai: str) -> None:
    assert thai_digits(arabic) == thai
    assert arabic_digits(thai) == arabic


# Every digit on its own: a table that stops one digit short (๙ left Thai) prints ร้อยละ ๙0.
@pytest.mark.parametrize(
    ("arabic", "thai"),
    [pytest.param(str(value), "๐๑๒๓๔๕๖๗๘๙"[value], id=str(value)) for value in range(10)],
)
def test_each_of_the_ten_digits_converts_both_ways(arabic: str, thai: str) -> None:
    assert thai_digits(f"ร้อยละ {arabic}{arabic}") == f"ร้อยละ {thai}{thai}"
    assert arabic_digits(f"ร้อยละ {thai}{thai}") == f"ร้อยละ {arabic}{arabic}"
    assert thai_digits(thai) == thai  # a Thai digit stays Thai
    assert arabic_digits(arabic) == arabic  # an Arabic digit stays Arabic


def test_all_ten_digits_in_one_text_round_trip() -> None:
    assert thai_digits("0123456789") == "๐๑๒๓๔๕๖๗๘๙"
    assert arabic_digits("๐๑๒๓๔๕๖๗๘๙") == "0123456789"
    assert arabic_digits(thai_digits("9876543210")) == "9876543210"


def test_buddhist_era_is_christian_era_plus_543() -> None:
    assert be_year(datetime.date(2018, 10, 18)) == 2561
    assert ce_year(2561) == 2018


@pytest.mark.parametrize(
    ("date", "text"),
    [
        (datetime.date(2018, 10, 18), "วันที่ 18 เดือน ตุลาคม พ.ศ. 2561"),
        (datetime.date(2020, 1, 1), "วันที่ 1 เดือน มกราคม พ.ศ. 2563"),
        (datetime.date(2021, 12, 31), "วันที่ 31 เดือน ธันวาคม พ.ศ. 2564"),
    ],
)
def test_long_date_is_written_as_announcements_write_it(date: datetime.date, text: str) -> None:
    assert long_date(date) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ทุ่งทอง", ["ทุ่", "ง", "ท", "อ", "ง"]),
        ("ที่", ["ที่"]),
        ("น้ำทำ", ["น้ำ", "ทำ"]),  # sara am stays with its consonant, as a tone mark does
        ("a\u0301b", ["a\u0301", "b"]),
        ("\u0e48ก", ["\u0e48", "ก"]),  # a mark with nothing before it stands alone
        ("👍🏽x", ["👍", "🏽", "x"]),  # a skin tone is a symbol, not a mark
        ("ทำ", ["ทำ"]),  # sara am right after the first letter
        ("ำก", ["ำ", "ก"]),  # a leading sara am stands alone, as a leading tone mark does
        ("ກຳ", ["ກຳ"]),  # Lao sara am joins its consonant too
        ("कः", ["कः"]),  # a spacing mark (category Mc) joins its base
        ("o\u20dd", ["o\u20dd"]),  # an enclosing mark (category Me) joins its base
        ("", []),
    ],
)
def test_clusters_keep_marks_on_their_base_letter(text: str, expected: list[str]) -> None:
    assert clusters(text) == expected
    assert "".join(clusters(text)) == text
    assert cluster_count(text) == len(expected)


@given(st.text(alphabet=st.sampled_from("กขท่้ำิีัะา a1\n\u0e4c\u0e47")))
def test_texts_of_thai_and_ascii_cut_as_any_text_is(text: str) -> None:
    # "é" takes the text beyond ASCII and the Thai block, to the character-by-character loop
    assert clusters(text) == clusters(text + "é")[:-1]


def test_a_cluster_that_recurs_is_held_once() -> None:
    first, second = clusters("ทุ่งทอง\nที่"), clusters("บ้านทุ่ง")

    assert first[0] == second[3] and first[0] is second[3]
    assert first[5] == "\n"


@pytest.mark.parametrize(
    ("decomposed", "composed"),
    [
        ("เทศบาลต\u0e4d\u0e32บล", "เทศบาลตำบล"),
        ("น\u0e4d\u0e49\u0e32", "น\u0e49\u0e33"),  # the tone mark between nikhahit and aa
        ("น้ำ", "น้ำ"),
    ],
)
def test_decomposed_sara_am_is_composed(decomposed: str, composed: str) -> None:
    assert compose_sara_am(decomposed) == composed
