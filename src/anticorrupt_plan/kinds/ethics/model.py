"""The plan's meaning as strict Pydantic models, and the rules that span several fields.

Each field's description names the Thai term a clerk knows it by; ``plan schema`` turns
these models into the JSON Schema that editors use for completion. What can be derived
(the organization's full name, the executive's title, the list of fiscal years) is a
property here, written once in the YAML.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import PydanticCustomError

from anticorrupt_plan.core.errors import DataPath, format_path
from anticorrupt_plan.core.thai import arabic_digits, ce_year, compose_sara_am

SCHEMA_VERSION = 1

# Plans are dated in the Buddhist Era. Years outside this window are typing slips, and years
# that look Christian-Era get a message saying so.
FIRST_BE_YEAR = 2400
LAST_BE_YEAR = 2800
MAX_FISCAL_YEARS = 10


# --- shared constraints --------------------------------------------------------------------

# Characters a document cannot hold: C0 controls but tab and newline, DEL, C1 controls,
# lone surrogates and the non-characters U+FFFE/U+FFFF. They arrive in double-quoted YAML
# escapes or text pasted from other programs; XML refuses most of them outright.
_FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _strip(value: Any) -> Any:
    return compose_sara_am(value.strip()) if isinstance(value, str) else value


def _check_text(value: str) -> str:
    if not value:
        raise PydanticCustomError("blank_text", "text must not be blank")
    bad = _FORBIDDEN_CHARS.search(value)
    if bad:
        raise PydanticCustomError(
            "control_character",
            "contains the control character U+{code} at character {index}, which a document "
            "cannot hold (it usually comes from pasting out of another program); delete it",
            {"code": f"{ord(bad.group()):04X}", "index": bad.start() + 1},
        )
    return value


Text = Annotated[str, BeforeValidator(_strip), AfterValidator(_check_text)]


def _number_input(value: Any) -> Any:
    """A number as typed: Thai digits read as Arabic ones, surrounding spaces dropped."""
    return arabic_digits(value).strip() if isinstance(value, str) else value


def _check_be_year(value: int) -> int:
    if 1800 <= value < FIRST_BE_YEAR:
        raise PydanticCustomError(
            "christian_era_year",
            "{year} looks like a Christian-Era year; plans use the Buddhist Era "
            "(C.E. + 543 = {be})",
            {"year": value, "be": value + 543},
        )
    if not FIRST_BE_YEAR <= value <= LAST_BE_YEAR:
        raise PydanticCustomError(
            "be_year_range",
            "{year} is not a plausible Buddhist-Era year (expected {low}-{high})",
            {"year": value, "low": FIRST_BE_YEAR, "high": LAST_BE_YEAR},
        )
    return value


Year = Annotated[
    int,
    BeforeValidator(_number_input),
    AfterValidator(_check_be_year),
    Field(description="ปี พ.ศ. (a Buddhist-Era year, e.g. 2562)"),
]

_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")  # how Thai forms write dates


def _parse_be_date(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("be_date_type", "expected a date written YYYY-MM-DD")
    match = _DATE.fullmatch(arabic_digits(value).strip())
    if not match:
        day_first = _DAY_FIRST.fullmatch(arabic_digits(value).strip())
        hint = ""
        if day_first:
            day, month, year = day_first.groups()
            hint = f"; did you mean {year}-{int(month):02d}-{int(day):02d}?"
        raise PydanticCustomError(
            "be_date_format",
            "expected a Buddhist-Era date written YYYY-MM-DD, e.g. 2561-10-18; found {value}{hint}",
            {"value": repr(value), "hint": hint},
        )
    year, month, day = (int(part) for part in match.groups())
    _check_be_year(year)
    try:
        return datetime.date(ce_year(year), month, day)
    except ValueError:
        raise PydanticCustomError(
            "be_date_calendar",
            "{value} is not a real calendar date",
            {"value": value},
        ) from None


BEDate = Annotated[
    datetime.date,
    BeforeValidator(_parse_be_date),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^[0-9๐-๙]{4}-[0-9๐-๙]{1,2}-[0-9๐-๙]{1,2}$",
            "examples": ["2561-10-18"],
        }
    ),
]

StableId = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=64)]
_ID_DESCRIPTION = (
    "รหัสอ้างอิง (an optional stable id: letters, digits, '-', '_' or '.', so that a revision "
    "comparison follows this item when it is moved or renumbered)"
)


def _version_input(value: Any) -> Any:
    return int(value) if isinstance(value, str) and value.strip().isdigit() else value


class _Model(BaseModel):
    """Strict by default: unknown keys are errors and a validated plan never changes."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- the organization ----------------------------------------------------------------------


class OrganizationKind(StrEnum):
    """The kinds of local administrative organization (องค์กรปกครองส่วนท้องถิ่น)."""

    SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION = "องค์การบริหารส่วนตำบล"
    SUBDISTRICT_MUNICIPALITY = "เทศบาลตำบล"
    TOWN_MUNICIPALITY = "เทศบาลเมือง"
    CITY_MUNICIPALITY = "เทศบาลนคร"
    PROVINCIAL_ADMINISTRATIVE_ORGANIZATION = "องค์การบริหารส่วนจังหวัด"


class Organization(_Model):
    kind: Annotated[OrganizationKind, BeforeValidator(_strip)] = Field(
        description="ประเภทขององค์กรปกครองส่วนท้องถิ่น (kind of local administrative "
        "organization), e.g. องค์การบริหารส่วนตำบล"
    )
    name: Text = Field(description="ชื่อองค์กร (the name alone, without its kind), e.g. ทุ่งทอง")
    district: Text | None = Field(
        default=None,
        description="อำเภอ (district, without the word อำเภอ), e.g. ท่าม่วง; "
        "may be left out for an องค์การบริหารส่วนจังหวัด",
    )
    province: Text = Field(description="จังหวัด (province, without the word จังหวัด), e.g. กาญจนบุรี")

    @field_validator("name", "district", "province")
    @classmethod
    def _without_prefix(cls, value: str | None, info: ValidationInfo) -> str | None:
        # A clerk often writes the whole name; the prefix is added when the name is shown.
        prefixes = {
            "name": [k.value for k in OrganizationKind],
            "district": ["อำเภอ"],
            "province": ["จังหวัด"],
        }[info.field_name or "name"]
        for prefix in prefixes:
            if value and value.startswith(prefix) and value != prefix:
                raise PydanticCustomError(
                    "redundant_prefix",
                    "write the {field} without {prefix}; the documents add it: {rest}",
                    {
                        "field": info.field_name,
                        "prefix": repr(prefix),
                        "rest": repr(value[len(prefix) :].strip()),
                    },
                )
        return value

    @property
    def full_name(self) -> str:
        """The name as headings write it: ``องค์การบริหารส่วนตำบลทุ่งทอง``."""
        return f"{self.kind.value}{self.name}"

    @property
    def executive_title(self) -> str:
        """The executive's position: ``นายกองค์การบริหารส่วนตำบลทุ่งทอง``, ``นายกเทศมนตรีตำบล...``."""
        if self.kind.value.startswith("เทศบาล"):
            return f"นายกเทศมนตรี{self.kind.value.removeprefix('เทศบาล')}{self.name}"
        return f"นายก{self.full_name}"


class FiscalYears(_Model):
    first: Year = Field(description="ปีงบประมาณแรก (first fiscal year, B.E.), e.g. 2562")
    last: Year = Field(description="ปีงบประมาณสุดท้าย (last fiscal year, B.E.), e.g. 2564")

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.first, self.last + 1))


# --- the announcement and narrative ----------------------------------------------------------


class Signatory(_Model):
    name: Text = Field(description="ชื่อผู้ลงนาม (the signatory's name with title), e.g. นายไพฑูรย์ สุขดี")
    position: Text | None = Field(
        default=None,
        description="ตำแหน่ง (position under the signature); by default the executive of "
        "the organization, e.g. นายกองค์การบริหารส่วนตำบลทุ่งทอง",
    )


class Announcement(_Model):
    subject: Text | None = Field(
        default=None,
        description="เรื่อง (the announcement's subject line); by default the plan's title",
    )
    body: list[Text] = Field(
        min_length=1, description="ข้อความประกาศ (the announcement's paragraphs)"
    )
    date: BEDate = Field(
        description="วันที่ประกาศ (date of the announcement, B.E., YYYY-MM-DD), e.g. 2561-10-18"
    )
    signatory: Signatory = Field(description="ผู้ลงนาม (who signs the announcement)")
    emblem: Text | None = Field(
        default=None,
        description="ตราครุฑ (the emblem printed 3 cm high at the top of the announcement: "
        "a PNG or JPEG file, its path relative to the plan file); none is bundled",
    )


class NationalStrategy(_Model):
    intro: Text = Field(
        description="สรุปสาระสำคัญยุทธศาสตร์ชาติ (the sentence that introduces the summary "
        "of the national anti-corruption strategy)"
    )
    strategies: list[Text] = Field(
        min_length=1,
        description="ยุทธศาสตร์ (the national strategies in order; numbered ยุทธศาสตร์ที่ ๑, ๒, ... "
        "by the compiler)",
    )


class Objectives(_Model):
    intro: Text = Field(description="ข้อความนำ (the paragraph that leads to the objectives)")
    items: list[Text] = Field(
        min_length=1,
        description="วัตถุประสงค์ (the plan's objectives in order; numbered by the compiler)",
    )


# --- the matrix ------------------------------------------------------------------------------

# Why an item was amended. It belongs to the amendment, not to the plan: the plan's documents
# never show it, and changing it alone is no change to the plan.
_REASON_DESCRIPTION = (
    "เหตุผล (why this item is changed in the current amendment; shown in the เหตุผล column "
    "of the comparison with the previous version, never in the plan itself)"
)


def _same_number(key: Any) -> Any:
    """``key`` as the number it means, so 2567, "๒๕๖๗", "02567" and "2567.0" compare equal."""
    text = _number_input(key)
    try:
        number = float(text)
    except (TypeError, ValueError):
        return text
    return int(number) if number.is_integer() else number


class Row(_Model):
    objective: Text = Field(description="(๑) วัตถุประสงค์ (objective)")
    indicator: Text = Field(description="(๒) ตัวชี้วัด (indicator)")
    targets: dict[Year, Text] = Field(
        description="(๓) ค่าเป้าหมายตัวชี้วัด (target values): exactly one per fiscal year, "
        "keyed by the B.E. year, e.g. 2562: ร้อยละ ๘๐"
    )
    project: Text = Field(description="(๔) โครงการ/กิจกรรม (project or activity)")
    steps: list[Text] = Field(
        default_factory=list,
        description="(๕) แนวทางปฏิบัติ (steps of practice, in order; numbered by the compiler)",
    )
    reason: Text | None = Field(default=None, description=_REASON_DESCRIPTION)

    @field_validator("targets", mode="before")
    @classmethod
    def _one_key_per_year(cls, value: Any) -> Any:
        # "2562" and "๒๕๖๒" are one year: a mapping would silently keep only the last.
        if isinstance(value, dict):
            seen: dict[Any, Any] = {}
            for key in value:
                year = _same_number(key)
                if year in seen:
                    raise PydanticCustomError(
                        "duplicate_year",
                        "the year {year} has two targets, written {first} and {second}; keep one",
                        {"year": year, "first": repr(seen[year]), "second": repr(key), "key": key},
                    )
                seen[year] = key
        return value


class Measure(_Model):
    id: StableId | None = Field(default=None, description=_ID_DESCRIPTION)
    title: Text = Field(description="มาตรการ (the measure)")
    rows: list[Row] = Field(
        min_length=1, description="แถวของตาราง (the table rows under this measure)"
    )
    reason: Text | None = Field(default=None, description=_REASON_DESCRIPTION)


class Goal(_Model):
    id: StableId | None = Field(default=None, description=_ID_DESCRIPTION)
    goal: Text = Field(description="เป้าประสงค์หลัก (main goal)")
    strategy: Text = Field(description="ยุทธศาสตร์ (the strategy serving this goal)")
    strategy_indicator: Text = Field(description="ตัวชี้วัดยุทธศาสตร์ (strategy indicator)")
    tactic: Text = Field(description="กลยุทธ์หลัก (main tactic)")
    measures: list[Measure] = Field(min_length=1, description="มาตรการ (measures)")
    reason: Text | None = Field(default=None, description=_REASON_DESCRIPTION)


class Amendment(_Model):
    number: Annotated[int, BeforeValidator(_number_input)] = Field(
        ge=1, description="ครั้งที่ (the amendment's number: 1 for the first amendment)"
    )
    date: BEDate | None = Field(
        default=None,
        description="วันที่แก้ไข (date the amendment was approved, B.E., YYYY-MM-DD), e.g. 2562-06-01",
    )
    reason: Text | None = Field(
        default=None,
        description="เหตุผล (the reason for the amendment as a whole; shown for every change "
        "whose item records no reason of its own)",
    )


# --- the page layout of the DOCX ---------------------------------------------------------------


Centimetres = Annotated[float, BeforeValidator(_number_input), Field(ge=0, le=5)]
Points = Annotated[float, BeforeValidator(_number_input), Field(ge=8, le=72, multiple_of=0.5)]


class Margins(_Model):
    left: Centimetres | None = Field(
        default=None, description="ขอบซ้าย (left margin, cm); 3 in the reference document"
    )
    right: Centimetres | None = Field(
        default=None, description="ขอบขวา (right margin, cm); 2 in the reference document"
    )
    top: Centimetres | None = Field(
        default=None, description="ขอบบน (top margin, cm); 2.5 in the reference document"
    )
    bottom: Centimetres | None = Field(
        default=None, description="ขอบล่าง (bottom margin, cm); 2 in the reference document"
    )


class Layout(_Model):
    """รูปแบบเอกสาร: what the plan sets over templates/reference.docx; left out, the
    reference document decides."""

    margins: Margins = Field(
        default_factory=Margins, description="ระยะขอบกระดาษ (page margins in cm)"
    )
    font: Text | None = Field(
        default=None,
        description="แบบอักษร (font of all text, Thai and Latin); TH SarabunIT๙ in the "
        "reference document",
    )
    font_size: Points | None = Field(
        default=None,
        description="ขนาดตัวอักษร (size of the text in points, in steps of 0.5; headings and "
        "the cover keep their own sizes); 16 in the reference document",
    )


# --- settings for plan check ----------------------------------------------------------------

RuleId = Annotated[
    str,
    Field(
        pattern=r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$",
        description="รหัสกฎ (a rule id as 'plan check --list-rules' prints it, e.g. DOUBLED)",
    ),
]


class Acceptance(_Model):
    rule: RuleId
    path: str = Field(
        min_length=1,
        description="ตำแหน่ง (where the finding is, as 'plan check' prints it, e.g. "
        "announcement.subject)",
    )
    text: str | None = Field(
        default=None,
        min_length=1,
        description="ข้อความ (the flagged text, as in 'plan check --format json'; only needed "
        "when the place has several findings of the rule and only one is accepted)",
    )
    reason: Text = Field(description="เหตุผล (why the text is right as it is written)")


class CheckSettings(_Model):
    disable: list[RuleId] = Field(
        default_factory=list, description="กฎที่ไม่ใช้ (rules switched off for this plan)"
    )
    accept: list[Acceptance] = Field(
        default_factory=list,
        description="ข้อยกเว้น (findings accepted as written, each with its reason)",
    )


class Plan(_Model):
    """แผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและป้องกันการทุจริต: the whole plan."""

    schema_version: Annotated[Literal[1], BeforeValidator(_version_input)] = Field(
        description="รุ่นของรูปแบบไฟล์ (version of this file format); 1"
    )
    digits: Literal["thai", "arabic"] = Field(
        default="thai",
        description="ตัวเลข (digits in the documents): thai (เลขไทย, the default) or arabic",
    )
    organization: Organization = Field(description="องค์กรปกครองส่วนท้องถิ่น (the organization)")
    fiscal_years: FiscalYears = Field(
        description="ปีงบประมาณ (the plan's fiscal years, a contiguous B.E. range)"
    )
    title: Text = Field(
        description="ชื่อแผน (the plan's title, without organization or years), e.g. "
        "แผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและการป้องกันการทุจริต"
    )
    announcement: Announcement = Field(description="ประกาศ (the announcement that adopts the plan)")
    rationale: list[Text] = Field(
        min_length=1, description="หลักการเหตุผล (rationale, one item per paragraph)"
    )
    national_strategy: NationalStrategy = Field(
        description="ยุทธศาสตร์ชาติว่าด้วยการป้องกันและปราบปรามการทุจริต (national strategy summary)"
    )
    objectives: Objectives = Field(description="วัตถุประสงค์ (the plan's objectives)")
    preparation_steps: list[Text] = Field(
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


def rule_violations(plan: Plan) -> Iterator[tuple[DataPath, str, bool]]:
    """Problems no single field can see: ``(path, message, at_key)`` for each.

    ``at_key`` says the problem is best pointed at the key itself (an extra year) rather than
    at the value (a row whose targets miss a year).
    """
    years = plan.fiscal_years
    if years.last < years.first:
        yield (
            ("fiscal_years", "last"),
            f"the last fiscal year {years.last} is before the first {years.first}",
            False,
        )
        return
    if len(years.years) > MAX_FISCAL_YEARS:
        yield (
            ("fiscal_years", "last"),
            f"{len(years.years)} fiscal years; a plan covers at most {MAX_FISCAL_YEARS}",
            False,
        )
        return
    expected = set(years.years)
    rows = [row for goal in plan.goals for measure in goal.measures for row in measure.rows]
    written = {year for row in rows for year in row.targets}
    if written and not written & expected:
        # One slip in fiscal_years would otherwise be reported once for every target row.
        yield (
            ("fiscal_years",),
            f"no target is written for {years.first}-{years.last}: the targets give "
            f"{min(written)}-{max(written)}; is fiscal_years mistyped?",
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
                    yield (
                        path,
                        f"no target for fiscal year {listed}; each year "
                        f"{years.first}-{years.last} needs one",
                        False,
                    )
                for extra in sorted(row.targets.keys() - expected):
                    yield (
                        (*path, str(extra)),
                        f"{extra} is not one of the plan's fiscal years "
                        f"({years.first}-{years.last})",
                        True,
                    )
    yield from _duplicate_ids(plan)


def _duplicate_ids(plan: Plan) -> Iterator[tuple[DataPath, str, bool]]:
    seen: dict[str, DataPath] = {}
    for g, goal in enumerate(plan.goals):
        items: list[tuple[DataPath, str | None]] = [(("goals", g, "id"), goal.id)]
        items += [(("goals", g, "measures", m, "id"), ms.id) for m, ms in enumerate(goal.measures)]
        for path, item_id in items:
            if item_id is None:
                continue
            if item_id in seen:
                yield path, f"id {item_id!r} is already used by {format_path(seen[item_id])}", False
            else:
                seen[item_id] = path
