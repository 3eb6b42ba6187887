"""Make a PDF written by LibreOffice reproducible, and read which fonts it embeds.

LibreOffice writes the time of the conversion into a PDF in four places: the info
dictionary's /CreationDate, the XMP packet's dates (PDF/A), the sRGB colour profile of a
PDF/A's output intent (an ICC header holds its creation time, and its compressed length
then varies), and the file /ID and its own /DocChecksum, digests that include the time.
:func:`reproducible` sets the dates to a given time and the ID to a digest of the rest of
the file. Dates and IDs are replaced in place, byte for byte; the colour profile is
rewritten, which moves the objects after it, so the cross-reference table is written again.

This reads the PDFs LibreOffice writes (uncompressed object dictionaries, a classic
cross-reference table), not PDFs in general: anything it does not recognise it leaves as
it found it. Standard library only.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import struct
import zlib

_DATE = re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)\d{14}")
_XMP_DATE = re.compile(
    rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d"
)
_ID = re.compile(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]{32})(>\s*<)([0-9A-Fa-f]{32})(>)")
_CHECKSUM = re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]{32})")
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_OBJECT = re.compile(rb"(\d+) 0 obj\s*")
_STREAM_DICT = re.compile(rb"<<(.*?)>>\s*stream\r?\n", re.S)
_LENGTH = re.compile(rb"/Length\s+(\d+)(\s+0\s+R)?")


def embedded_fonts(pdf: bytes) -> list[str]:
    """The base names of the fonts a PDF uses, without subset prefixes (``THSarabunIT9``)."""
    found: list[str] = []
    for raw in re.findall(rb"/BaseFont\s*/([^\s/<>\[\]()]+)", pdf):
        name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw)
        text = name.decode("latin-1").split("+", 1)[-1]
        if text not in found:
            found.append(text)
    return found


def reproducible(pdf: bytes, *, when: datetime.datetime, language: str | None = None) -> bytes:
    """``pdf`` with every value LibreOffice takes from the clock made a function of the
    document: dates ``when``, the ICC profile's date ``when``, the file ID and /DocChecksum
    a digest of the rest. With ``language``, the catalog's /Lang becomes it when it fits
    in the room the old value took (the PDF's language, for screen readers and search).
    """
    utc = when.astimezone(datetime.UTC)
    pdf = _fix_colour_profiles(pdf, utc)
    stamp = utc.strftime("%Y%m%d%H%M%S").encode()
    iso = utc.strftime("%Y-%m-%dT%H:%M:%S").encode()
    pdf = _DATE.sub(lambda m: m.group(1) + stamp, pdf)
    pdf = _XMP_DATE.sub(lambda m: m.group(1) + iso, pdf)
    if language is not None:
        pdf = _catalog_language(pdf, language)
    zeros = b"0" * 32
    blank = _ID.sub(lambda m: m.group(1) + zeros + m.group(3) + zeros + m.group(5), pdf)
    blank = _CHECKSUM.sub(lambda m: m.group(1) + zeros, blank)
    digest = hashlib.md5(blank, usedforsecurity=False).hexdigest().upper().encode()
    pdf = _ID.sub(lambda m: m.group(1) + digest + m.group(3) + digest + m.group(5), blank)
    return _CHECKSUM.sub(lambda m: m.group(1) + digest, pdf)


def _catalog_language(pdf: bytes, language: str) -> bytes:
    catalog = re.search(rb"/Type\s*/Catalog\b", pdf)
    if catalog is None:
        return pdf
    end = pdf.find(b"endobj", catalog.end())
    found = re.compile(rb"/Lang\s*\(([^)]*)\)").search(pdf, catalog.end(), end)
    if found is None:
        return pdf
    old = found.group(0)
    new = b"/Lang(" + language.encode("ascii") + b")"
    if len(new) > len(old):
        return pdf  # no room: the language stays as LibreOffice wrote it
    return pdf[: found.start()] + new.ljust(len(old)) + pdf[found.end() :]


# --- colour profiles --------------------------------------------------------------------------


def _fix_colour_profiles(pdf: bytes, when: datetime.datetime) -> bytes:
    """``pdf`` with each Flate-compressed ICC profile's creation date set to ``when``."""
    table = _objects(pdf)
    if table is None:
        return pdf
    offsets, xref_at = table
    order = sorted(offsets.items(), key=lambda item: item[1])
    bounds = {
        number: (start, order[index + 1][1] if index + 1 < len(order) else xref_at)
        for index, (number, start) in enumerate(order)
    }
    replaced: dict[int, bytes] = {}
    for number, (start, end) in bounds.items():
        chunk = pdf[start:end]
        if b"/N " not in chunk[:200] or b"/FlateDecode" not in chunk[:200]:
            continue
        fixed = _fixed_profile(chunk, when, pdf, bounds)
        if fixed is not None:
            body, length_object, length = fixed
            replaced[number] = body
            if length_object is not None:
                replaced[length_object] = b"%d 0 obj\n%d\nendobj\n\n" % (length_object, length)
    if not replaced:
        return pdf
    return _rewrite(pdf, order, bounds, replaced, xref_at)


def _fixed_profile(
    chunk: bytes, when: datetime.datetime, pdf: bytes, bounds: dict[int, tuple[int, int]]
) -> tuple[bytes, int | None, int] | None:
    """A stream object holding an ICC profile, written again with the profile's date set;
    with the number of the object holding its length, if the length is indirect."""
    header = _OBJECT.match(chunk)
    dictionary = _STREAM_DICT.search(chunk)
    if header is None or dictionary is None:
        return None
    length_match = _LENGTH.search(dictionary.group(1))
    if length_match is None:
        return None
    length_object: int | None = None
    if length_match.group(2):
        length_object = int(length_match.group(1))
        if length_object not in bounds:
            return None
        start, end = bounds[length_object]
        value = re.search(rb"obj\s*(\d+)\s*endobj", pdf[start:end])
        if value is None:
            return None
        length = int(value.group(1))
    else:
        length = int(length_match.group(1))
    data = chunk[dictionary.end() : dictionary.end() + length]
    try:
        profile = bytearray(zlib.decompress(data))
    except zlib.error:
        return None
    if len(profile) < 128 or profile[36:40] != b"acsp":
        return None
    struct.pack_into(
        ">6H", profile, 24, when.year, when.month, when.day, when.hour, when.minute, when.second
    )
    if any(profile[84:100]):  # a profile ID: the MD5 of the profile with three fields zeroed
        copy = bytearray(profile)
        copy[44:48] = copy[64:68] = b"\0" * 4
        copy[84:100] = b"\0" * 16
        profile[84:100] = hashlib.md5(copy, usedforsecurity=False).digest()
    packed = zlib.compress(bytes(profile), 9)
    new_dictionary = dictionary.group(1)
    if length_object is None:
        new_dictionary = _LENGTH.sub(b"/Length %d" % len(packed), new_dictionary, count=1)
    body = (
        chunk[: header.end()]
        + b"<<"
        + new_dictionary
        + b">>\nstream\n"
        + packed
        + b"\nendstream\nendobj\n\n"
    )
    return body, length_object, len(packed)


# --- the cross-reference table ----------------------------------------------------------------


def _objects(pdf: bytes) -> tuple[dict[int, int], int] | None:
    """Each object's offset from the classic cross-reference table, and the table's offset;
    None for a PDF that has something else (a cross-reference stream, an update)."""
    end = _STARTXREF.search(pdf[-64:])
    if end is None:
        return None
    at = int(end.group(1))
    if pdf[at : at + 4] != b"xref" or pdf.count(b"startxref") != 1:
        return None
    offsets: dict[int, int] = {}
    position = at + 4
    lines = pdf[position : pdf.find(b"trailer", position)].split(b"\n")
    number = 0
    for line in lines:
        fields = line.split()
        if len(fields) == 2:
            number = int(fields[0])
        elif len(fields) == 3:
            if fields[2] == b"n":
                offsets[number] = int(fields[0])
            number += 1
    return offsets, at


def _rewrite(
    pdf: bytes,
    order: list[tuple[int, int]],
    bounds: dict[int, tuple[int, int]],
    replaced: dict[int, bytes],
    xref_at: int,
) -> bytes:
    """The file again, with ``replaced`` objects and a new cross-reference table."""
    out = bytearray(pdf[: order[0][1]])
    offsets: dict[int, int] = {}
    for number, _ in order:
        offsets[number] = len(out)
        start, end = bounds[number]
        out += replaced.get(number, pdf[start:end])
    trailer_at = pdf.find(b"trailer", xref_at)
    trailer = pdf[trailer_at : pdf.rfind(b"startxref")]
    size = max(offsets) + 1
    xref_offset = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        if number in offsets:
            out += b"%010d 00000 n \n" % offsets[number]
        else:
            out += b"0000000000 65535 f \n"
    out += trailer + b"startxref\n%d\n%%%%EOF\n" % xref_offset
    return bytes(out)
