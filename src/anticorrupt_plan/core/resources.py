"""Where the templates are: the packaged copy in an installed wheel, else the source tree's."""

from __future__ import annotations

from pathlib import Path

_PACKAGED = Path(__file__).resolve().parents[1] / "templates"
_SOURCE_TREE = Path(__file__).resolve().parents[3] / "templates"


def template_dir(override: Path | None = None) -> Path:
    """The folder to read templates from: ``override`` when given, else the built-in one."""
    if override is not None:
        return override
    return _PACKAGED if _PACKAGED.is_dir() else _SOURCE_TREE


def template_file(relative: str, override: Path | None = None) -> Path:
    """The file ``relative`` in the folder ``override`` when it holds one, else the built-in
    one: a folder of templates need hold only the files it changes."""
    if override is not None and (override / relative).is_file():
        return override / relative
    return template_dir() / relative
