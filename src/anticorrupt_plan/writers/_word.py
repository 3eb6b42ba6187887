"""The Word document around its body: the reference document, page set-up and metadata.

Every DOCX is built on the reference document (``templates/reference.docx``), takes the
document's layout settings over it, numbers its pages at the top centre, and carries
metadata from the document alone, so that the same inputs always give the same bytes.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.section import Section
from docx.shared import Cm

from anticorrupt_plan.common.settings import Layout
from anticorrupt_plan.core.errors import ReferenceDocumentError
from anticorrupt_plan.core.i18n import tr
from anticorrupt_plan.core.output import deterministic_zip
from anticorrupt_plan.writers import _oxml

PAGE_HEADER = "Header"

DEFAULT_SIZE_PT = 16.0


def open_reference(
    reference: Path, styles: Mapping[str, WD_STYLE_TYPE]
) -> tuple[Document, dict[str, str | None]]:
    """The reference document and the id of each style in ``styles`` (name -> kind).

    Refused unless it is a Word document holding every style, each of its kind. Writing by
    id spares python-docx's search of the whole style sheet for every name it is given.
    """
    try:
        document = docx.Document(str(reference))
    # A part that is not XML fails in lxml with a SyntaxError subclass.
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as error:
        reason = (
            tr("not found")
            if not reference.is_file()
            else tr("not a Word document ({error})", error=error)
        )
        raise ReferenceDocumentError(path=str(reference), reason=reason) from error
    found = _oxml.styles_by_name(document)
    missing = [name for name in styles if name not in found]
    if missing:
        raise ReferenceDocumentError(
            path=str(reference),
            reason=tr(
                "has no style named {names}; restore it, or start again from the reference "
                "document that comes with anticorrupt-plan",
                names=", ".join(repr(name) for name in missing),
            ),
        )
    for name, kind in styles.items():
        if found[name][0] != kind:
            raise ReferenceDocumentError(
                path=str(reference),
                reason=tr(
                    "its style {name} is a {kind} style where a {needed} style is needed; "
                    "restore it, or start again from the reference document that comes with "
                    "anticorrupt-plan",
                    name=repr(name),
                    kind=_kind(found[name][0]),
                    needed=_kind(kind),
                ),
            )
    return document, {name: found[name][1] for name in styles}


def style_kinds(
    paragraph: Sequence[str], *, character: Sequence[str] = (), table: Sequence[str] = ()
) -> dict[str, WD_STYLE_TYPE]:
    """Style names mapped to their kinds, for ``open_reference``."""
    return (
        {name: WD_STYLE_TYPE.PARAGRAPH for name in paragraph}
        | {name: WD_STYLE_TYPE.CHARACTER for name in character}
        | {name: WD_STYLE_TYPE.TABLE for name in table}
    )


def _kind(kind: WD_STYLE_TYPE) -> str:
    return kind.name.lower()


def apply_layout(document: Document, layout: Layout) -> None:
    """What the plan sets over the reference document: margins, font and size."""
    section = document.sections[0]
    margins = {
        "left_margin": layout.margins.left,
        "right_margin": layout.margins.right,
        "top_margin": layout.margins.top,
        "bottom_margin": layout.margins.bottom,
    }
    for name, value in margins.items():
        if value is not None:
            setattr(section, name, Cm(value))
    if layout.font is not None:
        _oxml.set_font(document, layout.font)
    if layout.font_size is not None:
        _oxml.set_size(document, layout.font_size)


def text_size(document: Document, layout: Layout) -> float:
    """The size in points of the text that no style sizes."""
    return layout.font_size or _oxml.default_size(document) or DEFAULT_SIZE_PT


def orient(section: Section, *, landscape: bool) -> None:
    width, height = section.page_width, section.page_height
    if width is not None and height is not None and (width > height) != landscape:
        section.page_width, section.page_height = height, width
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT


def text_area(section: Section) -> tuple[int, int]:
    """The width and height (EMU) inside the margins of ``section``'s pages."""
    width = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
    height = (section.page_height or 0) - (section.top_margin or 0) - (section.bottom_margin or 0)
    return int(width), int(height)


def page_headers(section: Section, *, before: str, after: str, thai: bool = False) -> None:
    """Page numbers at the top centre of the pages, between ``before`` and ``after``: ``- ๒ -``,
    marked as Thai text when ``thai`` (see ``_oxml.add_page_number``).

    Later sections continue these headers; a section whose first page shows no number
    shows the empty first-page header there.
    """
    for header in (section.header, section.first_page_header):
        header.is_linked_to_previous = True  # drop whatever header the reference had
        header.is_linked_to_previous = False
    paragraph = section.header.paragraphs[0]
    paragraph.style = PAGE_HEADER
    if before:
        paragraph.add_run(before)
    _oxml.add_page_number(paragraph, thai=thai)
    if after:
        paragraph.add_run(after)


def finish(
    document: Document,
    *,
    title: str,
    author: str,
    timestamp: datetime.datetime,
    body: _oxml.Body | None = None,
) -> bytes:
    """The document's bytes, with metadata from the plan alone: nothing from the reference,
    no clock, and zip entries in a fixed order with fixed times. ``body``: the blocks that
    end the document's body."""
    _oxml.clear_core_properties(document)
    properties = document.core_properties
    properties.title = title
    properties.author = author
    properties.last_modified_by = author
    properties.language = "th-TH"
    properties.revision = 1
    properties.created = timestamp
    properties.modified = timestamp
    texts: Mapping[int, Sequence[bytes]] = {}
    if body is not None:
        body.place(document)
        texts = body.texts
    stream = io.BytesIO()
    document.save(stream)
    with zipfile.ZipFile(stream) as archive:
        entries: dict[str, bytes | list[bytes]] = {
            name: archive.read(name) for name in archive.namelist()
        }
    main = document.part.partname.membername
    if texts:
        saved = entries[main]
        assert isinstance(saved, bytes)
        entries[main] = _oxml.spliced(saved, texts)
    return deterministic_zip(entries)
