"""The text dump of a document tree is what ``plan textconv`` reads back from its DOCX."""

from __future__ import annotations

from pathlib import Path

import pytest

from anticorrupt_plan.app.compare import DiffFormat, compare
from anticorrupt_plan.app.render import document_tree, render
from anticorrupt_plan.app.validate import read_plan
from anticorrupt_plan.document.tree import (
    Cell,
    Column,
    Document,
    Paragraph,
    Row,
    Section,
    Table,
    Text,
)
from anticorrupt_plan.writers.docx_text import docx_text
from anticorrupt_plan.writers.text import render_text

from .conftest import DATA, PLAN_PATH

ZERO_WIDTH_SPACE = "\u200b"  # the DOCX writer's hint that a header may wrap after a slash


def read_back(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "document.docx"
    path.write_bytes(data)
    return docx_text(path).replace(ZERO_WIDTH_SPACE, "")


def test_the_plans_docx_says_what_the_tree_says(tmp_path: Path) -> None:
    valid = read_plan(PLAN_PATH)

    docx = render(valid, formats=["docx"])["docx"]

    assert read_back(docx, tmp_path) == render_text(document_tree(valid))


def test_the_comparisons_docx_says_what_its_golden_text_says(tmp_path: Path) -> None:
    amended = DATA / "ethics" / "plan-amended.yaml"
    out = tmp_path / "comparison.docx"

    compare(str(PLAN_PATH), str(amended), plan_file=amended, format=DiffFormat.DOCX, out=out)

    assert read_back(out.read_bytes(), tmp_path).startswith("ตารางเปรียบเทียบการแก้ไข")
    assert "ร้อยละ ๙๐ | ร้อยละ ๙๕" in read_back(out.read_bytes(), tmp_path)


def cell(text: str, **spans: int) -> Cell:
    return Cell((Paragraph((Text(text),)),), **spans)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            (
                Row(
                    (Cell((Paragraph((Text("ก"),)),), rowspan=2), Cell((Paragraph((Text("ข"),)),))),
                ),
                Row((Cell((Paragraph((Text("ค"),)),)),)),
            ),
            "ก | ข\nก | ค\n",
            id="a cell spanning rows comes in each",
        ),
        pytest.param(
            (Row((cell("ปี", colspan=2),)),),
            "ปี\n",
            id="a cell spanning columns comes once",
        ),
    ],
)
def test_table_rows(rows: tuple[Row, ...], expected: str) -> None:
    table = Table(columns=(Column(), Column()), rows=rows)

    assert render_text(Document(sections=(Section(blocks=(table,)),))) == expected
