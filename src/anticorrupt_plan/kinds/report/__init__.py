"""The follow-up reports on a plan (รายงานการกำกับติดตาม รอบ ๖ เดือน, รายงานผลประจำปี): kind ``report``.

A progress file names the plan it follows; the app reads that plan with it (``reference``)
and :func:`model.join` makes the Report every function here receives. The charts are drawn
only when a report is built (``figures``).
"""

from __future__ import annotations

from collections.abc import Mapping

from anticorrupt_plan.common.display import plain
from anticorrupt_plan.common.kind import DocumentSettings, Kind, Reference, deferred
from anticorrupt_plan.core.errors import DataPath
from anticorrupt_plan.core.i18n import tr, tr_n
from anticorrupt_plan.kinds.report.model import Progress, Report, join, report_violations

HERE = "anticorrupt_plan.kinds.report"
presented = deferred(f"{HERE}.present", "present")


def settings(report: Report) -> DocumentSettings:
    view = presented(report)
    return DocumentSettings(
        title=view.document_title,
        author=plain(view.organization),
        date=report.progress.date,
        digits=report.digits,
        layout=report.layout,
    )


def describe(report: Report) -> str:
    from anticorrupt_plan.kinds.report.summary import summarize

    total = summarize(report).total
    completed = "-" if total.completed is None else f"{total.completed}%"
    return tr(
        "fiscal year {year}, {period}: {items}, {completed} completed",
        year=report.progress.fiscal_year,
        period=report.progress.period.shown,
        items=tr_n("{count} item", "{count} items", total.items),
        completed=completed,
    )


def assets(report: Report) -> Mapping[str, DataPath]:
    return {} if report.progress.emblem is None else {"emblem": ("emblem",)}


def figures(report: Report) -> Mapping[str, bytes]:
    from anticorrupt_plan.kinds.report.figures import figures as draw  # Pillow only here

    return draw(report)


KIND = Kind(
    name="report",
    label="รายงานผลการดำเนินการป้องกันการทุจริต",
    model=Progress,
    violations=report_violations,
    rules=deferred(f"{HERE}.rules", "RULES"),
    present=presented,
    settings=settings,
    diff=deferred(f"{HERE}.diff", "diff_reports"),
    describe=describe,
    assets=assets,
    reference=Reference(path=("plan",), join=join),
    figures=figures,
)
