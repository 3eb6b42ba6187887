"""Write a document tree as a Word document built on the reference document.

The reference document (``templates/reference.docx``) gives the page set-up and every style;
the tree names the styles its paragraphs, runs and tables are written in, and each must be
there, of its kind. The document's own settings (margins, font, size, digits) go over the
reference's. Each section of the tree starts on a new page, in its orientation and page
numbering; page numbers stand at the top centre. Tables fill the text width, their header
rows repeat on every page, and a row is kept whole on one page when it fits on one below
the header rows. The same tree and settings always give the same bytes.
"""

from __future__ import annotations

import datetime
import io
import struct
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.image.exceptions import (
    InvalidImageStreamError,
    UnexpectedEndOfFileError,
    UnrecognizedImageError,
)
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm

from anticorrupt_plan.common.kind import DocumentSettings
from anticorrupt_plan.core.errors import ImageError
from anticorrupt_plan.core.i18n import tr
from anticorrupt_plan.core.thai import cluster_count
from anticorrupt_plan.document.tree import (
    Block,
    Break,
    Cell,
    Column,
    Document,
    Heading,
    Image,
    Inline,
    ItemList,
    Lines,
    PageRef,
    Paragraph,
    Row,
    Rule,
    Section,
    Tab,
    Table,
    Text,
    inline_text,
)
from anticorrupt_plan.writers import _oxml
from anticorrupt_plan.writers._word import (
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
)

REFERENCE = "reference.docx"
STRONG = "Strong"  # the character style of strong text
TWIPS_PER_EMU = 1 / 635
# A header such as "(๔) โครงการ/กิจกรรม" may wrap after its slash rather than inside a word.
BREAK_AFTER_SLASH = "/\u200b"
# A column's share of the width grows with the text it holds, but more slowly than the text:
# Thai breaks only between words, and a narrow column loses more of each line to that.
WEIGHT_POWER = 0.75


def render_docx(
    document: Document,
    *,
    settings: DocumentSettings,
    reference: Path,
    images: Mapping[str, bytes],
    timestamp: datetime.datetime,
) -> bytes:
    """The document as a .docx file's bytes, identical for identical arguments.

    ``images`` holds each image's file content by the ref the tree gives it; ``timestamp``
    (UTC) becomes the document's created and modified dates.
    """
    word, style_ids = open_reference(reference, _styles(document))
    _oxml.clear_body(word)
    apply_layout(word, settings.layout)
    writer = _Writer(word, style_ids, images, size_pt=text_size(word, settings.layout))
    thai = settings.digits == "thai"
    before, _, after = document.page_number.partition("{page}")
    page_headers(word.sections[0], before=before, after=after)
    for index, section in enumerate(document.sections):
        current = word.sections[-1]
        orient(current, landscape=section.landscape)
        current.different_first_page_header_footer = not section.number_first_page
        _oxml.number_pages(
            current, thai_digits=thai, start=1 if section.numbering == "restart" else None
        )
        widths = _column_widths(section.blocks, text_area(current)[0])
        last = writer.section(section, widths=widths)
        if index < len(document.sections) - 1:  # the body's own properties end the last
            if last is None:  # a section ends in a paragraph, as Word puts after a table
                last = writer.add(_oxml.paragraph(None, ""))
            _oxml.end_section(word, last)
    if writer.references:  # Word works page references out when it opens the document
        _oxml.update_fields_on_open(word)
    return finish(word, title=settings.title, author=settings.author, timestamp=timestamp)


def _bookmark(anchor: str) -> str:
    # A name starting with an underscore is a hidden bookmark: Word does not list it.
    return f"_plan_{anchor}"


def _styles(document: Document) -> dict[str, WD_STYLE_TYPE]:
    """Every style the document names, with its kind, for checking the reference document."""
    found: dict[str, WD_STYLE_TYPE] = {PAGE_HEADER: WD_STYLE_TYPE.PARAGRAPH}
    for block in _blocks(document):
        if isinstance(block, Table):
            if block.style:
                found[block.style] = WD_STYLE_TYPE.TABLE
            paragraphs = [p for row in block.rows for cell in row.cells for p in cell.paragraphs]
        elif isinstance(block, Lines):
            paragraphs = list(block.lines)
        elif isinstance(block, ItemList):
            paragraphs = list(block.items)
        else:
            paragraphs = [block] if isinstance(block, Paragraph) else []
            if isinstance(block, Heading | Rule | Image) and block.style:
                found[block.style] = WD_STYLE_TYPE.PARAGRAPH
            if isinstance(block, Heading) and _strong(block.inlines):
                found[STRONG] = WD_STYLE_TYPE.CHARACTER
        for paragraph in paragraphs:
            if paragraph.style:
                found[paragraph.style] = WD_STYLE_TYPE.PARAGRAPH
            if _strong(paragraph.inlines):
                found[STRONG] = WD_STYLE_TYPE.CHARACTER
    return found


def _strong(inlines: Sequence[Inline]) -> bool:
    return any(isinstance(item, Text) and item.strong for item in inlines)


def _blocks(document: Document) -> Iterator[Block]:
    for section in document.sections:
        yield from section.blocks


@dataclass
class _Writer:
    word: WordDocument
    style_ids: Mapping[str, str | None]
    images: Mapping[str, bytes]
    size_pt: float
    bookmarks: int = 0  # how many headings carry a bookmark, for their ids
    references: bool = False  # whether any page number refers to a bookmark

    def section(
        self, section: Section, *, widths: Mapping[int, list[int]]
    ) -> BaseOxmlElement | None:
        """Write the section's blocks; its last paragraph, or None if it ends in a table."""
        room = int(text_area(self.word.sections[-1])[1] * (1 - HEADER_SHARE))
        last: BaseOxmlElement | None = None
        for block in section.blocks:
            if isinstance(block, Table):
                self.add(self._table(block, widths[id(block)], room))
                last = None
            elif isinstance(block, Image):
                last = self._image(block)
            else:
                for xml in self._paragraphs(block):
                    last = self.add(xml)
        return last

    def add(self, xml: str) -> BaseOxmlElement:
        element = _oxml.parse_block(xml)
        _oxml.append_block(self.word, element)
        return element

    def _paragraphs(self, block: Block) -> list[str]:
        if isinstance(block, Paragraph | Heading):
            runs = self._runs(block.inlines)
            if isinstance(block, Heading) and block.anchor is not None:
                self.bookmarks += 1
                runs = _oxml.bookmarked(self.bookmarks, _bookmark(block.anchor), runs)
            return [
                _oxml.paragraph(
                    self._id(block.style),
                    runs,
                    keep_next=block.keep_with_next,
                    page_break_before=block.page_break_before,
                )
            ]
        if isinstance(block, Lines):
            return [self._paragraph(line) for line in block.lines]
        if isinstance(block, ItemList):
            marker = (Text(block.marker), Tab()) if block.marker else ()
            return [
                self._paragraph(replace(item, inlines=(*marker, *item.inlines)))
                for item in block.items
            ]
        assert isinstance(block, Rule)
        return [_oxml.paragraph(self._id(block.style), "")]

    def _paragraph(self, paragraph: Paragraph, *, header: bool = False) -> str:
        return _oxml.paragraph(
            self._id(paragraph.style),
            self._runs(paragraph.inlines, header=header),
            keep_next=paragraph.keep_with_next,
            page_break_before=paragraph.page_break_before,
        )

    def _id(self, style: str | None) -> str | None:
        return self.style_ids[style] if style else None

    def _runs(self, inlines: Sequence[Inline], *, header: bool = False) -> str:
        runs = []
        for item in inlines:
            if isinstance(item, Tab):
                runs.append(_oxml.TAB_RUN)
            elif isinstance(item, Break):
                runs.append(_oxml.BREAK_RUN)
            elif isinstance(item, PageRef):
                self.references = True
                runs.append(_oxml.page_reference(_bookmark(item.target)))
            else:
                text = item.text.replace("/", BREAK_AFTER_SLASH) if header else item.text
                runs.append(
                    _oxml.text_run(
                        text,
                        style_id=self.style_ids[STRONG] if item.strong else None,
                        strike=item.strike,
                        underline=item.underline,
                    )
                )
        return "".join(runs)

    def _image(self, image: Image) -> BaseOxmlElement | None:
        data = self.images.get(image.ref)
        if data is None:  # the template guards its images; one not given is left out
            return None
        try:
            inline = self.word.part.new_pic_inline(io.BytesIO(data), height=Cm(image.height_cm))
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
        ) as error:
            raise ImageError(
                reason=tr("is not an image a document can hold; use a PNG or JPEG file"),
                ref=image.ref,
            ) from error
        paragraph = self.add(_oxml.paragraph(self._id(image.style), ""))
        paragraph.append(_oxml.picture_run(inline))
        return paragraph

    def _table(self, table: Table, widths: list[int], room: int) -> str:
        rows = []
        spanned: dict[int, tuple[int, int]] = {}  # column -> (rows left, span) from above
        for row in table.rows:
            cells = []
            column = 0
            placed = iter(row.cells)
            heights: list[list[str]] = []
            cell_widths: list[int] = []
            while column < len(widths):
                above = spanned.get(column)
                if above is not None and above[0] > 0:
                    left, span = above
                    width = _span_twips(widths, column, span)
                    cells.append(_oxml.table_cell(width, "", span=span, merge="continue"))
                    spanned[column] = (left - 1, span)
                    column += span
                    continue
                cell = next(placed, None)
                if cell is None:
                    break
                width = _span_twips(widths, column, cell.colspan)
                merge = "restart" if cell.rowspan > 1 else None
                if cell.rowspan > 1:
                    spanned[column] = (cell.rowspan - 1, cell.colspan)
                paragraphs = "".join(
                    self._paragraph(paragraph, header=row.header) for paragraph in cell.paragraphs
                )
                cells.append(_oxml.table_cell(width, paragraphs, span=cell.colspan, merge=merge))
                heights.append([inline_text(p.inlines) for p in cell.paragraphs])
                cell_widths.append(sum(widths[column : column + cell.colspan]))
                column += cell.colspan
            keep = row.keep == "always" or (
                row.keep == "fit" and estimated_height(heights, cell_widths, self.size_pt) <= room
            )
            rows.append(_oxml.table_row("".join(cells), header=row.header, cant_split=keep))
        return _oxml.table(
            self._id(table.style), [_twips(width) for width in widths], "".join(rows)
        )


def _twips(emu: int) -> int:
    return round(emu * TWIPS_PER_EMU)


def _span_twips(widths: Sequence[int], column: int, span: int) -> int:
    """The width of a cell spanning grid columns, as the sum of their widths in twips."""
    return sum(_twips(width) for width in widths[column : column + span])


# --- column widths -----------------------------------------------------------------------------


def _column_widths(blocks: Sequence[Block], total: int) -> dict[int, list[int]]:
    """Widths (EMU) for every table among ``blocks`` (a section's), by ``id`` of the table.

    Tables that share their columns and header rows (one table per measure of a matrix)
    share their widths too, chosen from the text all of them hold, so that they line up.
    """
    groups: dict[tuple[object, ...], list[Table]] = {}
    for block in blocks:
        if isinstance(block, Table):
            key = (block.columns, tuple(row for row in block.rows if row.header))
            groups.setdefault(key, []).append(block)
    widths: dict[int, list[int]] = {}
    for tables in groups.values():
        shared = _widths(tables, total)
        for table in tables:
            widths[id(table)] = shared
    return widths


def _widths(tables: Sequence[Table], total: int) -> list[int]:
    """Widths for the columns of ``tables`` that share ``total`` by how much each holds.

    A row is as tall as its fullest cell, so a column's share grows with the text it holds
    (counted in character clusters), but more slowly than the text. Each column keeps its
    minimum. When every column gives its ``width``, those shares of the total are kept.
    """
    columns = tables[0].columns
    weights = [0.0] * len(columns)
    for table in tables:
        for row in table.rows:
            if row.header:
                continue
            for column, cell in _placed(row, len(columns)):
                text = " ".join(inline_text(p.inlines) for p in cell.paragraphs)
                weights[column] += cluster_count(text.replace("\t", " "))
    if all(column.width is not None for column in columns):
        shares = [column.width or 0.0 for column in columns]
        return _whole([total * share / sum(shares) for share in shares], total)
    return _share(total, [weight**WEIGHT_POWER for weight in weights], _minimums(columns, total))


def _minimums(columns: Sequence[Column], total: int) -> list[int]:
    """Each column's minimum width. Columns with a share take together at most that share
    of the width (the years of a long plan narrow), but none goes below its floor."""
    grouped = [column for column in columns if column.share is not None]
    minimums = []
    for column in columns:
        low = int(Cm(column.min_cm))
        if column.share is not None and grouped:
            low = min(low, int(total * column.share / len(grouped)))
            low = max(low, int(Cm(column.floor_cm or 0)))
        minimums.append(low)
    return minimums


def _placed(row: Row, width: int) -> Iterator[tuple[int, Cell]]:
    """Each cell of ``row`` with the column where it starts (counting spans from the left
    only: a body row of a matrix spans no rows)."""
    column = 0
    for cell in row.cells:
        if column >= width:
            return
        yield column, cell
        column += cell.colspan


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
