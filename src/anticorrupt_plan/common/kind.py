"""What a document kind is to the rest of the program: one small record of functions.

The spine (load, validate, check, diff, present, write) knows no kind. Each kind package
(``kinds/<name>``) builds one Kind from its model, rules, presentation and comparison, and
the app finds it through the registry by the ``kind:`` its files declare.
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol

from pydantic import BaseModel

from anticorrupt_plan.common.display import plain
from anticorrupt_plan.common.organization import FiscalYears, Organization
from anticorrupt_plan.common.settings import Amendment, Layout
from anticorrupt_plan.common.types import Violation
from anticorrupt_plan.core.errors import DataPath

if TYPE_CHECKING:  # what a command imports only when it checks or compares
    from anticorrupt_plan.common.checking import Rule
    from anticorrupt_plan.common.diffing import Change


@dataclass(frozen=True)
class DocumentSettings:
    """What the writers need of a document besides its content."""

    title: str  # the document's title on one line, for its metadata
    author: str  # the organization
    date: datetime.date  # the document's own date: its metadata, never the clock
    digits: str  # "thai" or "arabic"
    layout: Layout
    amendment: Amendment | None = None


# --- what a plan offers the follow-up reports ---------------------------------------------------

NoBudget = Literal["ไม่ใช้งบประมาณ"]  # common.types.NO_BUDGET: carried out without a budget


@dataclass(frozen=True)
class ItemGroup:
    """The part of a plan its items are summed up under: the action plan's มิติ, the ethics
    plan's เป้าประสงค์หลัก. Text is in Arabic digits; a report writes it in the plan's digits."""

    id: str  # stable within the plan: the group's own id if it has one, else its number
    number: str  # "1": the group's number in the plan's order
    label: str  # "มิติที่ 1", "เป้าประสงค์หลักที่ 1": how the plan's documents name it
    title: str  # "การสร้างสังคมที่ไม่ทนต่อการทุจริต"


@dataclass(frozen=True)
class PlanItem:
    """One project, activity or measure of a plan in one fiscal year: what a follow-up report
    (kind ``report``) reports on, one row of its tables.

    A progress file names an item by ``id`` or by ``number``; both must be unique among the
    items of a year (``id`` wins where an id of one item is the number of another). Text is
    as the plan writes it, numbers in Arabic digits; the report shows it in the plan's digits.
    """

    id: str  # stable across amendments: the item's own id if the plan gives one, else number
    number: str  # its numbering in the plan, dotted: "1.2" (goal 1, measure 2), "2.1.3"
    label: str  # where the plan's documents put it: "เป้าประสงค์หลักที่ 1 มาตรการที่ 2"
    group: ItemGroup
    title: str  # the project or activity, as the plan names it
    # Baht planned for that fiscal year; "ไม่ใช้งบประมาณ" when the plan says the item needs
    # none; None when the kind plans no budgets at all (the ethics plan).
    budget: int | NoBudget | None
    indicator: str | None = None  # ตัวชี้วัด, where the plan gives one
    target: str | None = None  # that year's ค่าเป้าหมาย, where the plan gives one
    path: DataPath = ()  # where the item is written in the plan file


class ReportablePlan(Protocol):
    """What a follow-up report reads of the plan it reports on, besides its items."""

    @property
    def organization(self) -> Organization: ...

    @property
    def fiscal_years(self) -> FiscalYears: ...

    @property
    def digits(self) -> str: ...

    @property
    def layout(self) -> Layout: ...

    @property
    def title(self) -> str: ...


@dataclass(frozen=True)
class Reference:
    """A document read together with another file: a report and the plan it reports on.

    ``path`` is the key whose value names the other file (relative to this one). The app
    reads and validates that file as any document (its own errors are reported at its own
    lines), then ``join(own model, other model, other kind)`` makes the value every other
    function of this kind receives; the kind's ``violations`` then see both files.
    """

    path: DataPath
    join: Callable[[Any, Any, Kind], Any]


@dataclass(frozen=True)
class Kind:
    """A document kind: its model, rules, presentation and comparison."""

    name: str  # what ``kind:`` says in the file
    label: str  # the document's Thai name
    model: type[BaseModel]
    violations: Callable[[Any], Iterable[Violation]]  # rules across fields, after the schema
    rules: Callable[[], Sequence[Rule]]  # what ``plan check`` runs
    present: Callable[[Any], Any]  # the view its templates read
    settings: Callable[[Any], DocumentSettings]
    diff: Callable[[Any, Any], Sequence[Change]]
    describe: Callable[[Any], str]  # what ``plan validate`` says it found: "3 goals, 8 measures"
    # Files the document names (images), by the name its templates give them.
    assets: Callable[[Any], Mapping[str, DataPath]]
    # A plan's items of one fiscal year, for the follow-up reports: ``items(plan, year)``,
    # in the plan's order. None: the kind is no plan a report can follow.
    items: Callable[[Any, int], Sequence[PlanItem]] | None = None
    # Another file this document is read with (a report's plan); None: it stands alone.
    reference: Reference | None = None
    # Images the kind draws itself (a report's charts), by the name its templates give them:
    # PNG bytes, the same bytes for the same document.
    figures: Callable[[Any], Mapping[str, bytes]] | None = None


def deferred(module: str, name: str) -> Callable[..., Any]:
    """``module.name`` called through a stand-in that imports ``module`` at the first call.

    A kind's checks, presentation and comparison import much that ``plan validate`` never
    uses; given to a Kind this way, a command pays only for what it calls. A value that is
    not a function (a kind's rules) is had by calling the stand-in with no arguments.
    """

    def stand_in(*args: Any, **kwargs: Any) -> Any:
        found = getattr(importlib.import_module(module), name)
        return found(*args, **kwargs) if callable(found) else found

    stand_in.__qualname__ = stand_in.__name__ = name
    return stand_in


# --- what the plan kinds share ------------------------------------------------------------------


def plan_settings(present: Callable[[Any], Any]) -> Callable[[Any], DocumentSettings]:
    """The settings of a plan that its announcement adopts, for a kind whose view
    (``present``) has a ``document_title`` and an ``organization``."""

    def settings(plan: Any) -> DocumentSettings:
        view = present(plan)
        return DocumentSettings(
            title=view.document_title,
            author=plain(view.organization),
            date=plan.announcement.date,
            digits=plan.digits,
            layout=plan.layout,
            amendment=plan.amendment,
        )

    return settings


def announcement_assets(plan: Any) -> Mapping[str, DataPath]:
    """The files a plan names: the emblem on its announcement, if it has one."""
    if plan.announcement.emblem is None:
        return {}
    return {"emblem": ("announcement", "emblem")}
