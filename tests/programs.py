"""Outside programs that some tests need: a missing one skips them, except in CI, where it fails.

A developer without LibreOffice still runs the rest of the suite; CI (the ``CI`` variable
set) must not go green by skipping the very tests it installs the programs for, so there a
missing program fails each test that needs it, saying what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable

import pytest

# What each requirement is, and the Debian package that brings it (.ci/run installs them).
PACKAGES = {
    "soffice": "libreoffice-writer-nogui",
    "pdftotext": "poppler-utils",
    "pdffonts": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "pdftohtml": "poppler-utils",
    "git": "git",
    "fc-list": "fontconfig",
    "setpriv": "util-linux",  # runs the permission tests as an unprivileged user under root
    "font:Laksaman": "fonts-tlwg-laksaman",
}
LIBREOFFICE = ("soffice", "pdftotext", "pdffonts", "pdfinfo", "pdftohtml", "font:Laksaman")


def in_ci() -> bool:
    """True where the ``CI`` variable says this is a CI run (CI=true, CI=1, ...)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def available(requirement: str) -> bool:
    """True when ``requirement`` (a program on PATH, or ``font:FAMILY``) is there."""
    if requirement.startswith("font:"):
        fc_list = shutil.which("fc-list")
        if fc_list is None:
            return False
        family = requirement.removeprefix("font:")
        found = subprocess.run(
            [fc_list, family, "family"], capture_output=True, text=True, check=False
        )
        return family in found.stdout
    return shutil.which(requirement) is not None


def _describe(requirement: str) -> str:
    return f"the {requirement.removeprefix('font:')} font" if ":" in requirement else requirement


def require(requirements: Iterable[str]) -> None:
    """Skip the running test if a requirement is missing, or in CI, fail it."""
    missing = [requirement for requirement in requirements if not available(requirement)]
    if not missing:
        return
    names = ", ".join(map(_describe, missing))
    packages = sorted({PACKAGES[requirement] for requirement in missing if requirement in PACKAGES})
    install = f" (apt-get install {' '.join(packages)})" if packages else ""
    if in_ci():
        pytest.fail(
            f"CI must run this test, but this machine lacks {names}{install}; .ci/run "
            "installs them, and a CI run may not pass by skipping the tests they are for",
            pytrace=False,
        )
    pytest.skip(f"needs {names}{install}")
