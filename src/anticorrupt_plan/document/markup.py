"""Read the markup that templates write into a document tree, refusing anything else.

The vocabulary is small and closed (the README's "Templates" section lists it)::

    <document page-number="- {page} -">
      <section orientation="portrait|landscape" numbering="continue|restart"
               number-first-page="yes|no">
        <h1>..<h6> <p> (style, keep-with-next, page-break-before)   inline content
        <lines><line>inline</line>...</lines>     <list bullet="yes"><item>inline</item>...</list>
        <rule/>   <image ref="emblem" height="3cm" alt="..."/>
        <table><col min="3.3cm" group="years" width="20%"/>...
          <tr header="yes" keep="fit|always|never" keep-with-next="yes">
            <th|td colspan rowspan valign="top|middle|bottom" repeat="yes">inline or <p>s</th></tr>
        </table>
      </section>
    </document>

Inline content is text with ``<b>`` (strong), ``<s>`` (struck through), ``<u>``
(underlined), ``<br/>`` and ``<tab/>``. A line break in the markup, with the spaces around
it, is layout of the template and is dropped: Thai puts no space between words, so a
template may wrap its lines anywhere. Every element may name its ``style`` (a style of the
reference document); what it does not name gets the default below. A header cell (``th``)
stands in the middle of its row's height unless it says otherwise, a ``td`` at the top.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, cast
from xml.etree import ElementTree
from xml.parsers import expat

from anticorrupt_plan.core.i18n import tr
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
    KeepRow,
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

# The reference document's style for each element that does not name one.
DEFAULT_STYLES = {
    "p": "Body Text",
    "line": "Body Text",
    "item": "Numbered Item",
    "rule": "Separator",
    "image": "Figure",
    "table": "Table Grid",
    "th": "Table Heading",
    "td": "Table Text",
    **{f"h{level}": f"Heading {level}" for level in range(1, 7)},
}
INLINE = {"b", "s", "u", "br", "tab", "pageref"}
# The attributes each element may carry.
_PARAGRAPH = frozenset({"style", "keep-with-next", "page-break-before"})
ATTRIBUTES: dict[str, frozenset[str]] = {
    "document": frozenset({"page-number"}),
    "section": frozenset({"orientation", "numbering", "number-first-page"}),
    "p": _PARAGRAPH,
    "lines": frozenset(),
    "line": frozenset({"style"}),
    "list": frozenset({"bullet", "marker", "style"}),
    "item": frozenset({"style"}),
    "rule": frozenset({"style"}),
    "image": frozenset({"ref", "height", "alt", "style"}),
    "table": frozenset({"style"}),
    "col": frozenset({"min", "group", "width"}),
    "tr": frozenset({"header", "keep", "keep-with-next"}),
    "th": frozenset({"colspan", "rowspan", "style", "valign", "repeat"}),
    "td": frozenset({"colspan", "rowspan", "style", "valign", "repeat"}),
    **{f"h{level}": _PARAGRAPH | {"id"} for level in range(1, 7)},
    **{name: frozenset() for name in INLINE},
    "pageref": frozenset({"to"}),
}
# A markup line break with the white space around it: the template's layout, not text.
_LAYOUT_SPACE = re.compile(r"[ \t\r]*\n[ \t\r\n]*")
_LENGTH = re.compile(r"([0-9]+(?:\.[0-9]+)?)(cm|mm)")
_ANCHOR = re.compile(r"[A-Za-z0-9_-]{1,30}")
_NAME = re.compile(r"[\w-]+")
MAX_SPAN = 64


class MarkupError(Exception):
    """The markup a template wrote is not the vocabulary above. ``line`` is in the markup;
    ``tag`` and ``attribute`` help find the place in the template that wrote it."""

    def __init__(self, message: str, *, line: int, tag: str | None = None) -> None:
        self.message = message
        self.line = line
        self.tag = tag
        super().__init__(message)


# How much markup the quick reading parses at a time.
_FEED = 1 << 16


def parse(markup: str) -> Document:
    """The document ``markup`` describes; MarkupError at the first thing that is not right.

    The markup is read by ElementTree's C parser, which is quick but says nothing of lines,
    a piece at a time, each block turned into the tree as soon as it is read and its
    elements let go (a large plan's markup would take several times its size as elements);
    only when something is wrong is it read again, slowly, to say on which line.
    """
    if "<!" not in markup:  # no DOCTYPE, no entity declarations, no CDATA tricks
        try:
            return _Reader({}).read_pieces(
                markup[start : start + _FEED] for start in range(0, len(markup), _FEED)
            )
        except (ElementTree.ParseError, MarkupError):
            pass
    root, lines = _element_tree(markup)
    return _Reader(lines).read(root)


def _element_tree(markup: str) -> tuple[ElementTree.Element, dict[ElementTree.Element, int]]:
    """The markup as elements, with the line where each starts. No DTD, no entities."""
    parser = expat.ParserCreate()
    parser.buffer_text = True  # text in one piece between tags, not a call per line
    stack: list[ElementTree.Element] = []
    root: list[ElementTree.Element] = []
    lines: dict[ElementTree.Element, int] = {}

    def start(tag: str, attributes: dict[str, str]) -> None:
        element = ElementTree.Element(tag, attributes)
        lines[element] = parser.CurrentLineNumber
        if stack:
            stack[-1].append(element)
        else:
            root.append(element)
        stack.append(element)

    def end(_tag: str) -> None:
        stack.pop()

    def text(data: str) -> None:
        if not stack:
            return
        parent = stack[-1]
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + data
        else:
            parent.text = (parent.text or "") + data

    def refuse_doctype(*_: Any) -> None:
        raise MarkupError(
            tr("a DOCTYPE is not allowed in a template"), line=parser.CurrentLineNumber
        )

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    try:
        parser.Parse(markup, True)
    except expat.ExpatError as error:
        raise MarkupError(
            tr("not well-formed markup: {error}", error=expat.errors.messages[error.code]),
            line=error.lineno,
        ) from None
    return root[0], lines


def _contents(element: ElementTree.Element) -> list[ElementTree.Element | str]:
    """``element``'s text and child elements in order."""
    found: list[ElementTree.Element | str] = [element.text] if element.text else []
    for child in element:
        found.append(child)
        if child.tail:
            found.append(child.tail)
    return found


class _Reader:
    """Turns elements into tree nodes, checking each against the vocabulary.

    Cells, rows and columns written alike (the header rows of every table of a matrix)
    become one node, which the tree holds wherever they stand: the same tree, less to
    keep, and what a writer measures of one it knows of all."""

    def __init__(self, lines: dict[ElementTree.Element, int]) -> None:
        self.lines = lines  # where each element starts, when known
        self.anchors: dict[str, int] = {}  # anchor -> line
        self.references: list[tuple[str, int]] = []  # (target, line)
        self._cells: dict[tuple[str | None, ...], Cell] = {}  # cells of text alone, as written
        self._rows: dict[tuple[object, ...], Row] = {}  # by their cells' ids
        self._columns: dict[tuple[str | None, ...], Column] = {}  # by their attributes
        self._column_lists: dict[tuple[int, ...], tuple[Column, ...]] = {}  # by their ids

    def read(self, root: ElementTree.Element) -> Document:
        document = self.document(root)
        self.check_references()
        return document

    def read_pieces(self, pieces: Iterable[str]) -> Document:
        """The document of the markup in ``pieces``, read as they come: each block as soon
        as it ends. What :meth:`read` checks is checked, in another order."""
        parser: ElementTree.XMLPullParser[ElementTree.Element] = ElementTree.XMLPullParser(
            events=("start", "end")
        )
        root: ElementTree.Element | None = None
        sections: list[Section] = []
        blocks: list[Block] = []
        depth = 0
        for piece in pieces:
            parser.feed(piece)
            for read in parser.read_events():
                event, element = cast(tuple[str, ElementTree.Element], read)  # start or end
                if event == "start":
                    depth += 1
                    if depth == 1:
                        root = element
                        self._expect(root, "document")
                    elif depth == 2:
                        self._expect(element, "section")
                        blocks = []
                    continue
                depth -= 1
                if depth == 2:  # a block of a section
                    blocks.append(self._block(element))
                    del element[:]  # its text and tail stay, for the section's check
                elif depth == 1:
                    self._only_space(element)
                    sections.append(self._section_of(element, tuple(blocks)))
                    del element[:]
        parser.close()
        assert root is not None  # else the parser found no element, which is an error
        self._only_space(root)
        document = self._document_of(root, tuple(sections))
        self.check_references()
        return document

    def line(self, element: ElementTree.Element) -> int:
        return self.lines.get(element, 0)

    def check_references(self) -> None:
        for target, line in self.references:
            if target not in self.anchors:
                raise MarkupError(
                    tr(
                        '<pageref to={quoted}/> points at no heading: give a heading id="{target}"',
                        quoted=repr(target),
                        target=target,
                    ),
                    line=line,
                    tag="pageref",
                )

    def document(self, root: ElementTree.Element) -> Document:
        self._expect(root, "document")
        return self._document_of(
            root, tuple(self._section(child) for child in self._elements(root))
        )

    def _document_of(self, root: ElementTree.Element, sections: tuple[Section, ...]) -> Document:
        if not sections:
            raise MarkupError(tr("a document needs at least one <section>"), line=self.line(root))
        page_number = root.attrib.get("page-number", "{page}")
        if page_number.count("{page}") != 1:
            raise MarkupError(
                tr("page-number must hold {{page}} once, where the number goes"),
                line=self.line(root),
            )
        return Document(sections=sections, page_number=page_number)

    def _section(self, element: ElementTree.Element) -> Section:
        self._expect(element, "section")
        return self._section_of(
            element, tuple(self._block(child) for child in self._elements(element))
        )

    def _section_of(self, element: ElementTree.Element, blocks: tuple[Block, ...]) -> Section:
        orientation = self._choice(element, "orientation", ("portrait", "landscape"), "portrait")
        numbering = self._choice(element, "numbering", ("continue", "restart"), "continue")
        return Section(
            blocks=blocks,
            landscape=orientation == "landscape",
            numbering="restart" if numbering == "restart" else "continue",
            number_first_page=self._flag(element, "number-first-page"),
        )

    def _block(self, element: ElementTree.Element) -> Block:
        reader = _BLOCK_READERS.get(element.tag)
        if reader is None:
            raise self._unexpected(
                element, tr("a block (h1-h6, p, lines, list, rule, image, table)")
            )
        self._check_attributes(element)
        return reader(self, element)

    def _heading(self, element: ElementTree.Element) -> Heading:
        anchor = element.attrib.get("id")
        if anchor is not None:
            if not _ANCHOR.fullmatch(anchor):
                raise MarkupError(
                    tr(
                        "<{tag} id=...> must be letters, digits, '-' or '_' (at most 30), not "
                        "{value}",
                        tag=element.tag,
                        value=repr(anchor),
                    ),
                    line=self.line(element),
                    tag=element.tag,
                )
            if anchor in self.anchors:
                raise MarkupError(
                    tr(
                        "two headings have id {id} (the first at line {line})",
                        id=repr(anchor),
                        line=self.anchors[anchor],
                    ),
                    line=self.line(element),
                    tag=element.tag,
                )
            self.anchors[anchor] = self.line(element)
        return Heading(
            level=int(element.tag[1]),
            inlines=self._inlines(element),
            style=self._style(element),
            keep_with_next=self._flag(element, "keep-with-next"),
            page_break_before=self._flag(element, "page-break-before"),
            anchor=anchor,
        )

    def _paragraph(self, element: ElementTree.Element, style: str | None = None) -> Paragraph:
        self._check_attributes(element)
        return Paragraph(
            inlines=self._inlines(element),
            style=element.attrib.get("style") or style or DEFAULT_STYLES[element.tag],
            keep_with_next=self._flag(element, "keep-with-next"),
            page_break_before=self._flag(element, "page-break-before"),
        )

    def _lines(self, element: ElementTree.Element) -> Lines:
        lines = []
        for child in self._elements(element):
            self._expect(child, "line")
            lines.append(self._paragraph(child))
        return Lines(tuple(lines))

    def _list(self, element: ElementTree.Element) -> ItemList:
        style = element.attrib.get("style")
        items = []
        for child in self._elements(element):
            self._expect(child, "item")
            items.append(self._paragraph(child, style))
        return ItemList(
            tuple(items),
            bullet=self._flag(element, "bullet"),
            marker=element.attrib.get("marker", ""),
        )

    def _rule(self, element: ElementTree.Element) -> Rule:
        self._no_content(element)
        return Rule(style=self._style(element))

    def _image(self, element: ElementTree.Element) -> Image:
        self._no_content(element)
        ref = element.attrib.get("ref", "")
        if not ref:
            raise MarkupError(
                tr('an <image> needs ref="...": which image'), line=self.line(element)
            )
        return Image(
            ref=ref,
            height_cm=self._length(element, "height", required=True),
            alt=element.attrib.get("alt", ""),
            style=self._style(element),
        )

    def _table(self, element: ElementTree.Element) -> Table:
        columns: list[Column] = []
        rows: list[Row] = []
        after_body = False  # whether a row that is not a header row came before
        for child in self._elements(element):
            if child.tag == "col" and not rows:
                columns.append(self._column(child))
            elif child.tag == "tr":
                self._check_attributes(child)
                row = self._row(child, after_body=after_body)
                after_body = after_body or not row.header
                rows.append(row)
            else:
                self._check_attributes(child)
                raise self._unexpected(child, tr("<col> (before the rows) or <tr>"))
        if not columns:
            raise MarkupError(
                tr("a <table> needs its <col> elements first"), line=self.line(element)
            )
        self._check_grid(element, columns, rows)
        key = tuple(map(id, columns))
        found = self._column_lists.get(key)
        if found is None:
            found = self._column_lists[key] = tuple(columns)
        return Table(columns=found, rows=tuple(rows), style=self._style(element))

    def _column(self, element: ElementTree.Element) -> Column:
        key = (element.text, *element.attrib.values(), *element.attrib)
        found = self._columns.get(key) if not len(element) else None
        if found is not None:
            return found
        self._check_attributes(element)
        self._no_content(element)
        width = element.attrib.get("width")
        column = Column(
            min_cm=self._length(element, "min"),
            group=self._name(element, "group"),
            width=self._percent(element, width) if width else None,
        )
        self._columns[key] = column
        return column

    def _row(self, element: ElementTree.Element, *, after_body: bool) -> Row:
        header = self._flag(element, "header")
        if header and after_body:
            raise MarkupError(tr("header rows come before the other rows"), line=self.line(element))
        keep = self._choice(element, "keep", ("fit", "always", "never"), "fit")
        with_next = self._flag(element, "keep-with-next")
        cells = []
        for child in self._elements(element):
            cell = self._cells.get(_written(child)) if not len(child) else None
            if cell is None:
                if child.tag not in ("th", "td"):
                    raise self._unexpected(child, tr("<th> or <td>"))
                self._check_attributes(child)
                cell = self._cell(child)
            cells.append(cell)
        keep_row: KeepRow = "always" if keep == "always" else "never" if keep == "never" else "fit"
        key = (header, keep_row, with_next, *map(id, cells))
        found = self._rows.get(key)
        if found is None:
            found = self._rows[key] = Row(
                cells=tuple(cells), header=header, keep=keep_row, keep_with_next=with_next
            )
        return found

    def _cell(self, element: ElementTree.Element) -> Cell:
        cell = self._read_cell(element)
        if not len(element):  # text alone: a cell written alike is this one
            self._cells[_written(element)] = cell
        return cell

    def _read_cell(self, element: ElementTree.Element) -> Cell:
        style = element.attrib.get("style") or DEFAULT_STYLES[element.tag]
        blocks = list(element)
        if blocks and all(child.tag == "p" for child in blocks):
            self._only_space(element)
            paragraphs = tuple(self._paragraph(child, style) for child in blocks)
        else:
            paragraphs = (Paragraph(self._inlines(element), style=style),)
        default = "middle" if element.tag == "th" else "top"
        valign = self._choice(element, "valign", ("top", "middle", "bottom"), default)
        return Cell(
            paragraphs=paragraphs,
            colspan=self._span(element, "colspan"),
            repeat=self._flag(element, "repeat"),
            rowspan=self._span(element, "rowspan"),
            valign="middle" if valign == "middle" else "bottom" if valign == "bottom" else "top",
        )

    # --- inline content ---

    def _inlines(self, element: ElementTree.Element) -> tuple[Inline, ...]:
        if not len(element):  # plain text, as most cells and paragraphs are
            text = element.text or ""
            if "\n" in text:
                text = _LAYOUT_SPACE.sub("", text)
            text = text.strip(" ")
            return (Text(text),) if text else ()
        found: list[Inline] = []
        self._collect(element, found, strong=False, strike=False, underline=False)
        # Spaces at a paragraph's ends are the template's layout too.
        while found and isinstance(found[0], Text) and not found[0].text.strip(" "):
            found.pop(0)
        while found and isinstance(found[-1], Text) and not found[-1].text.strip(" "):
            found.pop()
        if found and isinstance(found[0], Text):
            first = found[0]
            found[0] = Text(first.text.lstrip(" "), first.strong, first.strike, first.underline)
        if found and isinstance(found[-1], Text):
            last = found[-1]
            found[-1] = Text(last.text.rstrip(" "), last.strong, last.strike, last.underline)
        return tuple(found)

    def _collect(
        self,
        element: ElementTree.Element,
        found: list[Inline],
        *,
        strong: bool,
        strike: bool,
        underline: bool,
    ) -> None:
        for child in _contents(element):
            if isinstance(child, str):
                text = _LAYOUT_SPACE.sub("", child)
                if not text:
                    continue
                previous = found[-1] if found else None
                if isinstance(previous, Text) and (
                    previous.strong,
                    previous.strike,
                    previous.underline,
                ) == (strong, strike, underline):
                    found[-1] = Text(previous.text + text, strong, strike, underline)
                else:
                    found.append(Text(text, strong, strike, underline))
                continue
            if child.tag not in INLINE:
                raise self._unexpected(
                    child, tr("text, <b>, <s>, <u>, <br/>, <tab/> or <pageref/>")
                )
            self._check_attributes(child)
            if child.tag == "br":
                self._no_content(child)
                found.append(Break())
            elif child.tag == "pageref":
                self._no_content(child)
                target = child.attrib.get("to", "")
                self.references.append((target, self.line(child)))
                found.append(PageRef(target))
            elif child.tag == "tab":
                self._no_content(child)
                found.append(Tab())
            else:
                self._collect(
                    child,
                    found,
                    strong=strong or child.tag == "b",
                    strike=strike or child.tag == "s",
                    underline=underline or child.tag == "u",
                )

    # --- checks and attribute values ---

    def _elements(self, element: ElementTree.Element) -> list[ElementTree.Element]:
        """``element``'s child elements, which may only have white space between them."""
        self._only_space(element)
        return list(element)

    def _only_space(self, element: ElementTree.Element) -> None:
        for child in (element.text, *(child.tail for child in element)):
            if child and not child.isspace():
                raise MarkupError(
                    tr(
                        "text {text} directly inside <{tag}>; put it in a <p> or another element "
                        "that holds text",
                        text=repr(child.strip()[:40]),
                        tag=element.tag,
                    ),
                    line=self.line(element),
                    tag=element.tag,
                )

    def _no_content(self, element: ElementTree.Element) -> None:
        if len(element) or (element.text or "").strip():
            raise MarkupError(
                tr("<{tag}> holds nothing", tag=element.tag),
                line=self.line(element),
                tag=element.tag,
            )

    def _expect(self, element: ElementTree.Element, tag: str) -> None:
        if element.tag != tag:
            raise self._unexpected(element, f"<{tag}>")
        self._check_attributes(element)

    def _unexpected(self, element: ElementTree.Element, wanted: str) -> MarkupError:
        known = element.tag in ATTRIBUTES
        if known:
            message = tr(
                "<{tag}> is not allowed here; expected {wanted}", tag=element.tag, wanted=wanted
            )
        else:
            message = tr(
                "<{tag}> is not an element of the template vocabulary; expected {wanted}",
                tag=element.tag,
                wanted=wanted,
            )
        return MarkupError(message, line=self.line(element), tag=element.tag)

    def _check_attributes(self, element: ElementTree.Element) -> None:
        allowed = ATTRIBUTES.get(element.tag, frozenset())
        for name in element.attrib:
            if name not in allowed:
                listed = ", ".join(sorted(allowed)) or tr("none")
                raise MarkupError(
                    tr(
                        "<{tag}> has no attribute {name} (it takes: {listed})",
                        tag=element.tag,
                        name=repr(name),
                        listed=listed,
                    ),
                    line=self.line(element),
                    tag=element.tag,
                )

    def _style(self, element: ElementTree.Element) -> str:
        return element.attrib.get("style") or DEFAULT_STYLES[element.tag]

    def _flag(self, element: ElementTree.Element, name: str) -> bool:
        return self._choice(element, name, ("yes", "no"), "no") == "yes"

    def _choice(
        self, element: ElementTree.Element, name: str, allowed: tuple[str, ...], default: str
    ) -> str:
        value = element.attrib.get(name, default)
        if value not in allowed:
            raise MarkupError(
                tr(
                    "<{tag} {name}=...> must be one of {allowed}, not {value}",
                    tag=element.tag,
                    name=name,
                    allowed=", ".join(allowed),
                    value=repr(value),
                ),
                line=self.line(element),
                tag=element.tag,
            )
        return value

    def _length(self, element: ElementTree.Element, name: str, *, required: bool = False) -> float:
        value = element.attrib.get(name)
        if value is None and not required:
            return 0.0
        match = _LENGTH.fullmatch((value or "").strip())
        if match is None:
            raise MarkupError(
                tr(
                    "<{tag} {name}=...> must be a length such as 3cm or 25mm, not {value}",
                    tag=element.tag,
                    name=name,
                    value=repr(value),
                ),
                line=self.line(element),
                tag=element.tag,
            )
        number = float(match.group(1))
        return number / 10 if match.group(2) == "mm" else number

    def _name(self, element: ElementTree.Element, name: str) -> str | None:
        value = element.attrib.get(name)
        if value is None:
            return None
        if not _NAME.fullmatch(value):
            raise MarkupError(
                tr(
                    "<{tag} {name}=...> must be a name of letters, digits, - or _, not {value}",
                    tag=element.tag,
                    name=name,
                    value=repr(value),
                ),
                line=self.line(element),
                tag=element.tag,
            )
        return value

    def _percent(self, element: ElementTree.Element, value: str) -> float:
        try:
            fraction = float(value.removesuffix("%")) / 100 if value.endswith("%") else -1.0
        except ValueError:
            fraction = -1.0
        if not 0 < fraction <= 1:
            raise MarkupError(
                tr(
                    "<{tag} width=...> must be a percentage of the text width such as 20%, "
                    "not {value}",
                    tag=element.tag,
                    value=repr(value),
                ),
                line=self.line(element),
                tag=element.tag,
            )
        return fraction

    def _span(self, element: ElementTree.Element, name: str) -> int:
        value = element.attrib.get(name, "1")
        if not value.isascii() or not value.isdigit() or not 1 <= int(value) <= MAX_SPAN:
            raise MarkupError(
                tr(
                    "<{tag} {name}=...> must be a whole number from 1 to {limit}, not {value}",
                    tag=element.tag,
                    name=name,
                    limit=MAX_SPAN,
                    value=repr(value),
                ),
                line=self.line(element),
                tag=element.tag,
            )
        return int(value)

    def _check_grid(
        self, element: ElementTree.Element, columns: list[Column], rows: list[Row]
    ) -> None:
        """Every row fills the columns exactly, counting the cells that rows above span into."""
        width = len(columns)
        above = [0] * width  # how many more rows a cell above still covers, per column
        for number, row in enumerate(rows, start=1):
            filled = [left > 0 for left in above]
            column = 0
            for cell in row.cells:
                while column < width and filled[column]:
                    column += 1
                if column + cell.colspan > width:
                    raise MarkupError(
                        tr(
                            "row {number} of a table has more cells than its {width} columns "
                            "(<col> elements)",
                            number=number,
                            width=width,
                        ),
                        line=self.line(element),
                        tag="tr",
                    )
                for offset in range(cell.colspan):
                    filled[column + offset] = True
                    above[column + offset] = cell.rowspan
                column += cell.colspan
            if not all(filled):
                raise MarkupError(
                    tr(
                        "row {number} of a table leaves columns empty; the table has {width} "
                        "columns (<col> elements)",
                        number=number,
                        width=width,
                    ),
                    line=self.line(element),
                    tag="tr",
                )
            above = [max(left - 1, 0) for left in above]


def _written(element: ElementTree.Element) -> tuple[str | None, ...]:
    """How an element of text alone is written: its tag, text and attributes."""
    return (element.tag, element.text, *element.attrib.values(), *element.attrib)


_BLOCK_READERS: dict[str, Callable[[_Reader, ElementTree.Element], Block]] = {
    "p": _Reader._paragraph,
    "lines": _Reader._lines,
    "list": _Reader._list,
    "rule": _Reader._rule,
    "image": _Reader._image,
    "table": _Reader._table,
    **{f"h{level}": _Reader._heading for level in range(1, 7)},
}


def _same_emphasis(a: Text, b: Text) -> bool:
    return (a.strong, a.strike, a.underline) == (b.strong, b.strike, b.underline)
