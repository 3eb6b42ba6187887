"""Turn a built DOCX into the PDF a clerk publishes, with LibreOffice headless.

Each conversion runs LibreOffice with a user profile of its own in a temporary folder, so
that builds running side by side never share (and lock) one, and with a time limit. The
profile also asks LibreOffice to draw digits in Thai text as Thai digits when the document
numbers its pages in Thai digits (LibreOffice ignores Word's ``thaiNumbers`` page-number
format; the numerals setting is how it draws them instead).

Fonts: the PDF must have the document's pages as Word lays them out, so it must be set in
the document's font or one of the same metrics. Before converting, fontconfig is asked
(where there is one) whether such a font is installed; after, the fonts embedded in the
PDF are checked, on every system. Either way a PDF in a substitute font is refused unless
``allow_substitute_font`` is given.

Reproducible output: LibreOffice writes the time of conversion into the PDF (the info
dictionary's dates, the XMP dates of PDF/A, a /DocChecksum and the file /ID derived from
it). Those values are rewritten in place, to the DOCX's own date and an ID computed from
the rest of the file, keeping every byte offset: the same DOCX then gives the same bytes
with the same LibreOffice and fonts. A different LibreOffice version (its name is in the
PDF, and its layout may differ) or different installed fonts still give a different PDF.

Standard library only: nothing is imported until a PDF is asked for.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from anticorrupt_plan.app.fonts import font_installed, same_metrics
from anticorrupt_plan.core.errors import (
    FontSubstitutedError,
    LibreOfficeMissingError,
    PdfConversionError,
)
from anticorrupt_plan.core.i18n import tr
from anticorrupt_plan.core.pdffix import embedded_fonts, reproducible

DEFAULT_TIMEOUT = 300.0  # seconds; a 10,000-measure plan takes about a minute
SOFFICE_COMMANDS = ("soffice", "libreoffice")
# Where the installers from libreoffice.org put it, when it is not on PATH.
SOFFICE_PLACES = (
    Path("C:/Program Files/LibreOffice/program/soffice.exe"),
    Path("C:/Program Files (x86)/LibreOffice/program/soffice.exe"),
    Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
)
# LibreOffice's PDF export settings (writer_pdf_Export filter data).
PDF_VERSION_DEFAULT, PDF_A_2B = 0, 2
# org.openoffice.Office.Common/I18N/CTL/CTLTextNumerals: 3 draws digits by the language of
# the text they stand in (Thai digits in Thai text); the default, 0, draws Arabic digits.
NUMERALS_BY_CONTEXT = 3


def find_soffice() -> str:
    """The LibreOffice command: on PATH, or where libreoffice.org's installers put it."""
    for name in SOFFICE_COMMANDS:
        found = shutil.which(name)
        if found is not None:
            return found
    for place in SOFFICE_PLACES:
        if place.is_file():
            return str(place)
    raise LibreOfficeMissingError()


def docx_to_pdf(
    docx: bytes,
    *,
    title: str | None = None,
    language: str = "th-TH",
    pdfa: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    allow_substitute_font: bool = False,
    font: str | None = None,
    timestamp: datetime.datetime | None = None,
) -> bytes:
    """The PDF of ``docx`` (a .docx file's bytes) as LibreOffice lays it out.

    The PDF's title and author are the DOCX's own (``title``, when given, replaces the
    title). ``language`` becomes the PDF's language; ``pdfa`` makes a PDF/A-2b for
    archiving. ``font`` is the font the document asks for (by default the one its styles
    name). ``timestamp`` is the PDF's date (by
    default the DOCX's modified date). Raises a ``PlanError`` when LibreOffice is missing,
    fails or takes longer than ``timeout`` seconds, and when the font is not installed
    (unless ``allow_substitute_font``).
    """
    properties = _core_properties(docx)
    wanted = font or _document_font(docx)
    if title is not None and properties.get("title") != title:
        docx = _with_title(docx, title)
    if wanted and not allow_substitute_font and font_installed(wanted) is False:
        raise FontSubstitutedError(font=wanted, used=())
    soffice = find_soffice()
    when = timestamp or _parse_time(properties.get("modified")) or _EPOCH
    filters = {
        "SelectPdfVersion": {"type": "long", "value": str(PDF_A_2B if pdfa else 0)},
        "UseTaggedPDF": {"type": "boolean", "value": "true"},
        "ExportBookmarks": {"type": "boolean", "value": "true"},
        "DisplayPDFDocumentTitle": {"type": "boolean", "value": "true"},
        "EmbedStandardFonts": {"type": "boolean", "value": "true"},
        "UseLosslessCompression": {"type": "boolean", "value": "true"},
        "ReduceImageResolution": {"type": "boolean", "value": "false"},
    }
    with tempfile.TemporaryDirectory(prefix="plan-pdf-") as folder:
        work = Path(folder)
        source = work / "document.docx"
        source.write_bytes(docx)
        profile = work / "profile"
        _write_profile(profile, thai_numerals=_thai_page_numbers(docx))
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export:" + json.dumps(filters, separators=(",", ":")),
            "--outdir",
            str(work),
            str(source),
        ]
        _run(command, timeout=timeout)
        result = work / "document.pdf"
        if not result.is_file() or result.stat().st_size == 0:
            raise PdfConversionError(reason=tr("LibreOffice wrote no PDF"))
        pdf = result.read_bytes()
    used = embedded_fonts(pdf)
    if wanted and not allow_substitute_font and not any(same_metrics(wanted, f) for f in used):
        raise FontSubstitutedError(font=wanted, used=tuple(used))
    return reproducible(pdf, when=when, language=language)


_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def _run(command: list[str], *, timeout: float) -> None:
    """Run LibreOffice to its end, or stop it, with every process it started, at ``timeout``."""
    # LibreOffice writes its dates in local time; UTC makes the text it writes the same
    # everywhere (the values are then replaced, see ``reproducible``).
    env = {**os.environ, "TZ": "UTC"}
    posix = sys.platform != "win32"
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            start_new_session=posix,
        )
    except OSError as error:
        reason = tr("cannot run {command}: {error}", command=command[0], error=error.strerror)
        raise PdfConversionError(reason=reason) from error
    try:
        _out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(process, posix=posix)
        raise PdfConversionError(
            reason=tr(
                "LibreOffice took longer than {seconds:g} seconds and was stopped", seconds=timeout
            )
        ) from None
    if process.returncode != 0:
        detail = err.decode("utf-8", "replace").strip().splitlines()
        last = f": {detail[-1]}" if detail else ""
        reason = tr("LibreOffice failed (exit {code})", code=process.returncode) + last
        raise PdfConversionError(reason=reason)


def _stop(process: subprocess.Popen[bytes], *, posix: bool) -> None:
    with contextlib.suppress(OSError):
        if posix:
            os.killpg(process.pid, signal.SIGKILL)  # soffice starts soffice.bin: stop both
        else:
            process.kill()
    process.communicate()


_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" \
xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
{items}</oor:items>
"""
_ITEM = (
    '<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse">'
    "<value>{value}</value></prop></item>\n"
)


def profile_settings(*, thai_numerals: bool) -> str:
    """The registrymodifications.xcu of a fresh LibreOffice profile for one conversion."""
    items = [
        # No first-start wizard, no update check, no recovery of earlier sessions.
        ("/org.openoffice.Office.Common/Misc", "FirstRun", "false"),
        ("/org.openoffice.Office.Common/Misc", "ShowTipOfTheDay", "false"),
        ("/org.openoffice.Office.Recovery/AutoSave", "Enabled", "false"),
    ]
    if thai_numerals:
        items += [
            ("/org.openoffice.Office.Common/I18N/CTL", "CTLFont", "true"),
            ("/org.openoffice.Office.Common/I18N/CTL", "CTLTextNumerals", str(NUMERALS_BY_CONTEXT)),
        ]
    body = "".join(_ITEM.format(path=p, name=n, value=v) for p, n, v in items)
    return _XCU.format(items=body)


def _write_profile(profile: Path, *, thai_numerals: bool) -> None:
    user = profile / "user"
    user.mkdir(parents=True)
    settings = profile_settings(thai_numerals=thai_numerals)
    (user / "registrymodifications.xcu").write_text(settings, encoding="utf-8")


# --- reading the DOCX -------------------------------------------------------------------------


def _docx_part(docx: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as archive:
            return archive.read(name).decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError):
        return ""


def _thai_page_numbers(docx: bytes) -> bool:
    """Whether the document numbers its pages in Thai digits (Word's ``thaiNumbers``)."""
    return 'w:fmt="thaiNumbers"' in _docx_part(docx, "word/document.xml")


def _document_font(docx: bytes) -> str | None:
    """The font the document's default text is set in: its complex-script (Thai) font."""
    styles = _docx_part(docx, "word/styles.xml")
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, flags=re.S)
    if defaults is None:
        return None
    found = re.search(r'<w:rFonts [^>]*w:cs="([^"]+)"', defaults.group(0))
    return _unescape(found.group(1)) if found else None


def _core_properties(docx: bytes) -> dict[str, str]:
    core = _docx_part(docx, "docProps/core.xml")
    found: dict[str, str] = {}
    for key, tag in (("title", "dc:title"), ("modified", "dcterms:modified")):
        match = re.search(rf"<{tag}(?: [^>]*)?>([^<]*)</{tag}>", core)
        if match:
            found[key] = _unescape(match.group(1))
    return found


def _with_title(docx: bytes, title: str) -> bytes:
    """``docx`` with ``title`` as the title in its core properties, which LibreOffice
    carries into the PDF's metadata."""
    escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    element = f"<dc:title>{escaped}</dc:title>"
    source = zipfile.ZipFile(io.BytesIO(docx))
    stream = io.BytesIO()
    with source, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "docProps/core.xml":
                core = data.decode("utf-8")
                core, found = re.subn(
                    r"<dc:title(?: [^>]*)?>[^<]*</dc:title>|<dc:title ?/>", lambda _: element, core
                )
                if not found:
                    core = core.replace("</cp:coreProperties>", element + "</cp:coreProperties>")
                data = core.encode("utf-8")
            target.writestr(entry, data)
    return stream.getvalue()


def _unescape(text: str) -> str:
    entities = {"&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&amp;": "&"}
    return re.sub(r"&(?:lt|gt|quot|apos|amp);", lambda m: entities[m.group(0)], text)


def _parse_time(text: str | None) -> datetime.datetime | None:
    if not text:
        return None
    try:
        when = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=datetime.UTC)
