"""The DOCX as LibreOffice lays it out: converted to PDF once, then read with poppler's tools.

LibreOffice renders with TH Sarabun's metric twin (see ``tests/libreoffice.py``), so pages
hold what they hold in Word. Without soffice, poppler-utils or Laksaman these tests skip,
except in CI, where they fail (tests/programs.py).
"""

from __future__ import annotations

import copy
import html
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest

from anticorrupt_plan.app.build import build
from anticorrupt_plan.app.compare import DiffFormat, compare
from anticorrupt_plan.app.validate import read_plan
from anticorrupt_plan.common.comparison import ComparisonView, present_comparison
from anticorrupt_plan.kinds.ethics import KIND
from anticorrupt_plan.kinds.ethics.diff import diff_plans
from anticorrupt_plan.kinds.ethics.present import PlanView, present

from .conftest import PLAN_PATH, dump, minimal_plan
from .libreoffice import Pdf, needs_libreoffice, run, squash, to_pdf

pytestmark = needs_libreoffice

# Markup characters and emoji, and enough rows to carry a table over several pages.
HAZARDS = "ขั้นตอน & <ตาราง> \"ข้อความ\" 'อ้างอิง' 😀👍🏽"


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory, twin_fonts: Path) -> dict[str, Pdf]:
    work = tmp_path_factory.mktemp("libreoffice")
    long_plan = minimal_plan()
    long_plan["title"] = HAZARDS
    rows = long_plan["goals"][0]["measures"][0]["rows"]
    rows[0]["objective"] = HAZARDS
    long_plan["goals"][0]["measures"][0]["rows"] = [copy.deepcopy(rows[0]) for _ in range(12)]
    (work / "long.yaml").write_text(dump(long_plan), encoding="utf-8")
    build(PLAN_PATH, out_dir=work, formats=["docx"])
    build(work / "long.yaml", out_dir=work, formats=["docx"])
    return to_pdf(work, ["plan", "long"], fontconfig=twin_fonts)


@pytest.fixture(scope="module")
def view() -> PlanView:
    return present(read_plan(PLAN_PATH).plan)


def test_the_thai_text_comes_through(pdfs: dict[str, Pdf], view: PlanView) -> None:
    text = "".join(pdfs["plan"].pages())
    samples = [
        *view.announcement.body,
        f"ประกาศ ณ {view.announcement.date}",
        view.place,
        *view.rationale,
        view.goals[1].goal,
        view.goals[2].measures[1].rows[0].project,
    ]

    for sample in samples:
        assert squash(sample) in text


def test_every_font_is_a_thai_font_and_embedded(pdfs: dict[str, Pdf]) -> None:
    fonts = pdfs["plan"].fonts()

    assert fonts
    for name, embedded in fonts:
        assert name.startswith("THSarabunIT9"), name
        assert embedded == "yes", name


def test_the_text_is_set_at_16_points(pdfs: dict[str, Pdf]) -> None:
    # The announcement: its heading and body at the document's size, nothing smaller.
    assert pdfs["plan"].font_sizes(1) == {"16"}


def test_the_announcement_cover_and_narrative_are_portrait_the_matrix_landscape(
    pdfs: dict[str, Pdf], view: PlanView
) -> None:
    pdf = pdfs["plan"]
    sizes = pdf.page_sizes()
    matrix_start = next(
        index
        for index, page in enumerate(pdf.pages())
        if squash(f"ปีงบประมาณ พ.ศ. {view.years}") in page and squash(view.goals[0].goal) in page
    )

    assert len(sizes) == len(pdf.pages()) > 8
    assert all(round(w) == 595 and round(h) == 842 for w, h in sizes[:matrix_start])
    assert all(round(w) == 842 and round(h) == 595 for w, h in sizes[matrix_start:])


def test_the_merged_year_header_repeats_on_every_page_of_a_long_table(
    pdfs: dict[str, Pdf],
) -> None:
    pages = pdfs["long"].pages()
    table_pages = [page for page in pages if squash("ขั้นที่หนึ่ง") in page]
    header = squash("(๓) ค่าเป้าหมายตัวชี้วัด")

    assert len(table_pages) >= 2
    for page in table_pages:
        assert header in page
        assert "๒๕๖๖" in page and "๒๕๖๗" in page


def test_markup_characters_and_emoji_survive_as_text(pdfs: dict[str, Pdf]) -> None:
    text = "".join(pdfs["long"].pages())

    assert squash("& <ตาราง> \"ข้อความ\" 'อ้างอิง'") in text
    assert "😀" in text


def test_page_numbers_start_on_each_parts_second_page(pdfs: dict[str, Pdf]) -> None:
    pdf = pdfs["plan"]
    headers = [pdf.header(page) for page in range(1, 7)]

    # Announcement, cover, the narrative's first page: none; then the narrative's second,
    # third... In Arabic digits here: LibreOffice does not read the Thai page-number
    # format that Word shows as ๒.
    assert headers == ["", "", "", "- 2 -", "- 3 -", "- 4 -"]


def test_no_table_row_loses_its_end(pdfs: dict[str, Pdf], view: PlanView) -> None:
    text = "".join(pdfs["plan"].pages())
    # The last letters of each row's last step: a row cut off at the foot of a page loses
    # its last line. (Longer endings may be split by the next page's repeated header.)
    endings = [
        squash(row.steps[-1].text)[-4:]
        for goal in view.goals
        for measure in goal.measures
        for row in measure.rows
    ]

    assert [ending for ending in endings if ending not in text] == []


# --- the amendment comparison ----------------------------------------------------------------

# A reworded sentence in the rationale, whose paragraph runs over several pages of the table,
# and the first measure's 2563 target raised.
AMENDMENTS = {
    "มีประสิทธิภาพและประสิทธิผล": "มีประสิทธิภาพ ประสิทธิผล และคุ้มค่า",
    "2563: ร้อยละ ๙๐": "2563: ร้อยละ ๙๕",
}


@dataclass(frozen=True)
class Comparison:
    pdf: Pdf
    view: ComparisonView
    columns: list[tuple[float, float]]  # each table column's left and right edge, in points

    def column(self, index: int) -> str:
        """One column of the table read down every page, without its heading repeated on each
        (but with whatever lies above or below the table in that column)."""
        left, right = self.columns[index]
        words = run("pdftotext", "-bbox", str(self.pdf.path), "-")
        found: list[str] = []
        for page in words.split("<page ")[1:]:
            boxes = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', page)
            inside = [(float(y), float(x), html.unescape(word)) for x, y, word in boxes]
            found += [word for y, x, word in sorted(inside) if left <= x < right and y > 71]
        return squash("".join(found)).replace(squash(self.view.columns[index]), "")


@pytest.fixture(scope="module")
def comparison(tmp_path_factory: pytest.TempPathFactory, twin_fonts: Path) -> Comparison:
    work = tmp_path_factory.mktemp("comparison")
    text = PLAN_PATH.read_text(encoding="utf-8")
    for old, new in AMENDMENTS.items():
        text = text.replace(old, new, 1)
    amended = work / "plan.yaml"
    amended.write_text(text, encoding="utf-8")
    compare(str(PLAN_PATH), plan_file=amended, format=DiffFormat.DOCX, out=work / "cmp.docx")
    old, new = read_plan(PLAN_PATH).plan, read_plan(amended).plan
    document = docx.Document(str(work / "cmp.docx"))
    edges = [document.sections[0].left_margin.pt]
    for column in document.tables[0].columns:
        edges.append(edges[-1] + column.width.pt)
    return Comparison(
        pdf=to_pdf(work, ["cmp"], fontconfig=twin_fonts)["cmp"],
        view=present_comparison(diff_plans(old, new), new=KIND.settings(new)),
        columns=list(itertools.pairwise(edges)),
    )


def test_the_comparisons_thai_text_comes_through_in_an_embedded_thai_font(
    comparison: Comparison,
) -> None:
    view = comparison.view
    fonts = comparison.pdf.fonts()

    assert len(view.rows) == 2
    assert squash(view.title) in "".join(comparison.pdf.pages())
    assert squash("".join(f"{row.action} {row.place}" for row in view.rows)) in comparison.column(1)
    for index, side in ((2, "old"), (3, "new")):
        texts = ["".join(piece.text for piece in getattr(row, side)) for row in view.rows]
        assert squash("".join(texts)) in comparison.column(index)
    assert fonts
    for name, embedded in fonts:
        assert name.startswith("THSarabunIT9"), name
        assert embedded == "yes", name


def test_the_comparison_is_landscape_with_its_header_row_on_every_page(
    comparison: Comparison,
) -> None:
    pdf = comparison.pdf
    pages = pdf.pages()

    assert len(pages) >= 2
    assert all(round(w) == 842 and round(h) == 595 for w, h in pdf.page_sizes())
    for page in pages:
        assert all(squash(heading) in page for heading in comparison.view.columns)
    assert [pdf.header(page) for page in (1, 2)] == ["", "- 2 -"]
