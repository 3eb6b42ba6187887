"""What a document kind is to the rest of the program: one small record of functions.

The spine (load, validate, check, diff, present, write) knows no kind. Each kind package
(``kinds/<name>``) builds one Kind from its model, rules, presentation and comparison, and
the app finds it through the registry by the ``kind:`` its files declare.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from anticorrupt_plan.common.checking import Rule
from anticorrupt_plan.common.diffing import Change
from anticorrupt_plan.common.settings import Amendment, Layout
from anticorrupt_plan.common.types import Violation
from anticorrupt_plan.core.errors import DataPath


@dataclass(frozen=True)
class DocumentSettings:
    """What the writers need of a document besides its content."""

    title: str  # the document's title on one line, for its metadata
    author: str  # the organization
    date: datetime.date  # the document's own date: its metadata, never the clock
    digits: str  # "thai" or "arabic"
    layout: Layout
    amendment: Amendment | None = None


@dataclass(frozen=True)
class Kind:
    """A document kind: its model, rules, presentation and comparison."""

    name: str  # what ``kind:`` says in the file
    label: str  # the document's Thai name
    model: type[BaseModel]
    violations: Callable[[Any], Iterable[Violation]]  # rules across fields, after the schema
    rules: tuple[Rule, ...]  # what ``plan check`` runs
    present: Callable[[Any], Any]  # the view its templates read
    settings: Callable[[Any], DocumentSettings]
    diff: Callable[[Any, Any], Sequence[Change]]
    describe: Callable[[Any], str]  # what ``plan validate`` says it found: "3 goals, 8 measures"
    # Files the document names (images), by the name its templates give them.
    assets: Callable[[Any], Mapping[str, DataPath]]
