"""Property and mutation fuzzing: any plan either builds or gets located errors, never a crash.

``make test`` runs a small, fixed budget, the same examples every run; ``make fuzz`` runs the
same properties much longer on fresh random examples, keeping the failures it finds (the
``fuzz`` hypothesis profile in conftest.py).
"""

from __future__ import annotations

import io
import random
import re
import string
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.database import DirectoryBasedExampleDatabase
from markdown_it import MarkdownIt

from anticorrupt_plan.app.checks import run_checks
from anticorrupt_plan.app.render import render
from anticorrupt_plan.app.validate import ValidPlan, parse_plan
from anticorrupt_plan.core.errors import (
    DuplicateKeyError,
    LocatedError,
    Location,
    PlanError,
    PlanInvalid,
    UnknownKeyError,
)
from anticorrupt_plan.kinds.ethics.present import PlanView, present

from .conftest import FUZZ_DATABASE, PLAN_PATH, ROOT, dump

# Text a clerk might paste: Thai, Latin, Markdown and HTML specials, emoji, long lines.
THAI = "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮะาำิีึืุูเแโใไ่้๊๋์ๆ๐๑๒๓๔๕๖๗๘๙"
ALPHABET = THAI + string.ascii_letters + string.digits + " &<>|*_#`[]()!-+.~\\\"'🙂👍🏽\n"
text = st.text(alphabet=ALPHABET, min_size=1, max_size=200).filter(lambda s: s.strip() != "")


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    first = draw(st.integers(min_value=2550, max_value=2590))
    years = list(range(first, first + draw(st.integers(min_value=1, max_value=5))))

    def row() -> dict[str, Any]:
        return {
            "objective": draw(text),
            "indicator": draw(text),
            "targets": {year: draw(text) for year in years},
            "project": draw(text),
            "steps": draw(st.lists(text, max_size=4)),
        }

    def measure() -> dict[str, Any]:
        rows = draw(st.integers(min_value=1, max_value=2))
        return {"title": draw(text), "rows": [row() for _ in range(rows)]}

    def goal() -> dict[str, Any]:
        measures = draw(st.integers(min_value=1, max_value=3))
        return {
            "goal": draw(text),
            "strategy": draw(text),
            "strategy_indicator": draw(text),
            "tactic": draw(text),
            "measures": [measure() for _ in range(measures)],
        }

    return {
        "schema_version": 1,
        "digits": draw(st.sampled_from(["thai", "arabic"])),
        "organization": {
            "kind": "เทศบาลตำบล",
            "name": draw(st.sampled_from(["ทุ่งทอง", "บ้านใหม่", "X&Y"])),
            "province": "กาญจนบุรี",
        },
        "fiscal_years": {"first": years[0], "last": years[-1]},
        "title": draw(text),
        "announcement": {
            "body": draw(st.lists(text, min_size=1, max_size=3)),
            "date": f"{first - 1}-10-{draw(st.integers(min_value=1, max_value=31))}",
            "signatory": {"name": draw(text)},
        },
        "rationale": draw(st.lists(text, min_size=1, max_size=3)),
        "national_strategy": {
            "intro": draw(text),
            "strategies": draw(st.lists(text, min_size=1, max_size=5)),
        },
        "objectives": {"intro": draw(text), "items": draw(st.lists(text, min_size=1, max_size=4))},
        "preparation_steps": draw(st.lists(text, min_size=1, max_size=3)),
        "goals": [goal() for _ in range(draw(st.integers(min_value=1, max_value=3)))],
    }


def table_shapes(markdown: str) -> list[list[int]]:
    """For each table, the number of cells in each of its rows."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    shapes: list[list[int]] = []
    for token in tokens:
        if token.type == "table_open":
            shapes.append([])
        elif token.type == "tr_open":
            shapes[-1].append(0)
        elif token.type in ("th_open", "td_open"):
            shapes[-1][-1] += 1
    return shapes


def validated(data: dict[str, Any]) -> ValidPlan:
    """A generated plan, validated: every generated plan is valid."""
    return parse_plan(dump(data), file="plan.yaml")


SLOW_EXAMPLES = [HealthCheck.too_slow, HealthCheck.data_too_large]


@settings(suppress_health_check=SLOW_EXAMPLES)
@given(plans())
def test_any_valid_plan_renders_well_formed_deterministic_markdown(data: dict[str, Any]) -> None:
    valid = validated(data)

    first = render(valid, formats=["md"])["md"].decode("utf-8")
    second = render(valid, formats=["md"])["md"].decode("utf-8")

    assert first == second
    years = len(valid.plan.fiscal_years.years)
    expected_rows = [2 + len(m.rows) for g in valid.plan.goals for m in g.measures]
    assert table_shapes(first) == [[4 + years] * rows for rows in expected_rows]


def expected_tables(view: PlanView) -> list[list[list[str]]]:
    """Each matrix table as python-docx reads it back: rows of cell texts, a merged cell's
    text once for each column or row it spans, the steps one per line."""
    header = view.header
    spanned = [header.objective, header.indicator, header.project, header.steps]
    first = [*spanned[:2], *[header.targets] * len(header.years), *spanned[2:]]
    second = [*spanned[:2], *header.years, *spanned[2:]]
    return [
        [
            first,
            second,
            *(
                [
                    row.objective,
                    row.indicator,
                    *row.targets,
                    row.project,
                    "\n".join(f"{step.label}\t{step.text}" for step in row.steps),
                ]
                for row in measure.rows
            ),
        ]
        for goal in view.goals
        for measure in goal.measures
    ]


def docx_tables(data: bytes) -> list[list[list[str]]]:
    """Each table's cell texts, without the zero-width spaces that let a header wrap."""
    document = docx.Document(io.BytesIO(data))
    return [
        [[cell.text.replace("\u200b", "") for cell in row.cells] for row in table.rows]
        for table in document.tables
    ]


# A DOCX takes longer to make and to read back than Markdown: a quarter of the examples.
@settings(
    max_examples=max(10, settings.default.max_examples // 4),
    suppress_health_check=SLOW_EXAMPLES,
)
@given(plans())
def test_any_valid_plan_renders_a_deterministic_docx_with_every_cell(data: dict[str, Any]) -> None:
    valid = validated(data)

    first = render(valid, formats=["docx"])["docx"]
    second = render(valid, formats=["docx"])["docx"]

    assert first == second
    assert docx_tables(first) == expected_tables(present(valid.plan))


def mutate(source: str, rng: random.Random) -> str:
    """One random edit of the kind a hurried person makes to a YAML file."""
    lines = source.splitlines(keepends=True)
    index = rng.randrange(len(lines))
    line = lines[index]
    choice = rng.randrange(8)
    if choice == 0:  # delete a line
        del lines[index]
    elif choice == 1:  # duplicate a line
        lines.insert(index, line)
    elif choice == 2:  # re-indent a line
        lines[index] = " " * rng.randrange(0, 12) + line.lstrip(" ")
    elif choice == 3:  # truncate the file
        return "".join(lines)[: rng.randrange(len(source))]
    elif choice == 4:  # flip a scalar into a list or a mapping
        key, colon, _ = line.partition(":")
        if colon:
            lines[index] = f"{key}: {rng.choice(['[1, 2]', '{a: b}', '', '~', 'yes', '- x'])}\n"
    elif choice == 5:  # a tab, a stray quote or bracket
        at = rng.randrange(len(line) + 1)
        lines[index] = (
            line[:at] + rng.choice(["\t", '"', "'", "[", "{", ":", "&a ", "*a", "!!"]) + line[at:]
        )
    elif choice == 6:  # swap two lines
        other = rng.randrange(len(lines))
        lines[index], lines[other] = lines[other], lines[index]
    else:  # replace a character with an arbitrary one
        at = rng.randrange(max(len(line), 1))
        lines[index] = line[:at] + chr(rng.randrange(1, 0x3000)) + line[at + 1 :]
    return "".join(lines)


SEED_SOURCE = PLAN_PATH.read_text(encoding="utf-8")
# YAML counts these as line breaks when it numbers lines, not only "\n".
YAML_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def mutated(rng: random.Random, edits: int) -> str:
    """The repository's plan after ``edits`` random edits."""
    source = SEED_SOURCE
    for _ in range(edits):
        if source:
            source = mutate(source, rng)
    return source


def located_at(source: str, line: int, column: int) -> str:
    """What ``source`` holds from the 1-based ``line`` and ``column`` to the end of that line,
    after checking that they point into the file: at a character of an existing line, or
    just after its last one (where a missing value or the end of the file is reported)."""
    lines = YAML_LINE_BREAK.split(source)
    assert 1 <= line <= len(lines), f"line {line} of {len(lines)}"
    assert 1 <= column <= len(lines[line - 1]) + 1, (
        f"column {column} of line {line}, which has {len(lines[line - 1])} characters"
    )
    return lines[line - 1][column - 1 :]


def named_key(problem: LocatedError) -> str | None:
    """The key a problem is about, for the problems that point at a key written in the file."""
    if isinstance(problem, UnknownKeyError | DuplicateKeyError):
        return str(problem.path[-1])
    return None


def assert_located(source: str, problem: LocatedError) -> None:
    at = located_at(source, problem.location.line, problem.location.column)
    key = named_key(problem)
    if key is not None:  # at the key itself, or at the quote that opens it
        assert at.startswith(key) or at[:1] in ("'", '"'), f"{problem} points at {at!r}"


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=1, max_value=4))
def test_mutated_plans_build_or_give_located_errors(seed: int, edits: int) -> None:
    source = mutated(random.Random(seed), edits)

    try:
        valid = parse_plan(source, file="plan.yaml")
    except PlanInvalid as error:
        assert error.problems
        for problem in error.problems:
            line = str(problem)
            assert line.startswith("plan.yaml:")
            assert "\n" not in line, line
            assert_located(source, problem)
        return
    except PlanError as error:  # pragma: no cover - a file-level error cannot come from text
        pytest.fail(f"unexpected file error: {error}")
    render(valid, formats=["md"])
    for finding in run_checks(valid).findings:  # the checks locate characters inside values
        at = located_at(source, finding.location.line, finding.location.column)
        if finding.text:  # the first flagged character, its escape, or a folded line break
            first = finding.text[0]
            assert at[:1] in (first, "\\") or (at == "" and first in " \n"), (finding, at)


def test_the_located_checks_catch_what_they_should() -> None:
    source = "a: 1\nbb: 2\n"
    unknown = UnknownKeyError(
        location=Location("plan.yaml", 2, 1), path=("bb",), key="bb", suggestion=None
    )

    assert_located(source, unknown)
    assert located_at(source, 2, 6) == ""  # just after the last character
    for line, column in [(0, 1), (4, 1), (1, 0), (1, 6)]:
        with pytest.raises(AssertionError):
            located_at(source, line, column)
    with pytest.raises(AssertionError):  # the right line, but not at the key it names
        assert_located(
            source,
            UnknownKeyError(
                location=Location("plan.yaml", 2, 2), path=("bb",), key="bb", suggestion=None
            ),
        )


def test_make_fuzz_explores_fresh_examples_and_keeps_the_failures() -> None:
    fuzz, default = settings.get_profile("fuzz"), settings.get_profile("default")

    assert fuzz.derandomize is False
    assert isinstance(fuzz.database, DirectoryBasedExampleDatabase)
    assert Path(fuzz.database.path) == FUZZ_DATABASE
    assert fuzz.max_examples > 10 * default.max_examples
    assert default.derandomize is True  # make test: the same small set every run
    assert ".hypothesis/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


# The real program on mutated files: a batch of them, and the first alone. What it prints on
# stderr is located lines (problems, or check findings of the plans that built) and the line
# that sums the failures up; never a traceback, never another exit status, never a hang.
BATCH = 6
LOCATED = re.compile(r"([^:\n]+):([0-9]+):([0-9]+): ")
SUMMARY = re.compile(
    r"[0-9]+ problems? found(; nothing was written)?"
    r"|[0-9]+ of [0-9]+ plans failed; their documents were left as they were"
    r"|.+: [0-9]+ errors?, [0-9]+ warnings?.* from plan check \(advice: they do not stop a build\)"
)


def build_in_subprocess(plans: Path, out: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "anticorrupt_plan", "build", str(plans), "-o", str(out)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


# Each example starts the program twice: a twentieth of the examples.
@settings(max_examples=max(2, settings.default.max_examples // 20))
@given(st.integers(min_value=0, max_value=2**32))
def test_the_plan_command_on_mutated_files_exits_0_or_1_with_located_errors(seed: int) -> None:
    rng = random.Random(seed)
    texts: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "plans"
        folder.mkdir()
        for number in range(BATCH):
            text = mutated(rng, rng.randint(1, 4))
            path = folder / f"plan{number}.yaml"
            path.write_text(text, encoding="utf-8", newline="")
            texts[str(path)] = text

        runs = [
            build_in_subprocess(folder / "plan0.yaml", Path(work) / "alone"),
            build_in_subprocess(folder, Path(work) / "batch"),
        ]

    for done in runs:
        # Split at "\n" only: a message may quote a key holding U+2028, which splitlines cuts.
        lines = done.stderr.split("\n")
        assert lines.pop() == "", done.stderr  # every line ends
        assert done.returncode in (0, 1), done.stderr
        assert "Traceback" not in done.stderr
        assert all(LOCATED.match(line) or SUMMARY.fullmatch(line) for line in lines), done.stderr
        assert done.returncode == 0 or SUMMARY.fullmatch(lines[-1]), done.stderr
        for line in lines:  # each location points into the file it names
            if located := LOCATED.match(line):
                file, line_number, column = located.groups()
                located_at(texts[file], int(line_number), int(column))
