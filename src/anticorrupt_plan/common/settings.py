"""What a document sets besides its content: page layout, check settings, the amendment."""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field

from anticorrupt_plan.common.types import BEDate, Prose, StrictModel, Text, number_input


class Amendment(StrictModel):
    number: Annotated[int, BeforeValidator(number_input)] = Field(
        ge=1, description="ครั้งที่ (the amendment's number: 1 for the first amendment)"
    )
    date: BEDate | None = Field(
        default=None,
        description="วันที่แก้ไข (date the amendment was approved, B.E., YYYY-MM-DD), e.g. 2562-06-01",
    )
    reason: Prose | None = Field(
        default=None,
        description="เหตุผล (the reason for the amendment as a whole; shown for every change "
        "whose item records no reason of its own)",
    )


Centimetres = Annotated[float, BeforeValidator(number_input), Field(ge=0, le=5)]
Points = Annotated[float, BeforeValidator(number_input), Field(ge=8, le=72, multiple_of=0.5)]


class Margins(StrictModel):
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


class Layout(StrictModel):
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


class Acceptance(StrictModel):
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


class CheckSettings(StrictModel):
    disable: list[RuleId] = Field(
        default_factory=list, description="กฎที่ไม่ใช้ (rules switched off for this plan)"
    )
    accept: list[Acceptance] = Field(
        default_factory=list,
        description="ข้อยกเว้น (findings accepted as written, each with its reason)",
    )
