"""The documents built from the repository's plans, compared with the golden files.

After an intended change to the output, regenerate them with ``make golden`` and review the
diff before committing; this test only compares.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from anticorrupt_plan.app.build import build

from .golden import CASES, DATA, ROOT, Golden


@pytest.mark.parametrize("case", CASES, ids=[str(case.path.relative_to(DATA)) for case in CASES])
def test_output_matches_its_golden_file(case: Golden) -> None:
    if not case.path.exists():
        pytest.fail(f"{case.path} is missing; run 'make golden' to create it")
    expected = case.path.read_text(encoding="utf-8").replace("\r\n", "\n")
    actual = case.build()

    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=str(case.path),
            tofile="built now",
        )
        pytest.fail(
            "output differs from its golden file ('make golden' rewrites it):\n" + "".join(diff)
        )


@pytest.mark.parametrize(
    "plan", sorted((ROOT / "examples").glob("*/plan.yaml")), ids=lambda p: p.parent.name
)
def test_each_example_carries_the_documents_its_plan_builds(plan: Path) -> None:
    result = build(plan, out_dir=plan.parent, check=True)

    assert result.stale == [], "run: plan build examples/<name>/plan.yaml --out examples/<name>"
