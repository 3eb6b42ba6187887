"""The NACC action plan (แผนปฏิบัติการป้องกันการทุจริต): มิติ, ภารกิจ and projects with budgets."""

from __future__ import annotations

from collections.abc import Mapping

from anticorrupt_plan.common.display import plain
from anticorrupt_plan.common.kind import DocumentSettings, Kind, deferred
from anticorrupt_plan.core.errors import DataPath
from anticorrupt_plan.core.i18n import tr, tr_n
from anticorrupt_plan.kinds.action.model import ActionPlan, rule_violations

HERE = "anticorrupt_plan.kinds.action"
presented = deferred(f"{HERE}.present", "present")


def settings(plan: ActionPlan) -> DocumentSettings:
    view = presented(plan)
    return DocumentSettings(
        title=view.document_title,
        author=plain(view.organization),
        date=plan.announcement.date,
        digits=plan.digits,
        layout=plan.layout,
        amendment=plan.amendment,
    )


def describe(plan: ActionPlan) -> str:
    dimensions = len(plan.dimensions)
    projects = sum(1 for _ in plan.projects())
    return tr(
        "{dimensions}, {projects}",
        dimensions=tr_n("{count} dimension", "{count} dimensions", dimensions),
        projects=tr_n("{count} project", "{count} projects", projects),
    )


def assets(plan: ActionPlan) -> Mapping[str, DataPath]:
    if plan.announcement.emblem is None:
        return {}
    return {"emblem": ("announcement", "emblem")}


KIND = Kind(
    name="action",
    label="แผนปฏิบัติการป้องกันการทุจริต",
    model=ActionPlan,
    violations=rule_violations,
    rules=deferred(f"{HERE}.rules", "RULES"),
    present=presented,
    settings=settings,
    diff=deferred(f"{HERE}.diff", "diff_plans"),
    describe=describe,
    assets=assets,
    items=deferred(f"{HERE}.items", "plan_items"),
)
