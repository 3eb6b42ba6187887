"""Sum up the last mutmut run per module, and fail on a survivor not recorded as equivalent.

`make mutation` runs it after mutmut. It reads mutmut's results (mutants/<module>.meta), and
tests/mutation-equivalents.md, where each mutant that no test can kill is listed with the
reason. It prints one line per module (killed/total) and exits 1 if any mutant survived that
is not listed there, if any mutant was left undecided, or if a listed mutant no longer
survives (the list is stale: remove it).

    python tools/mutation_report.py [core.thai ...]   # the modules to report; default all
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EQUIVALENTS = ROOT / "tests" / "mutation-equivalents.md"
LISTED = re.compile(r"`(?P<name>anticorrupt_plan\.[\w.]+__mutmut_\d+)`")  # every named mutant

# mutmut's exit codes (mutmut/stats.py): what counts as a kill, and what as a survivor.
KILLED = {1, 3, 36, 24, -24, 152, 255, 37, -11, -9}  # failed, timed out, crashed, type error
SURVIVED = {0}
NO_TESTS = {5, 33}


def mutated_modules() -> dict[str, Path]:
    """The modules pyproject.toml has mutmut mutate: dotted name (core.thai) to source path."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    paths = config["tool"]["mutmut"]["only_mutate"]
    prefix = "src/anticorrupt_plan/"
    return {
        path.removeprefix(prefix).removesuffix(".py").replace("/", "."): Path(path)
        for path in paths
    }


def equivalents() -> set[str]:
    return {match["name"] for match in LISTED.finditer(EQUIVALENTS.read_text(encoding="utf-8"))}


def main(selected: list[str]) -> int:
    modules = mutated_modules()
    unknown = [name for name in selected if name not in modules]
    if unknown:
        print(f"not a mutated module: {', '.join(unknown)}; choose from {', '.join(modules)}")
        return 2
    listed = equivalents()
    failed = False
    print(f"{'module':<16} {'killed':>7} {'equivalent':>10} {'survived':>8} {'total':>6}  score")
    for name in selected or list(modules):
        meta = ROOT / "mutants" / f"{modules[name]}.meta"
        if not meta.exists():
            print(f"{name:<16} not run yet (make mutation MODULE={name})")
            failed = True
            continue
        codes: dict[str, int | None] = json.loads(meta.read_text(encoding="utf-8"))[
            "exit_code_by_key"
        ]
        counts: Counter[str] = Counter()
        problems = []
        for mutant, code in sorted(codes.items()):
            if code in KILLED:
                counts["killed"] += 1
                if mutant in listed:
                    problems.append(f"{mutant}: killed, yet listed as equivalent; unlist it")
            elif code in SURVIVED and mutant in listed:
                counts["equivalent"] += 1
            elif code in SURVIVED:
                counts["survived"] += 1
                problems.append(f"{mutant}: survived (mutmut show {mutant})")
            elif code in NO_TESTS:
                counts["survived"] += 1
                problems.append(f"{mutant}: no test calls this function")
            else:
                counts["undecided"] += 1
        if counts["undecided"]:
            problems.append(f"{counts['undecided']} mutants not run to a verdict; run them again")
        stale = sorted(
            mutant
            for mutant in listed
            if mutant.startswith(f"anticorrupt_plan.{name}.x") and mutant not in codes
        )
        problems += [f"{mutant}: listed as equivalent but no longer exists" for mutant in stale]
        total = len(codes)
        print(
            f"{name:<16} {counts['killed']:>7} {counts['equivalent']:>10} "
            f"{counts['survived']:>8} {total:>6}  {counts['killed'] / max(total, 1):.1%}"
        )
        for problem in problems:
            print(f"    {problem}")
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
