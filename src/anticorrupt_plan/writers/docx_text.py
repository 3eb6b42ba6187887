"""Read the text of any DOCX in reading order, for ``git diff`` through ``plan textconv``.

Paragraphs come one per line; a table comes row by row, one line per row, its cells
separated by `` | `` and the paragraphs inside a cell by ``<br>``, so that a change to one
cell shows as a change to one line. Text is read plain (``common.display.plain``): the
no-break spaces and word joiners that keep names and year ranges on one line are spaces
and nothing in a diff.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from anticorrupt_plan.common.display import plain
from anticorrupt_plan.core.errors import NotDocxError

CELL_SEPARATOR = " | "
LINE_BREAK = "<br>"


def docx_text(path: Path) -> str:
    """The text of the DOCX at ``path``, ending in a newline when it has any."""
    if not path.is_file():
        reason = "is a directory, not a DOCX file" if path.is_dir() else "no such file"
        raise NotDocxError(file=str(path), reason=reason)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as error:
        raise NotDocxError(file=str(path), reason="not a DOCX file (not a Word package)") from error
    # A zip package of another kind (a spreadsheet) fails with ValueError; a damaged part
    # that is not XML fails in lxml with a SyntaxError subclass.
    except (ValueError, SyntaxError) as error:
        raise NotDocxError(file=str(path), reason=f"not a DOCX file ({error})") from error
    lines = list(_blocks(document.iter_inner_content()))
    return "".join(f"{plain(line)}\n" for line in lines)


def _blocks(blocks: Iterator[Paragraph | Table]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text
        else:
            yield from _rows(block)


def _rows(table: Table) -> Iterator[str]:
    for row in table.rows:
        cells: list[_Cell] = []
        for cell in row.cells:
            # A cell spanning several grid columns comes once per column; read it once.
            if not cells or cell is not cells[-1]:
                cells.append(cell)
        yield CELL_SEPARATOR.join(_cell_text(cell) for cell in cells)


def _cell_text(cell: _Cell) -> str:
    return LINE_BREAK.join(_blocks(cell.iter_inner_content()))
