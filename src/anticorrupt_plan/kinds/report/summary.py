"""What a report derives and never asks for: counts by status, percentages, budget totals and
indicators met, per group (มิติ or goal) and in total, each computed once from the items.

Percentages are exact decimal arithmetic on whole numbers, rounded half up to two places as
NACC's e-PlanNACC system prints them, so that anyone recomputing them from the per-item rows
of the document gets the same figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from anticorrupt_plan.common.kind import ItemGroup
from anticorrupt_plan.common.types import NO_BUDGET
from anticorrupt_plan.kinds.report.model import Entry, Report, Status, target_met

CENT = Decimal("0.01")
# Started counts as implemented: e-PlanNACC's "ผลการนำแผนไปสู่การปฏิบัติ" counts what is done
# and what is under way against what the plan holds for the year.
IMPLEMENTED = (Status.DONE, Status.IN_PROGRESS)


def percent(part: int, whole: int) -> Decimal | None:
    """``part`` of ``whole`` in per cent, two decimals rounded half up; None for no whole."""
    if whole <= 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Tally:
    """The figures of a set of reported items: a group's, or the whole report's."""

    items: int
    statuses: dict[Status, int]
    planned: int  # baht planned, over the items that plan an amount
    spent: int  # baht disbursed
    budgeted: int  # items with an amount planned
    met: int  # indicators whose target was met
    not_met: int
    judged: int  # indicators with a result (met + not_met)

    def count(self, status: Status) -> int:
        return self.statuses.get(status, 0)

    @property
    def completed(self) -> Decimal | None:
        """ร้อยละที่ดำเนินการแล้วเสร็จ: done, of the year's items."""
        return percent(self.count(Status.DONE), self.items)

    @property
    def implemented(self) -> Decimal | None:
        """ผลการนำแผนไปสู่การปฏิบัติ: done or under way, of the year's items."""
        return percent(sum(self.count(status) for status in IMPLEMENTED), self.items)

    @property
    def disbursed(self) -> Decimal | None:
        """ร้อยละการเบิกจ่าย: baht disbursed, of baht planned."""
        return percent(self.spent, self.planned)

    @property
    def met_share(self) -> Decimal | None:
        return percent(self.met, self.judged)


def tally(entries: Sequence[Entry]) -> Tally:
    statuses: dict[Status, int] = {}
    planned = spent = budgeted = met = not_met = 0
    for entry in entries:
        item, given = entry.item, entry.progress
        assert item is not None
        statuses[given.status] = statuses.get(given.status, 0) + 1
        if isinstance(item.budget, int):
            planned += item.budget
            budgeted += 1
        if isinstance(given.spent, int):
            spent += given.spent
        verdict = indicator_met(entry)
        if verdict is True:
            met += 1
        elif verdict is False:
            not_met += 1
    return Tally(
        items=len(entries),
        statuses=statuses,
        planned=planned,
        spent=spent,
        budgeted=budgeted,
        met=met,
        not_met=not_met,
        judged=met + not_met,
    )


def indicator_met(entry: Entry) -> bool | None:
    """Whether the entry's indicator met its target: as the file says, else as the numbers
    say; None when there is no result to judge."""
    given, item = entry.progress, entry.item
    if given.achieved is None or item is None or item.target is None:
        return None
    if given.met is not None:
        return given.met
    return target_met(item.target, given.achieved)


@dataclass(frozen=True)
class GroupSummary:
    group: ItemGroup
    entries: tuple[Entry, ...]
    tally: Tally


@dataclass(frozen=True)
class Summary:
    groups: tuple[GroupSummary, ...]
    total: Tally
    plans_budgets: bool  # some item of the plan has an amount or ไม่ใช้งบประมาณ planned
    reports_spending: bool  # some item reports an amount disbursed


def summarize(report: Report) -> Summary:
    """The report's figures, group by group in the plan's order, and in total."""
    entries = report.reported
    groups: dict[str, list[Entry]] = {}
    firsts: dict[str, ItemGroup] = {}
    for entry in entries:
        assert entry.item is not None
        group = entry.item.group
        groups.setdefault(group.id, []).append(entry)
        firsts.setdefault(group.id, group)
    summaries = tuple(
        GroupSummary(firsts[key], tuple(members), tally(members)) for key, members in groups.items()
    )
    return Summary(
        groups=summaries,
        total=tally(entries),
        plans_budgets=any(item.budget is not None for item in report.items),
        reports_spending=any(entry.progress.spent is not None for entry in entries),
    )


def has_no_budget(entry: Entry) -> bool:
    return entry.item is not None and entry.item.budget == NO_BUDGET
