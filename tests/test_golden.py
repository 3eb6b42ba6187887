"""The seed plan's documents, compared with the expected files under tests/data/.

After an intended change to the output, regenerate them with ``make golden`` and review
the diff before committing.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from anticorrupt_plan.app.build import render
from anticorrupt_plan.app.validate import read_plan

from .conftest import DATA, PLAN_PATH

UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def compare_with_golden(actual: str, golden: Path) -> None:
    """Fail with a unified diff unless ``actual`` matches ``golden`` (line endings aside)."""
    if UPDATE:
        golden.write_text(actual, encoding="utf-8", newline="\n")
        return
    if not golden.exists():
        pytest.fail(f"{golden} is missing; run 'make golden' to create it")
    expected = golden.read_text(encoding="utf-8").replace("\r\n", "\n")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=str(golden),
            tofile="built now",
        )
        pytest.fail(
            "output differs from the golden file ('make golden' updates it):\n" + "".join(diff)
        )


def test_seed_plan_markdown_matches_golden() -> None:
    documents = render(read_plan(PLAN_PATH, display_name="plan.yaml"), formats=["md"])

    compare_with_golden(documents["md"].decode("utf-8"), DATA / "plan.md")
