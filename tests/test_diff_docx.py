"""The amendment comparison as a Word document: reopened with python-docx and checked."""

from __future__ import annotations

import copy
import hashlib
import io
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table

from anticorrupt_plan.app.compare import DiffFormat, compare
from anticorrupt_plan.app.render import render_comparison
from anticorrupt_plan.app.validate import parse_plan
from anticorrupt_plan.common.comparison import NO_CHANGES, ComparisonRow, ComparisonView
from anticorrupt_plan.common.diffing import Segment
from anticorrupt_plan.common.kind import DocumentSettings
from anticorrupt_plan.core.errors import ReferenceDocumentError
from anticorrupt_plan.core.resources import template_dir
from anticorrupt_plan.kinds.ethics import KIND

from .conftest import dump, minimal_plan
from .test_docx import FONT, is_thai, row_flags, run_property

COLUMNS = ("ที่", "รายการ", "ข้อความเดิม", "ข้อความใหม่", "เหตุผล")
NO_TEXT = "(ไม่มี)"  # the side of an added or removed item
NOTE_LABEL = "หมายเหตุ"
REASON = "ผลการดำเนินงานสูงกว่าค่าเป้าหมาย"
NEW_MEASURE = [
    "มาตรการใหม่",
    "(๑) วัตถุประสงค์ วัตถุประสงค์",
    "(๒) ตัวชี้วัด ตัวชี้วัด",
    "(๓) ค่าเป้าหมายตัวชี้วัด ๒๕๖๖ ร้อยละ ๘๐",
    "(๓) ค่าเป้าหมายตัวชี้วัด ๒๕๖๗ ร้อยละ ๙๕",
    "(๔) โครงการ/กิจกรรม โครงการ",
    "(๕) แนวทางปฏิบัติ",
    "๑. ขั้นที่หนึ่ง",
    "๒. ขั้นที่สอง",
]


def amended() -> dict[str, Any]:
    """The minimal plan amended: a paragraph reworded, a target raised with a reason, a
    measure added."""
    data = minimal_plan()
    data["amendment"] = {"number": 2, "date": "2566-03-01"}
    data["rationale"] = ["หลักการและเหตุผลของแผน"]
    measure = data["goals"][0]["measures"][0]
    added = copy.deepcopy(measure)
    added["title"] = "มาตรการใหม่"
    added["rows"][0]["targets"][2567] = "ร้อยละ 95"
    row = measure["rows"][0]
    row["targets"][2567] = "ร้อยละ 95"
    row["reason"] = REASON
    data["goals"][0]["measures"].append(added)
    return data


@pytest.fixture
def versions(write_plan: Any) -> tuple[Path, Path]:
    return write_plan(minimal_plan(), name="old.yaml"), write_plan(amended(), name="new.yaml")


def comparison(old: Path, new: Path, out: Path) -> Document:
    compare(str(old), str(new), plan_file=new, format=DiffFormat.DOCX, out=out)
    return docx.Document(str(out))


@pytest.fixture
def document(versions: tuple[Path, Path], tmp_path: Path) -> Document:
    return comparison(*versions, tmp_path / "comparison.docx")


def cell_lines(table: Table, row: int) -> list[str]:
    return [cell.text for cell in table.rows[row].cells]


def marked(table: Table, row: int, column: int) -> list[tuple[str, str]]:
    """The runs of a cell that carry a mark: ("strike", text) or ("underline", text)."""
    runs = [run for p in table.cell(row, column).paragraphs for run in p.runs]
    return [
        ("strike" if run.font.strike else "underline", run.text)
        for run in runs
        if run.font.strike or run.font.underline
    ]


def plan_settings(data: dict[str, Any]) -> DocumentSettings:
    return KIND.settings(parse_plan(dump(data), file="plan.yaml").plan)


def render(*rows: ComparisonRow, data: dict[str, Any] | None = None) -> Document:
    view = ComparisonView(
        title="ตารางเปรียบเทียบ", document="", amendment="", columns=COLUMNS, rows=rows
    )
    content = render_comparison(view, plan_settings(data or minimal_plan()), format="docx")
    return docx.Document(io.BytesIO(content))


def row(old: tuple[Segment, ...], new: tuple[Segment, ...], reason: str = "") -> ComparisonRow:
    return ComparisonRow(
        number="๑", action="แก้ไข", place="มาตรการที่ ๑", old=old, new=new, reason=reason
    )


# --- the text -------------------------------------------------------------------------------


def test_the_heading_names_the_plan_and_the_amendment(document: Document) -> None:
    heading = document.paragraphs[0]

    assert heading.text == (
        "ตารางเปรียบเทียบการแก้ไขแผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและการป้องกันการทุจริต "
        "องค์การบริหารส่วนตำบลทดสอบ ประจำปี พ.ศ. ๒๕๖๖ - ๒๕๖๗\n"
        "แก้ไขครั้งที่ ๒ วันที่ ๑ เดือน มีนาคม พ.ศ. ๒๕๖๖"
    )
    assert heading.style.name == "Heading 1"


def test_one_table_row_per_change_under_a_header_row(document: Document) -> None:
    [table] = document.tables

    assert [cell_lines(table, n) for n in range(len(table.rows))] == [
        list(COLUMNS),
        ["๑", "แก้ไข หลักการเหตุผล ย่อหน้าที่ ๑", "หลักการและเหตุผล", "หลักการและเหตุผลของแผน", ""],
        [
            "๒",
            "แก้ไข เป้าประสงค์หลักที่ ๑ มาตรการที่ ๑ แถวที่ ๑ (๓) ค่าเป้าหมายตัวชี้วัด ๒๕๖๗",
            "ร้อยละ ๙๐",
            "ร้อยละ ๙๕",
            REASON,
        ],
        ["๓", "เพิ่ม เป้าประสงค์หลักที่ ๑ มาตรการที่ ๒", NO_TEXT, "\n".join(NEW_MEASURE), ""],
    ]


def test_each_line_of_a_whole_item_is_a_paragraph_of_its_cell(document: Document) -> None:
    cell = document.tables[0].cell(3, 3)

    assert [p.text for p in cell.paragraphs] == NEW_MEASURE
    assert {p.style.name for p in cell.paragraphs} == {"Table Text"}


def test_deleted_text_is_struck_through_and_inserted_text_underlined(document: Document) -> None:
    table = document.tables[0]

    assert [marked(table, 1, column) for column in (2, 3)] == [[], [("underline", "ของแผน")]]
    assert [marked(table, 2, column) for column in (2, 3)] == [
        [("strike", "๙๐")],
        [("underline", "๙๕")],
    ]


def test_a_text_changed_throughout_carries_no_marks(document: Document) -> None:
    # The added measure: its column already says that it is new.
    assert marked(document.tables[0], 3, 3) == []


def test_the_reason_is_the_plans_or_an_empty_cell_to_fill_in(document: Document) -> None:
    reasons = [row.cells[4] for row in document.tables[0].rows[1:]]

    assert [cell.text for cell in reasons] == ["", REASON, ""]
    assert [len(cell.paragraphs[0].runs) for cell in reasons] == [0, 1, 0]


def test_the_action_is_bold_before_the_place(document: Document) -> None:
    paragraph = document.tables[0].cell(2, 1).paragraphs[0]

    assert [(run.text, run.style.name) for run in paragraph.runs[:1]] == [("แก้ไข", "Strong")]


def test_a_note_under_the_table_says_what_the_marks_mean(document: Document) -> None:
    note = document.paragraphs[-1]
    marks = [(bool(run.font.strike), bool(run.font.underline), run.text) for run in note.runs]

    assert note.text.startswith(NOTE_LABEL)
    assert (True, False, "ขีดฆ่า") in marks
    assert (False, True, "ขีดเส้นใต้") in marks


def test_without_marks_there_is_no_note() -> None:
    moved = row((Segment("equal", "มาตรการ"),), (Segment("equal", "มาตรการ"),))

    document = render(moved)

    assert [p.text for p in document.paragraphs] == ["ตารางเปรียบเทียบการแก้ไข"]


def test_no_changes_is_a_document_that_says_so(write_plan: Any, tmp_path: Path) -> None:
    old = write_plan(minimal_plan(), name="old.yaml")

    document = comparison(old, old, tmp_path / "none.docx")

    assert document.tables == []
    assert [p.text for p in document.paragraphs][1:] == [NO_CHANGES]
    assert document.paragraphs[0].text.startswith("ตารางเปรียบเทียบการแก้ไข")
    assert "\n" not in document.paragraphs[0].text  # no amendment recorded: no second line


# --- the table on the page -----------------------------------------------------------------


def test_the_header_row_repeats_on_every_page_and_rows_are_kept_whole(
    document: Document,
) -> None:
    assert row_flags(document.tables[0]) == [
        (True, True),
        (False, True),
        (False, True),
        (False, True),
    ]


def test_a_row_taller_than_a_page_may_break() -> None:
    tall = (Segment("equal", "\n".join(f"ขั้นตอนที่ยาวมากเพื่อให้แถวสูง {n}" for n in range(60))),)

    document = render(row((Segment("equal", "สั้น"),), (Segment("equal", "สั้น"),)), row(tall, tall))

    assert [keep for _, keep in row_flags(document.tables[0])] == [True, True, False]


def test_the_table_fills_the_text_width_the_texts_widest(document: Document) -> None:
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    widths = [column.width for column in document.tables[0].columns]

    assert abs(sum(widths) - text_width) < Cm(0.01)  # Word stores widths in twips
    assert widths[2] == widths[3] == max(widths)
    assert widths[0] >= Cm(1.2)


def test_the_page_is_landscape_a4_with_the_reference_margins(document: Document) -> None:
    [section] = document.sections
    size = (round(section.page_width.cm, 1), round(section.page_height.cm, 1))
    margins = [section.left_margin, section.right_margin, section.top_margin, section.bottom_margin]

    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert size == (29.7, 21.0)
    assert [round(m.cm, 2) for m in margins] == [3.0, 2.0, 2.5, 2.0]


@pytest.mark.parametrize(("digits", "format"), [("thai", "thaiNumbers"), ("arabic", "decimal")])
def test_pages_are_numbered_from_the_second_as_in_the_plan(digits: str, format: str) -> None:
    data = minimal_plan()
    data["digits"] = digits

    [section] = render(row((), (Segment("insert", "ใหม่"),)), data=data).sections
    paragraph = section.header.paragraphs[0]
    instructions = [i.text.strip() for i in paragraph._p.iter(qn("w:instrText"))]

    assert section.different_first_page_header_footer
    assert not list(section.first_page_header.part.element.iter(qn("w:instrText")))
    assert (paragraph.text, instructions) == ("- " + " -", ["PAGE"])
    assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:fmt")) == format


# --- Thai typography ---------------------------------------------------------------------------


def test_every_thai_run_has_the_thai_font_size_and_language(document: Document) -> None:
    paragraphs = list(document.paragraphs)
    paragraphs += [p for r in document.tables[0].rows for c in r.cells for p in c.paragraphs]
    paragraphs += document.sections[0].header.paragraphs
    runs = [(p, r) for p in paragraphs for r in p.runs if is_thai(r.text)]

    def values(tag: str, attribute: str) -> set[str]:
        return {run_property(document, p, r, tag).get(qn(attribute)) for p, r in runs}

    assert len(runs) > 20
    assert values("w:rFonts", "w:cs") == {FONT}
    assert min(int(size) for size in values("w:szCs", "w:val")) == 32  # 16 pt
    assert values("w:lang", "w:bidi") == {"th-TH"}
    assert not document.element.body.findall(f".//{qn('w:rtl')}")


def test_the_plans_layout_settings_apply(write_plan: Any, tmp_path: Path) -> None:
    data = amended()
    data["layout"] = {"font": "TH Sarabun New", "margins": {"left": 2.5}}
    new = write_plan(data, name="new.yaml")

    document = comparison(write_plan(minimal_plan(), name="old.yaml"), new, tmp_path / "c.docx")
    defaults = document.styles.element.find(qn("w:docDefaults")).find(f".//{qn('w:rPr')}")

    assert defaults.find(qn("w:rFonts")).get(qn("w:cs")) == "TH Sarabun New"
    assert round(document.sections[0].left_margin.cm, 2) == 2.5


def test_a_reference_document_without_a_needed_style_is_reported(
    versions: tuple[Path, Path], tmp_path: Path
) -> None:
    reference = docx.Document(str(template_dir() / "reference.docx"))
    style = reference.styles["Table Heading"].element
    style.getparent().remove(style)
    reference.save(str(tmp_path / "reference.docx"))
    shutil.copytree(template_dir(), tmp_path / "templates")
    shutil.copy(tmp_path / "reference.docx", tmp_path / "templates" / "reference.docx")
    old, new = versions
    out = tmp_path / "c.docx"

    with pytest.raises(ReferenceDocumentError) as raised:
        compare(
            str(old), str(new), plan_file=new, format=DiffFormat.DOCX, out=out,
            templates=tmp_path / "templates",
        )  # fmt: skip

    assert "has no style named 'Table Heading'" in str(raised.value)
    assert not out.exists()


# --- metadata and reproducible bytes -------------------------------------------------------------


@pytest.mark.parametrize(
    ("amendment", "epoch", "created"),
    [
        pytest.param({"number": 2, "date": "2566-03-01"}, None, "2023-03-01", id="amendment"),
        pytest.param({"number": 2}, None, "2022-10-01", id="announcement"),  # undated amendment
        pytest.param(None, None, "2022-10-01", id="no amendment"),
        pytest.param({"number": 2, "date": "2566-03-01"}, "0", "1970-01-01", id="epoch"),
    ],
)
def test_the_file_is_dated_by_the_amendment_else_the_announcement(
    write_plan: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    amendment: dict[str, Any] | None,
    epoch: str | None,
    created: str,
) -> None:
    data = amended()
    data["amendment"] = amendment
    if epoch is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    new = write_plan(data, name="new.yaml")

    document = comparison(write_plan(minimal_plan(), name="old.yaml"), new, tmp_path / "c.docx")
    properties = document.core_properties

    assert properties.created.isoformat() == f"{created}T00:00:00+00:00"
    assert properties.modified == properties.created
    assert properties.title == document.paragraphs[0].text.split("\n")[0]
    assert properties.author == "องค์การบริหารส่วนตำบลทดสอบ"


def test_two_runs_give_the_same_bytes(versions: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = versions

    comparison(old, new, tmp_path / "a.docx")
    comparison(old, new, tmp_path / "b.docx")

    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()


def diff_in_subprocess(old: Path, new: Path, out: Path, **environment: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | environment
    command = [sys.executable, "-m", "anticorrupt_plan", "diff", str(old), str(new)]
    subprocess.run(
        [*command, "--format", "docx", "--out", str(out)], env=env, check=True, capture_output=True
    )
    return hashlib.sha256(out.read_bytes()).hexdigest()


def test_the_bytes_do_not_depend_on_time_zone_or_locale(
    versions: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = versions

    utc = diff_in_subprocess(old, new, tmp_path / "utc.docx", TZ="UTC", LC_ALL="C")
    time.sleep(1)  # a second later too: anything stamped with the clock would differ
    bangkok = diff_in_subprocess(
        old, new, tmp_path / "bkk.docx", TZ="Asia/Bangkok", LC_ALL="C.UTF-8"
    )

    assert utc == bangkok
