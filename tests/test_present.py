"""The presentation: what the DOCX takes from the plan besides the text."""

from __future__ import annotations

import datetime

import pytest

from anticorrupt_plan.model import Plan
from anticorrupt_plan.present import LayoutView, PageNumberView, present

from .conftest import minimal_plan


@pytest.mark.parametrize(("digits", "thai"), [("thai", True), ("arabic", False)])
def test_page_numbers_read_dash_number_dash_in_the_plans_digits(digits: str, thai: bool) -> None:
    data = minimal_plan()
    data["digits"] = digits

    view = present(Plan.model_validate(data))

    assert view.page_numbers == PageNumberView(before="- ", after=" -", thai_digits=thai)


def test_layout_passes_the_plans_settings_and_leaves_the_rest_unset() -> None:
    data = minimal_plan()
    data["layout"] = {"margins": {"left": "3.5"}, "font_size": 15}

    view = present(Plan.model_validate(data))

    assert view.layout == LayoutView(
        left_cm=3.5, right_cm=None, top_cm=None, bottom_cm=None, font=None, font_size_pt=15.0
    )


def test_the_documents_are_dated_by_the_announcement() -> None:
    view = present(Plan.model_validate(minimal_plan()))

    assert view.issued == datetime.date(2022, 10, 1)  # 2565-10-01 B.E.
