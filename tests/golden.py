"""The golden files: the documents built from the repository's plans, as they are expected.

``python -m tests.golden`` (``make golden``) writes them anew after an intended change to the
output; review the diff before committing. ``tests/test_golden.py`` only compares, whatever
the environment says.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from anticorrupt_plan.app.compare import DiffFormat, compare
from anticorrupt_plan.app.render import document_tree, render
from anticorrupt_plan.app.validate import ValidPlan, parse_plan, read_plan
from anticorrupt_plan.writers.text import render_text

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Golden:
    path: Path  # under tests/data/
    build: Callable[[], str]


def _plan(name: str = "plan.yaml"):  # type: ignore[no-untyped-def]
    return read_plan(ROOT / name, display_name=name)


def _arabic():  # type: ignore[no-untyped-def]
    text = (
        (ROOT / "plan.yaml").read_text(encoding="utf-8").replace("digits: thai", "digits: arabic")
    )
    return parse_plan(text, file="plan.yaml")


def _markdown(valid) -> str:  # type: ignore[no-untyped-def]
    return render(valid, formats=["md"])["md"].decode("utf-8")


def _comparison(format: DiffFormat) -> str:
    amended = DATA / "ethics" / "plan-amended.yaml"
    return compare(str(ROOT / "plan.yaml"), str(amended), plan_file=amended, format=format).output


def _example(name: str) -> ValidPlan:
    path = ROOT / "examples" / name / "plan.yaml"
    return read_plan(path, display_name="plan.yaml")


def _report(name: str) -> ValidPlan:
    path = ROOT / "examples" / "reports" / f"{name}.yaml"
    return read_plan(path, display_name=f"{name}.yaml")


# A clerk's typical slips, one step at a time: the first file's shape (a mistyped key, a
# Christian-Era year), then a rule (a year's target forgotten), then what plan check finds
# (another organization's and another province's name left in, a placeholder); a report on
# that plan started for a year it has not, and one with a mistyped item, a date after its
# period and no reason for what could not be done.
SLIPS = DATA / "slips"
PLAN_COMMAND = Path(sys.executable).with_name("plan")  # the installed console script
SLIP_COMMANDS = (
    ("validate", "1-shape.yaml"),
    ("validate", "2-rules.yaml"),
    ("check", "3-check.yaml"),
    ("build", "--formt", "md"),
    ("report", "init", "3-check.yaml", "--year", "2568"),
    ("validate", "4-report.yaml"),
)


def _messages(locale: str) -> str:
    """What the ``plan`` command prints for each of SLIP_COMMANDS with LANG=``locale``."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PLAN_LANG", "LANGUAGE") and not key.startswith("LC_")
    }
    environment.update(LANG=locale, COLUMNS="80", TERM="dumb", NO_COLOR="1")
    lines = []
    for arguments in SLIP_COMMANDS:
        done = subprocess.run(
            [str(PLAN_COMMAND), *arguments],
            cwd=SLIPS,
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        lines.append(f"$ plan {' '.join(arguments)}")
        lines.append(done.stdout + done.stderr + f"(exit {done.returncode})")
    return "\n".join(lines) + "\n"


CASES = (
    Golden(DATA / "ethics" / "plan.md", lambda: _markdown(_plan())),
    Golden(DATA / "ethics" / "plan.txt", lambda: render_text(document_tree(_plan()))),
    Golden(DATA / "ethics" / "plan-arabic.md", lambda: _markdown(_arabic())),
    Golden(DATA / "ethics" / "comparison.md", lambda: _comparison(DiffFormat.MD)),
    Golden(DATA / "ethics" / "comparison.txt", lambda: _comparison(DiffFormat.TEXT)),
    Golden(DATA / "action" / "plan.md", lambda: _markdown(_example("action"))),
    Golden(DATA / "action" / "plan.txt", lambda: render_text(document_tree(_example("action")))),
    Golden(DATA / "report" / "2563-annual.md", lambda: _markdown(_report("2563-annual"))),
    Golden(
        DATA / "report" / "2563-annual.txt",
        lambda: render_text(document_tree(_report("2563-annual"))),
    ),
    Golden(DATA / "report" / "2563-6-months.md", lambda: _markdown(_report("2563-6-months"))),
    Golden(
        DATA / "report" / "action-2562-annual.md",
        lambda: _markdown(
            read_plan(
                ROOT / "examples" / "action" / "reports" / "2562-annual.yaml",
                display_name="2562-annual.yaml",
            )
        ),
    ),
    Golden(
        DATA / "report" / "comparison.txt",
        lambda: (
            compare(
                str(ROOT / "examples" / "reports" / "2563-6-months.yaml"),
                str(ROOT / "examples" / "reports" / "2563-annual.yaml"),
                plan_file=ROOT / "examples" / "reports" / "2563-annual.yaml",
                format=DiffFormat.TEXT,
            ).output
        ),
    ),
    Golden(DATA / "messages-th.txt", lambda: _messages("th_TH.UTF-8")),
    Golden(DATA / "messages-en.txt", lambda: _messages("C.UTF-8")),
)


def main() -> int:
    for case in CASES:
        case.path.parent.mkdir(parents=True, exist_ok=True)
        case.path.write_text(case.build(), encoding="utf-8", newline="\n")
        print(f"wrote {case.path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
