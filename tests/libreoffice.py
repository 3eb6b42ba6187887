"""What the tests that render with LibreOffice share: TH Sarabun's metric twin in a private
fontconfig, the conversion of DOCX files to PDF, and poppler's readings of a PDF.

LibreOffice has no TH SarabunIT๙ on Linux. The tests build its metric twin (Laksaman with
a 1.503 times larger em, named TH SarabunIT๙: ``anticorrupt_plan.app.fonts.build_twin``)
once per session and hand LibreOffice a fontconfig file that adds it to the system's
fonts, so that documents are laid out at TH Sarabun's real size, as in Word, whatever Thai
fonts a machine has. Nothing is installed system-wide.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from anticorrupt_plan.app.fonts import build_twin, find_laksaman
from anticorrupt_plan.core.errors import FontSourceMissingError

from .programs import LIBREOFFICE

TOOLS = ("soffice", "pdftotext", "pdffonts", "pdfinfo", "pdftohtml")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]


def laksaman_missing() -> bool:
    try:
        find_laksaman()
    except FontSourceMissingError:
        return True
    return False


LAKSAMAN_MISSING = laksaman_missing()
# Skipped on a machine without them; in CI, where .ci/run installs them, failed instead.
needs_laksaman = pytest.mark.needs("font:Laksaman")
needs_libreoffice = pytest.mark.needs(*LIBREOFFICE)

FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{fonts}</dir>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


def twin_fontconfig(folder: Path) -> Path:
    """Build the twin into ``folder/fonts`` and return a fontconfig file that adds it."""
    fonts = folder / "fonts"
    build_twin(fonts)
    conf = folder / "fonts.conf"
    conf.write_text(FONTS_CONF.format(fonts=fonts, cache=folder / "font-cache"), encoding="utf-8")
    return conf


def run(*command: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=300, env=env
    )
    return result.stdout


def squash(text: str) -> str:
    """Thai text in a form that survives poppler's reading of it back from the PDF.

    White space goes, and so do hyphens (poppler drops one that ends a line) and vowel and
    tone marks (poppler may put them in another order, or read a bold one as another
    mark); sara am comes back as ำา.
    """
    text = re.sub(r"[\s\u00a0\u2060\u200b\u2011-]+", "", text).replace("ำา", "ำ")
    return "".join(char for char in text if unicodedata.category(char) != "Mn")


def to_pdf(work: Path, names: list[str], *, fontconfig: Path) -> dict[str, Pdf]:
    """Convert ``work/NAME.docx`` for each name to ``work/NAME.pdf`` in one LibreOffice run,
    with the twin's fontconfig."""
    env = {**os.environ, "FONTCONFIG_FILE": str(fontconfig)}
    profile = (work / "profile").as_uri()
    documents = [str(work / f"{name}.docx") for name in names]
    run("soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
        "--outdir", str(work), *documents, env=env)  # fmt: skip
    return {name: Pdf(work / f"{name}.pdf") for name in names}


@dataclass(frozen=True)
class Word:
    """A word poppler found on a page: its text and box, in points from the top left."""

    text: str
    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True)
class Line:
    """A line of text as poppler groups it: its words, left to right."""

    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    @property
    def top(self) -> float:
        return min(word.top for word in self.words)

    @property
    def bottom(self) -> float:
        return max(word.bottom for word in self.words)

    @property
    def left(self) -> float:
        return min(word.left for word in self.words)

    @property
    def right(self) -> float:
        return max(word.right for word in self.words)


_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


@dataclass(frozen=True)
class Pdf:
    path: Path

    def page_count(self) -> int:
        info = run("pdfinfo", str(self.path))
        found = re.search(r"^Pages:\s+(\d+)", info, flags=re.M)
        assert found is not None
        return int(found.group(1))

    def pages(self) -> list[str]:
        """Each page's text below the top margin (2.5 cm, 71 pt), that is, without headers."""
        text = run("pdftotext", "-y", "71", "-W", "1000", "-H", "1000", str(self.path), "-")
        return [squash(page) for page in text.split("\f")[:-1]]

    def page_sizes(self) -> list[tuple[float, float]]:
        info = run("pdfinfo", "-f", "1", "-l", "9999", str(self.path))
        found = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, flags=re.M)
        return [(float(width), float(height)) for width, height in found]

    def fonts(self) -> list[tuple[str, str]]:
        """Each font's name without its subset prefix, and whether it is embedded."""
        lines = run("pdffonts", str(self.path)).splitlines()[2:]
        return [(line.split()[0].split("+")[-1], line.split()[-5]) for line in lines]

    def header(self, page: int) -> str:
        """The text above the top margin (2.5 cm, 71 pt) of a page, 1-based."""
        return " ".join(word.text for word in self.words(page) if word.bottom < 71)

    def font_sizes(self, page: int) -> set[str]:
        xml = run("pdftohtml", "-xml", "-i", "-stdout", "-zoom", "1", "-f", str(page),
                  "-l", str(page), str(self.path))  # fmt: skip
        return set(re.findall(r'<fontspec [^>]*size="(\d+)"', xml))

    def words(self, page: int) -> list[Word]:
        """Every word of a page (1-based) with its box."""
        text = run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(self.path), "-")
        return [
            Word(html.unescape(word), float(x0), float(y0), float(x1), float(y1))
            for x0, y0, x1, y1, word in _WORD.findall(text)
        ]

    def all_words(self) -> list[list[Word]]:
        """Every page's words, page by page, from one run of pdftotext."""
        text = run("pdftotext", "-bbox", str(self.path), "-")
        return [
            [
                Word(html.unescape(word), float(x0), float(y0), float(x1), float(y1))
                for x0, y0, x1, y1, word in _WORD.findall(page)
            ]
            for page in text.split("<page ")[1:]
        ]

    def lines(self, page: int) -> list[Line]:
        """The page's lines, as poppler's layout analysis groups words into lines."""
        text = run("pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page),
                   str(self.path), "-")  # fmt: skip
        found: list[Line] = []
        for line in re.findall(r"<line [^>]*>(.*?)</line>", text, flags=re.S):
            words = tuple(
                Word(html.unescape(word), float(x0), float(y0), float(x1), float(y1))
                for x0, y0, x1, y1, word in _WORD.findall(line)
            )
            if words:
                found.append(Line(words))
        return found


def rows_of_words(words: list[Word], *, tolerance: float = 4.0) -> list[list[Word]]:
    """Words grouped into visual lines by their vertical position (top to bottom), each
    sorted left to right: Thai marks above and below make poppler's boxes ragged, so two
    words belong to one line when their bottoms are within ``tolerance`` points."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.bottom, w.left)):
        if rows and abs(rows[-1][-1].bottom - word.bottom) <= tolerance:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [sorted(row, key=lambda w: w.left) for row in rows]


# --- what a careful layout never does (the acceptance checks on rendered pages) ------------

TOP_MARGIN = 71.0  # 2.5 cm: above it, the page header (the page number)


def body_rows(pages: list[list[Word]], page: int) -> list[list[Word]]:
    """Visual lines of a page (1-based) below the page header."""
    return rows_of_words([word for word in pages[page - 1] if word.top >= TOP_MARGIN - 2])


def _row_text(row: list[Word]) -> str:
    return squash("".join(word.text for word in row))


def heading_only_pages(pdf: Pdf, headings: list[str]) -> list[int]:
    """Pages (1-based) whose only content is one or more of ``headings``."""
    pages = pdf.all_words()
    keys = sorted({squash(h) for h in headings if squash(h)}, key=len, reverse=True)
    found = []
    for number in range(1, len(pages) + 1):
        text = "".join(_row_text(row) for row in body_rows(pages, number))
        if not text:
            continue
        for key in keys:
            text = text.replace(key, "")
        if not text:
            found.append(number)
    return found


def header_scrap_pages(
    pdf: Pdf,
    *,
    header: list[str],
    years: list[str],
    headings: list[str],
    fewest: int = 3,
) -> list[tuple[int, int]]:
    """(page, lines) for each table piece on a page that holds a table header (the texts of
    its first row's cells ``header``, its last row the ``years``) and fewer than ``fewest``
    lines of rows below it: at the foot of a page, a table begun with a scrap of its first
    row; at the top, the scrap of a row carried over under the repeated header. The header
    is every line made of its cells' texts only (cells centred in a taller row stand on
    lines of their own). Lines of ``headings`` (the next measure's heading) after the rows,
    before the next table, do not count; a line of a row that reads like a piece of a
    heading does."""
    pages = pdf.all_words()
    cells = sorted((squash(text) for text in header if squash(text)), key=len, reverse=True)
    wanted = [squash(year) for year in years]
    keys = [squash(h) for h in headings if squash(h)]
    found = []
    for number in range(1, len(pages) + 1):
        texts = [_row_text(row) for row in body_rows(pages, number)]
        in_header = [_only(text, cells) or all(w in text for w in wanted) for text in texts]
        starts = [
            i for i, inside in enumerate(in_header) if inside and (i == 0 or not in_header[i - 1])
        ]
        ends = [
            i
            for i, inside in enumerate(in_header)
            if inside and (i + 1 == len(texts) or not in_header[i + 1])
        ]
        for end in ends:
            following = [start for start in starts if start > end]
            stop = following[0] if following else len(texts)
            lines = _without_trailing_headings(texts[end + 1 : stop], set(keys))
            if len(lines) < fewest:
                found.append((number, len(lines)))
    return found


def _only(text: str, pieces: list[str]) -> bool:
    """Whether ``text`` is made of ``pieces`` alone (some of them, in any order)."""
    for piece in pieces:
        text = text.replace(piece, "")
    return not text


def _without_trailing_headings(lines: list[str], headings: set[str]) -> list[str]:
    """``lines`` without the whole headings at their end (each on one line or several)."""
    lines = list(lines)
    while lines:
        for count in range(1, min(4, len(lines)) + 1):
            if "".join(lines[-count:]) in headings:
                del lines[-count:]
                break
        else:
            return lines
    return lines


_BLOCK = re.compile(r"<block [^>]*>(.*?)</block>", flags=re.S)
_LINE = re.compile(r"<line [^>]*>(.*?)</line>", flags=re.S)


def split_phrases(pdf: Pdf, phrases: list[str]) -> list[tuple[int, str]]:
    """(page, phrase) for each place a phrase is broken across two lines of one block of
    text (a paragraph, a table cell), as poppler's layout analysis groups them."""
    text = run("pdftotext", "-bbox-layout", str(pdf.path), "-")
    found = []
    for number, page in enumerate(text.split("<page ")[1:], start=1):
        for block in _BLOCK.findall(page):
            lines = [
                squash("".join(html.unescape(word) for *_box, word in _WORD.findall(line)))
                for line in _LINE.findall(block)
            ]
            whole = "".join(lines)
            for phrase in phrases:
                key = squash(phrase)
                broken = whole.count(key) - sum(line.count(key) for line in lines)
                found += [(number, phrase)] * broken
    return found


def outside_text_area(pdf: Pdf, *, left: float, right: float, tolerance: float = 1.0) -> list[int]:
    """Pages (1-based) with text outside the side margins (``left``, ``right`` in points
    from each edge): a table wider than the text area."""
    sizes = pdf.page_sizes()
    found = []
    for number, words in enumerate(pdf.all_words(), start=1):
        width = sizes[number - 1][0]
        if any(w.left < left - tolerance or w.right > width - right + tolerance for w in words):
            found.append(number)
    return found
