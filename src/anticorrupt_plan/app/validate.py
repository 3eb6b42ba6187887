"""Turn a plan file into a validated Plan, or into every located problem it has."""

from __future__ import annotations

import difflib
import os
import posixpath
import types
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from anticorrupt_plan.app.registry import DEFAULT_KIND, KIND_NAMES, kind_named
from anticorrupt_plan.common.kind import Kind
from anticorrupt_plan.common.types import SCHEMA_VERSION, USER_ERRORS
from anticorrupt_plan.core.assets import IMAGES, read_asset
from anticorrupt_plan.core.errors import (
    MAX_LISTED,
    AssetError,
    DataPath,
    LocatedError,
    PlanError,
    PlanFileError,
    PlanInvalid,
    SchemaError,
    UnknownKeyError,
)
from anticorrupt_plan.core.i18n import tr, tr_n
from anticorrupt_plan.core.loader import Document, load
from anticorrupt_plan.core.thai import arabic_digits


@dataclass(frozen=True)
class ValidPlan:
    """A document that passed every schema rule, with the file it came from and its kind."""

    document: Document
    plan: Any  # the kind's model; for a kind read with another file, what its join made
    kind: Kind
    references: tuple[ValidPlan, ...] = ()  # the other files it was read with (a report's plan)


# How a document's reference to another file is read: the name as the document writes it ->
# that file, validated. Nothing it reads follows references of its own (no report of a report).
ReadReference = Callable[[str], ValidPlan]


def read_plan(path: Path, *, display_name: str | None = None) -> ValidPlan:
    """Read and validate the plan file at ``path``; errors name it ``display_name``.

    A file that names another (a report its plan) has that one read from beside it.
    """
    name = display_name or str(path)
    return parse_plan(
        read_text(path, display_name=name), file=name, read_reference=files_beside(path, name)
    )


def files_beside(path: Path, display_name: str) -> ReadReference:
    """Read the files a document names relative to its own folder; named in messages
    relative to the folder of ``display_name``."""

    def read(name: str) -> ValidPlan:
        shown = posixpath.normpath(str(Path(display_name).parent / name))
        if "\\" in name:  # a Windows habit: the path is then one odd file name
            raise PlanFileError(file=name, reason=tr("write '/' between folders, not '\\'"))
        if Path(name).suffix.lower() in _DOCUMENTS:
            reason = tr("is a document built from a plan; name the plan file itself (.yaml)")
            raise PlanFileError(file=shown, reason=reason)
        if not (path.parent / name).exists():
            reason = tr(
                "no such file; the path is read from the folder of {file}", file=display_name
            )
            raise PlanFileError(file=shown, reason=reason)
        text = read_text(path.parent / name, display_name=shown)
        return parse_plan(text, file=shown, read_reference=None)

    return read


# What a build writes: named where a plan file belongs, it is told so.
_DOCUMENTS = frozenset({".md", ".docx", ".pdf", ".json", ".png"})


# A plan is tens of kilobytes, a province's consolidated plan a few megabytes and the
# 10,000-measure plan of `make bench` 13 MB. The loader's limits on values and text
# lengths bound the work; this one bounds the memory a file takes before they apply, and
# lets the loader reach them (or the end) within a second.
MAX_PLAN_BYTES = 16 * 1024 * 1024


def too_large(size: int | None) -> str:
    """What a plan file of ``size`` bytes (``None``: more than the limit) is told."""
    limit = MAX_PLAN_BYTES // 1024 // 1024
    if size is None:
        return tr("is more than {limit} MB; a plan file is at most {limit} MB", limit=limit)
    return tr(
        "is {size:.0f} MB; a plan file is at most {limit} MB", size=size / 1024 / 1024, limit=limit
    )


def read_text(path: Path, *, display_name: str) -> str:
    """The file's text, decoded as UTF-8 (a byte-order mark is allowed and dropped).

    Files in other encodings are refused with a message naming the likely encoding and how
    to convert it, rather than converted silently: the plan in git should be UTF-8.
    """
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > MAX_PLAN_BYTES:
                raise PlanFileError(file=display_name, reason=too_large(size))
            # A pipe or a device tells no size: read no more than the limit and one byte.
            raw = stream.read(MAX_PLAN_BYTES + 1)
    except FileNotFoundError:
        raise PlanFileError(file=display_name, reason=tr("no such file")) from None
    except IsADirectoryError:
        reason = tr("is a directory, not a plan file")
        raise PlanFileError(file=display_name, reason=reason) from None
    except OSError as error:
        reason = tr("cannot read: {error}", error=error.strerror)
        raise PlanFileError(file=display_name, reason=reason) from error
    if len(raw) > MAX_PLAN_BYTES:
        raise PlanFileError(file=display_name, reason=too_large(None))
    return decode(raw, display_name=display_name)


def decode(raw: bytes, *, display_name: str) -> str:
    """Plan bytes as text; other encodings and binary files get a message saying what to do."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_like_utf16(raw):
        raise PlanFileError(
            file=display_name,
            reason=tr("is UTF-16 text; save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8)"),
        )
    if b"\x00" in raw:
        raise PlanFileError(
            file=display_name, reason=tr("contains NUL bytes: it is a binary file, not a plan")
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        byte = error.start + 1
    if _looks_like_thai_windows_text(raw):
        raise PlanFileError(
            file=display_name,
            reason=tr(
                "byte {byte} is not UTF-8; the file looks like Thai Windows text (TIS-620/cp874). "
                "Convert it to UTF-8, e.g. 'iconv -f CP874 -t UTF-8 {file} > plan-utf8.yaml', "
                "or in Notepad: Save As, Encoding: UTF-8",
                byte=byte,
                file=display_name,
            ),
        )
    reason = tr("byte {byte} is not UTF-8; save the file as UTF-8 text", byte=byte)
    raise PlanFileError(file=display_name, reason=reason)


def _looks_like_utf16(raw: bytes) -> bool:
    """True for UTF-16 text without a byte-order mark: every other byte is the high byte of
    a Latin (0x00) or Thai (0x0E) character."""
    halves = raw[0::2], raw[1::2]
    return len(raw) >= 4 and any(
        half.count(0) + half.count(0x0E) >= 0.9 * len(half) and half.count(0) for half in halves
    )


def _looks_like_thai_windows_text(raw: bytes) -> bool:
    """True when most of the non-ASCII bytes decode as Thai letters in cp874."""
    try:
        text = raw.decode("cp874")
    except UnicodeDecodeError:
        return False
    non_ascii = [char for char in text if ord(char) > 0x7F]
    thai = [char for char in non_ascii if "\u0e00" <= char <= "\u0e7f"]
    return bool(non_ascii) and len(thai) >= 0.9 * len(non_ascii)


def parse_plan(text: str, *, file: str, read_reference: ReadReference | None = None) -> ValidPlan:
    """Validate plan YAML ``text``; raise PlanInvalid listing every problem.

    A kind read with another file (a report) has it read by ``read_reference``; without one,
    such a document is read alone, as the file another document names (a report named as
    a report's plan is not followed further), and is not joined.
    """
    document = load(text, file=file)
    if document.data is None and not document.problems:
        raise PlanInvalid(
            [
                SchemaError(
                    location=document.value_location(()),
                    path=(),
                    message=tr("the file is empty; a plan starts with 'schema_version: 1'"),
                )
            ]
        )
    kind = _kind_of(document)
    try:
        plan = kind.model.model_validate(document.data)
    except ValidationError as error:
        # An alias was read as an empty value: that emptiness need not be reported too.
        items = [
            item
            for item in error.errors(include_url=False)
            if not _within(_data_path(item), document.dropped)
        ]
        # Locating and wording a problem is the costly part: only those listed are.
        listed = items[: max(0, MAX_LISTED - len(document.problems))]
        problems = _schema_problems(listed, document, kind.model)
        more = document.more_problems + len(items) - len(listed)
        raise PlanInvalid([*document.problems, *problems], more=more) from None
    if document.problems:
        raise PlanInvalid(document.problems, more=document.more_problems)
    references: tuple[ValidPlan, ...] = ()
    if kind.reference is not None:
        if read_reference is None:  # named by another document: known by its kind alone
            return ValidPlan(document=document, plan=plan, kind=kind)
        other = _read_reference(document, kind.reference.path, read_reference)
        plan = kind.reference.join(plan, other.plan, other.kind)
        references = (other,)
    written = _KeysAsWritten(document)
    violations = [
        SchemaError(
            location=document.key_location(written.get(path))
            if at_key
            else document.value_location(path),
            path=path,
            message=message,
        )
        for path, message, at_key in kind.violations(plan)
    ]
    if violations:
        raise PlanInvalid(violations)
    return ValidPlan(document=document, plan=plan, kind=kind, references=references)


def _read_reference(document: Document, path: DataPath, read: ReadReference) -> ValidPlan:
    """The file the document names at ``path``, validated; a file that cannot be read is a
    problem at that line, and the named file's own problems are reported at its lines."""
    value: Any = document.data
    for part in path:
        value = value[part]
    try:
        return read(str(value).strip())
    except PlanInvalid:  # the named file's own problems, at its own lines
        raise
    except PlanError as error:  # not there, not readable, not at that revision
        message = str(error)
        if isinstance(error, PlanFileError):
            message = f"{error.file}: {error.reason}"
        problem = SchemaError(location=document.value_location(path), path=path, message=message)
        raise PlanInvalid([problem]) from None


KIND: DataPath = ("kind",)


def _kind_of(document: Document) -> Kind:
    """The kind the document declares with ``kind:``, by default the ethics plan."""
    data = document.data
    name = data.get("kind") if isinstance(data, dict) else None
    if name is None:
        return kind_named(DEFAULT_KIND)
    if isinstance(name, str) and name.strip() in KIND_NAMES:
        return kind_named(name.strip())
    close = difflib.get_close_matches(str(name), KIND_NAMES, n=1, cutoff=0.6)
    if close:
        message = tr(
            "{found} is not a kind of document; write one of {kinds}; did you mean {suggestion}?",
            found=_describe(name),
            kinds=", ".join(KIND_NAMES),
            suggestion=repr(close[0]),
        )
    else:
        message = tr(
            "{found} is not a kind of document; write one of {kinds}",
            found=_describe(name),
            kinds=", ".join(KIND_NAMES),
        )
    raise PlanInvalid(
        [
            *document.problems,
            SchemaError(location=document.value_location(KIND), path=KIND, message=message),
        ]
    )


def read_assets(valid: ValidPlan, *, base: Path) -> dict[str, bytes]:
    """The files the document names (its emblem), each read from ``base`` (the plan's
    folder), by the name the templates give them.

    The schema cannot see the file system, so a missing or unreadable file is found here,
    and reported at the line that names it like any other problem.
    """
    found: dict[str, bytes] = {}
    for ref, path in valid.kind.assets(valid.plan).items():
        found[ref] = _read_asset(valid, path, base=base)
    return found


# An emblem is printed 3 cm high: a few hundred pixels, tens of kilobytes.
MAX_IMAGE_BYTES = 5 * 1024 * 1024


def _read_asset(valid: ValidPlan, data_path: DataPath, *, base: Path) -> bytes:
    """The file at ``data_path``'s value: inside the plan's folder, not too large, an image
    (see ``core.assets``); a problem at that line otherwise."""
    value = valid.document.data
    for part in data_path:
        value = value[part]
    try:
        return read_asset(base, str(value).strip(), max_bytes=MAX_IMAGE_BYTES, kinds=IMAGES)
    except AssetError as error:
        raise _problem(valid, data_path, error.reason) from None


def asset_problem(valid: ValidPlan, ref: str, reason: str, *, base: Path) -> PlanInvalid:
    """``reason`` why the file the document names as ``ref`` cannot be used, located at
    the line that names it."""
    data_path = valid.kind.assets(valid.plan)[ref]
    value = valid.document.data
    for part in data_path:
        value = value[part]
    return _problem(valid, data_path, f"{base / str(value).strip()} {reason}")


def _problem(valid: ValidPlan, path: DataPath, message: str) -> PlanInvalid:
    location = valid.document.value_location(path)
    return PlanInvalid([SchemaError(location=location, path=path, message=message)])


def _within(path: DataPath, places: frozenset[DataPath]) -> bool:
    """Whether ``path`` is one of ``places`` or inside one of them."""
    return any(path[:end] in places for end in range(len(path) + 1))


def _data_path(item: ErrorDetails) -> DataPath:
    """The place in the data that a pydantic error is about."""
    return tuple(p for p in item["loc"] if p != "[key]")


def _schema_problems(
    items: list[ErrorDetails], document: Document, model: type[BaseModel]
) -> list[LocatedError]:
    problems: list[LocatedError] = []
    for item in items:
        loc = tuple(item["loc"])
        at_key = bool(loc) and loc[-1] == "[key]"
        path = _data_path(item)
        kind = item["type"]
        if kind == "extra_forbidden":
            key = str(path[-1])
            problems.append(
                UnknownKeyError(
                    location=document.key_location(path),
                    path=path,
                    key=key,
                    suggestion=_suggest(key, path[:-1], model),
                    allowed=_allowed(path[:-1], model),
                )
            )
            continue
        if kind in _DUPLICATE_YEARS:
            location = document.key_location((*path, item["ctx"]["key"]))
        elif kind == "missing":
            location = document.key_location(path[:-1])
        elif at_key:
            location = document.key_location(path)
        else:
            location = document.value_location(path)
        message = _message(kind, item, path, at_key=at_key, model=model)
        problems.append(SchemaError(location=location, path=path, message=message))
    return problems


class _KeysAsWritten:
    """Paths with their last key as the file spells it (a year may be in Thai digits).

    The index of every key is built on the first question, so that locating thousands of
    violations reads the keys once rather than once per violation.
    """

    def __init__(self, document: Document) -> None:
        self._document = document
        self._index: dict[tuple[DataPath, str], DataPath] | None = None

    def get(self, path: DataPath) -> DataPath:
        if self._index is None:
            self._index = {}
            for written in self._document.keys:  # the first spelling wins, as in the file
                key = (written[:-1], arabic_digits(str(written[-1])).strip())
                self._index.setdefault(key, written)
        return self._index.get((path[:-1], str(path[-1])), path)


# The errors that name a year written twice, located at the second spelling of the year.
_DUPLICATE_YEARS = frozenset({"duplicate_year", "duplicate_budget_year"})


def _describe(value: Any) -> str:
    if value is None:
        return tr("an empty value")
    if isinstance(value, dict):
        return tr("a mapping")
    if isinstance(value, list):
        return tr("a list")
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _message(kind: str, item: Any, path: DataPath, *, at_key: bool, model: type[BaseModel]) -> str:
    """A pydantic error in words, by its type and context (never by pydantic's English
    wording, which is shown only for a type not foreseen here)."""
    found = _describe(item.get("input"))
    ctx = item.get("ctx") or {}
    custom = USER_ERRORS.get(kind)
    if custom is not None:
        return tr(custom.template, **{"found": found, **ctx})
    if kind == "missing":
        return tr("required, but missing; add '{key}:'", key=path[-1])
    if kind == "string_type":
        if item.get("input") is None:
            if _optional(path, model):
                return tr("is empty; write the text, or remove the key: it is optional")
            return tr("is empty; write the text")
        if isinstance(item.get("input"), dict) and len(item["input"]) == 1:
            # key: Corruption Perception Index : CPI -- a colon and a space made a mapping.
            [(inner, rest)] = item["input"].items()
            return tr(
                "expected text, found a mapping ({key}: ...): text that holds ': ' must be put "
                'in quotes, e.g. "{inner}: {rest}"',
                key=repr(inner),
                inner=inner,
                rest=rest or "",
            )
        return tr("expected text, found {found}", found=found)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        if not path:
            return tr(
                "a plan is a mapping of keys (schema_version, organization, fiscal_years, ...); "
                "this file holds {found}",
                found=found,
            )
        return tr("expected a mapping of keys and values, found {found}", found=found)
    if kind == "list_type":
        return tr(
            "expected a list (one item per line, starting with '- '), found {found}", found=found
        )
    if at_key and kind == "int_parsing":
        return tr(
            "{found} is not a fiscal year; write each target under its B.E. year, "
            "e.g. '2562: ร้อยละ 80' (check the indentation)",
            found=found,
        )
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return tr("expected a whole number such as 2562, found {found}", found=found)
    if kind in ("float_parsing", "float_type"):
        return tr("expected a number such as 2.5, found {found}", found=found)
    if kind == "literal_error" and path == ("schema_version",):
        return tr(
            "this version of anticorrupt-plan reads schema_version {version}, found "
            "{found}; write 'schema_version: {version}' or upgrade the tool",
            version=SCHEMA_VERSION,
            found=found,
        )
    if kind in ("literal_error", "enum"):
        choices = _choices(path, model)
        expected = ", ".join(map(repr, choices)) if choices else ctx.get("expected", "")
        return tr("must be one of {expected}; found {found}", expected=expected, found=found)
    if kind == "too_short":
        return tr_n(
            "needs at least {count} item", "needs at least {count} items", ctx.get("min_length", 1)
        )
    if kind == "string_too_short":
        return tr("must not be empty")
    if kind in ("string_too_long", "too_long"):
        return tr_n(
            "is longer than {count} character",
            "is longer than {count} characters",
            ctx.get("max_length", 0),
        )
    if kind in ("greater_than_equal", "greater_than"):
        limit = ctx.get("ge", ctx.get("gt"))
        return tr("must be at least {limit}; found {found}", limit=limit, found=found)
    if kind in ("less_than_equal", "less_than"):
        limit = ctx.get("le", ctx.get("lt"))
        return tr("must be at most {limit}; found {found}", limit=limit, found=found)
    if kind == "multiple_of":
        return tr(
            "must be a multiple of {step}; found {found}", step=ctx.get("multiple_of"), found=found
        )
    if kind == "string_pattern_mismatch":
        if path and path[-1] == "id":
            return tr(
                "{found} is not a valid id: use letters, digits, '-', '_' and '.'", found=found
            )
        if path[:1] == ("checks",):
            return tr(
                "{found} is not a rule id: rule ids are written in capitals, e.g. DOUBLE-SPACE "
                "('plan check --list-rules' lists them)",
                found=found,
            )
        return tr(
            "{found} is not written as this value must be ({pattern})",
            found=found,
            pattern=ctx.get("pattern", ""),
        )
    return str(item["msg"])


def _choices(path: DataPath, model: type[BaseModel]) -> tuple[str, ...]:
    """The values a Literal or an Enum field at ``path`` allows, as the plan writes them."""
    parent = _model_at(path[:-1], model) if path else None
    field = parent.model_fields.get(str(path[-1])) if parent is not None else None
    if field is None:
        return ()
    annotation = _unwrap(field.annotation)
    if get_origin(annotation) is Literal:
        return tuple(str(arg) for arg in get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return tuple(str(member.value) for member in annotation)
    return ()


def _optional(path: DataPath, model: type[BaseModel]) -> bool:
    """Whether the key at ``path`` may be left out (a list's item is not a key)."""
    parent = _model_at(path[:-1], model) if path else None
    field = parent.model_fields.get(str(path[-1])) if parent is not None else None
    return field is not None and not field.is_required()


def _allowed(parent: DataPath, model: type[BaseModel]) -> tuple[str, ...]:
    """The keys the mapping at ``parent`` takes."""
    fields = _model_at(parent, model)
    return tuple(fields.model_fields) if fields is not None else ()


# A Thai key this many characters long or more may name a field by the start of its term
# (ยุทธศาสตร์ชาติ for ยุทธศาสตร์ชาติว่าด้วยการป้องกันและปราบปรามการทุจริต).
MIN_TERM_PREFIX = 4


def _suggest(key: str, parent: DataPath, model: type[BaseModel]) -> str | None:
    """The field the user most likely meant, by spelling or by the Thai term it stands for."""
    fields = _model_at(parent, model)
    if fields is None:
        return None
    names = list(fields.model_fields)
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
    if close:
        return close[0]
    term = key.strip()
    if term.isascii():
        return None
    # A Thai key: compare it with the Thai term that starts each field's description.
    terms = {
        info.description.split(" (")[0]: name
        for name, info in fields.model_fields.items()
        if info.description
    }
    close = difflib.get_close_matches(term, list(terms), n=1, cutoff=0.6)
    if close:
        return terms[close[0]]
    starting = [name for thai, name in terms.items() if len(term) >= MIN_TERM_PREFIX
                and (thai.startswith(term) or term.startswith(thai))]  # fmt: skip
    return starting[0] if len(starting) == 1 else None


def _model_at(path: DataPath, model: type[BaseModel]) -> type[BaseModel] | None:
    """The model class that validates the value at ``path``, if that value is a model."""
    annotation: Any = model
    for part in path:
        annotation = _unwrap(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(str(part))
            if field is None:
                return None
            annotation = field.annotation
        else:  # a list or a dict: step to the type of its items
            args = get_args(annotation)
            if not args:
                return None
            annotation = args[-1]
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _unwrap(annotation: Any) -> Any:
    """Strip ``Annotated[...]`` and ``X | None`` down to the type inside."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            inner = [a for a in get_args(annotation) if a is not type(None)]
            annotation = inner[0]
        else:
            return annotation
