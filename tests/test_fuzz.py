"""Property and mutation fuzzing: any plan either builds or gets located errors, never a crash.

``make test`` runs a small, fixed budget; ``make fuzz`` runs the same properties much longer
(the ``fuzz`` hypothesis profile in conftest.py).
"""

from __future__ import annotations

import random
import re
import string
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from anticorrupt_plan.build import render
from anticorrupt_plan.errors import PlanError, PlanInvalid
from anticorrupt_plan.validate import parse_plan

from .conftest import PLAN_PATH, dump

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


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plans())
def test_any_valid_plan_renders_well_formed_deterministic_markdown(data: dict[str, Any]) -> None:
    try:
        valid = parse_plan(dump(data), file="plan.yaml")
    except PlanInvalid as error:  # only an impossible date (say 31 September) may refuse it
        assert all("announcement.date" in str(p) for p in error.problems), str(error)
        return

    first = render(valid, formats=["md"])["md"].decode("utf-8")
    second = render(valid, formats=["md"])["md"].decode("utf-8")

    assert first == second
    years = len(valid.plan.fiscal_years.years)
    expected_rows = [2 + len(m.rows) for g in valid.plan.goals for m in g.measures]
    assert table_shapes(first) == [[4 + years] * rows for rows in expected_rows]


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


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=1, max_value=4))
def test_mutated_plans_build_or_give_located_errors(seed: int, edits: int) -> None:
    rng = random.Random(seed)
    source = SEED_SOURCE
    for _ in range(edits):
        if source:
            source = mutate(source, rng)

    try:
        valid = parse_plan(source, file="plan.yaml")
    except PlanInvalid as error:
        assert error.problems
        for problem in error.problems:
            line = str(problem)
            assert line.startswith("plan.yaml:")
            assert 1 <= problem.location.line <= len(YAML_LINE_BREAK.split(source))
            assert "\n" not in line, line
        return
    except PlanError as error:  # pragma: no cover - a file-level error cannot come from text
        pytest.fail(f"unexpected file error: {error}")
    render(valid, formats=["md"])
