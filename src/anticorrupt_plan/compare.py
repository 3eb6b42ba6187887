"""Compare two versions of a plan named on the command line, and render the changes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from .diff import Change, diff_plans
from .diffview import present_comparison
from .revision import read_version
from .validate import read_plan


class DiffFormat(StrEnum):
    TEXT = "text"
    MD = "md"
    JSON = "json"


@dataclass(frozen=True)
class Comparison:
    changes: tuple[Change, ...]
    output: str  # the rendered changes, ready to print


def compare(
    old: str,
    new: str | None = None,
    *,
    plan_file: Path,
    format: DiffFormat = DiffFormat.TEXT,
    colour: bool = False,
) -> Comparison:
    """The changes from version ``old`` to ``new`` (by default ``plan_file`` as it is now).

    Each version is a file, ``REV:path``, or a git revision of ``plan_file``.
    """
    before = read_version(old, plan_file=plan_file)
    after = read_plan(plan_file) if new is None else read_version(new, plan_file=plan_file)
    changes = diff_plans(before.plan, after.plan)
    if format is DiffFormat.JSON:
        from .render.diff_json import render_json

        sources = {"old_source": before.document.file, "new_source": after.document.file}
        return Comparison(changes, render_json(changes, plan=after.plan, **sources))
    view = present_comparison(changes, plan=after.plan)
    if format is DiffFormat.MD:
        from .render.diff_markdown import render_markdown_comparison

        return Comparison(changes, render_markdown_comparison(view))
    from .render.diff_text import render_text

    return Comparison(changes, render_text(view, colour=colour))
