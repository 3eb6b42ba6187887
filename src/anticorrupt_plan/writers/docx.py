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
from collections.abc import Mapping, Sequence
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
from docx.text.run import Run

from anticorrupt_plan.common.display import Numbered
from anticorrupt_plan.core.errors import ImageError
from anticorrupt_plan.core.thai import cluster_count
from anticorrupt_plan.kinds.ethics.present import (
    AnnouncementView,
    CoverView,
    MatrixView,
    MeasureView,
    NarrativeView,
    PlanView,
    RowView,
    TableHeader,
)
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
# Every one a paragraph style but these two.
KINDS = style_kinds(STYLES, character=(LABEL,), table=(TABLE,))

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
    document, style_ids = open_reference(reference, KINDS)
    _oxml.clear_body(document)
    apply_layout(document, view.layout)
    writer = _Writer(document, style_ids)

    first = document.sections[0]
    orient(first, landscape=False)
    page_headers(first, view.page_numbers)
    last = _announcement(writer, view.announcement, emblem)

    _oxml.end_section(document, last)
    last = _cover(writer, view.cover)

    narrative = _oxml.end_section(document, last)
    _oxml.number_pages(narrative, thai_digits=view.page_numbers.thai_digits, start=1)
    last = _narrative(writer, view.narrative)

    matrix = _oxml.end_section(document, last)
    orient(matrix, landscape=True)
    matrix.different_first_page_header_footer = False
    _oxml.number_pages(matrix, thai_digits=view.page_numbers.thai_digits, start=None)
    size = text_size(document, view.layout)
    _matrix(writer, view.matrix, page=text_area(matrix), size_pt=size)

    return finish(
        document, title=view.document_title, author=view.organization, timestamp=timestamp
    )


class _Writer:
    """Adds paragraphs, runs and tables to the document in the reference document's styles,
    each set by the id ``open_reference`` found: python-docx searches the whole style sheet every
    time a style is set by name, which for a matrix of many cells took most of a build.
    """

    def __init__(self, document: Document, style_ids: Mapping[str, str | None]) -> None:
        self.document = document
        self._ids = style_ids

    def paragraph(self, style: str, text: str = "") -> Paragraph:
        paragraph = _oxml.add_paragraph(self.document)
        if text:
            self.run(paragraph, text)
        self.style(paragraph, style)
        return paragraph

    def style(self, paragraph: Paragraph, style: str) -> None:
        _oxml.set_paragraph_style(paragraph, self._ids[style])

    def write(self, paragraph: Paragraph, text: str, style: str) -> None:
        self.style(paragraph, style)
        self.run(paragraph, text)

    def run(self, paragraph: Paragraph, text: str, style: str | None = None) -> Run:
        run = _oxml.add_run(paragraph, text)
        if style is not None:
            _oxml.set_run_style(run, self._ids[style])
        return run

    def table(self, rows: int, columns: int, style: str) -> Table:
        table: Table = self.document.add_table(rows=rows, cols=columns)
        _oxml.set_table_style(table, self._ids[style])
        return table


def _announcement(
    writer: _Writer, announcement: AnnouncementView, emblem: bytes | None
) -> Paragraph:
    if emblem is not None:
        run = writer.paragraph(EMBLEM).add_run()
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
    writer.paragraph(ANNOUNCEMENT_HEADING, announcement.heading)
    writer.paragraph(ANNOUNCEMENT_SUBJECT, announcement.subject)
    writer.paragraph(ANNOUNCEMENT_SUBJECT, announcement.years_line)
    writer.paragraph(SEPARATOR)
    for text in announcement.body:
        writer.paragraph(BODY, text)
    writer.paragraph(DATE_LINE, announcement.date_line)
    writer.paragraph(SIGNATURE_NAME, announcement.signatory_name)
    return writer.paragraph(SIGNATURE, announcement.signatory_position)


def _cover(writer: _Writer, cover: CoverView) -> Paragraph:
    writer.paragraph(COVER_TITLE, cover.title)
    writer.paragraph(COVER_YEARS, cover.years_line)
    writer.paragraph(COVER_TEXT, cover.of)
    writer.paragraph(COVER_ORGANIZATION, cover.organization)
    return writer.paragraph(COVER_ORGANIZATION, cover.place_line)


def _narrative(writer: _Writer, narrative: NarrativeView) -> Paragraph:
    writer.paragraph(HEADING, narrative.heading)
    writer.paragraph(SUBHEADING, narrative.rationale_heading)
    for text in narrative.rationale:
        writer.paragraph(BODY, text)
    writer.paragraph(BODY, narrative.strategy_intro)
    for item in narrative.strategies:
        _item(writer, item, style=LABELLED)
    writer.paragraph(BODY, narrative.objectives_intro)
    for item in narrative.objectives:
        _item(writer, item, style=NUMBERED)
    last = writer.paragraph(SUBHEADING, narrative.steps_heading)
    for item in narrative.steps:
        last = _item(writer, item, style=NUMBERED)
    return last


def _item(writer: _Writer, item: Numbered, *, style: str, bold: bool = False) -> Paragraph:
    """``label<tab>text``: the style's hanging indent keeps the label apart from the text."""
    paragraph = writer.paragraph(style)
    writer.run(paragraph, item.label, LABEL if bold else None)
    paragraph.add_run("\t")
    writer.run(paragraph, item.text)
    return paragraph


def _matrix(writer: _Writer, matrix: MatrixView, *, page: tuple[int, int], size_pt: float) -> None:
    heading = writer.paragraph(HEADING)
    for index, line in enumerate(matrix.heading_lines):
        if index:
            heading.add_run().add_break()
        heading.add_run(line)
    width, height = page
    widths = _column_widths(matrix, width)
    room = int(height * (1 - HEADER_SHARE))
    blank = _blank_table(writer, matrix.header, widths)
    for index, goal in enumerate(matrix.goals):
        opening = _item(writer, Numbered(goal.label, goal.goal), style=GOAL_FIELD, bold=True)
        opening.paragraph_format.page_break_before = index > 0
        for field in goal.fields:
            _item(writer, field, style=GOAL_FIELD, bold=True)
        for measure in goal.measures:
            whole = [_height(row, widths, size_pt) <= room for row in measure.rows]
            _measure(writer, blank, measure, whole)


def _blank_table(writer: _Writer, header: TableHeader, widths: Sequence[int]) -> Table:
    """A matrix table with its two header rows and one empty body row, outside the document.

    Each measure's table is a copy of it, its body row repeated: much quicker than building
    every table through python-docx, whose merging of the header cells is slow.
    """
    table = writer.table(3, len(widths), TABLE)
    table.autofit = False
    for column, column_width in zip(table.columns, widths, strict=True):
        column.width = Length(column_width)
    for table_row in table.rows:
        for cell, column_width in zip(table_row.cells, widths, strict=True):
            cell.width = Length(column_width)
    for table_row in table.rows[:2]:
        _oxml.keep_together(table_row)
    _header_rows(writer, table, header, len(widths))
    targets = len(widths) - 4
    styles = (TABLE_TEXT, TABLE_TEXT, *[TABLE_TARGET] * targets, TABLE_TEXT, TABLE_STEP)
    for cell, style in zip(table.rows[2].cells, styles, strict=True):
        writer.style(cell.paragraphs[0], style)
    _oxml.detach(table)
    return table


def _measure(writer: _Writer, blank: Table, measure: MeasureView, whole: Sequence[bool]) -> None:
    """The measure's heading, kept on the page of its table, and the table.

    ``whole`` says, for each body row, whether it is kept from breaking across pages.
    """
    label = Numbered(measure.label, measure.title)
    heading = _item(writer, label, style=MEASURE_HEADING, bold=True)
    heading.paragraph_format.keep_with_next = True
    table = _oxml.append_copy(writer.document, blank)
    rows = _oxml.repeat_last_row(table, len(measure.rows))
    for table_row, row, keep in zip(rows, measure.rows, whole, strict=True):
        if keep:
            _oxml.keep_together(table_row)
        _body_row(writer, table_row, row)


def _header_rows(writer: _Writer, table: Table, header: TableHeader, columns: int) -> None:
    """Two header rows: the years under ``(๓)``, every other heading spanning both rows."""
    for row in table.rows[:2]:
        _oxml.repeat_as_header(row)
    spans = {
        0: header.objective,
        1: header.indicator,
        columns - 2: header.project,
        columns - 1: header.steps,
    }
    _oxml.merge_empty_cells(table, down=list(spans), across=(2, 1 + len(header.years)))
    first, second = (row.cells for row in table.rows[:2])
    for column, text in spans.items():
        writer.write(
            first[column].paragraphs[0], text.replace("/", BREAK_AFTER_SLASH), TABLE_HEADING
        )
    writer.write(first[2].paragraphs[0], header.targets, TABLE_HEADING)
    for offset, year in enumerate(header.years):
        writer.write(second[2 + offset].paragraphs[0], year, TABLE_HEADING)


def _body_row(writer: _Writer, table_row: _Row, row: RowView) -> None:
    """Fill a copy of the blank body row, whose paragraphs are styled already."""
    *cells, steps = table_row.cells
    texts = (row.objective, row.indicator, *row.targets, row.project)
    for cell, text in zip(cells, texts, strict=True):
        writer.run(cell.paragraphs[0], text)
    for index, step in enumerate(row.steps):
        paragraph = steps.paragraphs[0] if index == 0 else steps.add_paragraph()
        writer.write(paragraph, f"{step.label}\t{step.text}", TABLE_STEP)


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
                    weights[column] += cluster_count(text)
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
