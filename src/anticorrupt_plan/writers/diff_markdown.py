"""Render a comparison as a Markdown table: one row per change, deletions and insertions marked."""

from __future__ import annotations

from collections.abc import Sequence

from anticorrupt_plan.common.comparison import NO_CHANGES, ComparisonView, excerpt
from anticorrupt_plan.common.diffing import Segment
from anticorrupt_plan.writers.markdown import escape

# HTML elements rather than ~~ and **: they mark a change of a single space, or one inside a
# Thai word, where Markdown's emphasis rules would leave the marks as they are.
_TAGS = {"delete": ("<del>", "</del>"), "insert": ("<ins>", "</ins>")}


def render_markdown_comparison(view: ComparisonView) -> str:
    """The comparison as a Markdown document with a final newline; one table row per line."""
    lines = [f"# {escape(view.title)}", ""]
    if view.amendment:
        lines += [escape(view.amendment), ""]
    if not view.rows:
        return "\n".join([*lines, NO_CHANGES]) + "\n"
    lines.append("| " + " | ".join(escape(c) for c in view.columns) + " |")
    lines.append("|" + "---|" * len(view.columns))
    for row in view.rows:
        cells = (
            row.number,
            escape(f"{row.action} {row.place}"),
            _text(row.old),
            _text(row.new),
            escape(row.reason),
        )
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _text(pieces: Sequence[Segment]) -> str:
    shown = excerpt(pieces)
    mark = any(piece.op == "equal" for piece in shown)
    out = []
    for piece in shown:
        text = _escape_piece(piece.text)
        if piece.op != "equal" and mark:
            opening, closing = _TAGS[piece.op]
            text = f"{opening}{text}{closing}"
        out.append(text)
    return "".join(out)


def _escape_piece(text: str) -> str:
    """Like ``escape``, but a piece inside a sentence keeps the spaces at its ends."""
    stripped = text.strip(" ")
    if not stripped:
        return text
    lead = text[: text.index(stripped[0])]
    trail = text[len(lead) + len(stripped) :]
    return lead + escape(stripped) + trail
