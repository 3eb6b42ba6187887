"""The build pipeline: validate, render every format in memory, then write or compare."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from anticorrupt_plan.build import build
from anticorrupt_plan.errors import PlanInvalid

from .conftest import PLAN_PATH, minimal_plan


def test_build_writes_markdown_and_docx_named_after_the_plan(tmp_path: Path) -> None:
    result = build(PLAN_PATH, out_dir=tmp_path / "out")

    assert result.written == [tmp_path / "out" / "plan.md", tmp_path / "out" / "plan.docx"]
    assert (tmp_path / "out" / "plan.md").read_text(encoding="utf-8").startswith("<!--")
    assert zipfile.is_zipfile(tmp_path / "out" / "plan.docx")


def test_invalid_plan_writes_nothing_and_keeps_previous_output(write_plan, tmp_path: Path) -> None:
    out = tmp_path / "out"
    good = write_plan(minimal_plan())
    build(good, out_dir=out)
    before = (out / "plan.md").read_bytes()
    bad = minimal_plan()
    bad["fiscal_years"]["last"] = "not a year"
    write_plan(bad)

    with pytest.raises(PlanInvalid):
        build(good, out_dir=out)

    assert (out / "plan.md").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["plan.docx", "plan.md"]
