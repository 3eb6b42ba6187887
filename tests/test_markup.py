"""The template markup: what it reads into the document tree, and what it refuses."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from anticorrupt_plan.document.markup import MarkupError, _element_tree, _Reader, parse
from anticorrupt_plan.document.tree import (
    Break,
    Cell,
    Column,
    Document,
    Heading,
    Image,
    ItemList,
    Lines,
    Paragraph,
    Rule,
    Section,
    Tab,
    Table,
    Text,
)


def blocks(markup: str) -> tuple[object, ...]:
    [section] = parse(f"<document><section>{markup}</section></document>").sections
    return section.blocks


def test_a_document_of_sections_with_their_page_settings() -> None:
    document = parse(
        '<document page-number="- {page} -">\n'
        "  <section><p>ก</p></section>\n"
        '  <section orientation="landscape" numbering="restart" number-first-page="yes">\n'
        "  </section>\n"
        "</document>\n"
    )

    assert document.page_number == "- {page} -"
    assert document.sections == (
        Section(blocks=(Paragraph((Text("ก"),), style="Body Text"),)),
        Section(blocks=(), landscape=True, numbering="restart", number_first_page=True),
    )


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        pytest.param(
            "<p>ประกาศ<b>องค์การ</b> <s>ลบ</s><u>เพิ่ม</u><br/>บรรทัด<tab/>ข้อ</p>",
            Paragraph(
                (
                    Text("ประกาศ"),
                    Text("องค์การ", strong=True),
                    Text(" "),
                    Text("ลบ", strike=True),
                    Text("เพิ่ม", underline=True),
                    Break(),
                    Text("บรรทัด"),
                    Tab(),
                    Text("ข้อ"),
                ),
                style="Body Text",
            ),
            id="inline emphasis, breaks and tabs",
        ),
        pytest.param(
            "<p>\n    แผน\n    ทุ่งทอง  ปี\n</p>",
            Paragraph((Text("แผนทุ่งทอง  ปี"),), style="Body Text"),
            id="a markup line break is layout and goes; other spaces stay",
        ),
        pytest.param(
            '<h2 style="Goal Field" page-break-before="yes" keep-with-next="yes">ก</h2>',
            Heading(
                2, (Text("ก"),), style="Goal Field", keep_with_next=True, page_break_before=True
            ),
            id="a heading in a style of its own",
        ),
        pytest.param(
            '<lines><line style="Title">ก</line><line>ข</line></lines>',
            Lines(
                (Paragraph((Text("ก"),), style="Title"), Paragraph((Text("ข"),), style="Body Text"))
            ),
            id="lines",
        ),
        pytest.param(
            '<list bullet="yes" style="Goal Field"><item>ก</item></list>',
            ItemList((Paragraph((Text("ก"),), style="Goal Field"),), bullet=True),
            id="a list's style is its items'",
        ),
        pytest.param("<rule/>", Rule(style="Separator"), id="a rule"),
        pytest.param(
            '<image ref="emblem" height="30mm" alt="ตรา"/>',
            Image("emblem", 3.0, alt="ตรา", style="Figure"),
            id="an image",
        ),
    ],
)
def test_blocks(markup: str, expected: object) -> None:
    assert blocks(markup) == (expected,)


def test_a_table_with_spans_and_cells_of_several_paragraphs() -> None:
    [table] = blocks(
        '<table><col min="3.3cm"/><col min="1cm" group="years"/><col width="20%" group="years"/>'
        '<tr header="yes" keep="always"><th rowspan="2">ก</th><th colspan="2">ปี</th></tr>'
        '<tr header="yes"><th valign="bottom">๑</th><th>๒</th></tr>'
        '<tr keep="never" keep-with-next="yes"><td>ข</td>'
        '<td style="Table Step"><p>๑.<tab/>ค</p><p>๒.<tab/>ง</p></td>'
        '<td valign="middle"></td></tr></table>'
    )

    assert isinstance(table, Table)
    assert table.columns == (
        Column(min_cm=3.3),
        Column(min_cm=1.0, group="years"),
        Column(width=0.2, group="years"),
    )
    assert [(row.header, row.keep, row.keep_with_next) for row in table.rows] == [
        (True, "always", False), (True, "fit", False), (False, "never", True)
    ]  # fmt: skip
    assert table.rows[0].cells[0] == Cell(
        (Paragraph((Text("ก"),), style="Table Heading"),), rowspan=2, valign="middle"
    )
    # A header cell stands in the middle of its row unless it says otherwise; a td at the top.
    assert [cell.valign for cell in table.rows[1].cells] == ["bottom", "middle"]
    assert [cell.valign for cell in table.rows[2].cells] == ["top", "top", "middle"]
    assert table.rows[2].cells[1].paragraphs == (
        Paragraph((Text("๑."), Tab(), Text("ค")), style="Table Step"),
        Paragraph((Text("๒."), Tab(), Text("ง")), style="Table Step"),
    )
    assert table.rows[2].cells[2].paragraphs == (Paragraph((), style="Table Text"),)


def test_the_markups_no_break_space_is_text() -> None:
    [paragraph] = blocks("<p>พ.ศ.&#160;๒๕๖๒</p>")

    assert paragraph == Paragraph((Text("พ.ศ.\u00a0๒๕๖๒"),), style="Body Text")


@pytest.mark.parametrize(
    ("markup", "message", "line"),
    [
        ("<document><section>\n<tabel/></section></document>", "<tabel> is not an element", 2),
        (
            "<document><section><p colour='red'>ก</p></section></document>",
            "no attribute 'colour'",
            1,
        ),
        ("<document><section>ข้อความ</section></document>", "directly inside <section>", 1),
        (
            "<document><section><p><table/></p></section></document>",
            "<table> is not allowed here",
            1,
        ),
        ("<document></document>", "at least one <section>", 1),
        (
            "<document><section orientation='sideways'/></document>",
            "must be one of portrait, landscape",
            1,
        ),
        ('<document page-number="- # -"><section/></document>', "{page}", 1),
        ("<document><section><image ref='x' height='3in'/></section></document>", "3cm", 1),
        ("<document><section><image height='3cm'/></section></document>", 'ref="..."', 1),
        (
            "<document><section><table><col/><col/>\n<tr><td>ก</td></tr></table></section></document>",
            "leaves columns empty",
            1,
        ),
        (
            "<document><section><table><col/><tr><td>ก</td><td>ข</td></tr></table></section></document>",
            "more cells than its 1 columns",
            1,
        ),
        (
            "<document><section><table><col/><tr><td>ก</td></tr><tr header='yes'><td>ข</td></tr>"
            "</table></section></document>",
            "header rows come before",
            1,
        ),
        (
            "<document><section><table><col/><col width='150%'/></table></section></document>",
            "percentage",
            1,
        ),
        (
            "<document><section><table><col group='ปี ปี'/><tr><td>ก</td></tr></table>"
            "</section></document>",
            "a name of letters",
            1,
        ),
        (
            "<document><section><table><col/><tr><td valign='centre'>ก</td></tr></table>"
            "</section></document>",
            "one of top, middle, bottom",
            1,
        ),
        ("<document><section><p>ก</section></document>", "not well-formed", 1),
        ('<!DOCTYPE d [<!ENTITY a "x">]><document/>', "DOCTYPE", 1),
    ],
)
def test_refused(markup: str, message: str, line: int) -> None:
    with pytest.raises(MarkupError) as raised:
        parse(markup)

    assert message in raised.value.message
    assert raised.value.line == line


# A table as a matrix writes one for each measure: header rows alike, body rows of their own.
MEASURE = (
    '<h3 keep-with-next="yes"><b>มาตรการที่ {n}</b><tab/>ชื่อ {n}</h3>'
    '<table><col min="3cm"/><col min="1cm" group="years"/><col min="1cm" group="years"/>'
    '<tr header="yes"><th rowspan="2">วัตถุประสงค์</th><th colspan="2">ค่าเป้าหมาย</th></tr>'
    '<tr header="yes"><th>๒๕๖๒</th><th>๒๕๖๓</th></tr>'
    "<tr>\n  <td>ข้อ {n}</td>\n  <td>ร้อยละ ๘๐</td><td>ร้อยละ ๘๐</td>\n</tr></table>\n"
)


def matrix(measures: int, *, after: str = "") -> str:
    body = "".join(MEASURE.format(n=n) for n in range(measures))
    return f"<document>\n<section><p>ก</p></section>\n<section>{body}{after}</section></document>"


def read_quickly(markup: str, piece: int = 997) -> Document:
    """``markup`` read as parse() reads it, a piece at a time, with no fallback to the
    reading that knows lines."""
    return _Reader({}).read_pieces(markup[at : at + piece] for at in range(0, len(markup), piece))


@pytest.mark.parametrize("read", [parse, read_quickly])
def test_cells_rows_and_columns_written_alike_are_one_node_of_the_tree(
    read: Callable[[str], Document],
) -> None:
    first, second = (b for b in read(matrix(2)).sections[1].blocks if isinstance(b, Table))

    assert first.columns is second.columns
    assert first.rows[0] is second.rows[0] and first.rows[1] is second.rows[1]
    assert first.rows[2].cells[1] is first.rows[2].cells[2] is second.rows[2].cells[1]
    assert first.rows[2] != second.rows[2]


def test_markup_read_in_pieces_is_the_tree_read_whole() -> None:
    markup = matrix(400)  # several of the pieces the quick reading parses at a time
    root, lines = _element_tree(markup)

    assert read_quickly(markup) == read_quickly(markup, piece=7) == _Reader(lines).read(root)


def test_text_between_blocks_far_into_the_markup_is_refused_at_its_line() -> None:
    markup = matrix(400, after="<p>ข</p>ค<p>ง</p>")

    with pytest.raises(MarkupError) as raised:
        parse(markup)

    assert "directly inside <section>" in raised.value.message
    assert raised.value.line == 3  # the section's
