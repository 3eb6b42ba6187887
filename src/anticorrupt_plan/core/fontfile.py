"""Rewrite a TrueType font file into a metric twin: another family name, another em size.

Debian's Laksaman is TH Sarabun New redrawn by TLWG half again as large (advance widths and
line height 1.503 times TH Sarabun New's, measured from the font files). The same outlines
read with ``unitsPerEm`` 1503 instead of 1000 set text exactly as large as TH Sarabun New:
that is the metric twin LibreOffice needs to lay out a document the way Word does with
TH SarabunIT๙. Pure Python (``struct``): ``plan fonts`` builds it on a clerk's machine
without fontTools, which the tests use to check the result.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping

from anticorrupt_plan.core.errors import FontFileError
from anticorrupt_plan.core.i18n import tr

# head.unitsPerEm that turns Laksaman into TH Sarabun New's size: the two fonts' advance
# widths differ by this factor over a sample line of the seed (42.94 em against 28.57 em).
TWIN_UNITS_PER_EM = 1503

# OS/2 fsSelection bit 7, USE_TYPO_METRICS. Laksaman sets it, so LibreOffice spaces its lines
# by the typographic metrics (1.14 em in the twin); Word uses usWinAscent + usWinDescent and
# the hhea line gap (1.33 em, TH Sarabun New's). The twin clears the bit so that LibreOffice
# takes the hhea metrics (ascent + descent + line gap) and lays lines as Word does.
_USE_TYPO_METRICS = 1 << 7

# Name ids: family, subfamily, unique id, full name, PostScript name, typographic family and
# subfamily, and the description, where the twin says what it is.
_FAMILY, _SUBFAMILY, _UNIQUE, _FULL, _POSTSCRIPT, _TYPO_FAMILY, _TYPO_SUB, _DESCRIPTION = (
    1, 2, 3, 4, 6, 16, 17, 10,
)  # fmt: skip
_WINDOWS, _UNICODE_BMP, _ENGLISH_US = 3, 1, 0x409
_HEAD_MAGIC = 0xB1B0AFBA


def metric_twin(
    font: bytes,
    *,
    family: str,
    postscript_family: str,
    style: str,
    units_per_em: int = TWIN_UNITS_PER_EM,
    description: str,
) -> bytes:
    """``font`` (a TrueType file's bytes) with ``head.unitsPerEm`` set to ``units_per_em``,
    named ``family`` ``style`` in its Windows name records, USE_TYPO_METRICS cleared, and
    every table checksum and the file checksum recomputed. The copyright and licence
    records are kept as they are; ``description`` says what was changed.

    The line gaps (hhea and OS/2 typographic) grow with the em: TLWG scaled Laksaman's
    glyphs and ascent and descent by 1.5 but left TH Sarabun New's line gaps as they were,
    so without this the twin's lines would be closer than TH Sarabun New's (21.15 pt
    instead of 21.30 pt apart at 16 pt).
    """
    tables = _read_tables(font)
    for tag in ("head", "name", "OS/2"):
        if tag not in tables:
            raise FontFileError(
                reason=tr("has no {table} table; is it a TrueType font?", table=repr(tag))
            )
    tables.pop("DSIG", None)  # a signature of the original, which the twin no longer matches
    head = bytearray(tables["head"])
    old_units: int = struct.unpack_from(">H", head, 18)[0]
    struct.pack_into(">I", head, 8, 0)  # checkSumAdjustment, computed again below
    struct.pack_into(">H", head, 18, units_per_em)
    tables["head"] = bytes(head)

    def scaled(gap: int) -> int:
        return round(gap * units_per_em / old_units)

    os2 = bytearray(tables["OS/2"])
    (selection,) = struct.unpack_from(">H", os2, 62)
    struct.pack_into(">H", os2, 62, selection & ~_USE_TYPO_METRICS)
    (typo_gap,) = struct.unpack_from(">h", os2, 72)  # sTypoLineGap
    struct.pack_into(">h", os2, 72, scaled(typo_gap))
    tables["OS/2"] = bytes(os2)
    if "hhea" in tables:
        hhea = bytearray(tables["hhea"])
        (line_gap,) = struct.unpack_from(">h", hhea, 8)
        struct.pack_into(">h", hhea, 8, scaled(line_gap))
        tables["hhea"] = bytes(hhea)
    postscript = postscript_family + ("" if style == "Regular" else "-" + style.replace(" ", ""))
    full = family if style == "Regular" else f"{family} {style}"
    names = _windows_names(tables["name"])
    names.update(
        {
            _FAMILY: family,
            _SUBFAMILY: style,
            _UNIQUE: f"{full}; metric twin",
            _FULL: full,
            _POSTSCRIPT: postscript,
            _TYPO_FAMILY: family,
            _TYPO_SUB: style,
            _DESCRIPTION: description,
        }
    )
    tables["name"] = _name_table(names)
    return _write_font(font[:4], tables)


def font_names(font: bytes) -> dict[int, str]:
    """The Windows (Unicode, US English) name records of a TrueType font, by name id."""
    tables = _read_tables(font)
    if "name" not in tables:
        raise FontFileError(
            reason=tr("has no {table} table; is it a TrueType font?", table="'name'")
        )
    return _windows_names(tables["name"])


def _read_tables(font: bytes) -> dict[str, bytes]:
    try:
        version, count = struct.unpack_from(">IH", font, 0)
        if version not in (0x00010000, 0x74727565):  # TrueType outlines ('true' on old Macs)
            raise FontFileError(reason=tr("is not a TrueType font file (.ttf)"))
        tables: dict[str, bytes] = {}
        for index in range(count):
            tag, _checksum, offset, length = struct.unpack_from(">4sIII", font, 12 + 16 * index)
            if offset + length > len(font):
                raise FontFileError(reason=tr("is cut short"))
            tables[tag.decode("latin-1")] = font[offset : offset + length]
    except struct.error as error:
        raise FontFileError(reason=tr("is cut short")) from error
    return tables


def _windows_names(table: bytes) -> dict[int, str]:
    try:
        _format, count, strings = struct.unpack_from(">HHH", table, 0)
        names: dict[int, str] = {}
        for index in range(count):
            platform, encoding, language, name_id, length, offset = struct.unpack_from(
                ">6H", table, 6 + 12 * index
            )
            if (platform, encoding, language) == (_WINDOWS, _UNICODE_BMP, _ENGLISH_US):
                start = strings + offset
                names[name_id] = table[start : start + length].decode("utf-16-be")
    except (struct.error, UnicodeDecodeError) as error:
        raise FontFileError(reason=tr("has a damaged 'name' table")) from error
    return names


def _name_table(names: Mapping[int, str]) -> bytes:
    """A format 0 name table holding ``names`` as Windows, Unicode BMP, US English records."""
    records = b""
    strings = b""
    for name_id in sorted(names):
        text = names[name_id].encode("utf-16-be")
        records += struct.pack(
            ">6H", _WINDOWS, _UNICODE_BMP, _ENGLISH_US, name_id, len(text), len(strings)
        )
        strings += text
    header = struct.pack(">HHH", 0, len(names), 6 + len(records))
    return header + records + strings


def _checksum(data: bytes) -> int:
    padded = data + b"\0" * (-len(data) % 4)
    words: tuple[int, ...] = struct.unpack(f">{len(padded) // 4}I", padded)
    return sum(words) & 0xFFFFFFFF


def _write_font(version: bytes, tables: Mapping[str, bytes]) -> bytes:
    """The font file: offset table, table records sorted by tag, each table 4-byte aligned,
    and head.checkSumAdjustment making the whole file sum to the OpenType magic number."""
    tags = sorted(tables)
    count = len(tags)
    power = 1 << (count.bit_length() - 1)
    header = version + struct.pack(
        ">HHHH", count, power * 16, power.bit_length() - 1, count * 16 - power * 16
    )
    offset = len(header) + 16 * count
    records = b""
    body = b""
    head_at = 0
    for tag in tags:
        data = tables[tag]
        if tag == "head":
            head_at = offset
        records += struct.pack(">4sIII", tag.encode("latin-1"), _checksum(data), offset, len(data))
        padded = data + b"\0" * (-len(data) % 4)
        body += padded
        offset += len(padded)
    font = bytearray(header + records + body)
    adjustment = (_HEAD_MAGIC - _checksum(bytes(font))) & 0xFFFFFFFF
    struct.pack_into(">I", font, head_at + 8, adjustment)
    return bytes(font)
