"""Render a validated document, or a comparison, in each format: kind -> tree -> writers."""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from anticorrupt_plan.app.validate import ValidPlan, asset_problem, read_assets
from anticorrupt_plan.common.display import digits_shown
from anticorrupt_plan.common.kind import DocumentSettings
from anticorrupt_plan.core.errors import ImageError, SourceDateEpochError, UnknownFormatError
from anticorrupt_plan.core.resources import template_dir, template_file
from anticorrupt_plan.document.tree import Document

if TYPE_CHECKING:  # a comparison's modules, for plan diff only
    from anticorrupt_plan.common.comparison import ComparisonView

FORMATS = ("md", "docx", "pdf")
DEFAULT_FORMATS = ("md", "docx")  # a PDF needs LibreOffice, so it is made when asked for
DOCUMENT = "document.xml.j2"  # each kind's main template
COMPARISON = "comparison.xml.j2"  # in templates/common/, for every kind
REFERENCE = "reference.docx"  # the Word document every DOCX is built on
IMAGE_SUFFIXES = {b"\x89PNG": ".png", b"\xff\xd8\xff": ".jpg"}


def document_tree(valid: ValidPlan, *, templates: Path | None = None) -> Document:
    """The document the kind's templates make of ``valid``."""
    from anticorrupt_plan.document.templates import render_document  # jinja2 only here

    kind = valid.kind
    return render_document(
        template_dir(templates),
        kind.name,
        DOCUMENT,
        {"plan": kind.present(valid.plan)},
        show=digits_shown(valid.plan.digits),
    )


@dataclass(frozen=True)
class PdfOptions:
    """How ``--format pdf`` is made: PDF/A-2b for archiving, and whether a PDF may be set
    in a substitute font when the document's font is not installed."""

    pdfa: bool = False
    allow_substitute_font: bool = False


def render(
    valid: ValidPlan,
    *,
    formats: Sequence[str] = DEFAULT_FORMATS,
    templates: Path | None = None,
    base: Path | None = None,
    pdf: PdfOptions | None = None,
) -> dict[str, bytes]:
    """Each requested format's document as bytes, keyed by what follows the file's stem:
    ``md``, ``docx``, ``pdf``, and for the Markdown the images it links to (``emblem.png``).

    Files the plan names (the emblem) are found relative to ``base``, by default the
    folder of the plan file. A PDF is the DOCX as LibreOffice lays it out.
    """
    for name in formats:
        if name not in FORMATS:
            raise UnknownFormatError(name=name, known=FORMATS)
    folder = base if base is not None else Path(valid.document.file).parent
    images = read_assets(valid, base=folder)
    if valid.kind.figures is not None:  # charts, drawn only for a build
        images.update(valid.kind.figures(valid.plan))
    tree = document_tree(valid, templates=templates)
    settings = valid.kind.settings(valid.plan)
    documents: dict[str, bytes] = {}
    if "md" in formats:
        from anticorrupt_plan.writers.markdown import render_markdown

        stem = Path(valid.document.file).stem
        names = {ref: f"{ref}{_suffix(data)}" for ref, data in images.items()}
        text = render_markdown(
            tree,
            source_name=Path(valid.document.file).name,
            images={ref: f"{stem}.{name}" for ref, name in names.items()},
        )
        documents["md"] = text.encode("utf-8")
        documents.update({name: images[ref] for ref, name in names.items()})
    if "docx" in formats or "pdf" in formats:
        try:
            docx = _docx(tree, settings, images=images, templates=templates)
        except ImageError as error:
            raise asset_problem(valid, error.ref, error.reason, base=folder) from error
        if "docx" in formats:
            documents["docx"] = docx
        if "pdf" in formats:
            from anticorrupt_plan.app.pdf import docx_to_pdf  # LibreOffice only for a PDF

            options = pdf or PdfOptions()
            documents["pdf"] = docx_to_pdf(
                docx,
                pdfa=options.pdfa,
                allow_substitute_font=options.allow_substitute_font,
                timestamp=document_time(settings.date),
            )
    return documents


def render_comparison(
    view: ComparisonView, new: DocumentSettings, *, format: str, templates: Path | None = None
) -> bytes:
    """The comparison document in ``format`` (``md`` or ``docx``), in the new version's
    typography and digits."""
    from anticorrupt_plan.common.comparison import comparison_date
    from anticorrupt_plan.document.templates import render_document

    tree = render_document(
        template_dir(templates),
        "common",
        COMPARISON,
        {"comparison": view},
        show=digits_shown(new.digits),
    )
    if format == "md":
        from anticorrupt_plan.writers.markdown import render_markdown

        return render_markdown(tree, source_name=None).encode("utf-8")
    dated = DocumentSettings(
        title=view.title,
        author=new.author,
        date=comparison_date(new),
        digits=new.digits,
        layout=new.layout,
        amendment=new.amendment,
    )
    return _docx(tree, dated, images={}, templates=templates)


def _docx(
    tree: Document,
    settings: DocumentSettings,
    *,
    images: dict[str, bytes],
    templates: Path | None,
) -> bytes:
    from anticorrupt_plan.writers.docx import render_docx  # python-docx only for a DOCX

    return render_docx(
        tree,
        settings=settings,
        reference=template_file(REFERENCE, templates),
        images=images,
        timestamp=document_time(settings.date),
    )


def _suffix(data: bytes) -> str:
    return next((suffix for magic, suffix in IMAGE_SUFFIXES.items() if data.startswith(magic)), "")


def document_time(issued: datetime.date) -> datetime.datetime:
    """When the documents say they were made: ``SOURCE_DATE_EPOCH`` if it is set, else the
    document's own date (at midnight UTC). Never the clock, so that builds are reproducible.
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
