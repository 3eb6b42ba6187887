"""The vocabulary of a comparison between two versions of a document, shared by every kind.

A kind walks its two versions side by side and records, through a ChangeLog, each item that
changed, was added, removed or moved: its place in each version's numbering (the documents'
own labels), its YAML path and the text each version shows. Texts are compared as the
documents show them, so an edit that leaves the documents as they were is no change.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from anticorrupt_plan.common.display import Numbered, position_label
from anticorrupt_plan.core.errors import DataPath
from anticorrupt_plan.core.matching import align_text, moved_items, pair, reading_order, text_item
from anticorrupt_plan.core.thai import clusters

# Thai and Arabic digits alike (``\d`` matches every Unicode decimal digit), and the commas
# between a number's groups of three: 50,000 to 60,000 reads as one number replaced.
_NUMBER_END = re.compile(r"\d[\d,]*$")
_NUMBER_START = re.compile(r"^[\d,]*\d")
# Equal runs shorter than this many clusters between two edits are shown as part of one
# edit: a reworded phrase reads better whole than cut into one-letter pieces.
MIN_EQUAL = 3

DIGIT_NAMES = {"thai": "เลขไทย", "arabic": "เลขอารบิก"}


class ChangeKind(StrEnum):
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"


@dataclass(frozen=True)
class Segment:
    """A piece of a changed text: kept by both versions, or only in the old, or only in the new."""

    op: Literal["equal", "delete", "insert"]
    text: str


@dataclass(frozen=True)
class Change:
    """One change, with its place in each version's numbering and the text each version shows.

    ``segments`` spell out both texts: the old is its ``equal`` and ``delete`` pieces, the new
    its ``equal`` and ``insert`` pieces. An added item has no old place, path or text; a removed
    item has no new ones.
    """

    kind: ChangeKind
    old_place: tuple[str, ...]  # ("เป้าประสงค์หลักที่ ๑", "มาตรการที่ ๒", ...), outermost first
    new_place: tuple[str, ...]
    old_path: DataPath | None  # where the item sits in the YAML: ("goals", 0, "measures", 1)
    new_path: DataPath | None
    old: str | None
    new: str | None
    segments: tuple[Segment, ...]
    reason: str | None  # from the new version, where it records one
    # False when the texts were too long to compare letter by letter within bounded work,
    # so their segments were found word by word, or as one replacement.
    exact: bool = True


def segments(old: str, new: str) -> tuple[tuple[Segment, ...], bool]:
    """``old`` and ``new`` cut into equal and changed pieces by character cluster, and
    whether the cut is exact (see :func:`align_text`: very long texts are cut coarser).

    Thai has no spaces between words, so the cut goes by cluster (a letter with its vowel and
    tone marks), never by space-separated word and never inside a cluster; nor inside a
    number, so that ร้อยละ ๘๐ to ร้อยละ ๙๐ reads as ๘๐ replaced by ๙๐.
    """
    a, b = clusters(old), clusters(new)
    # Runs alternate: an equal text, or a (deleted, inserted) pair.
    runs: list[str | tuple[str, str]] = []
    opcodes, exact = align_text(a, b)
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            runs.append("".join(a[i1:i2]))
        else:
            _add_edit(runs, "".join(a[i1:i2]), "".join(b[j1:j2]))
    _widen_to_numbers(runs)
    merged: list[str | tuple[str, str]] = []
    for index, run in enumerate(runs):
        between_edits = 0 < index < len(runs) - 1
        if isinstance(run, str) and between_edits and len(clusters(run)) < MIN_EQUAL:
            _add_edit(merged, run, run)
        elif isinstance(run, str):
            if run:
                merged.append(run)
        else:
            _add_edit(merged, *run)
    result: list[Segment] = []
    for run in merged:
        if isinstance(run, str):
            result.append(Segment("equal", run))
            continue
        deleted, inserted = run
        if deleted:
            result.append(Segment("delete", deleted))
        if inserted:
            result.append(Segment("insert", inserted))
    return tuple(result), exact


def _widen_to_numbers(runs: list[str | tuple[str, str]]) -> None:
    """Move the digits of a number cut by an edit into the edit, on both sides."""
    for index, run in enumerate(runs):
        if isinstance(run, str):
            continue
        deleted, inserted = run
        before = runs[index - 1] if index > 0 else None
        if isinstance(before, str) and (deleted[:1].isdigit() or inserted[:1].isdigit()):
            digits = _NUMBER_END.search(before)
            if digits:
                runs[index - 1] = before[: digits.start()]
                deleted, inserted = digits.group() + deleted, digits.group() + inserted
        after = runs[index + 1] if index + 1 < len(runs) else None
        if isinstance(after, str) and (deleted[-1:].isdigit() or inserted[-1:].isdigit()):
            digits = _NUMBER_START.match(after)
            if digits:
                runs[index + 1] = after[digits.end() :]
                deleted, inserted = deleted + digits.group(), inserted + digits.group()
        runs[index] = (deleted, inserted)


def _add_edit(runs: list[str | tuple[str, str]], deleted: str, inserted: str) -> None:
    if runs and isinstance(runs[-1], tuple):
        before_deleted, before_inserted = runs[-1]
        runs[-1] = (before_deleted + deleted, before_inserted + inserted)
    else:
        runs.append((deleted, inserted))


Place = tuple[str, ...]


@dataclass(frozen=True)
class At:
    """An item as one version shows it: its place in the numbering, its YAML path, its text."""

    place: Place
    path: DataPath | None  # None for what the documents derive (a total), not written
    text: str


@dataclass(frozen=True)
class Node:
    """Where an item sits in one version: its labels in the numbering and its YAML path."""

    place: Place = ()
    path: DataPath = ()

    def node(self, label: str | None, *keys: str | int) -> Node:
        return Node((*self.place, label) if label else self.place, (*self.path, *keys))

    def at(self, text: str) -> At:
        return At(self.place, self.path, text)


ROOT = Node()


class ChangeLog:
    """Records the changes a kind finds, in the order it walks the new version.

    ``show`` writes numbers in the new version's digits, for the labels this class makes.
    """

    def __init__(self, *, show: Callable[[str], str]) -> None:
        self.show = show
        self.changes: list[Change] = []

    def emit(
        self, old: At | None, new: At | None, reason: str | None, *, moved: bool = False
    ) -> None:
        """Record the change from ``old`` to ``new``, if there is one."""
        exact = True
        if old is not None and new is not None:
            if old.text == new.text and not moved:
                return
            kind = ChangeKind.MOVED if moved else ChangeKind.CHANGED
            pieces, exact = segments(old.text, new.text)
        elif new is not None:
            kind, pieces = ChangeKind.ADDED, (Segment("insert", new.text),)
        elif old is not None:
            kind, pieces = ChangeKind.REMOVED, (Segment("delete", old.text),)
        else:
            return
        self.changes.append(
            Change(
                kind=kind,
                old_place=old.place if old else (),
                new_place=new.place if new else (),
                old_path=old.path if old else None,
                new_path=new.path if new else None,
                old=old.text if old else None,
                new=new.text if new else None,
                segments=pieces,
                reason=reason,
                exact=exact,
            )
        )

    # --- the announcement and the narrative ---

    def paragraphs(self, texts: Sequence[str]) -> tuple[Numbered, ...]:
        """Paragraphs, which the documents do not number, labelled by their position."""
        return tuple(
            Numbered(position_label("ย่อหน้า", n, self.show), text)
            for n, text in enumerate(texts, start=1)
        )

    def texts(
        self,
        old_node: Node,
        new_node: Node,
        old: Sequence[Numbered],
        new: Sequence[Numbered],
        reason: str | None,
    ) -> None:
        """A list of numbered texts (paragraphs, strategies, steps), item by item."""
        pairs = pair([text_item(x.text) for x in old], [text_item(x.text) for x in new])
        moved = moved_items(pairs)
        for i, j in reading_order(len(old), len(new), pairs):
            before = None if i is None else old_node.node(old[i].label, i).at(old[i].text)
            after = None if j is None else new_node.node(new[j].label, j).at(new[j].text)
            self.emit(before, after, reason, moved=i in moved)

    def fields(self, fields: Sequence[tuple[str, DataPath, str, str]], reason: str | None) -> None:
        """Fields shown once in the documents, each ``(label, path, old text, new text)``."""
        for label, path, old, new in fields:
            node = ROOT.node(label, *path)
            self.emit(node.at(old), node.at(new), reason)

    def announcement(
        self, old: AnnouncementTexts, new: AnnouncementTexts, reason: str | None
    ) -> None:
        """The announcement that adopts a plan, part by part."""
        node = ROOT.node("ประกาศ", "announcement")
        # A subject or position left to its default follows the title or the organization,
        # whose change is reported there; so they are compared only when one is written.
        if old.subject_written or new.subject_written:
            subject = node.node("เรื่อง", "subject")
            self.emit(subject.at(f"เรื่อง {old.subject}"), subject.at(f"เรื่อง {new.subject}"), reason)
        body = node.node(None, "body")
        self.texts(body, body, self.paragraphs(old.body), self.paragraphs(new.body), reason)
        date = node.node("วันที่ประกาศ", "date")
        self.emit(date.at(f"ประกาศ ณ {old.date}"), date.at(f"ประกาศ ณ {new.date}"), reason)
        name = node.node("ผู้ลงนาม", "signatory", "name")
        self.emit(name.at(f"({old.signatory})"), name.at(f"({new.signatory})"), reason)
        if old.position_written or new.position_written:
            position = node.node("ตำแหน่งผู้ลงนาม", "signatory", "position")
            self.emit(position.at(old.position), position.at(new.position), reason)


@dataclass(frozen=True)
class AnnouncementTexts:
    """An announcement as its documents show it, for comparing two versions of it."""

    subject: str
    subject_written: bool  # False: the subject follows the title
    body: tuple[str, ...]
    date: str
    signatory: str
    position: str
    position_written: bool  # False: the executive of the organization
