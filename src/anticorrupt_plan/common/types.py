"""The vocabulary every document kind shares: validated text, years, dates, ids, money.

Each type carries its own rules (a Buddhist-Era year, a real B.E. date, text without control
characters), so a kind's model declares its fields with these and says nothing more about them.
``Prose`` marks the free text a person writes, which ``plan check`` reads; ``Text`` is text
that names or settles something (a name, a path, a setting) and is not checked as writing.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from anticorrupt_plan.core.errors import DataPath, format_path
from anticorrupt_plan.core.i18n import mark, tr
from anticorrupt_plan.core.thai import arabic_digits, ce_year, compose_sara_am

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class UserError:
    """A kind of validation error a plan's author can cause, worded once: ``template`` is
    marked for the catalogue, and ``app.validate`` translates the error by its type, filling
    the template from its context (and ``{found}``, the value as found, from its input)."""

    type: str
    template: str

    def __call__(self, **context: Any) -> PydanticCustomError:
        return PydanticCustomError(self.type, self.template, context)


# Every UserError by its type, as defined by the models' modules when they are imported.
USER_ERRORS: dict[str, UserError] = {}


def user_error(type: str, template: str) -> UserError:
    """Define a validation error of ``type`` worded by ``template`` (marked for the catalogue)."""
    error = UserError(type, template)
    if USER_ERRORS.setdefault(type, error) != error:
        raise ValueError(f"two validation errors are called {type!r}")  # a bug, not input
    return error


BLANK_TEXT = user_error("blank_text", mark("text must not be blank"))
CONTROL_CHARACTER = user_error(
    "control_character",
    mark(
        "contains the control character U+{code} at character {index}, which a document "
        "cannot hold (it usually comes from pasting out of another program); delete it"
    ),
)
CHRISTIAN_ERA_YEAR = user_error(
    "christian_era_year",
    mark(
        "{year} looks like a Christian-Era year; plans use the Buddhist Era "
        "(C.E. + 543 = {be}): write {be}"
    ),
)
SHORT_YEAR = user_error(
    "short_year",
    mark("{year} is not a whole year: write the Buddhist-Era year in full, e.g. {full}"),
)
BE_YEAR_RANGE = user_error(
    "be_year_range",
    mark("{year} is not a plausible Buddhist-Era year (expected {low}-{high})"),
)
BE_DATE_TYPE = user_error(
    "be_date_type", mark("expected a date written YYYY-MM-DD, e.g. 2561-10-18; found {found}")
)
BE_DATE_FORMAT = user_error(
    "be_date_format",
    mark("expected a Buddhist-Era date written YYYY-MM-DD, e.g. 2561-10-18; found {value}"),
)
BE_DATE_DAY_FIRST = user_error(
    "be_date_day_first",
    mark(
        "expected a Buddhist-Era date written YYYY-MM-DD, e.g. 2561-10-18; found {value}; "
        "did you mean {suggestion}?"
    ),
)
BE_DATE_CALENDAR = user_error("be_date_calendar", mark("{value} is not a real calendar date"))
BAHT_ZERO = user_error(
    "baht_zero",
    mark(
        "0 baht: write ไม่ใช้งบประมาณ for a project carried out without a budget, "
        "or leave the year out if the project does not run that year"
    ),
)
BAHT_TOO_LARGE = user_error("baht_too_large", mark("{value} baht is not a plausible budget"))
BAHT_FORMAT = user_error(
    "baht_format",
    mark(
        "{found} is not an amount in whole baht: write digits, e.g. 50000 or 50,000 (Thai "
        "digits too), or ไม่ใช้งบประมาณ"
    ),
)

# Plans are dated in the Buddhist Era. Years outside this window are typing slips, and years
# that look Christian-Era get a message saying so.
FIRST_BE_YEAR = 2400
LAST_BE_YEAR = 2800

# Characters a document cannot hold: C0 controls but tab and newline, DEL, C1 controls,
# lone surrogates and the non-characters U+FFFE/U+FFFF. They arrive in double-quoted YAML
# escapes or text pasted from other programs; XML refuses most of them outright.
_FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def strip_text(value: Any) -> Any:
    return compose_sara_am(value.strip()) if isinstance(value, str) else value


def _check_text(value: str) -> str:
    if not value:
        raise BLANK_TEXT()
    bad = _FORBIDDEN_CHARS.search(value)
    if bad:
        raise CONTROL_CHARACTER(code=f"{ord(bad.group()):04X}", index=bad.start() + 1)
    return value


Text = Annotated[str, BeforeValidator(strip_text), AfterValidator(_check_text)]


class ProseMarker:
    """Marks a text type as prose: somebody's writing, which the checks read."""

    def __repr__(self) -> str:
        return "PROSE"


PROSE = ProseMarker()
Prose = Annotated[str, BeforeValidator(strip_text), AfterValidator(_check_text), PROSE]


def number_input(value: Any) -> Any:
    """A number as typed: Thai digits read as Arabic ones, surrounding spaces dropped."""
    return arabic_digits(value).strip() if isinstance(value, str) else value


def check_be_year(value: int) -> int:
    if 0 <= value < 100:  # 66 for 2566, as dates are often written
        raise SHORT_YEAR(year=value, full=2500 + value)
    if 1800 <= value < FIRST_BE_YEAR:
        raise CHRISTIAN_ERA_YEAR(year=value, be=value + 543)
    if not FIRST_BE_YEAR <= value <= LAST_BE_YEAR:
        raise BE_YEAR_RANGE(year=value, low=FIRST_BE_YEAR, high=LAST_BE_YEAR)
    return value


Year = Annotated[
    int,
    BeforeValidator(number_input),
    AfterValidator(check_be_year),
    Field(description="ปี พ.ศ. (a Buddhist-Era year, e.g. 2562)"),
]

_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")  # how Thai forms write dates


def _parse_be_date(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        raise BE_DATE_TYPE()
    match = _DATE.fullmatch(arabic_digits(value).strip())
    if not match:
        day_first = _DAY_FIRST.fullmatch(arabic_digits(value).strip())
        if day_first:
            day, month, year = day_first.groups()
            suggestion = f"{year}-{int(month):02d}-{int(day):02d}"
            raise BE_DATE_DAY_FIRST(value=repr(value), suggestion=suggestion)
        raise BE_DATE_FORMAT(value=repr(value))
    year, month, day = (int(part) for part in match.groups())
    check_be_year(year)
    try:
        return datetime.date(ce_year(year), month, day)
    except ValueError:
        raise BE_DATE_CALENDAR(value=value) from None


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
ID_DESCRIPTION = (
    "รหัสอ้างอิง (an optional stable id: letters, digits, '-', '_' or '.', so that a revision "
    "comparison follows this item when it is moved or renumbered)"
)


def version_input(value: Any) -> Any:
    return int(value) if isinstance(value, str) and value.strip().isdigit() else value


# A problem no single field can see, found after the schema: (path, message, at_key).
# ``at_key`` points the message at the key itself (an extra year) rather than at the value.
Violation = tuple[DataPath, str, bool]


def duplicate_ids(items: Iterable[tuple[DataPath, str | None]]) -> Iterator[Violation]:
    """A violation for each id already used by an item before it (``None``: no id)."""
    seen: dict[str, DataPath] = {}
    for path, item_id in items:
        if item_id is None:
            continue
        if item_id in seen:
            message = tr(
                "id {id} is already used by {other}",
                id=repr(item_id),
                other=format_path(seen[item_id]),
            )
            yield path, message, False
        else:
            seen[item_id] = path


class StrictModel(BaseModel):
    """Strict by default: unknown keys are errors and a validated document never changes."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# Why an item was amended. It belongs to the amendment, not to the plan: the plan's documents
# never show it, and changing it alone is no change to the plan.
REASON_DESCRIPTION = (
    "เหตุผล (why this item is changed in the current amendment; shown in the เหตุผล column "
    "of the comparison with the previous version, never in the plan itself)"
)


def same_number(key: Any) -> Any:
    """``key`` as the number it means, so 2567, "๒๕๖๗", "02567" and "2567.0" compare equal."""
    text = number_input(key)
    try:
        number = float(text)
    except (TypeError, ValueError):
        return text
    return int(number) if number.is_integer() else number


def one_key_per_year(value: Any, duplicate: UserError) -> Any:
    """``value`` as it is, unless it is a mapping by year that names a year twice ("2562"
    and "๒๕๖๒" are one year: a mapping would silently keep only the last): then
    ``duplicate``, at the second key."""
    if isinstance(value, dict):
        seen: dict[Any, Any] = {}
        for key in value:
            year = same_number(key)
            if year in seen:
                raise duplicate(year=year, first=repr(seen[year]), second=repr(key), key=key)
            seen[year] = key
    return value


# --- money ---------------------------------------------------------------------------------------

NO_BUDGET = "ไม่ใช้งบประมาณ"  # a project carried out without a budget
BAHT_UNIT = "บาท"
MAX_BAHT = 10**12
# Whole baht as a clerk types them: 50000, or with a comma every three digits, 50,000.
_BAHT = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+")
# The same in the JSON Schema, in either digits, with บาท after it or not.
_BAHT_PATTERN = r"^([0-9๐-๙]{1,3}(,[0-9๐-๙]{3})*|[0-9๐-๙]+)(\s*บาท)?$"


def _amount_text(value: str) -> str:
    """A typed amount in Arabic digits, without the บาท that may follow it (``12,500 บาท``,
    as amounts are printed)."""
    text = compose_sara_am(arabic_digits(value).strip())
    return text.removesuffix(BAHT_UNIT).rstrip() if text.endswith(BAHT_UNIT) else text


def _parse_baht(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = _amount_text(value) if isinstance(value, str) else None
    if text == NO_BUDGET:
        return NO_BUDGET
    if text is not None and _BAHT.fullmatch(text):
        amount = int(text.replace(",", ""))
        if amount == 0:
            raise BAHT_ZERO()
        if amount > MAX_BAHT:
            raise BAHT_TOO_LARGE(value=text)
        return amount
    raise BAHT_FORMAT()


BAHT_SCHEMA = {
    "anyOf": [
        {"type": "integer", "minimum": 1},
        {"type": "string", "pattern": _BAHT_PATTERN},
        {"const": NO_BUDGET},
    ],
    "examples": ["50,000", "ไม่ใช้งบประมาณ"],
}
Baht = Annotated[
    int | Literal["ไม่ใช้งบประมาณ"],
    BeforeValidator(_parse_baht),
    WithJsonSchema(BAHT_SCHEMA),
    Field(
        description="งบประมาณ (บาท): whole baht, e.g. 50,000 (บาท after it may be written), "
        "or ไม่ใช้งบประมาณ"
    ),
]


def _parse_spent(value: Any) -> Any:
    # Nothing disbursed yet is a fact a report states, unlike a budget of 0 baht in a plan.
    if isinstance(value, str) and _amount_text(value) == "0":
        return 0
    return value if value == 0 and isinstance(value, int) else _parse_baht(value)


Spent = Annotated[
    int | Literal["ไม่ใช้งบประมาณ"],
    BeforeValidator(_parse_spent),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": _BAHT_PATTERN},
                {"const": NO_BUDGET},
            ],
            "examples": ["45,000", "0", "ไม่ใช้งบประมาณ"],
        }
    ),
    Field(
        description="เบิกจ่าย (บาท): whole baht disbursed, e.g. 45,000 (0 when nothing is "
        "disbursed yet), or ไม่ใช้งบประมาณ"
    ),
]
