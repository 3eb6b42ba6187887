"""What a reader of a follow-up report sees, decided once for every output format.

The templates (``templates/report/``) receive a ReportView: every value, number, amount,
percentage and date as display text in the plan's digits, every figure already derived. The
wording around them (headings, column headers, the memo's standard text) is the templates'.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from anticorrupt_plan.common.display import (
    digits_shown,
    held_together,
    organization_names,
    plain,
    year_span,
)
from anticorrupt_plan.common.kind import ItemGroup
from anticorrupt_plan.common.types import NO_BUDGET
from anticorrupt_plan.core.charts import chart_height_cm
from anticorrupt_plan.core.thai import THAI_MONTHS, be_year, long_date
from anticorrupt_plan.kinds.report.figures import CHARTS
from anticorrupt_plan.kinds.report.model import (
    STATUS_WORDS,
    TITLES,
    Entry,
    Period,
    Report,
    Status,
)
from anticorrupt_plan.kinds.report.summary import Summary, Tally, indicator_met, summarize

# Always shown, as e-PlanNACC shows them; the others only when some item has them.
CANONICAL = (Status.DONE, Status.IN_PROGRESS, Status.CANNOT)
DASH = "-"
# Column headings, as e-PlanNACC's summary shortens them.
STATUS_HEADINGS = {
    Status.DONE: "แล้วเสร็จ",
    Status.IN_PROGRESS: "ระหว่างดำเนินการ",
    Status.CANNOT: "ไม่สามารถดำเนินการได้",
    Status.NOT_STARTED: "ยังไม่ได้ดำเนินการ",
    Status.NOT_DUE: "ยังไม่ถึงกำหนด",
    Status.NOT_REPORTED: "รอรายงานผล",
}


@dataclass(frozen=True)
class Signature:
    name: str
    position: str


@dataclass(frozen=True)
class EndorsementView:
    name: str
    position: str
    opinion: str | None


@dataclass(frozen=True)
class MemoView:
    department: str  # สำนักปลัด (the template adds the organization)
    phone: str | None
    reference: str | None
    date: str  # ๑๐ เมษายน ๒๕๖๓
    body: tuple[str, ...]  # empty: the template's standard wording
    endorsements: tuple[EndorsementView, ...]


@dataclass(frozen=True)
class AnnouncementView:
    body: tuple[str, ...]  # empty: the template's standard wording
    date: str  # วันที่ ๑๕ เดือน ตุลาคม พ.ศ. ๒๕๖๓


@dataclass(frozen=True)
class StatusColumn:
    status: str  # the Status value
    word: str  # as the documents write it
    heading: str  # as a narrow column's heading writes it


@dataclass(frozen=True)
class Figures:
    """A row of the summary tables: a group's figures, or the total's."""

    label: str  # เป้าประสงค์หลักที่ ๑, or รวม
    title: str
    items: str
    counts: tuple[str, ...]  # one per ReportView.status_columns
    completed: str  # ร้อยละ, two decimals
    implemented: str
    planned: str  # baht
    spent: str
    disbursed: str  # ร้อยละ
    met: str
    not_met: str
    judged: str


@dataclass(frozen=True)
class ProjectRow:
    number: str  # ๑.๒
    title: str
    label: str  # เป้าประสงค์หลักที่ ๑ มาตรการที่ ๒
    planned: str
    spent: str
    status: str
    results: str | None
    dates: str | None
    participants: str | None
    reason: str | None
    note: str | None
    achieved: str | None  # the indicator's result (shown in the table of indicators)


@dataclass(frozen=True)
class ProjectGroup:
    label: str
    title: str
    rows: tuple[ProjectRow, ...]
    total: Figures


@dataclass(frozen=True)
class IndicatorRow:
    number: str
    title: str
    indicator: str
    target: str
    achieved: str
    verdict: str  # บรรลุ, ไม่บรรลุ, or - (no result)


@dataclass(frozen=True)
class ChartView:
    ref: str  # the image's name: status-chart, budget-chart
    height: str  # 7.2cm


@dataclass(frozen=True)
class ReportView:
    document_title: str  # title, organization and year on one line: the files' metadata
    title: str  # รายงานผลการดำเนินการป้องกันการทุจริตประจำปี
    six_months: bool
    year: str  # ๒๕๖๓
    period_span: str  # ๑ ตุลาคม ๒๕๖๒ - ๓๑ มีนาคม ๒๕๖๓
    organization: str
    place: str
    executive_title: str  # นายกองค์การบริหารส่วนตำบลทุ่งทอง: whom the memo addresses
    plan_title: str
    plan_years: str  # ๒๕๖๒ - ๒๕๖๔
    front: tuple[str, ...]  # memo, cover, announcement, in order
    emblem: bool
    memo: MemoView | None
    announcement: AnnouncementView
    preparer: Signature
    executive: Signature
    group_noun: str  # เป้าประสงค์หลัก, มิติ
    status_columns: tuple[StatusColumn, ...]
    groups: tuple[Figures, ...]
    total: Figures
    shows_budget: bool  # the plan budgets its items, or the report gives amounts disbursed
    plans_budgets: bool  # the plan budgets its items (the ethics plan does not)
    projects: tuple[ProjectGroup, ...]
    indicators: tuple[IndicatorRow, ...]
    problems: tuple[str, ...]
    suggestions: tuple[str, ...]
    charts: tuple[ChartView, ...]


def present(report: Report) -> ReportView:
    """Lay out ``report`` for reading: derived figures, numbering, dates, digits."""
    digits = digits_shown(report.digits)
    progress = report.progress
    plan = report.plan
    names = tuple(digits(name) for name in organization_names(plan.organization))

    def show(text: str) -> str:
        """``text`` in the report's digits, its names and year ranges held on one line."""
        return held_together(digits(text), names)

    summary = summarize(report)
    organization = show(plan.organization.full_name)
    title = show(TITLES[progress.period])
    year = show(str(progress.fiscal_year))
    first, last = report.period_dates
    shows_budget = summary.plans_budgets or summary.reports_spending
    used = {entry.progress.status for entry in report.reported}
    columns = tuple(
        StatusColumn(status.value, STATUS_WORDS[status], STATUS_HEADINGS[status])
        for status in Status
        if status in CANONICAL or status in used
    )
    figures = _Figures(show, tuple(Status(column.status) for column in columns), summary)
    memo = progress.memo
    announcement = progress.announcement
    executive_title = show(plan.organization.executive_title)
    rows = len(summary.groups)
    heights = {
        "status-chart": chart_height_cm(rows, len(columns), stacked=True),
        "budget-chart": chart_height_cm(rows, 2 if summary.plans_budgets else 1, stacked=False),
    }
    charts = tuple(
        ChartView(ref=ref, height=f"{heights[ref]:.2f}cm")
        for ref in CHARTS
        if ref != "budget-chart" or shows_budget
    )
    return ReportView(
        document_title=plain(f"{title} {organization} ประจำปีงบประมาณ พ.ศ. {year}"),
        title=title,
        six_months=progress.period is Period.SIX_MONTHS,
        year=year,
        period_span=show(f"{short_date(first)} - {short_date(last)}"),
        organization=organization,
        place=show(plan.organization.place),
        executive_title=executive_title,
        plan_title=show(plan.title),
        plan_years=show(year_span(plan.fiscal_years.first, plan.fiscal_years.last)),
        front=tuple(progress.front),
        emblem=progress.emblem is not None,
        memo=None
        if memo is None
        else MemoView(
            department=show(memo.department),
            phone=None if memo.phone is None else show(memo.phone),
            reference=None if memo.reference is None else show(memo.reference),
            date=show(short_date(memo.date or progress.date)),
            body=tuple(show(text) for text in memo.body or ()),
            endorsements=tuple(
                EndorsementView(
                    show(person.name),
                    show(person.position),
                    None if person.opinion is None else show(person.opinion),
                )
                for person in memo.endorsements
            ),
        ),
        announcement=AnnouncementView(
            body=tuple(show(text) for text in (announcement.body if announcement else None) or ()),
            date=show(long_date((announcement.date if announcement else None) or progress.date)),
        ),
        preparer=Signature(show(progress.preparer.name), show(progress.preparer.position)),
        executive=Signature(
            show(progress.executive.name),
            show(progress.executive.position or plan.organization.executive_title),
        ),
        group_noun=_group_noun([group.group for group in summary.groups]),
        status_columns=columns,
        groups=tuple(figures.row(group.group, group.tally) for group in summary.groups),
        total=figures.row(None, summary.total),
        shows_budget=shows_budget,
        plans_budgets=summary.plans_budgets,
        projects=tuple(
            ProjectGroup(
                label=show(group.group.label),
                title=show(group.group.title),
                rows=tuple(_project(entry, show) for entry in group.entries),
                total=figures.row(group.group, group.tally),
            )
            for group in summary.groups
        ),
        indicators=tuple(
            _indicator(entry, show)
            for entry in report.reported
            if entry.item is not None and entry.item.target is not None
        ),
        problems=tuple(show(text) for text in progress.problems),
        suggestions=tuple(show(text) for text in progress.suggestions),
        charts=charts,
    )


class _Figures:
    def __init__(
        self, show: Callable[[str], str], statuses: tuple[Status, ...], summary: Summary
    ) -> None:
        self.show = show
        self.statuses = statuses
        self.summary = summary

    def row(self, group: ItemGroup | None, tally: Tally) -> Figures:
        show = self.show
        return Figures(
            label=show(group.label) if group else "รวม",
            title=show(group.title) if group else "",
            items=show(str(tally.items)),
            counts=tuple(show(str(tally.count(status))) for status in self.statuses),
            completed=show(percent_text(tally.completed)),
            implemented=show(percent_text(tally.implemented)),
            planned=show(baht(tally.planned)) if self.summary.plans_budgets else DASH,
            spent=show(baht(tally.spent)) if self.summary.reports_spending else DASH,
            disbursed=show(percent_text(tally.disbursed)),
            met=show(str(tally.met)),
            not_met=show(str(tally.not_met)),
            judged=show(str(tally.judged)),
        )


def _project(entry: Entry, show: Callable[[str], str]) -> ProjectRow:
    item, given = entry.item, entry.progress
    assert item is not None

    def text(value: str | None) -> str | None:
        return None if value is None else show(value)

    return ProjectRow(
        number=show(item.number),
        title=show(item.title),
        label=show(item.label),
        planned=show(amount(item.budget)),
        spent=show(amount(given.spent)),
        status=STATUS_WORDS[given.status],
        results=text(given.results),
        dates=None if given.start is None else show(date_span(given.start, given.end)),
        participants=text(given.participants),
        reason=text(given.reason),
        note=text(given.note),
        achieved=text(given.achieved),
    )


def _indicator(entry: Entry, show: Callable[[str], str]) -> IndicatorRow:
    item, given = entry.item, entry.progress
    assert item is not None and item.target is not None
    verdict = indicator_met(entry)
    return IndicatorRow(
        number=show(item.number),
        title=show(item.title),
        indicator=show(item.indicator or DASH),
        target=show(item.target),
        achieved=show(given.achieved or DASH),
        verdict=DASH if verdict is None else "บรรลุ" if verdict else "ไม่บรรลุ",
    )


def _group_noun(groups: list[ItemGroup]) -> str:
    """What the plan calls its groups (เป้าประสงค์หลัก, มิติ), from their labels."""
    nouns = {group.label.rsplit("ที่", 1)[0].strip() for group in groups}
    return nouns.pop() if len(nouns) == 1 else "กลุ่ม"


# --- numbers and dates as the documents write them (Arabic digits; the caller shows them) ---------


def baht(value: int) -> str:
    return f"{value:,}"


def amount(value: int | str | None) -> str:
    """An amount of a table cell: 50,000, ไม่ใช้งบประมาณ, or - for none given."""
    if value is None:
        return DASH
    return NO_BUDGET if value == NO_BUDGET else baht(int(value))


def percent_text(value: Decimal | None) -> str:
    return DASH if value is None else f"{value:.2f}"


def short_date(day: datetime.date) -> str:
    """``๑ ตุลาคม ๒๕๖๒`` (in Arabic digits here)."""
    return f"{day.day} {THAI_MONTHS[day.month - 1]} {be_year(day)}"


def date_span(start: datetime.date, end: datetime.date | None) -> str:
    """``15 มกราคม 2563``, ``15 - 16 มกราคม 2563``, ``30 ธันวาคม 2562 - 2 มกราคม 2563``."""
    if end is None or end == start:
        return short_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day} - {short_date(end)}"
    if start.year == end.year:
        return f"{start.day} {THAI_MONTHS[start.month - 1]} - {short_date(end)}"
    return f"{short_date(start)} - {short_date(end)}"
