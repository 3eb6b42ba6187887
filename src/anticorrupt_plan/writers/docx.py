"""Write a document tree as a Word document built on the reference document.

The reference document (``templates/reference.docx``) gives the page set-up and every style;
the tree names the styles its paragraphs, runs and tables are written in, and each must be
there, of its kind. The document's own settings (margins, font, size, digits) go over the
reference's. Each section of the tree starts on a new page, in its orientation and page
numbering; page numbers stand at the top centre.

Tables are laid out from measured text (``_measure.py`` over ``layout.py``): they fill the
text width, their columns as wide as their text needs (tables with the same columns and
header rows, one per measure of a matrix, share their widths and line up); header rows
repeat on every page; a row is kept whole on one page when it fits on one below the
header rows, and a table's first row also below the heading kept with the table; a joined
name too wide for its cell is written loose. The same tree and settings always give the
same bytes.
"""

from __future__ import annotations

import datetime
import io
import struct
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.image.exceptions import (
    InvalidImageStreamError,
    UnexpectedEndOfFileError,
    UnrecognizedImageError,
)
from docx.shared import Cm

from anticorrupt_plan.common.display import loosened
from anticorrupt_plan.common.kind import DocumentSettings
from anticorrupt_plan.core.errors import ImageError
from anticorrupt_plan.core.i18n import tr
from anticorrupt_plan.document.tree import (
    Block,
    Break,
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
)
from anticorrupt_plan.writers import _oxml
from anticorrupt_plan.writers._measure import (
    TWIPS_PER_POINT,
    Measures,
    Placed,
    Prepared,
    RowLayout,
    TableLayout,
    column_widths,
    header_text,
    prepare,
    table_layout,
)
from anticorrupt_plan.writers._split import Parts, split_row
from anticorrupt_plan.writers._word import (
    PAGE_HEADER,
    apply_layout,
    finish,
    open_reference,
    orient,
    page_headers,
    text_area,
    text_size,
)
from anticorrupt_plan.writers.layout import Flow, TextMeasures

REFERENCE = "reference.docx"
STRONG = "Strong"  # the character style of strong text
TWIPS_PER_EMU = 1 / 635
POINTS_PER_EMU = 1 / 12700


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
    size = text_size(word, settings.layout)
    sheet = _oxml.StyleSheet(word)

    formats: dict[str | None, _oxml.ParagraphFormat] = {}

    def format_of(style: str | None) -> _oxml.ParagraphFormat:
        found = formats.get(style)
        if found is None:
            style_id = style_ids[style] if style else None
            found = formats[style] = sheet.paragraph(style_id, default_size=size)
        return found

    writer = _Writer(word, style_ids, images, format_of=format_of, sheet=sheet)
    thai = settings.digits == "thai"
    before, _, after = document.page_number.partition("{page}")
    page_headers(word.sections[0], before=before, after=after, thai=thai)
    for index, section in enumerate(document.sections):
        current = word.sections[-1]
        orient(current, landscape=section.landscape)
        current.different_first_page_header_footer = not section.number_first_page
        _oxml.number_pages(
            current, thai_digits=thai, start=1 if section.numbering == "restart" else None
        )
        last = writer.section(section)
        if index < len(document.sections) - 1:  # the body's own properties end the last
            if last is None:  # a section ends in a paragraph, as Word puts after a table
                last = writer.add(_oxml.paragraph(None, ""))
            _oxml.end_section(word, writer.body.element(last))
    if writer.references:  # Word works page references out when it opens the document
        _oxml.update_fields_on_open(word)
    return finish(
        word,
        title=settings.title,
        author=settings.author,
        timestamp=timestamp,
        body=writer.body,
    )


def _bookmark(anchor: str) -> str:
    # A name starting with an underscore is a hidden bookmark: Word does not list it.
    return f"_plan_{anchor}"


def _paragraphs_of(block: Block) -> list[Paragraph | Heading | None]:
    """The tree's paragraphs of ``block``, one for each paragraph the writer writes for it
    (None for a rule's)."""
    if isinstance(block, Paragraph | Heading):
        return [block]
    if isinstance(block, Lines):
        return list(block.lines)
    if isinstance(block, ItemList):
        return list(block.items)
    return [None]


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
            # Strong is a character style unless a paragraph style is named so: once it
            # is known to be one, paragraphs need not be searched for strong text.
            if found.get(STRONG) is not WD_STYLE_TYPE.CHARACTER and _strong(paragraph.inlines):
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
    format_of: Callable[[str | None], _oxml.ParagraphFormat]
    sheet: _oxml.StyleSheet
    body: _oxml.Body = field(default_factory=_oxml.Body)
    texts: TextMeasures = field(default_factory=TextMeasures)
    measures: dict[str | None, Measures] = field(default_factory=dict)
    paragraphs: Measures = field(init=False)  # measures paragraphs outside tables
    shapes: _Shapes = field(default_factory=lambda: _Shapes())
    # Header rows written (XML) by shape, place in the table, widths, keep, loose cells.
    header_rows: dict[tuple[object, ...], str] = field(default_factory=dict)
    bookmarks: int = 0  # how many headings carry a bookmark, for their ids
    references: bool = False  # whether any page number refers to a bookmark

    def __post_init__(self) -> None:
        self.paragraphs = Measures(self.format_of, _oxml.CellMargins(), self.texts)

    def section(self, section: Section) -> int | None:
        """Write the section's blocks; its last paragraph (its place in the body), or None
        if it ends in a table.

        Where a section holds tables, its blocks are followed down its pages first
        (``layout.Flow``), to decide which rows are kept whole.
        """
        width_emu, height_emu = text_area(self.word.sections[-1])
        width_pt, page_pt = width_emu * POINTS_PER_EMU, height_emu * POINTS_PER_EMU
        tables = {
            id(block): prepare(block, self._measures(block))
            for block in section.blocks
            if isinstance(block, Table)
        }
        for measures in self.measures.values():
            measures.forget()
        widths = self._column_widths(tables, round(width_emu * TWIPS_PER_EMU))
        self.header_rows = {}
        flow = Flow(page_pt) if widths else None
        last: int | None = None
        chain: list[int] = []  # the paragraphs just written that keep with the next
        for block in section.blocks:
            if isinstance(block, Table):
                prepared = tables.pop(id(block))  # written once, then let go
                shape = self.shapes.of(block)
                found = table_layout(
                    prepared, widths[id(block)], self._measures(block), page_pt=page_pt, shape=shape
                )
                keep = [row.row.header for row in found.rows]
                halves: dict[int, Parts] = {}  # the rows written as two, by their place
                if flow is not None:
                    split = self._splitter(
                        prepared, widths[id(block)], found, page_pt=page_pt, into=halves
                    )
                    placed = flow.table(
                        found.header_pt, [row.fit() for row in found.body], split=split
                    )
                    kept = iter(placed.keep)
                    keep = [row.row.header or next(kept) for row in found.rows]
                    if chain and placed.new_page:
                        self.body.break_page_before(chain[0])
                self.body.add_table(
                    self._table(
                        prepared, widths[id(block)], found.rows, keep, shape=shape, halves=halves
                    )
                )
                last, chain = None, []
                continue
            if isinstance(block, Image):
                last = self._image(block)
                chain = []
            else:
                for paragraph, xml in zip(
                    _paragraphs_of(block), self._paragraphs(block), strict=True
                ):
                    last = self.add(xml)
                    if paragraph is not None and paragraph.page_break_before:
                        chain = []
                    keeps = paragraph is not None and (
                        paragraph.keep_with_next or self.format_of(paragraph.style).keep_next
                    )
                    chain = [*chain, last] if keeps else []
            if flow is not None:
                self._follow(flow, block, width_pt)
        self.paragraphs.forget()
        return last

    def _splitter(
        self,
        table: Prepared,
        widths: list[int],
        found: TableLayout,
        *,
        page_pt: float,
        into: dict[int, Parts],
    ) -> Callable[[int, float], float | None]:
        """What ``layout.Flow`` calls to write a body row of ``table`` as two (``_split``):
        the parts go ``into`` the dictionary, by the row's place in the table."""
        widths_pt = [width / TWIPS_PER_POINT for width in widths]
        rest_pt = page_pt - found.header_surely_pt
        measures = self._measures(table.table)

        def split(index: int, first_pt: float) -> float | None:
            place = table.body[index]
            if found.rows[place].loose:
                return None  # measured as it is written: joined names broken
            parts = split_row(
                table.table.rows[place],
                table.places[place],
                widths_pt,
                measures,
                first_pt=first_pt,
                rest_pt=rest_pt,
            )
            if parts is None:
                return None
            into[place] = parts
            return parts.rest_pt

        return split

    def _follow(self, flow: Flow, block: Block, width_pt: float) -> None:
        """Place ``block``'s paragraphs in ``flow``, as tall as they are expected to be."""
        if isinstance(block, Image):
            style = self.format_of(block.style)
            height = block.height_cm / 2.54 * 72 + style.before_pt + style.after_pt
            flow.paragraph(height, lines=1, keep_next=style.keep_next, page_break_before=False)
            return
        paragraphs: Sequence[Paragraph | Heading]
        if isinstance(block, Paragraph | Heading):
            paragraphs = [block]
        elif isinstance(block, Lines):
            paragraphs = block.lines
        elif isinstance(block, ItemList):
            paragraphs = block.items
        elif isinstance(block, Rule):
            paragraphs = [Paragraph((), style=block.style)]
        else:
            return
        measures = self.paragraphs
        for paragraph in paragraphs:
            style = self.format_of(paragraph.style)
            measured = measures.paragraph(paragraph)
            lines = measured.lines(width_pt, expected=True)
            flow.paragraph(
                lines * measured.pitch_pt + measured.spacing_pt,  # Measured.height's sum
                lines=lines,
                keep_next=paragraph.keep_with_next or style.keep_next,
                page_break_before=paragraph.page_break_before,
            )

    def _measures(self, table: Table) -> Measures:
        """The measures of tables in ``table``'s style, one for all such tables."""
        found = self.measures.get(table.style)
        if found is None:
            table_id = self.style_ids[table.style] if table.style else None
            margins = self.sheet.cell_margins(table_id)
            found = self.measures[table.style] = Measures(self.format_of, margins, self.texts)
        return found

    def _column_widths(self, tables: Mapping[int, Prepared], total: int) -> dict[int, list[int]]:
        """Widths (twips) for every table of a section, by ``id`` of the tree's table.
        Tables that share their columns and header rows (one table per measure of a
        matrix) share their widths too, chosen from the text all of them hold."""
        groups: dict[int, list[Prepared]] = {}
        for prepared in tables.values():
            groups.setdefault(self.shapes.of(prepared.table), []).append(prepared)
        widths: dict[int, list[int]] = {}
        for group in groups.values():
            shared = column_widths(group, total, self._measures(group[0].table))
            for prepared in group:
                widths[id(prepared.table)] = shared
        return widths

    def add(self, xml: str) -> int:
        return self.body.add(xml)

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
            # The marker's runs come before each item's own.
            marker = self._runs((Text(block.marker), Tab())) if block.marker else ""
            return [self._paragraph(item, marker=marker) for item in block.items]
        assert isinstance(block, Rule)
        return [_oxml.paragraph(self._id(block.style), "")]

    def _paragraph(
        self,
        paragraph: Paragraph,
        *,
        header: bool = False,
        loose: bool = False,
        marker: str = "",
        keep_next: bool = False,
    ) -> str:
        return _oxml.paragraph(
            self._id(paragraph.style),
            marker + self._runs(paragraph.inlines, header=header, loose=loose),
            keep_next=keep_next or paragraph.keep_with_next,
            page_break_before=paragraph.page_break_before,
        )

    def _id(self, style: str | None) -> str | None:
        return self.style_ids[style] if style else None

    def _runs(self, inlines: Sequence[Inline], *, header: bool = False, loose: bool = False) -> str:
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
                text = header_text(item.text) if header else item.text
                runs.append(
                    _oxml.text_run(
                        loosened(text) if loose else text,
                        style_id=self.style_ids[STRONG] if item.strong else None,
                        strike=item.strike,
                        underline=item.underline,
                    )
                )
        return "".join(runs)

    def _image(self, image: Image) -> int | None:
        data = self.images.get(image.ref)
        if data is None:  # the template guards its images; one not given is left out
            return None
        self.body.place(self.word)  # the pictures before it are numbered in the document
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
        self.body.element(paragraph).append(_oxml.picture_run(inline))
        return paragraph

    def _table(
        self,
        table: Prepared,
        widths: list[int],
        layouts: Sequence[RowLayout],
        keep: Sequence[bool],
        *,
        shape: int,
        halves: Mapping[int, Parts],
    ) -> str:
        """The table's XML. Tables of one shape share their header rows, written once. The
        rows in ``halves`` are written as their two parts."""
        rows = []
        tree = table.table
        for index, (row, placed, decided, whole) in enumerate(
            zip(tree.rows, table.places, layouts, keep, strict=True)
        ):
            if row.header and table.apart:
                key = (shape, index, tuple(widths), whole, decided.loose)
                found = self.header_rows.get(key)
                if found is None:
                    found = self.header_rows[key] = self._row(row, placed, widths, decided, whole)
                rows.append(found)
                continue
            parts = halves.get(index)
            if parts is None:
                rows.append(self._row(row, placed, widths, decided, whole))
            else:
                # The first part may break, should it come out taller than expected; the
                # rest is kept whole, so that enough of the row stands on the next page.
                pairs = ((parts.first, "bottom", False), (parts.rest, "top", True))
                for half, edge, whole in pairs:
                    places = [
                        place._replace(cell=cell)
                        for place, cell in zip(placed, half.cells, strict=True)
                    ]
                    rows.append(self._row(half, places, widths, decided, whole, open_edge=edge))
        return _oxml.table(self._id(tree.style), widths, "".join(rows))

    def _row(
        self,
        row: Row,
        placed: Sequence[Placed],
        widths: Sequence[int],
        decided: RowLayout,
        whole: bool,
        *,
        open_edge: str | None = None,
    ) -> str:
        """A row's XML; ``open_edge``: the edge of its cells drawn without a rule, where a
        row written as two meets its other part."""
        cells = []
        header = row.header
        loose = decided.loose
        # Word and LibreOffice keep a row on the page of the next when its paragraphs keep
        # with the next, empty cells' too.
        with_next = row.keep_with_next
        empty = _oxml.paragraph(None, "", keep_next=True) if with_next else ""
        for place in placed:
            span = place.span
            column = place.column
            width = widths[column] if span == 1 else sum(widths[column : column + span])
            cell = place.cell
            if cell is None:
                cells.append(_oxml.table_cell(width, empty, span=span, merge="continue"))
                continue
            written_loose = column in loose
            paragraphs = (
                "".join(
                    self._paragraph(p, header=header, loose=written_loose, keep_next=with_next)
                    for p in cell.paragraphs
                )
                or empty
            )
            merge = "restart" if cell.rowspan > 1 else None
            cells.append(
                _oxml.table_cell(
                    width,
                    paragraphs,
                    span=span,
                    merge=merge,
                    valign=cell.valign,
                    open_edge=open_edge,
                )
            )
        return _oxml.table_row("".join(cells), header=header, cant_split=whole)


class _Shapes:
    """Tables told apart by their style, columns and header rows, which decide their
    column widths and their header rows' heights. Each table's are compared by value once,
    and the objects (where tables share them) by identity after."""

    def __init__(self) -> None:
        self._by_identity: dict[tuple[object, ...], int] = {}
        self._by_value: dict[tuple[object, ...], int] = {}

    def of(self, table: Table) -> int:
        """The number of ``table``'s shape."""
        header = tuple(row for row in table.rows if row.header)
        identity = (table.style, id(table.columns), *(id(row) for row in header))
        found = self._by_identity.get(identity)
        if found is None:
            value = (table.style, table.columns, header)
            found = self._by_value.setdefault(value, len(self._by_value))
            # The ids name these objects alone: the tree that holds them outlives the writer.
            self._by_identity[identity] = found
        return found
