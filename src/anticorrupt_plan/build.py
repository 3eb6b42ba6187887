"""Compile a plan file into its documents: validate, present, render each format, write."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import PlanError
from .output import ensure_directory, stale_outputs, write_atomic
from .present import present
from .resources import template_dir
from .validate import ValidPlan, read_plan

FORMATS = ("md",)
DEFAULT_FORMATS = FORMATS


class UnknownFormatError(PlanError):
    def __init__(self, *, name: str) -> None:
        super().__init__(f"unknown output format {name!r}; choose from {', '.join(FORMATS)}")


@dataclass(frozen=True)
class BuildResult:
    """What one build produced: the validated plan, each output's bytes, and what happened."""

    valid: ValidPlan
    outputs: dict[Path, bytes]
    written: list[Path] = field(default_factory=list)
    stale: list[tuple[Path, str]] = field(default_factory=list)


def render(
    valid: ValidPlan,
    *,
    formats: Sequence[str] = DEFAULT_FORMATS,
    templates: Path | None = None,
) -> dict[str, bytes]:
    """Each requested format's document as bytes, keyed by file extension."""
    for name in formats:
        if name not in FORMATS:
            raise UnknownFormatError(name=name)
    view = present(valid.plan)
    documents: dict[str, bytes] = {}
    if "md" in formats:
        from .render.markdown import render_markdown  # jinja2 only when Markdown is asked for

        text = render_markdown(
            view, templates=template_dir(templates), source_name=Path(valid.document.file).name
        )
        documents["md"] = text.encode("utf-8")
    return documents


def build(
    plan_path: Path,
    *,
    out_dir: Path,
    formats: Sequence[str] = DEFAULT_FORMATS,
    check: bool = False,
    templates: Path | None = None,
    display_name: str | None = None,
) -> BuildResult:
    """Build ``plan_path`` into ``out_dir``; with ``check``, compare instead of writing.

    Every document is rendered in memory before the first is written, so a plan that fails
    to render leaves every previous output as it was.
    """
    valid = read_plan(plan_path, display_name=display_name)
    documents = render(valid, formats=formats, templates=templates)
    stem = plan_path.stem
    outputs = {out_dir / f"{stem}.{extension}": data for extension, data in documents.items()}
    if check:
        return BuildResult(valid=valid, outputs=outputs, stale=stale_outputs(outputs))
    ensure_directory(out_dir)
    written = []
    for path, data in outputs.items():
        write_atomic(path, data)
        written.append(path)
    return BuildResult(valid=valid, outputs=outputs, written=written)
