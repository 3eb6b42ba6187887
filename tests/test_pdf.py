"""The PDF: LibreOffice run safely, the font checked, the output reproducible and PDF/A."""

from __future__ import annotations

import datetime
import io
import os
import re
import stat
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest

from anticorrupt_plan.app import pdf as pdf_module
from anticorrupt_plan.app.build import build
from anticorrupt_plan.app.pdf import docx_to_pdf, profile_settings
from anticorrupt_plan.core.errors import (
    FontSubstitutedError,
    LibreOfficeMissingError,
    PdfConversionError,
)
from anticorrupt_plan.core.metrics import text_width
from anticorrupt_plan.core.pdffix import embedded_fonts, reproducible

from .conftest import PLAN_PATH
from .libreoffice import Pdf, needs_libreoffice, rows_of_words

WHEN = datetime.datetime(2018, 10, 18, tzinfo=datetime.UTC)


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("seed")
    build(PLAN_PATH, out_dir=out, formats=["docx"])
    return (out / "plan.docx").read_bytes()


@pytest.fixture
def twin(twin_fonts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """LibreOffice sees TH SarabunIT๙'s metric twin, as after 'plan fonts'."""
    monkeypatch.setenv("FONTCONFIG_FILE", str(twin_fonts))


@pytest.fixture(scope="module")
def converted(seed_docx: bytes, twin_fonts: Path) -> Iterator[dict[str, bytes]]:
    """The seed as a PDF twice and as a PDF/A twice, with the twin installed."""
    saved = os.environ.get("FONTCONFIG_FILE")
    os.environ["FONTCONFIG_FILE"] = str(twin_fonts)
    try:
        yield {
            "plain": docx_to_pdf(seed_docx),
            "again": docx_to_pdf(seed_docx),
            "pdfa": docx_to_pdf(seed_docx, pdfa=True),
            "pdfa again": docx_to_pdf(seed_docx, pdfa=True),
        }
    finally:
        if saved is None:
            os.environ.pop("FONTCONFIG_FILE", None)
        else:
            os.environ["FONTCONFIG_FILE"] = saved


# --- LibreOffice missing, failing, hanging ----------------------------------------------------


def fake_soffice(folder: Path, script: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Put a program named soffice, running ``script``, first on PATH."""
    program = folder / "soffice"
    program.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")


def test_without_libreoffice_the_error_names_the_package_to_install(
    monkeypatch: pytest.MonkeyPatch, seed_docx: bytes
) -> None:
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(pdf_module, "SOFFICE_PLACES", ())

    with pytest.raises(LibreOfficeMissingError) as raised:
        docx_to_pdf(seed_docx, allow_substitute_font=True)

    message = str(raised.value)
    assert "libreoffice-writer-nogui" in message and "libreoffice.org" in message
    assert "\n" not in message


def test_libreoffice_that_fails_is_reported_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_docx: bytes
) -> None:
    fake_soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2; exit 1", monkeypatch)

    with pytest.raises(PdfConversionError, match="LibreOffice failed \\(exit 1\\): Error: source"):
        docx_to_pdf(seed_docx, allow_substitute_font=True)


def test_libreoffice_that_writes_nothing_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_docx: bytes
) -> None:
    fake_soffice(tmp_path, "exit 0", monkeypatch)

    with pytest.raises(PdfConversionError, match="wrote no PDF"):
        docx_to_pdf(seed_docx, allow_substitute_font=True)


def test_libreoffice_that_hangs_is_stopped_with_what_it_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_docx: bytes
) -> None:
    marker = tmp_path / "child.pid"
    fake_soffice(tmp_path, f"sleep 300 & echo $! > {marker}; wait", monkeypatch)

    with pytest.raises(PdfConversionError, match="longer than 1 seconds"):
        docx_to_pdf(seed_docx, allow_substitute_font=True, timeout=1)

    child = int(marker.read_text())
    state = subprocess.run(["ps", "-o", "stat=", "-p", str(child)], capture_output=True, text=True)
    assert state.stdout.strip() in ("", "Z")  # gone, or a zombie about to be reaped


def test_each_conversion_has_a_profile_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_docx: bytes
) -> None:
    seen = tmp_path / "seen"
    fake_soffice(tmp_path, f'echo "$1" >> {seen}; exit 1', monkeypatch)
    for _ in range(2):
        with pytest.raises(PdfConversionError):
            docx_to_pdf(seed_docx, allow_substitute_font=True)

    first, second = seen.read_text().split()
    assert first.startswith("-env:UserInstallation=file://")
    assert first != second
    assert not Path(first.split("file://")[1]).exists()  # removed after the run


def test_thai_page_numbers_ask_libreoffice_for_digits_by_context() -> None:
    assert "<value>3</value>" in profile_settings(thai_numerals=True)
    assert "CTLTextNumerals" in profile_settings(thai_numerals=True)
    assert "CTLTextNumerals" not in profile_settings(thai_numerals=False)


# --- fonts ------------------------------------------------------------------------------------


@needs_libreoffice
def test_without_the_documents_font_the_pdf_is_refused_naming_both_fixes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_docx: bytes
) -> None:
    bare = tmp_path / "fonts.conf"
    bare.write_text(
        '<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf'
        f"</include><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    monkeypatch.setenv("FONTCONFIG_FILE", str(bare))

    with pytest.raises(FontSubstitutedError) as raised:
        docx_to_pdf(seed_docx)
    substitute = docx_to_pdf(seed_docx, allow_substitute_font=True)

    message = str(raised.value)
    assert "TH SarabunIT๙" in message
    assert "plan fonts" in message and "--allow-substitute-font" in message
    assert not any(name.startswith("THSarabun") for name in embedded_fonts(substitute))


@needs_libreoffice
def test_the_pdf_is_set_in_the_documents_font_embedded(converted: dict[str, bytes]) -> None:
    for data in converted.values():
        with pikepdf.open(io.BytesIO(data)) as document:
            fonts = {
                str(font.BaseFont).split("+")[-1]: font
                for page in document.pages
                for font in page.Resources.Font.values()
            }
            assert set(fonts) == {"THSarabunIT9", "THSarabunIT9-Bold"}
            for font in fonts.values():
                assert "/FontFile2" in font.FontDescriptor  # the TrueType program embedded


# --- metadata, PDF/A, reproducibility ---------------------------------------------------------


@needs_libreoffice
def test_the_pdf_has_the_plans_title_author_language_and_date(
    converted: dict[str, bytes],
) -> None:
    with pikepdf.open(io.BytesIO(converted["plain"])) as document:
        info = document.docinfo
        assert str(info.Title).startswith("แผนการเสริมสร้างวินัยคุณธรรมจริยธรรม")
        assert str(info.Author) == "องค์การบริหารส่วนตำบลทุ่งทอง"
        assert str(info.CreationDate).startswith("D:20181018000000")  # the announcement's date
        assert str(document.Root.Lang) == "th-TH"
        assert document.Root.ViewerPreferences.DisplayDocTitle


@needs_libreoffice
def test_a_pdfa_says_so_in_its_xmp_and_dates_agree(converted: dict[str, bytes]) -> None:
    with pikepdf.open(io.BytesIO(converted["pdfa"])) as document:
        metadata = document.open_metadata()
        assert metadata["pdfaid:part"] == "2"
        assert metadata["pdfaid:conformance"] == "B"
        assert metadata["xmp:CreateDate"] == "2018-10-18T00:00:00Z"
        assert str(document.docinfo.CreationDate).startswith("D:20181018000000")
        profile = document.Root.OutputIntents[0].DestOutputProfile.read_bytes()
        assert profile[36:40] == b"acsp"
        assert profile[24:30] == bytes.fromhex("07e2000a0012")  # 2018-10-18


@needs_libreoffice
def test_the_same_docx_gives_the_same_pdf_bytes(converted: dict[str, bytes]) -> None:
    assert converted["plain"] == converted["again"]
    assert converted["pdfa"] == converted["pdfa again"]


@needs_libreoffice
def test_the_rewritten_pdfs_are_well_formed(converted: dict[str, bytes]) -> None:
    for data in converted.values():
        with pikepdf.open(io.BytesIO(data)) as document:
            assert document.check_pdf_syntax() == []
            ids = document.trailer.ID
            assert bytes(ids[0]) == bytes(ids[1])


def test_reproducible_replaces_dates_ids_and_language_in_place() -> None:
    original = (
        b"%PDF-1.6\n1 0 obj\n<</Type/Catalog/Pages 2 0 R\n/Lang(en-US)>>\nendobj\n"
        b"3 0 obj\n<</Producer(LibreOffice)/CreationDate(D:20261130191111Z')>>\nendobj\n"
        b"xref\n0 1\n0000000000 65535 f \ntrailer\n<</Size 4/Root 1 0 R/Info 3 0 R\n"
        b"/ID [ <E9EA7F49FC5BED70265D47004B5338F8>\n<E9EA7F49FC5BED70265D47004B5338F8> ]\n"
        b"/DocChecksum /0A63412C9CF64669E200940CCF6B83BC\n>>\nstartxref\n0\n%%EOF\n"
    )
    later = original.replace(b"20261130191111", b"20270101000000").replace(b"E9EA", b"0000")

    fixed = reproducible(original, when=WHEN, language="th")

    assert len(fixed) == len(original)
    assert fixed == reproducible(later, when=WHEN, language="th")
    assert b"/CreationDate(D:20181018000000Z')" in fixed
    assert b"/Lang(th)   >>" in fixed
    assert b"E9EA7F49" not in fixed and b"0A63412C" not in fixed


def test_a_language_longer_than_the_room_is_left_as_it_was() -> None:
    original = b"1 0 obj\n<</Type/Catalog/Lang(th)>>\nendobj\n"

    assert reproducible(original, when=WHEN, language="th-TH") == original


def test_embedded_fonts_drop_subset_prefixes_and_decode_names() -> None:
    data = b"/BaseFont/BAAAAA+THSarabunIT9-Bold /BaseFont /CAAAAA+TH#20Sarabun /BaseFont/Laksaman"

    assert embedded_fonts(data) == ["THSarabunIT9-Bold", "TH Sarabun", "Laksaman"]


# --- Thai page numbers ------------------------------------------------------------------------


def with_thai_header_language(docx: bytes) -> bytes:
    """``docx`` with the page-number paragraphs' language Thai (the writer's part, see the
    README of this change): LibreOffice then draws their digits as Thai ones."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "word/styles.xml":
                data = re.sub(
                    rb'(<w:style w:type="paragraph" w:styleId="Header">.*?</w:pPr>)',
                    rb'\1<w:rPr><w:lang w:val="th-TH" w:bidi="th-TH"/></w:rPr>',
                    data,
                    count=1,
                )
            target.writestr(entry, data)
    return out.getvalue()


def page_number_width(pdf: Pdf, page: int) -> float:
    """The width of the page number printed at the top of ``page`` (between the dashes)."""
    rows = rows_of_words([word for word in pdf.words(page) if word.bottom < 71])
    (number,) = [word for word in rows[0] if word.text.strip("-").isdigit()]
    return number.right - number.left


@needs_libreoffice
def test_page_numbers_are_drawn_in_thai_digits(
    tmp_path: Path, seed_docx: bytes, twin: None
) -> None:
    # pdftotext reads the digit LibreOffice was given (2), not the glyph it drew (๒): the
    # width of the number's box tells them apart, ๒ being wider than 2 in TH Sarabun.
    path = tmp_path / "thai.pdf"
    path.write_bytes(docx_to_pdf(with_thai_header_language(seed_docx)))

    width = page_number_width(Pdf(path), 4)

    assert width == pytest.approx(text_width("๒", 16), abs=0.3)
    assert width > text_width("2", 16) + 1


@needs_libreoffice
def test_the_seeds_page_numbers_are_thai_as_the_writer_makes_them(
    tmp_path: Path, converted: dict[str, bytes]
) -> None:
    path = tmp_path / "seed.pdf"
    path.write_bytes(converted["plain"])

    assert page_number_width(Pdf(path), 4) == pytest.approx(text_width("๒", 16), abs=0.3)
