"""Read plan YAML into plain data plus the source position of every key and value.

This is the only module that imports yaml. It builds the data from parser events itself
rather than through PyYAML's constructors, so that it can refuse what a plan never needs
(duplicate keys, anchors and aliases, tags) and so that no YAML 1.1 type guessing happens:
every scalar is text, except an empty or ``null``/``~`` plain scalar, which is None. The
schema decides what a text means (a year, a date), so ``no`` stays the word "no".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any, NamedTuple

import yaml

from anticorrupt_plan.core.errors import (
    MAX_LISTED,
    AliasError,
    DataPath,
    DuplicateKeyError,
    LocatedError,
    Location,
    PlanInvalid,
    SchemaError,
    TagError,
    YamlSyntaxError,
)
from anticorrupt_plan.core.i18n import mark, tr

# A plan nests about eight levels deep; anything far deeper is a mistake or an attack, and
# refusing it keeps the recursive builder clear of Python's recursion limit.
MAX_DEPTH = 64

# The work every later step does grows with the number of values and the length of each
# text, not with the bytes of the file (two bytes, "a,", make a value), so both are bounded
# while the file is read, and reading stops at the first value past a limit.
#
# Values: keys, texts, lists and mappings. The repository's plan has 390, a generated
# 1,000-measure plan 29,000, a province's consolidated plan (a hundred organizations' plans
# in one) some tens of thousands; the 10,000-measure plan of `make bench` has 290,000.
MAX_VALUES = 300_000
# Characters in one key or text. The longest paragraph of the repository's plan has 1,937;
# 10,000 is four A4 pages in one paragraph. Some checks read a text more than once.
MAX_TEXT = 10_000
# Characters in all keys and texts together, which the checks read one by one: the
# repository's plan has 12,000, a hundred such plans 1.1 million, the 10,000-measure plan
# 4.6 million. Without this, 16 MB of one-byte characters would be 16 million.
MAX_CHARACTERS = 5_000_000

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_ALLOWED_TAGS = frozenset(
    {"tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
)

try:  # libyaml's parser is several times faster; the pure-Python one gives the same events.
    _Parser: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Parser = yaml.SafeLoader


class Span(NamedTuple):  # one per key and value: a tuple is the quickest to make
    """Where a scalar or collection sits in the source: 1-based start and end, and its style.

    ``style`` is one of ``' " | >`` for a quoted or block scalar, and None for a plain scalar
    or a collection.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    style: str | None = None


@dataclass(frozen=True)
class Document:
    """A loaded plan file: its data, its text, and where each part of the data came from."""

    file: str
    text: str
    data: Any
    values: dict[DataPath, Span] = field(repr=False)
    keys: dict[DataPath, Span] = field(repr=False)
    # What the YAML holds that a plan may not (duplicate keys, aliases, tags). The data is
    # still built around them, so that the schema can report the rest in the same run.
    # The first MAX_LISTED are kept; ``more_problems`` counts the others.
    problems: tuple[LocatedError, ...] = ()
    more_problems: int = 0
    # Where an alias stood: its value was dropped, so the schema need not say it is missing.
    dropped: frozenset[DataPath] = frozenset()

    def value_location(self, path: DataPath) -> Location:
        """Where the value at ``path`` starts, or its nearest ancestor that exists."""
        return self._locate(path, prefer_key=False)

    def key_location(self, path: DataPath) -> Location:
        """Where the key that names ``path`` starts (for list items: where the item starts)."""
        return self._locate(path, prefer_key=True)

    def _locate(self, path: DataPath, *, prefer_key: bool) -> Location:
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            first, second = (self.keys, self.values) if prefer_key else (self.values, self.keys)
            span = first.get(prefix) or second.get(prefix)
            if span is not None:
                return Location(self.file, span.line, span.column)
        return Location(self.file, 1, 1)


def load(text: str, *, file: str) -> Document:
    """Parse ``text`` (the content of ``file``) into a Document.

    Raises PlanInvalid when the text is not YAML at all; YAML that a plan may not use is
    listed in ``Document.problems``.
    """
    builder = _Builder(file)
    try:
        data = builder.build(yaml.parse(text, Loader=_Parser))
    except yaml.MarkedYAMLError as error:
        raise PlanInvalid([_syntax_error(error, text, file)]) from error
    except yaml.reader.ReaderError as error:
        # libyaml counts the position in bytes; find the character in the text instead.
        found = _NON_PRINTABLE.search(text)
        line, column = _line_column(text, found.start() if found else error.position)
        code = f"U+{ord(found.group()) if found else error.character:04X}"
        problem = tr(
            "a control character ({code}) that YAML cannot hold; delete it (it usually "
            "comes from pasting out of another program)",
            code=code,
        )
        raise PlanInvalid(
            [YamlSyntaxError(location=Location(file, line, column), problem=problem)]
        ) from error
    except yaml.YAMLError as error:  # any other parser complaint, without a mark
        raise PlanInvalid(
            [YamlSyntaxError(location=Location(file, 1, 1), problem=str(error))]
        ) from error
    return Document(
        file=file,
        text=text,
        data=data,
        values=builder.values,
        keys=builder.keys,
        problems=tuple(builder.reading.problems),
        more_problems=builder.reading.more,
        dropped=frozenset(builder.reading.dropped),
    )


# What YAML's reader refuses (the YAML 1.1 printable set, as PyYAML's reader has it).
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def _line_column(text: str, index: int) -> tuple[int, int]:
    lines = _YAML_LINE_BREAK.split(text[:index])
    return len(lines), len(lines[-1]) + 1


# The characters YAML counts as line breaks when it numbers lines.
_YAML_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_TAB = mark("a tab character; YAML indents with spaces only, so replace the tab with spaces")
_COLON = mark("unexpected ':'; put text that contains ': ' in quotes, or check the indentation")
# PyYAML words its complaints in English and gives them no code: the usual ones are
# translated by their wording, the rest shown as PyYAML writes them.
_PYYAML_PROBLEMS = frozenset(
    (
        mark("could not find expected ':'"),
        mark("did not find expected key"),
        mark("did not find expected '-' indicator"),
        mark("did not find expected node content"),
        mark("did not find expected ',' or ']'"),
        mark("did not find expected ',' or '}}'"),
        mark("found unexpected end of stream"),
        mark("found character that cannot start any token"),
        mark("found undefined tag handle"),
        mark("while parsing a block mapping"),
        mark("while parsing a block collection"),
        mark("while parsing a flow sequence"),
        mark("while parsing a flow mapping"),
        mark("while scanning a simple key"),
        mark("while scanning a quoted scalar"),
        mark("while scanning a plain scalar"),
        mark("while parsing a block node"),
    )
)


_NO_COLON = mark(
    "this line has no ':' after its key; write the key, ':' and a space, then the value"
)
_NO_SPACE = mark("write a space after ':' (key: value)")
_LESS_INDENTED = mark(
    "this line is indented {found} (in spaces), less than the lines around it ({expected}): "
    "the keys of one group line up under each other"
)
_UNALIGNED = mark(
    "this line is indented {found} and the key above it {above} (in spaces): the keys of one "
    "group line up under each other, so indent them alike (a key under another is indented "
    "more)"
)
# PyYAML's complaints where a key stands at an indentation its group does not have.
_INDENTATION_PROBLEMS = (
    "did not find expected key",
    "expected <block end>",
    "mapping values are not allowed",
)
_KEY_LINE = re.compile(r"\s*[^\s#\-][^:]*:(\s|$)")  # "  name: value", not a list item


def _missing_colon(
    error: yaml.MarkedYAMLError, lines: list[str], line: int
) -> tuple[tuple[int, int], str] | None:
    """The line whose key lacks its ':' (or the space after it), where PyYAML complains only
    at the next key: such a line reads as text that runs on into the next line."""
    if error.problem == "could not find expected ':'" and error.context_mark is not None:
        start = error.context_mark
        return (start.line + 1, start.column + 1), tr(_NO_COLON)
    if not (error.problem or "").startswith("mapping values are not allowed"):
        return None
    before = [n for n in range(line - 1, 0, -1) if lines[n - 1].strip()]
    if not before or lines[before[0] - 1].lstrip().startswith("#"):
        return None
    previous = lines[before[0] - 1]
    indent = len(previous) - len(previous.lstrip())
    if indent != len(lines[line - 1]) - len(lines[line - 1].lstrip()) or ": " in previous:
        return None
    glued = re.search(r"[^\s:]:(?=\S)", previous)
    if glued is not None:
        return (before[0], glued.end()), tr(_NO_SPACE)  # at the colon
    if previous.rstrip().endswith(":"):
        return None
    return (before[0], indent + 1), tr(_NO_COLON)


def _indentation_slip(
    error: yaml.MarkedYAMLError, lines: list[str], line: int
) -> tuple[tuple[int, int], str] | None:
    """The line whose indentation puts a key out of its group, where PyYAML complains that
    it found no key: a line indented less than the keys around it (PyYAML stumbles on the
    next one), or a key indented unlike the key above it."""
    if not (error.problem or "").startswith(_INDENTATION_PROBLEMS):
        return None
    above = [  # the lines above, comments and blank lines left out
        n for n in range(line - 1, 0, -1) if lines[n - 1].strip() and lines[n - 1].strip()[0] != "#"
    ][:2]
    keys = [n for n in (line, *above) if _KEY_LINE.match(lines[n - 1])]
    if len(keys) < 2 or keys[:2] != [line, above[0]]:
        return None  # not a key under a key (a list item, text): PyYAML's words stand
    here, before = _indent(lines[line - 1]), _indent(lines[above[0] - 1])
    if here == before or (here > before and lines[above[0] - 1].rstrip().endswith(":")):
        return None  # keys of one group, or the first key of the group the key above opens
    if len(keys) == 3 and before < here == _indent(lines[above[1] - 1]):
        return (above[0], before + 1), tr(_LESS_INDENTED, found=before, expected=here)
    return (line, here + 1), tr(_UNALIGNED, found=here, above=before)


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _pyyaml(problem: str) -> str:
    """PyYAML's wording of a problem, translated where the catalogue knows it."""
    template = problem.replace("{", "{{").replace("}", "}}")
    return tr(template) if template in _PYYAML_PROBLEMS else problem


def _syntax_error(error: yaml.MarkedYAMLError, text: str, file: str) -> YamlSyntaxError:
    """The parser's complaint, reworded where PyYAML's wording puzzles a non-specialist."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    lines = _YAML_LINE_BREAK.split(text)
    if line > len(lines):  # at the end of a file without a final newline: its last character
        line, column = len(lines), len(lines[-1]) + 1
    problem = (error.problem or error.context or "").strip()
    opened = _unclosed_quote(lines[:line])
    if opened is not None:  # the likely cause, though the parser stumbles only later
        quote_line, quote_column = opened
        if line >= len(lines) - 1:
            problem = tr(
                "this quote is not closed on its line, so what follows is read as part of the "
                "text until the parser fails at the end of the file; close the quote"
            )
        else:
            problem = tr(
                "this quote is not closed on its line, so what follows is read as part of the "
                "text until the parser fails at line {line}; close the quote",
                line=line,
            )
        return YamlSyntaxError(location=Location(file, quote_line, quote_column), problem=problem)
    slip = _missing_colon(error, lines, line) or _indentation_slip(error, lines, line)
    if slip is not None:
        (line, column), problem = slip
    elif "tab" in problem or (mark is not None and text[mark.index : mark.index + 1] == "\t"):
        problem = tr(_TAB)
    elif problem.startswith("mapping values are not allowed"):
        problem = tr(_COLON)
    elif not problem:
        problem = tr("not valid YAML")
    elif error.context and error.problem:
        problem = f"{_pyyaml(problem)} ({_pyyaml(error.context.strip())})"
    else:
        problem = _pyyaml(problem)
    return YamlSyntaxError(location=Location(file, line, column), problem=problem)


# A value that opens with a quote, after "key: " or "- ".
_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+|[^\s#'"][^#]*?:\s+)(?P<quote>["'])""")


def _unclosed_quote(lines: list[str]) -> tuple[int, int] | None:
    """Line and column of the last value in ``lines`` whose opening quote its line never closes.

    A plan writes each text on one line, so a quote left open is the usual reason for a
    syntax error some lines further down.
    """
    for number in range(len(lines), 0, -1):
        match = _QUOTED_VALUE.match(lines[number - 1])
        if not match:
            continue
        quote, start = match.group("quote"), match.end()
        rest = lines[number - 1][start:]
        if quote == '"':
            closed = re.search(r'(?<!\\)(?:\\\\)*"', rest) is not None
        else:
            closed = re.search(r"'(?!')", rest.replace("''", "")) is not None
        return None if closed else (number, start)
    return None


def _span(event: Any) -> Span:
    start, end = event.start_mark, event.end_mark
    style = getattr(event, "style", None) or None
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1, style)


class _Reading:
    """What reading a file has found so far: shared by a builder and the builders it starts
    for repeated keys, so that no way of writing the YAML reads more than the limit."""

    def __init__(self) -> None:
        self.left = MAX_VALUES  # values still to read
        self.characters = MAX_CHARACTERS  # characters of keys and texts still to read
        self.problems: list[LocatedError] = []
        self.more = 0  # problems found past the first MAX_LISTED, counted only
        self.dropped: list[DataPath] = []


class _Builder:
    """Turns a stream of parser events into plain data, recording positions and problems."""

    def __init__(self, file: str, reading: _Reading | None = None) -> None:
        self.file = file
        self.values: dict[DataPath, Span] = {}
        self.keys: dict[DataPath, Span] = {}
        self.reading = reading or _Reading()

    def _problem(self, problem: Callable[[], LocatedError]) -> None:
        """Record the problem that ``problem()`` words, or once enough are listed, only count
        it: wording and locating are the costly part of a problem."""
        if len(self.reading.problems) < MAX_LISTED:
            self.reading.problems.append(problem())
        else:
            self.reading.more += 1

    def _count(self, event: Any, path: DataPath) -> None:
        """Count one value read; stop reading with every problem so far at one too many."""
        self.reading.left -= 1
        if self.reading.left < 0:
            message = tr(
                "the file holds more than {limit:,} values (keys, texts, lists and "
                "mappings); a plan is far smaller (a 1,000-measure plan has about 29,000), "
                "so nothing more is read",
                limit=MAX_VALUES,
            )
        elif not isinstance(event, yaml.ScalarEvent):
            return
        elif len(event.value) > MAX_TEXT:
            message = tr(
                "a text of {length:,} characters; one key or text holds at most "
                "{limit:,} (four pages): split it into paragraphs",
                length=len(event.value),
                limit=MAX_TEXT,
            )
        else:
            self.reading.characters -= len(event.value)
            if self.reading.characters >= 0:
                return
            message = tr(
                "the file's keys and texts hold more than {limit:,} characters; "
                "a plan is far shorter (a 1,000-measure plan has about 460,000), so nothing "
                "more is read",
                limit=MAX_CHARACTERS,
            )
        error = SchemaError(location=self._where(event), path=path, message=message)
        # Listed whatever came before it: it says why reading stopped.
        before = self.reading.problems[: MAX_LISTED - 1]
        more = self.reading.more + len(self.reading.problems) - len(before)
        raise PlanInvalid([*before, error], more=more)

    def build(self, events: Iterator[Any]) -> Any:
        data: Any = None
        documents = 0
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents == 2:
                    self._problem(
                        partial(
                            SchemaError,
                            location=self._where(event),
                            path=(),
                            message=tr(
                                "a plan file holds one YAML document; remove this second "
                                "one (or the '---' line that starts it)"
                            ),
                        )
                    )
            elif isinstance(event, yaml.NodeEvent) and documents == 1:
                data = self._node(event, events, (), 0)
            elif isinstance(event, yaml.NodeEvent):  # read past it; its positions would clash
                self._count(event, ())
                self._skip(event, events, ())
        return data

    def _where(self, event: Any) -> Location:
        return Location(self.file, event.start_mark.line + 1, event.start_mark.column + 1)

    def _node(self, event: Any, events: Iterator[Any], path: DataPath, depth: int) -> Any:
        self._count(event, path)
        if isinstance(event, yaml.AliasEvent):
            self.reading.dropped.append(path)
            self._problem(
                partial(AliasError, location=self._where(event), path=path, replaced=True)
            )
            return None
        if event.anchor is not None:
            self._problem(
                partial(AliasError, location=self._where(event), path=path, replaced=False)
            )
        tag = event.tag
        if tag is not None and tag not in _ALLOWED_TAGS:
            self._problem(partial(TagError, location=self._where(event), path=path, tag=tag))
        if depth > MAX_DEPTH:
            self._problem(
                partial(
                    SchemaError,
                    location=self._where(event),
                    path=path,
                    message=tr(
                        "nested more than {limit} levels deep; a plan never is", limit=MAX_DEPTH
                    ),
                )
            )
            self._skip(event, events, path)
            return None
        self.values.setdefault(path, _span(event))
        if isinstance(event, yaml.ScalarEvent):
            return _scalar(event)
        if isinstance(event, yaml.SequenceStartEvent):
            return self._sequence(events, path, depth)
        return self._mapping(events, path, depth, flow=bool(event.flow_style))

    def _sequence(self, events: Iterator[Any], path: DataPath, depth: int) -> list[Any]:
        items: list[Any] = []
        for event in events:
            if isinstance(event, yaml.SequenceEndEvent):
                break
            items.append(self._node(event, events, (*path, len(items)), depth + 1))
        return items

    def _mapping(
        self, events: Iterator[Any], path: DataPath, depth: int, *, flow: bool
    ) -> dict[str, Any]:
        result: dict[str, Any] = {}
        last_key, last_value = "", None
        for key_event in events:
            if isinstance(key_event, yaml.MappingEndEvent):
                break
            key = self._key(key_event, events, path)
            value_event = next(events)
            if flow and _split_number(last_value, key, value_event):
                # {2561: 50,000}: YAML's comma between entries cut the number in two.
                self._problem(
                    partial(
                        SchemaError,
                        location=self._where(key_event),
                        path=path,
                        message=tr(
                            "in braces {{ }} a comma separates entries, so '{value},{key}' was "
                            "read as '{value}' and a key '{key}': write each entry on a line "
                            "of its own ('{last_key}: {value},{key}') or the number without "
                            "commas",
                            value=last_value,
                            key=key,
                            last_key=last_key,
                        ),
                    )
                )
                continue
            if key is None:
                self._node(value_event, events, (*path, "?"), depth + 1)
                continue
            child = (*path, key)
            if key in result:
                self._problem(
                    partial(
                        DuplicateKeyError,
                        location=self._where(key_event),
                        path=child,
                        key=key,
                        first=self.key_location(child),
                    )
                )
                # Read the repeated value so its own problems are reported, then drop it.
                shadow = _Builder(self.file, self.reading)
                shadow._node(value_event, events, child, depth + 1)
                continue
            self.keys[child] = _span(key_event)
            result[key] = last_value = self._node(value_event, events, child, depth + 1)
            last_key = key
        return result

    def key_location(self, path: DataPath) -> Location:
        span = self.keys[path]
        return Location(self.file, span.line, span.column)

    def _key(self, event: Any, events: Iterator[Any], path: DataPath) -> str | None:
        self._count(event, path)
        if isinstance(event, yaml.ScalarEvent) and event.anchor is None:
            value = _scalar(event)
            if value:
                return value
            message = tr("a key cannot be empty")
        elif isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            where = self._where(event)
            self._problem(partial(AliasError, location=where, path=(*path, "?"), replaced=True))
            if isinstance(event, yaml.CollectionStartEvent):
                self._skip(event, events, path)
            return None
        else:
            message = tr("a key must be plain text, not a list or mapping")
            self._skip(event, events, path)
        self._problem(partial(SchemaError, location=self._where(event), path=path, message=message))
        return None

    def _skip(self, event: Any, events: Iterator[Any], path: DataPath) -> None:
        """Consume the events of a collection whose start is ``event``, without building it
        (but counting its values)."""
        if not isinstance(event, yaml.CollectionStartEvent):
            return
        depth = 1
        for inner in events:
            if isinstance(inner, yaml.CollectionEndEvent):
                depth -= 1
                if depth == 0:
                    return
                continue
            self._count(inner, path)
            if isinstance(inner, yaml.CollectionStartEvent):
                depth += 1


_DIGITS = re.compile("[0-9\u0e50-\u0e59]+")


def _split_number(before: Any, key: str | None, value: Any) -> bool:
    """Whether ``key`` (with an empty ``value``) is the end of a number the entry before it
    began: ``50`` then ``000`` in ``{2561: 50,000}``."""
    return (
        isinstance(before, str)
        and _DIGITS.fullmatch(before) is not None
        and key is not None
        and len(key) == 3
        and _DIGITS.fullmatch(key) is not None
        and isinstance(value, yaml.ScalarEvent)
        and _scalar(value) is None
    )


def _scalar(event: Any) -> str | None:
    plain = event.implicit[0] and not event.style
    if plain and event.value in _NULLS:
        return None
    return str(event.value)
