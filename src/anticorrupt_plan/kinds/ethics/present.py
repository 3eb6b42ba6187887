"""What a reader of the ethics plan sees, decided once for every output format.

The templates (``templates/ethics/``) receive a PlanView: every value, number and date as
display text in the plan's digits, every item numbered (``ยุทธศาสตร์ที่ ๑``, ``๑.``), and
the organization's names and every year range held together on one line wherever they
stand (``common.display.held_together``). The wording around the values (headings, column
headers, ``ประกาศ ณ``) is the templates'.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from anticorrupt_plan.common.display import (
    Numbered,
    digits_shown,
    held_together,
    organization_names,
    plain,
    year_span,
)
from anticorrupt_plan.core.thai import long_date
from anticorrupt_plan.kinds.ethics.model import Plan


@dataclass(frozen=True)
class AnnouncementView:
    subject: str  # the subject alone; the templates write เรื่อง before it
    body: tuple[str, ...]
    date: str  # วันที่ ๑๘ เดือน ตุลาคม พ.ศ. ๒๕๖๑
    signatory: str  # นายไพฑูรย์ สุขดี
    position: str  # นายกองค์การบริหารส่วนตำบลทุ่งทอง
    emblem: bool  # whether the plan gives an emblem (the image ``emblem``)


@dataclass(frozen=True)
class TableHeader:
    """The matrix's column names, as the comparison of two versions names its places."""

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
    targets: tuple[str, ...]  # in fiscal-year order, one per year of PlanView.year_columns
    project: str
    steps: tuple[Numbered, ...]

    @property
    def one_target(self) -> str | None:
        """The target when every fiscal year of several has the same one (the matrix shows
        it once across the year columns), else None."""
        if len(self.targets) > 1 and len(set(self.targets)) == 1:
            return self.targets[0]
        return None


@dataclass(frozen=True)
class MeasureView:
    label: str  # มาตรการที่ ๑
    title: str
    rows: tuple[RowView, ...]


@dataclass(frozen=True)
class GoalView:
    label: str  # เป้าประสงค์หลักที่ ๑
    goal: str
    strategy_label: str  # ยุทธศาสตร์ที่ ๑
    strategy: str
    strategy_indicator: str
    tactic: str
    measures: tuple[MeasureView, ...]


@dataclass(frozen=True)
class PlanView:
    """Everything the documents show, in reading order, as display text."""

    document_title: str  # title, organization and years on one line, plain: the metadata
    title: str
    organization: str  # องค์การบริหารส่วนตำบลทุ่งทอง
    place: str  # อำเภอท่าม่วง จังหวัดกาญจนบุรี
    years: str  # ๒๕๖๒ - ๒๕๖๔
    year_columns: tuple[str, ...]  # ๒๕๖๒, ๒๕๖๓, ๒๕๖๔
    announcement: AnnouncementView
    rationale: tuple[str, ...]
    strategy_intro: str
    strategies: tuple[Numbered, ...]
    objectives_intro: str
    objectives: tuple[Numbered, ...]
    steps: tuple[Numbered, ...]
    header: TableHeader
    goals: tuple[GoalView, ...]


def present(plan: Plan) -> PlanView:
    """Lay out ``plan`` for reading: numbering, derived names, dates, digits."""
    digits = digits_shown(plan.digits)
    names = tuple(digits(name) for name in organization_names(plan.organization))

    shown: dict[str, str] = {}  # a plan repeats its texts (targets, steps): each shown once

    def show(text: str) -> str:
        found = shown.get(text)
        if found is None:
            found = shown[text] = held_together(digits(text), names)
        return found

    organization = show(plan.organization.full_name)
    years = plan.fiscal_years
    year_range = show(year_span(years.first, years.last))
    title = show(plan.title)

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
        subject=show(plan.subject),
        body=texts(plan.announcement.body),
        date=show(long_date(plan.announcement.date)),
        signatory=show(plan.announcement.signatory.name),
        position=show(plan.signatory_position),
        emblem=plan.announcement.emblem is not None,
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
            strategy_label=f"ยุทธศาสตร์ที่ {show(str(goal.strategy_number or g))}",
            strategy=show(goal.strategy),
            strategy_indicator=show(goal.strategy_indicator),
            tactic=show(goal.tactic),
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
    return PlanView(
        document_title=plain(f"{title} {organization} ประจำปี พ.ศ. {year_range}"),
        title=title,
        organization=organization,
        place=show(plan.organization.place),
        years=year_range,
        year_columns=header.years,
        announcement=announcement,
        rationale=texts(plan.rationale),
        strategy_intro=show(plan.national_strategy.intro),
        strategies=numbered(plan.national_strategy.strategies, lambda n: f"ยุทธศาสตร์ที่ {n}"),
        objectives_intro=show(plan.objectives.intro),
        objectives=numbered(plan.objectives.items, dotted),
        steps=numbered(plan.preparation_steps, dotted),
        header=header,
        goals=goals,
    )
