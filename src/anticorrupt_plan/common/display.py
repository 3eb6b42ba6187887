"""How every document writes what it derives: digits, numbered items, position labels."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from anticorrupt_plan.core.thai import arabic_digits, thai_digits

Digits = Literal["thai", "arabic"]


@dataclass(frozen=True)
class Numbered:
    """An item with the label that numbers it: ``("ยุทธศาสตร์ที่ ๑", text)`` or ``("๑.", text)``."""

    label: str
    text: str


def digits_shown(digits: Digits | str) -> Callable[[str], str]:
    """Write display text in the document's digits: Thai (๐-๙) or Arabic (0-9)."""
    return thai_digits if digits == "thai" else arabic_digits


def position_label(noun: str, number: int, show: Callable[[str], str]) -> str:
    """The label of an item the documents do not number themselves: ``แถวที่ ๒``, ``ย่อหน้าที่ ๑``."""
    return f"{noun}ที่ {show(str(number))}"


def year_span(first: int, last: int) -> str:
    """A range of years as documents write it: ``2562 - 2564``, or one year alone."""
    return f"{first} - {last}" if last != first else str(first)
