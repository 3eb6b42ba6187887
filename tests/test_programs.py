"""Tests that need outside programs skip without them, except in CI, where they fail."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT
from .programs import PACKAGES, in_ci, require


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(None, False, id="unset"),
        pytest.param("", False, id="empty"),
        pytest.param("0", False, id="0"),
        pytest.param("false", False, id="false"),
        pytest.param("No", False, id="No"),
        pytest.param("1", True, id="1"),
        pytest.param("true", True, id="true"),
        pytest.param("yes", True, id="yes"),
    ],
)
def test_ci_is_told_by_the_ci_variable(
    monkeypatch: pytest.MonkeyPatch, value: str | None, expected: bool
) -> None:
    if value is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", value)

    assert in_ci() is expected


@pytest.fixture
def path_with_one_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """PATH holds one program, ``present-program``, and nothing else."""
    program = tmp_path / "present-program"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    return program.name


@pytest.mark.parametrize(
    ("ci", "outcome"),
    [
        pytest.param("", pytest.skip.Exception, id="skip"),
        pytest.param("1", pytest.fail.Exception, id="ci-fails"),
    ],
)
def test_a_missing_program_skips_or_in_ci_fails_naming_what_to_install(
    monkeypatch: pytest.MonkeyPatch, path_with_one_program: str, ci: str, outcome: type
) -> None:
    monkeypatch.setenv("CI", ci)

    with pytest.raises(outcome) as raised:
        require([path_with_one_program, "pdftotext", "font:No Such Font"])

    message = str(raised.value)
    assert "pdftotext" in message
    assert "the No Such Font font" in message
    assert path_with_one_program not in message
    assert f"(apt-get install {PACKAGES['pdftotext']})" in message
    assert ("CI must run this test" in message) is bool(ci)


def test_present_programs_let_the_test_run(
    monkeypatch: pytest.MonkeyPatch, path_with_one_program: str
) -> None:
    monkeypatch.setenv("CI", "1")

    require([path_with_one_program])  # raises nothing


def run_pytest_without_programs(test_file: str, ci: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": os.devnull, "CI": ci}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test_file]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)


@pytest.mark.slow
def test_in_ci_the_libreoffice_tests_fail_without_libreoffice_instead_of_skipping() -> None:
    failed = run_pytest_without_programs("tests/test_docx_libreoffice.py", ci="true")
    skipped = run_pytest_without_programs("tests/test_docx_libreoffice.py", ci="")

    assert failed.returncode == 1, failed.stdout
    assert "CI must run this test, but this machine lacks soffice, pdftotext" in failed.stdout
    assert " passed" not in failed.stdout
    assert skipped.returncode == 0, skipped.stdout
    assert "skipped" in skipped.stdout.splitlines()[-1]
