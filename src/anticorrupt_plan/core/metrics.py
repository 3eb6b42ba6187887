"""Measured text in TH Sarabun New: widths, line height and a Thai-aware line count.

The widths are the font's own advance widths (``_widths.py``, generated from Debian's
Laksaman by tools/make_metrics.py and read at TH Sarabun New's size), so a layout decision
made with them holds in Word with TH SarabunIT๙ / TH Sarabun New and in LibreOffice with
the metric twin. Pure Python, no font file needed at run time.

Line breaking is estimated, not reproduced: Word and LibreOffice break Thai between words
found with a dictionary, which this module has not. :func:`lines_needed` breaks at spaces
and, inside Thai text too long for the room left, between two Thai letters' clusters,
giving up some room (:data:`THAI_BREAK_SLACK_EM`) on each line it breaks that way, for the
word a real line breaker would have carried over whole. What no line may break goes whole
to the next line: a Latin word, a number, and what a no-break space or a word joiner holds
together (a name, a year range; see ``common.display``). The estimate is meant never to be
below the real count (checked against LibreOffice in the tests), and not far above it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from anticorrupt_plan.core import _widths
from anticorrupt_plan.core.thai import is_mark

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
# For the expected count (:func:`lines_expected`): the room a line loses on average to the
# word carried over whole. Calibrated like the slack above (tests/test_metrics.py).
EXPECTED_SLACK_EM = 0.5
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
    table = _BOLD if bold else _REGULAR
    try:  # every character in the table, as nearly all are: the whole units, summed in C
        units: float = sum(map(table.__getitem__, text))
    except KeyError:
        units = 0.0
        for char in text:
            known = table.get(char)
            units += known if known is not None else char_width_em(char, bold=bold) * _EM
    return units / _EM * size_pt


def line_height(size_pt: float) -> float:
    """The distance between lines of TH Sarabun New at ``size_pt`` with single spacing, in
    points: ascent, descent and line gap, as Word (win metrics and external leading) and
    LibreOffice (hhea metrics) both lay it out. 21.3 pt at 16 pt."""
    return (_widths.ASCENT + _widths.DESCENT + _widths.LINE_GAP) / _EM * size_pt


def _is_thai(char: str) -> bool:
    return "\u0e00" <= char <= "\u0e7f"


def lines_needed(
    text: str,
    width_pt: float,
    size_pt: float,
    *,
    bold: bool = False,
    text_width_pt: float | None = None,
) -> int:
    """How many lines ``text`` takes in a column ``width_pt`` wide at ``size_pt``: a
    conservative estimate of Word's and LibreOffice's count (see the module's notes).

    Each line break in ``text`` (``\\n``) starts a new line; an empty text takes one line.
    ``text_width_pt``: :func:`text_width` of the text, where the caller knows it already.
    """
    if on_one_line(text, width_pt, size_pt, bold=bold, text_width_pt=text_width_pt):
        return 1
    return sum(
        _paragraph_lines(_prepared(line, bold), width_pt / size_pt) for line in text.split("\n")
    )


def lines_expected(
    text: str,
    width_pt: float,
    size_pt: float,
    *,
    bold: bool = False,
    text_width_pt: float | None = None,
) -> int:
    """How many lines ``text`` most likely takes in a column ``width_pt`` wide at
    ``size_pt``: lines filled as :func:`lines_needed` fills them, but giving up on each
    line only the room a line of Thai loses on average (:data:`EXPECTED_SLACK_EM`), so as
    near the real count as the estimate can be, sometimes above and sometimes below it
    (for placing text on pages; :func:`lines_needed` is for what must surely fit)."""
    if on_one_line(text, width_pt, size_pt, bold=bold, text_width_pt=text_width_pt):
        return 1
    return sum(
        _paragraph_lines(_prepared(line, bold), width_pt / size_pt, slack=EXPECTED_SLACK_EM)
        for line in text.split("\n")
    )


# What rounding can make of a sum of advances, as a share of it, and more.
_ROUNDING = 1e-9


def on_one_line(
    text: str,
    width_pt: float,
    size_pt: float,
    *,
    bold: bool = False,
    text_width_pt: float | None = None,
) -> bool:
    """Whether ``text`` (:func:`text_width` ``text_width_pt``, when the caller knows it)
    surely takes one line ``width_pt`` wide, as the line counts fill it: it breaks no line
    itself, and all of it, its last spaces too, is narrower than the line by more than the
    counts' sums could be rounded by. Quicker than filling the line."""
    if "\n" in text:
        return False
    width = text_width_pt if text_width_pt is not None else text_width(text, size_pt, bold=bold)
    return width <= width_pt * (1 - _ROUNDING)


@dataclass(frozen=True, slots=True)
class _Piece:
    """A stretch of text up to a break opportunity, measured in em: its body, the spaces
    after it, and its units: the stretches between the places a line may break inside it
    (between two Thai letters, unless a joiner or a no-break space holds them together)."""

    body: float
    spaces: float
    units: tuple[float, ...]
    glued: bool  # whether a joiner or a no-break space holds some of it together
    widest: float  # the widest unit


# What holds the characters on either side of it together: no-break space, word joiner,
# zero-width no-break space, zero-width joiner, no-break hyphen.
GLUE = frozenset("\u00a0\u2060\ufeff\u200d\u2011")


def _is_thai_letter(char: str) -> bool:
    """A Thai letter or vowel: where a dictionary line breaker may break between two."""
    return "\u0e01" <= char <= "\u0e3a" or "\u0e40" <= char <= "\u0e45"


# A piece of text up to and including a break opportunity, or the text's rest.
_BREAKS = "".join(sorted(map(re.escape, BREAK_AFTER)))
_PIECE = re.compile(f"[^{_BREAKS}]*[{_BREAKS}]|[^{_BREAKS}]+")


@functools.lru_cache(maxsize=1 << 12)
def _char(char: str, bold: bool) -> tuple[float, bool, bool, bool]:
    """What :func:`_prepared` needs of a character: its advance in em, whether it belongs
    to the character before it (``core.thai.clusters``), whether it is glue, and whether
    a Thai letter."""
    table = _BOLD if bold else _REGULAR
    known = table.get(char)
    advance = known / _EM if known is not None else char_width_em(char, bold=bold)
    return advance, is_mark(char), char in GLUE, _is_thai_letter(char)


@functools.lru_cache(maxsize=1 << 16)
def _prepared(text: str, bold: bool) -> tuple[_Piece, ...]:
    return tuple(_piece(piece, bold) for piece in _PIECE.findall(text))


@functools.lru_cache(maxsize=1 << 16)
def _piece(piece: str, bold: bool) -> _Piece:
    """A piece of text (see :data:`_PIECE`), measured: words recur, texts less often.

    Each cluster (a character and the marks on it: ``core.thai.clusters``) is one advance,
    the sum of its characters' in order; what a cluster does is its first character's."""
    body = piece.rstrip(" \t\u200b")
    units: list[float] = []
    current = 0.0
    started = glue = glued = after_letter = False
    advance = -1.0  # no cluster yet
    first_glue = first_letter = False
    for char in body:
        width, mark, is_glue, letter = _char(char, bold)
        if mark and advance >= 0.0:
            advance += width
            continue
        if advance >= 0.0:  # the cluster before this character is complete
            if first_glue:
                current += advance
                glue = glued = True
                after_letter = False
            else:
                if started and not glue and first_letter and after_letter:
                    units.append(current)
                    current = 0.0
                current += advance
                started, glue, after_letter = True, False, first_letter
        advance = 0.0 + width
        first_glue, first_letter = is_glue, letter
    if advance >= 0.0:
        if first_glue:
            current += advance
            glued = True
        else:
            if started and not glue and first_letter and after_letter:
                units.append(current)
                current = 0.0
            current += advance
    units.append(current)
    spaces = sum(char_width_em(char, bold=bold) for char in piece[len(body) :])
    return _Piece(sum(units), spaces, tuple(units), glued, max(units))


def unbreakable_widths(text: str, size_pt: float, *, bold: bool = False) -> tuple[float, float]:
    """The widest stretches of ``text`` that no line may break, in points at ``size_pt``:
    the widest that nothing but the script holds together (a Latin word, a number) and the
    widest held together by a joiner or a no-break space (a joined name, a year range)."""
    word = phrase = 0.0
    for line in text.split("\n"):
        for piece in _prepared(line, bold):
            if piece.glued:
                phrase = max(phrase, piece.widest)
            else:
                word = max(word, piece.widest)
    return word * size_pt, phrase * size_pt


def _paragraph_lines(
    pieces: tuple[_Piece, ...], width: float, *, slack: float | None = None
) -> int:
    """Lines for one paragraph's pieces in a column ``width`` em wide, giving up ``slack``
    em at each break inside Thai (by default the most a line may lose)."""
    lines = 1
    used = 0.0  # width taken on the current line, trailing spaces not counted
    pending = 0.0  # trailing spaces on the current line: they count once something follows
    if slack is None:
        slack = min(THAI_BREAK_SLACK_EM, THAI_BREAK_SLACK_SHARE * width)
    for piece in pieces:
        if used + pending + piece.body <= width:
            used += pending + piece.body
            pending = piece.spaces
            continue
        if len(piece.units) == 1 and piece.body <= width:
            lines += 1  # what may not break (a Latin word, a number) goes whole to a new line
            used, pending = piece.body, piece.spaces
            continue
        # Thai breaks between its units, giving up room for the word a real line breaker
        # would carry over whole; a unit wider than a whole line breaks where it must (a
        # joined one, in LibreOffice, after its first letter too: one line more).
        room = width - (slack if len(piece.units) > 1 else 0.0)
        used += pending
        for advance in piece.units:
            if used + advance > room and used > 0:
                lines += 1
                used = 0.0
            if advance > width and piece.glued:
                lines += 1
            while advance > width:
                lines += 1
                advance -= width
            used += advance
        pending = piece.spaces
    return lines
