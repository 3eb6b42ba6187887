"""Compile a plan file into its documents: validate, present, render each format, write."""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DataPath, ImageError, PlanError, PlanInvalid, SchemaError, SourceDateEpochError
from .output import ensure_directory, stale_outputs, write_atomic
from .present import PlanView, present
from .resources import template_dir
from .validate import ValidPlan, read_plan

FORMATS = ("md", "docx")
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
    base: Path | None = None,
) -> dict[str, bytes]:
    """Each requested format's document as bytes, keyed by file extension.

    Files the plan names (the emblem) are found relative to ``base``, by default the
    folder of the plan file.
    """
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
    if "docx" in formats:
        folder = base if base is not None else Path(valid.document.file).parent
        documents["docx"] = _render_docx(valid, view, templates=templates, base=folder)
    return documents


EMBLEM: DataPath = ("announcement", "emblem")


def _render_docx(valid: ValidPlan, view: PlanView, *, templates: Path | None, base: Path) -> bytes:
    from .render.docx import REFERENCE, render_docx  # python-docx only when a DOCX is asked for

    name = valid.plan.announcement.emblem
    emblem = None if name is None else _read_emblem(valid, base / name)
    try:
        return render_docx(
            view,
            reference=template_dir(templates) / REFERENCE,
            emblem=emblem,
            timestamp=document_time(view.issued),
        )
    except ImageError as error:
        raise _emblem_problem(valid, f"{base / str(name)} {error.reason}") from error


def _read_emblem(valid: ValidPlan, path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        reason = f"no such file: {path}"
    except IsADirectoryError:
        reason = f"{path} is a folder; give the path of the image file"
    except OSError as error:
        reason = f"cannot read {path}: {error.strerror}"
    raise _emblem_problem(valid, reason)


def _emblem_problem(valid: ValidPlan, message: str) -> PlanInvalid:
    location = valid.document.value_location(EMBLEM)
    return PlanInvalid([SchemaError(location=location, path=EMBLEM, message=message)])


def document_time(issued: datetime.date) -> datetime.datetime:
    """When the documents say they were made: ``SOURCE_DATE_EPOCH`` if it is set, else the
    announcement's date (at midnight UTC). Never the clock, so that builds are reproducible.
    """
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not value:
        return datetime.datetime.combine(issued, datetime.time(), tzinfo=datetime.UTC)
    try:
        if not (value.isascii() and value.isdigit()):
            raise ValueError(value)
        return datetime.datetime.fromtimestamp(int(value), tz=datetime.UTC)
    except (ValueError, OverflowError, OSError):
        raise SourceDateEpochError(value=value) from None


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
    documents = render(valid, formats=formats, templates=templates, base=plan_path.parent)
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
