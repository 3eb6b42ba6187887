"""Which fonts a machine has for the documents, and ``plan fonts``: TH Sarabun's metric twin.

The documents ask for TH SarabunIT๙, the font of Thai official letters. Where it is not
installed (most Linux machines), LibreOffice sets the text in another font, usually
Laksaman, TH Sarabun New redrawn half again as large: a PDF made that way has half again
as many pages as the document in Word. ``install_twin`` builds, from the installed
Laksaman, a copy whose em is 1.503 times larger (so it sets text exactly as large as
TH Sarabun New) named TH SarabunIT๙, into the user's own font folder.

Laksaman is free software: GPL version 2 or later, with the font exception (a document
that embeds the font is not thereby covered by the GPL); see
/usr/share/doc/fonts-tlwg-laksaman/copyright. The twin is a modified version under the
same licence, exception included, and is built on the user's machine, not distributed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from anticorrupt_plan.core.errors import FontFileError, FontSourceMissingError
from anticorrupt_plan.core.fontfile import TWIN_UNITS_PER_EM, metric_twin
from anticorrupt_plan.core.i18n import tr

TWIN_FAMILY = "TH SarabunIT๙"
TWIN_POSTSCRIPT = "THSarabunIT9"
# Laksaman's four faces, by the style each becomes in the twin.
LAKSAMAN_FACES = {
    "Regular": "Laksaman.ttf",
    "Bold": "Laksaman-Bold.ttf",
    "Italic": "Laksaman-Italic.ttf",
    "Bold Italic": "Laksaman-BoldItalic.ttf",
}
# Where distributions put Laksaman: Debian and Ubuntu (fonts-tlwg-laksaman), Fedora.
LAKSAMAN_FOLDERS = (
    Path("/usr/share/fonts/truetype/tlwg"),
    Path("/usr/share/fonts/tlwg"),
    Path("/usr/share/fonts/thai-scalable"),
)
TWIN_FOLDER_NAME = "anticorrupt-plan"
DESCRIPTION = (
    "A metric twin of TH SarabunIT๙ built by anticorrupt-plan ('plan fonts') from Laksaman "
    f"(fonts-tlwg) with unitsPerEm {TWIN_UNITS_PER_EM} instead of 1000, so that it sets text "
    "as large as TH Sarabun New, its line gaps scaled with it and USE_TYPO_METRICS "
    "cleared, so that LibreOffice spaces lines as Word does. The outlines are Laksaman's. "
    "Licence: GPL-2+ with the font exception, as Laksaman's."
)
LICENCE_NOTE = f"""These fonts were built by anticorrupt-plan ('plan fonts') from Laksaman, part of
fonts-tlwg (https://linux.thai.net/projects/fonts-tlwg), itself TH Sarabun New redrawn by
TLWG. They are Laksaman with a larger em (unitsPerEm {TWIN_UNITS_PER_EM} instead of 1000) and
the family name {TWIN_FAMILY} (and line gaps and flags that make LibreOffice space
lines as Word spaces TH Sarabun's), so that LibreOffice lays out documents that ask for
{TWIN_FAMILY} at that font's real size. They are not SIPA's {TWIN_FAMILY}.

Licence: GNU General Public License version 2 or later, with the font exception: if you
create a document which uses this font, and embed this font or unaltered portions of this
font into the document, this font does not by itself cause the resulting document to be
covered by the GNU General Public License. (Laksaman's copyright and licence records are
kept in each font file; see also /usr/share/doc/fonts-tlwg-laksaman/copyright.)

Remove this folder to uninstall them.
"""

# Fonts whose advance widths and line height are TH Sarabun New's: a PDF in any of them has
# the pages the document has in Word. Names compared without spaces, case or Thai digits.
SARABUN_FAMILY = ("thsarabunit9", "thsarabunnew", "thsarabunpsk")


def font_key(name: str) -> str:
    """A font name reduced for comparison with PostScript names: ``TH SarabunIT๙`` ->
    ``thsarabunit9`` (no spaces or punctuation, lower case, Thai digits as Arabic)."""
    arabic = name.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    return re.sub(r"[^0-9a-z]", "", arabic.lower())


def same_metrics(wanted: str, found: str) -> bool:
    """Whether ``found`` (a font family or PostScript name) sets text as ``wanted`` would:
    the same font in any of its styles, or another member of TH Sarabun's family."""
    want, have = font_key(wanted), font_key(found)
    if not want:
        return False
    if have.startswith(want):
        return True
    return any(want.startswith(name) for name in SARABUN_FAMILY) and any(
        have.startswith(name) for name in SARABUN_FAMILY
    )


def installed_families() -> set[str] | None:
    """Every font family fontconfig knows, or None where there is no fontconfig to ask
    (Windows, and macOS without it): there only the PDF itself tells which font was used."""
    if sys.platform in ("win32", "darwin"):
        return None
    command = shutil.which("fc-list")
    if command is None:
        return None
    try:
        result = subprocess.run(
            [command, "--format", "%{family}\n"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    return {name for line in result.stdout.splitlines() for name in line.split(",") if name}


def font_installed(font: str) -> bool | None:
    """Whether a font that sets text as ``font`` does is installed; None when unknown."""
    families = installed_families()
    if families is None:
        return None
    return any(same_metrics(font, family) for family in families)


def user_font_folder() -> Path:
    """Where ``plan fonts`` puts the twin: the user's own fonts, which fontconfig (and so
    LibreOffice on Linux) reads without any setting: ``~/.local/share/fonts/anticorrupt-plan``.
    """
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "fonts" / TWIN_FOLDER_NAME


def find_laksaman(folders: tuple[Path, ...] = LAKSAMAN_FOLDERS) -> dict[str, Path]:
    """Laksaman's files by twin style, from the first folder that holds its regular face."""
    for folder in folders:
        if (folder / LAKSAMAN_FACES["Regular"]).is_file():
            return {
                style: folder / name
                for style, name in LAKSAMAN_FACES.items()
                if (folder / name).is_file()
            }
    raise FontSourceMissingError(looked_in=", ".join(str(folder) for folder in folders))


@dataclass(frozen=True)
class InstalledTwin:
    """What ``install_twin`` wrote."""

    folder: Path
    fonts: list[Path]
    cache_refreshed: bool


def build_twin(
    folder: Path, *, sources: dict[str, Path] | None = None, family: str = TWIN_FAMILY
) -> list[Path]:
    """Write the twin's faces (and a licence note) into ``folder``; returns the font files."""
    faces = find_laksaman() if sources is None else sources
    postscript = TWIN_POSTSCRIPT if family == TWIN_FAMILY else font_key(family)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = tr("cannot create: {error}", error=error.strerror)
        raise FontFileError(file=str(folder), reason=reason) from error
    written: list[Path] = []
    for style, source in faces.items():
        try:
            data = source.read_bytes()
        except OSError as error:
            raise FontFileError(
                file=str(source), reason=tr("cannot read: {error}", error=error.strerror)
            ) from error
        try:
            twin = metric_twin(
                data,
                family=family,
                postscript_family=postscript,
                style=style,
                description=DESCRIPTION,
            )
        except FontFileError as error:
            raise FontFileError(file=str(source), reason=error.reason) from error
        target = folder / f"{postscript}-{style.replace(' ', '')}.ttf"
        try:
            target.write_bytes(twin)
        except OSError as error:
            raise FontFileError(
                file=str(target), reason=tr("cannot write: {error}", error=error.strerror)
            ) from error
        written.append(target)
    (folder / "README.txt").write_text(LICENCE_NOTE, encoding="utf-8")
    return written


def install_twin(folder: Path | None = None) -> InstalledTwin:
    """Build the twin into ``folder`` (by default :func:`user_font_folder`) and tell
    fontconfig, where there is one, to read it now."""
    target = user_font_folder() if folder is None else folder
    fonts = build_twin(target)
    refreshed = False
    command = shutil.which("fc-cache")
    if command is not None:
        try:
            refreshed = (
                subprocess.run(
                    [command, "-f", str(target)], capture_output=True, timeout=120, check=False
                ).returncode
                == 0
            )
        except (OSError, subprocess.TimeoutExpired):
            refreshed = False
    return InstalledTwin(folder=target, fonts=fonts, cache_refreshed=refreshed)
