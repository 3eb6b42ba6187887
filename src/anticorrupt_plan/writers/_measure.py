"""How tall and how wide the Word writer's blocks come out, measured before they are written.

The tree's paragraphs and cells are measured as the reference document's styles set them
(size, weight, indents, spacing: ``_oxml.StyleSheet``) in TH Sarabun's real metrics
(``core.metrics``); the decisions are ``layout.py``'s: a table's column widths from the
text its cells hold, header rows included; each row's height; whether a row is kept whole
on a page. Nothing here knows a document kind: only paragraphs, cells, rows and columns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from anticorrupt_plan.common.display import loosened
from anticorrupt_plan.core.metrics import (
    line_height,
    lines_expected,
    lines_needed,
)
from anticorrupt_plan.document.tree import Cell, Heading, Paragraph, Row, Table, Text, inline_text
from anticorrupt_plan.writers import layout
from anticorrupt_plan.writers._oxml import CellMargins, ParagraphFormat

TWIPS_PER_POINT = 20
# Room kept spare in every cell's lines, for what measuring cannot see: rounding to twips
# and pixels, a justified line's spacing.
CELL_SAFETY_PT = 1.0
# What widths lose to rounding to whole twips.
ROUNDING_PT = 0.1
# A header such as "(๔) โครงการ/กิจกรรม" may wrap after its slash rather than inside a word.
BREAK_AFTER_SLASH = "/\u200b"


def header_text(text: str) -> str:
    """A header cell's text as it is written: a line may break after a slash."""
    return text.replace("/", BREAK_AFTER_SLASH)


@dataclass(frozen=True)
class Measured:
    """A paragraph's text as lines are filled with it, and how it is set: the text after
    the label of a hanging indent (the label stands in the indent), the room its indents
    take, the space around it, its size, weight and line pitch."""

    text: str
    indent_pt: float
    spacing_pt: float
    size_pt: float
    bold: bool
    pitch_pt: float

    def lines(self, width_pt: float, *, expected: bool = False) -> int:
        """How many lines it takes on lines ``width_pt`` wide: at most, or as expected."""
        room = max(width_pt - self.indent_pt, 1.0)
        count = lines_expected if expected else lines_needed
        return count(self.text, room, self.size_pt, bold=self.bold)

    def height(self, width_pt: float, *, expected: bool = False) -> float:
        """How tall it is on lines ``width_pt`` wide: at most, or as expected."""
        return self.lines(width_pt, expected=expected) * self.pitch_pt + self.spacing_pt


class Measures:
    """Measures with the reference document's styles. ``format_of`` gives a style's format
    by its name (None: the default paragraph style); ``texts`` the measures of texts, which
    may be shared with the measures of other table styles."""

    def __init__(
        self,
        format_of: Callable[[str | None], ParagraphFormat],
        margins: CellMargins,
        texts: layout.TextMeasures | None = None,
    ) -> None:
        self.format_of = format_of
        self.margins = margins
        self.texts = texts or layout.TextMeasures()
        self._cells: dict[tuple[int, bool], layout.Cell] = {}  # by the tree cell's id
        # By what decides how a paragraph is set: its style, text, strong text, header row.
        self._paragraphs: dict[tuple[str | None, str, bool, bool], Measured] = {}
        self.headers: dict[tuple[object, ...], list[RowLayout]] = {}  # see table_layout
        self._metrics: layout.TableMetrics | None = None

    def paragraph(self, paragraph: Paragraph | Heading, *, header: bool = False) -> Measured:
        """How ``paragraph`` is set (measured once for each paragraph of the same text)."""
        inlines = paragraph.inlines
        first = inlines[0] if len(inlines) == 1 else None
        if type(first) is Text:  # one run of text, as most paragraphs are
            text, strong = first.text, first.strong
        else:
            text = inline_text(inlines)
            strong = any(isinstance(item, Text) and item.strong for item in inlines)
        key = (paragraph.style, text, strong, header)
        found = self._paragraphs.get(key)
        if found is None:
            found = self._paragraphs[key] = self._paragraph(
                paragraph.style, text, strong=strong, header=header
            )
        return found

    def _paragraph(
        self, style_name: str | None, text: str, *, strong: bool, header: bool
    ) -> Measured:
        style = self.format_of(style_name)
        if style.first_line_pt < 0 and "\t" in text:
            text = text.partition("\t")[2]  # the label stands in the hanging indent
        text = text.replace("\t", " ")
        if header:
            text = header_text(text)
        pitch = style.line_exact_pt or line_height(style.size_pt) * style.line_multiple
        return Measured(
            text=text,
            indent_pt=style.left_pt + style.right_pt + max(style.first_line_pt, 0.0),
            spacing_pt=style.before_pt + style.after_pt,
            size_pt=style.size_pt,
            bold=style.bold or strong,
            pitch_pt=pitch,
        )

    def forget(self) -> None:
        """Let go of what was measured of cells and paragraphs (prepared tables keep what
        they need): a large plan's measures would outlast their use."""
        self._cells.clear()
        self._paragraphs.clear()

    @property
    def table_metrics(self) -> layout.TableMetrics:
        if self._metrics is None:
            margins = self.margins
            self._metrics = layout.TableMetrics(
                size_pt=self.format_of(None).size_pt,
                padding_x_pt=margins.left_pt + margins.right_pt + CELL_SAFETY_PT,
                padding_y_pt=margins.top_pt + margins.bottom_pt,
                border_pt=margins.rule_pt,
            )
        return self._metrics

    def cell(self, cell: Cell, *, header: bool) -> layout.Cell:
        """``cell`` as layout.py measures it (measured once: the tree outlives this)."""
        key = (id(cell), header)
        found = self._cells.get(key)
        if found is None:
            found = self._cells[key] = self._cell(cell, header=header)
        return found

    def _cell(self, cell: Cell, *, header: bool) -> layout.Cell:
        measured = [self.paragraph(p, header=header) for p in cell.paragraphs]
        if not measured:
            return _empty(cell.colspan)
        if len(measured) == 1:
            one = measured[0]
            return layout.Cell(
                (one.text,),
                span=cell.colspan,
                bold=one.bold,
                indent_pt=one.indent_pt,
                spacing_pt=one.spacing_pt,
                size_pt=one.size_pt,
                line_pt=one.pitch_pt,
            )
        return layout.Cell(
            tuple(m.text for m in measured),
            span=cell.colspan,
            bold=any(m.bold for m in measured),
            indent_pt=max(m.indent_pt for m in measured),
            spacing_pt=sum(m.spacing_pt for m in measured),
            size_pt=max(m.size_pt for m in measured),
            line_pt=max(m.pitch_pt for m in measured),
        )

    def places(
        self, table: Table, rows: Sequence[Row] | None = None
    ) -> tuple[list[list[Placed]], list[list[layout.Cell]]]:
        """The places of ``rows`` (by default all of ``table``'s) on their own grid, and the
        layout cell at each: a column that a cell above spans into holds an empty cell."""
        if rows is None:
            rows = table.rows
            places = list(grid(table))
        else:
            places = list(grid(Table(table.columns, tuple(rows))))
        cells = [
            [
                self.cell(place.cell, header=row.header)
                if place.cell is not None
                else _empty(place.span)
                for place in placed
            ]
            for row, placed in zip(rows, places, strict=True)
        ]
        return places, cells


def _empty(span: int) -> layout.Cell:
    """An empty layout cell spanning ``span`` columns."""
    found = _EMPTY.get(span)
    if found is None:
        found = _EMPTY[span] = layout.Cell((), span=span)
    return found


_EMPTY: dict[int, layout.Cell] = {}


class Placed(NamedTuple):
    """A place in a row: the ``column`` where it starts, the ``span`` of columns it covers,
    and the tree's ``cell`` there, or None where a cell from a row above spans into it."""

    column: int
    span: int
    cell: Cell | None


def grid(table: Table) -> Iterator[list[Placed]]:
    """Each row's places in column order, those covered from above included."""
    width = len(table.columns)
    above: dict[int, tuple[int, int]] = {}  # column -> (rows still covered, span), if any
    for row in table.rows:
        placed: list[Placed] = []
        cells = iter(row.cells)
        column = 0
        while column < width:
            covered = above.get(column) if above else None
            if covered is not None:
                left, span = covered
                placed.append(Placed(column, span, None))
                if left > 1:
                    above[column] = (left - 1, span)
                else:
                    del above[column]
                column += span
                continue
            cell = next(cells, None)
            if cell is None:
                break
            span = cell.colspan
            placed.append(Placed(column, span, cell))
            if cell.rowspan > 1:
                above[column] = (cell.rowspan - 1, span)
            column += span
        yield placed


@dataclass(frozen=True)
class Prepared:
    """A table placed on its grid and measured, once for all that is decided about it:
    each row's places (those covered from a row above included) and the layout cell at
    each place; which rows are header rows, and which the others."""

    table: Table
    places: list[list[Placed]]
    cells: list[list[layout.Cell]]
    header: list[int]  # the header rows' indexes
    body: list[int]  # the other rows'
    # Whether the header rows come first and none of their cells spans into the body, so
    # that the header rows and the body, each on a grid of its own, are this grid's parts.
    apart: bool


def prepare(table: Table, measures: Measures) -> Prepared:
    """``table`` placed on its grid and measured."""
    places, cells = measures.places(table)
    header = [index for index, row in enumerate(table.rows) if row.header]
    body = [index for index, row in enumerate(table.rows) if not row.header]
    count = len(header)
    apart = header == list(range(count)) and all(
        index + cell.rowspan <= count for index in header for cell in table.rows[index].cells
    )
    return Prepared(table, places, cells, header, body, apart)


# --- decisions ---------------------------------------------------------------------------------


def column_widths(tables: Sequence[Prepared], total_twips: int, measures: Measures) -> list[int]:
    """Widths in twips for the columns of ``tables`` (tables that line up: the same
    columns and header rows), adding up to ``total_twips``. When every column gives its
    ``width``, those shares; else layout.py's widths from the text of every cell, the
    header rows' once."""
    columns = tables[0].table.columns
    if all(column.width is not None for column in columns):
        shares = [column.width or 0.0 for column in columns]
        return _whole([total_twips * share / sum(shares) for share in shares], total_twips)
    first = tables[0]
    rows = [first.cells[index] for index in first.header]
    for table in tables:
        cells = table.cells
        rows += [cells[index] for index in table.body]
    groups: dict[str, list[int]] = {}
    for index, column in enumerate(columns):
        if column.group is not None:
            groups.setdefault(column.group, []).append(index)
    widths = layout.column_widths(
        rows,
        total_twips / TWIPS_PER_POINT,
        minimum=[column.min_cm / 2.54 * 72 for column in columns],
        metrics=measures.table_metrics,
        same=list(groups.values()),
        texts=measures.texts,
    )
    return _whole([width * TWIPS_PER_POINT for width in widths], total_twips)


def _whole(shares: Sequence[float], total: int) -> list[int]:
    """Whole widths that add up to exactly ``total``: each share rounded, the last column
    taking what rounding leaves over (columns of equal shares stay equal)."""
    widths = [round(share) for share in shares]
    widths[-1] += total - sum(widths)
    return widths


@dataclass(frozen=True)
class RowLayout:
    """What the writer needs to know of a table's row: its heights (as expected, and at
    most) and which of its cells are written loose (their joined names broken where they
    must), by the column where each starts."""

    row: Row
    expected_pt: float
    surely_pt: float
    line_pt: float
    loose: frozenset[int]

    def fit(self) -> layout.RowFit:
        """The row for ``layout.Flow``: kept whole, free to break, or for it to decide."""
        row = self.row
        keep = None if row.keep == "fit" else row.keep == "always"
        return layout.RowFit(
            self.expected_pt, self.surely_pt, self.line_pt, keep, with_next=row.keep_with_next
        )


@dataclass(frozen=True)
class TableLayout:
    header_pt: float  # the header rows' height together, as expected
    header_surely_pt: float  # and at most
    rows: list[RowLayout]  # every row, header rows included

    @property
    def body(self) -> list[RowLayout]:
        return [row for row in self.rows if not row.row.header]


def table_layout(
    table: Prepared,
    widths_twips: Sequence[int],
    measures: Measures,
    *,
    page_pt: float,
    shape: object,
) -> TableLayout:
    """The heights of ``table``'s rows with these column widths, as expected and at most;
    a cell spanning several rows is measured against the rows it spans. A text holding a
    joined name wider than its cell's lines is measured, and written, loose.

    A row is measured at most (the slower count) only when that could decide whether it
    fits on a ``page_pt`` page: otherwise half again its expected height bounds it (the
    line counts' calibration: the most is within a quarter of the expected). The header
    rows of tables of one ``shape`` (the same columns and header rows) are measured once."""
    tree = table.table
    key = (shape, tuple(widths_twips))
    head = measures.headers.get(key)
    if head is None:
        rows = [tree.rows[index] for index in table.header]
        if table.apart:
            count = len(rows)
            places, cells = table.places[:count], table.cells[:count]
        else:
            places, cells = measures.places(tree, rows)
        head = measures.headers[key] = _rows_layout(
            rows, places, cells, widths_twips, measures, page_pt=page_pt
        )
    body = [tree.rows[index] for index in table.body]
    if table.apart:
        count = len(table.header)
        places, cells = table.places[count:], table.cells[count:]
    else:
        places, cells = measures.places(tree, body)
    laid = _rows_layout(body, places, cells, widths_twips, measures, page_pt=page_pt)
    return TableLayout(
        header_pt=sum(row.expected_pt for row in head),
        header_surely_pt=sum(row.surely_pt for row in head),
        rows=[*head, *laid],
    )


# Half again a row's expected height is at least its height at most (see table_layout).
SURELY_BOUND = 1.5


def _rows_layout(
    rows: Sequence[Row],
    places: Sequence[list[Placed]],
    measured_cells: Sequence[list[layout.Cell]],
    widths_twips: Sequence[int],
    measures: Measures,
    *,
    page_pt: float,
) -> list[RowLayout]:
    widths = [width / TWIPS_PER_POINT for width in widths_twips]
    metrics = measures.table_metrics
    unbreakable = measures.texts.unbreakable
    no_loose: frozenset[int] = frozenset()
    loose_rows: list[frozenset[int]] = []
    rows_cells: list[list[layout.Cell]] = []
    spanning: list[tuple[int, int, layout.Cell, float]] = []  # first row, rows, cell, width
    lines: list[float] = []
    padding = metrics.padding_x_pt
    for index, (placed, measured_row) in enumerate(zip(places, measured_cells, strict=True)):
        loose: set[int] | None = None
        cells: list[layout.Cell] = []
        line = 0.0
        for place, measured in zip(placed, measured_row, strict=True):
            cell = place.cell
            if cell is not None:
                column, span = place.column, place.span
                width = widths[column] if span == 1 else sum(widths[column : column + span])
                limit = width - padding - measured.indent_pt + ROUNDING_PT
                size = measured.size_pt or metrics.size_pt
                bold = measured.bold
                for text in measured.paragraphs:
                    if unbreakable(text, size, bold=bold)[1] > limit:
                        loose = {column} if loose is None else loose | {column}
                        measured = _loosened(measured)
                        break
                if cell.rowspan > 1:  # measured against the rows it spans, below
                    spanning.append((index, cell.rowspan, measured, width))
                    measured = _empty(cell.colspan)
            cells.append(measured)
            pitch = measured.line_pt or line_height(measured.size_pt or metrics.size_pt)
            if pitch > line:  # the row's line: its cells' tallest (all are above zero)
                line = pitch
        rows_cells.append(cells)
        lines.append(line)
        loose_rows.append(frozenset(loose) if loose else no_loose)
    texts = measures.texts
    expected = [
        layout.row_height(cells, widths, metrics, expected=True, texts=texts)
        for cells in rows_cells
    ]
    for first_row, count, spanned, width in spanning:
        tall = layout.cell_height(spanned, width, metrics, expected=True, texts=texts)
        last = min(first_row + count, len(expected)) - 1
        expected[last] += max(
            tall + metrics.padding_y_pt - sum(expected[first_row : last + 1]), 0.0
        )
    surely = [
        layout.row_height(cells, widths, metrics, texts=texts)
        if height * SURELY_BOUND > page_pt / 2 or spanning
        else height * SURELY_BOUND
        for cells, height in zip(rows_cells, expected, strict=True)
    ]
    for first_row, count, spanned, width in spanning:
        tall = layout.cell_height(spanned, width, metrics, texts=texts)
        last = min(first_row + count, len(surely)) - 1
        surely[last] += max(tall + metrics.padding_y_pt - sum(surely[first_row : last + 1]), 0.0)
    return [
        RowLayout(row, high, most, line, loose)
        for row, high, most, line, loose in zip(
            rows, expected, surely, lines, loose_rows, strict=True
        )
    ]


def _loosened(cell: layout.Cell) -> layout.Cell:
    return replace(cell, paragraphs=tuple(loosened(text) for text in cell.paragraphs))
