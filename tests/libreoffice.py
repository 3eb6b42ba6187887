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

from anticorrupt_plan.app.fonts import LAKSAMAN_FOLDERS, build_twin, find_laksaman
from anticorrupt_plan.core.errors import FontSourceMissingError

TOOLS = ("soffice", "pdftotext", "pdffonts", "pdfinfo", "pdftohtml")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]


def laksaman_missing() -> bool:
    try:
        find_laksaman()
    except FontSourceMissingError:
        return True
    return False


LAKSAMAN_MISSING = laksaman_missing()
needs_laksaman = pytest.mark.skipif(
    LAKSAMAN_MISSING,
    reason="needs Laksaman (fonts-tlwg-laksaman) in one of "
    + ", ".join(map(str, LAKSAMAN_FOLDERS)),
)
needs_libreoffice = pytest.mark.skipif(
    bool(MISSING) or LAKSAMAN_MISSING,
    reason="needs LibreOffice, poppler-utils and fonts-tlwg-laksaman; not found: "
    + ", ".join([*MISSING, *(["Laksaman"] if LAKSAMAN_MISSING else [])]),
)

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
    text = re.sub(r"[\s\u00a0\u2060\u200b-]+", "", text).replace("ำา", "ำ")
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
