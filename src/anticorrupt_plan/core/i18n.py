"""Messages in the reader's language: Thai or English, from a gettext catalogue read on first use.

Every message a person reads is written in English in the code, marked for translation, and
looked up in ``locale/<language>/LC_MESSAGES/anticorrupt_plan.mo`` when it is printed:

- ``tr("no such file: {path}", path=...)`` translates now and fills the named placeholders;
- ``tr_n("{count} problem", "{count} problems", count)`` chooses the form for ``count``;
- ``mark("...")`` only marks a text kept in a table (a rule's reason, a help text) for
  ``tr`` to translate where it is printed.

Every marked text is a ``str.format`` template, so a brace it shows is written ``{{``. The
language is, in order: the one ``choose_language`` set (``plan --lang``), ``PLAN_LANG``, then
the first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set (as POSIX orders them);
Thai when it starts with ``th``, English otherwise. English needs no catalogue, and the Thai
one is read only when the first message is translated, so a command that prints nothing
reads no catalogue at all (``make messages`` extracts, updates and compiles them).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gettext import NullTranslations

DOMAIN = "anticorrupt_plan"
ENGLISH = "en"
THAI = "th"
LANGUAGES = (ENGLISH, THAI)
LANGUAGE_VARIABLE = "PLAN_LANG"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"

_chosen: str | None = None
_catalogues: dict[str, NullTranslations] = {}


def choose_language(language: str | None) -> None:
    """Use ``language`` (``en`` or ``th``) from now on; ``None`` goes back to the environment."""
    global _chosen
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"no messages in {language!r}; choose one of {', '.join(LANGUAGES)}")
    _chosen = language


def language(environ: Mapping[str, str] | None = None) -> str:
    """The language messages are printed in: ``th`` or ``en``."""
    if _chosen is not None:
        return _chosen
    env = os.environ if environ is None else environ
    named = env.get(LANGUAGE_VARIABLE, "").strip()
    if not named:
        # POSIX: LC_ALL overrides LC_MESSAGES, which overrides LANG; an empty one is unset.
        named = next((env[name] for name in LOCALE_VARIABLES if env.get(name)), "")
    return THAI if named.strip().lower().startswith(THAI) else ENGLISH


def catalogue(lang: str) -> NullTranslations:
    """The translations into ``lang``, read from its catalogue the first time they are asked
    for (English has none: the messages are written in it)."""
    found = _catalogues.get(lang)
    if found is None:
        import gettext

        if lang == ENGLISH:
            found = gettext.NullTranslations()
        else:
            with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as file:
                found = gettext.GNUTranslations(file)
        _catalogues[lang] = found
    return found


def tr(message: str, /, **values: object) -> str:
    """``message`` in the reader's language, its ``{placeholders}`` filled from ``values``."""
    lang = language()
    text = message if lang == ENGLISH else catalogue(lang).gettext(message)
    return text.format(**values)


def gettext(message: str) -> str:
    """``message`` in the reader's language with its placeholders left as they are: for a
    text that another library fills in (Typer's words)."""
    lang = language()
    return message if lang == ENGLISH else catalogue(lang).gettext(message)


def tr_n(singular: str, plural: str, count: int, /, **values: object) -> str:
    """The form of a message for ``count`` in the reader's language; ``{count}`` is filled
    with the number as well as the named ``values``."""
    lang = language()
    if lang == ENGLISH:
        text = singular if count == 1 else plural
    else:
        text = catalogue(lang).ngettext(singular, plural, count)
    return text.format(count=count, **values)


def mark(message: str) -> str:
    """Mark ``message`` for the catalogue and give it back untranslated: for texts kept in a
    table and translated with ``tr`` where they are printed."""
    return message
