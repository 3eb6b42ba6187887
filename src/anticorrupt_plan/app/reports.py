"""Start a follow-up report: a progress file listing every item of a plan's fiscal year."""

from __future__ import annotations

import os
from pathlib import Path

from anticorrupt_plan.app.validate import read_plan
from anticorrupt_plan.core.errors import ScaffoldError
from anticorrupt_plan.core.i18n import tr
from anticorrupt_plan.core.output import ensure_directory
from anticorrupt_plan.core.thai import BE_OFFSET
from anticorrupt_plan.kinds.report.model import Period
from anticorrupt_plan.kinds.report.scaffold import progress_text


def default_progress_path(plan: Path, *, year: int, period: Period) -> Path:
    """Where ``plan report init`` puts a progress file: ``reports/2567-annual.yaml`` beside
    the plan."""
    return plan.parent / "reports" / f"{year}-{period.value}.yaml"


def init_progress(plan: Path, *, year: int, period: Period, out: Path) -> Path:
    """Write the progress file ``out`` for ``period`` of fiscal year ``year`` of ``plan``,
    every item of that year listed with a blank status. An existing file is never replaced.
    """
    valid = read_plan(plan)
    if valid.kind.items is None:
        raise ScaffoldError(
            file=str(plan),
            reason=tr(
                "is a {label} (kind {kind}), not a plan with projects to report on",
                label=valid.kind.label,
                kind=valid.kind.name,
            ),
        )
    years = valid.plan.fiscal_years
    if year not in years.years:
        reason = tr(
            "{year} is not one of its fiscal years ({first}-{last})",
            year=year,
            first=years.first,
            last=years.last,
        )
        if year + BE_OFFSET in years.years:  # --year 2020 for 2563
            reason = tr(
                "{reason}; {year} looks like a Christian-Era year: write {be}",
                reason=reason,
                year=year,
                be=year + BE_OFFSET,
            )
        raise ScaffoldError(file=str(plan), reason=reason)
    items = valid.kind.items(valid.plan, year)
    relative = Path(os.path.relpath(plan.resolve(), out.resolve().parent)).as_posix()
    text = progress_text(
        items,
        plan=relative,
        organization=valid.plan.organization.full_name,
        fiscal_year=year,
        period=period,
    )
    ensure_directory(out.parent)
    try:
        with out.open("x", encoding="utf-8", newline="\n") as file:
            file.write(text)
    except FileExistsError:
        reason = tr("already exists; nothing was written (give another --out)")
        raise ScaffoldError(file=str(out), reason=reason) from None
    except OSError as error:
        reason = tr("cannot write: {error}", error=error.strerror)
        raise ScaffoldError(file=str(out), reason=reason) from error
    return out
