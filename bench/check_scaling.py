"""Benchmark: how plan check's time grows with the amount of text in a plan.

Run: .venv/bin/python bench/check_scaling.py
Builds plans with 1, 10, 20 and 40 times the repository plan's prose (every list of texts
and every goal repeated), then times validation and the checks separately, best of three.
"""

from __future__ import annotations

import copy
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import yaml

from anticorrupt_plan.checks import run_checks
from anticorrupt_plan.validate import parse_plan

ROOT = Path(__file__).resolve().parent.parent


def repeated(items: list[Any], factor: int) -> list[Any]:
    # Copies, not the same objects again: yaml would write shared objects as aliases.
    return [copy.deepcopy(item) for _ in range(factor) for item in items]


def scaled(data: dict[str, Any], factor: int) -> dict[str, Any]:
    big = copy.deepcopy(data)
    big["rationale"] = repeated(data["rationale"], factor)
    big["announcement"]["body"] = repeated(data["announcement"]["body"], factor)
    big["objectives"]["items"] = repeated(data["objectives"]["items"], factor)
    big["preparation_steps"] = repeated(data["preparation_steps"], factor)
    big["goals"] = repeated(data["goals"], factor)
    return big


def best_of_three(action: Callable[[], object]) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    data = yaml.safe_load((ROOT / "plan.yaml").read_text(encoding="utf-8"))
    print(f"{'factor':>6} {'characters':>10} {'validate s':>10} {'check s':>8} {'findings':>8}")
    for factor in (1, 10, 20, 40):
        text = yaml.safe_dump(scaled(data, factor), allow_unicode=True, sort_keys=False)
        valid = parse_plan(text, file="plan.yaml")
        validate = best_of_three(partial(parse_plan, text, file="plan.yaml"))
        check = best_of_three(partial(run_checks, valid))
        count = len(run_checks(valid).findings)
        print(f"{factor:>6} {len(text):>10} {validate:>10.3f} {check:>8.3f} {count:>8}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
