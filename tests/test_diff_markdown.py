"""The comparison as Markdown: one table row per change, changes marked, plan text escaped."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from anticorrupt_plan.app.render import render_comparison
from anticorrupt_plan.app.validate import parse_plan
from anticorrupt_plan.common.comparison import ComparisonRow, ComparisonView
from anticorrupt_plan.common.diffing import Segment
from anticorrupt_plan.kinds.ethics import KIND

from .conftest import dump, minimal_plan

COLUMNS = ("ที่", "รายการ", "ข้อความเดิม", "ข้อความใหม่", "เหตุผล")
NOTE = "หมายเหตุ ข้อความที่<del>ขีดฆ่า</del> คือ ข้อความที่ตัดออก ข้อความที่<ins>ขีดเส้นใต้</ins> คือ ข้อความที่เพิ่มเติม"


def view(*rows: ComparisonRow) -> ComparisonView:
    return ComparisonView(
        title="ตารางเปรียบเทียบการแก้ไขแผน",
        document="แผน",
        amendment="แก้ไขครั้งที่ ๑",
        columns=COLUMNS,
        rows=rows,
    )


def render_markdown_comparison(comparison: ComparisonView) -> str:
    new = KIND.settings(parse_plan(dump(minimal_plan()), file="plan.yaml").plan)
    return render_comparison(comparison, new, format="md").decode("utf-8")


def row(old: tuple[Segment, ...], new: tuple[Segment, ...], reason: str = "") -> ComparisonRow:
    return ComparisonRow(
        number="๑", action="แก้ไข", place="มาตรการที่ ๑", old=old, new=new, reason=reason
    )


def test_a_comparison_is_a_heading_and_a_table() -> None:
    text = render_markdown_comparison(
        view(
            row(
                (Segment("equal", "ร้อยละ "), Segment("delete", "๘๐")),
                (Segment("equal", "ร้อยละ "), Segment("insert", "๙๐")),
                "ตามผลการประเมิน",
            )
        )
    )

    assert text == (
        "# ตารางเปรียบเทียบการแก้ไขแผน<br>แก้ไขครั้งที่ ๑\n"
        "\n"
        "| ที่ | รายการ | ข้อความเดิม | ข้อความใหม่ | เหตุผล |\n"
        "|---|---|---|---|---|\n"
        "| ๑ | **แก้ไข** มาตรการที่ ๑ | ร้อยละ <del>๘๐</del> | ร้อยละ <ins>๙๐</ins> "
        "| ตามผลการประเมิน |\n"
        "\n"
        f"**{NOTE[:8]}**{NOTE[8:]}\n"
    )


@pytest.mark.parametrize(
    ("old", "new", "cells"),
    [
        pytest.param(
            (Segment("equal", "ทุ่ง"), Segment("delete", " "), Segment("equal", "ทอง")),
            (Segment("equal", "ทุ่งทอง"),),
            ["ทุ่ง<del> </del>ทอง", "ทุ่งทอง"],
            id="a removed space is still marked",
        ),
        pytest.param(
            (Segment("equal", "ก | ข "), Segment("delete", "*ค*")),
            (Segment("equal", "ก | ข "), Segment("insert", "<ง>")),
            ["ก | ข <del>*ค*</del>", "ก | ข <ins>&lt;ง&gt;</ins>"],
            id="plan text cannot break the table or open markup",
        ),
        pytest.param(
            (),
            (Segment("insert", "บรรทัดหนึ่ง\nบรรทัดสอง"),),
            ["(ไม่มี)", "บรรทัดหนึ่ง<br>บรรทัดสอง"],
            id="a wholly new text is unmarked, its lines kept",
        ),
    ],
)
def test_cells_render_as_the_texts_with_their_changes(
    old: tuple[Segment, ...], new: tuple[Segment, ...], cells: list[str]
) -> None:
    text = render_markdown_comparison(view(row(old, new)))

    html = MarkdownIt("commonmark").enable("table").render(text)
    assert len([line for line in text.splitlines() if line.startswith("| ๑ ")]) == 1
    body = html.split("<tbody>")[1]
    found = [cell.split("</td>")[0] for cell in body.split("<td>")[1:]]
    assert found[2:4] == cells


def test_no_changes_say_so() -> None:
    assert render_markdown_comparison(view()).endswith("\n\nไม่มีการเปลี่ยนแปลง\n")
