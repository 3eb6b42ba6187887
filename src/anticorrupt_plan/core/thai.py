"""Thai writing conventions as pure functions: digits, Buddhist-Era dates, character clusters."""

from __future__ import annotations

import datetime
import re
import sys
import unicodedata

BE_OFFSET = 543  # Buddhist Era = Christian Era + 543

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")

THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)


def thai_digits(text: str) -> str:
    """Write every Arabic digit of ``text`` as a Thai digit."""
    return text.translate(_TO_THAI)


def arabic_digits(text: str) -> str:
    """Write every Thai digit of ``text`` as an Arabic digit."""
    return text.translate(_TO_ARABIC)


# Text copied out of PDFs often writes sara am (ำ) as nikhahit + sara aa (ํา), sometimes with
# the tone mark between them. It looks the same and is not: searching and sorting miss it.
_DECOMPOSED_SARA_AM = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")


def compose_sara_am(text: str) -> str:
    """``text`` with every decomposed sara am (ํา) written as the one character ำ."""
    return _DECOMPOSED_SARA_AM.sub("\\1\u0e33", text)


def be_year(date: datetime.date) -> int:
    return date.year + BE_OFFSET


def ce_year(be: int) -> int:
    return be - BE_OFFSET


def long_date(date: datetime.date) -> str:
    """The date as announcements write it: ``วันที่ 18 เดือน ตุลาคม พ.ศ. 2561`` (Arabic digits)."""
    return f"วันที่ {date.day} เดือน {THAI_MONTHS[date.month - 1]} พ.ศ. {be_year(date)}"


# Sara am (ำ) and its Lao twin are spacing letters to Unicode's general category, yet they
# belong to the consonant before them as surely as a tone mark does (UAX #29 says so too).
_ATTACHING_LETTERS = frozenset("\u0e33\u0eb3")


def is_mark(char: str) -> bool:
    """True for a character that belongs to the one before it: vowels above or below, tone
    marks, and sara am (ำ)."""
    return char in _ATTACHING_LETTERS or unicodedata.category(char) in ("Mn", "Mc", "Me")


def clusters(text: str) -> list[str]:
    """Split ``text`` into character clusters: a base character with the marks that sit on it.

    Thai writes no spaces between words, so comparisons of Thai text go by cluster: a changed
    tone mark is one changed cluster, and a cut never falls between a letter and its vowel.
    """
    if not _BEYOND_THAI.search(text):
        # Most texts: one search cuts them. The same few hundred clusters recur through a
        # plan's texts, so each is kept once (a large plan's checks hold millions of them).
        return list(map(sys.intern, _THAI_CLUSTER.findall(text)))
    result: list[str] = []
    for char in text:
        if result and is_mark(char):
            result[-1] += char
        else:
            result.append(char)
    return result


# ASCII has no marks, so a text of ASCII and the Thai block is cut by a pattern of that
# block's marks, taken from is_mark itself.
_BEYOND_THAI = re.compile("[^\x00-\x7f\u0e00-\u0e7f]")
_THAI_CLUSTER = re.compile(
    "(?s).[{}]*".format("".join(char for char in map(chr, range(0x0E00, 0x0E80)) if is_mark(char)))
)


def cluster_count(text: str) -> int:
    """``len(clusters(text))``, counted without building the clusters."""
    # Every mark but a leading one joins the character before it. Only the mark categories
    # (Mn, Mc, Me) start with "M", so joining the categories lets C count the marks; sara am
    # joins too, though its category is a letter's.
    marks = "".join(map(unicodedata.category, text[1:])).count("M")
    return len(text) - marks - sum(text.count(letter, 1) for letter in _ATTACHING_LETTERS)
