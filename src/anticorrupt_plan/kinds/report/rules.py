"""The report's own check rule (spending over the plan's budget), with the shared text rules."""

from __future__ import annotations

from collections.abc import Iterator

from anticorrupt_plan.common.checking import Context, Hit, Rule, Severity
from anticorrupt_plan.common.text_rules import TEXT_RULES
from anticorrupt_plan.common.types import NO_BUDGET
from anticorrupt_plan.core.i18n import mark, tr
from anticorrupt_plan.kinds.report.model import Report


def over_budget(context: Context) -> Iterator[Hit]:
    report: Report = context.plan
    year = report.progress.fiscal_year
    for entry in report.reported:
        item, spent = entry.item, entry.progress.spent
        if item is None or not isinstance(spent, int) or spent == 0:
            continue
        path = ("items", entry.index, "spent")
        if item.budget == NO_BUDGET:
            yield Hit(
                path,
                tr(
                    "{spent:,} baht disbursed for {item}, which the plan carries out without a "
                    "budget ({no_budget}) in {year}",
                    spent=spent,
                    item=item.number,
                    no_budget=NO_BUDGET,
                    year=year,
                ),
            )
        elif isinstance(item.budget, int) and spent > item.budget:
            yield Hit(
                path,
                tr(
                    "{spent:,} baht disbursed for {item}, over the {budget:,} baht the plan "
                    "budgets for {year} (by {over:,} baht)",
                    spent=spent,
                    item=item.number,
                    budget=item.budget,
                    year=year,
                    over=spent - item.budget,
                ),
            )


BUDGET_OVER = Rule(
    "BUDGET-OVER",
    Severity.WARNING,
    mark(
        "a report's amount disbursed over what the plan budgets for the item that year (or for "
        "an item the plan carries out without a budget)"
    ),
    over_budget,
)

RULES: tuple[Rule, ...] = (
    *TEXT_RULES,
    BUDGET_OVER,
)
