"""The Markdown renderer: plan text can never break the page, and every table keeps its shape."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from anticorrupt_plan.core.errors import TemplateError
from anticorrupt_plan.core.resources import template_dir
from anticorrupt_plan.kinds.ethics.model import Plan
from anticorrupt_plan.kinds.ethics.present import present
from anticorrupt_plan.writers.markdown import escape, render_markdown

from .conftest import minimal_plan

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


def render(data: dict[str, Any]) -> str:
    data.setdefault("digits", "arabic")  # keep the hazards' digits as they are
    view = present(Plan.model_validate(data))
    return render_markdown(view, templates=template_dir(), source_name="plan.yaml")


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
    from anticorrupt_plan.app.validate import read_plan

    from .conftest import PLAN_PATH

    view = present(read_plan(PLAN_PATH).plan)
    tokens = parser().parse(
        render_markdown(view, templates=template_dir(), source_name="plan.yaml")
    )

    tables = [t for t in tokens if t.type == "table_open"]
    assert len(tables) == 8
    rows = _table_rows(tokens)
    assert all(len(cells) == 7 for cells in rows)
    assert [plain(cell) for cell in rows[1]] == ["", "", "๒๕๖๒", "๒๕๖๓", "๒๕๖๔", "", ""]


def test_output_ends_with_one_newline_and_has_no_runs_of_blank_lines() -> None:
    text = render(minimal_plan())

    assert text.endswith("\n") and not text.endswith("\n\n")
    assert "\n\n\n" not in text


def test_missing_template_folder_is_a_clear_error(tmp_path: Path) -> None:
    view = present(Plan.model_validate(minimal_plan()))

    with pytest.raises(TemplateError) as raised:
        render_markdown(view, templates=tmp_path, source_name="plan.yaml")

    assert str(raised.value) == f"{tmp_path / 'plan.md.j2'}: not found"


def test_broken_template_is_a_located_error(tmp_path: Path) -> None:
    (tmp_path / "plan.md.j2").write_text("line one\n{{ view.announcement.heading \n")
    view = present(Plan.model_validate(minimal_plan()))

    with pytest.raises(TemplateError) as raised:
        render_markdown(view, templates=tmp_path, source_name="plan.yaml")

    assert "plan.md.j2:2" in str(raised.value)


def test_template_naming_an_unknown_value_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "plan.md.j2").write_text("{{ view.no_such_thing }}\n")
    view = present(Plan.model_validate(minimal_plan()))

    with pytest.raises(TemplateError) as raised:
        render_markdown(view, templates=tmp_path, source_name="plan.yaml")

    assert "no_such_thing" in str(raised.value)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{% include "parts/missing.j2" %}\n', "parts/missing.j2: not found"),
        ("{{ view.organization }} ทุ่งทอง\n".encode("cp874"), "plan.md.j2: not UTF-8 text"),
    ],
)
def test_template_problems_name_the_file(tmp_path: Path, content: bytes, expected: str) -> None:
    (tmp_path / "plan.md.j2").write_bytes(content)
    view = present(Plan.model_validate(minimal_plan()))

    with pytest.raises(TemplateError) as raised:
        render_markdown(view, templates=tmp_path, source_name="plan.yaml")

    assert str(raised.value).startswith(f"{tmp_path}/{expected}")
