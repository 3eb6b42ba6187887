"""Follow-up reports (kind report) as a clerk meets them: through the plan command.

Each validation rule is shown failing through the real command with its located message;
the derived figures are recomputed from the per-item rows of the built Markdown and of the
DOCX's text; the examples in the repository are checked to be up to date.
"""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import docx
import pytest
from typer.testing import CliRunner

from anticorrupt_plan.app import registry, validate
from anticorrupt_plan.cli.commands import Exit, app
from anticorrupt_plan.core.thai import arabic_digits

from .conftest import PLAN_PATH, ROOT, dump, kept_with_next

runner = CliRunner()
EXAMPLES = ROOT / "examples" / "reports"

# The annual report on the seed plan, fiscal year 2563: every item once, by its number.
ITEMS: list[dict[str, Any]] = [
    {"id": "1.1", "status": "ดำเนินการแล้วเสร็จ", "spent": "5,000", "achieved": "๒ คน"},
    {"id": "1.2", "status": "ดำเนินการแล้วเสร็จ", "spent": "18500", "achieved": "ร้อยละ ๙๕"},
    {"id": "1.3", "status": "อยู่ระหว่างดำเนินการ", "spent": "๑๒,๐๐๐", "achieved": "ร้อยละ ๘๕"},
    {"id": "2.1", "status": "ดำเนินการแล้วเสร็จ", "spent": "ไม่ใช้งบประมาณ"},
    {"id": "2.2", "status": "ไม่สามารถดำเนินการได้", "reason": "ไม่ได้รับงบประมาณ"},
    {"id": "2.3", "status": "ยังไม่ได้ดำเนินการ"},
    {"id": "3.1", "status": "not_due"},
    {"id": "3.2", "status": "ดำเนินการแล้วเสร็จ", "start": "2563-01-15", "end": "2563-01-16"},
]
REPORT: dict[str, Any] = {
    "schema_version": 1,
    "kind": "report",
    "plan": "../plan.yaml",
    "fiscal_year": 2563,
    "period": "annual",
    "date": "2563-10-15",
    "memo": {"department": "สำนักปลัด"},
    "preparer": {"name": "นางสาวสมใจ ตั้งใจ", "position": "นักวิเคราะห์นโยบายและแผน"},
    "executive": {"name": "นายไพฑูรย์ สุขดี"},
    "items": ITEMS,
    "problems": "ไม่มี",
    "suggestions": ["จัดอบรมออนไลน์"],
}


def report_data() -> dict[str, Any]:
    return copy.deepcopy(REPORT)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder holding the seed plan, with reports/ beside it."""
    shutil.copy(PLAN_PATH, tmp_path / "plan.yaml")
    (tmp_path / "reports").mkdir()
    return tmp_path


def write(folder: Path, data: dict[str, Any] | str, name: str = "2563-annual.yaml") -> Path:
    path = folder / "reports" / name
    path.write_text(data if isinstance(data, str) else dump(data), encoding="utf-8")
    return path


def located(output: str, path: Path) -> list[str]:
    """The located lines of ``output`` (``file:line:col: ...``) that name ``path``, without
    the file name."""
    prefix = f"{path}:"
    return [
        line[len(prefix) :]
        for line in output.splitlines()
        if line.startswith(prefix) and line[len(prefix) : len(prefix) + 1].isdigit()
    ]


def line_of(path: Path, text: str) -> int:
    """The 1-based number of the first line of ``path`` holding ``text``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


# --- a valid report --------------------------------------------------------------------------


def test_validate_says_what_the_report_holds(folder: Path) -> None:
    report = write(folder, report_data())

    result = runner.invoke(app, ["validate", str(report)])

    assert result.exit_code == Exit.OK, result.stderr
    assert (
        result.stdout == f"{report}: valid (fiscal year 2563, annual: 8 items, 50.00% completed)\n"
    )


def test_build_writes_the_documents_and_the_charts_beside_the_markdown(folder: Path) -> None:
    report = write(folder, report_data())
    out = folder / "out"

    result = runner.invoke(app, ["build", str(report), "--out", str(out)])

    assert result.exit_code == Exit.OK, result.stderr
    names = sorted(path.name for path in out.iterdir())
    assert names == [
        "2563-annual.budget-chart.png",
        "2563-annual.docx",
        "2563-annual.md",
        "2563-annual.status-chart.png",
    ]
    markdown = (out / "2563-annual.md").read_text(encoding="utf-8")
    assert "](2563-annual.status-chart.png)" in markdown
    assert "](2563-annual.budget-chart.png)" in markdown


def test_a_groups_heading_row_and_its_last_row_keep_with_the_next_row(folder: Path) -> None:
    report = write(folder, report_data())
    runner.invoke(app, ["build", str(report), "--out", str(folder / "out"), "-f", "docx"])
    document = docx.Document(str(folder / "out" / "2563-annual.docx"))
    [table] = [t for t in document.tables if t.rows[0].cells[0].text == "ที่"][:1]

    texts = [row.cells[0].text or row.cells[1].text for row in table.rows if kept_with_next(row)]
    kept = [" ".join(text.split()[:2]) if "หลักที่" in text else text for text in texts]
    # Each goal's heading row with its first item, its last item with its total, and the
    # last total with the grand total: none of them alone at the foot of a page.
    assert kept == [
        "เป้าประสงค์หลักที่ ๑",
        "๑.๓",
        "เป้าประสงค์หลักที่ ๒",
        "๒.๓",
        "เป้าประสงค์หลักที่ ๓",
        "๓.๒",
        "รวมเป้าประสงค์หลักที่ ๓",
    ]


def test_a_report_is_read_with_the_plan_it_names_and_a_plan_with_none(folder: Path) -> None:
    report = validate.read_plan(write(folder, report_data()), display_name="reports/2563.yaml")
    plan = validate.read_plan(folder / "plan.yaml")

    [named] = report.references
    assert (named.document.file, named.kind.name) == ("plan.yaml", "ethics")
    assert report.plan.plan is named.plan
    assert plan.references == ()


def test_a_report_read_alone_is_known_by_its_kind_and_not_joined() -> None:
    alone = validate.parse_plan(dump(report_data()), file="2563-annual.yaml")

    assert (alone.kind.name, alone.document.file, alone.references) == (
        "report",
        "2563-annual.yaml",
        (),
    )
    assert alone.plan.fiscal_year == 2563
    assert alone.plan.plan == "../plan.yaml"


def test_amounts_are_read_alike_however_they_are_typed(folder: Path) -> None:
    data = report_data()
    spellings = ["50000", "50,000", "๕๐,๐๐๐", "๕๐๐๐๐", "50,000 บาท", "๕๐๐๐๐บาท"]
    for item, spent in zip(data["items"][:6], spellings, strict=True):
        item["spent"] = spent
    data["items"][4] = {**data["items"][4], "status": "ดำเนินการแล้วเสร็จ"}  # no reason needed
    data["items"][5] = {**data["items"][5], "status": "ดำเนินการแล้วเสร็จ"}
    out = folder / "out"

    result = runner.invoke(app, ["build", str(write(folder, data)), "--out", str(out)])

    assert result.exit_code == Exit.OK, result.stderr
    rows = project_rows(markdown_rows((out / "2563-annual.md").read_text(encoding="utf-8")))
    assert [row["spent"] for row in rows[:6]] == ["๕๐,๐๐๐"] * 6


@pytest.mark.parametrize("written", ["0", "๐", "0 บาท", "๐บาท"])
def test_nothing_disbursed_is_zero_however_it_is_typed(folder: Path, written: str) -> None:
    data = report_data()
    data["items"][2]["spent"] = written

    report = validate.read_plan(write(folder, data)).plan

    assert report.progress.items[2].spent == 0


# --- each validation rule, through the command ------------------------------------------------


def test_an_id_not_in_the_plan_is_located_with_a_suggestion(folder: Path) -> None:
    data = report_data()
    data["items"][2]["id"] = "1.4"
    data["items"].append({"id": "1.3", "status": "not_reported"})
    report = write(folder, data)

    result = runner.invoke(app, ["validate", str(report)])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    line = line_of(report, "id: '1.4'")
    assert located(result.stderr, report) == [
        f"{line}:7: items[2].id: '1.4' is not an item of ../plan.yaml in fiscal year 2563 "
        "(its items are 1.1 to 3.2); did you mean 1.3?"
    ]
    assert result.stderr.endswith("1 problem found\n")


@pytest.mark.parametrize("typed", ["1.3.1", "13", "1.3x"])
def test_a_mistyped_id_is_told_the_item_left_unreported(folder: Path, typed: str) -> None:
    data = report_data()
    data["items"][2]["id"] = typed  # was 1.3, now reported by no entry
    report = write(folder, data)

    result = runner.invoke(app, ["validate", str(report)])

    assert f"'{typed}' is not an item of ../plan.yaml in fiscal year 2563 " in result.stderr
    assert "(its items are 1.1 to 3.2); did you mean 1.3?" in result.stderr


def test_an_item_reported_twice_is_located_at_the_second(folder: Path) -> None:
    (folder / "plan.yaml").write_text(
        PLAN_PATH.read_text(encoding="utf-8").replace(
            "      - title: จัดฝึกอบรมหลักสูตรเกี่ยวกับคุณธรรม",
            "      - id: ethics-training\n        title: จัดฝึกอบรมหลักสูตรเกี่ยวกับคุณธรรม",
        ),
        encoding="utf-8",
    )
    data = report_data()
    data["items"][1]["id"] = "ethics-training"  # by its id
    data["items"].append({"id": "๑.๒", "status": "not_reported"})  # and by its number
    report = write(folder, data)

    result = runner.invoke(app, ["validate", str(report)])

    line = line_of(report, "id: ๑.๒")
    assert located(result.stderr, report) == [
        f"{line}:7: items[8].id: 1.2 (จัดทำโครงการฝึกอบรมหลักสูตรเกี่ยวกับ...) is "
        "reported twice: already at items[1] (as 'ethics-training'); report each item once"
    ]


def test_an_item_of_the_year_left_out_is_an_error_at_the_items_key(folder: Path) -> None:
    data = report_data()
    del data["items"][3]
    report = write(folder, data)

    result = runner.invoke(app, ["validate", str(report)])

    line = line_of(report, "items:")
    assert located(result.stderr, report) == [
        f"{line}:1: items: 2.1 (ส่งเสริมให้ประชาชนเข้ามามีส่วนร่วมในก...) of fiscal year "
        "2563 is not reported; add '- id: 2.1' with its status (not_due or not_reported when "
        "there is nothing to report yet)"
    ]


@pytest.mark.parametrize("status", ["not_due", "not_reported", "ยังไม่ถึงกำหนด", "รอรายงานผล"])
def test_an_explicit_nothing_yet_is_a_report(folder: Path, status: str) -> None:
    data = report_data()
    data["items"][3] = {"id": "2.1", "status": status}

    result = runner.invoke(app, ["validate", str(write(folder, data))])

    assert result.exit_code == Exit.OK, result.stderr


@pytest.mark.parametrize(
    ("written", "status"),
    [
        ("ดำเนินการเสร็จแล้ว", "ดำเนินการแล้วเสร็จ"),
        ("ดำเนินการแล้ว", "ดำเนินการแล้วเสร็จ"),
        ("กำลังดำเนินการ", "อยู่ระหว่างดำเนินการ"),
        ("อยู่ระหว่างการดำเนินการ", "อยู่ระหว่างดำเนินการ"),
        ("ไม่สามารถดำเนินการ", "ไม่สามารถดำเนินการได้"),
        ("ยังไม่ดำเนินการ", "ยังไม่ได้ดำเนินการ"),
        ("done", "ดำเนินการแล้วเสร็จ"),
        ("Done", "ดำเนินการแล้วเสร็จ"),
        ("เสร็จ", "ดำเนินการแล้วเสร็จ"),
        ("แล้วเสร็จ", "ดำเนินการแล้วเสร็จ"),
        ("อยู่ระหว่างดำเนินงาน", "อยู่ระหว่างดำเนินการ"),
    ],
)
def test_a_status_worded_another_common_way_is_that_status(
    folder: Path, written: str, status: str
) -> None:
    data = report_data()
    data["items"][4]["status"] = written  # 2.2, which has its reason

    report = validate.read_plan(write(folder, data)).plan

    assert report.progress.items[4].status == status


def test_a_blank_status_is_silence_not_a_report(folder: Path) -> None:
    report = write(folder, dump(report_data()).replace("status: not_due", "status:"))

    result = runner.invoke(app, ["validate", str(report)])

    line = line_of(report, "- id: '3.1'") + 1
    assert located(result.stderr, report) == [
        f"{line}:10: items[6].status: no status yet: write one of ดำเนินการแล้วเสร็จ, "
        "อยู่ระหว่างดำเนินการ, ไม่สามารถดำเนินการได้, ยังไม่ได้ดำเนินการ, "
        "not_due (ยังไม่ถึงกำหนดดำเนินการ), not_reported (รอรายงานผล)"
    ]


def test_a_fiscal_year_outside_the_plan_is_located(folder: Path) -> None:
    data = report_data()
    data["fiscal_year"] = 2566
    report = write(folder, data)

    result = runner.invoke(app, ["validate", str(report)])

    assert located(result.stderr, report) == [
        f"{line_of(report, 'fiscal_year')}:14: fiscal_year: 2566 is not one of the fiscal years "
        "of ../plan.yaml (2562-2564)"
    ]


@pytest.mark.parametrize(
    ("period", "start", "end", "messages"),
    [
        (
            "6-months",
            "2563-01-15",
            "2563-04-02",
            [
                "end: 2563-04-02 is after the period ends: the 6-month report of fiscal year "
                "2563 covers 2562-10-01 to 2563-03-31"
            ],
        ),
        (
            "annual",
            "2562-09-30",
            None,
            [
                "start: 2562-09-30 is before the period starts: the annual report of fiscal "
                "year 2563 covers 2562-10-01 to 2563-09-30"
            ],
        ),
        ("annual", "2563-02-02", "2563-02-01", ["end: ends 2563-02-01, before it starts"]),
    ],
)
def test_dates_outside_the_period_are_located(
    folder: Path, period: str, start: str, end: str | None, messages: list[str]
) -> None:
    data = report_data()
    data["period"] = period
    data["items"][7] = {"id": "3.2", "status": "ดำเนินการแล้วเสร็จ", "start": start}
    if end is not None:
        data["items"][7]["end"] = end
    report = write(folder, data)

    result = runner.invoke(app, ["validate", str(report)])

    key = messages[0].split(":")[0]
    line = line_of(report, f"{key}: '{end if key == 'end' else start}'")
    assert located(result.stderr, report) == [
        f"{line}:{10 if key == 'start' else 8}: items[7].{message}" for message in messages
    ]


def test_an_item_that_could_not_be_done_needs_its_reason(folder: Path) -> None:
    data = report_data()
    del data["items"][4]["reason"]
    report = write(folder, data)

    result = runner.invoke(app, ["validate", str(report)])

    line = line_of(report, "status: ไม่สามารถดำเนินการได้")
    assert located(result.stderr, report) == [
        f"{line}:11: items[4].status: ไม่สามารถดำเนินการได้ needs the reason: add 'reason:' "
        "(e.g. ไม่ได้รับงบประมาณ)"
    ]


def test_a_mistyped_amount_is_located(folder: Path) -> None:
    data = report_data()
    data["items"][0]["spent"] = "5o,000"
    report = write(folder, data)

    result = runner.invoke(app, ["build", str(report), "--out", str(folder / "out")])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert located(result.stderr, report) == [
        f"{line_of(report, '5o,000')}:10: items[0].spent: '5o,000' is not an amount in whole "
        "baht: write digits, e.g. 50000 or 50,000 (Thai digits too), or ไม่ใช้งบประมาณ"
    ]
    assert result.stderr.endswith("1 problem found; nothing was written\n")
    assert not (folder / "out").exists()


def test_a_result_that_cannot_be_compared_needs_met(folder: Path) -> None:
    data = report_data()
    data["items"][0]["achieved"] = "ดำเนินการแล้ว"
    data["items"][3]["met"] = "yes"  # 2.1 has no result to judge
    report = write(folder, data)

    result = runner.invoke(app, ["validate", str(report)])

    assert located(result.stderr, report) == [
        f"{line_of(report, 'achieved: ดำเนินการแล้ว')}:13: items[0].achieved: cannot compare "
        "'ดำเนินการแล้ว' with the target 'มีการยกย่องเชิดชูคนดีต้นแบบ ไม่น้อยกว่า ส่วนราชการ ๑ คน' "
        "as numbers; add 'met: yes' or 'met: no'",
        f"{line_of(report, 'met: ')}:8: items[3].met: met needs the result it judges: add "
        "'achieved:'",
    ]


def test_the_plan_file_missing_is_located_at_the_plan_key(folder: Path) -> None:
    data = report_data()
    data["plan"] = "../plann.yaml"
    report = write(folder, data)

    result = runner.invoke(app, ["validate", str(report)])

    assert located(result.stderr, report) == [
        f"{line_of(report, 'plann')}:7: plan: {folder / 'plann.yaml'}: no such file; the path "
        f"is read from the folder of {report}"
    ]


def test_a_plan_that_cannot_be_read_is_named_as_the_report_names_it(folder: Path) -> None:
    (folder / "plans.yaml").mkdir()
    data = report_data()
    data["plan"] = "../plans.yaml"
    report = write(folder, data)

    result = runner.invoke(app, ["validate", str(report)])

    [found] = located(result.stderr, report)
    assert found.endswith(f"plan: {folder / 'plans.yaml'}: is a directory, not a plan file")


@pytest.mark.parametrize(
    ("named", "problem"),
    [
        ("..\\plan.yaml", "..\\plan.yaml: write '/' between folders, not '\\'"),
        (
            "../out/plan.md",
            "{folder}/out/plan.md: is a document built from a plan; name the "
            "plan file itself (.yaml)",
        ),
        (
            "../plan.DOCX",
            "{folder}/plan.DOCX: is a document built from a plan; name the plan "
            "file itself (.yaml)",
        ),
    ],
)
def test_a_plan_named_as_windows_writes_paths_or_by_its_document_is_told_so(
    folder: Path, named: str, problem: str
) -> None:
    data = report_data()
    data["plan"] = named
    report = write(folder, data)

    result = runner.invoke(app, ["validate", str(report)])

    [found] = located(result.stderr, report)
    assert found.endswith(f"plan: {problem.format(folder=folder)}")


def test_a_problem_in_the_plan_is_reported_at_the_plans_lines(folder: Path) -> None:
    plan = folder / "plan.yaml"
    text = plan.read_text(encoding="utf-8").replace("  first: 2562", "  frist: 2562")
    plan.write_text(text, encoding="utf-8")
    report = write(folder, report_data())

    result = runner.invoke(app, ["validate", str(report)])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert located(result.stderr, plan) == [
        f"{line_of(plan, 'fiscal_years:')}:1: fiscal_years.first: required, but missing; add "
        "'first:'",
        f"{line_of(plan, 'frist')}:3: fiscal_years.frist: unknown key 'frist'; did you mean "
        "'first'?",
    ]
    assert not located(result.stderr, report)


def test_a_report_named_as_the_plan_is_refused(folder: Path) -> None:
    write(folder, report_data(), "other.yaml")
    data = report_data()
    data["plan"] = "other.yaml"
    report = write(folder, data)

    result = runner.invoke(app, ["validate", str(report)])

    assert located(result.stderr, report) == [
        f"{line_of(report, 'other.yaml')}:7: plan: other.yaml is a "
        "รายงานผลการดำเนินการป้องกันการทุจริต (kind report), not a plan with projects to report "
        "on; name the plan file"
    ]


def test_the_memo_needs_its_details(folder: Path) -> None:
    data = report_data()
    del data["memo"]
    report = write(folder, data)

    result = runner.invoke(app, ["validate", str(report)])

    assert located(result.stderr, report) == [
        "1:1: memo: the memo (บันทึกข้อความ), a front page by default, needs its details: add "
        "'memo:' with at least 'department:' (ส่วนราชการ), or list the front pages you want "
        "under 'front:'"
    ]
    data["front"] = ["cover", "memo"]
    listed = write(folder, data)
    result = runner.invoke(app, ["validate", str(listed)])
    assert located(result.stderr, listed) == [
        f"{line_of(listed, '- memo')}:3: front[1]: the memo (บันทึกข้อความ) needs its details: "
        "add 'memo:' with at least 'department:' (ส่วนราชการ)"
    ]


def test_problems_left_blank_are_an_error(folder: Path) -> None:
    report = write(folder, dump(report_data()).replace("problems: ไม่มี", "problems:"))

    result = runner.invoke(app, ["validate", str(report)])

    assert located(result.stderr, report) == [
        f"{line_of(report, 'problems:')}:10: problems: is empty: list them, one per line "
        "starting with '- ', or write ไม่มี"
    ]


# --- budgets: a plan kind that plans them -------------------------------------------------------


@pytest.fixture
def budgeted_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    """Register the test kind ``budgeted`` (tests/budgeted_kind.py): a plan with budgets."""
    monkeypatch.setitem(registry.KIND_MODULES, "budgeted", "tests.budgeted_kind")
    monkeypatch.setattr(validate, "KIND_NAMES", (*validate.KIND_NAMES, "budgeted"))


def budgeted_plan(groups: int = 2) -> dict[str, Any]:
    titles = ["การสร้างสังคมที่ไม่ทนต่อการทุจริต", "การบริหารราชการเพื่อป้องกันการทุจริต"]
    return {
        "schema_version": 1,
        "kind": "budgeted",
        "organization": {
            "kind": "เทศบาลตำบล",
            "name": "บ้านเป้า",
            "district": "เมือง",
            "province": "ลำปาง",
        },
        "fiscal_years": {"first": 2566, "last": 2567},
        "title": "แผนปฏิบัติการป้องกันการทุจริต",
        "dimensions": [
            {
                "title": titles[d % 2],
                "projects": [
                    {"title": "โครงการอบรมคุณธรรม", "budgets": {"2567": "50,000"}},
                    {"title": "มาตรการเผยแพร่ข้อมูล", "budgets": {"2567": "ไม่ใช้งบประมาณ"}},
                    {"title": "โครงการปีหน้า", "budgets": {"2566": "10,000"}},
                    {
                        "id": f"survey-{d + 1}",
                        "title": "โครงการสำรวจ",
                        "budgets": {"2567": "20,000"},
                    },
                ],
            }
            for d in range(groups)
        ],
    }


def budgeted_report(**spent: str) -> dict[str, Any]:
    data = report_data()
    data.update(plan="../budgeted.yaml", fiscal_year=2567, date="2567-10-15")
    data["items"] = [
        {"id": "1.1", "status": "ดำเนินการแล้วเสร็จ", "spent": spent.get("a", "45,000")},
        {"id": "1.2", "status": "ดำเนินการแล้วเสร็จ", "spent": spent.get("b", "ไม่ใช้งบประมาณ")},
        {"id": "survey-1", "status": "not_due"},
        {"id": "2.1", "status": "อยู่ระหว่างดำเนินการ", "spent": spent.get("c", "12,500")},
        {"id": "2.2", "status": "ดำเนินการแล้วเสร็จ"},
        {"id": "2.4", "status": "ไม่สามารถดำเนินการได้", "reason": "ไม่ได้รับงบประมาณ"},
    ]
    return data


@pytest.mark.usefixtures("budgeted_kind")
def test_spending_over_the_plan_is_a_warning_with_the_figures(folder: Path) -> None:
    (folder / "budgeted.yaml").write_text(dump(budgeted_plan()), encoding="utf-8")
    report = write(folder, budgeted_report(a="60,000", b="1,000"))

    checked = runner.invoke(app, ["check", str(report)])
    built = runner.invoke(app, ["build", str(report), "--out", str(folder / "out")])

    expected = [
        f"{line_of(report, '60,000')}:10: warning: BUDGET-OVER: items[0].spent: 60,000 baht "
        "disbursed for 1.1, over the 50,000 baht the plan budgets for 2567 (by 10,000 baht)",
        f"{line_of(report, '1,000')}:10: warning: BUDGET-OVER: items[1].spent: 1,000 baht "
        "disbursed for 1.2, which the plan carries out without a budget (ไม่ใช้งบประมาณ) in 2567",
    ]
    assert checked.exit_code == Exit.FAILED_OR_CHANGED
    assert located(checked.stdout, report) == expected
    assert built.exit_code == Exit.OK  # advice: the report is built all the same
    assert located(built.stderr, report) == expected


@pytest.mark.usefixtures("budgeted_kind")
def test_budget_figures_are_derived_per_group_and_in_total(folder: Path) -> None:
    (folder / "budgeted.yaml").write_text(dump(budgeted_plan()), encoding="utf-8")
    report = write(folder, budgeted_report(), "2567-annual.yaml")
    out = folder / "out"

    result = runner.invoke(app, ["build", str(report), "--out", str(out)])

    assert result.exit_code == Exit.OK, result.stderr
    markdown = (out / "2567-annual.md").read_text(encoding="utf-8")
    text = runner.invoke(app, ["textconv", str(out / "2567-annual.docx")]).stdout
    assert_totals_agree(markdown_rows(markdown), "มิติ")
    assert_totals_agree(docx_rows(text), "มิติ")
    budget = table_after(markdown_rows(markdown), "มิติ", "งบประมาณตามแผน (บาท)")
    assert budget == [
        ["มิติที่ ๑", "๗๐,๐๐๐", "๔๕,๐๐๐", "๖๔.๒๙"],
        ["มิติที่ ๒", "๗๐,๐๐๐", "๑๒,๕๐๐", "๑๗.๘๖"],
        ["รวมทั้งสิ้น", "๑๔๐,๐๐๐", "๕๗,๕๐๐", "๔๑.๐๗"],
    ]


# --- derived figures, recomputed from the output --------------------------------------------------

_CELL_MARK = re.compile(r"^\*\*(.*)\*\*$")
_GROUP = re.compile(r"^(?:\*\*)?(\S+ที่ [๐-๙0-9]+)")


def markdown_rows(markdown: str) -> list[list[str]]:
    """Each line of the Markdown as the cells of a table row (bold marks and escapes
    dropped); a line outside a table is a row of one cell."""
    rows = []
    for line in markdown.splitlines():
        if line.startswith("|---"):
            continue
        if not line.startswith("|"):
            rows.append([line])
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split(" |")]
        rows.append([_CELL_MARK.sub(r"\1", cell).replace("\\", "") for cell in cells])
    return rows


def docx_rows(text: str) -> list[list[str]]:
    """Each line of the DOCX's text (plan textconv) as the cells of a table row; a
    paragraph, or a row of one merged cell, is a row of one cell."""
    return [line.replace("\u200b", "").split(" | ") for line in text.splitlines()]


def table_after(rows: list[list[str]], first: str, second: str) -> list[list[str]]:
    """The rows after the header row that starts ``first``, ``second``, to the total row."""
    start = next(i for i, cells in enumerate(rows) if cells[:2] == [first, second])
    end = next(i for i in range(start, len(rows)) if rows[i][0] == "รวมทั้งสิ้น")
    return rows[start + 1 : end + 1]


def number(text: str) -> int:
    text = arabic_digits(text).replace(",", "")
    return int(text) if text.isdigit() else 0


def percent(part: int, whole: int) -> str:
    if whole == 0:
        return "-"
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return f"{value:.2f}"


def project_rows(rows: list[list[str]]) -> list[dict[str, str]]:
    """The per-item rows of the table of items, each with the group it is listed under."""
    found = []
    group = ""
    for cells in table_after(rows, "ที่", "โครงการ/กิจกรรม/มาตรการ"):
        if cells[0].startswith("รวม"):
            continue
        if len([cell for cell in cells if cell]) == 1:  # a group's heading row
            label = _GROUP.match(cells[0])
            assert label is not None, cells[0]
            group = label.group(1)
            continue
        number_, _title, planned, spent, status = cells[:5]
        found.append(
            {
                "group": group,
                "number": number_,
                "planned": planned,
                "spent": spent,
                "status": status,
            }
        )
    return found


WORDS = {
    "แล้วเสร็จ": "ดำเนินการแล้วเสร็จ",
    "ระหว่างดำเนินการ": "อยู่ระหว่างดำเนินการ",
    "ไม่สามารถดำเนินการได้": "ไม่สามารถดำเนินการได้",
    "ยังไม่ได้ดำเนินการ": "ยังไม่ได้ดำเนินการ",
    "ยังไม่ถึงกำหนด": "ยังไม่ถึงกำหนดดำเนินการ",
    "รอรายงานผล": "รอรายงานผล",
}


def assert_totals_agree(rows: list[list[str]], noun: str) -> None:
    """The summary tables say what the per-item rows add up to."""
    items = project_rows(rows)
    table = table_after(rows, noun, "จำนวนตามแผน")
    statuses = [WORDS[cell] for cell in table[0] if cell in WORDS]  # the second header row
    body = table[1:]
    groups = list(dict.fromkeys(row["group"] for row in items))
    assert [cells[0] for cells in body] == [*groups, "รวมทั้งสิ้น"]
    for cells in body:
        members = [row for row in items if cells[0] in ("รวมทั้งสิ้น", row["group"])]
        counts = [sum(row["status"] == status for row in members) for status in statuses]
        done = counts[statuses.index("ดำเนินการแล้วเสร็จ")]
        going = counts[statuses.index("อยู่ระหว่างดำเนินการ")]
        assert [number(cell) for cell in cells[1 : 2 + len(statuses)]] == [len(members), *counts]
        shown = [arabic_digits(cell) for cell in cells[2 + len(statuses) :]]
        assert shown == [percent(done, len(members)), percent(done + going, len(members))]
    if any(cells[:2] == [noun, "งบประมาณตามแผน (บาท)"] for cells in rows):
        for cells in table_after(rows, noun, "งบประมาณตามแผน (บาท)"):
            members = [row for row in items if cells[0] in ("รวมทั้งสิ้น", row["group"])]
            planned = sum(number(row["planned"]) for row in members)
            spent = sum(number(row["spent"]) for row in members)
            assert [number(cells[1]), number(cells[2])] == [planned, spent]
            assert arabic_digits(cells[3]) == percent(spent, planned)
    else:
        for cells in table_after(rows, noun, "เบิกจ่าย (บาท)"):
            members = [row for row in items if cells[0] in ("รวมทั้งสิ้น", row["group"])]
            assert number(cells[1]) == sum(number(row["spent"]) for row in members)


# Each example report: its file, and what its plan calls its groups.
EXAMPLE_REPORTS = {
    "2563-annual": (EXAMPLES / "2563-annual.yaml", "เป้าประสงค์หลัก"),
    "2563-6-months": (EXAMPLES / "2563-6-months.yaml", "เป้าประสงค์หลัก"),
    "action-2562-annual": (ROOT / "examples" / "action" / "reports" / "2562-annual.yaml", "มิติ"),
}


@pytest.mark.parametrize("name", EXAMPLE_REPORTS)
def test_the_examples_totals_agree_with_their_rows_in_markdown_and_docx(
    name: str, tmp_path: Path
) -> None:
    example, noun = EXAMPLE_REPORTS[name]
    result = runner.invoke(app, ["build", str(example), "--out", str(tmp_path)])
    assert result.exit_code == Exit.OK, result.stderr
    markdown = (tmp_path / f"{example.stem}.md").read_text(encoding="utf-8")
    text = runner.invoke(app, ["textconv", str(tmp_path / f"{example.stem}.docx")]).stdout

    assert_totals_agree(markdown_rows(markdown), noun)
    assert_totals_agree(docx_rows(text), noun)
    rows = project_rows(markdown_rows(markdown))
    assert rows == project_rows(docx_rows(text))
    assert len(rows) == len(re.findall(r"^  - id: ", example.read_text(encoding="utf-8"), re.M))


# --- the examples, the scaffold, the comparison ---------------------------------------------


@pytest.mark.parametrize("name", EXAMPLE_REPORTS)
def test_the_examples_documents_are_up_to_date(name: str) -> None:
    example, _ = EXAMPLE_REPORTS[name]
    out = example.parent
    result = runner.invoke(app, ["build", str(example), "--out", str(out), "--check"])

    assert result.exit_code == Exit.OK, (
        f"{result.stderr}{result.stdout}run: plan build {example} --out {out}"
    )


def test_init_lists_every_item_of_the_year_and_never_overwrites(folder: Path) -> None:
    plan = folder / "plan.yaml"

    first = runner.invoke(app, ["report", "init", str(plan), "--year", "2563"])
    target = folder / "reports" / "2563-annual.yaml"
    written = target.read_text(encoding="utf-8")
    again = runner.invoke(app, ["report", "init", str(plan), "--year", "2563"])

    assert first.exit_code == Exit.OK, first.stderr
    assert first.stdout == f"wrote {target}\n"
    assert re.findall(r'- id: "([\d.]+)"', written) == [
        "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2"
    ]  # fmt: skip
    assert 'plan: "../plan.yaml"' in written
    assert again.exit_code == Exit.FAILED_OR_CHANGED
    assert again.stderr == f"{target}: already exists; nothing was written (give another --out)\n"
    assert target.read_text(encoding="utf-8") == written


def test_a_filled_scaffold_builds(folder: Path) -> None:
    plan = folder / "plan.yaml"
    target = folder / "reports" / "2563-6-months.yaml"
    runner.invoke(app, ["report", "init", str(plan), "--year", "2563", "--period", "6-months"])
    text = target.read_text(encoding="utf-8")
    blank = runner.invoke(app, ["validate", str(target)])
    filled = (
        text.replace("date:  ", "date: 2563-04-10  ", 1)
        .replace("  department:", "  department: สำนักปลัด", 1)
        .replace("  name:\n  position:", "  name: นางสาวสมใจ ตั้งใจ\n  position: นักวิเคราะห์", 1)
        .replace("  name:\nitems:", "  name: นายไพฑูรย์ สุขดี\nitems:", 1)
        .replace("    status:", "    status: อยู่ระหว่างดำเนินการ")
        .replace("problems:  ", "problems: ไม่มี  ", 1)
        .replace("suggestions:  ", "suggestions: ไม่มี  ", 1)
    )
    target.write_text(filled, encoding="utf-8")

    built = runner.invoke(app, ["build", str(target), "--out", str(folder / "out")])

    assert blank.exit_code == Exit.FAILED_OR_CHANGED
    assert "items[7].status: no status yet" in blank.stderr
    assert built.exit_code == Exit.OK, built.stderr
    assert (folder / "out" / "2563-6-months.docx").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "2570"], "plan.yaml: 2570 is not one of its fiscal years (2562-2564)\n"),
        (
            ["--year", "2020"],
            "plan.yaml: 2020 is not one of its fiscal years (2562-2564); 2020 looks like a "
            "Christian-Era year: write 2563\n",
        ),
        (["--year", "2563", "--period", "weekly"], "Invalid value for '--period'"),
    ],
)
def test_init_refuses_a_year_or_period_the_plan_has_not(
    folder: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["report", "init", str(folder / "plan.yaml"), *args])

    assert result.exit_code in (Exit.FAILED_OR_CHANGED, Exit.USAGE)
    assert message in result.stderr
    assert not list((folder / "reports").iterdir())


def test_diff_names_what_changed_since_the_last_report(folder: Path) -> None:
    old = write(folder, report_data(), "old.yaml")
    data = report_data()
    data["items"][2].update(status="ดำเนินการแล้วเสร็จ", spent="15,000")
    data["items"][0]["spent"] = "5000"  # the same amount, typed otherwise: no change
    new = write(folder, data, "new.yaml")

    result = runner.invoke(app, ["diff", str(old), str(new)])

    assert result.exit_code == Exit.OK, result.stderr
    lines = result.stdout.splitlines()
    assert "๑. แก้ไข เป้าประสงค์หลักที่ ๑ มาตรการที่ ๓ สถานะ" in lines
    assert "๒. แก้ไข เป้าประสงค์หลักที่ ๑ มาตรการที่ ๓ เบิกจ่าย" in lines
    assert len([line for line in lines if re.match(r"^[๐-๙]+\. ", line)]) == 2


# --- charts ---------------------------------------------------------------------------------------


def test_charts_are_the_same_bytes_on_every_build(tmp_path: Path) -> None:
    example = EXAMPLES / "2563-annual.yaml"
    for out in ("a", "b"):
        runner.invoke(app, ["build", str(example), "--out", str(tmp_path / out)])

    for name in (
        "2563-annual.status-chart.png",
        "2563-annual.budget-chart.png",
        "2563-annual.docx",
    ):
        first = (tmp_path / "a" / name).read_bytes()
        assert first == (tmp_path / "b" / name).read_bytes()
    png = (tmp_path / "a" / "2563-annual.status-chart.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert b"tIME" not in png and b"tEXt" not in png


def test_checking_or_validating_a_report_loads_no_chart_library() -> None:
    code = (
        "import sys\n"
        "from anticorrupt_plan.cli.commands import app\n"
        "for command in ('validate', 'check'):\n"
        "    try:\n"
        f"        app([command, {str(EXAMPLES / '2563-annual.yaml')!r}])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PIL', 'uharfbuzz', 'docx')))\n"
    )

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_the_schema_describes_the_progress_file_too() -> None:
    import json

    result = runner.invoke(app, ["schema"])

    assert result.exit_code == Exit.OK
    schema = json.loads(result.stdout)
    assert "report" in schema["properties"]["kind"]["enum"]
    progress = schema["$defs"]["Progress"]
    assert {"plan", "fiscal_year", "period", "items", "problems"} <= set(progress["required"])


def test_the_installed_program_reports_a_reports_problem_without_a_traceback(folder: Path) -> None:
    data = report_data()
    data["items"][0]["spent"] = "5o,000"
    report = write(folder, data)
    program = Path(sys.executable).with_name("plan")

    done = subprocess.run(
        [str(program), "build", str(report), "--out", str(folder / "out")],
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == Exit.FAILED_OR_CHANGED
    assert done.stderr.startswith(f"{report}:{line_of(report, '5o,000')}:10: items[0].spent: ")
    assert "Traceback" not in done.stderr


# --- in Thai ------------------------------------------------------------------------------------


@pytest.fixture
def thai(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLAN_LANG", "th")


@pytest.mark.usefixtures("thai")
def test_a_reports_problems_read_in_thai_with_the_keys_and_values_as_written(
    folder: Path,
) -> None:
    data = report_data()
    data["items"][2]["id"] = "1.4"  # no such item: 1.3 is meant, and so is not reported
    data["items"][7] = {"id": "3.2", "status": "ดำเนินการแล้วเสร็จ", "start": "2563-10-02"}
    del data["items"][4]["reason"]
    report = write(folder, data)

    result = runner.invoke(app, ["validate", str(report)])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert located(result.stderr, report) == [
        f"{line_of(report, 'items:')}:1: items: ยังไม่ได้รายงานรายการ 1.3 "
        "(จัดทำโครงการส่งเสริมการดำรงชีวิตตามแน...) ของปีงบประมาณ 2563 ให้เพิ่ม '- id: 1.3' "
        "พร้อมสถานะ (ใช้ not_due หรือ not_reported ถ้ายังไม่มีผลให้รายงาน)",
        f"{line_of(report, 'id: ' + repr('1.4'))}:7: items[2].id: '1.4' ไม่ใช่รายการของ "
        "../plan.yaml ในปีงบประมาณ 2563 (รายการของปีนั้นคือ 1.1 ถึง 3.2) หมายถึง 1.3 หรือไม่?",
        f"{line_of(report, 'status: ไม่สามารถดำเนินการได้')}:11: items[4].status: "
        "ไม่สามารถดำเนินการได้ ต้องมีเหตุผล ให้เพิ่ม 'reason:' (เช่น ไม่ได้รับงบประมาณ)",
        f"{line_of(report, '2563-10-02')}:10: items[7].start: 2563-10-02 "
        "อยู่หลังสิ้นสุดรอบรายงาน: รายงานประจำปีของปีงบประมาณ 2563 ครอบคลุม 2562-10-01 "
        "ถึง 2563-09-30",
    ]
    assert result.stderr.endswith("พบปัญหา 4 รายการ\n")


@pytest.mark.usefixtures("thai")
def test_a_blank_status_and_a_mistyped_amount_read_in_thai(folder: Path) -> None:
    data = report_data()
    data["items"][0]["spent"] = "5o,000"
    report = write(folder, dump(data).replace("status: not_due", "status:"))

    result = runner.invoke(app, ["validate", str(report)])

    assert located(result.stderr, report) == [
        f"{line_of(report, '5o,000')}:10: items[0].spent: '5o,000' ไม่ใช่จำนวนเงินเต็มบาท "
        "ให้เขียนเป็นตัวเลข เช่น 50000 หรือ 50,000 (เลขไทยก็ได้) หรือเขียน ไม่ใช้งบประมาณ",
        f"{line_of(report, '- id: ' + repr('3.1')) + 1}:10: items[6].status: ยังไม่มีสถานะ "
        "ให้เขียนค่าใดค่าหนึ่งใน ดำเนินการแล้วเสร็จ, อยู่ระหว่างดำเนินการ, "
        "ไม่สามารถดำเนินการได้, ยังไม่ได้ดำเนินการ, not_due (ยังไม่ถึงกำหนดดำเนินการ), "
        "not_reported (รอรายงานผล)",
    ]


@pytest.mark.usefixtures("budgeted_kind", "thai")
def test_spending_over_the_plan_reads_in_thai_with_the_rule_id_as_written(folder: Path) -> None:
    (folder / "budgeted.yaml").write_text(dump(budgeted_plan()), encoding="utf-8")
    report = write(folder, budgeted_report(a="60,000"))

    checked = runner.invoke(app, ["check", str(report)])

    assert located(checked.stdout, report) == [
        f"{line_of(report, '60,000')}:10: warning: BUDGET-OVER: items[0].spent: เบิกจ่าย "
        "60,000 บาท ให้รายการ 1.1 เกินงบประมาณ 50,000 บาท ที่แผนตั้งไว้ในปีงบประมาณ 2567 "
        "(เกิน 10,000 บาท)"
    ]
    assert checked.stderr == f"{report}: ข้อผิดพลาด 0 รายการ คำเตือน 1 รายการ\n"


@pytest.mark.usefixtures("thai")
def test_validate_init_and_its_refusals_speak_thai(folder: Path) -> None:
    plan = folder / "plan.yaml"
    target = folder / "reports" / "2563-annual.yaml"

    valid = runner.invoke(app, ["validate", str(write(folder, report_data(), "done.yaml"))])
    wrong_year = runner.invoke(app, ["report", "init", str(plan), "--year", "2570"])
    first = runner.invoke(app, ["report", "init", str(plan), "--year", "2563"])
    again = runner.invoke(app, ["report", "init", str(plan), "--year", "2563"])

    assert valid.stdout == (
        f"{folder / 'reports' / 'done.yaml'}: ถูกต้อง (ปีงบประมาณ 2563 ประจำปี: 8 รายการ "
        "แล้วเสร็จ 50.00%)\n"
    )
    assert wrong_year.stderr == f"{plan}: 2570 ไม่ใช่ปีงบประมาณของแผนนี้ (2562-2564)\n"
    assert first.stdout == f"เขียน {target} แล้ว\n"
    assert first.stderr == (
        f"กรอกสถานะของแต่ละรายการ (และผลการดำเนินการ) แล้วสั่ง plan build {target}\n"
    )
    assert again.stderr == (f"{target}: มีอยู่แล้ว ไม่ได้เขียนไฟล์ใด (ให้ระบุไฟล์อื่นด้วย --out)\n")
