"""The Thai catalogue: complete, current, compiled, chosen by the locale, and read only when a
message is printed."""

from __future__ import annotations

import ast
import io
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from anticorrupt_plan.app.validate import parse_plan
from anticorrupt_plan.core import i18n
from anticorrupt_plan.core.i18n import choose_language, language, tr, tr_n

from .conftest import PLAN_PATH, ROOT

SOURCE = ROOT / "src" / "anticorrupt_plan"
CATALOGUE = SOURCE / "locale" / "th" / "LC_MESSAGES" / "anticorrupt_plan.po"
COMPILED = CATALOGUE.with_suffix(".mo")
# The keywords of `make messages` (the Makefile's BABEL_KEYWORDS).
KEYWORDS = {"tr": None, "tr_n": (1, 2), "mark": None}
MARKERS = frozenset(KEYWORDS)


def extracted() -> set[str]:
    """Every message the code marks, as Babel extracts it for the catalogue."""
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(SOURCE), keywords=KEYWORDS, comment_tags=()
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def catalogue() -> Catalog:
    with CATALOGUE.open("rb") as stream:
        return read_po(stream, locale="th")


def entries() -> list[tuple[str, str]]:
    """(message, Thai) for every message of the catalogue (the singular of a plural one)."""
    pairs = []
    for message in catalogue():
        if not message.id:
            continue
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        text = message.string[0] if isinstance(message.string, tuple) else message.string
        pairs.append((msgid, text or ""))
    return pairs


def test_the_catalogue_holds_every_message_the_code_marks() -> None:
    listed = {msgid for msgid, _ in entries()}

    missing = sorted(extracted() - listed)

    assert missing == [], "run 'make messages' and translate:\n" + "\n".join(missing)


def test_the_catalogue_holds_no_message_the_code_no_longer_marks() -> None:
    stale = sorted({msgid for msgid, _ in entries()} - extracted())

    assert stale == [], "run 'make messages' to drop:\n" + "\n".join(stale)


def test_every_message_has_a_thai_translation_that_is_not_fuzzy() -> None:
    untranslated = [msgid for msgid, thai in entries() if not thai.strip()]
    fuzzy = [str(message.id) for message in catalogue() if message.id and message.fuzzy]

    assert untranslated == [], "translate in the .po:\n" + "\n".join(untranslated)
    assert fuzzy == [], "review these fuzzy translations, then remove the fuzzy flag:\n" + (
        "\n".join(fuzzy)
    )


def _placeholders(template: str) -> list[str]:
    return sorted(
        f"{name}!{conversion}:{spec}"
        for _, name, spec, conversion in string.Formatter().parse(template)
        if name is not None
    )


def test_each_translation_keeps_the_placeholders_of_its_message() -> None:
    differing = [
        f"{msgid!r}: {_placeholders(msgid)} -> {_placeholders(thai)}"
        for msgid, thai in entries()
        if set(_placeholders(msgid)) != set(_placeholders(thai))
    ]

    assert differing == []


def test_the_compiled_catalogue_is_the_catalogue_compiled() -> None:
    built = io.BytesIO()
    write_mo(built, catalogue())

    assert COMPILED.read_bytes() == built.getvalue(), "run 'make messages' to compile it"


def _marked_calls() -> list[tuple[Path, ast.Call]]:
    calls = []
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in MARKERS:
                calls.append((path, node))
    return calls


def test_no_marked_message_is_an_f_string() -> None:
    """A translator sees the template with named placeholders, never text already filled in."""
    formatted = [
        f"{path.relative_to(ROOT)}:{call.lineno}"
        for path, call in _marked_calls()
        for argument in call.args[: 2 if getattr(call.func, "id", "") == "tr_n" else 1]
        if isinstance(argument, ast.JoinedStr | ast.BinOp)
    ]

    assert formatted == []


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, "en"),
        ({"LANG": "th_TH.UTF-8"}, "th"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "th_TH.UTF-8", "LC_ALL": "C"}, "en"),  # LC_ALL overrides LANG
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "th_TH.UTF-8"}, "th"),
        ({"LC_ALL": "th_TH.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "th"),
        ({"LC_ALL": "", "LANG": "th"}, "th"),  # an empty variable counts as unset
        ({"PLAN_LANG": "th", "LANG": "C"}, "th"),
        ({"PLAN_LANG": "en", "LC_ALL": "th_TH.UTF-8"}, "en"),
        ({"PLAN_LANG": "fr"}, "en"),
    ],
)
def test_the_language_is_chosen_by_plan_lang_then_the_locale(
    environment: dict[str, str], expected: str
) -> None:
    assert language(environment) == expected


def test_an_explicit_choice_wins_over_the_environment() -> None:
    choose_language("th")

    assert language({"PLAN_LANG": "en", "LC_ALL": "C"}) == "th"


def test_a_message_is_translated_with_its_placeholders_filled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PLAN_LANG", "th")

    assert tr("unknown key {key}", key="'tatic'") == "ไม่รู้จักคีย์ 'tatic'"
    assert tr_n("{count} problem found", "{count} problems found", 3) == "พบปัญหา 3 รายการ"


def test_english_needs_no_catalogue() -> None:
    i18n._catalogues.clear()

    assert tr("unknown key {key}", key="'x'") == "unknown key 'x'"
    assert i18n._catalogues == {}


def test_the_catalogue_is_read_only_when_a_message_is_worded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PLAN_LANG", "th")
    i18n._catalogues.clear()

    parse_plan(PLAN_PATH.read_text(encoding="utf-8"), file="plan.yaml")  # valid: nothing to say
    untouched = dict(i18n._catalogues)
    tr("wrote {path}", path="out/plan.md")

    assert untouched == {}
    assert set(i18n._catalogues) == {"th"}
