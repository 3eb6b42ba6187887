"""The action plan's items for the follow-up reports: its projects of a year, by มิติ.

A project runs in a fiscal year when its budget names the year (an amount, or ไม่ใช้งบประมาณ).
Its id is the plan's own; its number is its ภารกิจ's code and its place under it (``1.1.1.2``
for the second project of ภารกิจ ๑.๑.๑), which a progress file may use instead.
"""

from __future__ import annotations

from anticorrupt_plan.common.kind import ItemGroup, PlanItem
from anticorrupt_plan.kinds.action.model import ActionPlan


def plan_items(plan: ActionPlan, year: int) -> tuple[PlanItem, ...]:
    """The projects that run in fiscal year ``year``, in the plan's reading order."""
    catalogue = plan.catalogue
    groups: dict[int, ItemGroup] = {}
    for dimension in plan.dimensions:
        code = str(dimension.dimension)
        title = dimension.title
        if title is None and catalogue is not None and code in catalogue.headings:
            title = catalogue.headings[code].title
        groups[dimension.dimension] = ItemGroup(
            id=code, number=code, label=f"มิติที่ {code}", title=title or ""
        )
    items: list[PlanItem] = []
    for path, mission in plan.missions():
        group = groups[plan.dimensions[int(path[1])].dimension]
        for p, project in enumerate(mission.projects, start=1):
            if year not in project.budget:
                continue
            items.append(
                PlanItem(
                    id=project.id,
                    number=f"{mission.mission}.{p}",
                    label=f"{group.label} ภารกิจ {mission.mission} {p})",
                    group=group,
                    title=project.name,
                    budget=project.budget[year],
                    path=(*path, "projects", p - 1),
                )
            )
    return tuple(items)
