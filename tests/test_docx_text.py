"""Any DOCX's text in reading order, for git's textconv; a clear error for anything else."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.text.paragraph import Paragraph
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from anticorrupt_plan.cli.commands import Exit, app
from anticorrupt_plan.common.display import plain
from anticorrupt_plan.core.errors import NotDocxError
from anticorrupt_plan.writers import docx as docx_writer
from anticorrupt_plan.writers import docx_text as docx_text_module
from anticorrupt_plan.writers.docx_text import docx_text

from .conftest import PLAN_PATH
from .counting import growth


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


# --- a DOCX from anyone: read with limits, every problem one line and exit 1 ----------------------


def with_document_xml(path: Path, document_xml: bytes) -> Path:
    """A real DOCX at ``path`` whose main part is ``document_xml``."""
    Document().save(str(path))
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/document.xml"] = document_xml
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return path


def body(inner: str) -> bytes:
    return (
        f'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{inner}</w:body></w:document>"
    ).encode()


def textconv(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "anticorrupt_plan", "textconv", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


def refused(result: subprocess.CompletedProcess[str], path: Path) -> str:
    """The one line ``plan textconv`` printed, after checking it failed as it should."""
    assert result.returncode == Exit.FAILED_OR_CHANGED
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{path}: ")
    return line[len(f"{path}: ") :]


def test_a_zip_bomb_is_refused_by_its_compression_ratio(tmp_path: Path) -> None:
    path = with_document_xml(tmp_path / "bomb.docx", body("<w:p/>" * 400_000))  # 2.4 MB

    reason = refused(textconv(path), path)

    assert reason.startswith("word/document.xml is compressed ")
    assert reason.endswith(
        "to 1; a document's parts are compressed at most 200 to 1 (this looks like a zip bomb)"
    )


def test_a_main_part_larger_than_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(docx_text_module, "MAX_PART_BYTES", 1000)
    path = with_document_xml(tmp_path / "big.docx", body("<w:p><w:r><w:t>ก</w:t></w:r></w:p>" * 50))

    result = CliRunner().invoke(app, ["textconv", str(path)])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert result.stderr.startswith(f"{path}: word/document.xml expands to 1,")
    assert result.stderr.endswith("bytes; a part read is at most 1,000\n")


def test_reading_stops_at_the_element_limit_however_many_follow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(docx_text_module, "MAX_ELEMENTS", 1000)

    def read(paragraphs: int) -> None:
        numbered = "".join(f"<w:p><w:r><w:t>{n}</w:t></w:r></w:p>" for n in range(paragraphs))
        path = with_document_xml(tmp_path / "many.docx", body(numbered))
        with pytest.raises(NotDocxError, match=r"holds more than 1,000 XML elements"):
            docx_text(path)

    reader = str(Path(docx_text_module.__file__))
    assert growth(read, 20_000, under=reader) < 1.01


def test_text_that_merged_cells_repeat_past_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(docx_text_module, "MAX_TEXT", 100_000)
    first = "<w:tr><w:tc><w:p><w:r><w:t>" + "ก" * 1000 + "</w:t></w:r></w:p></w:tc></w:tr>"
    merged = "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>"
    path = with_document_xml(
        tmp_path / "merged.docx", body(f"<w:tbl>{first}{merged * 200}</w:tbl>")
    )

    with pytest.raises(NotDocxError, match=r"its text is longer than 100,000 characters"):
        docx_text(path)


def test_a_zip_of_more_entries_than_a_document_has_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "entries.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(1001):
            archive.writestr(f"part{number}.xml", "")

    assert refused(textconv(path), path) == "not a DOCX file: it holds more than 1000 entries"


def test_damaged_compressed_data_is_one_line_not_an_internal_error(tmp_path: Path) -> None:
    path = with_document_xml(
        tmp_path / "damaged.docx", body("<w:p><w:r><w:t>ข้อความ</w:t></w:r></w:p>" * 200)
    )
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + 10, start + info.compress_size - 10, 7):
        data[offset] ^= 0x5A  # corrupt the deflate stream
    path.write_bytes(bytes(data))

    reason = refused(textconv(path), path)

    assert reason.startswith("not a DOCX file (word/document.xml is damaged: ")


@pytest.mark.parametrize(
    "declaration",
    [
        '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">]>',
        '<!DOCTYPE w:document SYSTEM "http://example.org/evil.dtd">',
    ],
)
def test_a_document_type_declaration_is_refused(tmp_path: Path, declaration: str) -> None:
    xml = body("<w:p><w:r><w:t>x</w:t></w:r></w:p>").decode()
    path = with_document_xml(tmp_path / "dtd.docx", (declaration + xml).encode())

    assert refused(textconv(path), path) == (
        "not a DOCX file (word/document.xml declares a document type; a Word document never does)"
    )


def build_docx(out: Path, *, split: bool = True) -> Path:
    """The seed's DOCX built into ``out``; without ``split``, no row written as two."""
    with pytest.MonkeyPatch.context() as patch:
        if not split:
            patch.setattr(docx_writer, "split_row", lambda *args, **kwargs: None)
        result = CliRunner().invoke(app, ["build", str(PLAN_PATH), "-o", str(out), "-f", "docx"])
    assert result.exit_code == Exit.OK
    return out / "plan.docx"


def test_the_text_is_what_python_docx_reads_for_a_built_plan(tmp_path: Path) -> None:
    path = build_docx(tmp_path, split=False)

    # Read plain: the joiners that hold names on one line are not text.
    assert docx_text(path) == plain(python_docx_text(path))


def test_a_row_written_as_two_reads_as_the_row_written_as_one(tmp_path: Path) -> None:
    # The seed has one (its third goal's first measure, parted between two steps).
    split = build_docx(tmp_path / "split")
    whole = build_docx(tmp_path / "whole", split=False)
    with zipfile.ZipFile(split) as archive:
        assert b'<w:top w:val="nil"/>' in archive.read("word/document.xml")

    assert docx_text(split) == docx_text(whole)


def test_breaks_tabs_links_and_merged_cells_read_as_python_docx_reads_them(
    tmp_path: Path,
) -> None:
    document = Document()
    paragraph = document.add_paragraph("ก\tข")
    run = paragraph.add_run("ค")
    run.add_break()
    run.add_text("ง")
    run.add_break(WD_BREAK.PAGE)
    run.add_text("จ")
    link = OxmlElement("w:hyperlink")
    link_run = OxmlElement("w:r")
    link_text = OxmlElement("w:t")
    link_text.text = "ลิงก์"
    link_run.append(link_text)
    link.append(link_run)
    paragraph._p.append(link)
    table = document.add_table(rows=4, cols=4)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"{r}{c}"
    table.cell(0, 0).merge(table.cell(2, 0))
    table.cell(1, 1).merge(table.cell(2, 2))
    table.cell(3, 1).merge(table.cell(3, 3))
    table.cell(0, 3).add_table(rows=2, cols=2).cell(1, 1).text = "ซ้อน"
    path = tmp_path / "features.docx"
    document.save(str(path))

    assert docx_text(path) == python_docx_text(path)
    assert docx_text(path).splitlines()[0:2] == ["ก\tขค", "งจลิงก์"]


def row_xml(*cells: str, cant_split: bool = False) -> str:
    flags = "<w:trPr><w:cantSplit/></w:trPr>" if cant_split else ""
    return f"<w:tr>{flags}{''.join(cells)}</w:tr>"


def cell_xml(text: str, *open_edges: str, span: int = 1, properties: bool = True) -> str:
    borders = "".join(f'<w:{edge} w:val="nil"/>' for edge in open_edges)
    inside = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    inside += f"<w:tcBorders>{borders}</w:tcBorders>" if borders else ""
    paragraph = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" if text else "<w:p/>"
    return f"<w:tc>{f'<w:tcPr>{inside}</w:tcPr>' if properties else ''}{paragraph}</w:tc>"


@pytest.mark.parametrize(
    ("rows", "read"),
    [
        (  # the writer's two parts: the first may break and is open below, the rest not
            [
                row_xml(cell_xml("ก", "bottom"), cell_xml("ข", "bottom")),
                row_xml(cell_xml("ค", "top"), cell_xml("", "top"), cant_split=True),
            ],
            "ก<br>ค | ข\n",
        ),
        (  # a table drawn without rules, as Word writes one: its rows stay rows
            [
                row_xml(*(cell_xml(t, "top", "left", "bottom", "right") for t in "กข")),
                row_xml(*(cell_xml(t, "top", "left", "bottom", "right") for t in "คง")),
            ],
            "ก | ข\nค | ง\n",
        ),
        (  # open, but not kept whole, or not cell for cell: rows of their own
            [
                row_xml(cell_xml("ก", "bottom"), cell_xml("ข", "bottom")),
                row_xml(cell_xml("ค", "top", "bottom"), cell_xml("ง", "top", "bottom")),
                row_xml(cell_xml("จ", "top", span=2), cant_split=True),
            ],
            "ก | ข\nค | ง\nจ\n",
        ),
        (  # never a third part: the rest is kept whole, and the first part may not be
            [
                row_xml(cell_xml("ก", "bottom")),
                row_xml(cell_xml("ข", "top", "bottom"), cant_split=True),
                row_xml(cell_xml("ค", "top"), cant_split=True),
            ],
            "ก<br>ข\nค\n",
        ),
        (  # cells without properties
            [row_xml(cell_xml("ก", properties=False)), row_xml(cell_xml("ข", properties=False))],
            "ก\nข\n",
        ),
    ],
)
def test_a_row_written_as_two_is_read_as_one_and_no_other(
    tmp_path: Path, rows: list[str], read: str
) -> None:
    table = "<w:tbl>" + "".join(rows) + "</w:tbl>"
    path = with_document_xml(tmp_path / "parts.docx", body(table))

    assert docx_text(path) == read


def python_docx_text(path: Path) -> str:
    """The text as the earlier textconv read it through python-docx: the reference."""

    def blocks(items: Any) -> Iterator[str]:
        for block in items:
            if isinstance(block, Paragraph):
                yield block.text
            else:
                for row in block.rows:
                    cells: list[Any] = []
                    for cell in row.cells:
                        if not cells or cell is not cells[-1]:
                            cells.append(cell)
                    yield " | ".join("<br>".join(blocks(c.iter_inner_content())) for c in cells)

    return "".join(f"{line}\n" for line in blocks(docx.Document(str(path)).iter_inner_content()))


@pytest.fixture(scope="module")
def built_docx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("built")
    assert (
        CliRunner().invoke(app, ["build", str(PLAN_PATH), "-o", str(out), "-f", "docx"]).exit_code
        == 0
    )
    return (out / "plan.docx").read_bytes()


@given(st.data())
def test_a_damaged_docx_gives_its_text_or_one_clear_error(
    built_docx: bytes, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    damaged = bytearray(built_docx)
    for _ in range(data.draw(st.integers(1, 8), label="flips")):
        at = data.draw(st.integers(0, len(damaged) - 1), label="at")
        damaged[at] = data.draw(st.integers(0, 255), label="byte")
    cut = data.draw(st.integers(len(damaged) // 2, len(damaged)), label="length")
    path = tmp_path_factory.mktemp("damaged") / "plan.docx"
    path.write_bytes(bytes(damaged[:cut]))

    try:
        text = docx_text(path)
    except NotDocxError as error:
        assert "\n" not in str(error)
    else:
        assert isinstance(text, str)
