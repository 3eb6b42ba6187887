"""The changes between two versions of a plan, in its own terms: a pure function of two Plans.

Values are compared as the documents show them, both in the new version's digits, so writing
80 or ๘๐ in the YAML, or any other edit that leaves the documents as they were, is no change.
Goals, measures, rows and every list of texts are matched as matching.py decides; an item
whose order among the others changed is reported as moved, with its old and its new number,
rather than removed and added. Places are the documents' own labels from present.py.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
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
from anticorrupt_plan.common.display import Numbered, digits_shown, position_label
from anticorrupt_plan.core.errors import DataPath
from anticorrupt_plan.core.matching import Item, moved_items, pair, reading_order
from anticorrupt_plan.kinds.ethics.model import Goal, Measure, Plan
from anticorrupt_plan.kinds.ethics.present import (
    GoalView,
    MeasureView,
    PlanView,
    RowView,
    TableHeader,
    present,
)


def diff_plans(old: Plan, new: Plan) -> tuple[Change, ...]:
    """Every change from ``old`` to ``new``, in the new version's reading order."""
    differ = _Differ(old, new)
    differ.header()
    differ.narrative()
    differ.goals()
    return tuple(differ.changes)


@dataclass(frozen=True)
class _Side:
    """One version of the plan and its view, each item reachable by the same indices."""

    plan: Plan
    view: PlanView

    def goal(self, g: int) -> tuple[Goal, GoalView]:
        return self.plan.goals[g], self.view.goals[g]

    def measure(self, g: int, m: int) -> tuple[Measure, MeasureView]:
        return self.plan.goals[g].measures[m], self.view.goals[g].measures[m]

    def measure_node(self, g: int, m: int) -> Node:
        labels = (self.view.goals[g].label, self.view.goals[g].measures[m].label)
        return Node(labels, ("goals", g, "measures", m))

    @property
    def header(self) -> TableHeader:
        return self.view.header


def _fields(goal: GoalView) -> tuple[Numbered, ...]:
    """A goal's fields under the names the comparison gives them."""
    return (
        Numbered(goal.strategy_label, goal.strategy),
        Numbered("ตัวชี้วัดยุทธศาสตร์", goal.strategy_indicator),
        Numbered("กลยุทธ์หลัก", goal.tactic),
    )


# Fields shown once in the documents, each compared as its whole display text.
_HEADER: tuple[tuple[str, DataPath, Callable[[PlanView], str]], ...] = (
    ("องค์กรปกครองส่วนท้องถิ่น", ("organization",), lambda v: v.organization),
    ("ที่ตั้ง", ("organization",), lambda v: v.place),
    ("ปีงบประมาณ", ("fiscal_years",), lambda v: f"ปีงบประมาณ พ.ศ. {v.years}"),
    ("ชื่อแผน", ("title",), lambda v: v.title),
)


class _Differ(ChangeLog):
    """Walks both versions side by side, from the header to the last step, noting changes."""

    def __init__(self, old: Plan, new: Plan) -> None:
        super().__init__(show=digits_shown(new.digits))
        # Both versions speak the new version's digits, so a digits switch is one change.
        self.old = _Side(old, present(old.model_copy(update={"digits": new.digits})))
        self.new = _Side(new, present(new))
        self.amendment_reason = new.amendment.reason if new.amendment else None
        self.measure_pairs: dict[tuple[int, int], tuple[int, int]] = {}
        self.measure_back: dict[tuple[int, int], tuple[int, int]] = {}
        self.moved_measures: set[tuple[int, int]] = set()

    def header(self) -> None:
        old, new, reason = self.old, self.new, self.amendment_reason
        if old.plan.digits != new.plan.digits:
            node = ROOT.node("ตัวเลข", "digits")
            before, after = DIGIT_NAMES[old.plan.digits], DIGIT_NAMES[new.plan.digits]
            self.emit(node.at(before), node.at(after), reason)
        fields = [(label, path, pick(old.view), pick(new.view)) for label, path, pick in _HEADER]
        self.fields(fields, reason)
        self.announcement(_announcement(old), _announcement(new), reason)

    def narrative(self) -> None:
        on, nn, reason = self.old.view, self.new.view, self.amendment_reason
        rationale = ROOT.node("หลักการเหตุผล", "rationale")
        paragraphs = self.paragraphs(on.rationale), self.paragraphs(nn.rationale)
        self.texts(rationale, rationale, *paragraphs, reason)
        strategy = ROOT.node("ยุทธศาสตร์ชาติ", "national_strategy")
        node = strategy.node("ข้อความนำ", "intro")
        self.emit(node.at(on.strategy_intro), node.at(nn.strategy_intro), reason)
        node = strategy.node(None, "strategies")
        self.texts(node, node, on.strategies, nn.strategies, reason)
        objectives = ROOT.node("วัตถุประสงค์", "objectives")
        node = objectives.node("ข้อความนำ", "intro")
        self.emit(node.at(on.objectives_intro), node.at(nn.objectives_intro), reason)
        node = objectives.node(None, "items")
        self.texts(node, node, on.objectives, nn.objectives, reason)
        node = ROOT.node("ขั้นตอนการจัดทำแผน", "preparation_steps")
        self.texts(node, node, on.steps, nn.steps, reason)

    def goals(self) -> None:
        old, new = self.old, self.new
        goal_pairs = pair(
            [_goal_item(*old.goal(g)) for g in range(len(old.plan.goals))],
            [_goal_item(*new.goal(g)) for g in range(len(new.plan.goals))],
        )
        old_measures, new_measures = _measure_indices(old.plan), _measure_indices(new.plan)
        flat = pair(
            [_measure_item(*old.measure(*at), old.header) for at in old_measures],
            [_measure_item(*new.measure(*at), new.header) for at in new_measures],
        )
        self.measure_pairs = {old_measures[i]: new_measures[j] for i, j in flat.items()}
        self.measure_back = {j: i for i, j in self.measure_pairs.items()}
        self.moved_measures = self._moved_measures(goal_pairs)
        moved_goals = moved_items(goal_pairs)
        for gi, gj in reading_order(len(old.plan.goals), len(new.plan.goals), goal_pairs):
            if gj is None:
                assert gi is not None
                self.whole_goal(old, gi, added=False)
            elif gi is None:
                self.whole_goal(new, gj, added=True)
                for m in range(len(new.plan.goals[gj].measures)):
                    if (gj, m) in self.measure_back:
                        self.measure(self.measure_back[gj, m], (gj, m))
            else:
                self.goal(gi, gj, moved=gi in moved_goals)

    def _moved_measures(self, goal_pairs: dict[int, int]) -> set[tuple[int, int]]:
        """Measures now under another goal, and those that left their order within their goal."""
        moved: set[tuple[int, int]] = set()
        within: dict[int, dict[int, int]] = {}
        for (gi, mi), (gj, mj) in self.measure_pairs.items():
            if goal_pairs.get(gi) == gj:
                within.setdefault(gi, {})[mi] = mj
            else:
                moved.add((gi, mi))
        for gi, pairs in within.items():
            moved.update((gi, mi) for mi in moved_items(pairs))
        return moved

    def goal(self, gi: int, gj: int, *, moved: bool) -> None:
        (old_goal, ov), (new_goal, nv) = self.old.goal(gi), self.new.goal(gj)
        reason = new_goal.reason or self.amendment_reason
        o, n = Node((ov.label,), ("goals", gi)), Node((nv.label,), ("goals", gj))
        if moved:
            self.emit(o.at(ov.goal), n.at(nv.goal), reason, moved=True)
        else:
            self.emit(o.node(None, "goal").at(ov.goal), n.node(None, "goal").at(nv.goal), reason)
        keys = ("strategy", "strategy_indicator", "tactic")
        for key, of, nf in zip(keys, _fields(ov), _fields(nv), strict=True):
            self.emit(o.node(of.label, key).at(of.text), n.node(nf.label, key).at(nf.text), reason)
        local = {mi: mj for (g, mi), (h, mj) in self.measure_pairs.items() if (g, h) == (gi, gj)}
        for mi, mj in reading_order(len(old_goal.measures), len(new_goal.measures), local):
            if mj is None:
                assert mi is not None
                if (gi, mi) not in self.measure_pairs:  # else it is reported where it went
                    self.whole_measure(self.old, (gi, mi), reason)
            elif (gj, mj) in self.measure_back:
                self.measure(self.measure_back[gj, mj], (gj, mj))
            else:
                self.whole_measure(self.new, (gj, mj), reason)

    def measure(self, at_old: tuple[int, int], at_new: tuple[int, int]) -> None:
        (_, ov), (new_measure, nv) = self.old.measure(*at_old), self.new.measure(*at_new)
        goal_reason = self.new.plan.goals[at_new[0]].reason
        reason = new_measure.reason or goal_reason or self.amendment_reason
        o, n = self.old.measure_node(*at_old), self.new.measure_node(*at_new)
        if at_old in self.moved_measures:
            self.emit(o.at(ov.title), n.at(nv.title), reason, moved=True)
        else:
            self.emit(
                o.node(None, "title").at(ov.title), n.node(None, "title").at(nv.title), reason
            )
        pairs = pair(
            [_row_item(row, self.old.header) for row in ov.rows],
            [_row_item(row, self.new.header) for row in nv.rows],
        )
        moved = moved_items(pairs)
        for ri, rj in reading_order(len(ov.rows), len(nv.rows), pairs):
            if rj is None:
                assert ri is not None
                old_row = o.node(self.row_label(ri), "rows", ri)
                self.emit(old_row.at(_row_text(ov.rows[ri], self.old.header)), None, reason)
                continue
            new_row = n.node(self.row_label(rj), "rows", rj)
            row_reason = new_measure.rows[rj].reason or reason
            if ri is None:
                self.emit(None, new_row.at(_row_text(nv.rows[rj], self.new.header)), row_reason)
            else:
                old_row = o.node(self.row_label(ri), "rows", ri)
                moved_row = ri in moved
                self.row(old_row, new_row, ov.rows[ri], nv.rows[rj], moved_row, row_reason)

    def row_label(self, r: int) -> str:
        return position_label("แถว", r + 1, self.show)

    def row(
        self, o: Node, n: Node, old: RowView, new: RowView, moved: bool, reason: str | None
    ) -> None:
        oh, nh = self.old.header, self.new.header
        if moved:
            self.emit(o.at(old.objective), n.at(new.objective), reason, moved=True)
        else:
            before = o.node(oh.objective, "objective").at(old.objective)
            self.emit(before, n.node(nh.objective, "objective").at(new.objective), reason)
        before = o.node(oh.indicator, "indicator").at(old.indicator)
        self.emit(before, n.node(nh.indicator, "indicator").at(new.indicator), reason)
        old_targets = _targets(o, old, oh, self.old.plan)
        new_targets = _targets(n, new, nh, self.new.plan)
        for year in [*new_targets, *(year for year in old_targets if year not in new_targets)]:
            self.emit(old_targets.get(year), new_targets.get(year), reason)
        before = o.node(oh.project, "project").at(old.project)
        self.emit(before, n.node(nh.project, "project").at(new.project), reason)
        old_steps, new_steps = o.node(oh.steps, "steps"), n.node(nh.steps, "steps")
        self.texts(old_steps, new_steps, old.steps, new.steps, reason)

    def whole_goal(self, side: _Side, g: int, *, added: bool) -> None:
        """A goal added or removed, with those of its measures that are not found elsewhere."""
        goal, view = side.goal(g)
        elsewhere = self.measure_back if added else self.measure_pairs
        lines = [view.goal, *(f"{f.label} {f.text}" for f in _fields(view))]
        for m, measure in enumerate(view.measures):
            if (g, m) not in elsewhere:
                lines.append(f"{measure.label} {measure.title}")
                lines.extend(_row_text(row, side.header) for row in measure.rows)
        at = Node((view.label,), ("goals", g)).at("\n".join(lines))
        if added:
            self.emit(None, at, goal.reason or self.amendment_reason)
        else:
            self.emit(at, None, self.amendment_reason)

    def whole_measure(self, side: _Side, at: tuple[int, int], reason: str | None) -> None:
        """A measure added (under the goal whose ``reason`` is given) or removed."""
        measure, view = side.measure(*at)
        text = "\n".join([view.title, *(_row_text(row, side.header) for row in view.rows)])
        item = side.measure_node(*at).at(text)
        if side is self.new:
            self.emit(None, item, measure.reason or reason)
        else:
            self.emit(item, None, reason)


def _announcement(side: _Side) -> AnnouncementTexts:
    view, written = side.view.announcement, side.plan.announcement
    return AnnouncementTexts(
        subject=view.subject,
        subject_written=written.subject is not None,
        body=view.body,
        date=view.date,
        signatory=view.signatory,
        position=view.position,
        position_written=written.signatory.position is not None,
    )


def _measure_indices(plan: Plan) -> list[tuple[int, int]]:
    return [(g, m) for g, goal in enumerate(plan.goals) for m in range(len(goal.measures))]


def _targets(node: Node, row: RowView, header: TableHeader, plan: Plan) -> dict[str, At]:
    """A row's target for each displayed year, keyed by the year as the documents show it."""
    return {
        shown: node.node(f"{header.targets} {shown}", "targets", str(year)).at(target)
        for shown, year, target in zip(
            header.years, plan.fiscal_years.years, row.targets, strict=True
        )
    }


def _goal_item(goal: Goal, view: GoalView) -> Item:
    own = (view.goal, *(f.text for f in _fields(view)))
    measures = tuple((m.title, m.rows) for m in view.measures)
    return Item(key=own, parts=(*own, *measures), id=goal.id)


def _measure_item(measure: Measure, view: MeasureView, header: TableHeader) -> Item:
    parts: list[Hashable] = [view.title]
    for row in view.rows:
        parts.extend(_row_parts(row, header))
    return Item(key=(view.title, view.rows), parts=tuple(parts), id=measure.id)


def _row_parts(row: RowView, header: TableHeader) -> tuple[str, ...]:
    targets = tuple(
        f"{year} {target}" for year, target in zip(header.years, row.targets, strict=True)
    )
    steps = tuple(step.text for step in row.steps)
    return (row.objective, row.indicator, *targets, row.project, *steps)


def _row_item(row: RowView, header: TableHeader) -> Item:
    return Item(key=row, parts=_row_parts(row, header))


def _row_text(row: RowView, header: TableHeader) -> str:
    """A whole row as lines of text, each headed by its column's label."""
    lines = [f"{header.objective} {row.objective}", f"{header.indicator} {row.indicator}"]
    lines += [f"{header.targets} {y} {t}" for y, t in zip(header.years, row.targets, strict=True)]
    lines.append(f"{header.project} {row.project}")
    if row.steps:
        lines.append(header.steps)
        lines += [f"{step.label} {step.text}" for step in row.steps]
    return "\n".join(lines)
