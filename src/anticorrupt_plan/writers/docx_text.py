"""Read the text of any DOCX in reading order, for ``git diff`` through ``plan textconv``.

Paragraphs come one per line; a table comes row by row, one line per row, its cells
separated by `` | `` and the paragraphs inside a cell by ``<br>``, so that a change to one
cell shows as a change to one line. The text is what python-docx reads (a paragraph's runs
and hyperlinks, a tab as a tab, a line break as a newline; a cell merged down from the
row above repeats that cell's text), but for the second part of a row that the Word writer
wrote as two where a page breaks it (``writers/_split.py``): a row kept whole whose cells
are drawn without a rule above, cell for cell under a row that may break and whose cells
are drawn without a rule below (both with rules at their sides, which a table drawn
without rules lacks). It is read with the first part, so that where a page breaks a row
does not show in a diff.

A DOCX handed to git may come from anyone, and a small zip can expand enormously, so the
package is read with limits: the entries it may hold, the size and compression ratio of each
part that is read, the XML elements of the document and the text it gives. The document is
parsed as a stream, one element at a time, never held whole, and a document type declaration
(which can define entities that expand without end) is refused.

Text is read plain (``common.display.plain``): the no-break spaces and word joiners that
keep names and year ranges on one line are spaces and nothing in a diff.
"""

from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

from anticorrupt_plan.common.display import plain
from anticorrupt_plan.core.errors import NotDocxError
from anticorrupt_plan.core.i18n import mark, tr
from anticorrupt_plan.core.safe_text import shown

CELL_SEPARATOR = " | "
LINE_BREAK = "<br>"

# A DOCX holds a dozen parts, and one more per image. The largest document this tool
# writes (10,000 measures) has a 56 MB main part of 2.3 million elements, compressed 61 to 1.
MAX_ENTRIES = 1000
MAX_CENTRAL_DIRECTORY = 1024 * 1024  # bytes of the zip's table of contents
MAX_PART_BYTES = 128 * 1024 * 1024
MAX_SMALL_PART_BYTES = 1024 * 1024  # the package's relationships and content types
MAX_RATIO = 200
MAX_ELEMENTS = 4_000_000
MAX_TEXT = 32 * 1024 * 1024  # characters printed; cells merged down repeat their text

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
_WORD_MAIN = frozenset(
    {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    }
)
_NOT_A_PACKAGE = mark("not a DOCX file (not a Word package)")


def _too_many_entries() -> str:
    return tr("not a DOCX file: it holds more than {limit} entries", limit=MAX_ENTRIES)


def docx_text(path: Path) -> str:
    """The text of the DOCX at ``path``, ending in a newline when it has any."""
    if not path.is_file():
        reason = tr("is a directory, not a DOCX file") if path.is_dir() else tr("no such file")
        raise NotDocxError(file=str(path), reason=reason)
    try:
        with path.open("rb") as stream:
            _check_table_of_contents(stream, path)
            try:
                package = zipfile.ZipFile(stream)
            # zipfile reads a damaged table of contents with struct, int and seek arithmetic
            except (
                zipfile.BadZipFile,
                zipfile.LargeZipFile,
                EOFError,
                ValueError,
                struct.error,
            ) as error:
                raise NotDocxError(file=str(path), reason=tr(_NOT_A_PACKAGE)) from error
            with package:
                return _read_package(package, path)
    except OSError as error:
        reason = tr("cannot read: {error}", error=error.strerror)
        raise NotDocxError(file=str(path), reason=reason) from error


def _check_table_of_contents(stream: BinaryIO, path: Path) -> None:
    """Refuse a zip whose table of contents (its central directory) is larger than a DOCX
    needs, before zipfile reads it all into memory."""
    size = stream.seek(0, io.SEEK_END)
    tail_size = min(size, 22 + 0xFFFF)  # the end record and the longest comment after it
    stream.seek(size - tail_size)
    tail = stream.read(tail_size)
    stream.seek(0)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return  # not a zip: zipfile says so
    entries = int.from_bytes(tail[at + 10 : at + 12], "little")
    directory = int.from_bytes(tail[at + 12 : at + 16], "little")
    if entries > MAX_ENTRIES or directory > MAX_CENTRAL_DIRECTORY:
        raise NotDocxError(file=str(path), reason=_too_many_entries())


def _read_package(package: zipfile.ZipFile, path: Path) -> str:
    if len(package.infolist()) > MAX_ENTRIES:
        raise NotDocxError(file=str(path), reason=_too_many_entries())
    names = set(package.namelist())
    if "_rels/.rels" not in names or "[Content_Types].xml" not in names:
        raise NotDocxError(file=str(path), reason=tr(_NOT_A_PACKAGE))
    main = _main_part(_read(package, "_rels/.rels", path, limit=MAX_SMALL_PART_BYTES), path)
    if main is None or main not in names:
        raise NotDocxError(file=str(path), reason=tr(_NOT_A_PACKAGE))
    types = _read(package, "[Content_Types].xml", path, limit=MAX_SMALL_PART_BYTES)
    kind = _content_type(types, main, path)
    if kind not in _WORD_MAIN:
        raise NotDocxError(
            file=str(path),
            reason=tr(
                "not a DOCX file (its main part is {kind}, not a Word document)",
                kind=shown(repr(kind)),
            ),
        )
    reader = _Reader()
    _parse(_chunks(package, main, path, limit=MAX_PART_BYTES), reader, main, path)
    return "".join(f"{plain(line)}\n" for line in reader.lines)


def _main_part(relationships: bytes, path: Path) -> str | None:
    """The zip name of the package's main part, from its relationships."""
    found: list[str] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        if (
            name == f"{_RELATIONSHIPS} Relationship"
            and attributes.get("Type") == _OFFICE_DOCUMENT
            and attributes.get("TargetMode") != "External"
        ):
            found.append(attributes.get("Target", ""))

    _parse([relationships], _Elements(start), "_rels/.rels", path)
    if not found:
        return None
    return posixpath.normpath(found[0]).lstrip("/")


def _content_type(types: bytes, part: str, path: Path) -> str:
    """The content type the package gives ``part``: its own, or its extension's."""
    overrides: dict[str, str] = {}
    defaults: dict[str, str] = {}

    def start(name: str, attributes: dict[str, str]) -> None:
        if name == f"{_CONTENT_TYPES} Override":
            overrides[attributes.get("PartName", "").lower()] = attributes.get("ContentType", "")
        elif name == f"{_CONTENT_TYPES} Default":
            defaults[attributes.get("Extension", "").lower()] = attributes.get("ContentType", "")

    _parse([types], _Elements(start), "[Content_Types].xml", path)
    extension = posixpath.splitext(part)[1].lstrip(".").lower()
    return overrides.get(f"/{part}".lower(), defaults.get(extension, ""))


def _read(package: zipfile.ZipFile, name: str, path: Path, *, limit: int) -> bytes:
    return b"".join(_chunks(package, name, path, limit=limit))


def _chunks(package: zipfile.ZipFile, name: str, path: Path, *, limit: int) -> Iterator[bytes]:
    """The content of entry ``name`` a megabyte at a time, once its size and compression
    ratio pass the limits.

    zipfile gives no more bytes than the entry's declared size, so checking that size
    bounds what decompressing it can produce.
    """
    info = package.getinfo(name)
    if info.file_size > limit:
        raise NotDocxError(
            file=str(path),
            reason=tr(
                "{name} expands to {size:,} bytes; a part read is at most {limit:,}",
                name=name,
                size=info.file_size,
                limit=limit,
            ),
        )
    if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 1024:
        ratio = info.file_size // max(info.compress_size, 1)
        raise NotDocxError(
            file=str(path),
            reason=tr(
                "{name} is compressed {ratio:,} to 1; a document's parts are compressed at "
                "most {limit} to 1 (this looks like a zip bomb)",
                name=name,
                ratio=ratio,
                limit=MAX_RATIO,
            ),
        )
    try:
        with package.open(info) as entry:
            while chunk := entry.read(1024 * 1024):
                yield chunk
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise NotDocxError(
            file=str(path),
            reason=tr("not a DOCX file ({name} is damaged: {error})", name=name, error=error),
        ) from error
    except (NotImplementedError, RuntimeError) as error:  # another compression; encrypted
        raise NotDocxError(
            file=str(path),
            reason=tr("not a DOCX file ({name} cannot be read: {error})", name=name, error=error),
        ) from error


class _Refused(Exception):
    """Raised inside the XML parser's handlers to stop it; turned into NotDocxError."""


class _Handler:
    def start(self, name: str, attributes: dict[str, str]) -> None:
        raise NotImplementedError

    def end(self, name: str) -> None:
        raise NotImplementedError

    def text(self, data: str) -> None:
        raise NotImplementedError


@dataclass
class _Elements(_Handler):
    """A handler that only looks at each element's start."""

    on_start: Callable[[str, dict[str, str]], None]

    def start(self, name: str, attributes: dict[str, str]) -> None:
        self.on_start(name, attributes)

    def end(self, name: str) -> None:
        pass

    def text(self, data: str) -> None:
        pass


def _parse(chunks: Iterable[bytes], handler: _Handler, part: str, path: Path) -> None:
    """Feed ``chunks`` of XML to ``handler``, counting elements and refusing a DTD."""
    parser = expat.ParserCreate(namespace_separator=" ")
    counted = 0

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal counted
        counted += 1
        if counted > MAX_ELEMENTS:
            raise _Refused(
                tr("{part} holds more than {limit:,} XML elements", part=part, limit=MAX_ELEMENTS)
            )
        handler.start(name, attributes)

    def doctype(*args: object) -> None:
        raise _Refused(tr("{part} declares a document type; a Word document never does", part=part))

    parser.StartElementHandler = start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.text
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.buffer_text = True  # one call for a run of text, not one per line
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _Refused as refusal:
        reason = tr("not a DOCX file ({refusal})", refusal=refusal)
        raise NotDocxError(file=str(path), reason=reason) from None
    except expat.ExpatError as error:
        reason = tr(
            "not a DOCX file ({part} is not well-formed XML: {error})", part=part, error=error
        )
        raise NotDocxError(file=str(path), reason=reason) from None


# --- the document part, read the way python-docx reads it ----------------------------------


@dataclass
class _Container:
    """The body or a table cell: paragraphs and tables, each giving lines of text."""

    blocks: list[str] = field(default_factory=list)


@dataclass
class _Paragraph:
    container: _Container
    pieces: list[str] = field(default_factory=list)


@dataclass
class _Cell(_Container):
    offset: int = 0  # the first grid column it covers
    span: int = 1
    merge: str | None = None  # "restart" or "continue" when merged with the cells above
    open_edges: set[str] = field(default_factory=set)  # the edges drawn without a rule


@dataclass
class _Row:
    offset: int = 0  # the grid column the next cell starts at
    cells: list[_Cell] = field(default_factory=list)
    cant_split: bool = False

    def edges(self, *edges: str) -> bool:
        """Whether every cell is drawn without a rule on ``edges`` and with one at its sides."""
        return all(
            cell.open_edges.issuperset(edges) and not cell.open_edges & _SIDES
            for cell in self.cells
        )


_SIDES = frozenset({"left", "right", "start", "end"})


@dataclass
class _Table:
    container: _Container
    lines: list[str] = field(default_factory=list)
    # Each cell of the previous row by its first grid column, with the text a cell merged
    # down from it shows.
    above: dict[int, str] = field(default_factory=dict)
    # The previous row's cells, and whether the row after it may go on from it.
    spans: list[tuple[int, int]] = field(default_factory=list)
    goes_on: bool = False


class _Frame:
    """What an open element is, to its children: its kind and what it belongs to."""

    __slots__ = ("item", "kind")

    def __init__(self, kind: str, item: object = None) -> None:
        self.kind = kind
        self.item = item


_IGNORED = _Frame("ignored")
# A run's children and their text, as python-docx gives them (w:br by its type).
_RUN_CHARACTERS = {"tab": "\t", "ptab": "\t", "cr": "\n", "noBreakHyphen": "-"}


class _Reader(_Handler):
    """Builds the lines of the document from its elements, as they stream past."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.size = 0
        self.stack: list[_Frame] = []
        self.body = _Container()

    def start(self, name: str, attributes: dict[str, str]) -> None:
        parent = self.stack[-1] if self.stack else None
        namespace, _, local = name.rpartition(" ")
        frame = _IGNORED
        if namespace == _W and (parent is None or parent.kind != "ignored"):
            frame = self._frame(local, attributes, parent)
        self.stack.append(frame)

    def _frame(self, local: str, attributes: dict[str, str], parent: _Frame | None) -> _Frame:
        kind = parent.kind if parent is not None else None
        item = parent.item if parent is not None else None
        if kind is None:
            return _Frame("document") if local == "document" else _IGNORED
        if kind == "document":
            return _Frame("container", self.body) if local == "body" else _IGNORED
        if kind == "container":
            assert isinstance(item, _Container)
            if local == "p":
                return _Frame("p", _Paragraph(item))
            if local == "tbl":
                return _Frame("tbl", _Table(item))
            if local == "tcPr" and isinstance(item, _Cell):
                return _Frame("tcPr", item)
            return _IGNORED
        if kind in ("p", "hyperlink"):
            if local == "r":
                return _Frame("r", item)
            if local == "hyperlink" and kind == "p":
                return _Frame("hyperlink", item)
            return _IGNORED
        if kind == "r":
            assert isinstance(item, _Paragraph)
            if local == "t":
                return _Frame("t", item)
            if local == "br":
                if attributes.get(f"{_W} type", "textWrapping") == "textWrapping":
                    item.pieces.append("\n")
            elif local in _RUN_CHARACTERS:
                item.pieces.append(_RUN_CHARACTERS[local])
            return _IGNORED
        if kind == "tbl" and local == "tr":
            return _Frame("tr", (item, _Row()))
        if kind == "tr":
            assert isinstance(item, tuple)
            row = item[1]
            if local == "tc":
                return _Frame("container", _Cell(offset=row.offset))
            if local == "trPr":
                return _Frame("trPr", row)
            return _IGNORED
        if kind == "trPr":
            assert isinstance(item, _Row)
            if local == "gridBefore":
                item.offset = _number(attributes.get(f"{_W} val"), default=0)
            elif local == "cantSplit":
                item.cant_split = attributes.get(f"{_W} val", "true") not in ("false", "0")
            return _IGNORED
        if kind == "tcPr":
            assert isinstance(item, _Cell)
            if local == "gridSpan":
                item.span = max(1, _number(attributes.get(f"{_W} val"), default=1))
            elif local == "vMerge":
                item.merge = attributes.get(f"{_W} val", "continue")
            elif local == "tcBorders":
                return _Frame("tcBorders", item)
            return _IGNORED
        if kind == "tcBorders" and attributes.get(f"{_W} val") == "nil":
            assert isinstance(item, _Cell)
            item.open_edges.add(local)
        return _IGNORED

    def text(self, data: str) -> None:
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame.kind == "t":
            assert isinstance(frame.item, _Paragraph)
            frame.item.pieces.append(data)

    def end(self, name: str) -> None:
        frame = self.stack.pop()
        item = frame.item
        if frame.kind == "p":
            assert isinstance(item, _Paragraph)
            text = "".join(item.pieces)
            if item.container is self.body:  # a cell's text is counted with its row
                self._count(len(text))
            self._add(item.container, [text])
        elif frame.kind == "tbl":
            assert isinstance(item, _Table)
            self._add(item.container, item.lines)
        elif frame.kind == "container" and isinstance(item, _Cell):
            parent = self.stack[-1].item
            assert isinstance(parent, tuple)
            parent[1].cells.append(item)
            parent[1].offset += item.span
        elif frame.kind == "tr":
            assert isinstance(item, tuple)
            self._row(*item)

    def _row(self, table: _Table, row: _Row) -> None:
        shown_here: dict[int, str] = {}
        texts = []
        for cell in row.cells:
            if cell.merge == "continue":  # python-docx reads the cell it continues
                text = table.above.get(cell.offset, "")
            else:
                text = LINE_BREAK.join(cell.blocks)
            shown_here[cell.offset] = text
            texts.append(text)
        spans = [(cell.offset, cell.span) for cell in row.cells]
        # Counted before it is joined: merged cells can repeat a long text many times.
        self._count(sum(len(text) for text in texts) + len(CELL_SEPARATOR) * len(texts))
        if table.goes_on and spans == table.spans and row.cant_split and row.edges("top"):
            # The second part of a row that this tool's writer wrote as two where a page
            # breaks it: one row, as it reads. Never more than two parts (the first part
            # may break, the second may not), so never a row joined again and again.
            texts = [
                LINE_BREAK.join(text for text in (table.above[offset], more) if text)
                for (offset, _), more in zip(spans, texts, strict=True)
            ]
            shown_here = {offset: text for (offset, _), text in zip(spans, texts, strict=True)}
            table.lines[-1] = CELL_SEPARATOR.join(texts)
            table.goes_on = False
        else:
            table.lines.append(CELL_SEPARATOR.join(texts))
            table.goes_on = bool(row.cells) and not row.cant_split and row.edges("bottom")
        table.above, table.spans = shown_here, spans

    def _add(self, container: _Container, lines: list[str]) -> None:
        if container is self.body:
            self.lines.extend(lines)
        else:
            container.blocks.extend(lines)

    def _count(self, size: int) -> None:
        self.size += size + 1
        if self.size > MAX_TEXT:
            raise _Refused(tr("its text is longer than {limit:,} characters", limit=MAX_TEXT))


def _number(value: str | None, *, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
