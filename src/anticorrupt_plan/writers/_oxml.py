"""The WordprocessingML that python-docx has no API for, in one place.

Thai text is "complex script" to Word: it takes the ``w:cs`` font, the ``w:szCs`` size and
``w:bCs`` bold, whatever the Latin settings say. Besides those, this module writes the
document's body as XML text (paragraphs, runs, tables with repeated header rows, merged
cells and rows that do not break), which lxml parses in one go: much quicker than building
each element through python-docx, and every byte of it decided here. It also writes
page-number fields and numbering, and the section breaks that end one part of the document
in its last paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.text.paragraph import Paragraph

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


def end_section(document: Document, paragraph: BaseOxmlElement) -> Section:
    """End the current section with ``paragraph`` (a ``w:p``) and start a new one on the next
    page.

    python-docx's own ``add_section`` ends a section with an extra empty paragraph, which
    can spill onto a page of its own. Here the section's properties go into the part's
    last paragraph instead. The new section starts as a copy of the ended one whose headers
    continue from it.
    """
    body = document.element.body
    sentinel = body.get_or_add_sectPr()
    paragraph.set_sectPr(sentinel.clone())
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


# --- the body as XML text ------------------------------------------------------------------------

_W_NAMESPACE = nsdecls("w")


def parse_block(xml: str) -> BaseOxmlElement:
    """One block element (``w:p`` or ``w:tbl``, as this module writes them) from its XML
    text, which lacks the namespace declaration that is added to its first tag here."""
    end = xml.index(">")
    element: BaseOxmlElement = parse_xml(f"{xml[:end]} {_W_NAMESPACE}{xml[end:]}")
    return element


def append_block(document: Document, element: BaseOxmlElement) -> None:
    """Add ``element`` at the end of the body, before its closing section properties.

    python-docx finds those by searching the whole body on every addition, which made a
    long document take time growing with the square of its length; they are the body's
    last child, which lxml reaches at once.
    """
    body = document.element.body
    last = next(body.iterchildren(reversed=True), None)
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(element)
    else:
        body.append(element)


def text(value: str) -> str:
    """``value`` escaped for XML character data."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def text_run(
    value: str, *, style_id: str | None = None, strike: bool = False, underline: bool = False
) -> str:
    """A run of plain text (no tabs or line breaks) in the character style ``style_id``."""
    properties = ""
    if style_id is not None:
        properties += f'<w:rStyle w:val="{text(style_id)}"/>'
    if strike:
        properties += "<w:strike/>"
    if underline:
        properties += '<w:u w:val="single"/>'
    if properties:
        properties = f"<w:rPr>{properties}</w:rPr>"
    if not value:
        return f"<w:r>{properties}</w:r>"
    space = ' xml:space="preserve"' if value != value.strip() else ""
    return f"<w:r>{properties}<w:t{space}>{text(value)}</w:t></w:r>"


TAB_RUN = "<w:r><w:tab/></w:r>"
BREAK_RUN = "<w:r><w:br/></w:r>"


def paragraph(
    style_id: str | None, runs: str, *, keep_next: bool = False, page_break_before: bool = False
) -> str:
    """A paragraph in the paragraph style ``style_id`` (None: the default style)."""
    properties = ""
    if style_id is not None:
        properties += f'<w:pStyle w:val="{text(style_id)}"/>'
    if keep_next:
        properties += "<w:keepNext/>"
    if page_break_before:
        properties += "<w:pageBreakBefore/>"
    if properties:
        properties = f"<w:pPr>{properties}</w:pPr>"
    return f"<w:p>{properties}{runs}</w:p>"


def table(style_id: str | None, widths: Sequence[int], rows: str) -> str:
    """A table of fixed column ``widths`` (twips) in the table style ``style_id``, with
    ``rows`` made by :func:`table_row`."""
    style = f'<w:tblStyle w:val="{text(style_id)}"/>' if style_id is not None else ""
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    return (
        f'<w:tbl><w:tblPr>{style}<w:tblW w:type="auto" w:w="0"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
        f'w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        f"{rows}</w:tbl>"
    )


def table_row(cells: str, *, header: bool, cant_split: bool) -> str:
    """A row of ``cells`` (from :func:`table_cell`): repeated at the top of every page the
    table runs onto when ``header``; moved whole to the next page when ``cant_split``."""
    flags = ("<w:cantSplit/>" if cant_split else "") + ("<w:tblHeader/>" if header else "")
    properties = f"<w:trPr>{flags}</w:trPr>" if flags else ""
    return f"<w:tr>{properties}{cells}</w:tr>"


def table_cell(
    width: int, paragraphs: str, *, span: int = 1, merge: str | None = None, centred: bool = False
) -> str:
    """A cell ``width`` twips wide spanning ``span`` grid columns. ``merge`` is ``restart``
    for the top of a cell that spans rows, ``continue`` for the places below it."""
    properties = f'<w:tcW w:type="dxa" w:w="{width}"/>'
    if span > 1:
        properties += f'<w:gridSpan w:val="{span}"/>'
    if merge == "restart":
        properties += '<w:vMerge w:val="restart"/>'
    elif merge == "continue":
        properties += "<w:vMerge/>"
    if centred:
        properties += '<w:vAlign w:val="center"/>'
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{paragraphs or '<w:p/>'}</w:tc>"


def picture_run(inline: BaseOxmlElement) -> BaseOxmlElement:
    """A run holding the picture ``inline`` (python-docx's ``w:inline`` element)."""
    run = OxmlElement("w:r")
    drawing = OxmlElement("w:drawing")
    drawing.append(inline)
    run.append(drawing)
    return run


def bookmarked(number: int, name: str, runs: str) -> str:
    """``runs`` inside a bookmark called ``name`` (``number`` is its id, unique in the body)."""
    return (
        f'<w:bookmarkStart w:id="{number}" w:name="{text(name)}"/>{runs}'
        f'<w:bookmarkEnd w:id="{number}"/>'
    )


def page_reference(name: str) -> str:
    """A PAGEREF field: the number of the page where the bookmark ``name`` is. It carries no
    stored result, so that no reader shows a number from another layout; Word and
    LibreOffice work it out."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> PAGEREF {text(name)} \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


# Elements that follow w:updateFields in w:settings (schema order).
_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids",
    "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary",
    "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)  # fmt: skip


def update_fields_on_open(document: Document) -> None:
    """Ask Word to work out the document's fields (page references) when it opens it."""
    settings = document.settings.element
    update = _child(settings, "w:updateFields", _AFTER_UPDATE_FIELDS)
    update.set(qn("w:val"), "true")
