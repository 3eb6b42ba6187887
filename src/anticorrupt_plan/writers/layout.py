"""Layout decisions for tables, made from measured text: column widths, row heights, and
which rows to keep whole on a page. Pure functions in points; no python-docx.

Every measure comes from :mod:`anticorrupt_plan.core.metrics`: TH Sarabun New's own
advance widths and line height, scaled to the text's size, and a line count that errs
on the side of more lines. So a decision made here holds in Word with TH SarabunIT๙ and in
LibreOffice with its metric twin, and never relies on a font that is half again as large.

Column widths (:func:`column_widths`), in three steps:

1. Each column gets a floor. A *short* column, one whose every cell line is short (a
   year's target such as ``ร้อยละ ๑๐๐``, a year), is exactly as wide as its longest line
   plus the cell padding, and no wider: its values never wrap, and it takes no more of the
   page than they need. A *text* column's floor is the larger of the minimum the caller
   gives and its widest unbreakable unit: a Latin word or a number, or a phrase the caller
   keeps whole (the organization's name, a year range) that occurs in the column.
2. When the floors do not fit the width, the kept-whole phrases give way first (they may
   then break at their own word boundaries), then every floor shrinks in proportion.
3. The rest of the width goes to the text columns in small steps, each step to the column
   where it shortens the table most: the sum over rows of each row's tallest cell, in
   lines. A step that shortens nothing goes to the column whose cells are tallest against
   their row's tallest cell, so that space goes where rows are long. This minimises the
   tallest cells of the rows, not any one column's, which is what decides the page count.

Cells that span several columns (a target shown once across the year columns, a merged
header) are measured across the columns they span and do not make a column short.

Rows (:func:`row_height`, :func:`keep_row_whole`): a row is as tall as its tallest cell's
lines plus the cell padding; it is kept from breaking across pages when it fits on a page
below the repeated header rows (and, for a table's first row, below the heading kept with
the table), so that a page never starts with a header and a scrap of a row that could have
stood whole. A row taller than that must break, and does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from anticorrupt_plan.core.metrics import line_height, lines_needed, text_width

# A column whose every line is at most this wide (in em) is sized to its content. Years,
# percentages, short counts: "ร้อยละ ๑๐๐" is 3.4 em.
SHORT_COLUMN_EM = 6.0
# The rest of the width is handed out in about this many steps.
STEPS = 40
# At most this many rows, the ones with the most text, decide the widths: the tallest rows
# are the ones that matter, and a plan of thousands of rows is laid out in good time.
SAMPLE_ROWS = 200


@dataclass(frozen=True)
class Cell:
    """A table cell's text: its paragraphs, whether bold, how many columns it spans."""

    paragraphs: tuple[str, ...]
    span: int = 1
    bold: bool = False

    @staticmethod
    def of(*paragraphs: str, span: int = 1, bold: bool = False) -> Cell:
        return Cell(tuple(paragraphs), span=span, bold=bold)


@dataclass(frozen=True)
class TableMetrics:
    """How a table's cells are set: text size and the padding inside each cell (points)."""

    size_pt: float
    padding_x_pt: float  # left and right padding together
    padding_y_pt: float = 0.0  # top and bottom padding together
    border_pt: float = 0.0  # the rule between two rows


def _positions(row: Sequence[Cell]) -> list[tuple[int, Cell]]:
    """Each cell of ``row`` with the index of the first column it covers."""
    found = []
    column = 0
    for cell in row:
        found.append((column, cell))
        column += cell.span
    return found


def cell_lines(cell: Cell, width_pt: float, metrics: TableMetrics) -> int:
    """The lines ``cell`` takes in a cell ``width_pt`` wide (its padding included)."""
    room = max(width_pt - metrics.padding_x_pt, 1.0)
    return (
        sum(
            lines_needed(paragraph, room, metrics.size_pt, bold=cell.bold)
            for paragraph in cell.paragraphs
        )
        or 1
    )


def row_height(row: Sequence[Cell], widths: Sequence[float], metrics: TableMetrics) -> float:
    """How tall ``row`` is with these column widths, in points: its tallest cell's lines
    at TH Sarabun's line height, the cell padding and the rule below it."""
    lines = 0
    for column, cell in _positions(row):
        width = sum(widths[column : column + cell.span])
        lines = max(lines, cell_lines(cell, width, metrics))
    return lines * line_height(metrics.size_pt) + metrics.padding_y_pt + metrics.border_pt


def keep_row_whole(
    row_pt: float, *, header_pt: float, page_pt: float, heading_pt: float = 0.0
) -> bool:
    """Whether a row is kept from breaking across pages: when it fits on a page below the
    repeated header rows (``header_pt``) and whatever is kept with it above (``heading_pt``:
    the heading before a table's first row). A row that cannot fit must break."""
    return heading_pt + header_pt + row_pt <= page_pt


def _unbreakable(text: str, size: float, bold: bool, keep_whole: Sequence[str]) -> float:
    """The widest part of ``text`` a line may not break: a word without Thai letters (a
    number, a Latin word) or a kept-whole phrase that occurs in it."""
    widest = 0.0
    for word in text.replace("\u200b", " ").split():
        if not any("\u0e00" <= char <= "\u0e7f" for char in word):
            widest = max(widest, text_width(word, size, bold=bold))
    for phrase in keep_whole:
        if phrase and phrase in text:
            widest = max(widest, text_width(phrase, size, bold=bold))
    return widest


def column_widths(
    rows: Sequence[Sequence[Cell]],
    total_pt: float,
    *,
    minimum: Sequence[float],
    metrics: TableMetrics,
    keep_whole: Sequence[str] = (),
    same: Sequence[Sequence[int]] = (),
) -> list[float]:
    """Widths (points) for a table's columns that add up to ``total_pt``, chosen from
    the cells' text so that the rows' tallest cells are as short as they can be (see the
    module's notes). ``minimum`` gives each column's narrowest width; ``keep_whole`` the
    phrases a text column should be wide enough to hold on one line; ``same`` groups of
    short columns to be given one width, the widest of theirs (the year columns).
    """
    count = len(minimum)
    size = metrics.size_pt
    padding = metrics.padding_x_pt
    single: list[list[Cell]] = [[] for _ in range(count)]
    for row in rows:
        for column, cell in _positions(row):
            if cell.span == 1 and column < count:
                single[column].append(cell)
    longest = [
        max(
            (text_width(p, size, bold=c.bold) for c in cells for p in c.paragraphs),
            default=0.0,
        )
        for cells in single
    ]
    short = [bool(cells) and longest[i] <= SHORT_COLUMN_EM * size for i, cells in enumerate(single)]
    essential = [
        max(minimum[i], longest[i] + padding) if short[i] else minimum[i] for i in range(count)
    ]
    words = [
        max(
            (_unbreakable(p, size, c.bold, ()) for c in cells for p in c.paragraphs),
            default=0.0,
        )
        for cells in single
    ]
    essential = [
        essential[i] if short[i] else max(essential[i], words[i] + padding) for i in range(count)
    ]
    for group in same:
        if all(short[i] for i in group):
            widest = max(essential[i] for i in group)
            for i in group:
                essential[i] = widest
    phrases = [
        max(
            (_unbreakable(p, size, c.bold, keep_whole) for c in cells for p in c.paragraphs),
            default=0.0,
        )
        for cells in single
    ]
    desired = [
        essential[i] if short[i] else max(essential[i], phrases[i] + padding) for i in range(count)
    ]
    floors = _fit_floors(essential, desired, total_pt)
    return _grow(rows, floors, total_pt, short=short, metrics=metrics)


def _fit_floors(essential: list[float], desired: list[float], total: float) -> list[float]:
    """The desired floors, or, when they do not fit ``total``, as much of each desired
    width above the essential one as fits (in proportion), or when even the essential
    floors do not fit, those floors shrunk in proportion."""
    if sum(desired) <= total:
        return desired
    if sum(essential) <= total:
        extra = sum(desired) - sum(essential)
        share = (total - sum(essential)) / extra if extra else 0.0
        return [e + (d - e) * share for e, d in zip(essential, desired, strict=True)]
    scale = total / sum(essential)
    return [e * scale for e in essential]


def _grow(
    rows: Sequence[Sequence[Cell]],
    floors: list[float],
    total: float,
    *,
    short: Sequence[bool],
    metrics: TableMetrics,
) -> list[float]:
    """Hand the width above the floors to the text columns, step by step, each step where
    it shortens the rows most."""
    widths = list(floors)
    free = total - sum(widths)
    growing = [i for i, is_short in enumerate(short) if not is_short] or list(range(len(widths)))
    if free <= 0:
        return widths
    sample = sorted(
        rows,
        key=lambda row: -sum(text_width(p, 1.0) for cell in row for p in cell.paragraphs),
    )[:SAMPLE_ROWS]
    placed = [_positions(row) for row in sample]
    cache: dict[tuple[int, int, float], int] = {}

    def lines(row_index: int, cell_index: int, width: float) -> int:
        key = (row_index, cell_index, round(width, 3))
        found = cache.get(key)
        if found is None:
            cell = placed[row_index][cell_index][1]
            found = cache[key] = cell_lines(cell, width, metrics)
        return found

    def cell_width(ws: Sequence[float], column: int, span: int) -> float:
        return sum(ws[column : column + span])

    def table_lines(ws: Sequence[float]) -> int:
        return sum(
            max(
                (lines(r, k, cell_width(ws, col, cell.span)) for k, (col, cell) in enumerate(row)),
                default=0,
            )
            for r, row in enumerate(placed)
        )

    def demand(ws: Sequence[float], column: int) -> float:
        """How much column's cells set the height of their rows."""
        found = 0.0
        for r, row in enumerate(placed):
            heights = [lines(r, k, cell_width(ws, col, c.span)) for k, (col, c) in enumerate(row)]
            tallest = max(heights, default=1)
            for k, (col, cell) in enumerate(row):
                if col <= column < col + cell.span:
                    found += heights[k] / tallest
        return found

    step = free / STEPS
    current = table_lines(widths)
    for _ in range(STEPS):
        best, best_lines = -1, current
        for column in growing:
            trial = list(widths)
            trial[column] += step
            found = table_lines(trial)
            if found < best_lines:
                best, best_lines = column, found
        if best < 0:
            best = max(growing, key=lambda column: (demand(widths, column), -column))
        widths[best] += step
        current = table_lines(widths)
    widths[growing[-1]] += total - sum(widths)  # what rounding left over
    return widths
