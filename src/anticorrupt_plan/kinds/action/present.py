"""What a reader of the action plan sees: numbering, headings from the catalogue, amounts,
totals and counts, decided once for every format.

The templates (``templates/action/``) receive an ActionView: every value as display text in
the plan's digits, amounts with a comma every three digits, every total and count already
added up. The words around them (column headers, รวม, จำนวน ... โครงการ) are the templates'.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from anticorrupt_plan.common.display import Numbered, digits_shown, year_span
from anticorrupt_plan.common.types import NO_BUDGET
from anticorrupt_plan.core.thai import long_date
from anticorrupt_plan.kinds.action.model import (
    ActionPlan,
    Block,
    BulletBlock,
    Dimension,
    Mission,
    NumberedBlock,
    Project,
    ProjectType,
    TableBlock,
)

NOT_RUNNING = "-"  # a year the project does not run


@dataclass(frozen=True)
class BlockView:
    """A block of ส่วนที่ ๑: a paragraph (``text``), a list (``items``) or a table."""

    kind: str  # paragraph, numbered, bullets or table
    text: str = ""
    items: tuple[Numbered, ...] = ()
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class PartView:
    """A part of ส่วนที่ ๑, numbered in the order the plan has them."""

    key: str  # risk_analysis, rationale, vision, mission, objectives, targets, benefits
    number: str  # ๑
    blocks: tuple[BlockView, ...]


@dataclass(frozen=True)
class Count:
    number: str  # ๓
    type: str  # โครงการ


@dataclass(frozen=True)
class Amount:
    """One year's amount of a project or a total, as a cell shows it."""

    year: str  # ๒๕๖๑
    text: str  # ๒๐,๐๐๐ / ไม่ใช้งบประมาณ / -
    runs: bool  # whether the project runs that year (with or without a budget)


@dataclass(frozen=True)
class ProjectView:
    id: str
    label: str  # ๑)
    type: str  # โครงการ
    name: str
    amounts: tuple[Amount, ...]  # one per fiscal year of the plan
    note: str
    mission: str  # the number of the mission it stands under: ๑.๑.๑
    details: DetailsView | None


@dataclass(frozen=True)
class DetailsView:
    rationale: tuple[str, ...]
    objectives: tuple[Numbered, ...]
    targets: tuple[Numbered, ...]
    area: str
    method: tuple[Numbered, ...]
    period: str  # as written, or "" to say the years it runs (see years)
    years: str  # the years it runs: ๒๕๖๑ - ๒๕๖๔, or ๒๕๖๒, ๒๕๖๔ when not one after another
    contiguous: bool  # whether its years run one after another
    year_count: str  # how many: ๔
    budget: tuple[Amount, ...]  # the years it runs
    no_budget: bool  # it runs without a budget in every year
    total: str  # the sum over its years: ๘๐,๐๐๐
    responsible: str
    outputs: tuple[Numbered, ...]
    outcomes: tuple[Numbered, ...]


@dataclass(frozen=True)
class RowView:
    """A row of a มิติ's table: a mission's heading, or a project."""

    level: int  # 1 for ๑.๑, 2 for ๑.๑.๑; 0 for a project
    number: str  # ๑.๑ (a mission)
    title: str  # the mission's heading
    project: ProjectView | None
    implied: bool = False  # a mission the plan does not write, above one it does


@dataclass(frozen=True)
class TotalView:
    amounts: tuple[Amount, ...]  # per fiscal year
    counts: tuple[Count, ...]  # projects of each type, in the order โครงการ กิจกรรม มาตรการ ...
    projects: str  # how many items in all
    sum: str  # over all years


@dataclass(frozen=True)
class DimensionView:
    number: str  # ๑
    title: str
    rows: tuple[RowView, ...]
    total: TotalView
    year_counts: tuple[str, ...]  # projects running each year


@dataclass(frozen=True)
class AnnouncementView:
    subject: str  # "" when the plan leaves it to the templates
    body: tuple[str, ...]
    date: str
    signatory: str
    position: str
    emblem: bool


@dataclass(frozen=True)
class ActionView:
    document_title: str
    title: str
    organization: str
    place: str
    years: str  # ๒๕๖๑ - ๒๕๖๔
    year_count: str  # ๔
    year_columns: tuple[str, ...]
    announcement: AnnouncementView
    foreword: tuple[str, ...]
    introduction: tuple[PartView, ...]
    dimensions: tuple[DimensionView, ...]
    total: TotalView
    year_counts: tuple[str, ...]  # projects running each year, over all มิติ
    projects: tuple[ProjectView, ...]  # in reading order, for ส่วนที่ ๓


def present(plan: ActionPlan) -> ActionView:
    """Lay out ``plan`` for reading."""
    return _Presenter(plan).view()


class _Presenter:
    def __init__(self, plan: ActionPlan) -> None:
        self.plan = plan
        self.show = digits_shown(plan.digits)
        self.years = plan.fiscal_years.years
        self.catalogue = plan.catalogue

    def number(self, value: int | str) -> str:
        return self.show(str(value))

    def baht(self, amount: int) -> str:
        return self.show(f"{amount:,}")

    def view(self) -> ActionView:
        plan, show = self.plan, self.show
        organization = show(plan.organization.full_name)
        years = show(year_span(plan.fiscal_years.first, plan.fiscal_years.last))
        dimensions = tuple(self.dimension(d) for d in plan.dimensions)
        projects = tuple(p for d in dimensions for row in d.rows if (p := row.project))
        return ActionView(
            document_title=f"{show(plan.title)} {organization} ปีงบประมาณ พ.ศ. {years}",
            title=show(plan.title),
            organization=organization,
            place=show(plan.organization.place),
            years=years,
            year_count=self.number(len(self.years)),
            year_columns=tuple(self.number(year) for year in self.years),
            announcement=AnnouncementView(
                subject=show(plan.announcement.subject or ""),
                body=tuple(show(text) for text in plan.announcement.body),
                date=show(long_date(plan.announcement.date)),
                signatory=show(plan.announcement.signatory.name),
                position=show(plan.signatory_position),
                emblem=plan.announcement.emblem is not None,
            ),
            foreword=tuple(show(text) for text in plan.foreword),
            introduction=self.introduction(),
            dimensions=dimensions,
            total=self.total([p for _, p in plan.projects()]),
            year_counts=self.year_counts([p for _, p in plan.projects()]),
            projects=projects,
        )

    # --- ส่วนที่ ๑ ---

    def introduction(self) -> tuple[PartView, ...]:
        intro = self.plan.introduction
        parts = [
            (key, getattr(intro, key))
            for key in (
                "risk_analysis",
                "rationale",
                "vision",
                "mission",
                "objectives",
                "targets",
                "benefits",
            )
        ]
        present = [(key, blocks) for key, blocks in parts if blocks is not None]
        return tuple(
            PartView(key, self.number(n), tuple(self.block(block) for block in blocks))
            for n, (key, blocks) in enumerate(present, start=1)
        )

    def block(self, block: Block) -> BlockView:
        show = self.show
        if isinstance(block, NumberedBlock):
            return BlockView("numbered", items=self.numbered(block.numbered, "{}."))
        if isinstance(block, BulletBlock):
            return BlockView("bullets", items=tuple(Numbered("•", show(t)) for t in block.bullets))
        if isinstance(block, TableBlock):
            return BlockView(
                "table",
                header=tuple(show(text) for text in block.table.header),
                rows=tuple(tuple(show(text) for text in row) for row in block.table.rows),
            )
        return BlockView("paragraph", text=show(block))

    def numbered(self, texts: Iterable[str], label: str) -> tuple[Numbered, ...]:
        return tuple(
            Numbered(label.format(self.number(n)), self.show(text))
            for n, text in enumerate(texts, start=1)
        )

    # --- ส่วนที่ ๒ ---

    def heading(self, code: str, title: str | None) -> str:
        if title is not None:
            return self.show(title)
        assert self.catalogue is not None  # a violation otherwise
        return self.show(self.catalogue.headings[code].title)

    def dimension(self, dimension: Dimension) -> DimensionView:
        rows: list[RowView] = []
        projects: list[Project] = []

        def walk(missions: list[Mission], parent: str) -> None:
            shown: set[str] = set()  # missions between, shown once above their first child
            for mission in missions:
                parts = mission.mission.split(".")
                for depth in range(len(parent.split(".")) + 1, len(parts)):
                    between = ".".join(parts[:depth])
                    if between not in shown:
                        shown.add(between)
                        title = self.heading(between, None)
                        rows.append(RowView(depth - 1, self.number(between), title, None, True))
                number = self.number(mission.mission)
                title = self.heading(mission.mission, mission.title)
                rows.append(RowView(len(parts) - 1, number, title, None))
                for p, project in enumerate(mission.projects, start=1):
                    rows.append(RowView(0, "", "", self.project(project, p, number)))
                    projects.append(project)
                walk(mission.missions, mission.mission)

        code = str(dimension.dimension)
        walk(dimension.missions, code)
        return DimensionView(
            number=self.number(code),
            title=self.heading(code, dimension.title),
            rows=tuple(rows),
            total=self.total(projects),
            year_counts=self.year_counts(projects),
        )

    def project(self, project: Project, position: int, mission: str) -> ProjectView:
        kind = project.kind_of
        return ProjectView(
            id=project.id,
            label=f"{self.number(position)})",
            type=kind.value if kind else "",
            name=self.show(project.name),
            amounts=tuple(self.amount(project, year) for year in self.years),
            note=self.show(project.note or ""),
            mission=mission,
            details=self.details(project),
        )

    def amount(self, project: Project, year: int) -> Amount:
        value = project.budget.get(year)
        if value is None:
            return Amount(self.number(year), NOT_RUNNING, runs=False)
        text = NO_BUDGET if value == NO_BUDGET else self.baht(int(value))
        return Amount(self.number(year), text, runs=True)

    def total(self, projects: list[Project]) -> TotalView:
        sums = [_sum(project.budget.get(year) for project in projects) for year in self.years]
        counts = Counter(project.kind_of for project in projects)
        return TotalView(
            amounts=tuple(
                Amount(self.number(year), self.baht(amount) if amount else NOT_RUNNING, True)
                for year, amount in zip(self.years, sums, strict=True)
            ),
            counts=tuple(
                Count(self.number(counts[kind]), kind.value) for kind in ProjectType if counts[kind]
            ),
            projects=self.number(len(projects)),
            sum=self.baht(sum(sums)) if sum(sums) else NOT_RUNNING,
        )

    def year_counts(self, projects: list[Project]) -> tuple[str, ...]:
        return tuple(
            self.number(sum(year in project.budget for project in projects)) for year in self.years
        )

    # --- ส่วนที่ ๓ ---

    def details(self, project: Project) -> DetailsView | None:
        details = project.details
        if details is None:
            return None
        show = self.show
        budget = project.budget
        running = sorted(budget)
        amounts = [budget[year] for year in running]
        total = _sum(amounts)
        contiguous = running == list(range(running[0], running[-1] + 1)) if running else True
        return DetailsView(
            rationale=tuple(show(text) for text in details.rationale),
            objectives=self.numbered(details.objectives, "{}."),
            targets=self.numbered(details.targets, "{}."),
            area=show(details.area),
            method=self.numbered(details.method, "{})"),
            period=show(details.period or ""),
            years=(
                show(year_span(running[0], running[-1]))
                if contiguous and running
                else ", ".join(self.number(year) for year in running)
            ),
            contiguous=contiguous,
            year_count=self.number(len(running)),
            budget=tuple(self.amount(project, year) for year in running),
            no_budget=bool(amounts) and all(amount == NO_BUDGET for amount in amounts),
            total=self.baht(total) if total else NO_BUDGET,
            responsible=show(details.responsible),
            outputs=self.numbered(details.indicators.outputs, "{})"),
            outcomes=self.numbered(details.indicators.outcomes, "{})"),
        )


def _sum(amounts: Iterable[int | str | None]) -> int:
    """The baht among ``amounts``: a year without budget or without the project adds nothing."""
    return sum(amount for amount in amounts if isinstance(amount, int))
