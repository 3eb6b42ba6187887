"""The ethics plan's items for the follow-up reports: one per table row, grouped by goal.

Each row of a measure's table names one project (โครงการ/กิจกรรม) with its indicator and a
target per year. An item is numbered as the documents number its measure, ``1.2`` for goal 1,
measure 2 (``1.2.3`` for its third row, where a measure has several rows); a measure's own
``id`` stands in for its number in the item's id (``honor-good-people``, or
``honor-good-people.3``), so a report keeps following the item when measures are moved.
A progress file may use either. The ethics plan plans no budgets.
"""

from __future__ import annotations

from anticorrupt_plan.common.kind import ItemGroup, PlanItem
from anticorrupt_plan.kinds.ethics.model import Plan


def plan_items(plan: Plan, year: int) -> tuple[PlanItem, ...]:
    """The items of fiscal year ``year`` (every row, when the year is one of the plan's)."""
    if year not in plan.fiscal_years.years:
        return ()
    items: list[PlanItem] = []
    for g, goal in enumerate(plan.goals, start=1):
        group = ItemGroup(
            id=goal.id or str(g),
            number=str(g),
            label=f"เป้าประสงค์หลักที่ {g}",
            title=goal.goal,
        )
        for m, measure in enumerate(goal.measures, start=1):
            single = len(measure.rows) == 1
            for r, row in enumerate(measure.rows, start=1):
                number = f"{g}.{m}" if single else f"{g}.{m}.{r}"
                stem = measure.id or f"{g}.{m}"
                label = f"{group.label} มาตรการที่ {m}" + ("" if single else f" แถวที่ {r}")
                items.append(
                    PlanItem(
                        id=stem if single else f"{stem}.{r}",
                        number=number,
                        label=label,
                        group=group,
                        title=row.project,
                        budget=None,
                        indicator=row.indicator,
                        target=row.targets.get(year),
                        path=("goals", g - 1, "measures", m - 1, "rows", r - 1),
                    )
                )
    return tuple(items)
