"""Layout decisions from measured text: the seed's matrix and a wide five-year plan."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from anticorrupt_plan.app.validate import read_plan
from anticorrupt_plan.core.metrics import line_height, text_width
from anticorrupt_plan.kinds.ethics.present import PlanView, present
from anticorrupt_plan.writers.layout import (
    FEWEST_LINES,
    SHORT_COLUMN_EM,
    SHORT_SPARE_PT,
    SPARE_LINES,
    Cell,
    Flow,
    RowFit,
    TableMetrics,
    cell_lines,
    column_widths,
    keep_row_whole,
    row_height,
)

from .conftest import PLAN_PATH

CM = 72 / 2.54
# The reference document's matrix: A4 landscape inside 3 cm and 2 cm side margins and
# 2.5 cm and 2 cm top and bottom ones; Table Grid's cell margins (85 and 28 twips).
TEXT_WIDTH = 24.7 * CM
TEXT_HEIGHT = 16.5 * CM
METRICS = TableMetrics(size_pt=16, padding_x_pt=8.5, padding_y_pt=2.8, border_pt=0.5)
MIN_TEXT = 3.3 * CM
MIN_YEAR = 1.0 * CM


def matrix_rows(matrix: PlanView, *, merge_same_targets: bool = True) -> list[list[Cell]]:
    """The matrix table as layout cells: two header rows, then a row per measure row; a
    row whose targets are the same every year shows them once across the year columns."""
    header = matrix.header
    years = len(header.years)
    rows = [
        [
            Cell.of(header.objective, bold=True),
            Cell.of(header.indicator, bold=True),
            Cell.of(header.targets, span=years, bold=True),
            Cell.of(header.project, bold=True),
            Cell.of(header.steps, bold=True),
        ],
        [
            Cell.of(),
            Cell.of(),
            *(Cell.of(year, bold=True) for year in header.years),
            Cell.of(),
            Cell.of(),
        ],
    ]
    for goal in matrix.goals:
        for measure in goal.measures:
            for row in measure.rows:
                same = len(set(row.targets)) == 1 and merge_same_targets
                targets = (
                    [Cell.of(row.targets[0], span=years)]
                    if same
                    else [Cell.of(t) for t in row.targets]
                )
                steps = Cell.of(*(f"{step.label} {step.text}" for step in row.steps))
                rows.append(
                    [
                        Cell.of(row.objective),
                        Cell.of(row.indicator),
                        *targets,
                        Cell.of(row.project),
                        steps,
                    ]
                )
    return rows


def minimums(years: int) -> list[float]:
    return [MIN_TEXT, MIN_TEXT, *[MIN_YEAR] * years, MIN_TEXT, MIN_TEXT]


def widths_for(view: PlanView) -> list[float]:
    years = len(view.header.years)
    return column_widths(
        matrix_rows(view),
        TEXT_WIDTH,
        minimum=minimums(years),
        metrics=METRICS,
        keep_whole=[view.organization],
        same=[list(range(2, 2 + years))],
    )


@pytest.fixture(scope="module")
def seed() -> PlanView:
    return present(read_plan(PLAN_PATH).plan)


def test_the_widths_fill_the_text_width(seed: PlanView) -> None:
    assert sum(widths_for(seed)) == pytest.approx(TEXT_WIDTH)


def test_every_year_target_of_the_seed_fits_on_one_line_in_its_column(seed: PlanView) -> None:
    widths = widths_for(seed)
    years = widths[2:5]

    assert cell_lines(Cell.of("ร้อยละ ๑๐๐"), years[2], METRICS) == 1
    for goal in seed.goals:
        for measure in goal.measures:
            for row in measure.rows:
                if len(set(row.targets)) > 1:
                    for target, width in zip(row.targets, years, strict=True):
                        assert text_width(target, 16) + METRICS.padding_x_pt <= width


def test_year_columns_are_no_wider_than_their_longest_value(seed: PlanView) -> None:
    widths = widths_for(seed)

    # ร้อยละ ๑๐๐ and the padding: 1.91 cm + 0.30 cm; the columns took 27%.
    assert widths[2:5] == pytest.approx([text_width("ร้อยละ ๑๐๐", 16) + 8.5 + SHORT_SPARE_PT] * 3)


def test_no_text_column_is_so_narrow_that_a_word_or_the_organizations_name_breaks(
    seed: PlanView,
) -> None:
    widths = widths_for(seed)
    rows = matrix_rows(seed)
    room = {column: widths[column] - METRICS.padding_x_pt for column in (0, 1, 5, 6)}
    columns = {0: 0, 1: 1, 5: -2, 6: -1}

    for column, index in columns.items():
        texts = [p for row in rows[2:] for p in row[index].paragraphs]
        assert room[column] >= MIN_TEXT - METRICS.padding_x_pt
        if any(seed.organization in text for text in texts):
            assert room[column] >= text_width(seed.organization, 16)
        for text in texts:
            for word in text.split():
                if not any("\u0e00" <= char <= "\u0e7f" for char in word):
                    assert room[column] >= text_width(word, 16), word


def test_the_rows_are_shorter_than_with_even_text_columns(seed: PlanView) -> None:
    rows = matrix_rows(seed)
    chosen = widths_for(seed)
    even_text = (TEXT_WIDTH - sum(chosen[2:5])) / 4
    even = [even_text, even_text, *chosen[2:5], even_text, even_text]

    def total(widths: Sequence[float]) -> float:
        return sum(row_height(row, widths, METRICS) for row in rows)

    assert total(chosen) < total(even)


def test_every_seed_row_fits_a_page_below_the_header_and_is_kept_whole(seed: PlanView) -> None:
    rows = matrix_rows(seed)
    widths = widths_for(seed)
    header = sum(row_height(row, widths, METRICS) for row in rows[:2])

    heights = [row_height(row, widths, METRICS) for row in rows[2:]]

    assert all(keep_row_whole(h, header_pt=header, page_pt=TEXT_HEIGHT) for h in heights)


def five_year_view() -> PlanView:
    """The seed over five fiscal years, every target different, texts three times as long."""
    plan = read_plan(PLAN_PATH).plan
    data = plan.model_dump(mode="python")
    data["fiscal_years"] = {"first": 2562, "last": 2566}
    for goal in data["goals"]:
        for measure in goal["measures"]:
            for row in measure["rows"]:
                row["targets"] = {
                    year: f"ร้อยละ {80 + 5 * (year - 2562)}" for year in range(2562, 2567)
                }
                row["objective"] = " ".join([row["objective"]] * 3)
                row["steps"] = [" ".join([step] * 3) for step in row["steps"]]
    return present(type(plan).model_validate(data))


def test_five_years_and_long_texts_keep_the_name_whole_and_wrap_the_year_values() -> None:
    view = five_year_view()
    widths = widths_for(view)
    name = text_width(view.organization, 16) + METRICS.padding_x_pt

    assert len(widths) == 9
    assert sum(widths) == pytest.approx(TEXT_WIDTH)
    # Five values of ร้อยละ ๑๐๐ on one line would leave no room for the name: they wrap
    # at their space instead, all five columns one width.
    assert len({round(width, 6) for width in widths[2:7]}) == 1
    assert cell_lines(Cell.of("ร้อยละ ๑๐๐"), widths[2], METRICS) == 2
    assert cell_lines(Cell.of("ร้อยละ"), widths[2], METRICS) == 1
    assert min(widths[i] for i in (0, 1, 7, 8)) >= MIN_TEXT
    assert widths[7] >= name and widths[8] >= name


@pytest.mark.parametrize(
    ("row", "header", "heading", "kept"),
    [(300, 60, 0, True), (420, 60, 0, False), (380, 60, 40, False), (380, 60, 0, True)],
)
def test_a_row_is_kept_whole_when_it_fits_below_the_header_and_heading(
    row: float, header: float, heading: float, kept: bool
) -> None:
    assert keep_row_whole(row, header_pt=header, page_pt=467.7, heading_pt=heading) is kept


def test_a_rows_height_is_its_tallest_cells_lines() -> None:
    row = [Cell.of("ก"), Cell.of("ก", "ข", "ค"), Cell.of("ก\nข")]

    height = row_height(row, [100.0, 100.0, 100.0], METRICS)

    assert height == pytest.approx(3 * line_height(16) + 2.8 + 0.5)


def test_a_spanning_cell_is_measured_across_its_columns() -> None:
    text = "มีการยกย่องเชิดชูคนดีต้นแบบ ไม่น้อยกว่า ส่วนราชการ ๑ คน"
    widths = [60.0, 60.0, 60.0]

    assert row_height([Cell.of(text, span=3)], widths, METRICS) < row_height(
        [Cell.of(text), Cell.of(), Cell.of()], widths, METRICS
    )


def test_short_columns_are_those_of_short_lines_only() -> None:
    rows = [[Cell.of("ร้อยละ ๘๐"), Cell.of("ก" * 40)], [Cell.of("๒๕๖๒"), Cell.of("ข")]]

    widths = column_widths(rows, 500.0, minimum=[10.0, 10.0], metrics=METRICS)

    assert text_width("ร้อยละ ๘๐", 16) <= SHORT_COLUMN_EM * 16
    assert widths[0] == pytest.approx(text_width("ร้อยละ ๘๐", 16) + 8.5 + SHORT_SPARE_PT)
    assert widths[1] == pytest.approx(500.0 - widths[0])


def test_floors_that_do_not_fit_shrink_in_proportion() -> None:
    rows = [[Cell.of("ร้อยละ ๘๐")] * 10]

    widths = column_widths(rows, 200.0, minimum=[10.0] * 10, metrics=METRICS)

    assert sum(widths) == pytest.approx(200.0)
    assert max(widths) == pytest.approx(min(widths))


# --- pages ------------------------------------------------------------------------------------

LINE = line_height(16)
PAGE = 22 * LINE


def row(lines: float, *, surely: float | None = None) -> RowFit:
    return RowFit(lines * LINE, (surely or lines) * LINE, LINE)


def test_a_row_that_fits_where_it_stands_is_kept_whole() -> None:
    flow = Flow(PAGE)
    flow.paragraph(4 * LINE, lines=4, keep_next=False, page_break_before=False)

    placed = flow.table(2 * LINE, [row(10)])

    assert placed.keep == [True]
    assert flow.y == pytest.approx(16 * LINE)


def test_a_row_breaks_across_the_page_when_enough_of_it_stands_on_each() -> None:
    flow = Flow(PAGE)
    flow.paragraph(6 * LINE, lines=6, keep_next=False, page_break_before=False)

    placed = flow.table(2 * LINE, [row(10), row(14)])

    # 14 lines below the first row's 18: 4 fit, too few; the next page has the header and 14.
    assert placed.keep == [True, True]
    assert flow.y == pytest.approx(16 * LINE)

    least = FEWEST_LINES + SPARE_LINES
    flow = Flow(PAGE)
    placed = flow.table(2 * LINE, [row(4), row(16 + least)])

    # 16 lines fit below the first row, and more than enough go over with the header.
    assert placed.keep == [True, False]
    assert flow.y == pytest.approx((2 + least) * LINE)


def test_a_row_that_would_leave_a_scrap_on_the_next_page_moves_there_whole() -> None:
    flow = Flow(PAGE)
    placed = flow.table(2 * LINE, [row(12), row(9)])

    assert placed.keep == [True, True]
    assert flow.y == pytest.approx(11 * LINE)  # the header and the row on the next page


def test_a_heading_and_its_table_start_a_page_when_the_first_row_must_break_below_it() -> None:
    flow = Flow(PAGE)
    flow.paragraph(19 * LINE, lines=19, keep_next=False, page_break_before=False)
    flow.paragraph(2 * LINE, lines=1, keep_next=True, page_break_before=False)

    placed = flow.table(2 * LINE, [row(30)])

    assert placed.keep == [False]
    assert placed.new_page


def test_a_row_that_must_break_with_a_scrap_on_a_page_is_written_as_two() -> None:
    flow = Flow(PAGE)
    flow.paragraph(6 * LINE, lines=6, keep_next=True, page_break_before=False)
    asked = []

    def split(index: int, first_pt: float) -> float | None:
        asked.append((index, first_pt))
        return 5 * LINE  # the rest, as it was parted

    # The heading, the header and 16 lines are taller than a page even at its top; the page
    # would break the row with 2 of its lines on the next page.
    placed = flow.table(2 * LINE, [row(16)], split=split)

    assert asked == [(0, pytest.approx((16 - FEWEST_LINES - 1) * LINE))]
    assert placed.keep == [False]
    assert placed.parts == [pytest.approx((16 - FEWEST_LINES - 1) * LINE)]
    assert flow.y == pytest.approx(7 * LINE)  # the header and the rest on the next page


def test_a_row_kept_with_the_next_moves_with_it_to_the_next_page() -> None:
    flow = Flow(PAGE)
    flow.paragraph(15 * LINE, lines=15, keep_next=False, page_break_before=False)
    heading = RowFit(LINE, LINE, LINE, keep=True, with_next=True)

    placed = flow.table(2 * LINE, [row(1), heading, row(4)])

    # The group's heading row fits at the foot of the page, its first row does not: both
    # stand on the next page, below the header rows.
    assert placed.keep == [True, True, True]
    assert flow.y == pytest.approx((2 + 1 + 4) * LINE)


def test_a_row_the_writer_cannot_part_breaks_where_the_page_fills() -> None:
    flow = Flow(PAGE)
    flow.paragraph(6 * LINE, lines=6, keep_next=True, page_break_before=False)

    placed = flow.table(2 * LINE, [row(16)], split=lambda index, first_pt: None)

    assert placed.parts == [None]
    assert flow.y == pytest.approx(4 * LINE)  # the header and the 2 lines left over


def test_a_row_parted_where_both_parts_are_expected_to_fit_stays_on_the_page() -> None:
    flow = Flow(PAGE)
    flow.paragraph(6 * LINE, lines=6, keep_next=True, page_break_before=False)

    # 14 lines fit as expected in the 14 left, but not with the lines kept spare.
    placed = flow.table(2 * LINE, [row(14, surely=16)], split=lambda index, first_pt: 4 * LINE)

    assert placed.parts == [pytest.approx((14 - FEWEST_LINES - 1) * LINE)]
    assert flow.y == pytest.approx(PAGE)


def test_a_row_that_must_break_with_enough_on_each_page_is_left_to_the_page() -> None:
    flow = Flow(PAGE)
    flow.paragraph(6 * LINE, lines=6, keep_next=True, page_break_before=False)

    placed = flow.table(2 * LINE, [row(30)])

    assert placed.keep == [False]
    assert placed.parts == [None]


def test_a_row_that_must_break_with_too_little_room_left_is_left_to_the_page() -> None:
    flow = Flow(PAGE)
    flow.paragraph(17 * LINE, lines=17, keep_next=False, page_break_before=False)

    # One line of room below the first row's: no first part can be written there.
    placed = flow.table(2 * LINE, [row(2), row(25)])

    assert placed.parts == [None, None]


def test_a_short_paragraph_that_does_not_fit_moves_with_what_it_keeps_with() -> None:
    flow = Flow(PAGE)
    flow.paragraph(19 * LINE, lines=19, keep_next=False, page_break_before=False)
    flow.paragraph(2 * LINE, lines=2, keep_next=True, page_break_before=False)

    flow.paragraph(2 * LINE, lines=2, keep_next=True, page_break_before=False)

    assert flow.y == pytest.approx(4 * LINE)
    assert flow.kept == pytest.approx(4 * LINE)


def test_a_long_paragraph_breaks_across_the_page() -> None:
    flow = Flow(PAGE)
    flow.paragraph(20 * LINE, lines=20, keep_next=False, page_break_before=False)

    flow.paragraph(6 * LINE, lines=6, keep_next=False, page_break_before=False)

    assert flow.y == pytest.approx(4 * LINE)
