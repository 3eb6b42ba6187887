"""A table row written as two rows where a page must break it (``layout.Flow`` decides
where): the first part no taller than what is left of the page, the rest, kept whole, on
the next page. A renderer breaks a row where the page fills, and LibreOffice keeps no widow or
orphan lines in its cells, which can leave a line of it alone under the header rows
repeated on the next page; written as two rows, the row breaks where the writer chose.
The two parts have no rule between them, so that they read as one row wherever they fall.

Each cell's paragraphs go to the first part while they fit as expected (the first part may
still break, should it come out taller: its last lines then go before the second part).
The paragraph that does not fit is cut after the last space (or zero-width space) that
leaves its first lines within the room, with at least :data:`FEWEST_PARAGRAPH_LINES` lines on
each side (widow and orphan control); else it goes whole to the second part, with the
paragraphs after it. The rest of a list item (its label in a hanging indent, before a tab)
starts with a tab, so that it stands under the item's text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from anticorrupt_plan.core.metrics import BREAK_AFTER
from anticorrupt_plan.document.tree import Cell, Inline, Paragraph, Row, Tab, Text, inline_text
from anticorrupt_plan.writers._measure import Measured, Measures, Placed

# A paragraph cut in two keeps at least this many lines on each side.
FEWEST_PARAGRAPH_LINES = 2


@dataclass(frozen=True)
class Parts:
    """A row written as two: its ``first`` part, the ``rest``, and the rest's height as
    expected."""

    first: Row
    rest: Row
    rest_pt: float


def split_row(
    row: Row,
    placed: Sequence[Placed],
    widths_pt: Sequence[float],
    measures: Measures,
    *,
    first_pt: float,
    rest_pt: float,
) -> Parts | None:
    """``row`` as two rows: the first ``first_pt`` tall as expected, the second at most
    ``rest_pt`` (kept with the row after it if ``row`` is). None where it cannot be cut
    so: a cell spans rows or is spanned into from above, a cell's text would start in the
    second part (its first paragraph does not fit the first and has no space to cut it at:
    Thai words run on without spaces, and only a dictionary knows where one ends), the
    second part would not fit, or it would be empty."""
    metrics = measures.table_metrics
    outside = metrics.padding_y_pt + metrics.border_pt
    room = first_pt - outside
    heads: list[Cell] = []
    tails: list[Cell] = []
    expected = 0.0  # the rest's tallest cell as expected
    for place in placed:
        cell = place.cell
        if cell is None or cell.rowspan > 1:
            return None
        width = sum(widths_pt[place.column : place.column + place.span])
        width -= metrics.padding_x_pt
        head, tail = _cut_cell(cell.paragraphs, width, measures, room)
        if (tail and not head) or _height(tail, width, measures) > rest_pt - outside:
            return None  # a cell would start on the next page, or the rest not fit there
        heads.append(replace(cell, paragraphs=head))
        tails.append(replace(cell, paragraphs=tail))
        expected = max(expected, _height(tail, width, measures, expected=True))
    if not any(cell.paragraphs for cell in tails):
        return None
    first = replace(row, cells=tuple(heads), keep_with_next=False)
    return Parts(first, replace(row, cells=tuple(tails)), expected + outside)


def _height(
    paragraphs: Sequence[Paragraph], width_pt: float, measures: Measures, *, expected: bool = False
) -> float:
    """How tall ``paragraphs`` are at most, or as expected."""
    return sum(measures.paragraph(p).height(width_pt, expected=expected) for p in paragraphs)


def _cut_cell(
    paragraphs: tuple[Paragraph, ...], width_pt: float, measures: Measures, room_pt: float
) -> tuple[tuple[Paragraph, ...], tuple[Paragraph, ...]]:
    """``paragraphs`` parted where ``room_pt`` of them fits as expected in a cell
    ``width_pt`` wide (its padding taken off)."""
    used = 0.0
    for index, paragraph in enumerate(paragraphs):
        measured = measures.paragraph(paragraph)
        height = measured.height(width_pt, expected=True)
        if used + height <= room_pt:
            used += height
            continue
        lines = int((room_pt - used - measured.spacing_pt) // measured.pitch_pt)
        cut = _cut_paragraph(paragraph, measured, width_pt, lines, measures)
        if cut is None:
            return paragraphs[:index], paragraphs[index:]
        head, tail = cut
        return (*paragraphs[:index], head), (tail, *paragraphs[index + 1 :])
    return paragraphs, ()


def _cut_paragraph(
    paragraph: Paragraph, measured: Measured, width_pt: float, lines: int, measures: Measures
) -> tuple[Paragraph, Paragraph] | None:
    """``paragraph`` cut after a break opportunity so that its head takes ``lines`` lines
    as expected and each side at least :data:`FEWEST_PARAGRAPH_LINES`; None if it cannot be."""
    fewest = FEWEST_PARAGRAPH_LINES
    if lines < fewest or measured.lines(width_pt, expected=True) - lines < fewest:
        return None
    text = inline_text(paragraph.inlines)
    hanging = measures.format_of(paragraph.style).first_line_pt < 0
    label = text.index("\t") + 1 if hanging and "\t" in text else 0  # a list item's label
    if any(not isinstance(item, Text | Tab) for item in paragraph.inlines) or "\n" in text:
        return None  # a line break or a page number: left whole
    cuts = [i + 1 for i in range(label, len(text) - 1) if text[i] in BREAK_AFTER]
    best = None
    low, high = 0, len(cuts) - 1
    while low <= high:  # the head's lines grow with its length: the last cut that fits
        middle = (low + high) // 2
        head = _part(paragraph, 0, cuts[middle])
        if measures.paragraph(head).lines(width_pt, expected=True) <= lines:
            best, low = cuts[middle], middle + 1
        else:
            high = middle - 1
    if best is None:
        return None
    head = _part(paragraph, 0, best)
    rest = _part(paragraph, best, len(text))
    rest = replace(rest, page_break_before=False)
    if label:
        rest = replace(rest, inlines=(Tab(), *rest.inlines))
    if measures.paragraph(rest).lines(width_pt, expected=True) < FEWEST_PARAGRAPH_LINES:
        return None
    return head, rest


def _part(paragraph: Paragraph, start: int, end: int) -> Paragraph:
    """The paragraph's text from ``start`` to ``end`` (offsets in its plain text), its runs
    as they were, without the spaces at the cut."""
    inlines: list[Inline] = []
    offset = 0
    for item in paragraph.inlines:
        length = len(item.text) if isinstance(item, Text) else 1
        low, high = max(start - offset, 0), min(end - offset, length)
        offset += length
        if low >= high:
            continue
        if isinstance(item, Text):
            inlines.append(replace(item, text=item.text[low:high]))
        else:
            inlines.append(item)
    if inlines and isinstance(inlines[-1], Text):
        inlines[-1] = replace(inlines[-1], text=inlines[-1].text.rstrip(" \u200b"))
    if inlines and isinstance(inlines[0], Text) and start > 0:
        inlines[0] = replace(inlines[0], text=inlines[0].text.lstrip(" \u200b"))
    return replace(paragraph, inlines=tuple(item for item in inlines if _kept(item)))


def _kept(item: Inline) -> bool:
    return not isinstance(item, Text) or bool(item.text)
