"""The pieces of the follow-up reports: the ethics plan's items, indicator targets, periods,
the charts' layout and drawing, and reading a report at a git revision."""

from __future__ import annotations

import copy
import datetime
import io
import re
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image

from anticorrupt_plan.app.compare import DiffFormat, compare
from anticorrupt_plan.app.render import render
from anticorrupt_plan.app.revision import read_version
from anticorrupt_plan.app.validate import parse_plan, read_plan
from anticorrupt_plan.common.display import digits_shown
from anticorrupt_plan.core.charts import BarChart, Series, chart_height_cm, draw_bar_chart
from anticorrupt_plan.core.errors import PlanInvalid
from anticorrupt_plan.kinds.action.items import plan_items as plan_items_of_action
from anticorrupt_plan.kinds.ethics.items import plan_items
from anticorrupt_plan.kinds.report.model import Period, _item_name, period_dates, target_met

from .conftest import PLAN_PATH, ROOT, dump, minimal_plan
from .gitrepo import Repository

# --- the ethics plan's items ----------------------------------------------------------------------


def test_the_seeds_items_are_numbered_by_goal_and_measure() -> None:
    plan = read_plan(PLAN_PATH).plan

    items = plan_items(plan, 2563)

    assert [(item.id, item.number, item.group.label) for item in items[:4]] == [
        ("1.1", "1.1", "เป้าประสงค์หลักที่ 1"),
        ("1.2", "1.2", "เป้าประสงค์หลักที่ 1"),
        ("1.3", "1.3", "เป้าประสงค์หลักที่ 1"),
        ("2.1", "2.1", "เป้าประสงค์หลักที่ 2"),
    ]
    assert items[1].label == "เป้าประสงค์หลักที่ 1 มาตรการที่ 2"
    assert items[1].target == "ร้อยละ ๙๐"
    assert items[1].budget is None  # the ethics plan plans no budgets
    assert items[1].path == ("goals", 0, "measures", 1, "rows", 0)
    assert plan_items(plan, 2570) == ()


def test_a_measures_id_names_its_items_and_its_rows_are_numbered() -> None:
    data = minimal_plan()
    measure = data["goals"][0]["measures"][0]
    measure["id"] = "training"
    measure["rows"].append(dict(copy.deepcopy(measure["rows"][0]), project="โครงการที่สอง"))
    data["goals"][0]["id"] = "awareness"
    plan = parse_plan(dump(data), file="plan.yaml").plan

    items = plan_items(plan, 2567)

    assert [(item.id, item.number, item.label) for item in items] == [
        ("training.1", "1.1.1", "เป้าประสงค์หลักที่ 1 มาตรการที่ 1 แถวที่ 1"),
        ("training.2", "1.1.2", "เป้าประสงค์หลักที่ 1 มาตรการที่ 1 แถวที่ 2"),
    ]
    assert items[0].group.id == "awareness"


def test_the_action_plans_items_are_its_projects_of_the_year_by_dimension() -> None:
    plan = read_plan(ROOT / "examples" / "action" / "plan.yaml").plan

    items = plan_items_of_action(plan, 2562)

    first = items[0]
    assert (first.id, first.number, first.label) == (
        "d1-ethics-training",
        "1.1.1.1",
        "มิติที่ 1 ภารกิจ 1.1.1 1)",
    )
    assert (first.group.label, first.group.title) == ("มิติที่ 1", "การสร้างสังคมที่ไม่ทนต่อการทุจริต")
    assert first.budget == 20_000
    assert {item.group.label for item in items} == {f"มิติที่ {d}" for d in range(1, 5)}
    assert "ไม่ใช้งบประมาณ" in {item.budget for item in items}
    every_year = {item.id for item in plan_items_of_action(plan, 2561)}
    assert {item.id for item in items} != every_year  # some projects skip a year
    assert len({item.id for item in items}) == len(items)


# --- indicators and periods -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "achieved", "met"),
    [
        ("ร้อยละ ๘๐", "ร้อยละ ๘๕", True),
        ("ร้อยละ 80", "ร้อยละ ๘๐", True),
        ("ร้อยละ ๙๐", "ร้อยละ ๘๒.๙๘", False),
        ("ไม่น้อยกว่า ส่วนราชการ ๑ คน", "๒ คน", True),
        ("ข้อร้องเรียนไม่เกิน ๕ เรื่อง", "๓ เรื่อง", True),
        ("ระยะเวลาลดลงเหลือ ๑๐ วัน", "๑๒ วัน", False),
        ("มีศูนย์ข้อมูล", "มีแล้ว", None),
        ("ร้อยละ ๘๐ ของ ๒ หน่วยงาน", "ร้อยละ ๙๐", None),
        ("งบประมาณ ๑,๐๐๐ บาท", "๑,๕๐๐ บาท", True),
    ],
)
def test_a_target_is_met_as_its_numbers_say(target: str, achieved: str, met: bool | None) -> None:
    assert target_met(target, achieved) is met


@pytest.mark.parametrize(
    ("period", "first", "last"),
    [
        (Period.SIX_MONTHS, datetime.date(2019, 10, 1), datetime.date(2020, 3, 31)),
        (Period.ANNUAL, datetime.date(2019, 10, 1), datetime.date(2020, 9, 30)),
    ],
)
def test_a_fiscal_year_runs_from_october(
    period: Period, first: datetime.date, last: datetime.date
) -> None:
    assert period_dates(2563, period) == (first, last)


# --- charts ---------------------------------------------------------------------------------------


def chart(rows: int, *, digits: str = "thai", stacked: bool = True) -> BarChart:
    series = (Series("ดำเนินการแล้วเสร็จ", (46, 125, 50)), Series("อยู่ระหว่างดำเนินการ", (21, 101, 192)))
    return BarChart(
        categories=tuple(f"เป้าประสงค์หลักที่ {n}" for n in range(1, rows + 1)),
        series=series,
        values=tuple((n, 1) for n in range(rows)),
        stacked=stacked,
        width_cm=15.5,
        show=digits_shown(digits),
        axis_title="จำนวน",
    )


@pytest.mark.parametrize("rows", [1, 4, 10])
@pytest.mark.parametrize("stacked", [True, False])
def test_a_chart_is_drawn_as_tall_as_its_layout_says(rows: int, stacked: bool) -> None:
    png = draw_bar_chart(chart(rows, stacked=stacked))

    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.info["dpi"] == pytest.approx((200, 200), abs=0.1)
    assert image.width == round(15.5 / 2.54 * 200)
    assert image.height / 200 * 2.54 == pytest.approx(
        chart_height_cm(rows, 2, stacked=stacked), abs=0.02
    )


def test_a_charts_digits_follow_the_plan() -> None:
    thai = draw_bar_chart(chart(4))
    arabic = draw_bar_chart(chart(4, digits="arabic"))

    assert thai != arabic
    assert draw_bar_chart(chart(4)) == thai


def test_the_docx_holds_each_chart_at_its_drawn_size() -> None:
    valid = read_plan(ROOT / "examples" / "reports" / "2563-annual.yaml")

    built = render(valid, formats=["md", "docx"])

    with zipfile.ZipFile(io.BytesIO(built["docx"])) as package:
        media = sorted(name for name in package.namelist() if name.startswith("word/media/"))
        pictures = [package.read(name) for name in media]
        body = package.read("word/document.xml").decode("utf-8")
    assert sorted(pictures) == sorted([built["status-chart.png"], built["budget-chart.png"]])
    # Each picture's extent (wp:extent cx, cy in EMU), in reading order, is the chart's size.
    extents = [
        (int(cx), int(cy)) for cx, cy in re.findall(r'<wp:extent cx="(\d+)" cy="(\d+)"', body)
    ]
    drawn = [
        Image.open(io.BytesIO(built[f"{ref}.png"])) for ref in ("status-chart", "budget-chart")
    ]
    assert len(extents) == len(drawn)
    for (cx, cy), image in zip(extents, drawn, strict=True):
        assert cy == pytest.approx(image.height / 200 * 914400, abs=3600)  # 0.01 cm
        assert cx == pytest.approx(image.width / 200 * 914400, rel=0.005)


# --- a report at a revision reads its plan at the same revision -----------------------------------


def test_diff_of_a_report_at_a_revision_reads_the_plan_of_that_revision(tmp_path: Path) -> None:
    repository = Repository(tmp_path / "repo")
    report = (ROOT / "examples" / "reports" / "2563-annual.yaml").read_text(encoding="utf-8")
    report = report.replace("plan: ../../plan.yaml", "plan: ../plan.yaml")
    plan = PLAN_PATH.read_text(encoding="utf-8")
    repository.commit("plan and report", {"plan.yaml": plan, "examples/report.yaml": report})
    # The plan file is renamed since: the old report names a file only the old revision has.
    repository.git("rm", "-q", "plan.yaml")
    moved = report.replace("plan: ../plan.yaml", "plan: ../plan-2562.yaml")
    repository.commit(
        "renamed",
        {"plan-2562.yaml": plan, "examples/report.yaml": moved.replace("5,000", "6,000")},
    )

    result = compare(
        "HEAD~1",
        None,
        plan_file=tmp_path / "repo" / "examples" / "report.yaml",
        format=DiffFormat.TEXT,
    )

    places = [" ".join(change.new_place) for change in result.changes]
    assert places == ["เป้าประสงค์หลักที่ ๑ มาตรการที่ ๑ เบิกจ่าย"]


def test_a_report_at_a_revision_without_its_plan_says_so_at_its_plan_line(tmp_path: Path) -> None:
    repository = Repository(tmp_path / "repo")
    report = (ROOT / "examples" / "reports" / "2563-annual.yaml").read_text(encoding="utf-8")
    report = report.replace("plan: ../../plan.yaml", "plan: ../plan.yaml")
    # The report is committed before the plan it names.
    repository.commit("report", {"examples/report.yaml": report})
    repository.commit("plan", {"plan.yaml": PLAN_PATH.read_text(encoding="utf-8")})

    with pytest.raises(PlanInvalid) as raised:
        read_version("HEAD~1", plan_file=tmp_path / "repo" / "examples" / "report.yaml")

    [problem] = raised.value.problems
    line = report.splitlines().index("plan: ../plan.yaml") + 1
    assert (problem.location.line, problem.path) == (line, ("plan",))
    assert "plan.yaml" in problem.message


def test_a_long_item_title_in_a_message_is_cut_between_clusters() -> None:
    def named(number: str, title: str) -> str:  # only the number and the title are read
        return _item_name(SimpleNamespace(number=number, title=title))  # type: ignore[arg-type]

    assert named("1.1", "โครงการ" + "ที่" * 30) == "1.1 (โครงการ" + "ที่" * 10 + "...)"  # 37, then ...
    assert named("2", "สั้น") == "2 (สั้น)"
