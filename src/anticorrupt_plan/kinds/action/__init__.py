"""The NACC action plan (แผนปฏิบัติการป้องกันการทุจริต): มิติ, ภารกิจ and projects with budgets."""

from __future__ import annotations

from anticorrupt_plan.common.kind import Kind, announcement_assets, deferred, plan_settings
from anticorrupt_plan.core.i18n import tr, tr_n
from anticorrupt_plan.kinds.action.model import ActionPlan, rule_violations

HERE = "anticorrupt_plan.kinds.action"
presented = deferred(f"{HERE}.present", "present")


def describe(plan: ActionPlan) -> str:
    dimensions = len(plan.dimensions)
    projects = sum(1 for _ in plan.projects())
    return tr(
        "{dimensions}, {projects}",
        dimensions=tr_n("{count} dimension", "{count} dimensions", dimensions),
        projects=tr_n("{count} project", "{count} projects", projects),
    )


KIND = Kind(
    name="action",
    label="แผนปฏิบัติการป้องกันการทุจริต",
    model=ActionPlan,
    violations=rule_violations,
    rules=deferred(f"{HERE}.rules", "RULES"),
    present=presented,
    settings=plan_settings(presented),
    diff=deferred(f"{HERE}.diff", "diff_plans"),
    describe=describe,
    assets=announcement_assets,
    items=deferred(f"{HERE}.items", "plan_items"),
)
