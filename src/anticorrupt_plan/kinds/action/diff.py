"""The changes between two versions of an action plan, in its own numbering.

Projects are followed by their id wherever they move (another ภารกิจ, another มิติ, another
position); a budget change is reported for its year, and with it the totals it moved: its
มิติ's total for that year and the total of all มิติ. Values are compared as the documents
show them, both in the new version's digits.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from anticorrupt_plan.common.diffing import (
    DIGIT_NAMES,
    ROOT,
    AnnouncementTexts,
    At,
    Change,
    ChangeLog,
    Node,
)
from anticorrupt_plan.common.display import Numbered, digits_shown
from anticorrupt_plan.core.errors import DataPath
from anticorrupt_plan.core.matching import Item, moved_items, pair, reading_order
from anticorrupt_plan.core.thai import arabic_digits
from anticorrupt_plan.kinds.action.model import ActionPlan, Project
from anticorrupt_plan.kinds.action.present import (
    NOT_RUNNING,
    ActionView,
    BlockView,
    DetailsView,
    ProjectView,
    TotalView,
    present,
)

# The parts of ส่วนที่ ๑ as the comparison names them.
PARTS = {
    "risk_analysis": "การวิเคราะห์ความเสี่ยง",
    "rationale": "หลักการและเหตุผล",
    "vision": "วิสัยทัศน์",
    "mission": "พันธกิจ",
    "objectives": "วัตถุประสงค์",
    "targets": "เป้าหมาย",
    "benefits": "ประโยชน์ของการจัดทำแผน",
}


def diff_plans(old: ActionPlan, new: ActionPlan) -> tuple[Change, ...]:
    """Every change from ``old`` to ``new``, in the new version's reading order."""
    differ = _Differ(old, new)
    differ.front()
    differ.dimensions()
    return tuple(differ.changes)


@dataclass(frozen=True)
class _Placed:
    """A project where one version has it: its view, its labels and its YAML path."""

    view: ProjectView
    project: Project
    place: tuple[str, ...]  # มิติที่ ๑, ภารกิจ ๑.๑.๑, ๒)
    path: DataPath

    def at(self, label: str, keys: tuple[str, ...], text: str) -> At:
        """One of its fields: labelled after its place, at its key(s) under the project."""
        return At((*self.place, label), (*self.path, *keys), text)


def _placed(plan: ActionPlan, view: ActionView) -> list[_Placed]:
    """The projects in reading order (the view's rows and the model's walk agree on it)."""
    views = [
        (dimension.number, row.project)
        for dimension in view.dimensions
        for row in dimension.rows
        if row.project is not None
    ]
    placed = []
    for (number, shown), (path, project) in zip(views, plan.projects(), strict=True):
        place = (f"มิติที่ {number}", f"ภารกิจ {shown.mission}", shown.label)
        placed.append(_Placed(shown, project, place, path))
    return placed


class _Differ(ChangeLog):
    def __init__(self, old: ActionPlan, new: ActionPlan) -> None:
        super().__init__(show=digits_shown(new.digits))
        self.old, self.new = old, new
        # Both versions speak the new version's digits, so a digits switch is one change.
        self.old_view = present(old.model_copy(update={"digits": new.digits}))
        self.new_view = present(new)
        self.reason = new.amendment.reason if new.amendment else None

    # --- everything before the มิติ ---

    def front(self) -> None:
        old, new, ov, nv, reason = self.old, self.new, self.old_view, self.new_view, self.reason
        if old.digits != new.digits:
            node = ROOT.node("ตัวเลข", "digits")
            self.emit(node.at(DIGIT_NAMES[old.digits]), node.at(DIGIT_NAMES[new.digits]), reason)
        old_round = old.catalogue.name if old.catalogue else ""
        new_round = new.catalogue.name if new.catalogue else ""
        self.fields(
            [
                ("องค์กรปกครองส่วนท้องถิ่น", ("organization",), ov.organization, nv.organization),
                ("ที่ตั้ง", ("organization",), ov.place, nv.place),
                ("ปีงบประมาณ", ("fiscal_years",), ov.years, nv.years),
                ("รอบของแผน", ("round",), old_round, new_round),
                ("ชื่อแผน", ("title",), ov.title, nv.title),
            ],
            reason,
        )
        self.announcement(_announcement(old, ov), _announcement(new, nv), reason)
        foreword = ROOT.node("คำนำ", "foreword")
        paragraphs = self.paragraphs(ov.foreword), self.paragraphs(nv.foreword)
        self.texts(foreword, foreword, *paragraphs, reason)
        old_parts = {part.key: part for part in ov.introduction}
        for part in nv.introduction:
            node = ROOT.node(f"ส่วนที่ ๑ {PARTS[part.key]}", "introduction", part.key)
            before = old_parts.pop(part.key, None)
            old_items = _block_texts(before.blocks) if before else ()
            self.texts(node, node, old_items, _block_texts(part.blocks), reason)
        for key, part in old_parts.items():  # a part the new version leaves out
            node = ROOT.node(f"ส่วนที่ ๑ {PARTS[key]}", "introduction", key)
            self.texts(node, node, _block_texts(part.blocks), (), reason)

    # --- ส่วนที่ ๒ and ๓ ---

    def dimensions(self) -> None:
        old_dims = {d.number: (i, d) for i, d in enumerate(self.old_view.dimensions)}
        new_dims = {d.number: (i, d) for i, d in enumerate(self.new_view.dimensions)}
        for number, (i, dimension) in new_dims.items():
            if number in old_dims:
                index, before = old_dims[number]
                node_old = Node((f"มิติที่ {number}",), ("dimensions", index, "title"))
                node_new = Node((f"มิติที่ {number}",), ("dimensions", i, "title"))
                self.emit(node_old.at(before.title), node_new.at(dimension.title), self.reason)
            self.missions(number)
        old_projects = _placed(self.old, self.old_view)
        new_projects = _placed(self.new, self.new_view)
        pairs = pair(
            [Item(key=p.view.name, id=p.view.id) for p in old_projects],
            [Item(key=p.view.name, id=p.view.id) for p in new_projects],
        )
        moved = _moved(pairs, old_projects, new_projects)
        for oi, ni in reading_order(len(old_projects), len(new_projects), pairs):
            self.project(
                None if oi is None else old_projects[oi],
                None if ni is None else new_projects[ni],
                moved=oi in moved,
            )
        self.totals()

    def missions(self, number: str) -> None:
        """A mission's heading reworded, found by its number."""
        old = _mission_headings(self.old, self.old_view).get(number, {})
        new = _mission_headings(self.new, self.new_view).get(number, {})
        for code, (path, title) in new.items():
            if code in old:
                old_path, old_title = old[code]
                place = (f"มิติที่ {number}", f"ภารกิจ {code}")
                self.emit(At(place, old_path, old_title), At(place, path, title), self.reason)

    def project(self, old: _Placed | None, new: _Placed | None, *, moved: bool) -> None:
        reason = (new.project.reason if new else None) or self.reason
        if old is None or new is None:
            side = new or old
            assert side is not None
            at = At(side.place, side.path, "\n".join(_project_lines(side.view)))
            self.emit(None if new else at, at if new else None, reason)
            return
        ov, nv = old.view, new.view
        if moved:
            self.emit(At(old.place, old.path, ov.name), At(new.place, new.path, nv.name),
                      reason, moved=True)  # fmt: skip
        else:
            self.emit(At(old.place, (*old.path, "name"), ov.name),
                      At(new.place, (*new.path, "name"), nv.name), reason)  # fmt: skip
        self.emit(
            old.at("ประเภท", ("type",), ov.type), new.at("ประเภท", ("type",), nv.type), reason
        )
        old_amounts = {a.year: a for a in ov.amounts}
        for amount in nv.amounts:
            before = old_amounts.get(amount.year)
            label, keys = f"งบประมาณ ปี {amount.year}", ("budget", arabic_digits(amount.year))
            before_text = before.text if before else NOT_RUNNING
            self.emit(old.at(label, keys, before_text), new.at(label, keys, amount.text), reason)
        self.emit(
            old.at("หมายเหตุ", ("note",), ov.note), new.at("หมายเหตุ", ("note",), nv.note), reason
        )
        self.details(old, new, reason)

    def details(self, old: _Placed, new: _Placed, reason: str | None) -> None:
        od, nd = old.view.details, new.view.details
        for label, key, texts in _details_texts(od, nd):
            o, n = texts
            old_node = Node((*old.place, label), (*old.path, "details", key))
            new_node = Node((*new.place, label), (*new.path, "details", key))
            self.texts(old_node, new_node, o, n, reason)

    def totals(self) -> None:
        """Each total the changes moved: a มิติ's per year, and all มิติ's per year."""
        old_dimensions = {d.number: d.total for d in self.old_view.dimensions}
        for dimension in self.new_view.dimensions:
            old_total = old_dimensions.get(dimension.number)
            self.total((f"มิติที่ {dimension.number}", "รวม"), old_total, dimension.total)
        self.total(("รวมทั้งสิ้น",), self.old_view.total, self.new_view.total)

    def total(self, place: tuple[str, ...], old: TotalView | None, new: TotalView) -> None:
        before = {amount.year: amount.text for amount in old.amounts} if old else {}
        for amount in new.amounts:
            here = (*place, f"ปี {amount.year}")
            old_text = before.get(amount.year, NOT_RUNNING)
            self.emit(At(here, None, old_text), At(here, None, amount.text), self.reason)


def _moved(pairs: dict[int, int], old: list[_Placed], new: list[_Placed]) -> set[int]:
    """The old indices of projects now under another mission, and of those that left their
    order among the projects of their mission (renumbering alone is no move)."""
    moved: set[int] = set()
    within: dict[tuple[str, ...], dict[int, int]] = {}
    for i, j in pairs.items():
        if old[i].place[:2] == new[j].place[:2]:
            within.setdefault(old[i].place[:2], {})[i] = j
        else:
            moved.add(i)
    for local in within.values():
        moved |= moved_items(local)
    return moved


def _announcement(plan: ActionPlan, view: ActionView) -> AnnouncementTexts:
    subject = view.announcement.subject or f"ประกาศใช้{view.title}"
    return AnnouncementTexts(
        subject=subject,
        subject_written=plan.announcement.subject is not None,
        body=view.announcement.body,
        date=view.announcement.date,
        signatory=view.announcement.signatory,
        position=view.announcement.position,
        position_written=plan.announcement.signatory.position is not None,
    )


def _block_texts(blocks: tuple[BlockView, ...]) -> tuple[Numbered, ...]:
    """A part's blocks as a list of texts to compare: a paragraph, a list item, a table row."""
    found: list[Numbered] = []
    for b, block in enumerate(blocks, start=1):
        if block.kind == "paragraph":
            found.append(Numbered(f"ย่อหน้าที่ {b}", block.text))
        elif block.kind == "table":
            found += [Numbered(f"ตาราง แถวที่ {r}", " | ".join(row))
                      for r, row in enumerate(block.rows, start=1)]  # fmt: skip
        else:
            found += list(block.items)
    return tuple(found)


def _mission_headings(
    plan: ActionPlan, view: ActionView
) -> dict[str, dict[str, tuple[DataPath, str]]]:
    """Each มิติ's missions by number: where each is written, and its heading as shown."""
    rows = [
        (dimension.number, row)
        for dimension in view.dimensions
        for row in dimension.rows
        if row.project is None and not row.implied
    ]
    found: dict[str, dict[str, tuple[DataPath, str]]] = {}
    for (number, row), (path, _) in zip(rows, plan.missions(), strict=True):
        found.setdefault(number, {})[row.number] = ((*path, "title"), row.title)
    return found


def _project_lines(project: ProjectView) -> list[str]:
    lines = [f"{project.label} {project.name}"]
    lines += [f"งบประมาณ ปี {a.year} {a.text}" for a in project.amounts if a.runs]
    if project.note:
        lines.append(f"หมายเหตุ {project.note}")
    return lines


def _details_texts(
    old: DetailsView | None, new: DetailsView | None
) -> Iterator[tuple[str, str, tuple[tuple[Numbered, ...], tuple[Numbered, ...]]]]:
    def one(text: str) -> tuple[Numbered, ...]:
        return (Numbered("", text),) if text else ()

    def paragraphs(texts: tuple[str, ...]) -> tuple[Numbered, ...]:
        return tuple(Numbered(f"ย่อหน้าที่ {n}", t) for n, t in enumerate(texts, start=1))

    fields = (
        ("หลักการและเหตุผล", "rationale", lambda d: paragraphs(d.rationale)),
        ("วัตถุประสงค์", "objectives", lambda d: d.objectives),
        ("เป้าหมาย", "targets", lambda d: d.targets),
        ("พื้นที่ดำเนินการ", "area", lambda d: one(d.area)),
        ("วิธีดำเนินการ", "method", lambda d: d.method),
        ("ระยะเวลาดำเนินการ", "period", lambda d: one(d.period)),
        ("ผู้รับผิดชอบโครงการ", "responsible", lambda d: one(d.responsible)),
        ("ผลผลิต", "indicators", lambda d: d.outputs),
        ("ผลลัพธ์", "indicators", lambda d: d.outcomes),
    )
    for label, key, pick in fields:
        yield label, key, (pick(old) if old else (), pick(new) if new else ())
