"""The comparison on a terminal: marked spans without colour, coloured spans with it."""

from __future__ import annotations

import io

import pytest

from anticorrupt_plan.common.comparison import ComparisonRow, ComparisonView
from anticorrupt_plan.common.diffing import Segment
from anticorrupt_plan.writers.diff_text import render_text, use_colour

COLUMNS = ("ที่", "รายการ", "ข้อความเดิม", "ข้อความใหม่", "เหตุผล")


def view(*rows: ComparisonRow, amendment: str = "แก้ไขครั้งที่ ๑") -> ComparisonView:
    return ComparisonView(
        title="ตารางเปรียบเทียบ", document="", amendment=amendment, columns=COLUMNS, rows=rows
    )


TARGET = ComparisonRow(
    number="๑",
    action="แก้ไข",
    place="เป้าประสงค์หลักที่ ๑ มาตรการที่ ๒",
    old=(Segment("equal", "ร้อยละ "), Segment("delete", "๘๐")),
    new=(Segment("equal", "ร้อยละ "), Segment("insert", "๙๐")),
    reason="ปรับตามผลการประเมิน",
)
ADDED = ComparisonRow(
    number="๒",
    action="เพิ่ม",
    place="เป้าประสงค์หลักที่ ๑ มาตรการที่ ๓",
    old=(),
    new=(Segment("insert", "ชื่อมาตรการ\n(๑) วัตถุประสงค์ เพื่อทดสอบ"),),
    reason="",
)


@pytest.mark.parametrize(
    ("colour", "expected"),
    [
        pytest.param(
            False,
            "ตารางเปรียบเทียบ\n"
            "แก้ไขครั้งที่ ๑\n"
            "\n"
            "๑. แก้ไข เป้าประสงค์หลักที่ ๑ มาตรการที่ ๒\n"
            "   - ร้อยละ [-๘๐-]\n"
            "   + ร้อยละ {+๙๐+}\n"
            "   เหตุผล: ปรับตามผลการประเมิน\n"
            "\n"
            "๒. เพิ่ม เป้าประสงค์หลักที่ ๑ มาตรการที่ ๓\n"
            "   + ชื่อมาตรการ\n"
            "     (๑) วัตถุประสงค์ เพื่อทดสอบ\n",
            id="plain: word-diff marks, none around a wholly new text",
        ),
        pytest.param(
            True,
            "\x1b[1mตารางเปรียบเทียบ\x1b[m\n"
            "แก้ไขครั้งที่ ๑\n"
            "\n"
            "\x1b[1m๑. แก้ไข เป้าประสงค์หลักที่ ๑ มาตรการที่ ๒\x1b[m\n"
            "   - ร้อยละ \x1b[31m๘๐\x1b[m\n"
            "   + ร้อยละ \x1b[32m๙๐\x1b[m\n"
            "   เหตุผล: ปรับตามผลการประเมิน\n"
            "\n"
            "\x1b[1m๒. เพิ่ม เป้าประสงค์หลักที่ ๑ มาตรการที่ ๓\x1b[m\n"
            "   + \x1b[32mชื่อมาตรการ\x1b[m\n"
            "     \x1b[32m(๑) วัตถุประสงค์ เพื่อทดสอบ\x1b[m\n",
            id="colour: each line coloured apart",
        ),
    ],
)
def test_render_text(colour: bool, expected: str) -> None:
    assert render_text(view(TARGET, ADDED), colour=colour) == expected


def test_a_changed_space_shows_on_a_coloured_background() -> None:
    spaced = ComparisonRow(
        number="๑",
        action="แก้ไข",
        place="ที่ตั้ง",
        old=(Segment("equal", "ทุ่ง"), Segment("delete", " "), Segment("equal", "ทอง")),
        new=(Segment("equal", "ทุ่งทอง"),),
        reason="",
    )

    text = render_text(view(spaced), colour=True)

    assert "   - ทุ่ง\x1b[41m \x1b[mทอง\n" in text


def test_no_changes_render_as_nothing() -> None:
    assert render_text(view(), colour=False) == ""


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("stream", "no_color", "expected"),
    [
        pytest.param(Terminal(), None, True, id="terminal"),
        pytest.param(Terminal(), "1", False, id="terminal with NO_COLOR"),
        pytest.param(Terminal(), "", True, id="terminal with NO_COLOR empty"),
        pytest.param(io.StringIO(), None, False, id="pipe or file"),
    ],
)
def test_colour_only_on_a_terminal_without_no_color(
    monkeypatch: pytest.MonkeyPatch, stream: io.StringIO, no_color: str | None, expected: bool
) -> None:
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)

    assert use_colour(stream) is expected
