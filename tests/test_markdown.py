"""The Markdown renderer: plan text can never break the page, and every table keeps its shape."""

from __future__ import annotations

from typing import Any

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from anticorrupt_plan.app.render import render as render_documents
from anticorrupt_plan.app.validate import ValidPlan, parse_plan, read_plan
from anticorrupt_plan.common import display
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
    Row,
    Rule,
    Section,
    Tab,
    Table,
    Text,
)
from anticorrupt_plan.writers import markdown as markdown_writer
from anticorrupt_plan.writers.markdown import escape, render_markdown

from .conftest import PLAN_PATH, dump, minimal_plan

HAZARDS = [
    "a | b",
    "*bold* _em_ **strong**",
    "<script>alert(1)</script> & &amp; <br>",
    "# not a heading",
    "- not a list",
    "1. not a numbered list",
    "> not a quote",
    "`code` and ``more``",
    "[link](http://example.com) ![img](x.png)",
    "back\\slash\\",
    "line one\nline two",
    "    indented code?",
    "---",
    "===",
    "~~struck~~",
    "quotes \" and '",
    "emoji 🙂👍🏽 and ทุ่งทอง",
]


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").enable("strikethrough")


def plain(inline: Token) -> str:
    """The text a reader sees in an inline token, with <br> read as a line break."""
    parts = []
    for child in inline.children or []:
        if child.type == "html_inline" and child.content == "<br>":
            parts.append("\n")
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append("\n")
        elif child.type not in ("strong_open", "strong_close"):
            parts.append(f"<{child.type}>")  # anything else means the text was interpreted
    return "".join(parts)


def markdown(valid: ValidPlan) -> str:
    return render_documents(valid, formats=["md"])["md"].decode("utf-8")


def render(data: dict[str, Any]) -> str:
    data.setdefault("digits", "arabic")  # keep the hazards' digits as they are
    return markdown(parse_plan(dump(data), file="plan.yaml"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain ไทย", "plain ไทย"),
        ("a|b", "a\\|b"),
        ("*x* _y_", "\\*x\\* \\_y\\_"),
        ("<b>&", "\\<b\\>\\&"),
        ("# h", "\\# h"),
        ("- item", "\\- item"),
        ("12. item", "12\\. item"),
        ("๑. ข้อ", "๑. ข้อ"),  # Thai digits never open a Markdown list
        ("a\nb", "a<br>b"),
        ("  padded  \n  more", "padded<br>more"),
        ("พ.ศ. ๒๕๖๒", "พ.ศ. ๒๕๖๒"),
    ],
)
def test_escape(text: str, expected: str) -> None:
    assert escape(text) == expected


@pytest.mark.parametrize("hazard", HAZARDS)
def test_hazardous_text_in_a_table_cell_stays_text_and_keeps_the_table_shape(hazard: str) -> None:
    data = minimal_plan()
    row = data["goals"][0]["measures"][0]["rows"][0]
    row["objective"] = hazard
    row["steps"] = [hazard, "ต่อไป"]
    row["targets"][2566] = hazard

    tokens = parser().parse(render(data))

    table_rows = _table_rows(tokens)
    # header, the years, one body row: 2 columns, one per year (2 here), 2 columns
    assert [len(cells) for cells in table_rows] == [6, 6, 6]
    body = table_rows[2]
    assert plain(body[0]) == ("line one\nline two" if "\n" in hazard else hazard.strip())
    assert plain(body[2]) == plain(body[0])
    assert plain(body[5]) == f"1. {plain(body[0])}\n2. ต่อไป"


@pytest.mark.parametrize("hazard", HAZARDS)
def test_hazardous_text_in_prose_opens_no_block(hazard: str) -> None:
    data = minimal_plan()
    data["rationale"] = [hazard]
    data["announcement"]["body"] = [hazard]

    tokens = parser().parse(render(data))

    kinds = [token.type for token in tokens]
    assert kinds.count("html_block") == 1  # the template's "generated" comment
    assert not set(kinds) & {"code_block", "fence", "blockquote_open", "ordered_list_open"}
    headings = [t for t in tokens if t.type == "heading_open"]
    assert len(headings) == 7  # the template's own: 3 parts, 2 sections, 1 goal, 1 measure
    expected = "line one\nline two" if "\n" in hazard else hazard.strip()
    paragraphs = [plain(t) for t in tokens if t.type == "inline"]
    assert paragraphs.count(expected) == 2


def _table_rows(tokens: list[Token]) -> list[list[Token]]:
    rows: list[list[Token]] = []
    for index, token in enumerate(tokens):
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and index and tokens[index - 1].type in ("th_open", "td_open"):
            rows[-1].append(token)
    return rows


def test_the_seed_plan_parses_into_eight_well_formed_tables() -> None:
    tokens = parser().parse(markdown(read_plan(PLAN_PATH)))

    tables = [t for t in tokens if t.type == "table_open"]
    assert len(tables) == 8
    rows = _table_rows(tokens)
    assert all(len(cells) == 7 for cells in rows)
    assert [plain(cell) for cell in rows[1]] == ["", "", "๒๕๖๒", "๒๕๖๓", "๒๕๖๔", "", ""]


def test_output_ends_with_one_newline_and_has_no_runs_of_blank_lines() -> None:
    text = render(minimal_plan())

    assert text.endswith("\n") and not text.endswith("\n\n")
    assert "\n\n\n" not in text


# --- the writer over any tree -----------------------------------------------------------------


def one_section(*blocks: Any) -> Document:
    return Document(sections=(Section(blocks=blocks),))


def write(*blocks: Any, images: dict[str, str] | None = None) -> str:
    return render_markdown(one_section(*blocks), source_name=None, images=images)


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        pytest.param(
            Heading(2, (Text("ป้าย", strong=True), Tab(), Text("ชื่อ"))),
            "## ป้าย ชื่อ",
            id="a heading is plain, its tab a space",
        ),
        pytest.param(Paragraph((Text("ก"), Break(), Text("ข"))), "ก<br>ข", id="a line break"),
        pytest.param(
            Lines((Paragraph((Text("เรื่อง", strong=True),)), Paragraph((Text("ปี"),)))),
            "**เรื่อง**<br>\nปี",
            id="lines are one paragraph",
        ),
        pytest.param(
            ItemList((Paragraph((Text("๑."), Tab(), Text("ข้อ"))),) * 2),
            "๑. ข้อ\n\n๑. ข้อ",
            id="list items are paragraphs",
        ),
        pytest.param(
            ItemList((Paragraph((Text("ก"),)), Paragraph((Text("ข"),))), bullet=True),
            "- ก\n- ข",
            id="a bullet list is tight",
        ),
        pytest.param(Rule(), "---", id="a rule"),
        pytest.param(
            Paragraph((Text("ลบ", strike=True), Text("เพิ่ม", underline=True))),
            "<del>ลบ</del><ins>เพิ่ม</ins>",
            id="marks of a change",
        ),
        pytest.param(
            Paragraph((Text("1. ", strong=True), Text("1. x"))),
            "**1. **1. x",
            id="only the start of a line can open a list",
        ),
    ],
)
def test_blocks(block: Any, expected: str) -> None:
    assert write(block) == expected + "\n"


def test_spans_leave_empty_cells_and_later_header_rows_come_in_bold() -> None:
    def cell(text: str, **span: int) -> Cell:
        return Cell((Paragraph((Text(text),)),), **span)

    table = Table(
        columns=(Column(),) * 3,
        rows=(
            Row((cell("ก", rowspan=2), cell("ปี", colspan=2)), header=True),
            Row((cell("๒๕๖๒"), cell("๒๕๖๓")), header=True),
            Row((cell("ก"), Cell((Paragraph((Text("ข"),)), Paragraph((Text("ค"),)))), cell(""))),
        ),
    )

    assert write(table) == (
        "| ก | ปี | |\n|---|---|---|\n| | **๒๕๖๒** | **๒๕๖๓** |\n| ก | ข<br>ค | |\n"
    )


def test_a_span_that_repeats_stands_in_each_of_its_columns() -> None:
    def cell(text: str, **how: Any) -> Cell:
        return Cell((Paragraph((Text(text),)),), **how)

    table = Table(
        columns=(Column(),) * 3,
        rows=(
            Row((cell("ตัวชี้วัด"), cell("๒๕๖๒"), cell("๒๕๖๓")), header=True),
            Row((cell("เป้าประสงค์ที่ ๑", colspan=3),)),
            Row((cell("ก"), cell("ร้อยละ ๘๐", colspan=2, repeat=True))),
        ),
    )

    assert write(table) == (
        "| ตัวชี้วัด | ๒๕๖๒ | ๒๕๖๓ |\n|---|---|---|\n| เป้าประสงค์ที่ ๑ | | |\n"
        "| ก | ร้อยละ ๘๐ | ร้อยละ ๘๐ |\n"
    )


def test_sections_are_parted_by_a_rule_and_images_link_their_files() -> None:
    document = Document(
        sections=(
            Section(blocks=(Paragraph((Text("หนึ่ง"),)),)),
            Section(blocks=(Image("emblem", 3.0, alt="ตรา"), Image("chart", 5.0))),
        )
    )

    text = render_markdown(document, source_name="a.yaml", images={"emblem": "a.emblem.png"})

    assert text == (
        '<!-- Generated by "plan build" from a.yaml. Do not edit. -->\n\n'
        "หนึ่ง\n\n---\n\n![ตรา](a.emblem.png)\n\n\n"
    )


@pytest.mark.parametrize(
    "name", ["a--><img src=x onerror=alert(1)><!--.yaml", "ไฟล์ <b>.yaml", "x\n-->.yaml"]
)
def test_no_file_name_can_end_the_generated_comment(name: str) -> None:
    text = render_markdown(one_section(), source_name=name)
    comment = text.split("\n")[0]

    assert comment.startswith("<!-- ") and comment.endswith(" -->")
    assert "-->" not in comment[5:-4] and "<" not in comment[5:-4]
    assert [t.type for t in parser().parse(text)] == ["html_block"]


def test_plain_takes_out_only_what_the_writer_looks_for_before_calling_it() -> None:
    changed = {chr(code) for code in range(0x30000) if display.plain(chr(code)) != chr(code)}

    assert {char for char in changed if not markdown_writer._HELD.search(char)} == set()
