"""The Word document: reopened with python-docx and checked part by part, down to the XML."""

from __future__ import annotations

import copy
import io
import shutil
import struct
import zlib
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph

from anticorrupt_plan.app.build import build
from anticorrupt_plan.app.render import render
from anticorrupt_plan.app.validate import parse_plan, read_plan
from anticorrupt_plan.common.display import plain
from anticorrupt_plan.core.errors import DataPath, PlanInvalid, ReferenceDocumentError, format_path
from anticorrupt_plan.core.metrics import text_width
from anticorrupt_plan.core.resources import template_dir
from anticorrupt_plan.core.thai import THAI_DIGITS, clusters, thai_digits
from anticorrupt_plan.kinds.ethics.model import Plan
from anticorrupt_plan.kinds.ethics.present import PlanView, present

from .conftest import MINIMAL, PLAN_PATH, dump, minimal_plan
from .test_page_layout import five_years_long

A4 = (21.0, 29.7)
FONT = "TH SarabunIT๙"


def png(width: int = 4, height: int = 6) -> bytes:
    """A small, valid, all-black PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def open_docx(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def view() -> PlanView:
    return present(read_plan(PLAN_PATH).plan)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return read_plan(PLAN_PATH).plan


def thai(text: str) -> str:
    return thai_digits(text)


@pytest.fixture(scope="module")
def document() -> Document:
    return open_docx(render(read_plan(PLAN_PATH), formats=["docx"])["docx"])


def section_paragraphs(document: Document, index: int) -> list[Paragraph]:
    """The body paragraphs of one section, outside tables."""
    section = document.sections[index]
    return [item for item in section.iter_inner_content() if isinstance(item, Paragraph)]


def texts(paragraphs: list[Paragraph]) -> list[str]:
    """The paragraphs' texts as a reader reads them: without the no-break spaces and word
    joiners that keep names and year ranges on one line (tested on their own below)."""
    return [plain(paragraph.text) for paragraph in paragraphs]


# --- the text of every part -------------------------------------------------------------------


def test_the_announcement_carries_every_line_in_order(document: Document, plan: Plan) -> None:
    assert texts(section_paragraphs(document, 0)) == [
        "ประกาศองค์การบริหารส่วนตำบลทุ่งทอง",
        "เรื่อง แผนการเสริมสร้างมาตรฐานวินัยคุณธรรม จริยธรรมและป้องกันการทุจริต",
        "ปีงบประมาณ พ.ศ. ๒๕๖๒ - ๒๕๖๔",
        "",  # the short separator line
        *(thai(text) for text in plan.announcement.body),
        "ประกาศ ณ วันที่ ๑๘ เดือน ตุลาคม พ.ศ. ๒๕๖๑",
        "(นายไพฑูรย์ สุขดี)",
        "นายกองค์การบริหารส่วนตำบลทุ่งทอง",
    ]


def test_the_cover_carries_title_years_and_organization(document: Document) -> None:
    assert texts(section_paragraphs(document, 1)) == [
        "แผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและการป้องกันการทุจริต",
        "ประจำปี พ.ศ. ๒๕๖๒ - ๒๕๖๔",
        "ของ",
        "องค์การบริหารส่วนตำบลทุ่งทอง",
        "อำเภอท่าม่วง จังหวัดกาญจนบุรี",
    ]


def test_the_narrative_numbers_its_lists_with_hanging_labels(
    document: Document, plan: Plan
) -> None:
    def items(texts: list[str], label: str) -> list[str]:
        return [f"{label.format(thai(str(n)))}\t{thai(t)}" for n, t in enumerate(texts, 1)]

    assert texts(section_paragraphs(document, 2)) == [
        "แผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและการป้องกันการทุจริต "
        "องค์การบริหารส่วนตำบลทุ่งทอง ประจำปี พ.ศ. ๒๕๖๒ - ๒๕๖๔",
        "หลักการเหตุผล",
        *(thai(text) for text in plan.rationale),
        thai(plan.national_strategy.intro),
        *items(plan.national_strategy.strategies, "ยุทธศาสตร์ที่ {}"),
        thai(plan.objectives.intro),
        *items(plan.objectives.items, "{}."),
        "ขั้นตอนการจัดทำแผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและการป้องกันการทุจริตขององค์การบริหารส่วนตำบลทุ่งทอง",
        *items(plan.preparation_steps, "{}."),
    ]


def test_the_matrix_has_a_header_block_per_goal_and_a_table_per_measure(
    document: Document, plan: Plan
) -> None:
    expected = [
        "แผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและการป้องกันการทุจริตขององค์การบริหารส่วนตำบลทุ่งทอง"
        "\nอำเภอท่าม่วง จังหวัดกาญจนบุรี\nปีงบประมาณ พ.ศ. ๒๕๖๒ - ๒๕๖๔"
    ]
    for g, goal in enumerate(plan.goals, start=1):
        expected.append(f"เป้าประสงค์หลักที่ {thai(str(g))}\t{thai(goal.goal)}")
        expected.append(f"ยุทธศาสตร์ที่ {thai(str(g))}\t{thai(goal.strategy)}")
        expected.append(f"ตัวชี้วัดยุทธศาสตร์\t{thai(goal.strategy_indicator)}")
        expected.append(f"กลยุทธ์หลัก\t{thai(goal.tactic)}")
        expected += [
            f"มาตรการที่ {thai(str(m))}\t{thai(measure.title)}"
            for m, measure in enumerate(goal.measures, start=1)
        ]

    assert texts(section_paragraphs(document, 3)) == expected
    assert len(document.tables) == sum(len(goal.measures) for goal in plan.goals)


def open_at_the_top(cell: Any) -> bool:
    """Whether ``cell`` is drawn without a rule above it (it goes on from the cell above)."""
    borders = cell._tc.tcPr.find(qn("w:tcBorders"))
    top = borders.find(qn("w:top")) if borders is not None else None
    return top is not None and top.get(qn("w:val")) == "nil"


def opens_a_row(row: Any) -> bool:
    """Whether ``row`` is the second part of a row written as two."""
    return all(open_at_the_top(cell) for cell in row.cells)


def rows_as_read(table: Any) -> list[list[list[Paragraph]]]:
    """Each row of ``table`` as the paragraphs of its cells; a row written as two, where a
    page breaks it (the second part drawn without a rule above), read as one."""
    rows: list[list[list[Paragraph]]] = []
    for row in table.rows:
        cells = [list(cell.paragraphs) for cell in row.cells]
        if rows and opens_a_row(row):
            rows[-1] = [
                above + [p for p in more if p.text]
                for above, more in zip(rows[-1], cells, strict=True)
            ]
        else:
            rows.append(cells)
    return rows


def cell_texts(paragraphs: list[Paragraph]) -> list[str]:
    """A cell's paragraphs as texts, a paragraph that a row written as two parts carries
    on in its second part (a list item's rest starts with a tab) joined to its start."""
    found: list[str] = []
    for text in texts(paragraphs):
        if found and text.startswith("\t"):
            found[-1] += " " + text[1:]
        else:
            found.append(text)
    return found


def assert_rows_hold_their_measures(document: Document, plan: Plan) -> None:
    rows = [row for goal in plan.goals for measure in goal.measures for row in measure.rows]
    body_rows = [row for table in document.tables for row in rows_as_read(table)[2:]]

    assert len(body_rows) == len(rows)
    for cells, row in zip(body_rows, rows, strict=True):
        assert [" ".join(texts(cell)) for cell in cells[:-1]] == [
            thai(row.objective),
            thai(row.indicator),
            *(thai(row.targets[year]) for year in plan.fiscal_years.years),
            thai(row.project),
        ]
        # One paragraph per step, its number hanging before the text.
        assert cell_texts(cells[-1]) == [
            f"{thai(str(n))}.\t{thai(step)}" for n, step in enumerate(row.steps, start=1)
        ]


def test_each_table_row_holds_the_row_of_its_measure(document: Document, plan: Plan) -> None:
    assert_rows_hold_their_measures(document, plan)


def test_rows_written_as_two_parts_lose_no_text(tmp_path: Path) -> None:
    # Five years and long texts: rows a page must break, cut inside their paragraphs.
    long_plan = tmp_path / "five.yaml"
    long_plan.write_text(five_years_long(PLAN_PATH.read_text(encoding="utf-8")), encoding="utf-8")
    valid = read_plan(long_plan)
    document = open_docx(render(valid, formats=["docx"])["docx"])
    parts = [row for table in document.tables for row in table.rows if opens_a_row(row)]

    assert parts  # the test is about something
    assert_rows_hold_their_measures(document, valid.plan)


def test_a_row_a_page_breaks_is_written_as_two_that_read_as_one(document: Document) -> None:
    # The seed's third goal's first measure: its row must break across pages, and by the
    # estimates would leave too little of it on the next page, so its last steps are a row
    # of their own (in LibreOffice both parts happen to stand on one page).
    parts = [row for table in document.tables for row in table.rows if opens_a_row(row)]

    assert len(parts) == 1
    (part,) = parts
    assert part._tr.trPr.find(qn("w:cantSplit")) is not None  # the rest is kept whole
    assert [plain(cell.text) for cell in part.cells[:-1]] == [""] * (len(part.cells) - 1)
    assert texts(part.cells[-1].paragraphs)[0].startswith("๔.\t")


def test_a_goals_block_is_kept_with_its_first_measures_table(document: Document) -> None:
    paragraphs = section_paragraphs(document, 3)
    starts = [i for i, p in enumerate(paragraphs) if p.text.startswith("เป้าประสงค์หลักที่")]

    for start in starts:
        block = paragraphs[start : start + 5]  # the goal, its three fields, its first measure
        assert all(p.paragraph_format.keep_with_next or p.style.paragraph_format.keep_with_next
                   for p in block)  # fmt: skip
        assert not any(p.paragraph_format.page_break_before for p in block[1:])


# --- Thai typography ----------------------------------------------------------------------------


def run_property(document: Document, paragraph: Paragraph, run: Any, tag: str) -> Any:
    """The element ``tag`` that decides a run's formatting: from the run, its character
    style, the paragraph's style and the styles it is based on, or the document defaults."""
    sources = [run._r.rPr]
    if run.style is not None and run.style.element.rPr is not None:
        sources.append(run.style.element.rPr)
    style = paragraph.style
    while style is not None:
        sources.append(style.element.rPr)
        style = style.base_style
    sources.append(document.styles.element.find(qn("w:docDefaults")).find(f".//{qn('w:rPr')}"))
    for source in sources:
        if source is not None and source.find(qn(tag)) is not None:
            return source.find(qn(tag))
    return None


def all_paragraphs(document: Document) -> list[Paragraph]:
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs += cell.paragraphs
    for section in document.sections:
        paragraphs += section.header.paragraphs
    return paragraphs


def is_thai(text: str) -> bool:
    return any("\u0e00" <= char <= "\u0e7f" for char in text)


def test_every_thai_run_has_a_thai_font_and_size(document: Document) -> None:
    thai_runs = [(p, r) for p in all_paragraphs(document) for r in p.runs if is_thai(r.text)]
    fonts = {run_property(document, p, r, "w:rFonts").get(qn("w:cs")) for p, r in thai_runs}
    sizes = {int(run_property(document, p, r, "w:szCs").get(qn("w:val"))) for p, r in thai_runs}
    languages = {run_property(document, p, r, "w:lang").get(qn("w:bidi")) for p, r in thai_runs}

    assert len(thai_runs) > 200
    assert fonts == {FONT}
    assert min(sizes) == 32  # half-points: 16 pt, and larger in headings and on the cover
    assert languages == {"th-TH"}


def test_bold_thai_text_is_bold_in_the_complex_script_slot(document: Document) -> None:
    heading = section_paragraphs(document, 0)[0]
    run = heading.runs[0]

    assert run_property(document, heading, run, "w:b") is not None
    assert run_property(document, heading, run, "w:bCs") is not None


def test_no_run_is_marked_right_to_left(document: Document) -> None:
    body = document.element.body
    assert not body.findall(f".//{qn('w:rtl')}")


def test_body_text_is_thai_justified_with_a_first_line_indent(document: Document) -> None:
    style = document.styles["Body Text"]

    assert style.element.pPr.find(qn("w:jc")).get(qn("w:val")) == "thaiDistribute"
    assert round(style.paragraph_format.first_line_indent.cm, 2) == 2.5


# --- pages and sections ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("index", "orientation"),
    [
        (0, WD_ORIENT.PORTRAIT),  # the announcement
        (1, WD_ORIENT.PORTRAIT),  # the cover
        (2, WD_ORIENT.PORTRAIT),  # the narrative
        (3, WD_ORIENT.LANDSCAPE),  # the matrix
    ],
)
def test_each_part_is_a_section_on_a4_in_its_orientation(
    document: Document, index: int, orientation: WD_ORIENT
) -> None:
    section = document.sections[index]
    size = (round(section.page_width.cm, 1), round(section.page_height.cm, 1))

    assert len(document.sections) == 4
    assert section.orientation == orientation
    assert size == (A4 if orientation == WD_ORIENT.PORTRAIT else A4[::-1])
    assert section.start_type == 2  # WD_SECTION.NEW_PAGE: each part starts a page


def test_margins_come_from_the_reference_document(document: Document) -> None:
    section = document.sections[0]
    margins = (section.left_margin, section.right_margin, section.top_margin)

    assert [round(m.cm, 2) for m in margins] == [3.0, 2.0, 2.5]
    assert round(section.bottom_margin.cm, 2) == 2.0


def page_number_format(section: Any) -> tuple[str | None, str | None]:
    numbering = section._sectPr.find(qn("w:pgNumType"))
    return numbering.get(qn("w:fmt")), numbering.get(qn("w:start"))


def test_page_numbers_are_a_centred_page_field_in_thai_digits(document: Document) -> None:
    header = document.sections[0].header
    [paragraph] = header.paragraphs
    instructions = [i.text for i in paragraph._p.iter(qn("w:instrText"))]

    assert paragraph.text == "- " + " -"  # the number itself is the field's
    assert [i.strip() for i in instructions] == ["PAGE"]
    assert paragraph.style.name == "Header"
    assert paragraph.alignment is None  # centred by its style
    assert header.part.element.xpath("string(.//w:pStyle/@w:val)") == "Header"
    assert page_number_format(document.sections[0]) == ("thaiNumbers", None)


def thai_runs(part: Any) -> list[Any]:
    """The runs of a part (the body, a header) marked as Thai text (w:lang w:val="th-TH")."""
    return [
        run
        for run in part.element.iter(qn("w:r"))
        if run.find(f"{qn('w:rPr')}/{qn('w:lang')}") is not None
        and run.find(f"{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val")) == "th-TH"
    ]


def test_only_the_page_number_is_marked_thai_text_for_libreoffice_to_draw_in_thai_digits(
    document: Document,
) -> None:
    header = document.sections[0].header
    field = [run for run in header.part.element.iter(qn("w:r")) if run.find(qn("w:t")) is None]

    assert thai_runs(header.part) == field  # the field's begin, instruction and end
    assert len(field) == 3
    assert thai_runs(document.part) == []  # no other digit turns Thai in LibreOffice


def test_no_part_shows_a_page_number_on_its_first_page(document: Document) -> None:
    first_pages = [section.different_first_page_header_footer for section in document.sections]
    first_header = document.sections[0].first_page_header

    assert first_pages == [True, True, True, False]  # the matrix continues the narrative
    assert not first_header.is_linked_to_previous
    assert not list(first_header.part.element.iter(qn("w:instrText")))
    assert [s.header.is_linked_to_previous for s in document.sections] == [False, True, True, True]


def test_the_narrative_numbers_its_pages_from_one(document: Document) -> None:
    assert page_number_format(document.sections[2]) == ("thaiNumbers", "1")
    assert page_number_format(document.sections[3]) == ("thaiNumbers", None)


def test_arabic_digit_plans_number_pages_in_arabic_digits(write_plan: Any) -> None:
    data = minimal_plan()
    data["digits"] = "arabic"
    valid = read_plan(write_plan(data))

    document = open_docx(render(valid, formats=["docx"])["docx"])

    matrix_heading = plain(section_paragraphs(document, 3)[0].text)

    assert {page_number_format(s)[0] for s in document.sections} == {"decimal"}
    assert thai_runs(document.sections[0].header.part) == []
    assert "2566 - 2567" in matrix_heading
    assert not any(char in THAI_DIGITS for char in matrix_heading)


# --- the matrix tables -----------------------------------------------------------------------


def cell_properties(table: Any, row: int) -> list[Any]:
    return [tc.tcPr for tc in table.rows[row]._tr.tc_lst]


def test_the_table_header_merges_the_years_under_one_heading(document: Document) -> None:
    table = document.tables[0]
    years = 3
    top, bottom = cell_properties(table, 0), cell_properties(table, 1)

    def merge(tcPr: Any) -> str | None:
        v_merge = tcPr.find(qn("w:vMerge"))
        return None if v_merge is None else (v_merge.get(qn("w:val")) or "continue")

    assert [tc.grid_span for tc in table.rows[0]._tr.tc_lst] == [1, 1, years, 1, 1]
    assert [merge(tcPr) for tcPr in top] == ["restart", "restart", None, "restart", "restart"]
    continued = ["continue", "continue", *([None] * years), "continue", "continue"]
    assert [merge(tcPr) for tcPr in bottom] == continued
    assert [c.text for c in table.rows[1].cells[2 : 2 + years]] == ["๒๕๖๒", "๒๕๖๓", "๒๕๖๔"]
    assert table.cell(0, 2).text == "(๓) ค่าเป้าหมายตัวชี้วัด"


def row_flags(table: Any) -> list[tuple[bool, bool]]:
    """(repeats as header, kept from breaking) for each row of ``table``."""
    return [
        (
            tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None,
            tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None,
        )
        for tr in table._tbl.tr_lst
    ]


def test_both_header_rows_repeat_on_every_page_and_kept_whole(document: Document) -> None:
    for table in document.tables:
        flags = row_flags(table)
        assert flags[:2] == [(True, True), (True, True)]
        assert all(not header for header, _ in flags[2:])


def test_a_row_is_kept_whole_only_when_it_surely_fits_on_a_page(tmp_path: Path) -> None:
    data = minimal_plan()
    rows = data["goals"][0]["measures"][0]["rows"]
    tall = copy.deepcopy(rows[0])
    tall["steps"] = [f"ขั้นตอนที่ยาวมากเพื่อให้แถวนี้สูงเกินกว่าหนึ่งหน้ากระดาษ {n}" for n in range(40)]
    rows.append(tall)
    path = tmp_path / "plan.yaml"
    path.write_text(dump(data), encoding="utf-8")
    build(path, out_dir=tmp_path, formats=["docx"])

    [table] = docx.Document(str(tmp_path / "plan.docx")).tables

    assert [keep for _, keep in row_flags(table)[2:]] == [True, False]


def test_the_tables_fill_the_landscape_text_width(document: Document) -> None:
    section = document.sections[3]
    text_width = section.page_width - section.left_margin - section.right_margin
    for table in document.tables:
        widths = [column.width for column in table.columns]
        assert abs(sum(widths) - text_width) < Cm(0.01)
        assert min(widths) >= Cm(2.1)


def grid_cm(table: Any) -> list[float]:
    """A table's column widths, in centimetres."""
    columns = table._tbl.tblGrid.findall(qn("w:gridCol"))
    return [int(column.get(qn("w:w"))) / 1440 * 2.54 for column in columns]


def test_every_measures_table_lines_up_with_the_others(document: Document) -> None:
    grids = {tuple(grid_cm(table)) for table in document.tables}

    assert len(grids) == 1


def test_year_columns_are_as_wide_as_their_longest_value_and_no_wider(
    document: Document,
) -> None:
    widths = grid_cm(document.tables[0])
    # ร้อยละ ๑๐๐ is 1.91 cm; the cell's margins 0.3 cm, and a point to spare.
    longest = text_width("ร้อยละ ๑๐๐", 16) / 72 * 2.54 + 0.3

    assert widths[2] == widths[3] == widths[4]
    assert longest <= widths[2] <= longest + 0.06


def test_columns_holding_the_organizations_name_hold_it_on_one_line(
    document: Document, view: PlanView
) -> None:
    widths = grid_cm(document.tables[0])
    name = text_width(plain(view.organization), 16) / 72 * 2.54

    assert widths[5] >= name + 0.3  # (๔) โครงการ/กิจกรรม names it
    assert widths[6] >= name + 0.3 + 0.6  # (๕) แนวทางปฏิบัติ too, after a step's number
    assert min(widths[:2]) >= 3.3 - 0.01


def plan_over(years: int, targets: Any) -> Document:
    data = minimal_plan()
    data["fiscal_years"] = {"first": 2566, "last": 2565 + years}
    row = data["goals"][0]["measures"][0]["rows"][0]
    row["targets"] = {2566 + n: targets(n) for n in range(years)}
    row["objective"] = "วัตถุประสงค์ที่ยาวพอสมควร" * 20
    row["project"] = "โครงการขององค์การบริหารส่วนตำบลทดสอบ"
    return open_docx(render(parse_plan(dump(data), file="plan.yaml"), formats=["docx"])["docx"])


def test_a_target_the_same_every_year_is_shown_once_across_the_year_columns() -> None:
    [table] = plan_over(5, lambda n: "ร้อยละ 80").tables
    widths = grid_cm(table)
    body = table.rows[2]._tr.tc_lst

    assert [tc.grid_span for tc in body] == [1, 1, 5, 1, 1]
    assert plain(table.rows[2].cells[2].text) == "ร้อยละ ๘๐"
    # The year columns need only hold the years: the text takes the rest.
    assert max(widths[2:7]) <= text_width("๒๕๖๖", 16, bold=True) / 72 * 2.54 + 0.36
    assert min(widths[:2] + widths[-2:]) >= 3.3 - 0.01


def test_five_years_of_different_targets_get_one_width_each() -> None:
    [table] = plan_over(5, lambda n: f"ร้อยละ {80 + 5 * n}").tables
    widths = grid_cm(table)

    assert [tc.grid_span for tc in table.rows[2]._tr.tc_lst] == [1] * 9
    assert len(set(widths[2:7])) == 1
    assert abs(sum(widths) - 24.7) < 0.01
    assert min(widths[:2] + widths[-2:]) >= 3.3 - 0.01


def test_a_name_too_wide_for_its_column_is_written_loose_and_reads_the_same() -> None:
    name = "องค์การบริหารส่วนตำบลทดสอบ"
    [table] = plan_over(10, lambda n: f"ร้อยละ {50 + 5 * n}").tables  # ten narrow year columns
    widths = grid_cm(table)
    project = table.rows[2].cells[-2]

    assert widths[-2] < text_width(name, 16) / 72 * 2.54 + 0.3
    assert "\u2060" not in project._tc.xml  # free to break between its words
    assert plain(project.text) == f"โครงการของ{name}"


def test_header_cells_stand_in_the_middle_of_their_rows(document: Document) -> None:
    table = document.tables[0]
    header = [tc for tr in table._tbl.tr_lst[:2] for tc in tr.tc_lst]
    body = [tc for tr in table._tbl.tr_lst[2:] for tc in tr.tc_lst]

    def valign(tc: Any) -> str | None:
        found = tc.tcPr.find(qn("w:vAlign"))
        return None if found is None else found.get(qn("w:val"))

    started = [tc for tc in header if tc.tcPr.find(qn("w:vMerge")) is None or
               tc.tcPr.find(qn("w:vMerge")).get(qn("w:val")) == "restart"]  # fmt: skip
    assert {valign(tc) for tc in started} == {"center"}
    assert {valign(tc) for tc in body} == {None}  # at the top, Word's default


def test_the_organizations_name_and_the_years_are_held_on_one_line(
    document: Document,
) -> None:
    heading = section_paragraphs(document, 3)[0].text
    name = "องค์การบริหารส่วนตำบลทุ่งทอง"
    joined = "\u200b" + "\u2060".join(clusters(name)) + "\u200b"

    assert joined in heading
    assert "พ.ศ.\u00a0๒๕๖๒\u00a0-\u00a0๒๕๖๔" in heading
    assert name not in heading  # never written loose where it fits


def test_header_cells_may_wrap_after_a_slash(document: Document) -> None:
    header = document.tables[0].rows[0].cells
    assert header[-2].text == "(๔) โครงการ/\u200bกิจกรรม"


# --- the emblem ---------------------------------------------------------------------------------


def inline_pictures(document: Document) -> list[Any]:
    return document.element.body.findall(f".//{qn('wp:inline')}")


def test_no_emblem_means_no_picture(document: Document) -> None:
    assert inline_pictures(document) == []


def test_the_emblem_is_3_cm_high_and_centred_above_the_heading(
    write_plan: Any, tmp_path: Path
) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "garuda.png").write_bytes(png())
    data = minimal_plan()
    data["announcement"]["emblem"] = "images/garuda.png"

    document = open_docx(render(read_plan(write_plan(data)), formats=["docx"])["docx"])
    [inline] = inline_pictures(document)
    first = section_paragraphs(document, 0)[0]

    assert int(inline.extent.cy) == Cm(3)
    assert int(inline.extent.cx) == Cm(2)  # the image's own proportions, 4 by 6
    assert first._p.find(f".//{qn('wp:inline')}") is not None
    assert first.style.name == "Emblem"
    assert len(inline_pictures(document)) == 1  # the first page only


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file: "),
        (b"", "is not an image a document can hold"),
        (b"<svg></svg>", "is not an image a document can hold"),
        (b"GIF89a\xf5w", "is not an image a document can hold"),  # a header cut short
        (b"\x89PNG\r\n\x1a\n\xe0\n\x0f|\x85iX\x91Kf\x8b\x9f", "is not an image a document"),
        (png(width=0, height=0), "is not an image a document can hold"),
        ("folder", "is a folder"),
    ],
)
def test_an_unusable_emblem_is_a_located_error_and_nothing_is_written(
    write_plan: Any, tmp_path: Path, content: bytes | str | None, message: str
) -> None:
    image = tmp_path / "garuda.png"
    if content == "folder":
        image.mkdir()
    elif isinstance(content, bytes):
        image.write_bytes(content)
    data = minimal_plan()
    data["announcement"]["emblem"] = "garuda.png"
    plan = write_plan(data)
    out = tmp_path / "out"

    with pytest.raises(PlanInvalid) as raised:
        build(plan, out_dir=out)

    [problem] = raised.value.problems
    assert problem.path == ("announcement", "emblem")
    assert (
        problem.location.line
        == plan.read_text(encoding="utf-8").splitlines().index("  emblem: garuda.png") + 1
    )
    assert message in problem.message
    assert "garuda.png" in problem.message  # the file the plan names
    assert not out.exists()


def test_the_markdown_links_the_emblem_written_beside_it(write_plan: Any) -> None:
    data = minimal_plan()
    data["announcement"]["emblem"] = "garuda.png"
    path = write_plan(data)
    (path.parent / "garuda.png").write_bytes(png())

    documents = render(read_plan(path), formats=["md"])

    assert documents["emblem.png"] == png()
    assert "![ตราครุฑ](plan.emblem.png)" in documents["md"].decode()


# --- the plan's layout over the reference document -----------------------------------------------


def test_layout_in_the_plan_overrides_margins_font_and_size(write_plan: Any) -> None:
    data = minimal_plan()
    data["layout"] = {
        "margins": {"left": "๓.๕", "right": 1.5, "top": 2, "bottom": 1},
        "font": "TH Sarabun New",
        "font_size": 15,
    }

    document = open_docx(render(read_plan(write_plan(data)), formats=["docx"])["docx"])
    defaults = document.styles.element.find(qn("w:docDefaults")).find(f".//{qn('w:rPr')}")
    fonts = defaults.find(qn("w:rFonts"))

    for section in document.sections:
        margins = [section.left_margin, section.right_margin, section.top_margin]
        assert [round(m.cm, 2) for m in margins] == [3.5, 1.5, 2.0]
        assert round(section.bottom_margin.cm, 2) == 1.0
    assert {fonts.get(qn(slot)) for slot in ("w:ascii", "w:hAnsi", "w:cs")} == {"TH Sarabun New"}
    assert defaults.find(qn("w:sz")).get(qn("w:val")) == "30"
    assert defaults.find(qn("w:szCs")).get(qn("w:val")) == "30"


def copy_templates(folder: Path) -> Path:
    """A copy of the built-in templates in ``folder``, as a clerk makes one to restyle."""
    shutil.copytree(template_dir(), folder)
    return folder


def test_the_plan_font_replaces_fonts_that_styles_name(tmp_path: Path, write_plan: Any) -> None:
    reference = docx.Document(str(template_dir() / "reference.docx"))
    reference.styles["Title"].font.name = "Angsana New"
    templates = copy_templates(tmp_path / "templates")
    reference.save(str(templates / "reference.docx"))
    data = minimal_plan()
    data["layout"] = {"font": "TH Sarabun New"}

    document = open_docx(
        render(read_plan(write_plan(data)), formats=["docx"], templates=templates)["docx"]
    )

    assert document.styles["Title"].font.name == "TH Sarabun New"


# --- the reference document -----------------------------------------------------------------


def test_a_restyled_reference_document_is_used(tmp_path: Path, write_plan: Any) -> None:
    reference = docx.Document(str(template_dir() / "reference.docx"))
    reference.styles["Body Text"].paragraph_format.first_line_indent = Cm(1.25)
    reference.sections[0].left_margin = Cm(2.5)
    templates = copy_templates(tmp_path / "templates")
    reference.save(str(templates / "reference.docx"))

    document = open_docx(
        render(read_plan(write_plan(minimal_plan())), formats=["docx"], templates=templates)["docx"]
    )

    assert round(document.styles["Body Text"].paragraph_format.first_line_indent.cm, 2) == 1.25
    assert round(document.sections[0].left_margin.cm, 2) == 2.5


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a zip file", "reference.docx: not a Word document"),
        ("without-style", "has no style named 'Signature'"),
        ("style-of-another-kind", "its style 'Strong' is a paragraph style where a character"),
    ],
)
def test_an_unusable_reference_document_is_reported(
    tmp_path: Path, write_plan: Any, content: bytes | str | None, message: str
) -> None:
    templates = copy_templates(tmp_path / "templates")
    target = templates / "reference.docx"
    target.unlink()
    if isinstance(content, bytes):
        target.write_bytes(content)
    elif content is not None:
        reference = docx.Document(str(template_dir() / "reference.docx"))
        if content == "without-style":
            style = reference.styles["Signature"].element
            style.getparent().remove(style)
        else:
            reference.styles["Strong"].element.set(qn("w:type"), "paragraph")
        reference.save(str(target))

    with pytest.raises(ReferenceDocumentError) as raised:
        render(read_plan(write_plan(minimal_plan())), formats=["docx"], templates=templates)

    assert message in str(raised.value)


# --- metadata --------------------------------------------------------------------------------


def test_core_properties_come_from_the_plan(document: Document, view: PlanView) -> None:
    properties = document.core_properties

    assert properties.title == view.document_title
    assert properties.author == plain(view.organization)
    assert properties.last_modified_by == plain(view.organization)
    assert "\u2060" not in properties.title and "\u00a0" not in properties.title
    assert properties.created.isoformat() == "2018-10-18T00:00:00+00:00"
    assert properties.modified == properties.created
    assert properties.revision == 1
    assert properties.comments == ""  # nothing carried over from the reference document


# --- hazardous text ----------------------------------------------------------------------------

NOT_TEXT = {("organization", "kind"), ("announcement", "date")}


def text_fields(data: Any, path: DataPath = ()) -> list[DataPath]:
    """The path of every text value in a plan's data."""
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in text_fields(value, (*path, key))]
    if isinstance(data, list):
        return [p for index, value in enumerate(data) for p in text_fields(value, (*path, index))]
    return [path] if isinstance(data, str) and path not in NOT_TEXT else []


def set_at(data: Any, path: DataPath, value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


@pytest.mark.parametrize("path", text_fields(MINIMAL), ids=format_path)
def test_a_control_character_in_any_text_is_a_located_error_and_no_docx_is_written(
    write_plan: Any, tmp_path: Path, path: DataPath
) -> None:
    data = minimal_plan()
    set_at(data, path, "ข้อความ\x0bที่วางมา")  # a vertical tab, pasted from a word processor
    out = tmp_path / "out"

    with pytest.raises(PlanInvalid) as raised:
        build(write_plan(data), out_dir=out)

    [problem] = raised.value.problems
    # A target's year is a key: the error's path names it as text, e.g. targets.2566.
    expected = (*path[:-1], str(path[-1])) if path[-2:-1] == ("targets",) else path
    assert problem.path == expected
    assert "U+000B" in problem.message
    assert problem.location.line > 1
    assert not out.exists()


HAZARDS = "ขั้นตอน & <ตาราง> \"ข้อความ\" 'อ้างอิง' 😀👍🏽 🇹🇭"


def test_markup_characters_and_emoji_come_out_as_text(write_plan: Any) -> None:
    data = minimal_plan()
    data["title"] = HAZARDS
    data["announcement"]["body"] = [HAZARDS]
    data["goals"][0]["measures"][0]["rows"][0]["steps"] = [HAZARDS]
    data["goals"][0]["measures"][0]["rows"][0]["targets"][2566] = "<b>&amp;</b>"

    document = open_docx(render(read_plan(write_plan(data)), formats=["docx"])["docx"])
    body = [p.text for p in document.paragraphs]
    [table] = document.tables

    assert HAZARDS in body  # the announcement's paragraph
    assert any(text.startswith(HAZARDS) for text in body)  # the cover's title line
    assert table.cell(2, 2).text == "<b>&amp;</b>"
    assert table.cell(2, 5).text == f"๑.\t{HAZARDS}"
    assert document.core_properties.title.startswith(HAZARDS)
