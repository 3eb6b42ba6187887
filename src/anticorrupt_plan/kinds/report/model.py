"""The progress file of a follow-up report, and the report it makes with the plan it names.

A progress file (``kind: report``) names the plan it reports on, the fiscal year and the
period, says how far each of that year's items got, and adds the report's front pages and its
problems and suggestions. Everything that can be derived (titles, budgets planned, counts,
percentages, whether an indicator's target was met) comes from the plan and the compiler;
the file holds only what happened. :func:`join` puts the two files together into a Report,
and :func:`report_violations` checks the one against the other.
"""

from __future__ import annotations

import datetime
import difflib
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from anticorrupt_plan.common.kind import Kind, PlanItem
from anticorrupt_plan.common.organization import FiscalYears, Organization, Signatory
from anticorrupt_plan.common.settings import CheckSettings, Layout
from anticorrupt_plan.common.types import (
    BEDate,
    Prose,
    Spent,
    StrictModel,
    Text,
    Violation,
    Year,
    strip_text,
    user_error,
    version_input,
)
from anticorrupt_plan.core.errors import DataPath, format_path
from anticorrupt_plan.core.i18n import mark, tr
from anticorrupt_plan.core.thai import (
    BE_OFFSET,
    arabic_digits,
    be_year,
    clusters,
    compose_sara_am,
)

# --- vocabulary -----------------------------------------------------------------------------------


class Period(StrEnum):
    """The two reporting periods of a fiscal year (1 October to 30 September)."""

    SIX_MONTHS = "6-months"  # รอบ ๖ เดือน: 1 October to 31 March
    ANNUAL = "annual"  # ประจำปี: the whole fiscal year

    @property
    def shown(self) -> str:
        """The period as a message names it, in the reader's language."""
        return tr(_PERIOD_NAMES[self])


_PERIOD_NAMES = {Period.SIX_MONTHS: mark("6-month"), Period.ANNUAL: mark("annual")}
# Each period's report, as the integrity assessment names it; the fiscal year follows
# (ประจำปีงบประมาณ พ.ศ. ...), so the annual report's own ประจำปี is left to it.
TITLES = {
    Period.SIX_MONTHS: "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน",
    Period.ANNUAL: "รายงานผลการดำเนินการป้องกันการทุจริต",
}


class Status(StrEnum):
    """How far an item got. The first three are the e-PlanNACC system's own words."""

    DONE = "ดำเนินการแล้วเสร็จ"
    IN_PROGRESS = "อยู่ระหว่างดำเนินการ"
    CANNOT = "ไม่สามารถดำเนินการได้"  # with the reason
    NOT_STARTED = "ยังไม่ได้ดำเนินการ"
    NOT_DUE = "not_due"  # ยังไม่ถึงกำหนด: planned for later in the year
    NOT_REPORTED = "not_reported"  # รอรายงานผล: nothing to report yet


STATUS_WORDS = {
    Status.DONE: "ดำเนินการแล้วเสร็จ",
    Status.IN_PROGRESS: "อยู่ระหว่างดำเนินการ",
    Status.CANNOT: "ไม่สามารถดำเนินการได้",
    Status.NOT_STARTED: "ยังไม่ได้ดำเนินการ",
    Status.NOT_DUE: "ยังไม่ถึงกำหนดดำเนินการ",
    Status.NOT_REPORTED: "รอรายงานผล",
}
# What a clerk may write for each status besides its own word: its name in English, and
# the other ways reports word it.
_STATUS_INPUT = {
    "done": Status.DONE,
    "ดำเนินการเสร็จแล้ว": Status.DONE,
    "ดำเนินการเสร็จสิ้น": Status.DONE,
    "ดำเนินการแล้ว": Status.DONE,
    "เสร็จ": Status.DONE,
    "เสร็จแล้ว": Status.DONE,
    "เสร็จสิ้น": Status.DONE,
    "แล้วเสร็จ": Status.DONE,
    "in_progress": Status.IN_PROGRESS,
    "กำลังดำเนินการ": Status.IN_PROGRESS,
    "อยู่ระหว่างการดำเนินการ": Status.IN_PROGRESS,
    "อยู่ระหว่างดำเนินงาน": Status.IN_PROGRESS,
    "cannot": Status.CANNOT,
    "ไม่สามารถดำเนินการ": Status.CANNOT,
    "ดำเนินการไม่ได้": Status.CANNOT,
    "not_started": Status.NOT_STARTED,
    "ยังไม่ดำเนินการ": Status.NOT_STARTED,
    "ยังไม่เริ่มดำเนินการ": Status.NOT_STARTED,
    "ยังไม่ถึงกำหนด": Status.NOT_DUE,
    "ยังไม่ถึงกำหนดดำเนินการ": Status.NOT_DUE,
    "รอรายงานผล": Status.NOT_REPORTED,
    **{status.value: status for status in Status},
}
STATUS_CHOICES = ", ".join(
    f"{status.value} ({STATUS_WORDS[status]})"
    if status.value != STATUS_WORDS[status]
    else status.value
    for status in Status
)

STATUS_EMPTY = user_error("status_empty", mark("no status yet: write one of {choices}"))
STATUS_CHOICE = user_error("status_choice", mark("{found} is not a status; write one of {choices}"))
YES_NO = user_error("yes_no", mark("{found}: write yes (บรรลุ) or no (ไม่บรรลุ)"))
NONE_WORD_EMPTY = user_error(
    "none_word_empty",
    mark("is empty: list them, one per line starting with '- ', or write ไม่มี"),
)


def _status_input(value: Any) -> Any:
    if value is None:
        raise STATUS_EMPTY(choices=STATUS_CHOICES)
    text = compose_sara_am(value.strip()) if isinstance(value, str) else value
    if isinstance(text, str):
        found = _STATUS_INPUT.get(text) or _STATUS_INPUT.get(text.lower())  # Done, DONE
        if found is not None:
            return found
    raise STATUS_CHOICE(choices=STATUS_CHOICES)


StatusInput = Annotated[
    Status,
    BeforeValidator(_status_input),
    Field(description=f"สถานะการดำเนินงาน (status): one of {STATUS_CHOICES}"),
]

_YES = {"yes": True, "no": False, "บรรลุ": True, "ไม่บรรลุ": False}


def _yes_no(value: Any) -> Any:
    text = value.strip().lower() if isinstance(value, str) else value
    if isinstance(text, str) and text in _YES:
        return _YES[text]
    raise YES_NO()


YesNo = Annotated[bool, BeforeValidator(_yes_no)]


def _none_word(value: Any) -> Any:
    # "ไม่มี" (none) is what the ITA asks a report to say when there are no problems.
    if value is None:
        raise NONE_WORD_EMPTY()
    if isinstance(value, str) and compose_sara_am(value.strip()) == NONE_WORD:
        return []
    return value


NONE_WORD = "ไม่มี"
Front = Literal["memo", "cover", "announcement"]
DEFAULT_FRONT: tuple[Front, ...] = ("memo", "cover")


# --- the progress file ----------------------------------------------------------------------------


class Person(StrictModel):
    name: Prose = Field(description="ชื่อ (name with title), e.g. นางสาวสมใจ ตั้งใจ")
    position: Prose = Field(description="ตำแหน่ง (position), e.g. นักวิเคราะห์นโยบายและแผน")


class Endorsement(StrictModel):
    """A superior's comment on the memo before it reaches the executive (ความเห็น)."""

    name: Prose = Field(description="ชื่อ (name with title)")
    position: Prose = Field(description="ตำแหน่ง (position), e.g. ปลัดองค์การบริหารส่วนตำบลทุ่งทอง")
    opinion: Prose | None = Field(
        default=None,
        description="ความเห็น (the comment as written; left out, room to write it by hand)",
    )


class Memo(StrictModel):
    """บันทึกข้อความ: the internal memo that puts the report to the executive."""

    department: Text = Field(description="ส่วนราชการ (the office that reports), e.g. สำนักปลัด")
    phone: Text | None = Field(default=None, description="โทร. (the office's telephone)")
    reference: Text | None = Field(
        default=None, description="ที่ (the memo's number), e.g. กจ ๗๘๓๐๑/๑๒๓"
    )
    date: BEDate | None = Field(
        default=None, description="วันที่ (the memo's date, B.E.); by default the report's date"
    )
    body: list[Prose] | None = Field(
        default=None,
        description="ข้อความ (the memo's paragraphs); by default the standard wording, which "
        "asks the executive to acknowledge the report and to allow its publication",
    )
    endorsements: list[Endorsement] = Field(
        default_factory=list,
        description="ความเห็น (comments of superiors between the writer and the executive, in "
        "order, e.g. หัวหน้าสำนักปลัด, ปลัด)",
    )


class AnnouncementText(StrictModel):
    """ประกาศ: the announcement that publishes the report, signed by the executive."""

    body: list[Prose] | None = Field(
        default=None, description="ข้อความประกาศ (paragraphs); by default the standard wording"
    )
    date: BEDate | None = Field(
        default=None, description="วันที่ประกาศ (B.E.); by default the report's date"
    )


class ItemProgress(StrictModel):
    """What became of one item of the plan in the period."""

    id: Text = Field(
        description="รหัส (the item: its id in the plan, or its number as the plan numbers it, "
        "e.g. 1.2 for เป้าประสงค์หลักที่ ๑ มาตรการที่ ๒)"
    )
    status: StatusInput
    reason: Prose | None = Field(
        default=None,
        description="เหตุผล (why it could not be done: needed with ไม่สามารถดำเนินการได้), e.g. "
        "ไม่ได้รับงบประมาณ, นโยบายผู้บริหารเปลี่ยนแปลง, บุคลากรไม่เพียงพอ",
    )
    spent: Spent | None = Field(
        default=None,
        description="เบิกจ่าย (baht disbursed in the period: 45,000, 0 when nothing yet, or "
        "ไม่ใช้งบประมาณ)",
    )
    results: Prose | None = Field(
        default=None, description="ผลการดำเนินการ (what was done and achieved)"
    )
    start: BEDate | None = Field(
        default=None, description="วันที่เริ่ม (first day of the activity, B.E., YYYY-MM-DD)"
    )
    end: BEDate | None = Field(
        default=None, description="วันที่สิ้นสุด (last day, B.E.); left out, one day"
    )
    participants: Prose | None = Field(
        default=None, description="ผู้เข้าร่วม (who took part and how many), e.g. บุคลากร ๔๕ คน"
    )
    achieved: Prose | None = Field(
        default=None,
        description="ผลตามตัวชี้วัด (what the indicator reached, written like the plan's target), "
        "e.g. ร้อยละ ๘๕",
    )
    met: YesNo | None = Field(
        default=None,
        description="บรรลุค่าเป้าหมาย (yes or no): only where the result and the target cannot be "
        "compared as numbers; otherwise the compiler decides",
    )
    note: Prose | None = Field(default=None, description="หมายเหตุ (a remark)")


class Progress(StrictModel):
    """A follow-up report's progress file: รายงานการกำกับติดตาม (6-months) or รายงานผล (annual)."""

    schema_version: Annotated[Literal[1], BeforeValidator(version_input)] = Field(
        description="รุ่นของรูปแบบไฟล์ (version of this file format); 1"
    )
    kind: Literal["report"] = Field(
        description="ชนิดเอกสาร (kind of document): report, a follow-up report on a plan"
    )
    plan: Text = Field(
        description="แผน (the plan file this report follows, relative to this file), e.g. "
        "../plan.yaml"
    )
    fiscal_year: Year = Field(description="ปีงบประมาณ (the fiscal year reported on, B.E.)")
    period: Annotated[Period, BeforeValidator(strip_text)] = Field(
        description="รอบการรายงาน (period): 6-months (1 October - 31 March) or annual (the "
        "whole fiscal year)"
    )
    date: BEDate = Field(description="วันที่รายงาน (the report's date, B.E., YYYY-MM-DD)")
    front: list[Front] = Field(
        default_factory=lambda: list(DEFAULT_FRONT),
        description="หน้าแรก (the pages before the report, in order: memo (บันทึกข้อความ), "
        "cover (ปก), announcement (ประกาศ)); by default memo and cover",
    )
    memo: Memo | None = Field(default=None, description="บันทึกข้อความ (needed with front: memo)")
    announcement: AnnouncementText | None = Field(
        default=None, description="ประกาศ (with front: announcement; optional wording)"
    )
    emblem: Text | None = Field(
        default=None,
        description="ตราครุฑ (the emblem at the top of the memo and the announcement: a PNG or "
        "JPEG file, its path relative to this file)",
    )
    preparer: Person = Field(description="ผู้รายงาน (who prepared the report and signs the memo)")
    executive: Signatory = Field(
        description="ผู้บริหาร (the executive who acknowledges the report and signs the "
        "announcement); position by default the organization's executive"
    )
    items: list[ItemProgress] = Field(
        description="ผลการดำเนินการรายโครงการ (every item of the plan in the fiscal year, each "
        "once, by its id or number)"
    )
    problems: Annotated[list[Prose], BeforeValidator(_none_word)] = Field(
        description="ปัญหา อุปสรรค (problems and obstacles, one per item), or ไม่มี"
    )
    suggestions: Annotated[list[Prose], BeforeValidator(_none_word)] = Field(
        description="ข้อเสนอแนะ (suggestions, one per item), or ไม่มี"
    )
    checks: CheckSettings = Field(
        default_factory=CheckSettings,
        description="การตรวจทาน (settings for 'plan check', as in a plan)",
    )


# --- the report: the progress file with its plan --------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One item of the progress file, with the plan's item it names (None: no such item)."""

    index: int  # its place in the progress file's items
    progress: ItemProgress
    item: PlanItem | None


@dataclass(frozen=True)
class Report:
    """A progress file read with the plan it names: what the report kind's functions receive."""

    progress: Progress
    plan: Any  # the plan's model (see common.kind.ReportablePlan)
    plan_kind: Kind
    items: tuple[PlanItem, ...]  # the plan's items of the fiscal year, in the plan's order
    entries: tuple[Entry, ...] = field(default=())

    @property
    def follows_a_plan(self) -> bool:
        return self.plan_kind.items is not None

    # What the shared check rules read (common.checking.Checked): the plan's organization
    # and years, so that a report's text is held to the plan it follows.
    @property
    def organization(self) -> Organization:
        organization: Organization = self.plan.organization
        return organization

    @property
    def fiscal_years(self) -> FiscalYears:
        years: FiscalYears = self.plan.fiscal_years
        return years

    @property
    def digits(self) -> str:
        return str(self.plan.digits)

    @property
    def layout(self) -> Layout:
        layout: Layout = self.plan.layout
        return layout

    @property
    def checks(self) -> CheckSettings:
        return self.progress.checks

    @property
    def period_dates(self) -> tuple[datetime.date, datetime.date]:
        return period_dates(self.progress.fiscal_year, self.progress.period)

    @property
    def reported(self) -> tuple[Entry, ...]:
        """Each item of the plan that is reported, once, in the plan's order."""
        seen: dict[str, Entry] = {}
        for entry in self.entries:
            if entry.item is not None and entry.item.id not in seen:
                seen[entry.item.id] = entry
        return tuple(seen[item.id] for item in self.items if item.id in seen)


def period_dates(fiscal_year: int, period: Period) -> tuple[datetime.date, datetime.date]:
    """The first and last day of ``period`` of B.E. ``fiscal_year`` (as Christian-Era dates)."""
    year = fiscal_year - BE_OFFSET
    first = datetime.date(year - 1, 10, 1)
    last = datetime.date(year, 3, 31) if period is Period.SIX_MONTHS else datetime.date(year, 9, 30)
    return first, last


def join(progress: Progress, plan: Any, plan_kind: Kind) -> Report:
    """The report: ``progress`` read with the plan it names, each entry matched to its item."""
    if plan_kind.items is None:
        return Report(progress=progress, plan=plan, plan_kind=plan_kind, items=())
    items = tuple(plan_kind.items(plan, progress.fiscal_year))
    by_id = {item.id: item for item in items}
    by_number = {item.number: item for item in items}
    entries = tuple(
        Entry(index, entry, _named(entry.id, by_id, by_number))
        for index, entry in enumerate(progress.items)
    )
    return Report(progress=progress, plan=plan, plan_kind=plan_kind, items=items, entries=entries)


def _named(
    name: str, by_id: dict[str, PlanItem], by_number: dict[str, PlanItem]
) -> PlanItem | None:
    key = arabic_digits(name).strip()
    return by_id.get(key) or by_number.get(key)


# --- rules across the two files -------------------------------------------------------------------

SHOWN_TITLE = 40  # characters of an item's title quoted in a message


def report_violations(report: Report) -> Iterator[Violation]:
    """Problems of the progress file against its plan: ``(path, message, at_key)`` each."""
    progress = report.progress
    plan_file = progress.plan
    if not report.follows_a_plan:
        yield (
            ("plan",),
            tr(
                "{file} is a {label} (kind {kind}), not a plan with projects to report on; "
                "name the plan file",
                file=plan_file,
                label=report.plan_kind.label,
                kind=report.plan_kind.name,
            ),
            False,
        )
        return
    years = report.fiscal_years
    if progress.fiscal_year not in years.years:
        yield (
            ("fiscal_year",),
            tr(
                "{year} is not one of the fiscal years of {file} ({first}-{last})",
                year=progress.fiscal_year,
                file=plan_file,
                first=years.first,
                last=years.last,
            ),
            False,
        )
        return
    yield from _front_violations(progress)
    yield from _entry_violations(report)
    reported = {entry.item.id for entry in report.entries if entry.item is not None}
    for item in report.items:
        if item.id not in reported:
            yield (
                ("items",),
                tr(
                    "{item} of fiscal year {year} is not reported; add '- id: {id}' with its "
                    "status ({not_due} or {not_reported} when there is nothing to report yet)",
                    item=_item_name(item),
                    year=progress.fiscal_year,
                    id=item.id,
                    not_due=Status.NOT_DUE.value,
                    not_reported=Status.NOT_REPORTED.value,
                ),
                True,
            )


def _item_name(item: PlanItem) -> str:
    title = item.title
    if len(title) > SHOWN_TITLE:  # cut between two clusters, never inside one
        kept = list(itertools.takewhile(lambda end: end <= SHOWN_TITLE - 3, _ends(title)))
        title = title[: kept[-1] if kept else 0] + "..."
    return f"{item.number} ({title})"


def _ends(text: str) -> Iterator[int]:
    """Where each cluster of ``text`` ends."""
    return itertools.accumulate(map(len, clusters(text)))


def _front_violations(progress: Progress) -> Iterator[Violation]:
    seen: set[str] = set()
    for index, page in enumerate(progress.front):
        if page in seen:
            message = tr("{page} is listed twice; list each page once", page=page)
            yield ("front", index), message, False
        seen.add(page)
    if "memo" in seen and progress.memo is None:
        if "front" in progress.model_fields_set:
            index = progress.front.index("memo")
            message = tr(
                "the memo (บันทึกข้อความ) needs its details: add 'memo:' with at least "
                "'department:' (ส่วนราชการ)"
            )
            yield ("front", index), message, False
        else:
            yield (
                ("memo",),
                tr(
                    "the memo (บันทึกข้อความ), a front page by default, needs its details: add "
                    "'memo:' with at least 'department:' (ส่วนราชการ), or list the front pages "
                    "you want under 'front:'"
                ),
                False,
            )


# Where a date falls outside the period, by the side it falls on.
_BEFORE_THE_PERIOD = mark(
    "{day} is before the period starts: the {period} report of fiscal year {year} covers "
    "{first} to {last}"
)
_AFTER_THE_PERIOD = mark(
    "{day} is after the period ends: the {period} report of fiscal year {year} covers "
    "{first} to {last}"
)


def _entry_violations(report: Report) -> Iterator[Violation]:
    progress = report.progress
    first, last = report.period_dates
    numbers = [item.number for item in report.items]
    reported = {entry.item.id for entry in report.entries if entry.item is not None}
    # A name that is no item's most likely meant an item left unreported, by id or number.
    unreported = [item for item in report.items if item.id not in reported] or report.items
    names = list(dict.fromkeys(name for item in unreported for name in (item.id, item.number)))
    seen: dict[str, Entry] = {}
    for entry in report.entries:
        path: DataPath = ("items", entry.index)
        given = entry.progress
        item = entry.item
        if item is None:
            yield (*path, "id"), _unknown_item(given.id, progress, numbers, names), False
            continue
        if item.id in seen:
            before = seen[item.id]
            yield (
                (*path, "id"),
                tr(
                    "{item} is reported twice: already at {place} (as {id}); report each item once",
                    item=_item_name(item),
                    place=format_path(("items", before.index)),
                    id=repr(before.progress.id),
                ),
                False,
            )
            continue
        seen[item.id] = entry
        if given.status is Status.CANNOT and given.reason is None:
            yield (
                (*path, "status"),
                tr(
                    "{status} needs the reason: add 'reason:' (e.g. ไม่ได้รับงบประมาณ)",
                    status=Status.CANNOT.value,
                ),
                False,
            )
        for key, day in (("start", given.start), ("end", given.end)):
            if day is not None and not first <= day <= last:
                yield (
                    (*path, key),
                    tr(
                        _BEFORE_THE_PERIOD if day < first else _AFTER_THE_PERIOD,
                        day=_be(day),
                        period=progress.period.shown,
                        year=progress.fiscal_year,
                        first=_be(first),
                        last=_be(last),
                    ),
                    False,
                )
        if given.start is not None and given.end is not None and given.end < given.start:
            message = tr("ends {day}, before it starts", day=_be(given.end))
            yield (*path, "end"), message, False
        yield from _indicator_violations(path, given, item)


def _unknown_item(name: str, progress: Progress, numbers: list[str], names: list[str]) -> str:
    """What an id that names no item of the plan's year is told, with the nearest of
    ``names`` (the ids and numbers of the items it most likely meant)."""
    if not numbers:
        return tr(
            "{id} is not an item of {plan} in fiscal year {year} (it has no items that year)",
            id=repr(name),
            plan=progress.plan,
            year=progress.fiscal_year,
        )
    if len(numbers) == 1:
        return tr(
            "{id} is not an item of {plan} in fiscal year {year}; its only item that year is "
            "{number}",
            id=repr(name),
            plan=progress.plan,
            year=progress.fiscal_year,
            number=numbers[0],
        )
    close = difflib.get_close_matches(arabic_digits(name), names, n=1, cutoff=0.6)
    if close:
        return tr(
            "{id} is not an item of {plan} in fiscal year {year} (its items are {first} to "
            "{last}); did you mean {suggestion}?",
            id=repr(name),
            plan=progress.plan,
            year=progress.fiscal_year,
            first=numbers[0],
            last=numbers[-1],
            suggestion=close[0],
        )
    return tr(
        "{id} is not an item of {plan} in fiscal year {year} (its items are {first} to {last})",
        id=repr(name),
        plan=progress.plan,
        year=progress.fiscal_year,
        first=numbers[0],
        last=numbers[-1],
    )


def _indicator_violations(
    path: DataPath, given: ItemProgress, item: PlanItem
) -> Iterator[Violation]:
    if given.achieved is None:
        if given.met is not None:
            message = tr("met needs the result it judges: add 'achieved:'")
            yield (*path, "met"), message, False
        return
    if item.target is None:
        yield (
            (*path, "achieved"),
            tr(
                "{item} has no indicator target in the plan to compare with; write the result "
                "under results",
                item=_item_name(item),
            ),
            False,
        )
        return
    if given.met is None and target_met(item.target, given.achieved) is None:
        yield (
            (*path, "achieved"),
            tr(
                "cannot compare {achieved} with the target {target} as numbers; add 'met: yes' "
                "or 'met: no'",
                achieved=repr(given.achieved),
                target=repr(item.target),
            ),
            False,
        )


def _be(day: datetime.date) -> str:
    return f"{be_year(day)}-{day.month:02d}-{day.day:02d}"


# --- indicators -----------------------------------------------------------------------------------

_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
# A target that asks for no more than its number (complaints, days taken); "ไม่น้อยกว่า" and
# "ไม่ต่ำกว่า" ask for at least, and are taken out before these are looked for.
_AT_MOST = ("ไม่เกิน", "ไม่มากกว่า", "น้อยกว่า", "ต่ำกว่า", "ลดลง")
_AT_LEAST = ("ไม่น้อยกว่า", "ไม่ต่ำกว่า")


def _only_number(text: str) -> float | None:
    found = _NUMBER.findall(arabic_digits(text))
    return float(found[0].replace(",", "")) if len(found) == 1 else None


def target_met(target: str, achieved: str) -> bool | None:
    """Whether ``achieved`` meets ``target``, each written with one number (ร้อยละ ๘๐ and
    ร้อยละ ๘๕); None when they cannot be compared so."""
    goal, result = _only_number(target), _only_number(achieved)
    if goal is None or result is None:
        return None
    wording = compose_sara_am(target)
    for phrase in _AT_LEAST:
        wording = wording.replace(phrase, "")
    at_most = any(phrase in wording for phrase in _AT_MOST)
    return result <= goal if at_most else result >= goal
