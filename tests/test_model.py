"""The plan's schema: the layout settings that the DOCX takes over the reference document."""

from __future__ import annotations

from typing import Any

import pytest

from anticorrupt_plan.app.validate import parse_plan
from anticorrupt_plan.core.errors import PlanInvalid
from anticorrupt_plan.kinds.ethics.model import Plan

from .conftest import dump, minimal_plan


def test_layout_is_optional_and_leaves_everything_to_the_reference_document() -> None:
    layout = Plan.model_validate(minimal_plan()).layout

    assert (layout.font, layout.font_size) == (None, None)
    assert layout.margins.model_dump() == {"left": None, "right": None, "top": None, "bottom": None}


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        ({"margins": {"left": "3"}}, ("margins", "left", 3.0)),
        ({"margins": {"top": "๒.๕"}}, ("margins", "top", 2.5)),  # Thai digits
        ({"margins": {"bottom": 0}}, ("margins", "bottom", 0.0)),
        ({"font_size": "15.5"}, ("font_size", None, 15.5)),
        ({"font": "TH Sarabun New"}, ("font", None, "TH Sarabun New")),
    ],
)
def test_layout_values_are_read_from_text(
    layout: dict[str, Any], expected: tuple[Any, ...]
) -> None:
    data = minimal_plan()
    data["layout"] = layout

    plan = Plan.model_validate(data)
    field, key, value = expected
    found = getattr(plan.layout, field)

    assert (getattr(found, key) if key else found) == value


@pytest.mark.parametrize(
    ("layout", "path", "message"),
    [
        ({"margins": {"left": "6"}}, "layout.margins.left", "must be at most 5"),
        ({"margins": {"right": "-1"}}, "layout.margins.right", "must be at least 0"),
        ({"margins": {"top": "wide"}}, "layout.margins.top", "expected a number"),
        ({"margins": {"top": "nan"}}, "layout.margins.top", "must be at least 0"),
        ({"font_size": "15.3"}, "layout.font_size", "multiple of 0.5"),
        ({"font_size": "100"}, "layout.font_size", "must be at most 72"),
        ({"font": "  "}, "layout.font", "blank"),
        ({"margin": {"left": 3}}, "layout.margin", "did you mean 'margins'?"),
    ],
)
def test_wrong_layout_values_are_located_errors(
    layout: dict[str, Any], path: str, message: str
) -> None:
    data = minimal_plan()
    data["layout"] = layout
    text = dump(data)

    with pytest.raises(PlanInvalid) as raised:
        parse_plan(text, file="plan.yaml")

    [problem] = raised.value.problems
    line = text.splitlines()[problem.location.line - 1]
    assert str(problem).startswith(f"plan.yaml:{problem.location.line}:")
    assert f"{path}: " in str(problem)
    assert message in problem.message
    assert path.rsplit(".", 1)[-1] in line


def test_the_emblem_is_optional_text() -> None:
    data = minimal_plan()
    data["announcement"]["emblem"] = "ตราครุฑ.png"

    assert Plan.model_validate(data).announcement.emblem == "ตราครุฑ.png"
    assert Plan.model_validate(minimal_plan()).announcement.emblem is None


def test_a_goal_cannot_serve_a_national_strategy_the_plan_does_not_list() -> None:
    from anticorrupt_plan.app.validate import parse_plan
    from anticorrupt_plan.core.errors import PlanInvalid

    from .conftest import dump

    data = minimal_plan()
    data["goals"][0]["strategy_number"] = 3

    with pytest.raises(PlanInvalid) as raised:
        parse_plan(dump(data), file="plan.yaml")

    assert "goals[0].strategy_number: the national strategy lists 1 strategy" in str(raised.value)


def problems_of(data: dict[str, Any]) -> list[str]:
    with pytest.raises(PlanInvalid) as raised:
        parse_plan(dump(data), file="plan.yaml")
    return str(raised.value).splitlines()


def test_a_goal_may_serve_the_last_national_strategy_the_plan_lists() -> None:
    data = minimal_plan()
    data["national_strategy"]["strategies"] = ["ยุทธศาสตร์หนึ่ง", "ยุทธศาสตร์สอง"]
    data["goals"][0]["strategy_number"] = 2

    assert parse_plan(dump(data), file="plan.yaml").plan.goals[0].strategy_number == 2


def test_a_strategy_number_past_the_list_is_told_how_many_there_are_at_its_value() -> None:
    data = minimal_plan()
    data["national_strategy"]["strategies"] = ["ยุทธศาสตร์หนึ่ง", "ยุทธศาสตร์สอง"]
    data["goals"][0]["strategy_number"] = 3
    text = dump(data)
    line = text.splitlines().index("  strategy_number: 3") + 1

    assert problems_of(data) == [
        f"plan.yaml:{line}:20: goals[0].strategy_number: the national strategy lists 2 "
        "strategies; there is no ยุทธศาสตร์ที่ 3"
    ]


def test_a_row_without_targets_for_several_years_lists_them_all() -> None:
    data = minimal_plan()
    data["fiscal_years"]["last"] = 2569
    data["goals"][0]["measures"][0]["rows"][0]["targets"] = {2566: "ร้อยละ 80", 2567: "ร้อยละ 90"}

    [problem] = problems_of(data)

    assert problem.endswith(
        "goals[0].measures[0].rows[0].targets: no target for fiscal year 2568, 2569; each year "
        "2566-2569 needs one: add '2568: ...' under targets"
    )
