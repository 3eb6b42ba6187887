"""Writing outputs: deterministic zip archives whose bytes depend only on their entries."""

from __future__ import annotations

import io
import zipfile

from anticorrupt_plan.output import ZIP_TIMESTAMP, deterministic_zip, rezip

ENTRIES = {"word/document.xml": b"<w:document/>", "[Content_Types].xml": b"<Types/>"}


def test_entries_are_sorted_and_stamped_with_one_fixed_time() -> None:
    archive = zipfile.ZipFile(io.BytesIO(deterministic_zip(ENTRIES)))

    assert archive.namelist() == ["[Content_Types].xml", "word/document.xml"]
    assert {info.date_time for info in archive.infolist()} == {ZIP_TIMESTAMP}
    assert {info.external_attr >> 16 for info in archive.infolist()} == {0o644}
    assert archive.read("word/document.xml") == b"<w:document/>"


def test_the_order_entries_are_given_in_does_not_matter() -> None:
    reversed_entries = dict(reversed(list(ENTRIES.items())))

    assert deterministic_zip(reversed_entries) == deterministic_zip(ENTRIES)


def test_rezip_rewrites_an_archive_written_with_the_clock() -> None:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr(zipfile.ZipInfo("b.xml", date_time=(2024, 5, 6, 7, 8, 10)), b"b")
        archive.writestr(zipfile.ZipInfo("a.xml", date_time=(2031, 1, 2, 3, 4, 6)), b"a")

    assert rezip(stream.getvalue()) == deterministic_zip({"a.xml": b"a", "b.xml": b"b"})
