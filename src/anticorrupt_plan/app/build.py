"""Compile plan files into their documents on disk: one plan, or a batch of them."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from anticorrupt_plan.app.render import DEFAULT_FORMATS, PdfOptions, render
from anticorrupt_plan.app.validate import ValidPlan, read_plan
from anticorrupt_plan.core.aside import Aside
from anticorrupt_plan.core.errors import (
    NoPlansError,
    OutputError,
    PlanError,
    PlanFileNameError,
    PlanNameClashError,
)
from anticorrupt_plan.core.i18n import tr
from anticorrupt_plan.core.output import ensure_directory, stale_outputs, write_together
from anticorrupt_plan.core.safe_text import shown

if TYPE_CHECKING:
    from anticorrupt_plan.app.checks import Report


@dataclass(frozen=True)
class BuildResult:
    """What one build produced: the validated plan, each output's bytes, what happened, and
    what the checks found if they were asked for."""

    valid: ValidPlan
    out_dir: Path
    outputs: dict[Path, bytes]
    written: list[Path] = field(default_factory=list)
    stale: list[tuple[Path, str]] = field(default_factory=list)
    report: Report | None = None


def build(
    plan_path: Path,
    *,
    out_dir: Path,
    formats: Sequence[str] = DEFAULT_FORMATS,
    check: bool = False,
    templates: Path | None = None,
    display_name: str | None = None,
    pdf: PdfOptions | None = None,
    with_checks: bool = False,
) -> BuildResult:
    """Build ``plan_path`` into ``out_dir``; with ``check``, compare instead of writing; with
    ``with_checks``, run ``plan check``'s rules too (beside the rendering, where a second
    processor allows: see :mod:`anticorrupt_plan.core.aside`).

    Every document is rendered in memory before the first is written, and they are written
    together (see :func:`write_together`), so a plan that fails to render or to write leaves
    every previous output as it was.
    """
    valid = read_plan(plan_path, display_name=display_name)
    checks = _checks_beside(valid) if with_checks else None
    try:
        result = _render_and_write(
            valid,
            plan_path=plan_path,
            out_dir=out_dir,
            formats=formats,
            check=check,
            templates=templates,
            pdf=pdf,
        )
    except BaseException:
        if checks is not None:
            checks.cancel()
        raise
    if checks is None:
        return result
    return dataclasses.replace(result, report=checks.result())


def _checks_beside(valid: ValidPlan) -> Aside[Report]:
    from anticorrupt_plan.app.checks import run_checks

    return Aside(lambda: run_checks(valid))


def _render_and_write(
    valid: ValidPlan,
    *,
    plan_path: Path,
    out_dir: Path,
    formats: Sequence[str],
    check: bool,
    templates: Path | None,
    pdf: PdfOptions | None,
) -> BuildResult:
    documents = render(valid, formats=formats, templates=templates, base=plan_path.parent, pdf=pdf)
    stem = plan_path.stem
    outputs = {out_dir / f"{stem}.{extension}": data for extension, data in documents.items()}
    if check:
        stale = stale_outputs(outputs)
        return BuildResult(valid=valid, out_dir=out_dir, outputs=outputs, stale=stale)
    ensure_directory(out_dir)
    written = write_together(out_dir, {path.name: data for path, data in outputs.items()})
    return BuildResult(valid=valid, out_dir=out_dir, outputs=outputs, written=written)


PLAN_SUFFIXES = (".yaml", ".yml")


def find_plans(paths: Sequence[Path]) -> list[Path]:
    """The plan files that ``paths`` name: a file as it is given; for a folder, the
    ``*.yaml`` and ``*.yml`` files directly inside it (not in its subfolders, and not hidden
    ones), sorted by name.
    """
    plans: list[Path] = []
    for path in paths:
        if not path.is_dir():
            plans.append(path)  # a missing file is that plan's failure, reported with the rest
            continue
        found = sorted(
            child
            for child in path.iterdir()
            if child.suffix in PLAN_SUFFIXES and not child.name.startswith(".") and child.is_file()
        )
        if not found:
            raise NoPlansError(folder=str(path), suffixes=PLAN_SUFFIXES)
        plans.extend(found)
    return plans


def batch_folders(paths: Sequence[Path], *, out_dir: Path) -> dict[Path, Path]:
    """The plans that ``paths`` name (see :func:`find_plans`), each with its own output
    folder, ``out_dir/<plan file name without .yaml>``.

    Two plans of the same name would overwrite each other's documents, a name such as
    ``...yaml`` would put them outside ``out_dir``, and a folder that is a link out of it
    would write there: each is an error before anything is built.
    """
    folders: dict[Path, Path] = {}
    owners: dict[Path, Path] = {}
    for plan in find_plans(paths):
        folder = out_dir / _folder_name(plan)
        if folder in owners:
            raise PlanNameClashError(
                first=str(owners[folder]), second=str(plan), folder=str(folder)
            )
        owners[folder] = plan
        folders[plan] = folder
    for folder in folders.values():
        _refuse_a_link_out(folder, out_dir=out_dir)
    return folders


def _folder_name(plan: Path) -> str:
    """The name of the folder ``plan`` is built into: its file name without the suffix,
    refused when it would not name one folder inside ``--out`` (``...yaml`` gives ``..``)
    or holds what a terminal would act on when the folder is named."""
    stem = plan.stem
    if stem in ("", ".", "..") or "/" in stem or "\\" in stem or shown(stem) != stem:
        raise PlanFileNameError(plan=str(plan), stem=stem)
    return stem


def _refuse_a_link_out(folder: Path, *, out_dir: Path) -> None:
    """A plan's folder may be a link only to a folder inside ``out_dir``: the documents are
    written through it."""
    if not folder.is_symlink():
        return
    try:
        inside = folder.resolve().is_relative_to(out_dir.resolve())
    except (OSError, RuntimeError):  # a loop of links
        inside = False
    if not inside:
        raise OutputError(
            path=str(folder),
            reason=tr(
                "is a link to a folder outside {out}; the documents are written only inside "
                "--out, so remove the link or build into another folder",
                out=out_dir,
            ),
        )


@dataclass(frozen=True)
class BatchResult:
    """What a batch build did, plan by plan in the order given: each plan's build, or the
    error that stopped it (and left its documents as they were)."""

    built: dict[Path, BuildResult]
    failed: dict[Path, PlanError]


def build_batch(
    folders: Mapping[Path, Path],
    *,
    formats: Sequence[str] = DEFAULT_FORMATS,
    check: bool = False,
    templates: Path | None = None,
    on_done: Callable[[Path, BuildResult | PlanError], None] | None = None,
    pdf: PdfOptions | None = None,
    with_checks: bool = False,
) -> BatchResult:
    """Build each plan of ``folders`` into its folder (see :func:`batch_folders`), going on
    past a plan that fails; ``on_done`` hears of each plan as soon as it is finished.
    """
    built: dict[Path, BuildResult] = {}
    failed: dict[Path, PlanError] = {}
    for plan, folder in folders.items():
        outcome: BuildResult | PlanError
        try:
            outcome = build(
                plan,
                out_dir=folder,
                formats=formats,
                check=check,
                templates=templates,
                pdf=pdf,
                with_checks=with_checks,
            )
        except PlanError as error:
            outcome = failed[plan] = error
        else:
            built[plan] = outcome
        if on_done is not None:
            on_done(plan, outcome)
    return BatchResult(built=built, failed=failed)
