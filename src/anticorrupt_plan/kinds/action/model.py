"""The NACC action plan's meaning as strict Pydantic models, and the rules across its fields.

แผนปฏิบัติการป้องกันการทุจริต: four มิติ, each with its ภารกิจ (some with sub-ภารกิจ), and
under them the projects, activities and measures with their budgets per fiscal year.
Every number in the documents (มิติที่ ๑, ๑.๑, ๑.๑.๑, ๑)), every total and every count is
derived; a plan writes codes, names and amounts once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    Discriminator,
    Field,
    Tag,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from anticorrupt_plan.common.organization import Announcement, FiscalYears, Organization
from anticorrupt_plan.common.settings import Amendment, CheckSettings, Layout
from anticorrupt_plan.common.types import (
    BAHT_SCHEMA,
    NO_BUDGET,
    REASON_DESCRIPTION,
    Baht,
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
from anticorrupt_plan.core.i18n import mark, tr
from anticorrupt_plan.core.thai import compose_sara_am
from anticorrupt_plan.kinds.action.catalogue import (
    ROUND_NAMES,
    ROUNDS,
    Round,
    RoundName,
    round_for,
)

DEFAULT_TITLE = "แผนปฏิบัติการป้องกันการทุจริต"

BLOCK_KIND = user_error(
    "block_kind",
    mark(
        "expected a paragraph (text), or a list written as 'numbered:' or 'bullets:', or a "
        "'table:' with header and rows"
    ),
)
DUPLICATE_BUDGET_YEAR = user_error(
    "duplicate_budget_year",
    mark("the year {year} has two budgets, written {first} and {second}; keep one"),
)
MISSION_CODE = user_error(
    "mission_code",
    mark("{found} is not the number of a ภารกิจ: write it as the catalogue does, e.g. 1.1 or 1.1.1"),
)

# --- ส่วนที่ ๑: blocks of text ------------------------------------------------------------------


class NumberedBlock(StrictModel):
    numbered: list[Prose] = Field(
        min_length=1, description="รายการเลขข้อ (a numbered list; numbered ๑. ๒. by the compiler)"
    )


class BulletBlock(StrictModel):
    bullets: list[Prose] = Field(min_length=1, description="รายการ (a list marked with bullets)")


class TableData(StrictModel):
    header: list[Prose] = Field(min_length=1, description="หัวตาราง (the column headings)")
    rows: list[list[Prose]] = Field(
        min_length=1, description="แถว (the rows, each with one text per column)"
    )


class TableBlock(StrictModel):
    table: TableData = Field(description="ตาราง (a small table, e.g. of risks)")


def _block_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "paragraph"
    if isinstance(value, dict):
        return next((key for key in ("numbered", "bullets", "table") if key in value), None)
    return None


Block = Annotated[
    Annotated[Prose, Tag("paragraph")]
    | Annotated[NumberedBlock, Tag("numbered")]
    | Annotated[BulletBlock, Tag("bullets")]
    | Annotated[TableBlock, Tag("table")],
    Discriminator(
        _block_kind,
        custom_error_type=BLOCK_KIND.type,
        custom_error_message=BLOCK_KIND.template,
    ),
]
Blocks = Annotated[list[Block], Field(min_length=1)]


class Introduction(StrictModel):
    """ส่วนที่ ๑ บทนำ: each part a list of paragraphs, lists and small tables."""

    risk_analysis: Blocks = Field(
        description="การวิเคราะห์ความเสี่ยงในการเกิดการทุจริตในองค์กรปกครองส่วนท้องถิ่น (risk analysis)"
    )
    rationale: Blocks = Field(description="หลักการและเหตุผล (rationale)")
    vision: Blocks | None = Field(default=None, description="วิสัยทัศน์ (vision; optional)")
    mission: Blocks | None = Field(default=None, description="พันธกิจ (mission; optional)")
    objectives: Blocks = Field(description="วัตถุประสงค์ของการจัดทำแผน (the plan's objectives)")
    targets: Blocks = Field(description="เป้าหมาย (targets)")
    benefits: Blocks = Field(description="ประโยชน์ของการจัดทำแผน (benefits of the plan)")


# --- ส่วนที่ ๒ and ๓: the projects ------------------------------------------------------------


class ProjectType(StrEnum):
    PROJECT = "โครงการ"
    ACTIVITY = "กิจกรรม"
    MEASURE = "มาตรการ"
    GUIDELINE = "แนวปฏิบัติ"


class Indicators(StrictModel):
    outputs: list[Prose] = Field(
        default_factory=list, description="ผลผลิต (output indicators, e.g. จำนวนผู้เข้าร่วม)"
    )
    outcomes: list[Prose] = Field(
        default_factory=list, description="ผลลัพธ์ (outcome indicators, e.g. ร้อยละของผู้เข้าร่วม)"
    )


class ProjectDetails(StrictModel):
    """ส่วนที่ ๓: what the project is, as its own page of the plan describes it."""

    rationale: list[Prose] = Field(
        min_length=1, description="หลักการและเหตุผล (why the project; one item per paragraph)"
    )
    objectives: list[Prose] = Field(min_length=1, description="วัตถุประสงค์ (objectives)")
    targets: list[Prose] = Field(min_length=1, description="เป้าหมาย/ผลผลิต (targets or outputs)")
    area: Prose = Field(description="พื้นที่ดำเนินการ (where it is carried out)")
    method: list[Prose] = Field(
        min_length=1, description="วิธีดำเนินการ (how, step by step; numbered by the compiler)"
    )
    period: Prose | None = Field(
        default=None,
        description="ระยะเวลาดำเนินการ (when); by default the fiscal years it has a budget for",
    )
    responsible: Prose = Field(description="ผู้รับผิดชอบโครงการ (who is responsible)")
    indicators: Indicators = Field(description="ตัวชี้วัด/ผลลัพธ์ (indicators: outputs, outcomes)")


def _type_input(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


class Project(StrictModel):
    id: StableId = Field(
        description="รหัสโครงการ (a stable id: letters, digits, '-', '_' or '.'; the follow-up "
        "reports and comparisons of versions refer to the project by it)"
    )
    type: Annotated[ProjectType | None, BeforeValidator(_type_input)] = Field(
        default=None,
        description="ประเภท (โครงการ, กิจกรรม, มาตรการ or แนวปฏิบัติ); by default the word the "
        "name starts with",
    )
    name: Prose = Field(description="ชื่อโครงการ/กิจกรรม/มาตรการ (the name)")
    budget: Annotated[
        dict[Year, Baht],
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "object", "additionalProperties": BAHT_SCHEMA},
                    {"const": NO_BUDGET},
                ]
            }
        ),
    ] = Field(
        description="งบประมาณ (บาท) (the budget of each fiscal year it runs, keyed by year, e.g. "
        "2562: 50,000; ไม่ใช้งบประมาณ for a year it runs without one; a year left out: it does "
        "not run that year); or just ไม่ใช้งบประมาณ: it runs every year without a budget"
    )
    note: Prose | None = Field(default=None, description="หมายเหตุ (a note in the last column)")
    details: ProjectDetails | None = Field(
        default=None, description="รายละเอียดโครงการ (the project's page in ส่วนที่ ๓)"
    )
    reason: Prose | None = Field(default=None, description=REASON_DESCRIPTION)

    @field_validator("budget", mode="before")
    @classmethod
    def _one_key_per_year(cls, value: Any) -> Any:
        return one_key_per_year(value, DUPLICATE_BUDGET_YEAR)

    @property
    def kind_of(self) -> ProjectType | None:
        """The project's type: as given, else the word its name starts with."""
        if self.type is not None:
            return self.type
        return next((t for t in ProjectType if self.name.startswith(t.value)), None)


def _code_input(value: Any) -> Any:
    text = number_input(value)
    text = text.rstrip(".") if isinstance(text, str) else text
    if isinstance(text, str) and not re.fullmatch(_CODE, text):
        raise MISSION_CODE()
    return text


_CODE = r"^[1-9][0-9]?(\.[1-9][0-9]?){1,2}$"
MissionCode = Annotated[
    str,
    BeforeValidator(_code_input),
    Field(description="รหัสภารกิจ (its number, e.g. 1.1 or 1.1.1)"),
    # An editor reads 1.1 as a number; the tool keeps what is typed as text.
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": _CODE}, {"type": "number"}]}),
]


class Mission(StrictModel):
    """ภารกิจตามมิติ: a mission of its มิติ, with sub-missions or projects under it."""

    mission: MissionCode = Field(
        description="ภารกิจ (its number in the round's catalogue, e.g. 1.1 or 1.1.1; a mission "
        "may stand straight under its มิติ or a mission above it, the missions between coming "
        "from the catalogue)"
    )
    title: Prose | None = Field(
        default=None,
        description="ชื่อภารกิจ (its wording; by default the catalogue's for the plan's round)",
    )
    missions: list[Mission] = Field(
        default_factory=list, description="ภารกิจย่อย (sub-missions, e.g. 1.1.1 under 1.1)"
    )
    projects: list[Project] = Field(
        default_factory=list, description="โครงการ/กิจกรรม/มาตรการ under this mission"
    )
    reason: Prose | None = Field(default=None, description=REASON_DESCRIPTION)


class Dimension(StrictModel):
    """มิติ: one of the plan's four dimensions."""

    dimension: Annotated[int, BeforeValidator(number_input)] = Field(
        ge=1, le=9, description="มิติที่ (its number in the round's catalogue, 1 to 4)"
    )
    title: Prose | None = Field(
        default=None,
        description="ชื่อมิติ (its wording; by default the catalogue's for the plan's round)",
    )
    missions: list[Mission] = Field(min_length=1, description="ภารกิจ (the missions)")


class ActionPlan(StrictModel):
    """แผนปฏิบัติการป้องกันการทุจริต: the NACC action plan, by มิติ, with budgets."""

    schema_version: Annotated[Literal[1], BeforeValidator(version_input)] = Field(
        description="รุ่นของรูปแบบไฟล์ (version of this file format); 1"
    )
    kind: Literal["action"] = Field(
        description="ชนิดเอกสาร (kind of document): action, the NACC action plan "
        "(แผนปฏิบัติการป้องกันการทุจริต)"
    )
    digits: Literal["thai", "arabic"] = Field(
        default="thai",
        description="ตัวเลข (digits in the documents): thai (เลขไทย, the default) or arabic",
    )
    round: Annotated[RoundName, BeforeValidator(_type_input)] | None = Field(
        default=None,
        description="รอบของแผน (the NACC round whose มิติ and ภารกิจ headings the plan follows: "
        "2561-2564, 2565 or 2566-2570); by default the round holding its fiscal years",
    )
    organization: Organization = Field(description="องค์กรปกครองส่วนท้องถิ่น (the organization)")
    fiscal_years: FiscalYears = Field(
        description="ปีงบประมาณ (the plan's fiscal years, a contiguous B.E. range)"
    )
    title: Prose = Field(
        default=DEFAULT_TITLE,
        description="ชื่อแผน (the plan's title, without organization or years); by default "
        f"{DEFAULT_TITLE}",
    )
    announcement: Announcement = Field(description="ประกาศ (the announcement that adopts the plan)")
    foreword: list[Prose] = Field(
        min_length=1, description="คำนำ (the foreword, one item per paragraph)"
    )
    introduction: Introduction = Field(description="ส่วนที่ ๑ บทนำ (the introduction)")
    dimensions: list[Dimension] = Field(
        min_length=1, description="มิติ (ส่วนที่ ๒: the dimensions with their missions and projects)"
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
        description="การแก้ไขแผน (the amendment this version of the plan makes); leave it out "
        "for the plan as first adopted",
    )

    @model_validator(mode="before")
    @classmethod
    def _every_year(cls, data: Any) -> Any:
        """``budget: ไม่ใช้งบประมาณ`` is the same in each of the plan's fiscal years: read it as
        that, on copies of the YAML's mappings (the checks read the YAML as written)."""
        years = _years(data)
        if years is None:
            return data

        def projects(mission: Any) -> Any:
            if not isinstance(mission, dict):
                return mission
            copied = dict(mission)
            if isinstance(mission.get("missions"), list):
                copied["missions"] = [projects(m) for m in mission["missions"]]
            if isinstance(mission.get("projects"), list):
                copied["projects"] = [_expanded(p, years) for p in mission["projects"]]
            return copied

        copied = dict(data)
        if isinstance(data.get("dimensions"), list):
            copied["dimensions"] = [projects(d) for d in data["dimensions"]]
        return copied

    @property
    def catalogue(self) -> Round | None:
        """The round whose headings the plan follows."""
        if self.round is not None:
            return ROUNDS[self.round]
        return round_for(self.fiscal_years.first, self.fiscal_years.last)

    @property
    def signatory_position(self) -> str:
        return self.announcement.signatory.position or self.organization.executive_title

    def missions(self) -> Iterator[tuple[DataPath, Mission]]:
        """Every mission, sub-missions after their parent, with its path."""

        def walk(path: DataPath, missions: list[Mission]) -> Iterator[tuple[DataPath, Mission]]:
            for m, mission in enumerate(missions):
                here: DataPath = (*path, "missions", m)
                yield here, mission
                yield from walk(here, mission.missions)

        for d, dimension in enumerate(self.dimensions):
            yield from walk(("dimensions", d), dimension.missions)

    def projects(self) -> Iterator[tuple[DataPath, Project]]:
        """Every project in reading order, with its path."""
        for path, mission in self.missions():
            for p, project in enumerate(mission.projects):
                yield (*path, "projects", p), project


def _years(data: Any) -> range | None:
    """The fiscal years the raw data gives, if it gives them plainly."""
    try:
        first, last = (int(number_input(data["fiscal_years"][key])) for key in ("first", "last"))
    except (KeyError, TypeError, ValueError):
        return None
    return range(first, last + 1) if 0 < last - first < 20 or first == last else None


def _expanded(project: Any, years: range) -> Any:
    budget = project.get("budget") if isinstance(project, dict) else None
    if not isinstance(budget, str) or compose_sara_am(budget.strip()) != NO_BUDGET:
        return project
    return {**project, "budget": dict.fromkeys(map(str, years), NO_BUDGET)}


# --- rules across fields -----------------------------------------------------------------------


def rule_violations(plan: ActionPlan) -> Iterator[Violation]:
    """Problems no single field can see (see ``common.types.Violation``)."""
    years = plan.fiscal_years
    problems = list(years.violations())
    if problems:
        yield from problems
        return
    catalogue = plan.catalogue
    if catalogue is None:
        yield (
            ("fiscal_years",),
            tr(
                "no NACC round holds the fiscal years {first}-{last}; write 'round:' "
                "({rounds}) to say whose headings the plan follows",
                first=years.first,
                last=years.last,
                rounds=", ".join(ROUND_NAMES),
            ),
            False,
        )
    elif not catalogue.first <= years.first <= years.last <= catalogue.last:
        yield (
            ("round",),
            tr(
                "the round {round} covers {round_first}-{round_last}; the plan's fiscal years "
                "are {first}-{last}",
                round=catalogue.name,
                round_first=catalogue.first,
                round_last=catalogue.last,
                first=years.first,
                last=years.last,
            ),
            False,
        )
    yield from _dimensions(plan, catalogue)
    yield from _budget_years(plan)
    yield from duplicate_ids(((*path, "id"), project.id) for path, project in plan.projects())


def _dimensions(plan: ActionPlan, catalogue: Round | None) -> Iterator[Violation]:
    seen: dict[int, int] = {}
    for d, dimension in enumerate(plan.dimensions):
        path: DataPath = ("dimensions", d)
        if dimension.dimension in seen:
            yield (
                (*path, "dimension"),
                tr(
                    "มิติที่ {number} is already written at dimensions[{index}]; put its "
                    "missions together under one",
                    number=dimension.dimension,
                    index=seen[dimension.dimension],
                ),
                False,
            )
        seen.setdefault(dimension.dimension, d)
        code = str(dimension.dimension)
        if dimension.title is None and (catalogue is None or code not in catalogue.headings):
            yield (
                path,
                tr(
                    "มิติที่ {number} has no heading in the round's catalogue; write its 'title:'",
                    number=code,
                ),
                False,
            )
        yield from _missions(path, code, dimension.missions, catalogue)


def _missions(
    path: DataPath, parent: str, missions: list[Mission], catalogue: Round | None
) -> Iterator[Violation]:
    codes: dict[str, int] = {}
    for m, mission in enumerate(missions):
        here: DataPath = (*path, "missions", m)
        code = mission.mission
        if not code.startswith(f"{parent}."):
            yield (
                (*here, "mission"),
                tr(
                    "ภารกิจ {code} cannot stand under {parent_name}; its number must start "
                    "with {parent}. (e.g. {parent}.1)",
                    code=code,
                    parent_name=_name(parent),
                    parent=parent,
                ),
                False,
            )
        else:
            yield from _implied(here, parent, code, missions, catalogue)
        if code in codes:
            yield (
                (*here, "mission"),
                tr(
                    "ภารกิจ {code} is already written at missions[{index}]",
                    code=code,
                    index=codes[code],
                ),
                False,
            )
        codes.setdefault(code, m)
        if mission.title is None and (catalogue is None or code not in catalogue.headings):
            if catalogue is None:
                message = tr(
                    "ภารกิจ {code} has no heading without a round's catalogue; write its 'title:'",
                    code=code,
                )
            else:
                message = tr(
                    "ภารกิจ {code} is not in the {round} round's catalogue; write its 'title:'",
                    code=code,
                    round=catalogue.name,
                )
            yield here, message, False
        if not mission.missions and not mission.projects:
            yield (
                here,
                tr(
                    "ภารกิจ {code} holds no sub-mission and no project; add 'projects:' or "
                    "remove it",
                    code=code,
                ),
                False,
            )
        yield from _missions(here, code, mission.missions, catalogue)


def _implied(
    path: DataPath, parent: str, code: str, siblings: list[Mission], catalogue: Round | None
) -> Iterator[Violation]:
    """A mission written deeper than one level below its parent (1.1.1 straight under มิติที่
    ๑) stands under the missions between, whose headings the catalogue gives."""
    written = {mission.mission for mission in siblings}
    parts = code.split(".")
    for depth in range(len(parent.split(".")) + 1, len(parts)):
        between = ".".join(parts[:depth])
        if between in written:
            yield (
                (*path, "mission"),
                tr(
                    "ภารกิจ {between} is written beside it; put ภารกิจ {code} under it",
                    between=between,
                    code=code,
                ),
                False,
            )
        elif catalogue is None or between not in catalogue.headings:
            yield (
                (*path, "mission"),
                tr(
                    "ภารกิจ {code} stands under ภารกิจ {between}, which the round's catalogue "
                    "does not name: write ภารกิจ {between} with its 'title:' and put {code} "
                    "under it",
                    code=code,
                    between=between,
                ),
                False,
            )


def _name(code: str) -> str:
    return f"มิติที่ {code}" if "." not in code else f"ภารกิจ {code}"


def _budget_years(plan: ActionPlan) -> Iterator[Violation]:
    years = plan.fiscal_years
    expected = set(years.years)
    for path, project in plan.projects():
        for extra in sorted(project.budget.keys() - expected):
            yield (
                (*path, "budget", str(extra)),
                tr(
                    "{year} is not one of the plan's fiscal years ({first}-{last})",
                    year=extra,
                    first=years.first,
                    last=years.last,
                ),
                True,
            )
        if project.kind_of is None:
            yield (
                (*path, "name"),
                tr(
                    "the name does not say what this is: start it with โครงการ, กิจกรรม, "
                    "มาตรการ or แนวปฏิบัติ, or write 'type:'"
                ),
                False,
            )
