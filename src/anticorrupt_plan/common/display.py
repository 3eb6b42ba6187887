"""How every document writes what it derives: digits, numbered items, position labels, and
the phrases a printed line must not break (year ranges, the organization's names).

Every kind's ``present`` writes its values with these functions, so that all kinds print a
year range or a name alike. Their names and signatures are stable: other kinds call them.

Keeping a phrase on one line is done with characters, not with a format's own devices, so
that it survives any writer: a no-break space (U+00A0) where a year range has spaces, and
a word joiner (U+2060) between the character clusters of a name, with a zero-width space
(U+200B) at each end of it. Thai has no spaces between words and LibreOffice and Word find
its line breaks with a dictionary: the word joiners forbid a break inside the name, and the
zero-width spaces let the text around it break at the name's ends rather than inside the
word before it (without them LibreOffice broke ``จา|กองค์การ...``). Formats that do not lay
out lines (Markdown, a comparison's text) write :func:`plain` text instead.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from anticorrupt_plan.common.organization import Organization
from anticorrupt_plan.core.thai import arabic_digits, clusters, thai_digits

NO_BREAK_SPACE = "\u00a0"
WORD_JOINER = "\u2060"
ZERO_WIDTH_SPACE = "\u200b"
# What the functions below add, and what plain() takes away again.
_PLAIN = str.maketrans({NO_BREAK_SPACE: " ", WORD_JOINER: None, ZERO_WIDTH_SPACE: None})
# A range of years (Thai or Arabic digits) with spaces around its dash, and the era before a
# year: ``๒๕๖๒ - ๒๕๖๔``, ``พ.ศ. ๒๕๖๒``.
_YEAR_RANGE = re.compile(r"(?<!\d)\d{4}( *)[-\u2013\u2014]( *)\d{4}(?!\d)")
_ERA = re.compile(r"(?:พ|ค)\.ศ\.( +)(?=\d)")

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
    """A range of years as documents write it, ``2562 - 2564``, with no-break spaces around
    the dash so that no line breaks inside it; or one year alone."""
    if last == first:
        return str(first)
    return f"{first}{NO_BREAK_SPACE}-{NO_BREAK_SPACE}{last}"


def joined_name(name: str) -> str:
    """``name`` as a line never breaks it: a word joiner between each two of its character
    clusters (no dictionary of its words needed), its spaces made no-break spaces, and a
    zero-width space at each end, where a line may break instead. A name wider than the
    line is still broken by LibreOffice and Word, where they must."""
    if not name:
        return name
    glued = WORD_JOINER.join(clusters(name.replace(" ", NO_BREAK_SPACE)))
    return f"{ZERO_WIDTH_SPACE}{glued}{ZERO_WIDTH_SPACE}"


def held_together(text: str, names: Iterable[str] = ()) -> str:
    """``text`` with each occurrence of ``names`` joined (:func:`joined_name`), and the
    spaces of every year range (``๒๕๖๒ - ๒๕๖๔``) and after an era before a year
    (``พ.ศ. ๒๕๖๒``) made no-break spaces; what a reader reads does not change.

    For every value a kind's present shows, the plan's own text included, which names the
    organization and its years as it likes. The names are given as the text shows them
    (in its digits; :func:`organization_names` for an organization's); a longer name is
    matched before a shorter one inside it."""
    pattern = _names_pattern(tuple(names))
    if pattern is not None:
        text = pattern.sub(_joined_match, text)
    if "-" in text or "\u2013" in text or "\u2014" in text:
        text = _YEAR_RANGE.sub(_no_break, text)
    if ".ศ." in text:
        text = _ERA.sub(_no_break, text)
    return text


@functools.lru_cache(maxsize=64)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for all ``names``, the longest first (compiled once per set of names)."""
    wanted = sorted({name for name in names if name}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, wanted))) if wanted else None


def _joined_match(match: re.Match[str]) -> str:
    return joined_name(match.group())


def _no_break(match: re.Match[str]) -> str:
    """The match with its spaces made no-break spaces, one for one."""
    return match.group().replace(" ", NO_BREAK_SPACE)


def loosened(text: str) -> str:
    """``text`` with the word joiners of its names taken out, for a line narrower than a
    name: a joined name that cannot fit is broken by LibreOffice after its first letter,
    a loose one between its words."""
    return text.replace(WORD_JOINER, "")


def organization_names(organization: Organization) -> tuple[str, ...]:
    """The names of ``organization`` that a document keeps whole on a line, for
    :func:`held_together` (in Arabic digits, as the plan writes them): its full name, its
    executive's title, its district and its province with their words (อำเภอ, จังหวัด)."""
    names = [organization.full_name, organization.executive_title]
    if organization.district:
        names.append(f"อำเภอ{organization.district}")
    names.append(f"จังหวัด{organization.province}")
    return tuple(names)


def plain(text: str) -> str:
    """``text`` without what the functions above add: plain spaces, no joiners. For what is
    read rather than printed on lines (Markdown, a comparison, metadata)."""
    return text.translate(_PLAIN)
