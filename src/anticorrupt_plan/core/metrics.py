"""Measured text in TH Sarabun New: widths, line height and a Thai-aware line count.

The widths are the font's own advance widths (``_widths.py``, generated from Debian's
Laksaman by tools/make_metrics.py and read at TH Sarabun New's size), so a layout decision
made with them holds in Word with TH SarabunIT๙ / TH Sarabun New and in LibreOffice with
the metric twin. Pure Python, no font file needed at run time.

Line breaking is estimated, not reproduced: Word and LibreOffice break Thai between words
found with a dictionary, which this module has not. :func:`lines_needed` breaks at spaces
and, inside Thai text too long for the room left, between character clusters, giving up
some room (:data:`THAI_BREAK_SLACK_EM`) on each line it breaks that way, for the word a
real line breaker would have carried over whole. A Latin word or a number that does not
fit goes whole to the next line. The estimate is meant never to be below the real
count (checked against LibreOffice in the tests), and not far above it.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from anticorrupt_plan.core import _widths
from anticorrupt_plan.core.thai import clusters

# Characters that take no room and are not in the font: zero-width space, (non-)joiners,
# word joiner, byte order mark (the zero-width no-break space).
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
# Where a line may break: after a space or a zero-width space.
BREAK_AFTER = frozenset(" \t\u200b")
# Room given up at each line break inside a run of Thai: LibreOffice and Word break between
# words, so a line ends before the last word that does not fit whole: 1.5 em, or a quarter
# of a narrow column. Calibrated on the seed plan's paragraphs and cells in columns 2.5 to
# 16 cm wide against LibreOffice with the metric twin (tests/test_metrics.py): never
# below its count; within a line or 15% from 5 cm up, two lines or 25% below.
THAI_BREAK_SLACK_EM = 1.5
THAI_BREAK_SLACK_SHARE = 0.25
# Characters outside the table: wide ones (emoji, CJK) in a fallback font, about this wide.
WIDE_EM = 1.3


def _table(runs: tuple[tuple[int, tuple[int, ...]], ...]) -> dict[str, int]:
    return {chr(first + index): width for first, run in runs for index, width in enumerate(run)}


_REGULAR = _table(_widths.REGULAR)
_BOLD = _table(_widths.BOLD)
_EM = _widths.UNITS_PER_EM


def char_width_em(char: str, *, bold: bool = False) -> float:
    """A character's advance in TH Sarabun New, in em: 0 for marks and zero-width
    characters, the widest tabled glyph's for a character not in the table (1.3 em for a
    wide one: emoji, CJK)."""
    table = _BOLD if bold else _REGULAR
    width = table.get(char)
    if width is not None:
        return width / _EM
    if char in ZERO_WIDTH or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0.0
    if unicodedata.east_asian_width(char) in ("W", "F") or ord(char) >= 0x1F000:
        return WIDE_EM
    return _widths.WIDEST / _EM


def text_width(text: str, size_pt: float, *, bold: bool = False) -> float:
    """The width of ``text`` set on one line in TH Sarabun New at ``size_pt``, in points."""
    return sum(char_width_em(char, bold=bold) for char in text) * size_pt


def line_height(size_pt: float) -> float:
    """The distance between lines of TH Sarabun New at ``size_pt`` with single spacing, in
    points: ascent, descent and line gap, as Word (win metrics and external leading) and
    LibreOffice (hhea metrics) both lay it out. 21.3 pt at 16 pt."""
    return (_widths.ASCENT + _widths.DESCENT + _widths.LINE_GAP) / _EM * size_pt


def _is_thai(char: str) -> bool:
    return "\u0e00" <= char <= "\u0e7f"


def _pieces(text: str) -> Iterator[str]:
    """``text`` cut after each break opportunity (a space, a zero-width space)."""
    piece = ""
    for char in text:
        piece += char
        if char in BREAK_AFTER:
            yield piece
            piece = ""
    if piece:
        yield piece


def lines_needed(text: str, width_pt: float, size_pt: float, *, bold: bool = False) -> int:
    """How many lines ``text`` takes in a column ``width_pt`` wide at ``size_pt``: a
    conservative estimate of Word's and LibreOffice's count (see the module's notes).

    Each line break in ``text`` (``\\n``) starts a new line; an empty text takes one line.
    """
    return sum(
        _paragraph_lines(_prepared(line, bold), width_pt / size_pt) for line in text.split("\n")
    )


@dataclass(frozen=True)
class _Piece:
    """A stretch of text up to a break opportunity, measured in em: its body, the spaces
    after it, whether it holds Thai, and its clusters' widths (for breaking it)."""

    body: float
    spaces: float
    thai: bool
    clusters: tuple[float, ...]


@functools.lru_cache(maxsize=8192)
def _prepared(text: str, bold: bool) -> tuple[_Piece, ...]:
    pieces = []
    for piece in _pieces(text):
        body = piece.rstrip(" \t\u200b")
        widths = tuple(
            sum(char_width_em(char, bold=bold) for char in cluster) for cluster in clusters(body)
        )
        spaces = sum(char_width_em(char, bold=bold) for char in piece[len(body) :])
        thai = any(_is_thai(char) for char in body)
        pieces.append(_Piece(sum(widths), spaces, thai, widths))
    return tuple(pieces)


def _paragraph_lines(pieces: tuple[_Piece, ...], width: float) -> int:
    """Lines for one paragraph's pieces in a column ``width`` em wide."""
    lines = 1
    used = 0.0  # width taken on the current line, trailing spaces not counted
    pending = 0.0  # trailing spaces on the current line: they count once something follows
    slack = min(THAI_BREAK_SLACK_EM, THAI_BREAK_SLACK_SHARE * width)
    for piece in pieces:
        if used + pending + piece.body <= width:
            used += pending + piece.body
            pending = piece.spaces
            continue
        if not piece.thai and piece.body <= width:
            lines += 1  # a Latin word or a number goes whole to a new line
            used, pending = piece.body, piece.spaces
            continue
        # Thai is broken between clusters, giving up room for the word a real line breaker
        # would carry over whole; a Latin word longer than a line breaks anywhere.
        room = width - (slack if piece.thai else 0.0)
        used += pending
        for advance in piece.clusters:
            if used + advance > max(room, advance) and used > 0:
                lines += 1
                used = 0.0
            used += advance
        pending = piece.spaces
    return lines
