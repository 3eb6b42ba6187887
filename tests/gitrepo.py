"""A throwaway git repository for tests that read plans at revisions."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .programs import require


class Repository:
    """A git repository in ``root`` with a local identity, so commits work on any machine."""

    def __init__(self, root: Path) -> None:
        require(["git"])  # skipped without git, failed in CI
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q")
        self.git("config", "user.name", "Test Clerk")
        self.git("config", "user.email", "clerk@example.org")
        self.git("config", "commit.gpgsign", "false")

    def git(self, *args: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(self.root), *args], capture_output=True, text=True, check=True
        )
        return done.stdout

    def commit(self, message: str, files: dict[str, str]) -> None:
        for name, text in files.items():
            path = self.root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            self.git("add", name)
        self.git("commit", "-q", "-m", message)
