"""Compare two versions of a plan named on the command line, and render the changes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from anticorrupt_plan.app import DEFAULT_PLAN
from anticorrupt_plan.app.render import render_comparison
from anticorrupt_plan.app.revision import read_version
from anticorrupt_plan.app.validate import ValidPlan, read_plan
from anticorrupt_plan.common.comparison import present_comparison
from anticorrupt_plan.common.diffing import Change
from anticorrupt_plan.core.errors import DifferentKindsError
from anticorrupt_plan.core.output import write_atomic


class DiffFormat(StrEnum):
    TEXT = "text"
    MD = "md"
    JSON = "json"
    DOCX = "docx"


@dataclass(frozen=True)
class Comparison:
    changes: tuple[Change, ...]
    output: str  # the rendered changes, ready to print; "" when they were written to a file


def compare(
    old: str,
    new: str | None = None,
    *,
    plan_file: Path | None = None,
    format: DiffFormat = DiffFormat.TEXT,
    colour: bool = False,
    out: Path | None = None,
    templates: Path | None = None,
) -> Comparison:
    """The changes from version ``old`` to ``new`` (by default ``plan_file`` as it is now).

    Each version is a file, ``REV:path``, or a git revision of ``plan_file`` (by default
    ``new`` when it is a file, so that ``HEAD reports/2563-annual.yaml`` compares that
    report with its last commit; else plan.yaml). With ``out`` the rendered changes replace
    that file (atomically) instead of being returned; the DOCX comparison, a Word document,
    always needs it. Its reference document is the one in ``templates``, by default the
    built-in one.
    """
    if format is DiffFormat.DOCX and out is None:
        raise ValueError("the DOCX comparison is a file: give the path to write it to as out")
    if plan_file is None:
        plan_file = Path(new) if new is not None and Path(new).is_file() else Path(DEFAULT_PLAN)
    before = read_version(old, plan_file=plan_file)
    after = read_plan(plan_file) if new is None else read_version(new, plan_file=plan_file)
    if before.kind is not after.kind:
        raise DifferentKindsError(
            old=before.document.file,
            old_kind=before.kind.name,
            new=after.document.file,
            new_kind=after.kind.name,
        )
    changes = tuple(after.kind.diff(before.plan, after.plan))
    settings = after.kind.settings(after.plan)
    if out is None:
        output = _text(changes, before, after, format=format, colour=colour, templates=templates)
        return Comparison(changes, output)
    if format in (DiffFormat.DOCX, DiffFormat.MD):
        view = present_comparison(changes, new=settings)
        data = render_comparison(view, settings, format=format.value, templates=templates)
    else:
        text = _text(changes, before, after, format=format, colour=False, templates=templates)
        data = text.encode("utf-8")
    write_atomic(out, data)
    return Comparison(changes, "")


def _text(
    changes: tuple[Change, ...],
    before: ValidPlan,
    after: ValidPlan,
    *,
    format: DiffFormat,
    colour: bool,
    templates: Path | None,
) -> str:
    settings = after.kind.settings(after.plan)
    if format is DiffFormat.JSON:
        from anticorrupt_plan.writers.diff_json import render_json

        sources = {"old_source": before.document.file, "new_source": after.document.file}
        return render_json(changes, amendment=settings.amendment, **sources)
    view = present_comparison(changes, new=settings)
    if format is DiffFormat.MD:
        return render_comparison(view, settings, format="md", templates=templates).decode("utf-8")
    from anticorrupt_plan.writers.diff_text import render_text

    return render_text(view, colour=colour)
