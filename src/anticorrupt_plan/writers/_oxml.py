"""The WordprocessingML that python-docx has no API for, in one place.

Thai text is "complex script" to Word: it takes the ``w:cs`` font, the ``w:szCs`` size and
``w:bCs`` bold, whatever the Latin settings say. Besides those, this module writes the
document's body as XML text (paragraphs, runs, tables with repeated header rows, merged
cells and rows that do not break), exactly as lxml writes such elements: the text goes
into the saved document.xml as it is (:class:`Body`), and only the few blocks python-docx
must change become elements. Much quicker than building each element through
python-docx, and every byte of it decided here. It also writes page-number fields and
numbering, and the section breaks that end one part of the document in its last paragraph.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, nsmap, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.text.paragraph import Paragraph
from lxml import etree  # type: ignore[import-untyped]  # python-docx's XML library

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


def add_page_number(paragraph: Paragraph, *, thai: bool = False) -> None:
    """A PAGE field at the end of ``paragraph``: Word and LibreOffice fill in each page's number.

    The field has no stored result, so no page shows a number from the wrong page. ``thai``
    marks the field's runs as Thai text (``w:lang w:val="th-TH"``): Word draws the number
    by the section's ``thaiNumbers`` format, which LibreOffice ignores; LibreOffice, told to
    draw digits by the language of their text (the PDF's profile), draws them in Thai
    digits then. Only these runs are marked, so no other digit changes.
    """
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    for part in ("begin", instruction, "end"):
        run = paragraph.add_run()
        if thai:
            language = OxmlElement("w:lang")
            language.set(qn("w:val"), "th-TH")
            language.set(qn("w:bidi"), "th-TH")
            run._r.get_or_add_rPr().append(language)
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
_W_URI = nsmap["w"]


def parse_block(xml: str) -> BaseOxmlElement:
    """One block element (``w:p`` or ``w:tbl``, as this module writes them) from its XML
    text, which lacks the namespace declaration that is added to its first tag here."""
    end = xml.index(">")
    if xml[end - 1] == "/":  # an empty element: <w:p/>
        end -= 1
    element: BaseOxmlElement = parse_xml(f"{xml[:end]} {_W_NAMESPACE}{xml[end:]}")
    return element


# A body block is written as text and spliced into the saved document.xml where this
# processing instruction stands (see Body): no text the writer writes can hold "<?".
_SPLICE_TARGET = "anticorrupt-plan-body"
_SPLICE = re.compile(rb"<\?" + _SPLICE_TARGET.encode() + rb" ([0-9]+)\?>")


class Body:
    """The document's body as it is written, block by block: most blocks as XML text
    (lxml would parse each into elements only to write the same text out again), the few
    that python-docx must touch (a section's last paragraph, a picture's) as elements.

    Blocks are numbered in order. :meth:`place` puts those written so far into the
    document's body: the elements themselves, and for each run of text blocks a
    placeholder that :func:`spliced` replaces with their text once the document is saved.
    The text is what lxml would write for these elements: empty elements written short, no
    namespace declarations (the document element declares them).
    """

    def __init__(self) -> None:
        self._blocks: list[str | bytes | BaseOxmlElement] = []
        self._placed = 0  # how many blocks are in the document
        self.texts: dict[int, list[bytes]] = {}  # each placeholder's text, as UTF-8 pieces

    def add(self, xml: str) -> int:
        """Add a paragraph (XML text from :func:`paragraph`) and return its number."""
        self._blocks.append(xml)
        return len(self._blocks) - 1

    def add_table(self, xml: str) -> None:
        """Add a table (XML text from :func:`table`), which nothing changes after."""
        self._blocks.append(xml.encode())

    def element(self, number: int) -> BaseOxmlElement:
        """Block ``number`` as an element, for python-docx to change."""
        block = self._blocks[number]
        if isinstance(block, str | bytes):
            assert number >= self._placed, "a block placed as text is text"
            block = self._blocks[number] = parse_block(
                block if isinstance(block, str) else block.decode()
            )
        return block

    def break_page_before(self, number: int) -> None:
        """Start a new page before paragraph ``number``."""
        block = self._blocks[number]
        if isinstance(block, str):
            assert number >= self._placed, "a block placed as text is text"
            self._blocks[number] = _break_page_before_text(block)
        else:
            break_page_before(self.element(number))

    def place(self, document: Document) -> None:
        """Put the blocks written since the last call at the end of ``document``'s body
        (before a picture is made: python-docx numbers pictures by those in the document).

        The text names WordprocessingML ``w:``, as Word and LibreOffice declare it on the
        document element; a reference document that declares it otherwise gets elements."""
        as_text = document.element.nsmap.get("w") == _W_URI
        run: list[bytes] | None = None
        for number in range(self._placed, len(self._blocks)):
            block = self._blocks[number]
            if isinstance(block, str | bytes) and not as_text:
                block = self._blocks[number] = self.element(number)
            if isinstance(block, str | bytes):
                if run is None:
                    run = self.texts[len(self.texts)] = []
                    mark = str(len(self.texts) - 1)
                    append_block(document, etree.ProcessingInstruction(_SPLICE_TARGET, mark))
                run.append(block.encode() if isinstance(block, str) else block)
                self._blocks[number] = b""  # its text is in ``texts`` now
            else:
                run = None
                append_block(document, block)
        self._placed = len(self._blocks)


def spliced(xml: bytes, texts: Mapping[int, Sequence[bytes]]) -> list[bytes]:
    """The saved document.xml ``xml`` with each placeholder replaced by its text, as pieces."""
    pieces: list[bytes] = []
    start = 0
    for found in _SPLICE.finditer(xml):
        pieces.append(xml[start : found.start()])
        pieces.extend(texts[int(found.group(1))])
        start = found.end()
    pieces.append(xml[start:])
    return pieces


_PPR = "<w:p><w:pPr>"


_BREAK = "<w:pageBreakBefore/>"


def _break_page_before_text(xml: str) -> str:
    """The paragraph ``xml`` (from :func:`paragraph`) starting a new page: its page break
    where :func:`break_page_before` puts one, after the style and keep-with-next."""
    if xml == "<w:p/>":
        return f"<w:p><w:pPr>{_BREAK}</w:pPr></w:p>"
    if not xml.startswith(_PPR):
        return f"{_PPR}{_BREAK}</w:pPr>{xml.removeprefix('<w:p>')}"
    end = xml.index("</w:pPr>")
    properties = xml[len(_PPR) : end]
    if _BREAK in properties:
        return xml
    at = properties.index("/>") + 2 if properties.startswith("<w:pStyle ") else 0
    if properties.startswith("<w:keepNext/>", at):
        at += len("<w:keepNext/>")
    return _PPR + properties[:at] + _BREAK + properties[at:] + xml[end:]


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
    """``value`` escaped for XML character data, as lxml writes it once parsed (which reads
    a carriage return, alone or before a line feed, as a line feed)."""
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_ATTRIBUTE = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\t": "&#9;",
        "\n": "&#10;",
        "\r": "&#13;",
    }
)


@functools.lru_cache(maxsize=256)  # style ids, bookmark names: few, written often
def attribute(value: str) -> str:
    """``value`` escaped for an attribute value in double quotes, as lxml writes it."""
    return value.translate(_ATTRIBUTE)


def text_run(
    value: str, *, style_id: str | None = None, strike: bool = False, underline: bool = False
) -> str:
    """A run of plain text (no tabs or line breaks) in the character style ``style_id``."""
    properties = ""
    if style_id is not None:
        properties += f'<w:rStyle w:val="{attribute(style_id)}"/>'
    if strike:
        properties += "<w:strike/>"
    if underline:
        properties += '<w:u w:val="single"/>'
    if properties:
        properties = f"<w:rPr>{properties}</w:rPr>"
    if not value:
        return f"<w:r>{properties}</w:r>" if properties else "<w:r/>"
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
        properties += f'<w:pStyle w:val="{attribute(style_id)}"/>'
    if keep_next:
        properties += "<w:keepNext/>"
    if page_break_before:
        properties += "<w:pageBreakBefore/>"
    if properties:
        properties = f"<w:pPr>{properties}</w:pPr>"
    elif not runs:
        return "<w:p/>"
    return f"<w:p>{properties}{runs}</w:p>"


def _paragraph_properties(element: BaseOxmlElement) -> BaseOxmlElement:
    found = element.find(qn("w:pPr"))
    if found is None:
        found = OxmlElement("w:pPr")
        element.insert(0, found)
    return found  # type: ignore[no-any-return]


def break_page_before(element: BaseOxmlElement) -> None:
    """Start a new page before the paragraph ``element`` (written by :func:`paragraph`)."""
    properties = _paragraph_properties(element)
    if properties.find(qn("w:pageBreakBefore")) is None:
        mark = OxmlElement("w:pageBreakBefore")
        keep = properties.find(qn("w:keepNext"))
        style = properties.find(qn("w:pStyle"))
        anchor = keep if keep is not None else style
        if anchor is not None:
            anchor.addnext(mark)
        else:
            properties.insert(0, mark)


def table(style_id: str | None, widths: Sequence[int], rows: str) -> str:
    """A table of fixed column ``widths`` (twips) in the table style ``style_id``, with
    ``rows`` made by :func:`table_row`."""
    style = f'<w:tblStyle w:val="{attribute(style_id)}"/>' if style_id is not None else ""
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    grid = f"<w:tblGrid>{grid}</w:tblGrid>" if grid else "<w:tblGrid/>"
    return (
        f'<w:tbl><w:tblPr>{style}<w:tblW w:type="auto" w:w="0"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
        f'w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr>{grid}'
        f"{rows}</w:tbl>"
    )


def table_row(cells: str, *, header: bool, cant_split: bool) -> str:
    """A row of ``cells`` (from :func:`table_cell`): repeated at the top of every page the
    table runs onto when ``header``; moved whole to the next page when ``cant_split``."""
    flags = ("<w:cantSplit/>" if cant_split else "") + ("<w:tblHeader/>" if header else "")
    properties = f"<w:trPr>{flags}</w:trPr>" if flags else ""
    return f"<w:tr>{properties}{cells}</w:tr>" if properties or cells else "<w:tr/>"


_VERTICAL = {"middle": "center", "bottom": "bottom"}


def table_cell(
    width: int,
    paragraphs: str,
    *,
    span: int = 1,
    merge: str | None = None,
    valign: str = "top",
    open_edge: str | None = None,
) -> str:
    """A cell ``width`` twips wide spanning ``span`` grid columns. ``merge`` is ``restart``
    for the top of a cell that spans rows, ``continue`` for the places below it; ``valign``
    (top, middle, bottom) where its text stands in a taller row; ``open_edge`` (top,
    bottom) the edge drawn without a rule, where the cell goes on in the next row."""
    properties = f'<w:tcW w:type="dxa" w:w="{width}"/>'
    if span > 1:
        properties += f'<w:gridSpan w:val="{span}"/>'
    if merge == "restart":
        properties += '<w:vMerge w:val="restart"/>'
    elif merge == "continue":
        properties += "<w:vMerge/>"
    if open_edge in ("top", "bottom"):
        properties += f'<w:tcBorders><w:{open_edge} w:val="nil"/></w:tcBorders>'
    if valign in _VERTICAL:
        properties += f'<w:vAlign w:val="{_VERTICAL[valign]}"/>'
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
        f'<w:bookmarkStart w:id="{number}" w:name="{attribute(name)}"/>{runs}'
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


# --- what the styles make of text: sizes, spacing, indents, cell margins --------------------------

TWIPS_PER_POINT = 20
_OFF = {"0", "false", "off"}


@dataclass(frozen=True)
class ParagraphFormat:
    """How a paragraph style sets its text, in points: the size and weight of its Thai text,
    the space before and after it, its line spacing (a multiple of single spacing, or an
    exact pitch), its indents (``first_line`` negative for a hanging indent) and whether it
    is kept on the page of the paragraph after it."""

    size_pt: float
    bold: bool = False
    before_pt: float = 0.0
    after_pt: float = 0.0
    line_multiple: float = 1.0
    line_exact_pt: float | None = None
    left_pt: float = 0.0
    right_pt: float = 0.0
    first_line_pt: float = 0.0
    keep_next: bool = False


@dataclass(frozen=True)
class CellMargins:
    """A table style's room inside each cell and the width of the rules between rows (pt)."""

    left_pt: float = 5.4  # Word's default: 108 twips
    right_pt: float = 5.4
    top_pt: float = 0.0
    bottom_pt: float = 0.0
    rule_pt: float = 0.0


def _twips_pt(element: BaseOxmlElement | None, attribute: str) -> float | None:
    if element is None:
        return None
    value = element.get(qn(attribute))
    if value is None or not value.lstrip("-").isdigit():
        return None
    return int(value) / TWIPS_PER_POINT


def _flag(element: BaseOxmlElement | None) -> bool | None:
    if element is None:
        return None
    return element.get(qn("w:val"), "true").lower() not in _OFF


class StyleSheet:
    """The reference document's styles, resolved as Word resolves them: document defaults,
    then each style it is based on, then the style itself."""

    def __init__(self, document: Document) -> None:
        root = document.styles.element
        self._styles = {style.get(qn("w:styleId")): style for style in root.iterfind(qn("w:style"))}
        self._defaults = root.find(qn("w:docDefaults"))
        default = [
            style
            for style in self._styles.values()
            if style.get(qn("w:type")) == "paragraph"
            and style.get(qn("w:default")) in ("1", "true", "on")
        ]
        self._default_paragraph = default[0].get(qn("w:styleId")) if default else None
        self._formats: dict[str | None, ParagraphFormat] = {}

    def _chain(self, style_id: str | None) -> list[BaseOxmlElement]:
        """The style and those it is based on, the most basic first."""
        chain: list[BaseOxmlElement] = []
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            style = self._styles[style_id]
            chain.insert(0, style)
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return chain

    def _layers(self, style_id: str | None, kind: str) -> list[BaseOxmlElement]:
        """The ``w:pPr`` or ``w:rPr`` elements that apply, in the order they apply."""
        layers = []
        if self._defaults is not None:
            found = self._defaults.find(f"{qn(f'w:{kind}Default')}/{qn(f'w:{kind}')}")
            if found is not None:
                layers.append(found)
        for style in self._chain(style_id):
            found = style.find(qn(f"w:{kind}"))
            if found is not None:
                layers.append(found)
        return layers

    def paragraph(self, style_id: str | None, *, default_size: float) -> ParagraphFormat:
        """The format of paragraphs in ``style_id`` (None: the default paragraph style)."""
        key = style_id or self._default_paragraph
        found = self._formats.get(key)
        if found is not None:
            return found
        values: dict[str, float | bool | None] = {"size_pt": default_size}
        for rpr in self._layers(key, "rPr"):
            for tag in ("w:sz", "w:szCs"):  # the Thai size, where one is given, wins
                size = rpr.find(qn(tag))
                if size is not None and size.get(qn("w:val"), "").isdigit():
                    values["size_pt"] = int(size.get(qn("w:val"))) / 2
            for tag in ("w:b", "w:bCs"):
                bold = _flag(rpr.find(qn(tag)))
                if bold is not None:
                    values["bold"] = bold
        for ppr in self._layers(key, "pPr"):
            spacing = ppr.find(qn("w:spacing"))
            for name, attribute in (("before_pt", "w:before"), ("after_pt", "w:after")):
                value = _twips_pt(spacing, attribute)
                if value is not None:
                    values[name] = value
            line = _twips_pt(spacing, "w:line")
            if line is not None:
                if (spacing.get(qn("w:lineRule")) or "auto") == "auto":
                    values["line_multiple"], values["line_exact_pt"] = line * 20 / 240, None
                else:
                    values["line_exact_pt"] = line
            indent = ppr.find(qn("w:ind"))
            for name, attributes in (
                ("left_pt", ("w:left", "w:start")),
                ("right_pt", ("w:right", "w:end")),
            ):
                for attribute in attributes:
                    value = _twips_pt(indent, attribute)
                    if value is not None:
                        values[name] = value
            first = _twips_pt(indent, "w:firstLine")
            hanging = _twips_pt(indent, "w:hanging")
            if hanging is not None:
                values["first_line_pt"] = -hanging
            elif first is not None:
                values["first_line_pt"] = first
            keep = _flag(ppr.find(qn("w:keepNext")))
            if keep is not None:
                values["keep_next"] = keep
        found = self._formats[key] = ParagraphFormat(**values)  # type: ignore[arg-type]
        return found

    def cell_margins(self, style_id: str | None) -> CellMargins:
        """The cell margins and row rules of tables in the table style ``style_id``."""
        values: dict[str, float] = {}
        for style in self._chain(style_id):
            properties = style.find(qn("w:tblPr"))
            if properties is None:
                continue
            margins = properties.find(qn("w:tblCellMar"))
            for name, tags in (
                ("left_pt", ("w:left", "w:start")),
                ("right_pt", ("w:right", "w:end")),
                ("top_pt", ("w:top",)),
                ("bottom_pt", ("w:bottom",)),
            ):
                for tag in tags:
                    value = _twips_pt(margins.find(qn(tag)) if margins is not None else None, "w:w")
                    if value is not None:
                        values[name] = value
            borders = properties.find(qn("w:tblBorders"))
            rule = borders.find(qn("w:insideH")) if borders is not None else None
            if rule is not None:
                none = rule.get(qn("w:val")) in ("nil", "none")
                size = rule.get(qn("w:sz"), "0")
                values["rule_pt"] = 0.0 if none or not size.isdigit() else int(size) / 8
        return CellMargins(**values)
