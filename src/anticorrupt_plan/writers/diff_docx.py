"""Render a comparison as the Word document announced with an amendment; imports python-docx.

The document is a Thai ตารางเปรียบเทียบ: under a heading naming the plan and the amendment,
a table of ที่ | รายการ | ข้อความเดิม | ข้อความใหม่ | เหตุผล on landscape A4 pages, in the
plan's typography (the reference document's styles and the plan's layout settings). Each
side's text is given in full. Within it, deleted text is struck through and inserted text
underlined: the marks Thai amendment tables use (ขีดฆ่า, ขีดเส้นใต้), kept apart from bold,
which the table's headings already use; a note under the table says what they mean.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path

from docx.document import Document
from docx.shared import Length, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from anticorrupt_plan.common.comparison import NO_CHANGES, ComparisonRow, ComparisonView
from anticorrupt_plan.common.diffing import Segment
from anticorrupt_plan.kinds.ethics.present import PlanView
from anticorrupt_plan.writers import _oxml
from anticorrupt_plan.writers._docx_common import (
    HEADER_SHARE,
    PAGE_HEADER,
    apply_layout,
    estimated_height,
    finish,
    open_reference,
    orient,
    page_headers,
    style_kinds,
    text_area,
    text_size,
    write,
)

# The reference document's styles this renderer writes in: the plan's DOCX uses them too.
HEADING = "Heading 1"
BODY = "Body Text"
TABLE = "Table Grid"
TABLE_HEADING = "Table Heading"
TABLE_TEXT = "Table Text"
TABLE_CENTRED = "Table Target"
LABEL = "Strong"
STYLES = (HEADING, BODY, TABLE, TABLE_HEADING, TABLE_TEXT, TABLE_CENTRED, PAGE_HEADER, LABEL)

# Each column's share of the text width: ที่, รายการ, ข้อความเดิม, ข้อความใหม่, เหตุผล. The two
# texts get the most room, side by side at the same width so that their lines compare;
# เหตุผล keeps room for a clerk to write in where the plan records no reason.
COLUMN_SHARES = (0.05, 0.20, 0.29, 0.29, 0.17)

# Shown for the side of an added or removed item that has no text, so that it is not read
# as a cell left blank to fill in.
NO_TEXT = "(ไม่มี)"
NOTE_LABEL = "หมายเหตุ"
NOTE = (
    Segment("equal", " ข้อความที่"),
    Segment("delete", "ขีดฆ่า"),
    Segment("equal", " คือ ข้อความที่ตัดออก ข้อความที่"),
    Segment("insert", "ขีดเส้นใต้"),
    Segment("equal", " คือ ข้อความที่เพิ่มเติม"),
)
NOTE_SPACE = Pt(6)


def render_comparison_docx(
    view: ComparisonView, *, plan: PlanView, reference: Path, timestamp: datetime.datetime
) -> bytes:
    """The comparison as a .docx file's bytes, identical for identical arguments.

    ``plan`` is the new version's view: its layout settings, page numbers and organization
    are the document's. ``timestamp`` (UTC) becomes its created and modified dates.
    """
    document, _ = open_reference(reference, style_kinds(STYLES, character=(LABEL,), table=(TABLE,)))
    _oxml.clear_body(document)
    apply_layout(document, plan.layout)
    section = document.sections[0]
    orient(section, landscape=True)
    page_headers(section, plan.page_numbers)

    heading = document.add_paragraph(style=HEADING)
    heading.add_run(view.title)
    if view.amendment:
        heading.add_run().add_break()
        heading.add_run(view.amendment)
    if view.rows:
        _table(document, view, page=text_area(section), size_pt=text_size(document, plan.layout))
    else:
        document.add_paragraph(NO_CHANGES, style=BODY)
    return finish(document, title=view.title, author=plan.organization, timestamp=timestamp)


def _table(
    document: Document, view: ComparisonView, *, page: tuple[int, int], size_pt: float
) -> None:
    """The table, its header row repeated on every page, each row kept whole if it fits."""
    width, height = page
    widths = [int(width * share) for share in COLUMN_SHARES[:-1]]
    widths.append(width - sum(widths))
    room = int(height * (1 - HEADER_SHARE))
    table = document.add_table(rows=1 + len(view.rows), cols=len(widths))
    table.style = TABLE
    table.autofit = False
    for column, column_width in zip(table.columns, widths, strict=True):
        column.width = Length(column_width)
    for table_row in table.rows:
        for cell, column_width in zip(table_row.cells, widths, strict=True):
            cell.width = Length(column_width)

    header = table.rows[0]
    _oxml.repeat_as_header(header)
    _oxml.keep_together(header)
    for cell, text in zip(header.cells, view.columns, strict=True):
        write(cell.paragraphs[0], text, TABLE_HEADING)

    marked = False
    for table_row, row in zip(table.rows[1:], view.rows, strict=True):
        if estimated_height(_paragraphs(row), widths, size_pt) <= room:
            _oxml.keep_together(table_row)
        number, item, old, new, reason = table_row.cells
        write(number.paragraphs[0], row.number, TABLE_CENTRED)
        paragraph = item.paragraphs[0]
        paragraph.style = TABLE_TEXT
        paragraph.add_run(row.action, style=LABEL)
        paragraph.add_run(f" {row.place}")
        marked |= _text(old, row.old)
        marked |= _text(new, row.new)
        reason.paragraphs[0].style = TABLE_TEXT
        if row.reason:  # else the cell is left empty for the clerk to fill in
            reason.paragraphs[0].add_run(row.reason)
    if marked:
        note = document.add_paragraph(style=TABLE_TEXT)
        note.paragraph_format.space_before = NOTE_SPACE
        note.add_run(NOTE_LABEL, style=LABEL)
        _pieces(document, note, NOTE, mark=True)


def _paragraphs(row: ComparisonRow) -> list[list[str]]:
    """Each cell's paragraphs of text, for judging the row's height."""

    def lines(pieces: Sequence[Segment]) -> list[str]:
        return "".join(piece.text for piece in pieces).split("\n") if pieces else [NO_TEXT]

    return [
        [row.number],
        [f"{row.action} {row.place}"],
        lines(row.old),
        lines(row.new),
        [row.reason],
    ]


def _text(cell: _Cell, pieces: Sequence[Segment]) -> bool:
    """Write one side's text into ``cell``, a paragraph per line; say whether it marks changes.

    As in the other formats, a text changed throughout carries no marks: its column already
    says whether it is the old text or the new one.
    """
    paragraph = cell.paragraphs[0]
    paragraph.style = TABLE_TEXT
    if not pieces:
        paragraph.add_run(NO_TEXT)
        return False
    mark = any(piece.op == "equal" for piece in pieces)
    _pieces(cell, paragraph, pieces, mark=mark)
    return mark and any(piece.op != "equal" for piece in pieces)


def _pieces(
    container: Document | _Cell, paragraph: Paragraph, pieces: Sequence[Segment], *, mark: bool
) -> None:
    """Add ``pieces`` to ``paragraph`` as runs, struck through where deleted and underlined
    where inserted; a line break in a piece starts a new paragraph of ``container``."""
    for piece in pieces:
        for index, line in enumerate(piece.text.split("\n")):
            if index:
                paragraph = container.add_paragraph(style=TABLE_TEXT)
            if not line:
                continue
            run = paragraph.add_run(line)
            if mark and piece.op == "delete":
                run.font.strike = True
            elif mark and piece.op == "insert":
                run.font.underline = True
