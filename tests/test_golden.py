"""The documents built from the repository's plans, compared with the golden files.

After an intended change to the output, regenerate them with ``make golden`` and review the
diff before committing; this test only compares.
"""

from __future__ import annotations

import difflib

import pytest

from .golden import CASES, DATA, Golden


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
