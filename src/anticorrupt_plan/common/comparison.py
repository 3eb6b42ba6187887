"""What a reader sees of a change set: the comparison's heading and one row per change.

The rows follow the Thai convention for announcing an amendment, a table of ข้อความเดิม |
ข้อความใหม่ | เหตุผล, with the place of each change in the plan's own numbering. Every
renderer of the comparison (terminal, Markdown, DOCX) takes this view.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from anticorrupt_plan.common.diffing import Change, ChangeKind, Segment
from anticorrupt_plan.common.display import digits_shown
from anticorrupt_plan.common.kind import DocumentSettings
from anticorrupt_plan.core.i18n import mark
from anticorrupt_plan.core.thai import clusters, long_date

ACTIONS = {
    ChangeKind.CHANGED: "แก้ไข",
    ChangeKind.ADDED: "เพิ่ม",
    ChangeKind.REMOVED: "ยกเลิก",
    ChangeKind.MOVED: "ย้าย",
}
ELLIPSIS = "…"
NO_CHANGES = "ไม่มีการเปลี่ยนแปลง"  # what a comparison document says when nothing changed
# What the terminal adds under a change whose texts were compared by phrase, not by letter:
# a message about the comparison, in the reader's language (translated where it is printed).
COARSE_NOTE = mark(
    "(the texts are too long to compare letter by letter, so they were compared phrase by phrase)"
)


@dataclass(frozen=True)
class ComparisonRow:
    number: str  # ๑
    action: str  # แก้ไข, เพิ่ม, ยกเลิก or ย้าย
    place: str  # เป้าประสงค์หลักที่ ๑ มาตรการที่ ๑ (เดิม มาตรการที่ ๒)
    old: tuple[Segment, ...]  # the old text: its equal and delete pieces; () when added
    new: tuple[Segment, ...]  # the new text: its equal and insert pieces; () when removed
    reason: str  # "" where the plan records none: a blank for the clerk to fill in
    exact: bool = True  # False: the texts were compared by phrase (see Change.exact)

    @property
    def old_side(self) -> Side:
        return Side.of(self.old)

    @property
    def new_side(self) -> Side:
        return Side.of(self.new)


@dataclass(frozen=True)
class Side:
    """One side's text as a document shows it: line by line, and whether its changes are
    marked (struck through, underlined). A text changed throughout carries no marks: its
    column already says whether it is the old text or the new one."""

    lines: tuple[tuple[Segment, ...], ...]
    marked: bool

    @classmethod
    def of(cls, pieces: Sequence[Segment]) -> Side:
        lines: list[list[Segment]] = [[]]
        for piece in pieces:
            for index, line in enumerate(piece.text.split("\n")):
                if index:
                    lines.append([])
                if line:
                    lines[-1].append(Segment(piece.op, line))
        has_equal = any(piece.op == "equal" for piece in pieces)
        changed = any(piece.op != "equal" for piece in pieces)
        return cls(tuple(tuple(line) for line in lines) if pieces else (), has_equal and changed)


@dataclass(frozen=True)
class ComparisonView:
    title: str  # ตารางเปรียบเทียบการแก้ไข<the plan's title, organization and years>
    document: str  # the plan's title, organization and years
    amendment: str  # แก้ไขครั้งที่ ๑ วันที่ ..., or "" when the plan records no amendment
    columns: tuple[str, ...]  # the table's headings: ที่, รายการ, ข้อความเดิม, ข้อความใหม่, เหตุผล
    rows: tuple[ComparisonRow, ...]

    @property
    def marked(self) -> bool:
        """Whether any row marks changes inside a text (so the marks need explaining)."""
        return any(row.old_side.marked or row.new_side.marked for row in self.rows)


def present_comparison(changes: Sequence[Change], *, new: DocumentSettings) -> ComparisonView:
    """Lay out ``changes`` for reading, in the digits of ``new`` (the new version)."""
    show = digits_shown(new.digits)
    amendment = ""
    if new.amendment is not None:
        amendment = f"แก้ไขครั้งที่ {show(str(new.amendment.number))}"
        if new.amendment.date is not None:
            amendment += f" {show(long_date(new.amendment.date))}"
    rows = tuple(
        ComparisonRow(
            number=show(str(n)),
            action=ACTIONS[change.kind],
            place=place_text(change),
            old=tuple(s for s in change.segments if s.op != "insert") if change.old else (),
            new=tuple(s for s in change.segments if s.op != "delete") if change.new else (),
            reason=change.reason or "",
            exact=change.exact,
        )
        for n, change in enumerate(changes, start=1)
    )
    return ComparisonView(
        title=f"ตารางเปรียบเทียบการแก้ไข{new.title}",
        document=new.title,
        amendment=amendment,
        columns=("ที่", "รายการ", "ข้อความเดิม", "ข้อความใหม่", "เหตุผล"),
        rows=rows,
    )


def comparison_date(new: DocumentSettings) -> datetime.date:
    """The comparison's own date, for its file's metadata: the amendment's, else the new
    version's own, so that the same two versions always give the same file."""
    if new.amendment is not None and new.amendment.date is not None:
        return new.amendment.date
    return new.date


def place_text(change: Change) -> str:
    """The change's place in the new numbering, and in the old where that differs.

    ``เป้าประสงค์หลักที่ ๒ มาตรการที่ ๒ แถวที่ ๑ (๕) แนวทางปฏิบัติ ๓. (เดิม มาตรการที่ ๑)``: the
    old place keeps only the labels from the first to the last that differ from the new.
    """
    old, new = change.old_place, change.new_place
    if not new:
        return " ".join(old)
    if not old or old == new:
        return " ".join(new)
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = len(old)
    if len(old) == len(new):
        while old[end - 1] == new[end - 1]:
            end -= 1
    return f"{' '.join(new)} (เดิม {' '.join(old[start:end])})"


# Unchanged text kept on each side of a change when the terminal and Markdown outputs cut a
# long paragraph short (the comparison document shows every text whole).
EXCERPT_CONTEXT = 30


def excerpt(pieces: Sequence[Segment], *, context: int = EXCERPT_CONTEXT) -> tuple[Segment, ...]:
    """``pieces`` with long unchanged stretches cut to ``context`` clusters around each change.

    A text with no change at all is kept whole: it is the text the row is about.
    """
    if all(piece.op == "equal" for piece in pieces):
        return tuple(pieces)
    result: list[Segment] = []
    last = len(pieces) - 1
    for index, piece in enumerate(pieces):
        letters = clusters(piece.text)
        keep_head = context if index > 0 else 0
        keep_tail = context if index < last else 0
        if piece.op != "equal" or len(letters) <= keep_head + keep_tail + 1:
            result.append(piece)
            continue
        head = "".join(letters[:keep_head])
        tail = "".join(letters[len(letters) - keep_tail :]) if keep_tail else ""
        result.append(Segment("equal", head + ELLIPSIS + tail))
    return tuple(result)
