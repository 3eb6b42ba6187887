"""A new user's first hour, as the README's first steps tell it, through the installed
``plan`` command: init, edit one field, validate, check, build, commit, change a target,
diff; once in a Thai locale and once in an English one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .programs import require

PLAN = Path(sys.executable).with_name("plan")
GOAL = '".... (เป้าประสงค์หลัก)"'

# What each step says, in each language.
SAYS = {
    "th_TH.UTF-8": {
        "wrote": "เขียน plan.yaml แล้ว",
        "valid": "plan.yaml: ถูกต้อง (เป้าประสงค์หลัก 1 ข้อ มาตรการ 1 มาตรการ)",
        "placeholder": "ยังเป็นที่ว่างสำหรับกรอก '....'",
        "summary": "ข้อผิดพลาด",
        "built": "เขียน out/plan.docx แล้ว",
        "exists": "plan.yaml มีอยู่แล้ว",
    },
    "C.UTF-8": {
        "wrote": "wrote plan.yaml",
        "valid": "plan.yaml: valid (1 goal, 1 measure)",
        "placeholder": "placeholder '....' where text is expected",
        "summary": "errors",
        "built": "wrote out/plan.docx",
        "exists": "plan.yaml already exists",
    },
}


@pytest.mark.parametrize("locale", sorted(SAYS))
def test_the_first_hour(tmp_path: Path, locale: str) -> None:
    require(["git"])  # skipped without git; in CI, failed
    says = SAYS[locale]
    env = {
        key: value
        for key, value in os.environ.items()
        if key != "PLAN_LANG" and not key.startswith("LC_")
    }
    env.update(LANG=locale, GIT_AUTHOR_NAME="clerk", GIT_AUTHOR_EMAIL="clerk@example.org",
               GIT_COMMITTER_NAME="clerk", GIT_COMMITTER_EMAIL="clerk@example.org")  # fmt: skip

    def run(*args: str, expect: int = 0) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True,
                              check=False)  # fmt: skip
        assert done.returncode == expect, f"{args}\n{done.stdout}{done.stderr}"
        return done

    # 1. A new plan for the organization.
    init = run(str(PLAN), "init", "--kind", "ethics", "--org-kind", "อบต", "--name", "ทุ่งทอง",
               "--district", "ท่าม่วง", "--province", "กาญจนบุรี", "--first", "2566",
               "--last", "2568", "--executive", "นายไพฑูรย์ สุขดี")  # fmt: skip
    plan = tmp_path / "plan.yaml"
    # 2. Edit one field: the goal, written where plan init marked it.
    text = plan.read_text(encoding="utf-8")
    assert GOAL in text
    plan.write_text(text.replace(GOAL, "เพื่อยกระดับจิตสำนึกด้านคุณธรรมของบุคลากรทุกระดับ"), encoding="utf-8")
    # 3. Validate, check what is left to write, build.
    validate = run(str(PLAN), "validate")
    check = run(str(PLAN), "check", expect=1)
    build = run(str(PLAN), "build")
    again = run(str(PLAN), "init", "--kind", "ethics", expect=1)
    # 4. Keep it in git, change a target, see the change as the amendment will show it.
    run("git", "init", "-q")
    run("git", "add", "plan.yaml")
    run("git", "commit", "-qm", "แผนฉบับแรก")
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace('2567: "ร้อยละ ...."', '2567: "ร้อยละ ๙๐"'), encoding="utf-8")
    diff = run(str(PLAN), "diff")

    assert says["wrote"] in init.stdout
    assert validate.stdout == says["valid"] + "\n"
    assert says["placeholder"] in check.stdout
    assert "goals[0].goal" not in check.stdout  # the field written in step 2
    assert check.stdout.count("PLACEHOLDER") == len(check.stdout.splitlines())
    assert says["summary"] in check.stderr
    assert says["built"] in build.stdout
    assert (tmp_path / "out" / "plan.md").is_file()
    assert says["exists"] in again.stderr
    assert "ค่าเป้าหมายตัวชี้วัด ๒๕๖๗" in diff.stdout
    assert "{+๙๐+}" in diff.stdout
