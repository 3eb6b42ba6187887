"""The action plan's own check rules: budgets, totals typed into the text, headings that
drift from the NACC catalogue, projects without their page in ส่วนที่ ๓."""

from __future__ import annotations

import re
from collections.abc import Iterator

from anticorrupt_plan.common.checking import Context, Hit, Rule, Severity, quote
from anticorrupt_plan.common.text_rules import TEXT_RULES
from anticorrupt_plan.core.errors import DataPath
from anticorrupt_plan.core.i18n import mark, tr
from anticorrupt_plan.core.textscan import differences
from anticorrupt_plan.core.thai import arabic_digits, thai_digits
from anticorrupt_plan.kinds.action.model import ActionPlan, Project

# Two headings at least this close (a share of equal characters) are one heading reworded;
# further apart, the plan names another mission on purpose and says nothing is drifting.
REWORDED = 0.5


def no_year(context: Context) -> Iterator[Hit]:
    plan: ActionPlan = context.plan
    for path, project in plan.projects():
        if not project.budget:
            yield Hit(
                (*path, "budget"),
                tr(
                    "this project runs in no fiscal year: give each year it runs its budget, or "
                    "ไม่ใช้งบประมาณ"
                ),
            )


def heading_drift(context: Context) -> Iterator[Hit]:
    plan: ActionPlan = context.plan
    catalogue = plan.catalogue
    if catalogue is None:
        return
    written: list[tuple[DataPath, str, str | None]] = [
        (("dimensions", d), str(dimension.dimension), dimension.title)
        for d, dimension in enumerate(plan.dimensions)
    ]
    written += [(path, mission.mission, mission.title) for path, mission in plan.missions()]
    for path, code, title in written:
        standard = catalogue.headings.get(code)
        if title is None or standard is None or title == standard.title:
            continue
        found = differences(title, standard.title)
        changed = sum(end - start for start, end, _, _ in found)
        if changed > REWORDED * max(len(title), len(standard.title)):
            continue
        start, end, other_start, other_end = found[0]
        yield Hit(
            (*path, "title"),
            tr(
                "differs from the {round} catalogue's heading of {code}: {this} where it has "
                "{that}; if the plan means the standard heading, leave 'title:' out",
                round=catalogue.name,
                code=code,
                this=quote(title[start:end]),
                that=quote(standard.title[other_start:other_end]),
            ),
            (start, end),
        )


# An amount in baht said to be a total: รวม, ทั้งสิ้น or ทั้งหมด within a few words before it.
_TOTAL = re.compile(
    r"(?:รวม|ทั้งสิ้น|ทั้งหมด)[^0-9๐-๙]{0,40}?(?P<amount>[0-9๐-๙]{1,3}(?:,[0-9๐-๙]{3})+|[0-9๐-๙]{4,})"
    r"\s*บาท"
)


def typed_total(context: Context) -> Iterator[Hit]:
    plan: ActionPlan = context.plan
    totals = _totals(plan)
    grand = max(totals) if totals else 0
    for prose in context.prose:
        for match in _TOTAL.finditer(prose.text):
            written = match.group("amount")
            amount = int(arabic_digits(written).replace(",", ""))
            if amount in totals:
                continue
            thai = written[0] in "๐๑๒๓๔๕๖๗๘๙"
            correct = f"{grand:,}"
            yield Hit(
                prose.path,
                tr(
                    "a total of {written} baht, which is none of the plan's totals (all years: "
                    "{total} baht); the documents add the budgets up themselves",
                    written=written,
                    total=correct,
                ),
                match.span("amount"),
                thai_digits(correct) if thai else correct,
            )


def _totals(plan: ActionPlan) -> set[int]:
    """Every total the documents show: each year's and all years', of each มิติ and of all."""
    years = plan.fiscal_years.years
    by_dimension: dict[object, list[Project]] = {}
    for path, project in plan.projects():
        by_dimension.setdefault(path[1], []).append(project)
    every = [project for _, project in plan.projects()]
    found: set[int] = set()
    for group in (every, *by_dimension.values()):
        per_year = [
            sum(amount for p in group if isinstance(amount := p.budget.get(year), int))
            for year in years
        ]
        found.update(per_year)
        found.add(sum(per_year))
    return found - {0}


def no_details(context: Context) -> Iterator[Hit]:
    plan: ActionPlan = context.plan
    for path, project in plan.projects():
        if project.details is None:
            yield Hit(
                path,
                tr(
                    "this project has no page in ส่วนที่ ๓: add its 'details:' (หลักการและเหตุผล, "
                    "วัตถุประสงค์, ...)"
                ),
            )


RULES: tuple[Rule, ...] = (
    *TEXT_RULES,
    Rule(
        "NO-YEAR",
        Severity.ERROR,
        mark("a project with a budget for no fiscal year: it appears in no year's column or total"),
        no_year,
    ),
    Rule(
        "TYPED-TOTAL",
        Severity.WARNING,
        mark(
            "an amount written as a total in the text (รวม ... บาท) that is none of the totals the "
            "documents add up"
        ),
        typed_total,
    ),
    Rule(
        "HEADING-DRIFT",
        Severity.WARNING,
        mark(
            "a มิติ or ภารกิจ heading written in the plan that is close to, but not, the NACC "
            "catalogue's wording for its number"
        ),
        heading_drift,
    ),
    Rule(
        "NO-DETAILS",
        Severity.WARNING,
        mark("a project without its page in ส่วนที่ ๓ (รายละเอียดโครงการ)"),
        no_details,
    ),
)
