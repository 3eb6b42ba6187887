"""The metric twin: Laksaman rewritten to TH Sarabun New's size, checked with fontTools."""

from __future__ import annotations

import io
import struct

import pytest
from fontTools.ttLib import TTFont

from anticorrupt_plan.app.fonts import DESCRIPTION, TWIN_FAMILY, TWIN_POSTSCRIPT, find_laksaman
from anticorrupt_plan.core.errors import FontFileError
from anticorrupt_plan.core.fontfile import TWIN_UNITS_PER_EM, font_names, metric_twin

from .libreoffice import needs_laksaman

# A full line of the seed's announcement as printed (its body, third line).
SAMPLE_LINE = "ทางคุณธรรมและจริยธรรมนั้น สอดคล้องตามหลักศีลธรรมความโปร่งใส การให้บริการที่ดี การมุ่งผลสัมฤทธิ์ของ"
STYLES = ("Regular", "Bold", "Italic", "Bold Italic")


def twin(style: str) -> bytes:
    source = find_laksaman()[style].read_bytes()
    return metric_twin(
        source,
        family=TWIN_FAMILY,
        postscript_family=TWIN_POSTSCRIPT,
        style=style,
        description=DESCRIPTION,
    )


def width_em(font: TTFont, text: str) -> float:
    cmap = font.getBestCmap()
    metrics = font["hmtx"]
    units = sum(metrics[cmap[ord(char)]][0] for char in text)
    return float(units / font["head"].unitsPerEm)


def line_height_em(font: TTFont) -> float:
    hhea = font["hhea"]
    return float((hhea.ascent - hhea.descent) / font["head"].unitsPerEm)


def open_font(data: bytes) -> TTFont:
    return TTFont(io.BytesIO(data), checkChecksums=2)  # a wrong table checksum raises


@needs_laksaman
def test_the_twin_sets_the_seeds_line_at_th_sarabun_news_width() -> None:
    laksaman = TTFont(str(find_laksaman()["Regular"]))
    sarabun = open_font(twin("Regular"))

    # The figures: 42.94 em in Laksaman, 28.57 em in TH Sarabun New.
    assert width_em(laksaman, SAMPLE_LINE) == pytest.approx(42.94, abs=0.005)
    assert width_em(sarabun, SAMPLE_LINE) == pytest.approx(28.57, abs=0.005)


@needs_laksaman
def test_the_twins_line_height_is_th_sarabun_news() -> None:
    laksaman = TTFont(str(find_laksaman()["Regular"]))
    sarabun = open_font(twin("Regular"))

    # (ascent + descent) / unitsPerEm: 1.957 in Laksaman, 1.301 in TH Sarabun New.
    assert line_height_em(laksaman) == pytest.approx(1.957, abs=0.0005)
    assert line_height_em(sarabun) == pytest.approx(1.301, abs=0.002)
    # With the line gap, the line pitch: TH Sarabun New's (844 + 457 + 30) / 1000.
    gap = sarabun["hhea"].lineGap / sarabun["head"].unitsPerEm
    assert line_height_em(sarabun) + gap == pytest.approx(1.331, abs=0.002)
    assert sarabun["OS/2"].sTypoLineGap == 90  # Laksaman's 60, grown with the em


@needs_laksaman
@pytest.mark.parametrize("style", STYLES)
def test_each_face_is_named_th_sarabunit9_in_its_style(style: str) -> None:
    font = open_font(twin(style))
    names = font["name"]

    assert font["head"].unitsPerEm == TWIN_UNITS_PER_EM
    assert names.getDebugName(1) == "TH SarabunIT๙"
    assert names.getDebugName(2) == style
    assert names.getDebugName(4) == (
        "TH SarabunIT๙" if style == "Regular" else f"TH SarabunIT๙ {style}"
    )
    assert names.getDebugName(6) == "THSarabunIT9" + (
        "" if style == "Regular" else "-" + style.replace(" ", "")
    )
    assert names.getDebugName(16) == "TH SarabunIT๙"
    # Word spaces lines by the win metrics; without USE_TYPO_METRICS LibreOffice does too.
    assert not font["OS/2"].fsSelection & (1 << 7)


@needs_laksaman
def test_the_twin_keeps_laksamans_copyright_and_licence_and_says_what_it_is() -> None:
    original = font_names(find_laksaman()["Regular"].read_bytes())
    names = font_names(twin("Regular"))

    assert names[0] == original[0] and "Laksaman" in names[0]
    assert names[13] == original[13]
    assert "As a special exception, if you create a document which uses this font" in names[13]
    assert names[14] == original[14]
    assert "Laksaman" in names[10] and "1503" in names[10]


@needs_laksaman
def test_the_file_checksum_is_right() -> None:
    data = twin("Bold")
    font = open_font(data)
    head_at = next(
        offset
        for tag, offset in (
            (data[12 + 16 * i : 16 + 16 * i], struct.unpack_from(">I", data, 20 + 16 * i)[0])
            for i in range(struct.unpack_from(">H", data, 4)[0])
        )
        if tag == b"head"
    )
    zeroed = bytearray(data)
    zeroed[head_at + 8 : head_at + 12] = b"\0\0\0\0"
    padded = bytes(zeroed) + b"\0" * (-len(zeroed) % 4)
    total = sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF

    assert font["head"].checkSumAdjustment == (0xB1B0AFBA - total) & 0xFFFFFFFF
    assert "DSIG" not in font


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "cut short"),
        (b"wOFF" + b"\0" * 40, "not a TrueType font"),
        (
            b"\x00\x01\x00\x00\x00\x01" + b"\0" * 6 + b"head" + struct.pack(">III", 0, 28, 999),
            "cut short",
        ),
    ],
)
def test_a_file_that_is_not_a_truetype_font_is_refused(data: bytes, reason: str) -> None:
    with pytest.raises(FontFileError, match=reason):
        metric_twin(data, family="X", postscript_family="X", style="Regular", description="")


def test_a_font_without_a_name_table_is_refused() -> None:
    head = b"\0" * 54
    data = b"\x00\x01\x00\x00" + struct.pack(">HHHH", 1, 16, 0, 0)
    data += b"head" + struct.pack(">III", 0, 28, len(head)) + head

    with pytest.raises(FontFileError, match="no 'name' table"):
        metric_twin(data, family="X", postscript_family="X", style="Regular", description="")
