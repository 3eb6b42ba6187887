"""Time ``plan diff`` of two generated 1,000-measure plans a few edits apart; print the medians.

Run from the project's virtual environment: ``.venv/bin/python bench/bench_diff.py``.
"""

from __future__ import annotations

import copy
import statistics
import time
from collections.abc import Callable
from typing import Any

from generate import generate_plan, to_yaml

from anticorrupt_plan.diff import diff_plans
from anticorrupt_plan.validate import parse_plan

MEASURES = 1000
RUNS = 7


def amend(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``data`` with the edits of a typical amendment, spread through the plan."""
    new = copy.deepcopy(data)
    goals = new["goals"]
    goals[0]["measures"][3]["rows"][0]["targets"][2567] = "ร้อยละ 75"  # a target
    step = goals[4]["measures"][10]["rows"][0]["steps"]
    step[1] = step[1].replace("ดำเนินการ", "ดำเนินการและติดตาม")  # a step reworded
    added = copy.deepcopy(goals[7]["measures"][0])
    added["title"] = "มาตรการใหม่ที่เพิ่มในการแก้ไขครั้งนี้"
    goals[7]["measures"].insert(5, added)  # a measure added (its rows copied from another)
    ms = goals[2]["measures"]
    ms[20], ms[21] = ms[21], ms[20]  # two measures swapped
    goals[9]["measures"].append(goals[8]["measures"].pop(40))  # a measure moved to another goal
    del goals[5]["measures"][60]  # a measure removed
    return new


def median_seconds(work: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    old_text = to_yaml(generate_plan(MEASURES))
    new_text = to_yaml(amend(generate_plan(MEASURES)))
    old = parse_plan(old_text, file="old.yaml").plan
    new = parse_plan(new_text, file="new.yaml").plan
    changes = diff_plans(old, new)

    def validate_and_diff() -> object:
        before = parse_plan(old_text, file="old.yaml").plan
        after = parse_plan(new_text, file="new.yaml").plan
        return diff_plans(before, after)

    diff_time = median_seconds(lambda: diff_plans(old, new))
    whole_time = median_seconds(validate_and_diff)
    print(f"{MEASURES} measures each, {len(changes)} changes found; median of {RUNS} runs:")
    print(f"  diff of two validated plans:         {diff_time:.3f} s")
    print(f"  validate both YAML texts, then diff: {whole_time:.3f} s")


if __name__ == "__main__":
    main()
