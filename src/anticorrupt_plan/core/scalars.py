"""Map a character of a YAML scalar's value back to the line and column where it is written.

PyYAML tells where a scalar starts and ends, not where each of its characters came from:
quotes, escapes, folded line breaks and block indentation all stand between the two. This
module re-reads the scalar's source by YAML's rules for its style and checks the result
against the parsed value, so a position it gives is never a guess; when the two disagree
(a construct it does not model) it answers with the scalar's own start.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from anticorrupt_plan.core.loader import Span

_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_WHITE = " \t"

_CONTENT, _WHITE_SPACE, _LINE_BREAK, _JOIN = range(4)
_Token = tuple[str, int, int]  # (character, index in the source, kind)

_ESCAPES = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_HEX_LENGTHS = {"x": 2, "u": 4, "U": 8}


@dataclass(frozen=True)
class SourceText:
    """A plan's source text, with what it takes to turn an index into a line and a column."""

    text: str
    _line_starts: list[int] = field(init=False, repr=False, compare=False)
    # Each scalar is re-read once, however many positions are asked for inside it.
    _read: dict[tuple[int, int], list[int] | None] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        starts = [0, *(match.end() for match in _BREAK.finditer(self.text))]
        object.__setattr__(self, "_line_starts", starts)

    def index(self, line: int, column: int) -> int:
        """The index of the 1-based ``line`` and ``column``."""
        return self._line_starts[line - 1] + column - 1

    def line_column(self, index: int) -> tuple[int, int]:
        """The 1-based line and column of ``index``."""
        line = bisect.bisect_right(self._line_starts, index)
        return line, index - self._line_starts[line - 1] + 1

    def position_in_scalar(self, span: Span, value: str, offset: int) -> tuple[int, int]:
        """Where character ``offset`` of the scalar ``value`` written at ``span`` sits.

        An offset at the end of the value gives the position just after its last character.
        """
        start, end = self.index(span.line, span.column), self.index(span.end_line, span.end_column)
        if (start, end) not in self._read:
            self._read[start, end] = scalar_indices(
                self.text, start=start, end=end, style=span.style, value=value
            )
        indices = self._read[start, end]
        if indices is None or not 0 <= offset <= len(value):
            return span.line, span.column
        if offset == len(value):
            return self.line_column(indices[-1] + 1) if indices else (span.line, span.column)
        return self.line_column(indices[offset])


def scalar_indices(
    text: str, *, start: int, end: int, style: str | None, value: str
) -> list[int] | None:
    """For each character of ``value``, the index in ``text`` it was read from.

    ``start`` and ``end`` bound the scalar's source (quotes and block header included) and
    ``style`` is its YAML style. None when re-reading the source does not give ``value``.
    """
    if style in ("|", ">"):
        return _block(text, start, end, folded=style == ">", value=value)
    tokens: list[_Token] | None
    if style == "'":
        tokens = _single_quoted(text, start + 1, end - 1)
    elif style == '"':
        tokens = _double_quoted(text, start + 1, end - 1)
    elif style is None:
        tokens = _plain(text, start, end)
    else:
        return None
    if tokens is None:
        return None
    chars, indices = _fold(tokens)
    return indices if "".join(chars) == value else None


def _lines(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """``(start, stop, break_index)`` of each line in ``text[start:end]``."""
    lines = []
    position = start
    for match in _BREAK.finditer(text, start, end):
        lines.append((position, match.start(), match.start()))
        position = match.end()
    if position < end:
        lines.append((position, end, end))
    return lines


def _plain(text: str, start: int, end: int) -> list[_Token]:
    tokens: list[_Token] = []
    for line_start, line_stop, break_index in _lines(text, start, end):
        tokens.extend(
            (char, index, _WHITE_SPACE if char in _WHITE else _CONTENT)
            for index, char in enumerate(text[line_start:line_stop], line_start)
        )
        if break_index < end:
            tokens.append(("\n", break_index, _LINE_BREAK))
    return tokens


def _single_quoted(text: str, start: int, end: int) -> list[_Token] | None:
    return _quoted(text, start, end, _single_quoted_char)


def _double_quoted(text: str, start: int, end: int) -> list[_Token] | None:
    return _quoted(text, start, end, _double_quoted_char)


# Reads what stands at an index of a quoted scalar (not a line break): its token and where
# the next one starts, or None for what the parser would not have accepted.
_Reader = Callable[[str, int, int], tuple[_Token, int] | None]


def _quoted(text: str, start: int, end: int, read: _Reader) -> list[_Token] | None:
    """The tokens of a quoted scalar's inside: its line breaks, and what ``read`` makes of
    everything else."""
    tokens: list[_Token] = []
    index = start
    while index < end:
        match = _BREAK.match(text, index, end)
        if match:
            tokens.append(("\n", index, _LINE_BREAK))
            index = match.end()
            continue
        step = read(text, index, end)
        if step is None:
            return None
        token, index = step
        tokens.append(token)
    return tokens


def _character(char: str, index: int) -> _Token:
    return (char, index, _WHITE_SPACE if char in _WHITE else _CONTENT)


def _single_quoted_char(text: str, index: int, end: int) -> tuple[_Token, int] | None:
    step = 2 if text.startswith("''", index) else 1  # '' stands for one quote
    return _character(text[index], index), index + step


def _double_quoted_char(text: str, index: int, end: int) -> tuple[_Token, int] | None:
    if text[index] != "\\":
        return _character(text[index], index), index + 1
    escape = text[index + 1 : index + 2]
    joined = _BREAK.match(text, index + 1, end)
    if joined:
        return ("", index, _JOIN), joined.end()
    if escape in _ESCAPES:
        return (_ESCAPES[escape], index, _CONTENT), index + 2
    if escape in _HEX_LENGTHS:
        digits = text[index + 2 : index + 2 + _HEX_LENGTHS[escape]]
        try:
            return (chr(int(digits, 16)), index, _CONTENT), index + 2 + len(digits)
        except ValueError:
            return None
    return None


def _fold(tokens: list[_Token]) -> tuple[list[str], list[int]]:
    """Apply flow-scalar line folding: a lone line break reads as a space, each empty line
    as a line break, and white space around line breaks is dropped."""
    chars: list[str] = []
    indices: list[int] = []
    pending: list[_Token] = []  # white space that counts only if more content follows
    position = 0
    while position < len(tokens):
        char, index, kind = tokens[position]
        position += 1
        if kind == _WHITE_SPACE:
            pending.append((char, index, kind))
            continue
        if kind == _CONTENT:
            for white, white_index, _ in pending:
                chars.append(white)
                indices.append(white_index)
            pending = []
            chars.append(char)
            indices.append(index)
            continue
        if kind == _JOIN:  # an escaped line break keeps the white space before it
            chars.extend(white for white, _, _ in pending)
            indices.extend(white_index for _, white_index, _ in pending)
        pending = []
        breaks = [index] if kind == _LINE_BREAK else []
        while position < len(tokens) and tokens[position][2] in (_WHITE_SPACE, _LINE_BREAK):
            if tokens[position][2] == _LINE_BREAK:
                breaks.append(tokens[position][1])
            position += 1
        if kind == _LINE_BREAK and len(breaks) == 1:
            chars.append(" ")
            indices.append(index)
        else:
            empty_lines = breaks[1:] if kind == _LINE_BREAK else breaks
            chars.extend("\n" for _ in empty_lines)
            indices.extend(empty_lines)
    for white, white_index, _ in pending:
        chars.append(white)
        indices.append(white_index)
    return chars, indices


_HEADER = re.compile(r"[|>]([1-9]?)[+-]?([1-9]?)")


def _block(text: str, start: int, end: int, *, folded: bool, value: str) -> list[int] | None:
    header = _HEADER.match(text, start, end)
    first_break = _BREAK.search(text, start, end)
    if header is None or first_break is None:
        return None
    lines = _lines(text, first_break.end(), end)
    texts = [text[line_start:line_stop] for line_start, line_stop, _ in lines]
    detected = next(
        (len(line) - len(line.lstrip(" ")) for line in texts if line.strip(" ")),
        max(map(len, texts), default=0),  # no text at all: the longest empty line sets it
    )
    explicit = header.group(1) or header.group(2)
    # An explicit indentation counts from the parent node, which a scalar does not know;
    # the indentation that reproduces the value is the right one.
    candidates = range(detected, -1, -1) if explicit else (detected,)
    for indent in candidates:
        chars, indices = (_folded if folded else _literal)(text, lines, indent)
        read = "".join(chars)
        if read.startswith(value) and not read[len(value) :].strip("\n"):
            return indices[: len(value)]
    return None


def _literal(
    text: str, lines: list[tuple[int, int, int]], indent: int
) -> tuple[list[str], list[int]]:
    chars: list[str] = []
    indices: list[int] = []
    for line_start, line_stop, break_index in lines:
        content_start = min(line_start + indent, line_stop)
        chars.extend(text[content_start:line_stop])
        indices.extend(range(content_start, line_stop))
        chars.append("\n")
        indices.append(break_index)
    return chars, indices


def _folded(
    text: str, lines: list[tuple[int, int, int]], indent: int
) -> tuple[list[str], list[int]]:
    chars: list[str] = []
    indices: list[int] = []
    breaks: list[int] = []  # the break after the last text line, then one per empty line
    previous_more_indented: bool | None = None
    for line_start, line_stop, break_index in lines:
        content_start = min(line_start + indent, line_stop)
        if line_stop - line_start <= indent and not text[line_start:line_stop].strip(" "):
            breaks.append(break_index)
            continue
        # A line with text but no more than ``indent`` characters (when an explicit
        # indentation is searched for, a wrong one) has nothing after its indentation.
        more_indented = content_start < line_stop and text[content_start] in _WHITE
        if previous_more_indented is None:
            kept = breaks  # empty lines before the first text line
        elif not (previous_more_indented or more_indented) and len(breaks) == 1:
            kept = []
            chars.append(" ")
            indices.append(breaks[0])
        elif previous_more_indented or more_indented:
            kept = breaks
        else:
            kept = breaks[1:]
        chars.extend("\n" for _ in kept)
        indices.extend(kept)
        chars.extend(text[content_start:line_stop])
        indices.extend(range(content_start, line_stop))
        breaks = [break_index]
        previous_more_indented = more_indented
    chars.extend("\n" for _ in breaks)
    indices.extend(breaks)
    return chars, indices
