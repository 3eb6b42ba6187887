"""The ethics plan (แผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและป้องกันการทุจริต): the default kind."""

from __future__ import annotations

from collections.abc import Mapping

from anticorrupt_plan.common.display import plain
from anticorrupt_plan.common.kind import DocumentSettings, Kind, deferred
from anticorrupt_plan.core.errors import DataPath
from anticorrupt_plan.core.i18n import tr, tr_n
from anticorrupt_plan.kinds.ethics.model import Plan, rule_violations

HERE = "anticorrupt_plan.kinds.ethics"
presented = deferred(f"{HERE}.present", "present")


def settings(plan: Plan) -> DocumentSettings:
    view = presented(plan)
    return DocumentSettings(
        title=view.document_title,
        author=plain(view.organization),
        date=plan.announcement.date,
        digits=plan.digits,
        layout=plan.layout,
        amendment=plan.amendment,
    )


def describe(plan: Plan) -> str:
    goals = len(plan.goals)
    measures = sum(len(goal.measures) for goal in plan.goals)
    return tr(
        "{goals}, {measures}",
        goals=tr_n("{count} goal", "{count} goals", goals),
        measures=tr_n("{count} measure", "{count} measures", measures),
    )


def assets(plan: Plan) -> Mapping[str, DataPath]:
    if plan.announcement.emblem is None:
        return {}
    return {"emblem": ("announcement", "emblem")}


KIND = Kind(
    name="ethics",
    label="แผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและป้องกันการทุจริต",
    model=Plan,
    violations=rule_violations,
    rules=deferred(f"{HERE}.rules", "RULES"),
    present=presented,
    settings=settings,
    diff=deferred(f"{HERE}.diff", "diff_plans"),
    describe=describe,
    assets=assets,
    items=deferred(f"{HERE}.items", "plan_items"),
)
