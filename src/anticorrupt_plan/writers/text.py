"""Write a document tree as plain text in reading order, the way ``plan textconv`` reads a DOCX.

One line per paragraph (a tab stays a tab, a line break a newline); a table row per line,
its cells separated by `` | `` and the paragraphs of a cell by ``<br>``; a cell that spans
columns comes once, a cell that spans rows comes again in each row it covers. The text of
a document's DOCX read back by ``plan textconv`` is exactly this text, which makes it the
form golden files keep the Word documents in.
"""

from __future__ import annotations

from collections.abc import Iterator

from anticorrupt_plan.document.tree import (
    Block,
    Document,
    Heading,
    Image,
    ItemList,
    Lines,
    Paragraph,
    Rule,
    Table,
    inline_text,
)

CELL_SEPARATOR = " | "
LINE_BREAK = "<br>"


def render_text(document: Document) -> str:
    """The document's text, a newline after each line."""
    lines = [line for section in document.sections for line in _section(section.blocks)]
    return "".join(f"{line}\n" for line in lines)


def _section(blocks: tuple[Block, ...]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            yield inline_text(block.inlines)
        elif isinstance(block, Lines):
            yield from (inline_text(line.inlines) for line in block.lines)
        elif isinstance(block, ItemList):
            marker = f"{block.marker}\t" if block.marker else ""
            yield from (marker + inline_text(item.inlines) for item in block.items)
        elif isinstance(block, Rule | Image):
            yield ""  # an empty paragraph: the rule's, or the one holding the picture
        else:
            yield from _rows(block)


def _rows(table: Table) -> Iterator[str]:
    above: dict[int, tuple[int, int, str]] = {}  # column -> (rows still covered, span, text)
    width = len(table.columns)
    for row in table.rows:
        cells: list[str] = []
        column = 0
        placed = iter(row.cells)
        while column < width:
            left, span, text = above.get(column, (0, 1, ""))
            if left > 0:
                above[column] = (left - 1, span, text)
            else:
                cell = next(placed, None)
                if cell is None:
                    break
                span = cell.colspan
                text = LINE_BREAK.join(inline_text(p.inlines) for p in cell.paragraphs)
                above[column] = (cell.rowspan - 1, span, text)
            cells.append(text)
            column += span
        yield CELL_SEPARATOR.join(cells)
