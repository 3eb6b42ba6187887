"""Any DOCX's text in reading order, for git's textconv; a clear error for anything else."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx import Document

from anticorrupt_plan.core.errors import NotDocxError
from anticorrupt_plan.writers.docx_text import docx_text


def test_paragraphs_and_tables_come_in_reading_order(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("ประกาศองค์การบริหารส่วนตำบลทดสอบ")
    table = document.add_table(rows=2, cols=3)
    for r, texts in enumerate([["(๑) วัตถุประสงค์", "(๒) ตัวชี้วัด", "(๓) ค่าเป้าหมาย"], ["ก", "ข", "ค"]]):
        for cell, text in zip(table.rows[r].cells, texts, strict=True):
            cell.text = text
    document.add_paragraph("")
    document.add_paragraph("ประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๕")
    path = tmp_path / "plan.docx"
    document.save(str(path))

    assert docx_text(path) == (
        "ประกาศองค์การบริหารส่วนตำบลทดสอบ\n"
        "(๑) วัตถุประสงค์ | (๒) ตัวชี้วัด | (๓) ค่าเป้าหมาย\n"
        "ก | ข | ค\n"
        "\n"
        "ประกาศ ณ วันที่ ๑ ตุลาคม ๒๕๖๕\n"
    )


def test_a_cell_is_read_once_with_its_paragraphs_and_tables_on_one_line(tmp_path: Path) -> None:
    document = Document()
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "มาตรการที่ ๑"
    last = table.cell(0, 2)
    last.text = "๑. ขั้นแรก"
    last.add_paragraph("๒. ขั้นที่สอง")
    last.add_table(rows=1, cols=2).rows[0].cells[1].text = "ใน"
    path = tmp_path / "merged.docx"
    document.save(str(path))

    assert docx_text(path) == "มาตรการที่ ๑ | ๑. ขั้นแรก<br>๒. ขั้นที่สอง<br> | ใน<br>\n"


def test_an_empty_document_is_no_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    Document().save(str(path))

    assert docx_text(path) == ""


def spreadsheet(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        )
        archive.writestr("xl/workbook.xml", "<workbook/>")


def damaged(path: Path) -> None:
    """A real DOCX whose main part has been cut short, as by an interrupted copy."""
    document = docx.Document()
    document.add_paragraph("ข้อความ")
    document.save(str(path))
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"][:200]
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        pytest.param(
            lambda p: p.write_text("ข้อความธรรมดา", encoding="utf-8"),
            "not a DOCX file (not a Word package)",
            id="text",
        ),
        pytest.param(
            lambda p: zipfile.ZipFile(p, "w").close(),
            "not a DOCX file (not a Word package)",
            id="empty zip",
        ),
        pytest.param(spreadsheet, "not a DOCX file (", id="another kind of package"),
        pytest.param(damaged, "not a DOCX file (", id="damaged XML"),
        pytest.param(lambda p: None, "no such file", id="missing"),
        pytest.param(lambda p: p.mkdir(), "is a directory, not a DOCX file", id="directory"),
    ],
)
def test_anything_but_a_docx_is_a_one_line_error(
    tmp_path: Path, make: Callable[[Path], object], reason: str
) -> None:
    path = tmp_path / "file.docx"
    make(path)

    with pytest.raises(NotDocxError) as raised:
        docx_text(path)

    assert str(raised.value).startswith(f"{path}: {reason}")
    assert "\n" not in str(raised.value)
