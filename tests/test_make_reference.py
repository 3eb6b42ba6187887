"""The committed reference document is exactly what tools/make_reference.py writes."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from types import ModuleType

import docx

from anticorrupt_plan.app.render import document_tree
from anticorrupt_plan.app.validate import read_plan
from anticorrupt_plan.core.resources import template_dir
from anticorrupt_plan.writers.docx import _styles

from .conftest import PLAN_PATH, ROOT


def make_reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_reference", ROOT / "tools" / "make_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def entries(data: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist()}


def test_the_committed_reference_document_is_up_to_date() -> None:
    # After changing the script, run `make reference` and commit templates/reference.docx.
    committed = (template_dir() / "reference.docx").read_bytes()

    assert entries(committed) == entries(make_reference().reference_docx())


def test_it_has_every_style_the_built_in_templates_write_in() -> None:
    document = docx.Document(io.BytesIO(make_reference().reference_docx()))
    used = _styles(document_tree(read_plan(PLAN_PATH)))

    assert len(used) > 20
    assert [name for name in used if name not in document.styles] == []


def test_it_is_an_empty_a4_portrait_page_with_official_margins() -> None:
    document = docx.Document(io.BytesIO(make_reference().reference_docx()))
    [section] = document.sections
    margins = (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin)

    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert [round(margin.cm, 2) for margin in margins] == [3.0, 2.0, 2.5, 2.0]
    assert [p.text for p in document.paragraphs] == [""]
