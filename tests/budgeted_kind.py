"""A small plan kind with budgets, grouped by มิติ, for testing the follow-up reports.

It offers ``items`` the way the NACC action plan does (projects with ids, grouped by มิติ,
an amount or ไม่ใช้งบประมาณ per fiscal year), so the report's budget figures, its over-budget
check and its budget chart can be tested before that kind lands. Tests register it with
the ``budgeted_kind`` fixture in ``tests/test_report.py``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from anticorrupt_plan.common.kind import DocumentSettings, ItemGroup, Kind, PlanItem
from anticorrupt_plan.common.organization import FiscalYears, Organization
from anticorrupt_plan.common.settings import CheckSettings, Layout
from anticorrupt_plan.common.types import (
    Baht,
    Prose,
    StableId,
    StrictModel,
    Year,
    version_input,
)


class Project(StrictModel):
    id: StableId | None = None
    title: Prose
    budgets: dict[Year, Baht] = Field(default_factory=dict)  # a year left out: not that year


class Dimension(StrictModel):
    title: Prose
    projects: list[Project]


class BudgetedPlan(StrictModel):
    schema_version: Annotated[Literal[1], BeforeValidator(version_input)]
    kind: Literal["budgeted"]
    digits: Literal["thai", "arabic"] = "thai"
    organization: Organization
    fiscal_years: FiscalYears
    title: Prose
    dimensions: list[Dimension]
    layout: Layout = Field(default_factory=Layout)
    checks: CheckSettings = Field(default_factory=CheckSettings)


def items(plan: BudgetedPlan, year: int) -> list[PlanItem]:
    found = []
    for d, dimension in enumerate(plan.dimensions, start=1):
        group = ItemGroup(id=str(d), number=str(d), label=f"มิติที่ {d}", title=dimension.title)
        for p, project in enumerate(dimension.projects, start=1):
            if year not in project.budgets:
                continue
            found.append(
                PlanItem(
                    id=project.id or f"{d}.{p}",
                    number=f"{d}.{p}",
                    label=f"มิติที่ {d} โครงการที่ {p}",
                    group=group,
                    title=project.title,
                    budget=project.budgets[year],
                    path=("dimensions", d - 1, "projects", p - 1),
                )
            )
    return found


def _settings(plan: Any) -> DocumentSettings:
    raise NotImplementedError("only reports on this kind are built")


KIND = Kind(
    name="budgeted",
    label="แผนปฏิบัติการ (ทดสอบ)",
    model=BudgetedPlan,
    violations=lambda plan: (),
    rules=(),
    present=lambda plan: plan,
    settings=_settings,
    diff=lambda old, new: (),
    describe=lambda plan: "a budgeted plan",
    assets=lambda plan: {},
    items=items,
)
