"""What changed between two progress files of a report: a pure function of two Reports.

Items are matched by the plan item they name, whatever the file calls it (id or number);
each field is compared as the report shows it, so ``50000`` and ``50,000`` are no change.
Places are the plan's labels of the item (``เป้าประสงค์หลักที่ ๑ มาตรการที่ ๒``) and the
field's name; the text shown is the new version's digits.
"""

from __future__ import annotations

from collections.abc import Callable

from anticorrupt_plan.common.diffing import ROOT, Change, ChangeLog, Node
from anticorrupt_plan.common.display import digits_shown
from anticorrupt_plan.kinds.report.model import Entry, Report
from anticorrupt_plan.kinds.report.present import ProjectRow, ReportView, present, short_date

# Each field of an item: its name in the comparison, its key, and its text in a row.
_FIELDS: tuple[tuple[str, str, Callable[[ProjectRow], str | None]], ...] = (
    ("สถานะ", "status", lambda row: row.status),
    ("เหตุผล", "reason", lambda row: row.reason),
    ("เบิกจ่าย", "spent", lambda row: row.spent),
    ("ผลการดำเนินการ", "results", lambda row: row.results),
    ("ระยะเวลา", "start", lambda row: row.dates),
    ("ผู้เข้าร่วม", "participants", lambda row: row.participants),
    ("ผลตามตัวชี้วัด", "achieved", lambda row: row.achieved),
    ("หมายเหตุ", "note", lambda row: row.note),
)

# What the report is, and its lists of problems and suggestions.
_HEADER: tuple[tuple[str, str, Callable[[ReportView], str]], ...] = (
    ("รายงาน", "period", lambda v: f"{v.title} ประจำปีงบประมาณ พ.ศ. {v.year}"),
    ("แผน", "plan", lambda v: f"{v.plan_title} {v.organization} ประจำปี พ.ศ. {v.plan_years}"),
)
_LISTS: tuple[tuple[str, str, Callable[[ReportView], tuple[str, ...]]], ...] = (
    ("ปัญหา อุปสรรค", "problems", lambda v: v.problems),
    ("ข้อเสนอแนะ", "suggestions", lambda v: v.suggestions),
)


def diff_reports(old: Report, new: Report) -> tuple[Change, ...]:
    """Every change from ``old`` to ``new``, in the new version's order."""
    show = digits_shown(new.digits)
    log = ChangeLog(show=show)
    ov, nv = present(old), present(new)
    for label, key, heading in _HEADER:
        node = ROOT.node(label, key)
        log.emit(node.at(heading(ov)), node.at(heading(nv)), None)
    node = ROOT.node("วันที่รายงาน", "date")
    log.emit(
        node.at(show(short_date(old.progress.date))),
        node.at(show(short_date(new.progress.date))),
        None,
    )
    olds = _rows(old, ov)
    news = _rows(new, nv)
    for item_id, (entry, row) in news.items():
        before = olds.get(item_id)
        for name, key, pick in _FIELDS:
            new_node = Node((row.label, name), ("items", entry.index, key))
            after_text = pick(row)
            if before is None:
                old_at = None
            else:
                old_entry, old_row = before
                old_text = pick(old_row)
                old_node = Node((old_row.label, name), ("items", old_entry.index, key))
                old_at = None if old_text is None else old_node.at(old_text)
            log.emit(old_at, None if after_text is None else new_node.at(after_text), None)
    for item_id, (entry, row) in olds.items():
        if item_id not in news:
            node = Node((row.label,), ("items", entry.index))
            log.emit(node.at(f"{row.number} {row.title}: {row.status}"), None, None)
    for label, key, texts in _LISTS:
        node = ROOT.node(label, key)
        log.texts(node, node, log.paragraphs(texts(ov)), log.paragraphs(texts(nv)), None)
    return tuple(log.changes)


def _rows(report: Report, view: ReportView) -> dict[str, tuple[Entry, ProjectRow]]:
    rows = [row for group in view.projects for row in group.rows]
    return {
        entry.item.id: (entry, row)
        for entry, row in zip(report.reported, rows, strict=True)
        if entry.item is not None
    }
