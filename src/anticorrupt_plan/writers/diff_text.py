"""Render a comparison for the terminal: colour on a terminal, git's word-diff markers elsewhere."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TextIO

from anticorrupt_plan.common.comparison import COARSE_NOTE, ComparisonView, excerpt
from anticorrupt_plan.common.diffing import Segment
from anticorrupt_plan.core.i18n import tr
from anticorrupt_plan.core.safe_text import shown

INDENT = "   "

_BOLD, _RED, _GREEN, _RESET = "\x1b[1m", "\x1b[31m", "\x1b[32m", "\x1b[m"
# Without colour a change is marked as `git diff --word-diff=plain` marks it.
_MARKERS = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}
_COLOURS = {"delete": _RED, "insert": _GREEN}
# A changed space would be invisible in a coloured letter: it gets a coloured background.
_BACKGROUNDS = {"delete": "\x1b[41m", "insert": "\x1b[42m"}


def use_colour(stream: TextIO) -> bool:
    """Colour only for a person at a terminal who has not asked for none (https://no-color.org)."""
    return stream.isatty() and not os.environ.get("NO_COLOR")


def render_text(view: ComparisonView, *, colour: bool) -> str:
    """The comparison as plain text, one block per change; nothing at all when nothing changed."""
    if not view.rows:
        return ""
    title = f"{_BOLD}{_safe(view.title)}{_RESET}" if colour else _safe(view.title)
    lines = [title]
    if view.amendment:
        lines.append(_safe(view.amendment))
    for row in view.rows:
        heading = _safe(f"{row.number}. {row.action} {row.place}")
        lines += ["", f"{_BOLD}{heading}{_RESET}" if colour else heading]
        if row.old:
            lines += _side("-", row.old, colour=colour)
        if row.new:
            lines += _side("+", row.new, colour=colour)
        if not row.exact:
            lines.append(INDENT + tr(COARSE_NOTE))
        if row.reason:
            lines += _indented(_safe(f"เหตุผล: {row.reason}"), first=INDENT)
    return "\n".join(lines) + "\n"


def _side(sign: str, pieces: Sequence[Segment], *, colour: bool) -> list[str]:
    visible = excerpt(pieces)
    # A text changed throughout needs no marks: its sign already says it is old or new.
    mark = any(piece.op == "equal" for piece in visible)
    text = "".join(_piece(piece, colour=colour, mark=mark) for piece in visible)
    return _indented(text, first=f"{INDENT}{sign} ")


def _piece(piece: Segment, *, colour: bool, mark: bool) -> str:
    text = _safe(piece.text)
    if piece.op == "equal":
        return text
    if colour:
        # Colour each line apart so that a line break never carries colour onto the margin.
        code = (_COLOURS if text.strip() else _BACKGROUNDS)[piece.op]
        return "\n".join(f"{code}{line}{_RESET}" if line else "" for line in text.split("\n"))
    if not mark:
        return text
    opening, closing = _MARKERS[piece.op]
    return f"{opening}{text}{closing}"


def _safe(text: str) -> str:
    """The plan's ``text`` with what could act on a terminal escaped; its line breaks kept."""
    return "\n".join(shown(line) for line in text.split("\n"))


def _indented(text: str, *, first: str) -> list[str]:
    following = " " * len(first)
    return [(first if n == 0 else following) + line for n, line in enumerate(text.split("\n"))]
