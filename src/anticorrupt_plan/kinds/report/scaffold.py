"""A progress file to start from: every item of the year listed, its status left to fill in.

The file is written as text, not through a YAML library, so that it reads like the examples:
comments name each item's title and what each key takes. Until the blanks are filled, the
file does not validate, and ``plan validate`` says which blanks are left.
"""

from __future__ import annotations

from collections.abc import Sequence

from anticorrupt_plan.common.kind import PlanItem
from anticorrupt_plan.kinds.report.model import STATUS_CHOICES, TITLES, Period


def _comment(text: str) -> str:
    return " ".join(text.split())


def _quoted(text: str) -> str:
    """``text`` as a double-quoted YAML scalar (ids are letters, digits and . _ -)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def progress_text(
    items: Sequence[PlanItem],
    *,
    plan: str,
    organization: str,
    fiscal_year: int,
    period: Period,
) -> str:
    """The progress file's text for ``items`` of the plan file ``plan`` (relative to it)."""
    lines = [
        f"# {TITLES[period]} ประจำปีงบประมาณ พ.ศ. {fiscal_year} {organization}",
        "# กรอกทุกช่องที่ว่างไว้ แล้วตรวจด้วย plan validate และสร้างเอกสารด้วย plan build (ตามด้วยชื่อไฟล์นี้)",
        "schema_version: 1",
        "kind: report",
        f"plan: {_quoted(plan)}",
        f"fiscal_year: {fiscal_year}",
        f"period: {period.value}",
        "date:                 # วันที่รายงาน (พ.ศ. ปี-เดือน-วัน) เช่น "
        f"{fiscal_year if period is Period.SIX_MONTHS else fiscal_year + 1}-"
        f"{'04' if period is Period.SIX_MONTHS else '10'}-15",
        "front: [memo, cover]  # หน้าแรก: memo (บันทึกข้อความ) cover (ปก) announcement (ประกาศ)",
        "memo:",
        "  department:         # ส่วนราชการ เช่น สำนักปลัด",
        "preparer:             # ผู้รายงาน",
        "  name:",
        "  position:",
        "executive:            # ผู้บริหาร (position: เว้นไว้ได้ ใช้ตำแหน่งผู้บริหารขององค์กร)",
        "  name:",
        "items:",
        f"  # status: {STATUS_CHOICES}",
        "  # แล้วตามที่มี: reason (เหตุผล เมื่อไม่สามารถดำเนินการได้) spent (เบิกจ่าย บาท)",
        "  # results (ผลการดำเนินการ) start และ end (วันที่ พ.ศ.) participants (ผู้เข้าร่วม)",
        "  # achieved (ผลตามตัวชี้วัด) note (หมายเหตุ)",
    ]
    group = None
    for item in items:
        if item.group.id != group:
            group = item.group.id
            lines.append(f"  # {_comment(item.group.label)} {_comment(item.group.title)}")
        lines.append(f"  - id: {_quoted(item.id)}  # {_comment(item.title)}")
        if item.target is not None:
            lines.append(f"    # ค่าเป้าหมาย {fiscal_year}: {_comment(item.target)}")
        if isinstance(item.budget, int):
            lines.append(f"    # งบประมาณตามแผน {fiscal_year}: {item.budget:,} บาท")
        elif item.budget is not None:
            lines.append(f"    # งบประมาณตามแผน {fiscal_year}: {item.budget}")
        lines.append("    status:")
        if item.budget is not None:
            lines.append("    spent:")
        lines.append("    results:")
    lines += [
        "problems:             # ปัญหา อุปสรรค: บรรทัดละข้อ ('- ...') หรือ ไม่มี",
        "suggestions:          # ข้อเสนอแนะ: บรรทัดละข้อ ('- ...') หรือ ไม่มี",
    ]
    return "\n".join(lines) + "\n"
