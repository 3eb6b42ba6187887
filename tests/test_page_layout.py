"""The acceptance checks on the rendered pages, with TH Sarabun's metric twin:
no page whose only content is a heading, no page holding a repeated header and fewer than
three lines of a row, no year range or organization name split across lines, every table
inside the text width, and the page count.

They run on the seed and on the seed stretched to five fiscal years with long texts. In the
latter, a goal's block, its first measure's heading, the header rows and that measure's
only row are taller than a page even at the top of one: LibreOffice would break the row
where the page fills and leave its last line alone under the header rows repeated on the
next page (it honours neither widow control nor keep-lines-together inside a table cell),
so the writer writes that row as two (``writers/_split.py``).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from anticorrupt_plan.app.build import build
from anticorrupt_plan.app.render import document_tree
from anticorrupt_plan.app.validate import read_plan
from anticorrupt_plan.core.thai import clusters
from anticorrupt_plan.document.tree import Document, Heading, ItemList, inline_text
from anticorrupt_plan.kinds.ethics.present import PlanView, present
from anticorrupt_plan.writers.layout import Flow, Placement, RowFit

from .conftest import PLAN_PATH
from .libreoffice import (
    Pdf,
    header_scrap_pages,
    heading_only_pages,
    needs_libreoffice,
    outside_text_area,
    split_phrases,
    to_pdf,
)

pytestmark = needs_libreoffice

CM = 72 / 2.54
LEFT_MARGIN, RIGHT_MARGIN = 3 * CM, 2 * CM


def five_years_long(text: str) -> str:
    """plan.yaml over 2562-2566 with each year's target repeated for the two new years and
    every objective, project and step written out twice."""
    text = text.replace("  last: 2564", "  last: 2566")
    text = re.sub(
        r"^(\s+)2564: (.*)$", r"\g<1>2564: \2\n\g<1>2565: \2\n\g<1>2566: \2", text, flags=re.M
    )
    text = re.sub(r"^(\s+(?:- )?objective: )(.*)$", r"\1\2 \2", text, flags=re.M)
    text = re.sub(r"^(\s+project: )(.*)$", r"\1\2 \2", text, flags=re.M)
    return text


@dataclass(frozen=True)
class Rendered:
    pdf: Pdf
    view: PlanView
    tree: Document

    @property
    def headings(self) -> list[str]:
        """The text of every heading, and of the goal fields kept with the heading above them
        (a heading's lines one by one, a tab read as nothing)."""
        found: list[str] = []
        for section in self.tree.sections:
            for block in section.blocks:
                if isinstance(block, Heading):
                    found += inline_text(block.inlines).replace("\t", "").split("\n")
                elif isinstance(block, ItemList) and block.bullet:
                    found += [inline_text(item.inlines).replace("\t", "") for item in block.items]
        return found

    @property
    def year_ranges(self) -> list[str]:
        years = self.view.year_columns
        return [f"{years[0]} - {years[-1]}"]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, twin_fonts: Path) -> dict[str, Rendered]:
    work = tmp_path_factory.mktemp("pages")
    long_plan = work / "five.yaml"
    long_plan.write_text(five_years_long(PLAN_PATH.read_text(encoding="utf-8")), encoding="utf-8")
    free_plan = work / "free.yaml"
    free_plan.write_text(PLAN_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    plans = {"plan": PLAN_PATH, "five": long_plan, "free": free_plan}
    for name, plan in plans.items():
        with pytest.MonkeyPatch.context() as patch:
            if name == "free":
                patch.setattr(Flow, "table", _every_row_free)
            build(plan, out_dir=work, formats=["docx"])
    pdfs = to_pdf(work, list(plans), fontconfig=twin_fonts)
    return {
        name: Rendered(pdfs[name], present(valid.plan), document_tree(valid))
        for name, valid in ((name, read_plan(path)) for name, path in plans.items())
    }


def _every_row_free(
    flow: Flow, header_pt: float, rows: Sequence[RowFit], split: object = None
) -> Placement:
    """``Flow.table`` with every row free to break, none written as two: LibreOffice fills
    each page to its foot."""
    placed = _FLOW_TABLE(flow, header_pt, rows)
    return Placement([False] * len(placed.keep), placed.new_page)


_FLOW_TABLE = Flow.table
PLANS = ["plan", "five"]  # "free" is the seed built with every row free to break


# With the twin the present writer leaves no heading alone on a page (with Laksaman's sizes
# it did: the page holding only "มาตรการที่ ๓").
@pytest.mark.parametrize("name", PLANS)
def test_no_page_holds_only_a_heading(rendered: dict[str, Rendered], name: str) -> None:
    found = rendered[name]

    assert heading_only_pages(found.pdf, found.headings) == []


@pytest.mark.parametrize("name", PLANS)
def test_no_page_holds_a_repeated_header_and_a_scrap_of_a_row(
    rendered: dict[str, Rendered], name: str
) -> None:
    found = rendered[name]
    header = found.view.header

    cells = [header.objective, header.indicator, header.targets, header.project, header.steps]

    scraps = header_scrap_pages(
        found.pdf, header=cells, years=list(header.years), headings=found.headings
    )

    assert scraps == []


@pytest.mark.parametrize("name", PLANS)
def test_no_year_range_or_organization_name_is_split(
    rendered: dict[str, Rendered], name: str
) -> None:
    found = rendered[name]
    phrases = [*found.year_ranges, found.view.organization]

    assert split_phrases(found.pdf, phrases) == []


@pytest.mark.parametrize("name", PLANS)
def test_every_table_is_inside_the_text_width(rendered: dict[str, Rendered], name: str) -> None:
    found = rendered[name]

    assert outside_text_area(found.pdf, left=LEFT_MARGIN, right=RIGHT_MARGIN) == []


# What a careful layout of the seed reaches with TH Sarabun's metrics. The issue guessed about
# 10 to 11 pages; measured, 12 is the fewest: 4 portrait pages, and a matrix whose text, set in
# 16 pt with a table per measure as the seed prints it, fills 6.5 landscape pages (3,050 pt of
# headings, header rows and rows on 467 pt pages), which no keeping of rows fits in 7. The seed
# built with every row free to break where LibreOffice fills the page (the fewest pages any
# choice of rows kept whole can give, headings still kept with their tables) takes 12 too.
# With the table text in 14 pt it would take 11.
SEED_PAGES_NOW = 12


def test_the_seeds_page_count_is_recorded(rendered: dict[str, Rendered]) -> None:
    assert rendered["plan"].pdf.page_count() == SEED_PAGES_NOW


def test_rows_kept_whole_cost_the_seed_no_page(rendered: dict[str, Rendered]) -> None:
    assert rendered["plan"].pdf.page_count() <= rendered["free"].pdf.page_count()


# --- what LibreOffice honours to keep a phrase on one line ------------------------------------

NAME = "องค์การบริหารส่วนตำบลทุ่งทอง"
YEARS = "พ.ศ. ๒๕๖๒ - ๒๕๖๔"
LEAD_INS = ["ขอเชิญผู้แทนจาก", "ประกาศ", "แผนการเสริมสร้างวินัยของ", "ข้อ ๑", "ตามที่", "ประชาชนในพื้นที่"]


def joined_name(name: str) -> str:
    """The name with a word joiner (U+2060) between each two of its character clusters and
    zero-width spaces around it, so that the text before it is not segmented into it (see
    the research notes): a rule that needs no dictionary of the name's words."""
    return "\u200b" + "\u2060".join(clusters(name)) + "\u200b"


def samples(phrase: str, *, glued: bool = True) -> list[str]:
    """Paragraphs with ``phrase`` after lead-ins of six lengths, twice each: glued to the
    words around it, as a name is in Thai, or with spaces around it, as a year range is."""
    space = "" if glued else " "
    return [f"{lead}{space}{phrase}{space}เข้าร่วมประชุม {lead}" * 2 for lead in LEAD_INS]


# The year range, with a space before and after it as the plan writes it, five ways: with
# plain spaces (LibreOffice 7.4 broke 4 of 12); with no-break spaces; with no-break spaces
# and U+2011, the no-break hyphen; with Word's own no-break hyphen element,
# <w:noBreakHyphen/>; with word joiners around the hyphen (none of these broke). Glued to
# Thai words on both sides instead, LibreOffice broke after the hyphen even with U+2011 or
# the element (1 of 12): keep the spaces around a range.
YEAR_VARIANTS = {
    "plain": YEARS,
    "nbsp": YEARS.replace(" ", "\u00a0"),
    "nbsp-u2011": YEARS.replace(" ", "\u00a0").replace("-", "\u2011"),
    "nbsp-element": YEARS.replace(" ", "\u00a0").replace("-", "\u2011"),
    "nbsp-wj": YEARS.replace(" ", "\u00a0").replace("-", "\u2060-\u2060"),
}


def no_break_hyphen_elements(path: Path) -> None:
    """Write each U+2011 of the document as Word's <w:noBreakHyphen/> element."""
    with zipfile.ZipFile(path) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    hyphen = b'</w:t><w:noBreakHyphen/><w:t xml:space="preserve">'
    entries["word/document.xml"] = entries["word/document.xml"].replace("\u2011".encode(), hyphen)
    with zipfile.ZipFile(path, "w") as target:
        for name, data in entries.items():
            target.writestr(name, data)


@pytest.fixture(scope="module")
def keeping(tmp_path_factory: pytest.TempPathFactory, twin_fonts: Path) -> dict[str, Pdf]:
    from .test_metrics import thai_document

    work = tmp_path_factory.mktemp("keeping")
    variants = {
        "name-plain": samples(NAME),
        "name-joined": samples(joined_name(NAME)),
        **{f"years-{key}": samples(text, glued=False) for key, text in YEAR_VARIANTS.items()},
    }
    for name, texts in variants.items():
        thai_document(work / f"{name}.docx", texts, 6.0)  # the name is 4.7 cm long
    no_break_hyphen_elements(work / "years-nbsp-element.docx")
    return to_pdf(work, list(variants), fontconfig=twin_fonts)


def test_libreoffice_breaks_the_plain_name(keeping: dict[str, Pdf]) -> None:
    assert split_phrases(keeping["name-plain"], [NAME]) != []


def test_word_joiners_between_clusters_keep_the_name_on_one_line(
    keeping: dict[str, Pdf],
) -> None:
    assert split_phrases(keeping["name-joined"], [NAME]) == []


@pytest.mark.parametrize(
    ("variant", "breaks"),
    [
        ("plain", True),
        ("nbsp", False),
        ("nbsp-u2011", False),
        ("nbsp-element", False),
        ("nbsp-wj", False),
    ],
)
def test_which_year_ranges_libreoffice_breaks(
    keeping: dict[str, Pdf], variant: str, breaks: bool
) -> None:
    assert bool(split_phrases(keeping[f"years-{variant}"], [YEARS])) is breaks
