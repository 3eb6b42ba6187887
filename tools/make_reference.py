"""Write templates/reference.docx: the page set-up and styles that the DOCX output is built on.

A clerk may restyle templates/reference.docx in Word instead (fonts, sizes, spacing,
margins); this script is what made the original, so that it can be made again or changed in
review. Run it with ``make reference``. It writes the parts of a Word document directly,
so that the document holds only the styles the plan uses, each with its Thai
(complex-script) font, size and bold set beside the Latin ones.
"""

from __future__ import annotations

import sys
from pathlib import Path

from anticorrupt_plan.core.output import deterministic_zip

FONT = "TH SarabunIT๙"
SIZE_PT = 16

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def twips(cm: float) -> int:
    """Centimetres as twentieths of a point, the unit of page and indent measures."""
    return round(cm * 1440 / 2.54)


def half_points(pt: float) -> int:
    return round(pt * 2)


def run_properties(*, size: float | None = None, bold: bool = False) -> str:
    """Run properties in schema order; bold and size are set for Thai text (bCs, szCs) too."""
    parts = ["<w:b/><w:bCs/>" if bold else ""]
    if size is not None:
        parts.append(f'<w:sz w:val="{half_points(size)}"/><w:szCs w:val="{half_points(size)}"/>')
    text = "".join(parts)
    return f"<w:rPr>{text}</w:rPr>" if text else ""


def paragraph_properties(
    *,
    keep_next: bool = False,
    border: bool = False,
    tabs: tuple[float, ...] = (),
    before: float = 0,
    after: float = 0,
    left: float = 0,
    right: float = 0,
    first_line: float = 0,
    hanging: float = 0,
    align: str | None = None,
    outline: int | None = None,
) -> str:
    """Paragraph properties in the order the schema requires (Word refuses any other)."""
    parts = []
    if keep_next:
        parts.append("<w:keepNext/>")
    if border:
        parts.append(
            '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>'
        )
    if tabs:
        stops = "".join(f'<w:tab w:val="left" w:pos="{twips(cm)}"/>' for cm in tabs)
        parts.append(f"<w:tabs>{stops}</w:tabs>")
    parts.append(f'<w:spacing w:before="{round(before * 20)}" w:after="{round(after * 20)}"/>')
    indent = f'w:left="{twips(left)}" w:right="{twips(right)}"'
    if first_line:
        indent += f' w:firstLine="{twips(first_line)}"'
    if hanging:
        indent += f' w:hanging="{twips(hanging)}"'
    parts.append(f"<w:ind {indent}/>")
    if align:
        parts.append(f'<w:jc w:val="{align}"/>')
    if outline is not None:
        parts.append(f'<w:outlineLvl w:val="{outline}"/>')
    return f"<w:pPr>{''.join(parts)}</w:pPr>"


def paragraph_style(
    style_id: str,
    name: str,
    paragraph: str,
    *,
    size: float | None = None,
    bold: bool = False,
    built_in: bool = False,
) -> str:
    """A paragraph style based on Normal; ``built_in`` for Word's own (shown translated)."""
    custom = "" if built_in else ' w:customStyle="1"'
    return (
        f'<w:style w:type="paragraph"{custom} w:styleId="{style_id}"><w:name w:val="{name}"/>'
        '<w:basedOn w:val="Normal"/>'
        f'<w:next w:val="Normal"/><w:qFormat/>{paragraph}'
        f"{run_properties(size=size, bold=bold)}</w:style>"
    )


# Indents shared by several styles, in centimetres.
FIRST_LINE = 2.5  # the first-line indent of Thai official text
NUMBER_WIDTH = 0.75  # room for "๑." before a numbered item's text
LABEL_WIDTH = 3.0  # room for "ยุทธศาสตร์ที่ ๑" before its text
FIELD_WIDTH = 5.0  # room for "เป้าประสงค์หลักที่ ๑" in a goal's header block
STEP_WIDTH = 0.6  # room for "๑." inside a table cell
SIGNATURE_LEFT = 6.5  # the signature block is centred right of the middle of the text

_pp = paragraph_properties

# Sizes are in points; a style without a size takes the document's (docDefaults).
STYLES = (
    paragraph_style("Emblem", "Emblem", _pp(align="center", after=6)),
    paragraph_style(
        "AnnouncementHeading",
        "Announcement Heading",
        _pp(keep_next=True, align="center"),
        bold=True,
    ),
    paragraph_style(
        "AnnouncementSubject",
        "Announcement Subject",
        _pp(keep_next=True, align="center"),
        bold=True,
    ),
    # A short centred rule: the bottom border of an empty paragraph indented from both sides.
    paragraph_style("Separator", "Separator", _pp(border=True, left=6.5, right=6.5, after=18)),
    paragraph_style(
        "BodyText",
        "Body Text",
        _pp(first_line=FIRST_LINE, after=6, align="thaiDistribute"),
        built_in=True,
    ),
    paragraph_style("DateLine", "Date Line", _pp(keep_next=True, left=4.0, before=18)),
    paragraph_style(
        "SignatureName",
        "Signature Name",
        _pp(keep_next=True, left=SIGNATURE_LEFT, before=54, align="center"),
    ),
    paragraph_style("Signature", "Signature", _pp(left=SIGNATURE_LEFT, align="center")),
    paragraph_style(
        "Title", "Title", _pp(before=160, align="center"), size=28, bold=True, built_in=True
    ),
    paragraph_style(
        "Subtitle", "Subtitle", _pp(before=6, align="center"), size=24, bold=True, built_in=True
    ),
    paragraph_style("CoverText", "Cover Text", _pp(before=72, after=72, align="center"), size=22),
    paragraph_style(
        "CoverOrganization", "Cover Organization", _pp(align="center"), size=22, bold=True
    ),
    paragraph_style(
        "Heading1",
        "heading 1",
        _pp(keep_next=True, after=12, align="center", outline=0),
        size=18,
        bold=True,
        built_in=True,
    ),
    paragraph_style(
        "Heading2",
        "heading 2",
        _pp(keep_next=True, before=12, after=6, outline=1),
        bold=True,
        built_in=True,
    ),
    paragraph_style(
        "Heading3",
        "heading 3",
        _pp(keep_next=True, before=6, after=3, outline=2),
        bold=True,
        built_in=True,
    ),
    paragraph_style(
        "NumberedItem",
        "Numbered Item",
        _pp(
            tabs=(FIRST_LINE + NUMBER_WIDTH,),
            left=FIRST_LINE + NUMBER_WIDTH,
            hanging=NUMBER_WIDTH,
            after=6,
            align="thaiDistribute",
        ),
    ),
    paragraph_style(
        "LabelledItem",
        "Labelled Item",
        _pp(
            tabs=(FIRST_LINE + LABEL_WIDTH,),
            left=FIRST_LINE + LABEL_WIDTH,
            hanging=LABEL_WIDTH,
            after=6,
            align="thaiDistribute",
        ),
    ),
    paragraph_style(
        "GoalField",
        "Goal Field",
        _pp(keep_next=True, tabs=(FIELD_WIDTH,), left=FIELD_WIDTH, hanging=FIELD_WIDTH, after=3),
    ),
    paragraph_style(
        "MeasureHeading",
        "Measure Heading",
        _pp(
            keep_next=True,
            tabs=(FIELD_WIDTH,),
            left=FIELD_WIDTH,
            hanging=FIELD_WIDTH,
            before=12,
            after=6,
        ),
    ),
    paragraph_style(
        "TableHeading", "Table Heading", _pp(keep_next=True, align="center"), bold=True
    ),
    paragraph_style("TableText", "Table Text", _pp()),
    paragraph_style("TableTarget", "Table Target", _pp(align="center")),
    paragraph_style("TableAmount", "Table Amount", _pp(align="right")),  # amounts in baht
    paragraph_style(
        "TableStep", "Table Step", _pp(tabs=(STEP_WIDTH,), left=STEP_WIDTH, hanging=STEP_WIDTH)
    ),
    # A note under a table (what its marks mean), and a figure (a chart) on a line of its own.
    paragraph_style("Note", "Note", _pp(before=6)),
    paragraph_style("Figure", "Figure", _pp(keep_next=True, before=6, after=6, align="center")),
    paragraph_style("Header", "header", _pp(align="center"), built_in=True),
)

_BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
_BORDERS = "".join(
    _BORDER.format(side=side) for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
_CELL_MARGIN = twips(0.15)


def styles_xml() -> str:
    latin_and_thai = (
        f'<w:rFonts w:ascii="{FONT}" w:eastAsia="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/>'
    )
    size = half_points(SIZE_PT)
    return (
        f'{_DECLARATION}<w:styles xmlns:w="{_W}">'
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'{latin_and_thai}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        '<w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="th-TH"/>'
        "</w:rPr></w:rPrDefault>"
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        "<w:qFormat/></w:style>"
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>"
        '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/><w:rPr><w:b/><w:bCs/></w:rPr>'
        "</w:style>"
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        '<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
        '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
        '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:tblPr>'
        f"<w:tblBorders>{_BORDERS}</w:tblBorders><w:tblCellMar>"
        f'<w:top w:w="{twips(0.05)}" w:type="dxa"/><w:left w:w="{_CELL_MARGIN}" w:type="dxa"/>'
        f'<w:bottom w:w="{twips(0.05)}" w:type="dxa"/>'
        f'<w:right w:w="{_CELL_MARGIN}" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        f"{''.join(STYLES)}</w:styles>"
    )


def document_xml() -> str:
    """An empty A4 portrait page: margins left 3, right 2, top 2.5, bottom 2 cm."""
    margins = (
        f'w:top="{twips(2.5)}" w:right="{twips(2)}" w:bottom="{twips(2)}" '
        f'w:left="{twips(3)}" w:header="{twips(1.25)}" w:footer="{twips(1)}" w:gutter="0"'
    )
    return (
        f'{_DECLARATION}<w:document xmlns:w="{_W}" xmlns:r="{_R}"><w:body><w:p/>'
        f'<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar {margins}/>'
        '<w:cols w:space="708"/></w:sectPr></w:body></w:document>'
    )


def settings_xml() -> str:
    return (
        f'{_DECLARATION}<w:settings xmlns:w="{_W}"><w:defaultTabStop w:val="720"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/><w:compat>'
        '<w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="en-US" w:bidi="th-TH"/>'
        "</w:settings>"
    )


def font_table_xml() -> str:
    # Thai character set and a proportional sans face: what Word needs to pick a Thai
    # substitute on a computer without the font.
    return (
        f'{_DECLARATION}<w:fonts xmlns:w="{_W}"><w:font w:name="{FONT}"><w:charset w:val="DE"/>'
        '<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>'
    )


def content_types_xml() -> str:
    parts = {
        "/word/document.xml": f"{_CT}.document.main+xml",
        "/word/styles.xml": f"{_CT}.styles+xml",
        "/word/settings.xml": f"{_CT}.settings+xml",
        "/word/fontTable.xml": f"{_CT}.fontTable+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    }
    overrides = "".join(
        f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in parts.items()
    )
    return (
        f"{_DECLARATION}"
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>'
    )


def relationships_xml(targets: dict[str, tuple[str, str]]) -> str:
    items = "".join(
        f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>'
        for rid, (kind, target) in targets.items()
    )
    return f'{_DECLARATION}<Relationships xmlns="{_PKG_REL}">{items}</Relationships>'


def core_xml() -> str:
    return (
        f"{_DECLARATION}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:title>anticorrupt-plan reference document</dc:title></cp:coreProperties>"
    )


def reference_docx() -> bytes:
    """The reference document's bytes: the same every time."""
    parts = {
        "[Content_Types].xml": content_types_xml(),
        "_rels/.rels": relationships_xml(
            {
                "rId1": (f"{_R}/officeDocument", "word/document.xml"),
                "rId2": (
                    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                    "core-properties",
                    "docProps/core.xml",
                ),
            }
        ),
        "docProps/core.xml": core_xml(),
        "word/document.xml": document_xml(),
        "word/_rels/document.xml.rels": relationships_xml(
            {
                "rId1": (f"{_R}/styles", "styles.xml"),
                "rId2": (f"{_R}/settings", "settings.xml"),
                "rId3": (f"{_R}/fontTable", "fontTable.xml"),
            }
        ),
        "word/styles.xml": styles_xml(),
        "word/settings.xml": settings_xml(),
        "word/fontTable.xml": font_table_xml(),
    }
    return deterministic_zip({name: text.encode("utf-8") for name, text in parts.items()})


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else Path("templates/reference.docx")
    target.write_bytes(reference_docx())
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
