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

from anticorrupt_plan.common.display import loosened
from anticorrupt_plan.core.metrics import (
    line_height,
    lines_expected,
    lines_needed,
    unbreakable_widths,
)
from anticorrupt_plan.document.tree import Cell, Heading, Paragraph, Row, Table, inline_text
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
    by its name (None: the default paragraph style)."""

    def __init__(
        self, format_of: Callable[[str | None], ParagraphFormat], margins: CellMargins
    ) -> None:
        self.format_of = format_of
        self.margins = margins
        self._cells: dict[tuple[int, bool], layout.Cell] = {}  # by the tree cell's id
        self._paragraphs: dict[tuple[Paragraph | Heading, bool], Measured] = {}
        self.headers: dict[tuple[object, ...], list[RowLayout]] = {}  # see table_layout

    def paragraph(self, paragraph: Paragraph | Heading, *, header: bool = False) -> Measured:
        """How ``paragraph`` is set (measured once for each paragraph of the same text)."""
        key = (paragraph, header)
        found = self._paragraphs.get(key)
        if found is None:
            found = self._paragraphs[key] = self._paragraph(paragraph, header=header)
        return found

    def _paragraph(self, paragraph: Paragraph | Heading, *, header: bool) -> Measured:
        style = self.format_of(paragraph.style)
        text = inline_text(paragraph.inlines)
        if style.first_line_pt < 0 and "\t" in text:
            text = text.partition("\t")[2]  # the label stands in the hanging indent
        text = text.replace("\t", " ")
        if header:
            text = header_text(text)
        bold = style.bold or any(getattr(item, "strong", False) for item in paragraph.inlines)
        pitch = style.line_exact_pt or line_height(style.size_pt) * style.line_multiple
        return Measured(
            text=text,
            indent_pt=style.left_pt + style.right_pt + max(style.first_line_pt, 0.0),
            spacing_pt=style.before_pt + style.after_pt,
            size_pt=style.size_pt,
            bold=bold,
            pitch_pt=pitch,
        )

    @property
    def table_metrics(self) -> layout.TableMetrics:
        margins = self.margins
        return layout.TableMetrics(
            size_pt=self.format_of(None).size_pt,
            padding_x_pt=margins.left_pt + margins.right_pt + CELL_SAFETY_PT,
            padding_y_pt=margins.top_pt + margins.bottom_pt,
            border_pt=margins.rule_pt,
        )

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
            return layout.Cell((), span=cell.colspan)
        return layout.Cell(
            tuple(m.text for m in measured),
            span=cell.colspan,
            bold=any(m.bold for m in measured),
            indent_pt=max(m.indent_pt for m in measured),
            spacing_pt=sum(m.spacing_pt for m in measured),
            size_pt=max(m.size_pt for m in measured),
            line_pt=max(m.pitch_pt for m in measured),
        )

    def rows(self, table: Table, *, body: bool = True) -> list[list[layout.Cell]]:
        """``table``'s rows as layout cells, each row filling every column: a column that a
        cell above spans into holds an empty cell. ``body``: the body rows too."""
        return [
            [
                self.cell(place.cell, header=row.header)
                if place.cell is not None
                else layout.Cell((), span=place.span)
                for place in placed
            ]
            for row, placed in zip(table.rows, grid(table), strict=True)
            if body or row.header
        ]


@dataclass(frozen=True)
class Placed:
    """A place in a row: the ``column`` where it starts, the ``span`` of columns it covers,
    and the tree's ``cell`` there, or None where a cell from a row above spans into it."""

    column: int
    span: int
    cell: Cell | None


def grid(table: Table) -> Iterator[list[Placed]]:
    """Each row's places in column order, those covered from above included."""
    width = len(table.columns)
    above: dict[int, tuple[int, int]] = {}  # column -> (rows still covered, span)
    for row in table.rows:
        placed: list[Placed] = []
        cells = iter(row.cells)
        column = 0
        while column < width:
            left, span = above.get(column, (0, 1))
            if left > 0:
                placed.append(Placed(column, span, None))
                above[column] = (left - 1, span)
                column += span
                continue
            cell = next(cells, None)
            if cell is None:
                break
            placed.append(Placed(column, cell.colspan, cell))
            above[column] = (cell.rowspan - 1, cell.colspan)
            column += cell.colspan
        yield placed


# --- decisions ---------------------------------------------------------------------------------


def column_widths(tables: Sequence[Table], total_twips: int, measures: Measures) -> list[int]:
    """Widths in twips for the columns of ``tables`` (tables that line up: the same
    columns and header rows), adding up to ``total_twips``. When every column gives its
    ``width``, those shares; else layout.py's widths from the text of every cell, the
    header rows' once."""
    columns = tables[0].columns
    if all(column.width is not None for column in columns):
        shares = [column.width or 0.0 for column in columns]
        return _whole([total_twips * share / sum(shares) for share in shares], total_twips)
    rows = measures.rows(tables[0], body=False)
    for table in tables:
        rows += [
            row
            for row, tree_row in zip(measures.rows(table), table.rows, strict=True)
            if not tree_row.header
        ]
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
    most) and which of its texts are written loose (their joined names broken where they
    must: ids of the tree's paragraphs)."""

    row: Row
    expected_pt: float
    surely_pt: float
    line_pt: float
    loose: frozenset[int]

    def fit(self) -> layout.RowFit:
        """The row for ``layout.Flow``: kept whole, free to break, or for it to decide."""
        keep = None if self.row.keep == "fit" else self.row.keep == "always"
        return layout.RowFit(self.expected_pt, self.surely_pt, self.line_pt, keep)


@dataclass(frozen=True)
class TableLayout:
    header_pt: float  # the header rows' height together, as expected
    header_surely_pt: float  # and at most
    rows: list[RowLayout]  # every row, header rows included

    @property
    def body(self) -> list[RowLayout]:
        return [row for row in self.rows if not row.row.header]


def table_layout(
    table: Table, widths_twips: Sequence[int], measures: Measures, *, page_pt: float
) -> TableLayout:
    """The heights of ``table``'s rows with these column widths, as expected and at most;
    a cell spanning several rows is measured against the rows it spans. A text holding a
    joined name wider than its cell's lines is measured, and written, loose.

    A row is measured at most (the slower count) only when that could decide whether it
    fits on a ``page_pt`` page: otherwise half again its expected height bounds it (the
    line counts' calibration: the most is within a quarter of the expected). The header
    rows of tables that share them are measured once."""
    header = tuple(row for row in table.rows if row.header)
    body = tuple(row for row in table.rows if not row.header)
    key = (table.columns, header, tuple(widths_twips))
    head = measures.headers.get(key)
    if head is None:
        head = measures.headers[key] = _rows_layout(
            Table(table.columns, header), widths_twips, measures, page_pt=page_pt
        )
    rows = [
        *head,
        *_rows_layout(Table(table.columns, body), widths_twips, measures, page_pt=page_pt),
    ]
    return TableLayout(
        header_pt=sum(row.expected_pt for row in head),
        header_surely_pt=sum(row.surely_pt for row in head),
        rows=rows,
    )


# Half again a row's expected height is at least its height at most (see table_layout).
SURELY_BOUND = 1.5


def _rows_layout(
    table: Table, widths_twips: Sequence[int], measures: Measures, *, page_pt: float
) -> list[RowLayout]:
    widths = [width / TWIPS_PER_POINT for width in widths_twips]
    metrics = measures.table_metrics
    loose_rows: list[frozenset[int]] = []
    rows_cells: list[list[layout.Cell]] = []
    spanning: list[tuple[int, int, layout.Cell, float]] = []  # first row, rows, cell, width
    lines: list[float] = []
    for index, (row, placed) in enumerate(zip(table.rows, grid(table), strict=True)):
        loose: set[int] = set()
        cells: list[layout.Cell] = []
        for place in placed:
            cell = place.cell
            if cell is None:
                cells.append(layout.Cell((), span=place.span))
                continue
            width = sum(widths[place.column : place.column + place.span])
            measured = measures.cell(cell, header=row.header)
            room = width - metrics.padding_x_pt - measured.indent_pt
            size = measured.size_pt or metrics.size_pt
            held = (
                unbreakable_widths(text, size, bold=measured.bold)[1]
                for text in measured.paragraphs
            )
            if any(phrase > room + ROUNDING_PT for phrase in held):
                loose |= {id(paragraph) for paragraph in cell.paragraphs}
                measured = _loosened(measured)
            if cell.rowspan > 1:  # measured against the rows it spans, below
                spanning.append((index, cell.rowspan, measured, width))
                measured = layout.Cell((), span=cell.colspan)
            cells.append(measured)
        rows_cells.append(cells)
        lines.append(max((c.line_pt or line_height(c.size_pt or metrics.size_pt)) for c in cells))
        loose_rows.append(frozenset(loose))
    expected = [layout.row_height(cells, widths, metrics, expected=True) for cells in rows_cells]
    for first_row, count, spanned, width in spanning:
        tall = layout.cell_height(spanned, width, metrics, expected=True)
        last = min(first_row + count, len(expected)) - 1
        expected[last] += max(
            tall + metrics.padding_y_pt - sum(expected[first_row : last + 1]), 0.0
        )
    surely = [
        layout.row_height(cells, widths, metrics)
        if height * SURELY_BOUND > page_pt / 2 or spanning
        else height * SURELY_BOUND
        for cells, height in zip(rows_cells, expected, strict=True)
    ]
    for first_row, count, spanned, width in spanning:
        tall = layout.cell_height(spanned, width, metrics)
        last = min(first_row + count, len(surely)) - 1
        surely[last] += max(tall + metrics.padding_y_pt - sum(surely[first_row : last + 1]), 0.0)
    return [
        RowLayout(row, high, most, line, loose)
        for row, high, most, line, loose in zip(
            table.rows, expected, surely, lines, loose_rows, strict=True
        )
    ]


def _loosened(cell: layout.Cell) -> layout.Cell:
    return replace(cell, paragraphs=tuple(loosened(text) for text in cell.paragraphs))
