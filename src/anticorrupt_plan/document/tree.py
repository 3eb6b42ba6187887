"""The document tree: what every kind's templates make and every writer reads.

A document is a list of page sections; a section holds blocks (paragraphs, headings, groups
of lines, lists, tables, images, rules); a paragraph holds inline runs of text. Styles are
named as the reference document names them (``Body Text``, ``Table Heading``); a writer
that has no styles (Markdown) reads the structure alone. No kind and no format is named
here: kinds make trees through their templates, writers turn trees into files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# --- inline content ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Text:
    """A run of text and its emphasis: strong (bold), struck through, underlined."""

    text: str
    strong: bool = False
    strike: bool = False
    underline: bool = False


@dataclass(frozen=True, slots=True)
class Break:
    """A line break inside a paragraph."""


@dataclass(frozen=True, slots=True)
class Tab:
    """A tab: between a label and its text, where the style's hanging indent lines them up."""


@dataclass(frozen=True, slots=True)
class PageRef:
    """The number of the page where the heading with anchor ``target`` stands (a table of
    contents); formats without pages show nothing."""

    target: str


Inline = Text | Break | Tab | PageRef

# --- blocks ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Paragraph:
    inlines: tuple[Inline, ...]
    style: str | None = None  # None: the writer's default for where the paragraph stands
    keep_with_next: bool = False  # on the page of the block after it
    page_break_before: bool = False


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading of ``level`` 1 (the document's parts) to 6."""

    level: int
    inlines: tuple[Inline, ...]
    style: str | None = None  # None: the level's heading style
    keep_with_next: bool = False
    page_break_before: bool = False
    anchor: str | None = None  # a name that page references point at


@dataclass(frozen=True, slots=True)
class Lines:
    """Lines that belong together (a subject and its year line, a signature block): one
    paragraph each in a Word document, one paragraph with line breaks in Markdown."""

    lines: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class ItemList:
    """Items one after another, each a paragraph (its label written in it: ``๑.<tab>text``).

    ``bullet`` lists are marked as a list in formats that have lists (Markdown's ``- ``);
    numbering is always the label the template writes, never a format's own. ``marker`` is
    the bullet a paged format writes before each item (with a tab), where lists have none.
    """

    items: tuple[Paragraph, ...]
    bullet: bool = False
    marker: str = ""


@dataclass(frozen=True, slots=True)
class Rule:
    """A short horizontal line between parts of a page (below an announcement's subject)."""

    style: str | None = None


@dataclass(frozen=True, slots=True)
class Image:
    """An image the document is given by name (the emblem, a chart), ``height_cm`` tall."""

    ref: str
    height_cm: float
    alt: str = ""
    style: str | None = None


VerticalAlignment = Literal["top", "middle", "bottom"]


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: its paragraphs, the columns and rows it spans, and where its text
    stands between its top and bottom when the row is taller than it (``valign``)."""

    paragraphs: tuple[Paragraph, ...]
    colspan: int = 1
    rowspan: int = 1
    valign: VerticalAlignment = "top"
    # Where cells cannot be merged (Markdown), whether the text stands in every column the
    # cell spans (one target for every year) or only in the first (a heading across a row).
    repeat: bool = False


KeepRow = Literal["fit", "always", "never"]


@dataclass(frozen=True, slots=True)
class Row:
    """A table row. Header rows come first and repeat on every page the table runs onto.

    ``keep``: ``always`` never breaks across pages, ``never`` may always break, ``fit`` is
    kept whole when it fits on a page below the header rows. ``keep_with_next``: on the
    page of the row after it (a group's heading row with the group's first row).
    """

    cells: tuple[Cell, ...]
    header: bool = False
    keep: KeepRow = "fit"
    keep_with_next: bool = False


@dataclass(frozen=True, slots=True)
class Column:
    """A column's width hints. A writer that lays out pages chooses the widths from the
    text the cells hold (header rows included), never below ``min_cm``; the columns of one
    ``group`` (the years of a matrix) get one width, the widest any of them needs. When
    every column of a table gives its ``width`` (a fraction of the text width), those are
    its widths."""

    min_cm: float = 0.0
    group: str | None = None
    width: float | None = None


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    style: str | None = None


Block = Paragraph | Heading | Lines | ItemList | Rule | Image | Table

# --- sections and the document -------------------------------------------------------------------

Numbering = Literal["continue", "restart"]


@dataclass(frozen=True, slots=True)
class Section:
    """Pages of one orientation and page numbering.

    ``numbering``: ``restart`` numbers the section's pages from one, ``continue`` goes on
    from the section before. ``number_first_page``: whether its first page shows a number.
    """

    blocks: tuple[Block, ...]
    landscape: bool = False
    numbering: Numbering = "continue"
    number_first_page: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    """A whole document. ``page_number`` is how a page number reads, ``{page}`` standing for
    the number: ``- {page} -``."""

    sections: tuple[Section, ...]
    page_number: str = "{page}"


def inline_text(inlines: tuple[Inline, ...]) -> str:
    """The plain text of ``inlines``: a tab as a tab, a line break as a newline, a page
    reference as nothing (its number is the page layout's)."""
    return "".join(
        item.text
        if isinstance(item, Text)
        else "\t"
        if isinstance(item, Tab)
        else "\n"
        if isinstance(item, Break)
        else ""
        for item in inlines
    )
