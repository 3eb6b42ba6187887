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
   gives and its widest unbreakable unit: a Latin word or a number, or a phrase held
   together (a joined name, a year range: ``common.display``) that occurs in the column.
   Columns of one group (the years) get the widest floor of the group.
2. When the floors do not fit the width, short columns wrap at their spaces first (each
   as wide as its widest word), then the held-together phrases give way (they may then
   break at their own word boundaries), then every floor shrinks in proportion.
3. The rest of the width goes to the text columns (a group's together) in small steps,
   each to the column where it shortens the table most by a smooth estimate of the rows'
   heights (each row as tall as a soft maximum of its cells), so that space goes where
   rows are long. The rows with the most text decide (:data:`SAMPLE_ROWS`).

Cells that span several columns (a target shown once across the year columns, a merged
header) are measured across the columns they span and do not make a column short.

Rows (:func:`row_height`, :func:`keep_row_whole`): a row is as tall as its tallest cell's
lines plus the cell padding, at most (``core.metrics.lines_needed``) or as expected
(``lines_expected``). Pages (:class:`Flow`): a section's blocks are followed down its
pages with their expected heights, to decide which rows are kept whole: a row that fits
where it stands is, one that does not breaks across the page only when enough of it
stands on each page, else it moves to the next page whole with the heading kept with it.
A row that must break (taller than a page with what stands with it) and would leave too
little of it on one page is written as two rows, parted where the flow says
(``writers/_split.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from anticorrupt_plan.core.metrics import (
    line_height,
    lines_expected,
    lines_needed,
    on_one_line,
    text_width,
    unbreakable_widths,
)

# A column whose every line is at most this wide (in em) is sized to its content. Years,
# percentages, short counts: "ร้อยละ ๑๐๐" is 3.4 em.
SHORT_COLUMN_EM = 6.0
# Room a short column keeps beyond its longest value, and a column beyond the widest phrase
# it keeps whole, for rounding to twips: they must not wrap by a hair.
SHORT_SPARE_PT = 0.2
# The rest of the width is handed out in about this many steps.
STEPS = 40
# The room a line of Thai loses on average to the word carried over whole, for choosing
# widths: an expected loss, where deciding whether a row fits a page takes the worst one.
EXPECTED_SLACK_EM = 0.8
# How a row's cells add up to the row's height in the smooth estimate: the root of the sum
# of their heights to this power, near the tallest cell's height.
SOFT_MAX_POWER = 8
# At most this many rows, the ones with the most text, decide the widths: the tallest rows
# are the ones that matter, and a plan of thousands of rows is laid out in good time.
SAMPLE_ROWS = 120


@dataclass(frozen=True)
class Cell:
    """A table cell's text: its paragraphs, whether bold, how many columns it spans, and how
    its paragraphs are set: the room their indents take from each line, the space before
    and after them together, their size and line pitch (None: the table's)."""

    paragraphs: tuple[str, ...]
    span: int = 1
    bold: bool = False
    indent_pt: float = 0.0
    spacing_pt: float = 0.0
    size_pt: float | None = None
    line_pt: float | None = None

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


class TextMeasures:
    """Each text's width on one line and the widest stretches of it that no line may break
    (``core.metrics.unbreakable_widths``), measured once for each size and weight: a
    document's writer keeps one for all its tables."""

    def __init__(self) -> None:
        # By size and weight, then by text: a document sets most of its text alike.
        self._widths: dict[tuple[float, bool], dict[str, float]] = {}
        self._unbreakable: dict[tuple[float, bool], dict[str, tuple[float, float]]] = {}

    def width(self, text: str, size_pt: float, *, bold: bool = False) -> float:
        widths = self._widths.get((size_pt, bold))
        if widths is None:
            widths = self._widths[(size_pt, bold)] = {}
        found = widths.get(text)
        if found is None:
            found = widths[text] = text_width(text, size_pt, bold=bold)
        return found

    def lines(
        self, text: str, width_pt: float, size_pt: float, *, bold: bool, expected: bool
    ) -> int:
        """``core.metrics.lines_expected`` (or ``lines_needed``) of ``text``."""
        width = self.width(text, size_pt, bold=bold)
        if on_one_line(text, width_pt, size_pt, bold=bold, text_width_pt=width):
            return 1
        count = lines_expected if expected else lines_needed
        return count(text, width_pt, size_pt, bold=bold, text_width_pt=width)

    def unbreakable(self, text: str, size_pt: float, *, bold: bool = False) -> tuple[float, float]:
        known = self._unbreakable.get((size_pt, bold))
        if known is None:
            known = self._unbreakable[(size_pt, bold)] = {}
        found = known.get(text)
        if found is None:
            found = known[text] = unbreakable_widths(text, size_pt, bold=bold)
        return found


def _positions(row: Sequence[Cell]) -> list[tuple[int, Cell]]:
    """Each cell of ``row`` with the index of the first column it covers."""
    found = []
    column = 0
    for cell in row:
        found.append((column, cell))
        column += cell.span
    return found


def cell_lines(
    cell: Cell,
    width_pt: float,
    metrics: TableMetrics,
    *,
    expected: bool = False,
    texts: TextMeasures | None = None,
) -> int:
    """The lines ``cell`` takes in a cell ``width_pt`` wide (its padding included): at most
    (the default), or as many as expected (``core.metrics.lines_expected``). ``texts``: the
    measures of texts kept from other cells."""
    room = max(width_pt - metrics.padding_x_pt - cell.indent_pt, 1.0)
    size = cell.size_pt or metrics.size_pt
    bold = cell.bold
    if texts is not None:
        lines = texts.lines
        return (
            sum(lines(text, room, size, bold=bold, expected=expected) for text in cell.paragraphs)
            or 1
        )
    count = lines_expected if expected else lines_needed
    return sum(count(text, room, size, bold=bold) for text in cell.paragraphs) or 1


def cell_height(
    cell: Cell,
    width_pt: float,
    metrics: TableMetrics,
    *,
    expected: bool = False,
    texts: TextMeasures | None = None,
) -> float:
    """How tall ``cell``'s text is in a cell ``width_pt`` wide: its lines and the space
    around its paragraphs, in points (the cell's padding not included)."""
    pitch = cell.line_pt or line_height(cell.size_pt or metrics.size_pt)
    lines = cell_lines(cell, width_pt, metrics, expected=expected, texts=texts)
    return lines * pitch + cell.spacing_pt


def row_height(
    row: Sequence[Cell],
    widths: Sequence[float],
    metrics: TableMetrics,
    *,
    expected: bool = False,
    texts: TextMeasures | None = None,
) -> float:
    """How tall ``row`` is with these column widths, in points: its tallest cell, the cell
    padding and the rule below it; at most, or as expected."""
    if texts is None:
        texts = TextMeasures()
    lines = texts.lines
    padding = metrics.padding_x_pt
    tallest = 0.0
    column = 0
    for cell in row:  # each as cell_height measures it
        span = cell.span
        width = widths[column] if span == 1 else sum(widths[column : column + span])
        column += span
        room = max(width - padding - cell.indent_pt, 1.0)
        size = cell.size_pt or metrics.size_pt
        bold = cell.bold
        count = 0
        for text in cell.paragraphs:
            count += lines(text, room, size, bold=bold, expected=expected)
        pitch = cell.line_pt or line_height(size)
        height = (count or 1) * pitch + cell.spacing_pt
        if height > tallest:
            tallest = height
    return tallest + metrics.padding_y_pt + metrics.border_pt


def keep_row_whole(
    row_pt: float, *, header_pt: float, page_pt: float, heading_pt: float = 0.0
) -> bool:
    """Whether a row is kept from breaking across pages: when it fits on a page below the
    repeated header rows (``header_pt``) and whatever is kept with it above (``heading_pt``:
    the heading before a table's first row). A row that cannot fit must break."""
    return heading_pt + header_pt + row_pt <= page_pt


def _unbreakable(
    cell: Cell, size: float, keep_whole: Sequence[str], texts: TextMeasures
) -> tuple[float, float]:
    """The widest parts of ``cell``'s lines that a line may not break, its indent included:
    a word without Thai letters (a number, a Latin word), and a phrase held together (by a
    joiner or a no-break space, or one of ``keep_whole`` that occurs in it)."""
    size = cell.size_pt or size
    word = phrase = 0.0
    for text in cell.paragraphs:
        found_word, found_phrase = texts.unbreakable(text, size, bold=cell.bold)
        word, phrase = max(word, found_word), max(phrase, found_phrase)
        for kept in keep_whole:
            if kept and kept in text:
                phrase = max(phrase, texts.width(kept, size, bold=cell.bold))
    return word + cell.indent_pt, max(word, phrase) + cell.indent_pt


def column_widths(
    rows: Sequence[Sequence[Cell]],
    total_pt: float,
    *,
    minimum: Sequence[float],
    metrics: TableMetrics,
    keep_whole: Sequence[str] = (),
    same: Sequence[Sequence[int]] = (),
    texts: TextMeasures | None = None,
) -> list[float]:
    """Widths (points) for a table's columns that add up to ``total_pt``, chosen from
    the cells' text so that the rows' tallest cells are as short as they can be (see the
    module's notes). ``minimum`` gives each column's narrowest width; ``keep_whole`` the
    phrases a text column should be wide enough to hold on one line; ``same`` groups of
    short columns to be given one width, the widest of theirs (the year columns);
    ``texts`` the measures of texts kept from other tables.
    """
    texts = texts or TextMeasures()
    count = len(minimum)
    size = metrics.size_pt
    padding = metrics.padding_x_pt
    # Each column's cells that span it alone, each once (tables share cells written alike):
    # what is taken of them below is the most of each, which no repeat changes.
    found: list[dict[int, Cell]] = [{} for _ in range(count)]
    for row in rows:
        column = 0
        for cell in row:
            if cell.span == 1 and column < count:
                found[column][id(cell)] = cell
            column += cell.span
    single = [list(cells.values()) for cells in found]
    longest = [
        max(
            (
                texts.width(p, c.size_pt or size, bold=c.bold) + c.indent_pt
                for c in cells
                for p in c.paragraphs
            ),
            default=0.0,
        )
        for cells in single
    ]
    short = [bool(cells) and longest[i] <= SHORT_COLUMN_EM * size for i, cells in enumerate(single)]
    unbreakable = [
        [_unbreakable(cell, size, keep_whole, texts) for cell in cells] for cells in single
    ]
    words = [max((word for word, _ in found), default=0.0) for found in unbreakable]
    phrases = [max((phrase for _, phrase in found), default=0.0) for found in unbreakable]
    # A short column wrapped at its spaces: its widest space-separated word.
    tokens = [
        max(
            (
                texts.width(token, c.size_pt or size, bold=c.bold) + c.indent_pt
                for c in cells
                for p in c.paragraphs
                for token in p.replace("\u200b", " ").split()
            ),
            default=0.0,
        )
        if short[i]
        else 0.0
        for i, cells in enumerate(single)
    ]
    base = [
        max(minimum[i], tokens[i] + padding + SHORT_SPARE_PT)
        if short[i]
        else max(minimum[i], words[i] + padding)
        for i in range(count)
    ]
    named = [
        base[i] if short[i] else max(base[i], phrases[i] + padding + SHORT_SPARE_PT)
        for i in range(count)
    ]
    desired = [
        max(named[i], longest[i] + padding + SHORT_SPARE_PT) if short[i] else named[i]
        for i in range(count)
    ]
    for group in same:
        if not all(short[i] for i in group):
            for i in group:
                short[i] = False  # a group grows together, or not at all
        for floor in (base, named, desired):
            widest = max(floor[i] for i in group)
            for i in group:
                floor[i] = widest
    if sum(desired) <= total_pt:
        floors = desired
    elif sum(named) <= total_pt:
        floors = named  # short columns wrap rather than names break
    else:
        floors = _fit_floors(base, named, total_pt)
    return _grow(rows, floors, total_pt, short=short, same=same, metrics=metrics, texts=texts)


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


@dataclass(frozen=True)
class _Estimate:
    """A cell's height as a smooth function of its width, for choosing widths: its text's
    width spread over the room a line leaves (the average loss to a word carried over
    taken off), so that any widening of a tall cell shows. Whole lines decide whether a
    row fits a page (:func:`cell_height`)."""

    widths: tuple[float, ...]  # each paragraph's text on one line, in points
    room_off: float  # padding and indents
    widest: float  # the widest stretch no line may break
    pitch: float
    spacing: float
    size: float

    @staticmethod
    def of(cell: Cell, metrics: TableMetrics, texts: TextMeasures) -> _Estimate:
        size = cell.size_pt or metrics.size_pt
        widest = max(
            (max(texts.unbreakable(text, size, bold=cell.bold)) for text in cell.paragraphs),
            default=0.0,
        )
        return _Estimate(
            widths=tuple(texts.width(text, size, bold=cell.bold) for text in cell.paragraphs),
            room_off=metrics.padding_x_pt + cell.indent_pt,
            widest=widest,
            pitch=cell.line_pt or line_height(size),
            spacing=cell.spacing_pt,
            size=size,
        )

    def height(self, width: float) -> float:
        room = max(width - self.room_off, 1.0)
        usable = max(room - EXPECTED_SLACK_EM * self.size, 1.0)
        widths = self.widths
        if len(widths) == 1:  # as the sum below would have it
            lines = max(1.0, widths[0] / usable)
        else:
            lines = sum(max(1.0, text / usable) for text in widths) or 1.0
        if room < self.widest:  # a word or a name that must break: worse than any line
            lines += 2 * self.widest / room
        return lines * self.pitch + self.spacing


def _grow(
    rows: Sequence[Sequence[Cell]],
    floors: list[float],
    total: float,
    *,
    short: Sequence[bool],
    same: Sequence[Sequence[int]],
    metrics: TableMetrics,
    texts: TextMeasures,
) -> list[float]:
    """Hand the width above the floors to the text columns (a group's together) in steps,
    each where it shortens the rows most by a smooth estimate of their heights, each row
    counting its tallest cells (a soft maximum)."""
    widths = list(floors)
    free = total - sum(widths)
    grouped = {i: tuple(group) for group in same for i in group}
    growing: list[tuple[int, ...]] = []
    for i, is_short in enumerate(short):
        unit = grouped.get(i, (i,))
        if not is_short and unit not in growing:
            growing.append(unit)
    if not growing:
        growing = [(i,) for i in range(len(widths))]
    if free <= 0:
        return widths
    sample = sorted(
        rows,
        key=lambda row: -sum(len(p) for cell in row for p in cell.paragraphs),
    )[:SAMPLE_ROWS]
    placed = [_positions(row) for row in sample]
    estimates = [
        [(column, cell.span, _Estimate.of(cell, metrics, texts)) for column, cell in row]
        for row in placed
    ]

    def power(est: _Estimate, ws: Sequence[float], column: int, span: int) -> float:
        return float(est.height(sum(ws[column : column + span])) ** SOFT_MAX_POWER)

    # Each row's cells' heights to the power, summed: a step changes only the cells it widens.
    powers = [[power(est, widths, col, span) for col, span, est in row] for row in estimates]
    touching = {
        unit: [
            [k for k, (col, span, _) in enumerate(row) if any(col <= c < col + span for c in unit)]
            for row in estimates
        ]
        for unit in growing
    }

    def smooth(ws: Sequence[float], unit: tuple[int, ...]) -> tuple[float, list[list[float]]]:
        """The soft-maximum height of the rows with ``ws``, where only ``unit``'s cells
        differ from the current widths; and the cells' powers."""
        total = 0.0
        found = []
        for r, row in enumerate(estimates):
            row_powers = powers[r]
            changed = touching[unit][r]
            if changed:
                row_powers = list(row_powers)
                for k in changed:
                    col, span, est = row[k]
                    row_powers[k] = power(est, ws, col, span)
            found.append(row_powers)
            total += sum(row_powers) ** (1 / SOFT_MAX_POWER)
        return total, found

    def moved(ws: Sequence[float], unit: tuple[int, ...], amount: float) -> list[float]:
        trial = list(ws)
        for column in unit:
            trial[column] += amount / len(unit)
        return trial

    step = free / STEPS
    for _ in range(STEPS):
        best = None
        for unit in growing:
            trial = moved(widths, unit, step)
            score, found = smooth(trial, unit)
            if best is None or score < best[0]:
                best = (score, trial, found)
        assert best is not None
        _, widths, powers = best
    last = growing[-1]
    for column in last:  # what rounding left over
        widths[column] += (total - sum(widths)) / len(last)
    return widths


# --- pages -------------------------------------------------------------------------------------

# A piece of a row on a page, at the foot of one or carried over to the next, is at least
# this many lines (the acceptance checks on rendered pages: three), with this many more to spare
# for what the expected heights get wrong.
FEWEST_LINES = 3.0
SPARE_LINES = 2.0
# A paragraph of this many lines or fewer never breaks across pages (with widow and orphan
# control, each page would keep two of its lines).
UNBROKEN_LINES = 3


@dataclass(frozen=True)
class RowFit:
    """A body row's heights: as expected (``expected_pt``) and at most (``surely_pt``),
    the height of one of its lines, whether it must be kept whole (True), must be free
    to break (False) or is left to the flow to decide (None), and whether it is kept on
    the page of the row after it."""

    expected_pt: float
    surely_pt: float
    line_pt: float
    keep: bool | None = None
    with_next: bool = False  # kept on the page of the row after it


class Flow:
    """Where a section's blocks fall on its pages, followed block by block with their
    expected heights, to decide which table rows are kept whole.

    A row that fits where it stands is kept whole (should it be a little taller than
    expected, it moves to the next page rather than leave a scrap there). A row that does
    not fit may break across the page when enough of it stands on each side (see
    :data:`FEWEST_LINES`); else it is kept whole and moves to the next page, with the
    heading kept with its table when it is the table's first row. A row taller than a page
    below the header rows must break, and is written as two rows where it would leave too
    little of it on one page. Paragraphs and rows kept with the next move with it.
    """

    def __init__(self, page_pt: float) -> None:
        self.page = page_pt
        self.y = 0.0  # how far down the current page
        self.kept = 0.0  # the height of the paragraphs just placed that keep with the next

    def paragraph(
        self, height: float, *, lines: int, keep_next: bool, page_break_before: bool
    ) -> None:
        """Place a paragraph (a heading, a list item, an image) ``height`` tall, of
        ``lines`` lines: one of up to three moves to the next page whole rather than leave
        a line alone on either (widow and orphan control), a longer one breaks."""
        if page_break_before and self.y > 0:
            self.y, self.kept = 0.0, 0.0
        if self.y + height > self.page:
            if lines <= UNBROKEN_LINES:
                moving = self.kept + height
                self.y = moving if moving <= self.page else height  # with what it keeps with
            else:
                self.y = max(self.y + height - self.page, 0.0)  # broken across the page
            self.kept = self.y if keep_next else 0.0
            return
        self.y += height
        self.kept = self.kept + height if keep_next else 0.0

    def table(
        self,
        header_pt: float,
        rows: Sequence[RowFit],
        split: Callable[[int, float], float | None] | None = None,
    ) -> Placement:
        """Place a table with header rows ``header_pt`` tall and ``rows``: whether to keep
        each row whole, which rows to write as two, and how to place the paragraphs kept
        with the table. The header rows stand with the first row, and with those
        paragraphs; they stand again at the top of each page the table runs onto.

        ``split(index, first_pt)`` writes the row at ``index`` as two, the first part
        ``first_pt`` tall as expected, and gives the second part's expected height; or
        declines, with None (the row then breaks where the page fills)."""
        decided = []
        parts: list[float | None] = []
        heading = self.kept
        new_page = False
        carried = 0.0  # the rows just placed that keep with the next, and move with it
        for index, row in enumerate(rows):
            first = index == 0
            before = (heading if first else 0.0) + header_pt  # what moves with it
            top = header_pt if first else 0.0  # on this page, before the row's lines
            least = (FEWEST_LINES + SPARE_LINES) * row.line_pt
            fits_a_page = before + row.surely_pt <= self.page
            room = self.page - self.y - top
            part: float | None = None
            rest_pt: float | None = None
            if row.keep is not None:
                keep = row.keep
            elif row.expected_pt + SPARE_LINES * row.line_pt <= room:
                keep = fits_a_page  # it fits where it stands
            elif not fits_a_page:
                keep = False  # it must break: where it starts, enough of it on each page
                if first and room < least and self.y > heading:
                    new_page = True  # the heading and the table start the next page
                    self.y = heading
                    room = self.page - self.y - top
                part = self._part_here(row, room, header_pt)
                rest_pt = split(index, part) if part is not None and split is not None else None
                if rest_pt is None:
                    part = None
            else:  # broken here when enough of it stands on each page
                keep = room < least or row.expected_pt - room < least
            decided.append(keep)
            parts.append(part)
            if part is not None and row.expected_pt > room:  # the rest on the next page
                self.y = header_pt + (rest_pt or 0.0)
            elif row.expected_pt <= room:  # whole here, or both parts as expected
                self.y += top + row.expected_pt
            elif keep:  # on the next page, whole, with the rows kept with it if they fit
                moving = before + carried + row.expected_pt
                self.y = moving if moving <= self.page else before + row.expected_pt
            else:
                rest = row.expected_pt - max(room, 0.0)
                page = self.page - header_pt
                self.y = header_pt + (rest % page if page > 0 else rest)
            if row.with_next:  # the heading too, when the rows kept with it reach the first
                carried = (heading if first else 0.0) + carried + row.expected_pt
            else:
                carried = 0.0
        self.kept = 0.0
        return Placement(decided, new_page, parts)

    def _part_here(self, row: RowFit, room: float, header_pt: float) -> float | None:
        """For a row that must break, with ``room`` left on this page: the height of the
        part to write here as a row of its own when the page would break the row with too
        little of it on either side (a renderer breaks a row where the page fills, and
        LibreOffice keeps no widow or orphan lines in a table cell); else None. The part
        here is as tall as the room, or shorter, leaving the rest a line more than
        :data:`FEWEST_LINES` as expected (it is measured as its text is parted, where the
        height of what stands before it is not), and it may still break should it come
        out taller than expected (its last lines then go before the rest). The rest is
        kept whole and must fit below the header rows on the next page."""
        line = row.line_pt
        least = (FEWEST_LINES + SPARE_LINES) * line
        if room >= least and row.expected_pt - room >= least:
            return None  # enough of it stands on each page as it breaks
        here = min(room, row.expected_pt - (FEWEST_LINES + 1) * line)
        if here < FEWEST_LINES * line or row.expected_pt - here > self.page - header_pt:
            return None
        return here


@dataclass(frozen=True)
class Placement:
    """How a table is placed: whether each row is kept whole, and whether the paragraphs
    kept with it start a new page (when its first row must break and too little of it
    would stand below them)."""

    keep: list[bool]
    new_page: bool = False
    # For each row written as two, the first part's height as expected; None for the others.
    parts: list[float | None] | None = None
