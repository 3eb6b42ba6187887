"""The action plan's documents: numbering, and every total equal to the sum of its rows,
checked by parsing the Markdown and the DOCX's text, not by asking the code that added up."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest
from markdown_it import MarkdownIt

from anticorrupt_plan.app.checks import run_checks
from anticorrupt_plan.app.render import render
from anticorrupt_plan.app.validate import ValidPlan, parse_plan
from anticorrupt_plan.core.thai import arabic_digits
from anticorrupt_plan.writers.docx_text import docx_text

from .conftest import dump, kept_with_next, minimal_action, project


def ragged() -> dict[str, Any]:
    """Four มิติ; missions with and without sub-missions; budgets written three ways,
    without budget, and missing in some years."""
    data = minimal_action()
    data["fiscal_years"] = {"first": 2561, "last": 2564}
    data["dimensions"] += [
        {
            "dimension": 3,
            "missions": [
                {
                    "mission": "3.2",
                    "missions": [
                        {
                            "mission": "3.2.2",
                            "projects": [
                                project("p4", "มาตรการช่องทางร้องเรียน", {2563: "ไม่ใช้งบประมาณ"}),
                                project(
                                    "p5", "โครงการ อบต. เคลื่อนที่", {2562: "๓๐,๐๐๐", 2564: "30000"}
                                ),
                            ],
                        }
                    ],
                }
            ],
        },
        {
            "dimension": 4,
            "missions": [
                {
                    "mission": "4.3",
                    "missions": [
                        {
                            "mission": "4.3.1",
                            "projects": [
                                project(
                                    "p6",
                                    "โครงการอบรมสมาชิกสภาท้องถิ่น",
                                    {y: "1,250,000" for y in (2561, 2562, 2563, 2564)},
                                )
                            ],
                        }
                    ],
                }
            ],
        },
    ]
    return data


def build(data: dict[str, Any]) -> tuple[ValidPlan, dict[str, bytes]]:
    valid = parse_plan(dump(data), file="plan.yaml")
    return valid, render(valid, formats=["md", "docx"])


def number(text: str) -> int | None:
    """A cell's amount in baht, or None for "-" and ไม่ใช้งบประมาณ."""
    digits = arabic_digits(text.replace("*", "")).replace(",", "").strip()
    return int(digits) if digits.isdigit() else None


def tables(markdown: str) -> list[list[list[str]]]:
    """Every table of the Markdown as rows of cell texts (header and body)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    found: list[list[list[str]]] = []
    for index, token in enumerate(tokens):
        if token.type == "table_open":
            found.append([])
        elif token.type == "tr_open":
            found[-1].append([])
        elif token.type == "inline" and tokens[index - 1].type in ("th_open", "td_open"):
            found[-1][-1].append(token.content)
    return found


def check_dimension_totals(rows: list[list[str]], years: int) -> list[int]:
    """Assert that each รวม row is the sum of the project rows above it; its totals."""
    totals: list[int] = []
    running = [0] * years
    for cells in rows:
        label = cells[0].replace("*", "")
        amounts = [number(cell) or 0 for cell in cells[2 : 2 + years]]
        if label == "รวม":
            assert amounts == running, cells
            totals = amounts
        elif label == "รวมทั้งสิ้น":
            continue
        elif not label:  # a project row
            running = [a + b for a, b in zip(running, amounts, strict=True)]
    return totals


def test_numbering_is_derived() -> None:
    _, documents = build(ragged())
    markdown = documents["md"].decode()

    for expected in ("## มิติที่ ๑ การสร้างสังคมที่ไม่ทนต่อการทุจริต", "| ๑.๑ ", "| ๑.๑.๑ ",
                     "| | ๑) โครงการอบรมคุณธรรม", "| | ๒) กิจกรรมรณรงค์", "| ๔.๓.๑ "):  # fmt: skip
        assert expected in markdown, expected


def test_the_ragged_plan_checks_clean() -> None:
    valid, _ = build(ragged())

    assert run_checks(valid).findings == ()


def test_every_total_in_the_markdown_is_the_sum_of_its_rows() -> None:
    _, documents = build(ragged())
    found = tables(documents["md"].decode())
    dimension_tables = [t for t in found if t[0][0] == "ภารกิจตามมิติ"]

    totals = [check_dimension_totals(t[2:], 4) for t in dimension_tables]

    assert len(dimension_tables) == 4
    grand_row = dimension_tables[-1][-1]
    assert grand_row[0] == "**รวมทั้งสิ้น**"
    grand = [number(cell) or 0 for cell in grand_row[2:6]]
    assert grand == [sum(column) for column in zip(*totals, strict=True)]
    assert grand == [1320000, 1330000, 1250000, 1280000]
    [summary] = [t for t in found if t[0][0] == "มิติ"]
    for row, dimension_total in zip(summary[2:6], totals, strict=True):
        assert [number(row[2 + 2 * y]) or 0 for y in range(4)] == dimension_total
        assert (number(row[-1]) or 0) == sum(dimension_total)
    assert number(summary[-1][-1]) == sum(grand)
    assert "| | ๒) โครงการ อบต. เคลื่อนที่ | - | ๓๐,๐๐๐ | - | ๓๐,๐๐๐ | |" in documents["md"].decode()


def test_every_total_in_the_docx_is_the_sum_of_its_rows(tmp_path: Path) -> None:
    _, documents = build(ragged())
    path = tmp_path / "plan.docx"
    path.write_bytes(documents["docx"])
    lines = docx_text(path).splitlines()
    header = "ภารกิจตามมิติ | "  # both header rows start so: a merged cell repeats its text
    starts = [
        i
        for i, line in enumerate(lines)
        if line.startswith(header) and not lines[i - 1].startswith(header)
    ]

    totals = []
    for start in starts:
        rows = []
        for line in lines[start + 2 :]:
            if " | " not in line:
                break
            rows.append(line.split(" | "))
        totals.append(check_dimension_totals(rows, 4))

    assert len(starts) == 4
    grand = next(line for line in lines if line.startswith("รวมทั้งสิ้น | จำนวน"))
    amounts = [number(cell) for cell in grand.split(" | ")[2:6]]
    assert amounts == [sum(column) for column in zip(*totals, strict=True)]


def test_mission_rows_and_each_dimensions_last_project_keep_with_the_next_row() -> None:
    _, documents = build(ragged())
    document = docx.Document(io.BytesIO(documents["docx"]))

    for table in document.tables:
        if not table.rows[0].cells[0].text.startswith("ภารกิจตามมิติ"):
            continue
        body = list(table.rows[2:])
        projects = [i for i, row in enumerate(body) if row.cells[1].text and not row.cells[0].text]
        for index, row in enumerate(body):
            before_project = index + 1 in projects  # a mission row, or a project
            mission = row.cells[0].text != "" and not row.cells[1].text and before_project
            # A mission's row with its first project, the last project with the total; the
            # last table's total with the grand total below it.
            after = body[index + 1].cells[0].text if index + 1 < len(body) else ""
            last_project = index == projects[-1]
            assert kept_with_next(row) == (mission or last_project or after == "รวมทั้งสิ้น")


@pytest.mark.parametrize(
    ("digits", "expected"),
    [("thai", "๑,๒๕๐,๐๐๐"), ("arabic", "1,250,000")],
)
def test_amounts_have_thousands_separators_in_the_plans_digits(digits: str, expected: str) -> None:
    data = ragged()
    data["digits"] = digits

    _, documents = build(data)

    assert f"| {expected} |" in documents["md"].decode()


def test_a_year_without_the_project_shows_a_dash_and_one_without_budget_says_so() -> None:
    _, documents = build(ragged())
    markdown = documents["md"].decode()

    assert "| | ๑) มาตรการช่องทางร้องเรียน | - | - | ไม่ใช้งบประมาณ | - | |" in markdown
    assert "**จำนวน ๑ โครงการ ๑ มาตรการ**" in markdown


def test_each_project_has_its_page_in_part_three_with_its_budget_derived() -> None:
    _, documents = build(ragged())
    markdown = documents["md"].decode()

    assert "## ภารกิจ ๔.๓.๑ ๑) โครงการอบรมสมาชิกสภาท้องถิ่น" in markdown
    assert "ปีงบประมาณ พ.ศ. ๒๕๖๑ ๑,๒๕๐,๐๐๐ บาท" in markdown
    assert "### ๗. ระยะเวลาดำเนินการ\n\n๔ ปี (ปีงบประมาณ พ.ศ. ๒๕๖๑ - ๒๕๖๔)" in markdown


def test_missions_between_are_headed_from_the_catalogue_when_a_plan_skips_them() -> None:
    data = ragged()
    dimension = data["dimensions"][3]
    dimension["missions"] = dimension["missions"][0]["missions"]  # 4.3.1 straight under มิติ 4

    _, documents = build(data)
    markdown = documents["md"].decode()

    assert "| ๔.๓ การส่งเสริมบทบาทการตรวจสอบของสภาท้องถิ่น | | | | | | |" in markdown
    assert markdown.index("| ๔.๓ ") < markdown.index("| ๔.๓.๑ ")


def test_a_project_of_years_apart_names_them_and_the_announcement_ends_as_announcements_do() -> (
    None
):
    data = ragged()
    data["dimensions"][2]["missions"][0]["missions"][0]["projects"][1]["budget"] = {
        2562: "1000",
        2564: "1000",
    }

    _, documents = build(data)
    markdown = documents["md"].decode()

    assert "### ๗. ระยะเวลาดำเนินการ\n\nปีงบประมาณ พ.ศ. ๒๕๖๒, ๒๕๖๔" in markdown
    assert "ข้อความประกาศ\n\nจึงประกาศให้ทราบโดยทั่วกัน\n\nประกาศ ณ " in markdown
