"""The ethics plan's meaning as strict Pydantic models, and the rules that span several fields.

Each field's description names the Thai term a clerk knows it by; ``plan schema`` turns
these models into the JSON Schema that editors use for completion. What can be derived
(the organization's full name, the executive's title, the list of fiscal years) is a
property here, written once in the YAML.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, field_validator

from anticorrupt_plan.common.organization import Announcement, FiscalYears, Organization
from anticorrupt_plan.common.settings import Amendment, CheckSettings, Layout
from anticorrupt_plan.common.types import (
    ID_DESCRIPTION,
    REASON_DESCRIPTION,
    Prose,
    StableId,
    StrictModel,
    Violation,
    Year,
    duplicate_ids,
    number_input,
    one_key_per_year,
    user_error,
    version_input,
)
from anticorrupt_plan.core.errors import DataPath
from anticorrupt_plan.core.i18n import mark, tr, tr_n

DUPLICATE_TARGET_YEAR = user_error(
    "duplicate_year",
    mark("the year {year} has two targets, written {first} and {second}; keep one"),
)

# --- the announcement and narrative ----------------------------------------------------------


class NationalStrategy(StrictModel):
    intro: Prose = Field(
        description="สรุปสาระสำคัญยุทธศาสตร์ชาติ (the sentence that introduces the summary "
        "of the national anti-corruption strategy)"
    )
    strategies: list[Prose] = Field(
        min_length=1,
        description="ยุทธศาสตร์ (the national strategies in order; numbered ยุทธศาสตร์ที่ ๑, ๒, ... "
        "by the compiler)",
    )


class Objectives(StrictModel):
    intro: Prose = Field(description="ข้อความนำ (the paragraph that leads to the objectives)")
    items: list[Prose] = Field(
        min_length=1,
        description="วัตถุประสงค์ (the plan's objectives in order; numbered by the compiler)",
    )


# --- the matrix ------------------------------------------------------------------------------


class Row(StrictModel):
    objective: Prose = Field(description="(๑) วัตถุประสงค์ (objective)")
    indicator: Prose = Field(description="(๒) ตัวชี้วัด (indicator)")
    targets: dict[Year, Prose] = Field(
        description="(๓) ค่าเป้าหมายตัวชี้วัด (target values): exactly one per fiscal year, "
        "keyed by the B.E. year, e.g. 2562: ร้อยละ ๘๐"
    )
    project: Prose = Field(description="(๔) โครงการ/กิจกรรม (project or activity)")
    steps: list[Prose] = Field(
        default_factory=list,
        description="(๕) แนวทางปฏิบัติ (steps of practice, in order; numbered by the compiler)",
    )
    reason: Prose | None = Field(default=None, description=REASON_DESCRIPTION)

    @field_validator("targets", mode="before")
    @classmethod
    def _one_key_per_year(cls, value: Any) -> Any:
        return one_key_per_year(value, DUPLICATE_TARGET_YEAR)


class Measure(StrictModel):
    id: StableId | None = Field(default=None, description=ID_DESCRIPTION)
    title: Prose = Field(description="มาตรการ (the measure)")
    rows: list[Row] = Field(
        min_length=1, description="แถวของตาราง (the table rows under this measure)"
    )
    reason: Prose | None = Field(default=None, description=REASON_DESCRIPTION)


class Goal(StrictModel):
    id: StableId | None = Field(default=None, description=ID_DESCRIPTION)
    goal: Prose = Field(description="เป้าประสงค์หลัก (main goal)")
    strategy: Prose = Field(description="ยุทธศาสตร์ (the strategy serving this goal)")
    strategy_number: Annotated[int, BeforeValidator(number_input)] | None = Field(
        default=None,
        ge=1,
        description="ยุทธศาสตร์ที่ (the number of the national strategy this goal serves, as "
        "national_strategy lists them); by default the goal's own number",
    )
    strategy_indicator: Prose = Field(description="ตัวชี้วัดยุทธศาสตร์ (strategy indicator)")
    tactic: Prose = Field(description="กลยุทธ์หลัก (main tactic)")
    measures: list[Measure] = Field(min_length=1, description="มาตรการ (measures)")
    reason: Prose | None = Field(default=None, description=REASON_DESCRIPTION)


# --- the whole plan ------------------------------------------------------------------------------


class Plan(StrictModel):
    """แผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและป้องกันการทุจริต: the whole plan."""

    schema_version: Annotated[Literal[1], BeforeValidator(version_input)] = Field(
        description="รุ่นของรูปแบบไฟล์ (version of this file format); 1"
    )
    kind: Literal["ethics"] = Field(
        default="ethics",
        description="ชนิดเอกสาร (kind of document): ethics, the ethics and anti-corruption plan "
        "(แผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและป้องกันการทุจริต), the default",
    )
    digits: Literal["thai", "arabic"] = Field(
        default="thai",
        description="ตัวเลข (digits in the documents): thai (เลขไทย, the default) or arabic",
    )
    organization: Organization = Field(description="องค์กรปกครองส่วนท้องถิ่น (the organization)")
    fiscal_years: FiscalYears = Field(
        description="ปีงบประมาณ (the plan's fiscal years, a contiguous B.E. range)"
    )
    title: Prose = Field(
        description="ชื่อแผน (the plan's title, without organization or years), e.g. "
        "แผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและการป้องกันการทุจริต"
    )
    announcement: Announcement = Field(description="ประกาศ (the announcement that adopts the plan)")
    rationale: list[Prose] = Field(
        min_length=1, description="หลักการเหตุผล (rationale, one item per paragraph)"
    )
    national_strategy: NationalStrategy = Field(
        description="ยุทธศาสตร์ชาติว่าด้วยการป้องกันและปราบปรามการทุจริต (national strategy summary)"
    )
    objectives: Objectives = Field(description="วัตถุประสงค์ (the plan's objectives)")
    preparation_steps: list[Prose] = Field(
        min_length=1,
        description="ขั้นตอนการจัดทำแผน (how the plan was prepared, in order; numbered by the "
        "compiler)",
    )
    goals: list[Goal] = Field(
        min_length=1,
        description="เป้าประสงค์หลัก (the matrix: main goals with their strategies and measures)",
    )
    layout: Layout = Field(
        default_factory=Layout,
        description="รูปแบบเอกสาร (the DOCX's margins, font and size; what is left out comes "
        "from templates/reference.docx)",
    )
    checks: CheckSettings = Field(
        default_factory=CheckSettings,
        description="การตรวจทาน (settings for 'plan check': rules switched off, findings "
        "accepted with a reason)",
    )
    amendment: Amendment | None = Field(
        default=None,
        description="การแก้ไขแผน (the amendment this version of the plan makes: ครั้งที่, date and "
        "reason); leave it out for the plan as first adopted",
    )

    @property
    def subject(self) -> str:
        return self.announcement.subject or self.title

    @property
    def signatory_position(self) -> str:
        return self.announcement.signatory.position or self.organization.executive_title


# --- rules across fields ---------------------------------------------------------------------


def rule_violations(plan: Plan) -> Iterator[Violation]:
    """Problems no single field can see: ``(path, message, at_key)`` for each.

    ``at_key`` says the problem is best pointed at the key itself (an extra year) rather than
    at the value (a row whose targets miss a year).
    """
    years = plan.fiscal_years
    problems = list(years.violations())
    if problems:
        yield from problems
        return
    expected = set(years.years)
    rows = [row for goal in plan.goals for measure in goal.measures for row in measure.rows]
    written = {year for row in rows for year in row.targets}
    if written and not written & expected:
        # One slip in fiscal_years would otherwise be reported once for every target row.
        yield (
            ("fiscal_years",),
            tr(
                "no target is written for {first}-{last}: the targets give "
                "{low}-{high}; is fiscal_years mistyped?",
                first=years.first,
                last=years.last,
                low=min(written),
                high=max(written),
            ),
            False,
        )
        return
    for g, goal in enumerate(plan.goals):
        for m, measure in enumerate(goal.measures):
            for r, row in enumerate(measure.rows):
                path: DataPath = ("goals", g, "measures", m, "rows", r, "targets")
                missing = sorted(expected - row.targets.keys())
                if missing:
                    listed = ", ".join(str(y) for y in missing)
                    message = tr(
                        "no target for fiscal year {years}; each year {first}-{last} needs one: "
                        "add '{year}: ...' under targets",
                        years=listed,
                        first=years.first,
                        last=years.last,
                        year=missing[0],
                    )
                    yield path, message, False
                for extra in sorted(row.targets.keys() - expected):
                    yield (
                        (*path, str(extra)),
                        tr(
                            "{year} is not one of the plan's fiscal years ({first}-{last})",
                            year=extra,
                            first=years.first,
                            last=years.last,
                        ),
                        True,
                    )
    strategies = len(plan.national_strategy.strategies)
    for g, goal in enumerate(plan.goals):
        if goal.strategy_number is not None and goal.strategy_number > strategies:
            yield (
                ("goals", g, "strategy_number"),
                tr_n(
                    "the national strategy lists {count} strategy; there is no ยุทธศาสตร์ที่ {number}",
                    "the national strategy lists {count} strategies; there is no "
                    "ยุทธศาสตร์ที่ {number}",
                    strategies,
                    number=goal.strategy_number,
                ),
                False,
            )
    yield from _duplicate_ids(plan)


def _duplicate_ids(plan: Plan) -> Iterator[Violation]:
    items: list[tuple[DataPath, str | None]] = []
    for g, goal in enumerate(plan.goals):
        items.append((("goals", g, "id"), goal.id))
        items += [(("goals", g, "measures", m, "id"), ms.id) for m, ms in enumerate(goal.measures)]
    return duplicate_ids(items)
