"""Who a document belongs to and when: the organization, its fiscal years, the announcement."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator

from anticorrupt_plan.common.types import (
    BEDate,
    Prose,
    StrictModel,
    Text,
    Violation,
    Year,
    strip_text,
    user_error,
)
from anticorrupt_plan.core.i18n import mark, tr

REDUNDANT_PREFIX = user_error(
    "redundant_prefix",
    mark("write the {field} without {prefix}; the documents add it: {rest}"),
)


class OrganizationKind(StrEnum):
    """The kinds of local administrative organization (องค์กรปกครองส่วนท้องถิ่น)."""

    SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION = "องค์การบริหารส่วนตำบล"
    SUBDISTRICT_MUNICIPALITY = "เทศบาลตำบล"
    TOWN_MUNICIPALITY = "เทศบาลเมือง"
    CITY_MUNICIPALITY = "เทศบาลนคร"
    PROVINCIAL_ADMINISTRATIVE_ORGANIZATION = "องค์การบริหารส่วนจังหวัด"


ABBREVIATED_KIND = user_error(
    "abbreviated_kind",
    mark("{found} is short for {kind}: write it in full, as the documents print it"),
)
# How clerks shorten the kinds (written with or without their dots).
ABBREVIATIONS = {
    "อบต": OrganizationKind.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION,
    "ทต": OrganizationKind.SUBDISTRICT_MUNICIPALITY,
    "ทม": OrganizationKind.TOWN_MUNICIPALITY,
    "ทน": OrganizationKind.CITY_MUNICIPALITY,
    "อบจ": OrganizationKind.PROVINCIAL_ADMINISTRATIVE_ORGANIZATION,
}


def abbreviated_kind(text: str) -> OrganizationKind | None:
    """The kind ``text`` abbreviates (อบต, อบต., อ.บ.ต.), if any."""
    return ABBREVIATIONS.get(text.replace(".", "").replace(" ", ""))


def _kind_in_full(value: object) -> object:
    """The kind as written, told its full name when it is one of its abbreviations."""
    value = strip_text(value)
    if isinstance(value, str):
        full = abbreviated_kind(value)
        if full is not None:
            raise ABBREVIATED_KIND(found=repr(value), kind=repr(full.value))
    return value


class Organization(StrictModel):
    kind: Annotated[OrganizationKind, BeforeValidator(_kind_in_full)] = Field(
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
                raise REDUNDANT_PREFIX(
                    field=info.field_name,
                    prefix=repr(prefix),
                    rest=repr(value[len(prefix) :].strip()),
                )
        return value

    @property
    def full_name(self) -> str:
        """The name as headings write it: ``องค์การบริหารส่วนตำบลทุ่งทอง``."""
        return f"{self.kind.value}{self.name}"

    @property
    def place(self) -> str:
        """Where it is, as covers write it: ``อำเภอท่าม่วง จังหวัดกาญจนบุรี``."""
        district = f"อำเภอ{self.district} " if self.district else ""
        return f"{district}จังหวัด{self.province}"

    @property
    def executive_title(self) -> str:
        """The executive's position: ``นายกองค์การบริหารส่วนตำบลทุ่งทอง``, ``นายกเทศมนตรีตำบล...``."""
        if self.kind.value.startswith("เทศบาล"):
            return f"นายกเทศมนตรี{self.kind.value.removeprefix('เทศบาล')}{self.name}"
        return f"นายก{self.full_name}"


MAX_FISCAL_YEARS = 10


class FiscalYears(StrictModel):
    first: Year = Field(description="ปีงบประมาณแรก (first fiscal year, B.E.), e.g. 2562")
    last: Year = Field(description="ปีงบประมาณสุดท้าย (last fiscal year, B.E.), e.g. 2564")

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.first, self.last + 1))

    def violations(self) -> Iterator[Violation]:
        """The range's own problems: backwards, or longer than any plan."""
        if self.last < self.first:
            yield (
                ("fiscal_years", "last"),
                tr(
                    "the last fiscal year {last} is before the first {first}",
                    last=self.last,
                    first=self.first,
                ),
                False,
            )
        elif len(self.years) > MAX_FISCAL_YEARS:
            yield (
                ("fiscal_years", "last"),
                tr(
                    "{count} fiscal years; a plan covers at most {limit}",
                    count=len(self.years),
                    limit=MAX_FISCAL_YEARS,
                ),
                False,
            )


class Signatory(StrictModel):
    name: Prose = Field(description="ชื่อผู้ลงนาม (the signatory's name with title), e.g. นายไพฑูรย์ สุขดี")
    position: Prose | None = Field(
        default=None,
        description="ตำแหน่ง (position under the signature); by default the executive of "
        "the organization, e.g. นายกองค์การบริหารส่วนตำบลทุ่งทอง",
    )


class Announcement(StrictModel):
    subject: Prose | None = Field(
        default=None,
        description="เรื่อง (the announcement's subject line); by default from the plan's title",
    )
    body: list[Prose] = Field(
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
