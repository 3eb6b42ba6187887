"""The amendment record and reasons in plan.yaml: optional, checked, and no part of the plan."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from anticorrupt_plan.app.validate import parse_plan
from anticorrupt_plan.core.errors import PlanInvalid

from .conftest import dump, minimal_plan


def parsed(amendment: Any = None, **reasons: str) -> Any:
    data = minimal_plan()
    if amendment is not None:
        data["amendment"] = amendment
    goal = data["goals"][0]
    for where, reason in reasons.items():
        {"goal": goal, "measure": goal["measures"][0], "row": goal["measures"][0]["rows"][0]}[
            where
        ]["reason"] = reason
    return parse_plan(dump(data), file="plan.yaml").plan


@pytest.mark.parametrize(
    ("amendment", "number", "date"),
    [
        pytest.param({"number": 1}, 1, None, id="number alone"),
        pytest.param({"number": "๒"}, 2, None, id="Thai digits"),
        pytest.param(
            {"number": 1, "date": "2566-03-01"}, 1, datetime.date(2023, 3, 1), id="B.E. date"
        ),
    ],
)
def test_an_amendment_is_read(amendment: dict[str, Any], number: int, date: Any) -> None:
    plan = parsed(amendment)

    assert (plan.amendment.number, plan.amendment.date) == (number, date)


@pytest.mark.parametrize(
    ("amendment", "message"),
    [
        pytest.param({"number": 0}, "amendment.number: must be at least 1"),
        pytest.param(
            {"date": "2566-03-01"}, "amendment.number: required, but missing; add 'number:'"
        ),
        pytest.param({"number": 1, "when": "x"}, "unknown key 'when'"),
        pytest.param({"number": 1, "reason": ""}, "amendment.reason: text must not be blank"),
    ],
)
def test_a_wrong_amendment_is_located(amendment: dict[str, Any], message: str) -> None:
    with pytest.raises(PlanInvalid) as raised:
        parsed(amendment)

    assert message in str(raised.value)


def test_reasons_are_kept_on_goals_measures_and_rows() -> None:
    plan = parsed(goal="ก", measure="ข", row="ค")

    goal = plan.goals[0]
    assert (goal.reason, goal.measures[0].reason, goal.measures[0].rows[0].reason) == (
        "ก",
        "ข",
        "ค",
    )
