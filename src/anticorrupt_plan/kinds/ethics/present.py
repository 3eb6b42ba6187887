"""What a reader sees, decided once for every output format.

The renderers (Markdown, DOCX) receive a PlanView: every label, number, year line and
date already written out as display text in the plan's chosen digits. Numbering
("ที่ ๑", "๑."), derived headings and the digits switch live here and nowhere else.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from anticorrupt_plan.common.display import Numbered, digits_shown
from anticorrupt_plan.core.thai import long_date
from anticorrupt_plan.kinds.ethics.model import Plan


@dataclass(frozen=True)
class AnnouncementView:
    heading: str  # ประกาศองค์การบริหารส่วนตำบลทุ่งทอง
    subject: str  # เรื่อง ...
    years_line: str  # ปีงบประมาณ พ.ศ. ๒๕๖๒ - ๒๕๖๔
    body: tuple[str, ...]
    date_line: str  # ประกาศ ณ วันที่ ๑๘ เดือน ตุลาคม พ.ศ. ๒๕๖๑
    signatory_name: str  # (นายไพฑูรย์ สุขดี)
    signatory_position: str


@dataclass(frozen=True)
class CoverView:
    title: str
    years_line: str  # ประจำปี พ.ศ. ๒๕๖๒ - ๒๕๖๔
    of: str  # ของ
    organization: str
    place_line: str  # อำเภอท่าม่วง จังหวัดกาญจนบุรี


@dataclass(frozen=True)
class NarrativeView:
    heading: str  # the plan's main heading
    rationale_heading: str
    rationale: tuple[str, ...]
    strategy_intro: str
    strategies: tuple[Numbered, ...]
    objectives_intro: str
    objectives: tuple[Numbered, ...]
    steps_heading: str
    steps: tuple[Numbered, ...]


@dataclass(frozen=True)
class TableHeader:
    objective: str
    indicator: str
    targets: str
    years: tuple[str, ...]
    project: str
    steps: str


@dataclass(frozen=True)
class RowView:
    objective: str
    indicator: str
    targets: tuple[str, ...]  # in fiscal-year order, one per TableHeader.years
    project: str
    steps: tuple[Numbered, ...]


@dataclass(frozen=True)
class MeasureView:
    label: str  # มาตรการที่ ๑
    title: str
    rows: tuple[RowView, ...]


@dataclass(frozen=True)
class GoalView:
    label: str  # เป้าประสงค์หลักที่ ๑
    goal: str
    fields: tuple[Numbered, ...]  # ยุทธศาสตร์ที่ ๑, ตัวชี้วัดยุทธศาสตร์, กลยุทธ์หลัก
    measures: tuple[MeasureView, ...]


@dataclass(frozen=True)
class MatrixView:
    heading_lines: tuple[str, ...]
    header: TableHeader
    goals: tuple[GoalView, ...]


@dataclass(frozen=True)
class LayoutView:
    """Page settings the plan gives; None leaves the reference document's setting."""

    left_cm: float | None
    right_cm: float | None
    top_cm: float | None
    bottom_cm: float | None
    font: str | None
    font_size_pt: float | None


@dataclass(frozen=True)
class PageNumberView:
    """How page numbers read, from a part's second page on: ``- ๒ -``."""

    before: str
    after: str
    thai_digits: bool


@dataclass(frozen=True)
class PlanView:
    """Everything the documents show, in reading order, as display text."""

    document_title: str  # for file metadata: title, organization and years on one line
    organization: str
    announcement: AnnouncementView
    cover: CoverView
    narrative: NarrativeView
    matrix: MatrixView
    layout: LayoutView
    page_numbers: PageNumberView
    issued: datetime.date  # the announcement's date: the documents' own date in metadata


def present(plan: Plan) -> PlanView:
    """Lay out ``plan`` for reading: numbering, derived headings, dates, digits."""
    show = digits_shown(plan.digits)
    org = plan.organization
    organization = show(org.full_name)
    years = plan.fiscal_years
    span = f"{years.first} - {years.last}" if years.last != years.first else str(years.first)
    year_range = show(span)
    fiscal_years_line = f"ปีงบประมาณ พ.ศ. {year_range}"
    title = show(plan.title)
    plan_heading = f"{title} {organization} ประจำปี พ.ศ. {year_range}"
    place = " ".join(
        part
        for part in (f"อำเภอ{org.district}" if org.district else "", f"จังหวัด{org.province}")
        if part
    )
    place_line = show(place)

    def texts(items: list[str]) -> tuple[str, ...]:
        return tuple(show(item) for item in items)

    def numbered(items: list[str], label: Callable[[str], str]) -> tuple[Numbered, ...]:
        return tuple(
            Numbered(label(show(str(number))), show(item))
            for number, item in enumerate(items, start=1)
        )

    def dotted(number: str) -> str:
        return f"{number}."

    announcement = AnnouncementView(
        heading=f"ประกาศ{organization}",
        subject=f"เรื่อง {show(plan.subject)}",
        years_line=fiscal_years_line,
        body=texts(plan.announcement.body),
        date_line=f"ประกาศ ณ {show(long_date(plan.announcement.date))}",
        signatory_name=f"({show(plan.announcement.signatory.name)})",
        signatory_position=show(plan.signatory_position),
    )
    cover = CoverView(
        title=title,
        years_line=f"ประจำปี พ.ศ. {year_range}",
        of="ของ",
        organization=organization,
        place_line=place_line,
    )
    narrative = NarrativeView(
        heading=plan_heading,
        rationale_heading="หลักการเหตุผล",
        rationale=texts(plan.rationale),
        strategy_intro=show(plan.national_strategy.intro),
        strategies=numbered(plan.national_strategy.strategies, lambda n: f"ยุทธศาสตร์ที่ {n}"),
        objectives_intro=show(plan.objectives.intro),
        objectives=numbered(plan.objectives.items, dotted),
        steps_heading=f"ขั้นตอนการจัดทำ{title}ของ{organization}",
        steps=numbered(plan.preparation_steps, dotted),
    )
    header = TableHeader(
        objective=show("(1) วัตถุประสงค์"),
        indicator=show("(2) ตัวชี้วัด"),
        targets=show("(3) ค่าเป้าหมายตัวชี้วัด"),
        years=tuple(show(str(year)) for year in years.years),
        project=show("(4) โครงการ/กิจกรรม"),
        steps=show("(5) แนวทางปฏิบัติ"),
    )
    goals = tuple(
        GoalView(
            label=f"เป้าประสงค์หลักที่ {show(str(g))}",
            goal=show(goal.goal),
            fields=(
                Numbered(f"ยุทธศาสตร์ที่ {show(str(g))}", show(goal.strategy)),
                Numbered("ตัวชี้วัดยุทธศาสตร์", show(goal.strategy_indicator)),
                Numbered("กลยุทธ์หลัก", show(goal.tactic)),
            ),
            measures=tuple(
                MeasureView(
                    label=f"มาตรการที่ {show(str(m))}",
                    title=show(measure.title),
                    rows=tuple(
                        RowView(
                            objective=show(row.objective),
                            indicator=show(row.indicator),
                            targets=tuple(show(row.targets[year]) for year in years.years),
                            project=show(row.project),
                            steps=numbered(row.steps, dotted),
                        )
                        for row in measure.rows
                    ),
                )
                for m, measure in enumerate(goal.measures, start=1)
            ),
        )
        for g, goal in enumerate(plan.goals, start=1)
    )
    matrix = MatrixView(
        heading_lines=(
            f"{title}ของ{organization}",
            place_line,
            fiscal_years_line,
        ),
        header=header,
        goals=goals,
    )
    return PlanView(
        document_title=plan_heading,
        organization=organization,
        announcement=announcement,
        cover=cover,
        narrative=narrative,
        matrix=matrix,
        layout=LayoutView(
            left_cm=plan.layout.margins.left,
            right_cm=plan.layout.margins.right,
            top_cm=plan.layout.margins.top,
            bottom_cm=plan.layout.margins.bottom,
            font=plan.layout.font,
            font_size_pt=plan.layout.font_size,
        ),
        page_numbers=PageNumberView(before="- ", after=" -", thai_digits=plan.digits == "thai"),
        issued=plan.announcement.date,
    )
