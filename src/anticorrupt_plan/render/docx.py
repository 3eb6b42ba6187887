"""Render a PlanView as a Word document built on the reference document; imports python-docx.

The reference document (``templates/reference.docx``) gives the page set-up and every
style; this module adds the text, in the styles named below, and the page layout of each
part: the announcement, the cover and the narrative on A4 portrait pages, the matrix on
landscape ones. Page numbers run from a part's second page. Raw XML is left to ``_oxml``.
"""

from __future__ import annotations

import datetime
import io
import struct
from collections.abc import Sequence
from pathlib import Path

from docx.document import Document
from docx.image.exceptions import (
    InvalidImageStreamError,
    UnexpectedEndOfFileError,
    UnrecognizedImageError,
)
from docx.shared import Cm, Length
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph

from ..errors import ImageError
from ..present import (
    AnnouncementView,
    CoverView,
    MatrixView,
    MeasureView,
    NarrativeView,
    Numbered,
    PlanView,
    RowView,
    TableHeader,
)
from ..thai import clusters
from . import _oxml
from ._docx_common import (
    HEADER_SHARE,
    PAGE_HEADER,
    apply_layout,
    estimated_height,
    finish,
    open_reference,
    orient,
    page_headers,
    text_area,
    text_size,
    write,
)

REFERENCE = "reference.docx"
EMBLEM_HEIGHT = Cm(3)

# The reference document's styles this renderer writes in (a clerk may restyle, not remove).
EMBLEM = "Emblem"
ANNOUNCEMENT_HEADING = "Announcement Heading"
ANNOUNCEMENT_SUBJECT = "Announcement Subject"
SEPARATOR = "Separator"
BODY = "Body Text"
DATE_LINE = "Date Line"
SIGNATURE_NAME = "Signature Name"
SIGNATURE = "Signature"
COVER_TITLE = "Title"
COVER_YEARS = "Subtitle"
COVER_TEXT = "Cover Text"
COVER_ORGANIZATION = "Cover Organization"
HEADING = "Heading 1"
SUBHEADING = "Heading 2"
NUMBERED = "Numbered Item"
LABELLED = "Labelled Item"
GOAL_FIELD = "Goal Field"
MEASURE_HEADING = "Measure Heading"
TABLE = "Table Grid"
TABLE_HEADING = "Table Heading"
TABLE_TEXT = "Table Text"
TABLE_TARGET = "Table Target"
TABLE_STEP = "Table Step"
LABEL = "Strong"
STYLES = (
    EMBLEM, ANNOUNCEMENT_HEADING, ANNOUNCEMENT_SUBJECT, SEPARATOR, BODY, DATE_LINE,
    SIGNATURE_NAME, SIGNATURE, COVER_TITLE, COVER_YEARS, COVER_TEXT, COVER_ORGANIZATION,
    HEADING, SUBHEADING, NUMBERED, LABELLED, GOAL_FIELD, MEASURE_HEADING, TABLE,
    TABLE_HEADING, TABLE_TEXT, TABLE_TARGET, TABLE_STEP, PAGE_HEADER, LABEL,
)  # fmt: skip

# The narrowest a matrix column may be: a year's target ("ร้อยละ ๑๐๐") or a word of text
# must fit on a line. A plan of many years narrows its year columns, down to a floor, so
# that together they take no more than a share of the width and leave the text its room.
MIN_YEAR_COLUMN = Cm(2.2)
FLOOR_YEAR_COLUMN = Cm(2.0)  # four bold digits and the cell padding
YEARS_SHARE = 0.4
MIN_TEXT_COLUMN = Cm(3.3)
# A header such as "(๔) โครงการ/กิจกรรม" may wrap after its slash rather than inside a word.
BREAK_AFTER_SLASH = "/\u200b"


def render_docx(
    view: PlanView, *, reference: Path, emblem: bytes | None, timestamp: datetime.datetime
) -> bytes:
    """The plan as a .docx file's bytes, identical for identical arguments.

    ``timestamp`` (UTC) becomes the document's created and modified dates; ``emblem`` is
    the image file's content, printed at the top of the announcement.
    """
    document = open_reference(reference, STYLES)
    _oxml.clear_body(document)
    apply_layout(document, view.layout)

    first = document.sections[0]
    orient(first, landscape=False)
    page_headers(first, view.page_numbers)
    last = _announcement(document, view.announcement, emblem)

    _oxml.end_section(document, last)
    last = _cover(document, view.cover)

    narrative = _oxml.end_section(document, last)
    _oxml.number_pages(narrative, thai_digits=view.page_numbers.thai_digits, start=1)
    last = _narrative(document, view.narrative)

    matrix = _oxml.end_section(document, last)
    orient(matrix, landscape=True)
    matrix.different_first_page_header_footer = False
    _oxml.number_pages(matrix, thai_digits=view.page_numbers.thai_digits, start=None)
    size = text_size(document, view.layout)
    _matrix(document, view.matrix, page=text_area(matrix), size_pt=size)

    return finish(
        document, title=view.document_title, author=view.organization, timestamp=timestamp
    )


def _announcement(
    document: Document, announcement: AnnouncementView, emblem: bytes | None
) -> Paragraph:
    if emblem is not None:
        run = document.add_paragraph(style=EMBLEM).add_run()
        try:
            run.add_picture(io.BytesIO(emblem), height=EMBLEM_HEIGHT)
        # python-docx reads image headers itself; a damaged header can also fail while it
        # unpacks numbers (struct.error), decodes names (UnicodeDecodeError, a ValueError)
        # or scales an image that claims a width or height of zero (ZeroDivisionError).
        except (
            UnrecognizedImageError,
            UnexpectedEndOfFileError,
            InvalidImageStreamError,
            struct.error,
            ValueError,
            ZeroDivisionError,
        ) as e:
            raise ImageError(
                reason="is not an image a document can hold; use a PNG or JPEG file"
            ) from e
    document.add_paragraph(announcement.heading, style=ANNOUNCEMENT_HEADING)
    document.add_paragraph(announcement.subject, style=ANNOUNCEMENT_SUBJECT)
    document.add_paragraph(announcement.years_line, style=ANNOUNCEMENT_SUBJECT)
    document.add_paragraph(style=SEPARATOR)
    for text in announcement.body:
        document.add_paragraph(text, style=BODY)
    document.add_paragraph(announcement.date_line, style=DATE_LINE)
    document.add_paragraph(announcement.signatory_name, style=SIGNATURE_NAME)
    return document.add_paragraph(announcement.signatory_position, style=SIGNATURE)


def _cover(document: Document, cover: CoverView) -> Paragraph:
    document.add_paragraph(cover.title, style=COVER_TITLE)
    document.add_paragraph(cover.years_line, style=COVER_YEARS)
    document.add_paragraph(cover.of, style=COVER_TEXT)
    document.add_paragraph(cover.organization, style=COVER_ORGANIZATION)
    return document.add_paragraph(cover.place_line, style=COVER_ORGANIZATION)


def _narrative(document: Document, narrative: NarrativeView) -> Paragraph:
    document.add_paragraph(narrative.heading, style=HEADING)
    document.add_paragraph(narrative.rationale_heading, style=SUBHEADING)
    for text in narrative.rationale:
        document.add_paragraph(text, style=BODY)
    document.add_paragraph(narrative.strategy_intro, style=BODY)
    for item in narrative.strategies:
        _item(document, item, style=LABELLED)
    document.add_paragraph(narrative.objectives_intro, style=BODY)
    for item in narrative.objectives:
        _item(document, item, style=NUMBERED)
    last = document.add_paragraph(narrative.steps_heading, style=SUBHEADING)
    for item in narrative.steps:
        last = _item(document, item, style=NUMBERED)
    return last


def _item(document: Document, item: Numbered, *, style: str, bold: bool = False) -> Paragraph:
    """``label<tab>text``: the style's hanging indent keeps the label apart from the text."""
    paragraph = document.add_paragraph(style=style)
    paragraph.add_run(item.label, style=LABEL if bold else None)
    paragraph.add_run("\t")
    paragraph.add_run(item.text)
    return paragraph


def _matrix(
    document: Document, matrix: MatrixView, *, page: tuple[int, int], size_pt: float
) -> None:
    heading = document.add_paragraph(style=HEADING)
    for index, line in enumerate(matrix.heading_lines):
        if index:
            heading.add_run().add_break()
        heading.add_run(line)
    width, height = page
    widths = _column_widths(matrix, width)
    room = int(height * (1 - HEADER_SHARE))
    for index, goal in enumerate(matrix.goals):
        opening = _item(document, Numbered(goal.label, goal.goal), style=GOAL_FIELD, bold=True)
        opening.paragraph_format.page_break_before = index > 0
        for field in goal.fields:
            _item(document, field, style=GOAL_FIELD, bold=True)
        for measure in goal.measures:
            whole = [_height(row, widths, size_pt) <= room for row in measure.rows]
            _measure(document, matrix.header, measure, widths, whole)


def _measure(
    document: Document,
    header: TableHeader,
    measure: MeasureView,
    widths: Sequence[int],
    whole: Sequence[bool],
) -> None:
    """The measure's heading, kept on the page of its table, and the table.

    ``whole`` says, for each body row, whether it is kept from breaking across pages.
    """
    label = Numbered(measure.label, measure.title)
    heading = _item(document, label, style=MEASURE_HEADING, bold=True)
    heading.paragraph_format.keep_with_next = True
    table = document.add_table(rows=2 + len(measure.rows), cols=len(widths))
    table.style = TABLE
    table.autofit = False
    for column, column_width in zip(table.columns, widths, strict=True):
        column.width = Length(column_width)
    for table_row, keep in zip(table.rows, [True, True, *whole], strict=True):
        for cell, column_width in zip(table_row.cells, widths, strict=True):
            cell.width = Length(column_width)
        if keep:
            _oxml.keep_together(table_row)
    _header_rows(table, header, len(widths))
    for table_row, row in zip(table.rows[2:], measure.rows, strict=True):
        _body_row(table_row, row)


def _header_rows(table: Table, header: TableHeader, columns: int) -> None:
    """Two header rows: the years under ``(๓)``, every other heading spanning both rows."""
    for row in table.rows[:2]:
        _oxml.repeat_as_header(row)
    spans = {
        0: header.objective,
        1: header.indicator,
        columns - 2: header.project,
        columns - 1: header.steps,
    }
    for column, text in spans.items():
        cell = table.cell(0, column).merge(table.cell(1, column))
        write(cell.paragraphs[0], text.replace("/", BREAK_AFTER_SLASH), TABLE_HEADING)
    targets = table.cell(0, 2).merge(table.cell(0, 1 + len(header.years)))
    write(targets.paragraphs[0], header.targets, TABLE_HEADING)
    for offset, year in enumerate(header.years):
        write(table.cell(1, 2 + offset).paragraphs[0], year, TABLE_HEADING)


def _body_row(table_row: _Row, row: RowView) -> None:
    cells = table_row.cells
    write(cells[0].paragraphs[0], row.objective, TABLE_TEXT)
    write(cells[1].paragraphs[0], row.indicator, TABLE_TEXT)
    for cell, target in zip(cells[2:-2], row.targets, strict=True):
        write(cell.paragraphs[0], target, TABLE_TARGET)
    write(cells[-2].paragraphs[0], row.project, TABLE_TEXT)
    steps = cells[-1]
    steps.paragraphs[0].style = TABLE_STEP
    for index, step in enumerate(row.steps):
        paragraph = steps.paragraphs[0] if index == 0 else steps.add_paragraph()
        write(paragraph, f"{step.label}\t{step.text}", TABLE_STEP)


def _height(row: RowView, widths: Sequence[int], size_pt: float) -> int:
    """A generous estimate (EMU) of how tall ``row`` is."""
    steps = [f"{step.label} {step.text}" for step in row.steps]
    columns = ([row.objective], [row.indicator], *([t] for t in row.targets), [row.project], steps)
    return estimated_height(columns, widths, size_pt)


def _column_widths(matrix: MatrixView, total: int) -> list[int]:
    """Widths for the matrix's columns that share ``total`` by how much each column holds.

    A row is as tall as its fullest cell, so a column's share grows with the text it holds
    (counted in character clusters over the whole matrix), but more slowly than the text:
    Thai breaks only between words, and a narrow column loses more of each line to that.
    Each column keeps a minimum, and every table of the matrix gets the same widths.
    """
    years = len(matrix.header.years)
    weights = [0] * (4 + years)
    for goal in matrix.goals:
        for measure in goal.measures:
            for row in measure.rows:
                steps = " ".join(f"{step.label} {step.text}" for step in row.steps)
                texts = (row.objective, row.indicator, *row.targets, row.project, steps)
                for column, text in enumerate(texts):
                    weights[column] += len(clusters(text))
    year_column = max(min(MIN_YEAR_COLUMN, int(total * YEARS_SHARE / years)), FLOOR_YEAR_COLUMN)
    minimum = [MIN_TEXT_COLUMN] * 2 + [year_column] * years + [MIN_TEXT_COLUMN] * 2
    return _share(total, [weight**0.75 for weight in weights], minimum)


def _share(total: int, weights: Sequence[float], minimum: Sequence[int]) -> list[int]:
    """Split ``total`` in proportion to ``weights``, raising any share below its minimum.

    Columns held at their minimum leave the rest to share the remainder, until no share
    is short. When even the minimums do not fit, they shrink together.
    """
    if sum(minimum) >= total:
        return _whole([total * low / sum(minimum) for low in minimum], total)
    held: set[int] = set()
    while True:
        free = [i for i in range(len(weights)) if i not in held]
        room = total - sum(minimum[i] for i in held)
        weight = sum(max(weights[i], 1) for i in free)
        shares = {i: room * max(weights[i], 1) / weight for i in free}
        short = {i for i, share in shares.items() if share < minimum[i]}
        if not short:
            break
        held |= short
    return _whole([shares.get(i, minimum[i]) for i in range(len(weights))], total)


def _whole(shares: Sequence[float], total: int) -> list[int]:
    """Whole-number widths that add up to exactly ``total``; the last takes the remainder."""
    widths = [int(share) for share in shares[:-1]]
    return [*widths, total - sum(widths)]
