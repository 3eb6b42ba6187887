"""Every benchmark, side by side in one run, printed as one Markdown table (``make bench``).

The commands run as the installed program, start-up included, one after another in turn
(run 1 of each, then run 2 of each, ...) so that a machine busy with something else slows
every line alike; each line shows the median of its runs. The floor of a command is the
time Python takes to start and import the libraries that command needs, and nothing else.
"""

from __future__ import annotations

import compileall
import itertools
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import stress
from generate import (
    SEED,
    amended,
    amended_action,
    generate_action,
    generate_plan,
    generate_report,
    seed_with_prose_repeated,
    to_yaml,
)

from anticorrupt_plan.app.build import batch_folders, build_batch
from anticorrupt_plan.app.checks import run_checks
from anticorrupt_plan.app.validate import parse_plan
from anticorrupt_plan.kinds.ethics.diff import diff_plans

ROOT = SEED.parent
STARTUP_RUNS = 15
LARGE_RUNS = 5
HUGE_RUNS = 3
IN_PROCESS_RUNS = 7
MESSAGE_RUNS = 20
BATCH_PLANS = 100

PYTHON = sys.executable
PLAN = [str(Path(PYTHON).with_name("plan"))]
# The least a Typer + PyYAML + Pydantic command can do, and a build besides (bench/floor.py).
FLOOR = [PYTHON, str(Path(__file__).with_name("floor.py"))]
# Python with the libraries imported and nothing used: what the floor adds to it is what
# typer and pydantic load on first use (a TypeAdapter per value, the plugin search).
IMPORTS_ONLY = "import typer, yaml; from pydantic import BaseModel"
# Targets, against the floor: what a command adds to start-up of its own.
VALIDATE_TARGET = 1.10
BUILD_TARGET = 1.20


@dataclass(frozen=True)
class Command:
    argv: list[str]
    ok: tuple[int, ...] = (0,)  # plan check exits 1 when it has findings


@dataclass(frozen=True)
class Sample:
    seconds: float
    peak_mb: float


def run_once(command: Command, cwd: Path) -> Sample:
    """Run ``command`` once: its wall-clock time and its peak resident memory."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command.argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)  # this child's own resource usage
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode() if process.stderr else ""
    if process.returncode not in command.ok:
        sys.exit(f"{' '.join(command.argv)} exited {process.returncode}:\n{errors}")
    return Sample(seconds, usage.ru_maxrss / 1024)  # ru_maxrss is in kilobytes on Linux


def in_turn(commands: dict[str, Command], runs: int, cwd: Path) -> dict[str, list[Sample]]:
    """Each command ``runs`` times, taking turns, after one unmeasured run of each."""
    for command in commands.values():
        run_once(command, cwd)
    samples: dict[str, list[Sample]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(run_once(command, cwd))
    return samples


def median(samples: list[Sample]) -> float:
    return statistics.median(sample.seconds for sample in samples)


def peak(samples: list[Sample]) -> float:
    return max(sample.peak_mb for sample in samples)


def median_of(work: Callable[[], object], runs: int = IN_PROCESS_RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def shown(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def megabytes(samples: list[Sample]) -> str:
    return f"{peak(samples):.0f} MB"


@dataclass(frozen=True)
class Row:
    """One line of the table."""

    what: str
    median: str = ""
    memory: str = ""
    against: str = ""
    ratio: str = ""
    target: str = ""
    holds: bool | None = None  # None: a figure to know, with no target

    def cells(self) -> list[str]:
        result = "" if self.holds is None else "holds" if self.holds else "**missed**"
        fields = [self.what, self.median, self.memory, self.against, self.ratio, self.target]
        return [*fields, result]


HEADER = ["what", "median", "peak memory", "compared with", "ratio", "target", "result"]


def startup(work: Path) -> list[Row]:
    """The seed plan: validate and build against their floors, and the build against pandoc."""
    plan = str(work / "plan.yaml")
    commands = {
        "validate": Command([*PLAN, "validate", plan]),
        "validate floor": Command([*FLOOR, plan]),
        "imports only": Command([PYTHON, "-c", IMPORTS_ONLY]),
        "build": Command([*PLAN, "build", plan, "--out", str(work / "out")]),
        "build floor": Command([*FLOOR, "build", plan]),
        "report": Command(
            [
                *PLAN,
                "build",
                str(work / "reports" / "2563-annual.yaml"),
                "--out",
                str(work / "report-out"),
            ]
        ),
    }
    pandoc = shutil.which("pandoc")
    if pandoc:  # the Markdown the build writes, converted as users of pandoc would
        run_once(commands["build"], work)
        markdown, converted = work / "out" / "plan.md", work / "pandoc.docx"
        commands["pandoc"] = Command([pandoc, str(markdown), "-o", str(converted)])
    samples = in_turn(commands, STARTUP_RUNS, work)
    times = {name: median(runs) for name, runs in samples.items()}
    validate = times["validate"] / times["validate floor"]
    build = times["build"] / times["build floor"]
    rows = [
        Row(
            "`plan validate` seed plan",
            shown(times["validate"]),
            megabytes(samples["validate"]),
            f"floor {shown(times['validate floor'])} (bench/floor.py: typer, yaml, pydantic)",
            f"{validate:.2f}x",
            f"≤ {VALIDATE_TARGET:.2f}x",
            validate <= VALIDATE_TARGET,
        ),
        Row(
            "Python importing typer, yaml and pydantic's BaseModel, using none",
            shown(times["imports only"]),
            megabytes(samples["imports only"]),
            "the floor",
            f"{times['imports only'] / times['validate floor']:.2f}x",
        ),
        Row(
            "`plan build` seed plan (md + docx)",
            shown(times["build"]),
            megabytes(samples["build"]),
            f"floor {shown(times['build floor'])} (+ jinja2, python-docx, used once)",
            f"{build:.2f}x",
            f"≤ {BUILD_TARGET:.2f}x",
            build <= BUILD_TARGET,
        ),
    ]
    report = times["report"] / times["build"]
    rows.append(
        Row(
            "`plan build` seed report (examples/2563-annual.yaml: md + docx + 2 charts)",
            shown(times["report"]),
            megabytes(samples["report"]),
            f"`plan build` seed plan {shown(times['build'])}",
            f"{report:.2f}x",
            "≤ 1.30x",
            report <= 1.30,
        )
    )
    if not pandoc:
        return [*rows, Row("`plan build` against pandoc", against="skipped: no pandoc here")]
    return [
        *rows,
        Row(
            "`plan build` seed plan (md + docx)",
            shown(times["build"]),
            megabytes(samples["build"]),
            f"`pandoc plan.md -o plan.docx` {shown(times['pandoc'])}",
            f"{times['build'] / times['pandoc']:.2f}x",
        ),
    ]


def sized(work: Path, measures: int) -> tuple[Path, Path]:
    """A generated plan of ``measures`` measures and an amended copy of it, as files."""
    data = generate_plan(measures)
    old, new = work / f"plan{measures}.yaml", work / f"amended{measures}.yaml"
    old.write_text(to_yaml(data), encoding="utf-8")
    new.write_text(to_yaml(amended(data)), encoding="utf-8")
    return old, new


def sized_commands(old: Path, new: Path, out: Path) -> dict[str, Command]:
    return {
        "validate": Command([*PLAN, "validate", str(old)]),
        "build": Command([*PLAN, "build", str(old), "--out", str(out)]),
        "check": Command([*PLAN, "check", str(old)], ok=(0, 1)),
        "diff": Command([*PLAN, "diff", str(old), str(new)]),
    }


def report_commands(work: Path, measures: int) -> dict[str, Command]:
    """The annual report on the generated plan of ``measures`` measures: every item."""
    report = work / "reports" / f"report{measures}.yaml"
    data = generate_report(measures, plan=f"../plan{measures}.yaml")
    report.write_text(to_yaml(data), encoding="utf-8")
    return {
        "validate report": Command([*PLAN, "validate", str(report)]),
        "build report": Command([*PLAN, "build", str(report), "--out", str(work / "r1000")]),
    }


def large(work: Path) -> list[Row]:
    """Generated plans: 1,000 measures against targets, then 10 times as many."""
    commands = sized_commands(*sized(work, 1000), work / "out1000")
    at_1000 = in_turn({**commands, **report_commands(work, 1000)}, LARGE_RUNS, work)
    at_10000 = in_turn(sized_commands(*sized(work, 10_000), work / "o10000"), HUGE_RUNS, work)
    rows = []
    reports = {name: at_1000.pop(name) for name in ("validate report", "build report")}
    for name, samples in at_1000.items():
        row = Row(f"`plan {name}` 1,000 measures", shown(median(samples)), megabytes(samples))
        if name == "build":
            holds = median(samples) <= 1.5 and peak(samples) < 300
            row = Row(row.what, row.median, row.memory, target="≤ 1.5 s, < 300 MB", holds=holds)
        rows.append(row)
    for name, samples in reports.items():
        rows.append(
            Row(
                f"`plan {name.replace(' report', '')}` report of 1,000 items",
                shown(median(samples)),
                megabytes(samples),
            )
        )
    for name, samples in at_10000.items():
        growth = median(samples) / median(at_1000[name])
        rows.append(
            Row(
                f"`plan {name}` 10,000 measures",
                shown(median(samples)),
                megabytes(samples),
                "1,000 measures",
                f"{growth:.1f}x",
                "≤ 11x",
                growth <= 11,
            )
        )
    build = at_10000["build"]
    rows.append(
        Row(
            "`plan build` 10,000 measures (md + docx), time and memory",
            shown(median(build)),
            megabytes(build),
            target="≤ 10 s, ≤ 500 MB",
            holds=median(build) <= 10 and peak(build) <= 500,
        )
    )
    return rows


def action(work: Path) -> list[Row]:
    """Generated action plans: 1,000 projects, then 5 times as many (10,000 projects, with
    their pages in ส่วนที่ ๓, hold more values than a plan file may)."""

    def files(projects: int) -> tuple[Path, Path]:
        data = generate_action(projects)
        old, new = work / f"action{projects}.yaml", work / f"action-amended{projects}.yaml"
        old.write_text(to_yaml(data), encoding="utf-8")
        new.write_text(to_yaml(amended_action(data)), encoding="utf-8")
        return old, new

    at_1000 = in_turn(sized_commands(*files(1000), work / "a1000"), LARGE_RUNS, work)
    at_5000 = in_turn(sized_commands(*files(5_000), work / "a5000"), HUGE_RUNS, work)
    rows = [
        Row(f"`plan {name}` action plan, 1,000 projects", shown(median(s)), megabytes(s))
        for name, s in at_1000.items()
    ]
    for name, samples in at_5000.items():
        growth = median(samples) / median(at_1000[name])
        rows.append(
            Row(
                f"`plan {name}` action plan, 5,000 projects",
                shown(median(samples)),
                megabytes(samples),
                "1,000 projects",
                f"{growth:.1f}x",
                "≤ 5.5x",
                growth <= 5.5,
            )
        )
    return rows


def in_process(work: Path) -> list[Row]:
    """The library called from Python: a batch of plans, plan diff and plan check alone."""
    folder = work / "batch"
    folder.mkdir()
    for number in range(BATCH_PLANS):
        shutil.copy(SEED, folder / f"plan{number:03}.yaml")
    finished = [time.perf_counter()]
    build_batch(
        batch_folders([folder], out_dir=work / "batch-out"),
        on_done=lambda plan, outcome: finished.append(time.perf_counter()),
    )
    each = [after - before for before, after in itertools.pairwise(finished)]
    per_plan = statistics.median(each[1:])

    old_text, new_text = (path.read_text(encoding="utf-8") for path in sized(work, 1000))
    old = parse_plan(old_text, file="old.yaml").plan
    new = parse_plan(new_text, file="new.yaml").plan
    diff_time = median_of(lambda: diff_plans(old, new))

    texts = {factor: to_yaml(seed_with_prose_repeated(factor)) for factor in (1, 10)}
    valid = {factor: parse_plan(text, file="plan.yaml") for factor, text in texts.items()}
    check = {factor: median_of(lambda v=v: run_checks(v)) for factor, v in valid.items()}
    growth = check[10] / check[1]
    return [
        Row(
            f"`build_batch` {BATCH_PLANS} seed plans in one process, each after the first",
            shown(per_plan),
            against=f"the first {shown(each[0])}",
            target="< 50 ms",
            holds=per_plan < 0.05,
        ),
        Row("`diff_plans` two validated 1,000-measure plans", shown(diff_time)),
        Row(
            "`run_checks` the seed plan's prose x10",
            shown(check[10]),
            against=f"the seed plan {shown(check[1])}",
            ratio=f"{growth:.1f}x",
            target="≤ 11x",
            holds=growth <= 11,
        ),
    ]


def hostile(work: Path) -> list[Row]:
    """Hostile inputs doubled: linear work takes about twice as long at twice the size."""
    folder = work / "stress"
    folder.mkdir()
    return [
        Row(
            f"{result.case.what}: {result.case.size * 2:,} {result.case.unit}",
            shown(result.large),
            against=f"{result.case.size:,} {result.case.unit}: {shown(result.small)}",
            ratio=f"{result.ratio:.2f}x",
            target=f"≤ {stress.TARGET}x",
            holds=result.ratio <= stress.TARGET,
        )
        for result in stress.stress(folder)
    ]


def messages(work: Path) -> list[Row]:
    """Start-up with the Thai catalogue and without it: ``plan validate`` of the seed plan
    prints one line, and in English reads no catalogue; a plan with slips prints several."""
    plan = str(work / "plan.yaml")
    slips = str(ROOT / "tests" / "data" / "slips" / "1-shape.yaml")
    commands = {}
    for language in ("en", "th"):
        commands[f"valid {language}"] = Command(
            ["env", f"PLAN_LANG={language}", *PLAN, "validate", plan]
        )
        commands[f"slips {language}"] = Command(
            ["env", f"PLAN_LANG={language}", *PLAN, "validate", slips], ok=(1,)
        )
    samples = in_turn(commands, MESSAGE_RUNS, work)
    times = {name: median(runs) for name, runs in samples.items()}
    rows = []
    for case, what in (("valid", "seed plan"), ("slips", "a plan with 3 slips")):
        english, thai = times[f"{case} en"], times[f"{case} th"]
        rows.append(
            Row(
                f"`plan validate` {what}, messages in Thai (catalogue read)",
                shown(thai),
                megabytes(samples[f"{case} th"]),
                f"in English (no catalogue) {shown(english)}; {(thai - english) * 1000:+.1f} ms",
                f"{thai / english:.3f}x",
                "≤ 1.03x",
                thai / english <= 1.03,
            )
        )
    return rows


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    info = Path("/proc/cpuinfo")
    if info.is_file():
        names = [
            line.split(":", 1)[1].strip()
            for line in info.read_text().splitlines()
            if line.startswith("model name")
        ]
        cpu = names[0] if names else cpu
    return (
        f"{cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def main() -> None:
    # As an installed program runs: from compiled bytecode, whatever PYTHONDONTWRITEBYTECODE says.
    compileall.compile_dir(ROOT / "src", quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        shutil.copy(SEED, work / "plan.yaml")
        (work / "reports").mkdir()
        report = ROOT / "examples" / "reports" / "2563-annual.yaml"
        text = report.read_text(encoding="utf-8").replace(
            "plan: ../../plan.yaml", "plan: ../plan.yaml"
        )
        (work / "reports" / "2563-annual.yaml").write_text(text, encoding="utf-8")
        if sys.argv[1:] == ["messages"]:  # only the catalogue's share of start-up
            rows = messages(work)
        else:
            rows = [
                *startup(work),
                *messages(work),
                *large(work),
                *action(work),
                *in_process(work),
                *hostile(work),
            ]
    print(f"Machine: {machine()}")
    print(
        f"Medians of {STARTUP_RUNS} runs (seed plan), {LARGE_RUNS} (1,000 measures), "
        f"{HUGE_RUNS} (10,000 measures), {IN_PROCESS_RUNS} (in process), {MESSAGE_RUNS} "
        f"(languages), {stress.RUNS} (hostile inputs, in process); "
        f"{BATCH_PLANS} plans in the batch.\n"
    )
    print("| " + " | ".join(HEADER) + " |")
    print("|---|---:|---:|---|---:|---|---|")
    for row in rows:
        print("| " + " | ".join(row.cells()) + " |")


if __name__ == "__main__":
    main()
