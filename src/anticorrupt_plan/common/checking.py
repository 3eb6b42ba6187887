"""What a check rule reads and what it finds: the engine's vocabulary, shared by every kind.

A rule reads a valid document through a Context and yields Hits: the data path of the text,
the offsets of the offending characters in it (as the model holds the text, outer white
space stripped), a message and, where there is one, the correction. Turning offsets into
lines and columns, and applying the document's check settings, is the job of the app.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Any, Protocol

from pydantic import BaseModel

from anticorrupt_plan.common.organization import FiscalYears, Organization
from anticorrupt_plan.common.prose import prose_values
from anticorrupt_plan.core.errors import DataPath
from anticorrupt_plan.core.i18n import tr
from anticorrupt_plan.core.loader import Document
from anticorrupt_plan.core.textscan import Clustered, YearMention, year_mentions

# Runs of this many clusters serve as the document's own dictionary (see Context.phrases).
PHRASE = 6


class Severity(StrEnum):
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Hit:
    """One thing a rule found: where (a data path, and offsets in its text) and what."""

    path: DataPath
    message: str
    span: tuple[int, int] | None = None  # None: the value at ``path`` as a whole
    suggestion: str | None = None


@dataclass(frozen=True)
class ProseText:
    """A free text of the plan: its path, the text as the model holds it, and the YAML value."""

    path: DataPath
    raw: str

    @cached_property
    def text(self) -> str:
        return self.raw.strip()  # as the model's Text type holds it

    @cached_property
    def lead(self) -> int:
        """How many characters of the YAML value come before ``text``."""
        return len(self.raw) - len(self.raw.lstrip())

    @cached_property
    def clustered(self) -> Clustered:
        return Clustered(self.text)

    @cached_property
    def years(self) -> list[YearMention]:
        return year_mentions(self.text)


class Checked(Protocol):
    """What the shared rules read of any kind's document."""

    @property
    def organization(self) -> Organization: ...

    @property
    def fiscal_years(self) -> FiscalYears: ...

    @property
    def digits(self) -> str: ...


class Context:
    """What the rules read: the document, its prose, and indexes built once for all rules.

    ``plan`` is the kind's validated model (or what its join made of it and the file it is
    read with); ``data`` the YAML as loaded, whose keys are as the file writes them.
    """

    def __init__(
        self, document: Document, plan: Checked, *, model: type[BaseModel] | None = None
    ) -> None:
        self.document = document
        self.plan: Any = plan
        # ``model`` declares the prose; by default the plan's own class. A document read with
        # another file (a report) is checked as its own model declares, whatever its join made.
        declared = model if model is not None else type(plan)
        assert issubclass(declared, BaseModel)
        self.prose = [ProseText(path, raw) for path, raw in prose_values(declared, document.data)]
        self.by_path = {prose.path: prose for prose in self.prose}

    @property
    def data(self) -> Any:
        return self.document.data

    @cached_property
    def phrases(self) -> Counter[tuple[str, ...]]:
        """How often the prose writes each run of PHRASE clusters: the document as its own
        dictionary."""
        runs: Counter[tuple[str, ...]] = Counter()
        for prose in self.prose:
            parts = prose.clustered.clusters
            runs.update(zip(*(parts[k:] for k in range(PHRASE)), strict=False))
        return runs


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    rationale: str
    # None for the rule about the check settings themselves, which ``checks`` applies.
    find: Callable[[Context], Iterable[Hit]] | None


def quote(text: str) -> str:
    return f"'{text}'" if text else tr("nothing")
