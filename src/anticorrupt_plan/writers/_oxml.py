"""The WordprocessingML that python-docx has no API for, in one place.

Thai text is "complex script" to Word: it takes the ``w:cs`` font, the ``w:szCs`` size and
``w:bCs`` bold, whatever the Latin settings say. Besides those, this module writes repeated
header rows, rows that do not break, page-number fields and numbering, and the section
breaks that end one part of the document in its last paragraph; and it gives a long matrix
its quick paths: styles set by id, tables and rows copied from a pattern.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.simpletypes import ST_Merge
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Length
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

# The font slots of w:rFonts: Latin, Latin high-ANSI, East Asian and complex script (Thai).
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
# Theme references outrank the named fonts, so a font set by name must drop them.
_THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")

# Elements that may follow w:rFonts in w:rPr, and w:pgNumType in w:sectPr (schema order).
_AFTER_RFONTS = (
    "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
    "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
    "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position",
    "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText",
    "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish",
    "w:oMath",
)  # fmt: skip
_AFTER_SZ = _AFTER_RFONTS[_AFTER_RFONTS.index("w:sz") + 1 :]
_AFTER_SZCS = _AFTER_RFONTS[_AFTER_RFONTS.index("w:szCs") + 1 :]
_AFTER_PGNUMTYPE = (
    "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
    "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange",
)  # fmt: skip


def _child(parent: BaseOxmlElement, tag: str, successors: tuple[str, ...]) -> BaseOxmlElement:
    """``parent``'s child ``tag``, added in schema order when it is missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found  # type: ignore[no-any-return]
    element: BaseOxmlElement = OxmlElement(tag)
    parent.insert_element_before(element, *successors)
    return element


def _default_run_properties(document: Document) -> BaseOxmlElement:
    styles = document.styles.element
    defaults = _child(styles, "w:docDefaults", ("w:latentStyles", "w:style"))
    run_defaults = _child(defaults, "w:rPrDefault", ("w:pPrDefault",))
    return _child(run_defaults, "w:rPr", ())


def set_font(document: Document, name: str) -> None:
    """Use font ``name`` for every script, in the defaults and in each style that names one."""
    targets = [_default_run_properties(document)]
    targets += [style.element.rPr for style in document.styles if style.element.rPr is not None]
    for rpr in targets:
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None and rpr is not targets[0]:
            continue
        fonts = _child(rpr, "w:rFonts", _AFTER_RFONTS)
        for slot in _THEME_SLOTS:
            fonts.attrib.pop(qn(slot), None)
        for slot in _FONT_SLOTS:
            fonts.set(qn(slot), name)


def default_size(document: Document) -> float | None:
    """The size in points of text that no style sizes: the document defaults' ``w:szCs``."""
    properties = _default_run_properties(document)
    for tag in ("w:szCs", "w:sz"):
        size = properties.find(qn(tag))
        if size is not None and size.get(qn("w:val"), "").isdigit():
            return int(size.get(qn("w:val"))) / 2
    return None


def set_size(document: Document, points: float) -> None:
    """Make ``points`` the size of text, Thai and Latin, that no style sizes otherwise."""
    targets = [_default_run_properties(document)]
    normal = document.styles["Normal"].element.rPr
    if normal is not None and normal.find(qn("w:sz")) is not None:
        targets.append(normal)
    half_points = str(round(points * 2))
    for rpr in targets:
        _child(rpr, "w:sz", _AFTER_SZ).set(qn("w:val"), half_points)
        _child(rpr, "w:szCs", _AFTER_SZCS).set(qn("w:val"), half_points)


def styles_by_name(document: Document) -> dict[str, tuple[WD_STYLE_TYPE, str | None]]:
    """Each style's kind and id by its name, as python-docx finds a style by name to set it:
    the first style of the name, its id None when it is the default style of its kind
    (which text takes without naming it). One pass over the style sheet, where python-docx
    searches all of it for each name.
    """
    styles = document.styles
    defaults = {kind: styles.default(kind) for kind in WD_STYLE_TYPE}
    found: dict[str, tuple[WD_STYLE_TYPE, str | None]] = {}
    for style in styles:
        if style.name is not None and style.name not in found:
            default = style == defaults[style.type]
            found[style.name] = (style.type, None if default else style.style_id)
    return found


# Setting a style by id, as python-docx does once it has found the id by the style's name.
def set_paragraph_style(paragraph: Paragraph, style_id: str | None) -> None:
    paragraph._p.style = style_id


def set_run_style(run: Run, style_id: str | None) -> None:
    run._r.style = style_id


def set_table_style(table: Table, style_id: str | None) -> None:
    table._tbl.tblStyle_val = style_id


def add_paragraph(document: Document) -> Paragraph:
    """A new empty paragraph at the end of ``document``, as ``document.add_paragraph()``.

    python-docx finds the body's closing section properties by searching the whole body on
    every addition, which made a long document take time growing with the square of its
    length; they are the body's last child, which lxml reaches at once.
    """
    paragraph = OxmlElement("w:p")
    _append_to_body(document, paragraph)
    return Paragraph(paragraph, document._body)


def _append_to_body(document: Document, element: BaseOxmlElement) -> None:
    body = document.element.body
    last = next(body.iterchildren(reversed=True), None)
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(element)
    else:
        body.append(element)


# What python-docx writes as elements of their own (w:tab, w:br) rather than as text.
_NOT_TEXT = re.compile("[\t\r\n]")


def add_run(paragraph: Paragraph, text: str) -> Run:
    """``paragraph.add_run(text)``, the same XML made directly for plain text: python-docx
    looks at the text character by character, which was a good part of a build's time."""
    if _NOT_TEXT.search(text):
        return paragraph.add_run(text)
    run = paragraph._p.add_r()
    if text:
        run.add_t(text)
    return Run(run, paragraph)


def merge_empty_cells(table: Table, *, down: Sequence[int], across: tuple[int, int]) -> None:
    """Merge empty cells of ``table``'s first two rows: each column of ``down`` into one cell
    two rows high, and the first row's columns ``across[0]`` to ``across[1]`` into one.

    The same XML as python-docx's ``merge`` makes, which searches the table's grid on every
    call and took a third of the time a small plan's DOCX took.
    """
    first, second = (row._tr.tc_lst for row in table.rows[:2])
    for column in down:
        first[column].vMerge = ST_Merge.RESTART
        second[column].vMerge = ST_Merge.CONTINUE
    start, end = across
    merged = first[start]
    for other in first[start + 1 : end + 1]:
        if merged.width and other.width:
            merged.width = Length(merged.width + other.width)
        merged.grid_span += other.grid_span
        other.getparent().remove(other)


def detach(table: Table) -> None:
    """Take ``table`` out of its document, to serve as a pattern for copies."""
    table._tbl.getparent().remove(table._tbl)


def append_copy(document: Document, table: Table) -> Table:
    """A copy of ``table`` at the end of ``document``'s body."""
    element = copy.deepcopy(table._tbl)
    _append_to_body(document, element)
    return Table(element, table._parent)


def repeat_last_row(table: Table, count: int) -> list[_Row]:
    """Replace ``table``'s last row with ``count`` copies of it, and return them."""
    pattern = table._tbl.tr_lst[-1]
    copies = [copy.deepcopy(pattern) for _ in range(count)]
    for row in copies:
        pattern.addprevious(row)
    pattern.getparent().remove(pattern)
    return [_Row(row, table) for row in copies]


def repeat_as_header(row: _Row) -> None:
    """Repeat ``row`` at the top of every page the table runs onto."""
    _row_flag(row, "w:tblHeader")


def keep_together(row: _Row) -> None:
    """Move ``row`` whole to the next page rather than break it, when it fits on one."""
    _row_flag(row, "w:cantSplit")


def _row_flag(row: _Row, tag: str) -> None:
    # w:trPr's children form a choice group: any order is valid.
    properties = row._tr.get_or_add_trPr()
    if properties.find(qn(tag)) is None:
        properties.append(OxmlElement(tag))


def add_page_number(paragraph: Paragraph) -> None:
    """A PAGE field at the end of ``paragraph``: Word and LibreOffice fill in each page's number.

    The field has no stored result, so no page shows a number from the wrong page.
    """
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    for part in ("begin", instruction, "end"):
        run = paragraph.add_run()
        if isinstance(part, str):
            mark = OxmlElement("w:fldChar")
            mark.set(qn("w:fldCharType"), part)
            run._r.append(mark)
        else:
            run._r.append(part)


def number_pages(section: Section, *, thai_digits: bool, start: int | None) -> None:
    """Number ``section``'s pages in Thai or Arabic digits, from ``start`` or continuing."""
    numbering = _child(section._sectPr, "w:pgNumType", _AFTER_PGNUMTYPE)
    numbering.set(qn("w:fmt"), "thaiNumbers" if thai_digits else "decimal")
    if start is None:
        numbering.attrib.pop(qn("w:start"), None)
    else:
        numbering.set(qn("w:start"), str(start))


def end_section(document: Document, paragraph: Paragraph) -> Section:
    """End the current section with ``paragraph`` and start a new one on the next page.

    python-docx's own ``add_section`` ends a section with an extra empty paragraph, which
    can spill onto a page of its own. Here the section's properties go into the part's
    last paragraph instead. The new section starts as a copy of the ended one whose headers
    continue from it.
    """
    body = document.element.body
    sentinel = body.get_or_add_sectPr()
    paragraph._p.set_sectPr(sentinel.clone())
    for reference in sentinel.xpath("w:headerReference|w:footerReference"):
        sentinel.remove(reference)
    return document.sections[-1]


def clear_body(document: Document) -> None:
    """Remove the reference document's own text, keeping its page set-up."""
    document.element.body.clear_content()


def clear_core_properties(document: Document) -> None:
    """Drop every core property the reference document carried (author, dates, revision)."""
    properties = document.core_properties._element
    for child in list(properties):
        properties.remove(child)
