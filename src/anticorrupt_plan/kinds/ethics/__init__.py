"""The ethics plan (แผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและป้องกันการทุจริต): the default kind."""

from __future__ import annotations

from anticorrupt_plan.common.kind import Kind, announcement_assets, deferred, plan_settings
from anticorrupt_plan.core.i18n import tr, tr_n
from anticorrupt_plan.kinds.ethics.model import Plan, rule_violations

HERE = "anticorrupt_plan.kinds.ethics"
presented = deferred(f"{HERE}.present", "present")


def describe(plan: Plan) -> str:
    goals = len(plan.goals)
    measures = sum(len(goal.measures) for goal in plan.goals)
    return tr(
        "{goals}, {measures}",
        goals=tr_n("{count} goal", "{count} goals", goals),
        measures=tr_n("{count} measure", "{count} measures", measures),
    )


KIND = Kind(
    name="ethics",
    label="แผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและป้องกันการทุจริต",
    model=Plan,
    violations=rule_violations,
    rules=deferred(f"{HERE}.rules", "RULES"),
    present=presented,
    settings=plan_settings(presented),
    diff=deferred(f"{HERE}.diff", "diff_plans"),
    describe=describe,
    assets=announcement_assets,
    items=deferred(f"{HERE}.items", "plan_items"),
)
