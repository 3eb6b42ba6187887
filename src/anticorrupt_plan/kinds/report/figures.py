"""The report's charts: items by status per group, and budget planned against disbursed.

What each chart shows is decided here, from the report's derived figures; drawing them is
``core/charts.py``'s, imported only when a chart is drawn (never by ``plan validate`` or
``plan check``). The charts' names are the refs the template's ``<image>`` elements give.
"""

from __future__ import annotations

from collections.abc import Mapping

from anticorrupt_plan.common.display import digits_shown

WIDTH_CM = 15.5  # within the portrait text width (16 cm)


# The charts, by the refs the template's images give them; the template writes their captions.
CHARTS = ("status-chart", "budget-chart")

STATUS_COLOURS = {
    "ดำเนินการแล้วเสร็จ": (46, 125, 50),
    "อยู่ระหว่างดำเนินการ": (21, 101, 192),
    "ไม่สามารถดำเนินการได้": (198, 40, 40),
    "ยังไม่ได้ดำเนินการ": (249, 168, 37),
    "not_due": (158, 158, 158),
    "not_reported": (207, 207, 207),
}
PLANNED_COLOUR = (144, 164, 174)
SPENT_COLOUR = (21, 101, 192)


def figures(report: object) -> Mapping[str, bytes]:
    """Each chart of ``report`` (a Report) as PNG bytes, by its ref."""
    from anticorrupt_plan.core.charts import BarChart, Series, draw_bar_chart
    from anticorrupt_plan.kinds.report.model import STATUS_WORDS, Report, Status
    from anticorrupt_plan.kinds.report.present import present
    from anticorrupt_plan.kinds.report.summary import summarize

    assert isinstance(report, Report)
    view = present(report)
    summary = summarize(report)
    show = digits_shown(report.digits)
    categories = tuple(group.group.label for group in summary.groups)
    statuses = tuple(Status(column.status) for column in view.status_columns)
    drawn = {
        "status-chart": draw_bar_chart(
            BarChart(
                categories=categories,
                series=tuple(
                    Series(STATUS_WORDS[status], STATUS_COLOURS[status.value])
                    for status in statuses
                ),
                values=tuple(
                    tuple(group.tally.count(status) for status in statuses)
                    for group in summary.groups
                ),
                stacked=True,
                width_cm=WIDTH_CM,
                show=show,
                axis_title="จำนวนโครงการ/กิจกรรม",
            )
        )
    }
    if view.shows_budget:
        series = [Series("งบประมาณตามแผน", PLANNED_COLOUR)] if summary.plans_budgets else []
        series.append(Series("เบิกจ่าย", SPENT_COLOUR))
        drawn["budget-chart"] = draw_bar_chart(
            BarChart(
                categories=categories,
                series=tuple(series),
                values=tuple(
                    (group.tally.planned, group.tally.spent)
                    if summary.plans_budgets
                    else (group.tally.spent,)
                    for group in summary.groups
                ),
                stacked=False,
                width_cm=WIDTH_CM,
                show=show,
                whole=True,
                axis_title="บาท",
            )
        )
    return drawn
