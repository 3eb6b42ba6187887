"""The body written as XML text: the bytes lxml would write for the same elements."""

from __future__ import annotations

import io
import zipfile
from types import SimpleNamespace

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, nsmap
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

from anticorrupt_plan.writers import _oxml

# Text blocks as the writer writes them, with the characters and the empty parts that lxml
# writes in a form of its own: escapes, short empty elements, spaces kept.
BLOCKS = [
    _oxml.paragraph(None, ""),
    _oxml.paragraph("BodyText", ""),
    _oxml.paragraph(None, _oxml.text_run("")),
    _oxml.paragraph(None, _oxml.text_run("", style_id="Strong")),
    _oxml.paragraph("Heading1", _oxml.text_run(" a < b & c > d "), keep_next=True),
    _oxml.paragraph(None, _oxml.text_run("a\rb\r\nc\n")),  # a template may write &#13;
    _oxml.paragraph("Odd\"'<&>\t\n\rStyle", _oxml.text_run("ชื่อ\u2060ตำบล\u00a0๒๕๖๒")),
    _oxml.paragraph(
        None,
        _oxml.bookmarked(3, '_plan_x"y', _oxml.text_run("x", strike=True, underline=True)),
        page_break_before=True,
    ),
    _oxml.paragraph("TOC", _oxml.TAB_RUN + _oxml.page_reference("_plan_a&b") + _oxml.BREAK_RUN),
    _oxml.table(
        "TableGrid",
        [1000, 2000],
        _oxml.table_row(
            _oxml.table_cell(1000, "", merge="continue")
            + _oxml.table_cell(2000, _oxml.paragraph(None, ""), span=2, valign="middle"),
            header=True,
            cant_split=True,
        )
        + _oxml.table_row(
            _oxml.table_cell(3000, "", merge="restart"), header=False, cant_split=False
        ),
    ),
    _oxml.table(None, [], ""),
]


def written_by_lxml(xml: str) -> str:
    """``xml`` parsed into a body whose document declares the namespace, and written out."""
    body = parse_xml(f"<w:body {nsdecls('w')}>{xml}</w:body>")
    written: str = etree.tostring(body, encoding="unicode")
    return written[written.index(">") + 1 : written.rindex("<")]


@pytest.mark.parametrize("xml", BLOCKS)
def test_a_block_written_as_text_is_what_lxml_writes(xml: str) -> None:
    assert written_by_lxml(xml) == xml


@pytest.mark.parametrize(
    "xml",
    [
        _oxml.paragraph(None, ""),
        _oxml.paragraph(None, _oxml.text_run("a")),
        _oxml.paragraph("Heading3", _oxml.text_run("a")),
        _oxml.paragraph("Heading3", _oxml.text_run("a"), keep_next=True),
        _oxml.paragraph(None, _oxml.text_run("a"), keep_next=True),
        _oxml.paragraph("Heading3", "", keep_next=True, page_break_before=True),
    ],
)
def test_a_page_break_before_a_text_block_is_where_python_docx_would_put_it(xml: str) -> None:
    body = _oxml.Body()
    number = body.add(xml)
    element: BaseOxmlElement = _oxml.parse_block(xml)
    _oxml.break_page_before(element)

    body.break_page_before(number)

    assert written_by_lxml(body._blocks[number]) == written_by_lxml(  # type: ignore[arg-type]
        etree.tostring(element, encoding="unicode").replace(f" {nsdecls('w')}", "")
    )


def saved_body(document: DocxDocument) -> bytes:
    stream = io.BytesIO()
    document.save(stream)
    with zipfile.ZipFile(stream) as archive:
        return archive.read("word/document.xml")


def test_placed_text_is_spliced_where_its_placeholder_was_written() -> None:
    """Blocks placed as text, around one that python-docx changes as an element, give the
    document.xml that the same blocks appended as elements give."""
    blocks = [
        _oxml.paragraph(None, _oxml.text_run("one")),
        _oxml.table(None, [10], _oxml.table_row("", header=False, cant_split=False)),
        _oxml.paragraph("Heading1", _oxml.text_run("two")),
        _oxml.paragraph(None, _oxml.text_run("three & <four>")),
    ]
    as_text, as_elements = docx.Document(), docx.Document()
    body = _oxml.Body()
    body.add(blocks[0])
    body.add_table(blocks[1])
    changed = body.add(blocks[2])
    _oxml.break_page_before(body.element(changed))
    body.add(blocks[3])

    body.place(as_text)
    spliced = b"".join(_oxml.spliced(saved_body(as_text), body.texts))

    for number, xml in enumerate(blocks):
        element = _oxml.parse_block(xml)
        if number == changed:
            _oxml.break_page_before(element)
        _oxml.append_block(as_elements, element)
    assert len(body.texts) == 2  # a run of text, the changed element, another run
    assert spliced == saved_body(as_elements)


def test_a_document_that_names_wordprocessingml_otherwise_gets_elements() -> None:
    uri = nsmap["w"]
    root = parse_xml(f'<document xmlns="{uri}"><body><sectPr/></body></document>')
    document = SimpleNamespace(element=root)
    body = _oxml.Body()
    body.add(_oxml.paragraph("Heading1", _oxml.text_run("ก")))
    body.add_table(_oxml.table(None, [10], _oxml.table_row("", header=False, cant_split=False)))

    body.place(document)  # type: ignore[arg-type]

    assert body.texts == {}
    written = etree.tostring(root, encoding="unicode")
    assert [child.tag for child in root[0]] == [f"{{{uri}}}p", f"{{{uri}}}tbl", f"{{{uri}}}sectPr"]
    assert etree.fromstring(written)[0][0].findtext(f".//{{{uri}}}t") == "ก"
