"""The git and CI wiring people copy: the pre-commit hooks this repository offers, the
.gitattributes lines, and the CI examples, run as their hosts would run them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import PLAN_PATH, ROOT
from .programs import require

BIN = Path(sys.executable).parent  # where the installed plan command is
TEMPLATES = ROOT / "templates" / "init" / "git"
# An install step downloads the tool from a package index, which a test may not reach: the
# plan command installed in this environment stands in for it, on PATH.
NETWORK = re.compile(r"\bpip install\b")


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.update(extra or {})
    return env


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A plan repository: the seed plan, committed."""
    require(["git"])  # skipped without git; in CI, failed
    shutil.copy(PLAN_PATH, tmp_path / "plan.yaml")
    (tmp_path / ".gitlab-ci.yml").write_text("plan: {script: [true]}\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "plan")
    return tmp_path


def run_hook(hook: dict[str, Any], repo: Path) -> subprocess.CompletedProcess[str]:
    """Run a hook as pre-commit does: its entry and args, then the tracked files it matches."""
    files = subprocess.run(
        ["git", "ls-files"], cwd=repo, capture_output=True, text=True, check=True
    ).stdout.split()
    matched = [
        name
        for name in files
        if re.search(hook.get("files", ""), name)
        and not (hook.get("exclude") and re.search(hook["exclude"], name))
    ]
    command = [*hook["entry"].split(), *hook.get("args", [])]
    if hook.get("pass_filenames", True):
        command += matched
    return subprocess.run(
        command, cwd=repo, env=environment(), capture_output=True, text=True, check=False
    )


def hooks() -> list[dict[str, Any]]:
    return yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_the_repository_offers_the_three_hooks() -> None:
    offered = {hook["id"]: hook for hook in hooks()}

    assert set(offered) == {"plan-validate", "plan-check", "plan-build-check"}
    for hook in offered.values():
        assert {"id", "name", "entry", "language", "files"} <= set(hook)
        assert hook["entry"].split()[0] == "plan"


def test_each_hook_passes_on_a_good_plan_and_skips_other_yaml(repo: Path) -> None:
    subprocess.run(
        ["plan", "build", "plan.yaml", "--out", "out"], cwd=repo, env=environment(), check=True,
        capture_output=True,
    )  # fmt: skip
    git(repo, "add", "out")

    results = {hook["id"]: run_hook(hook, repo) for hook in hooks()}

    assert {name: done.returncode for name, done in results.items()} == dict.fromkeys(results, 0)
    assert ".gitlab-ci.yml" not in results["plan-validate"].stdout
    assert "plan.yaml: valid" in results["plan-validate"].stdout


def test_the_hooks_stop_a_commit_of_a_plan_with_problems(repo: Path) -> None:
    text = (repo / "plan.yaml").read_text(encoding="utf-8")
    (repo / "plan.yaml").write_text(text.replace("  last: 2564", "  last: 2021"), encoding="utf-8")
    git(repo, "add", "plan.yaml")

    validate = next(hook for hook in hooks() if hook["id"] == "plan-validate")
    done = run_hook(validate, repo)

    assert done.returncode == 1
    assert "plan.yaml:" in done.stderr and "Christian-Era" in done.stderr


def test_the_plan_repository_hooks_of_plan_init_run_the_same_commands(repo: Path) -> None:
    config = yaml.safe_load((TEMPLATES / "pre-commit-config.yaml").read_text(encoding="utf-8"))
    local = config["repos"][0]["hooks"]

    results = [run_hook(hook, repo) for hook in local]

    assert [hook["id"] for hook in local] == ["plan-validate", "plan-check"]
    assert [done.returncode for done in results] == [0, 0]


def test_gitattributes_gives_git_diff_the_text_of_a_docx(repo: Path) -> None:
    shutil.copy(TEMPLATES / "gitattributes", repo / ".gitattributes")
    git(repo, "config", "diff.plan-docx.textconv", f"{BIN / 'plan'} textconv")
    subprocess.run(["plan", "build", "--format", "docx"], cwd=repo, env=environment(), check=True,
                   capture_output=True)  # fmt: skip
    git(repo, "add", ".")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "documents")
    text = (repo / "plan.yaml").read_text(encoding="utf-8")
    (repo / "plan.yaml").write_text(text.replace("2562: ร้อยละ ๘๐", "2562: ร้อยละ ๘๕", 1),
                                    encoding="utf-8")  # fmt: skip
    subprocess.run(["plan", "build", "--format", "docx"], cwd=repo, env=environment(), check=True,
                   capture_output=True)  # fmt: skip

    diff = subprocess.run(["git", "diff", "out/plan.docx"], cwd=repo, env=environment(),
                          capture_output=True, text=True, check=True).stdout  # fmt: skip

    assert "-" in diff and "๘๕" in diff
    assert "Binary files" not in diff


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_the_ci_examples_are_what_plan_init_writes(name: str) -> None:
    assert (ROOT / "examples" / "ci" / name).read_bytes() == (TEMPLATES / name).read_bytes()


def run_steps(commands: list[str], repo: Path, env: dict[str, str]) -> list[str]:
    """Run each CI command in bash in ``repo``; return those skipped, with the reason."""
    skipped = []
    for command in commands:
        if NETWORK.search(command):
            skipped.append(command)  # needs a package index; the installed plan stands in
            continue
        done = subprocess.run(
            ["bash", "-eo", "pipefail", "-c", command], cwd=repo, env=environment(env),
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert done.returncode == 0, f"{command}\n{done.stdout}{done.stderr}"
    return skipped


def test_the_github_workflow_validates_checks_and_keeps_the_documents(repo: Path) -> None:
    workflow = yaml.safe_load((ROOT / "examples" / "ci" / "github-actions.yml").read_text())
    steps = workflow["jobs"]["plan"]["steps"]
    commands = [step["run"] for step in steps if "run" in step]
    # The uses: steps are actions that run on GitHub's machines (checkout, Python, upload).
    kept = next(step for step in steps if "upload-artifact" in step.get("uses", ""))

    skipped = run_steps(commands, repo, workflow["env"])

    assert [c for c in commands if "plan " in c] == [
        'plan validate "$PLAN_FILE"',
        'plan check "$PLAN_FILE"',
        'plan build "$PLAN_FILE" --out out --format md,docx',
    ]
    assert len(skipped) == 1
    assert sorted(p.name for p in (repo / kept["with"]["path"]).iterdir()) == [
        "plan.docx",
        "plan.md",
    ]


def test_the_gitlab_job_validates_checks_and_keeps_the_documents(repo: Path) -> None:
    config = yaml.safe_load((ROOT / "examples" / "ci" / "gitlab-ci.yml").read_text())
    job = config["plan"]

    skipped = run_steps(job["script"], repo, job["variables"])

    assert len(skipped) == 1
    for path in job["artifacts"]["paths"]:
        assert sorted(p.name for p in (repo / path).iterdir()) == ["plan.docx", "plan.md"]


def test_a_ci_run_fails_on_a_plan_with_problems(repo: Path) -> None:
    config = yaml.safe_load((ROOT / "examples" / "ci" / "gitlab-ci.yml").read_text())
    text = (repo / "plan.yaml").read_text(encoding="utf-8")
    (repo / "plan.yaml").write_text(text.replace("tactic:", "tatic:", 1), encoding="utf-8")
    validate = next(c for c in config["plan"]["script"] if "plan validate" in c)

    done = subprocess.run(["bash", "-c", validate], cwd=repo, capture_output=True, text=True,
                          env=environment(config["plan"]["variables"]), check=False)  # fmt: skip

    assert done.returncode == 1
    assert "unknown key 'tatic'" in done.stderr
