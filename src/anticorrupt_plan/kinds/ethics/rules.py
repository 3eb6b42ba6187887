"""The rules of ``plan check``: what each one finds in a valid plan, and why it matters.

A rule reads the plan through a Context and yields Hits: the data path of the text, the
offsets of the offending characters in it (as the model holds the text, outer white space
stripped), a message and, where there is one, the correction. Turning offsets into lines
and columns, and applying the plan's check settings, is the job of ``checks``.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Any

from anticorrupt_plan.app.validate import ValidPlan
from anticorrupt_plan.common.organization import FiscalYears, OrganizationKind
from anticorrupt_plan.common.places import PROVINCES
from anticorrupt_plan.core.errors import DataPath, format_path
from anticorrupt_plan.core.textscan import (
    THAI_LETTERS,
    THAI_MARKS,
    Clustered,
    YearMention,
    differences,
    near_matches,
    year_mentions,
)
from anticorrupt_plan.core.thai import (
    THAI_DIGITS,
    arabic_digits,
    cluster_count,
    clusters,
    thai_digits,
)


class Severity(StrEnum):
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Hit:
    """One thing a rule found: where (a data path, and offsets in its text) and what."""

    path: DataPath
    message: str
    span: tuple[int, int] | None = None  # None: the value at ``path`` as a whole
    suggestion: str | None = None


@dataclass(frozen=True)
class Prose:
    """A free text of the plan: its path, the text as the model holds it, and the YAML value."""

    path: DataPath
    raw: str

    @cached_property
    def text(self) -> str:
        return self.raw.strip()  # as the model's Text type holds it

    @cached_property
    def lead(self) -> int:
        """How many characters of the YAML value come before ``text``."""
        return len(self.raw) - len(self.raw.lstrip())

    @cached_property
    def clustered(self) -> Clustered:
        return Clustered(self.text)

    @cached_property
    def years(self) -> list[YearMention]:
        return year_mentions(self.text)


# Values that are settings or identifiers rather than prose; everything else a plan holds as
# text is somebody's writing, and the text rules read it.
_NOT_PROSE_TOP = frozenset(
    {"schema_version", "digits", "organization", "fiscal_years", "checks", "layout"}
)
_NOT_PROSE = frozenset(
    {("announcement", "date"), ("announcement", "emblem"), ("amendment", "number"),
     ("amendment", "date")}
)  # fmt: skip


def _is_prose(path: DataPath) -> bool:
    if not path or path[0] in _NOT_PROSE_TOP:
        return False
    return path not in _NOT_PROSE and path[-1] != "id"


def _strings(data: Any, path: DataPath = ()) -> Iterator[tuple[DataPath, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))


class Context:
    """What the rules read: the valid plan, its prose, and indexes built once for all rules."""

    def __init__(self, valid: ValidPlan) -> None:
        self.valid = valid
        self.plan = valid.plan
        self.prose = [
            Prose(path, raw) for path, raw in _strings(valid.document.data) if _is_prose(path)
        ]
        self.by_path = {prose.path: prose for prose in self.prose}

    @cached_property
    def phrases(self) -> Counter[tuple[str, ...]]:
        """How often the prose writes each run of PHRASE clusters: the plan as its own
        dictionary."""
        runs: Counter[tuple[str, ...]] = Counter()
        for prose in self.prose:
            parts = prose.clustered.clusters
            runs.update(zip(*(parts[k:] for k in range(PHRASE)), strict=False))
        return runs

    def rows(self) -> Iterator[tuple[DataPath, dict[str, Any]]]:
        """Each matrix row's path and its data as written in the YAML."""
        for g, goal in enumerate(self.valid.document.data["goals"]):
            for m, measure in enumerate(goal["measures"]):
                for r, row in enumerate(measure["rows"]):
                    yield ("goals", g, "measures", m, "rows", r), row


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    rationale: str
    # None for the rule about the check settings themselves, which ``checks`` applies.
    find: Callable[[Context], Iterable[Hit]] | None


def _quote(text: str) -> str:
    return f"'{text}'" if text else "nothing"


# --- names -----------------------------------------------------------------------------------

# A name shorter than this matches too much ordinary text to be compared at all.
MIN_NAME_CLUSTERS = 3
# How far a written name may be from the declared one, by the name's length in clusters: a
# short name allows changed marks only (ตอน is one letter from ดอน, and a word), a middling
# one one edit (ทั้งสอง is two from ทุ่งทอง), a long one two.
SHORT_NAME_CLUSTERS = 5
LONG_NAME_CLUSTERS = 8


def _edits_allowed(name: Clustered) -> float:
    size = len(name.clusters)
    return 0.5 if size < SHORT_NAME_CLUSTERS else 1 if size < LONG_NAME_CLUSTERS else 2


_GAP = re.compile(r"[ \t]+")


def name_spelling(context: Context) -> Iterator[Hit]:
    organization = context.plan.organization
    declared = [
        (what, Clustered(value))
        for what, value in (
            ("name", organization.name),
            ("kind", organization.kind.value),
            ("district", organization.district),
            ("province", organization.province),
        )
        if value is not None and len(clusters(value)) >= MIN_NAME_CLUSTERS
    ]
    for prose in context.prose:
        found = {}
        for what, value in declared:
            found[what] = near_matches(prose.clustered, value, max_edits=_edits_allowed(value))
            for match in found[what]:
                if match.edits:
                    written = prose.text[match.start : match.end]
                    yield Hit(
                        prose.path,
                        f"'{written}' is a near miss of the organization's {what} '{value.text}'",
                        (match.start, match.end),
                        value.text,
                    )
        name_ends = {match.start: match.end for match in found.get("name", [])}
        for kind in found.get("kind", []):
            gap = _GAP.match(prose.text, kind.end)
            if gap and gap.end() in name_ends:
                written = prose.text[kind.start : name_ends[gap.end()]]
                yield Hit(
                    prose.path,
                    f"a space splits the organization's full name in '{written}'; remove it",
                    gap.span(),
                )


_PROVINCE = re.compile(
    "จังหวัด[ \t]?(?P<province>"
    + "|".join(sorted(PROVINCES, key=len, reverse=True))  # the longest name that fits
    + ")"
)


def other_organization(context: Context) -> Iterator[Hit]:
    """Another kind of organization, or another province, named in the text: what is left
    of a plan copied from another organization."""
    organization = context.plan.organization
    ours = organization.kind.value
    others = [kind.value for kind in OrganizationKind if kind.value != ours]
    for prose in context.prose:
        for kind in others:
            for match in re.finditer(kind, prose.text):
                yield Hit(
                    prose.path,
                    f"'{kind}' is another kind of organization: this plan is "
                    f"{organization.full_name}'s; left in from a copied plan?",
                    match.span(),
                    ours,
                )
        for match in _PROVINCE.finditer(prose.text):
            province = match.group("province")
            if province != organization.province:
                yield Hit(
                    prose.path,
                    f"'{match.group()}' names another province: this plan is "
                    f"{organization.full_name}'s, in จังหวัด{organization.province}; left in "
                    "from a copied plan?",
                    match.span("province"),
                    organization.province,
                )


# --- years -----------------------------------------------------------------------------------


def _range_as_written(written: str, years: FiscalYears) -> str:
    """``written`` (a year range) with the plan's years in its place, in the same digits."""
    show = thai_digits if written[0] in THAI_DIGITS else str
    return f"{show(str(years.first))}{written[4:-4]}{show(str(years.last))}"


def fiscal_years(context: Context) -> Iterator[Hit]:
    years = context.plan.fiscal_years
    for prose in context.prose:
        for mention in prose.years:
            own = (mention.first, mention.last) == (years.first, years.last)
            if mention.is_range and mention.cue == "own" and not own:
                written = prose.text[mention.start : mention.end]
                yield Hit(
                    prose.path,
                    f"gives the plan's period as {mention.first}-{mention.last}, but its fiscal "
                    f"years are {years.first}-{years.last}",
                    (mention.start, mention.end),
                    _range_as_written(written, years),
                )


def other_years(context: Context) -> Iterator[Hit]:
    years = context.plan.fiscal_years
    length = years.last - years.first
    for prose in context.prose:
        for mention in prose.years:
            span = (mention.start, mention.end)
            if mention.is_range and mention.cue is None:
                shifted = mention.first - years.first
                if mention.last - mention.first == length and 0 < abs(shifted) <= length + 1:
                    yield Hit(
                        prose.path,
                        f"{mention.first}-{mention.last} is as long as the plan's fiscal years "
                        f"{years.first}-{years.last} but shifted by {shifted:+d}; if it means "
                        "the plan's period, correct it",
                        span,
                        _range_as_written(prose.text[mention.start : mention.end], years),
                    )
            elif (
                mention.cue == "own"
                and not mention.is_range
                and not years.first <= mention.first <= years.last
            ):
                yield Hit(
                    prose.path,
                    f"fiscal year {mention.first} is outside the plan's fiscal years "
                    f"{years.first}-{years.last}",
                    span,
                )


# --- the same thing named two ways -----------------------------------------------------------

# Two names at least this similar (difflib's ratio over clusters) but not equal are taken to
# be one thing written two ways. Different national strategies score about 0.6 against
# each other; a paraphrase of one strategy, or a title with a word added, about 0.9.
NEAR_SAME = 0.8


def _similarity(a: Prose, b: Prose) -> float:
    matcher = difflib.SequenceMatcher(None, a.clustered.clusters, b.clustered.clusters, False)
    return matcher.ratio() if matcher.quick_ratio() >= NEAR_SAME else 0.0


def named_two_ways(context: Context) -> Iterator[Hit]:
    pairs: list[tuple[DataPath, DataPath, str]] = []
    if context.plan.announcement.subject is not None:
        pairs.append((("announcement", "subject"), ("title",), "the plan"))
    national = [p for p in context.prose if p.path[:2] == ("national_strategy", "strategies")]
    for g in range(len(context.plan.goals)):
        strategy = context.by_path[("goals", g, "strategy")]
        scored = [(_similarity(strategy, other), other.path) for other in national]
        if scored:
            pairs.append((strategy.path, max(scored)[1], "the strategy"))
    for path, other_path, what in pairs:
        this, other = context.by_path[path], context.by_path[other_path]
        # One text inside the other is a deliberate extension, not a slip.
        if this.text in other.text or other.text in this.text:
            continue
        if _similarity(this, other) < NEAR_SAME:
            continue
        found = differences(this.text, other.text)
        start, end, other_start, other_end = found[0]
        more = f" (and {len(found) - 1} more differences)" if len(found) > 1 else ""
        yield Hit(
            path,
            f"names {what} almost as {format_path(other_path)} does: "
            f"{_quote(this.text[start:end])} where that has "
            f"{_quote(other.text[other_start:other_end])}{more}; if they are one, write them "
            "the same",
            (start, end),
        )


# --- text slips ------------------------------------------------------------------------------

_WORD_CHAR = f"[{THAI_LETTERS}A-Za-z]"
_NOT_MARK = f"(?![{THAI_MARKS}])"
# A word (at a word start) written twice: side by side, across a space, or across และ/หรือ.
_DOUBLED_WORD = re.compile(
    rf"(?<![^\s\"'“‘(\[/])(?P<word>{_WORD_CHAR}{{2,30}}?){_NOT_MARK}"
    rf"(?P<between>\s*(?:และ|หรือ)?\s*)(?P=word){_NOT_MARK}"
)
_DOUBLED_MARK = re.compile(f"([{THAI_MARKS}])\\1")
_DOUBLED_E = re.compile("เเ")
# Runs of this many clusters serve as the plan's own dictionary (see Context.phrases).
PHRASE = 6


def doubled(context: Context) -> Iterator[Hit]:
    for prose in context.prose:
        text = prose.text
        hits = [
            Hit(
                prose.path,
                f"'{match.group('word')}' is written twice: '{match.group()}'",
                match.span(),
                match.group("word") if not match.group("between").strip() else None,
            )
            for match in _DOUBLED_WORD.finditer(text)
            if len(clusters(match.group("word"))) >= (2 if match.group("between") else 3)
        ]
        yield from hits
        starts = prose.clustered.starts
        for index, cluster in enumerate(prose.clustered.clusters):
            mark = _DOUBLED_MARK.search(cluster)
            if mark:
                yield Hit(
                    prose.path,
                    f"the mark '{mark.group(1)}' is typed twice on '{cluster[0]}'",
                    (starts[index], starts[index + 1]),
                    _DOUBLED_MARK.sub(r"\1", cluster),
                )
        for match in _DOUBLED_E.finditer(text):
            yield Hit(
                prose.path,
                "two เ (sara e) typed where แ (sara ae) is meant",
                match.span(),
                "แ",
            )
        yield from _doubled_runs(prose, [hit.span for hit in hits if hit.span])
        yield from _doubled_letters(context, prose)


# Short words that are never right twice in a row; a longer run typed twice is a slip however
# short its words (การการ is right in กรรมการการเลือกตั้ง, so short runs need this list).
# (ที่ที่ and ของของ can be right, so they are not listed.)
_NEVER_TWICE = frozenset({"และ", "หรือ", "ใน", "ให้", "เพื่อ", "จาก", "กับ", "โดย"})
MIN_DOUBLED_RUN = 4  # clusters


# A run of 2 to 12 clusters typed twice with nothing between: a Thai letter and its marks,
# then further clusters, then the same run again, ending where a cluster ends. Shortest run
# first: most places fail at once that way, and the check stays quick on a long plan.
_CLUSTER = f"[^{THAI_MARKS}\u0e33][{THAI_MARKS}\u0e33]*"
_DOUBLED_RUN = re.compile(
    f"(?P<run>[\u0e01-\u0e2e\u0e40-\u0e44][{THAI_MARKS}\u0e33]*(?:{_CLUSTER}){{1,11}}?)"
    f"(?P=run)(?![{THAI_MARKS}\u0e33])"
)


def _doubled_runs(prose: Prose, found: list[tuple[int, int]]) -> Iterator[Hit]:
    """A run of clusters typed twice with nothing between (พัฒนาบุคลากรบุคลากรให้มี): Thai puts
    no space between words, so a doubled word need not stand apart."""
    for match in _DOUBLED_RUN.finditer(prose.text):
        word = match.group("run")
        span = match.span()
        if any(a < span[1] and span[0] < b for a, b in found):
            continue
        if cluster_count(word) >= MIN_DOUBLED_RUN or word in _NEVER_TWICE:
            yield Hit(prose.path, f"'{word}' is written twice: '{word}{word}'", span, word)


def _doubled_letters(context: Context, prose: Prose) -> Iterator[Hit]:
    """A letter typed twice (ทุกกระดับ), told from a word that ends with the letter the next
    one starts with (จากการ, ระบบบริหาร) by what the plan writes elsewhere: the same words
    with the letter once, and never the words that would start at its second copy."""
    parts = prose.clustered.clusters
    starts = prose.clustered.starts
    for i in range(1, len(parts) - PHRASE):
        letter = parts[i]
        if (
            letter != parts[i + 1]
            or not "ก" <= letter <= "ฮ"
            or letter in (parts[i - 1], parts[i + 2])
        ):
            continue
        once = (parts[i - 1], letter, *parts[i + 2 : i + PHRASE])
        second = tuple(parts[i + 1 : i + 1 + PHRASE])
        if context.phrases[once] and context.phrases[second] < 2:
            written = prose.text[starts[i - 1] : starts[i + PHRASE]]
            yield Hit(
                prose.path,
                f"'{letter}' is typed twice in '{written}'; elsewhere the plan writes "
                f"'{''.join(once)}'",
                (starts[i], starts[i + 2]),
                letter,
            )


_PLACEHOLDER = re.compile(
    r"\.{3,}|…+|\?{2,}|_{3,}|(?<![A-Za-z])(?:[xX]{3,}|TODO|TBD|FIXME)(?![A-Za-z])"
)


def placeholder(context: Context) -> Iterator[Hit]:
    for prose in context.prose:
        for match in _PLACEHOLDER.finditer(prose.text):
            yield Hit(
                prose.path,
                f"placeholder '{match.group()}' where text is expected; write the text",
                match.span(),
            )


_SPACES = re.compile("[ \t\u00a0]{2,}")


def double_space(context: Context) -> Iterator[Hit]:
    for prose in context.prose:
        for match in _SPACES.finditer(prose.text):
            yield Hit(
                prose.path,
                f"{len(match.group())} spaces in a row; Thai text separates phrases by one",
                match.span(),
                " ",
            )


_THAI_NUMBER = re.compile("[\u0e50-\u0e59]+")
_ARABIC_NUMBER = re.compile("[0-9]+")


def mixed_digits(context: Context) -> Iterator[Hit]:
    thai = context.plan.digits == "thai"
    wanted, other = ("Thai", "Arabic") if thai else ("Arabic", "Thai")
    for prose in context.prose:
        odd = (_ARABIC_NUMBER if thai else _THAI_NUMBER).search(prose.text)
        if odd and (_THAI_NUMBER if thai else _ARABIC_NUMBER).search(prose.text):
            number = odd.group()
            yield Hit(
                prose.path,
                f"mixes {wanted} and {other} digits in one text; write '{number}' in {wanted} "
                "digits like the rest (the plan's digits setting)",
                odd.span(),
                thai_digits(number) if thai else arabic_digits(number),
            )


_LATIN_IN_THAI = re.compile(
    rf"(?<=[{THAI_LETTERS}])[A-Za-z]+(?=[{THAI_LETTERS}])"
    rf"|(?<=[{THAI_LETTERS}])[A-Za-z](?![A-Za-z])"
    rf"|(?<![A-Za-z])[A-Za-z](?=[{THAI_LETTERS}])"
)


def latin_in_thai(context: Context) -> Iterator[Hit]:
    for prose in context.prose:
        for match in _LATIN_IN_THAI.finditer(prose.text):
            start, end = match.span()
            word = prose.text[max(start - 3, 0) : end + 3]
            yield Hit(
                prose.path,
                f"Latin letter '{match.group()}' inside Thai text ('{word}'); "
                "it looks the same in print but breaks searching and sorting",
                match.span(),
            )


# --- targets ---------------------------------------------------------------------------------

_NUMBER = "[0-9\u0e50-\u0e59]+(?:\\.[0-9\u0e50-\u0e59]+)?"
_PERCENT = re.compile(rf"ร้อยละ\s*(?P<a>{_NUMBER})|(?P<b>{_NUMBER})\s*(?:%|เปอร์เซ็นต์)")
_ANY_NUMBER = re.compile(_NUMBER)
# Words that make a lower number the better target (but ไม่น้อยกว่า, "at least", does not).
_LOWER_IS_BETTER = re.compile("ไม่เกิน|ไม่มากกว่า|ลดลง|(?<!ไม่)น้อยกว่า|(?<!ไม่)ต่ำกว่า")


def _number(text: str) -> float:
    return float(arabic_digits(text))


def _target_texts(context: Context) -> Iterator[tuple[DataPath, list[tuple[int, Prose]]]]:
    """Each row's targets in fiscal-year order, as ``(year, prose)``."""
    for path, row in context.rows():
        targets = [
            (int(arabic_digits(str(key)).strip()), context.by_path[(*path, "targets", key)])
            for key in row["targets"]
        ]
        yield path, sorted(targets, key=lambda target: target[0])


def percent_over_100(context: Context) -> Iterator[Hit]:
    texts = [prose for _, targets in _target_texts(context) for _, prose in targets]
    texts += [
        context.by_path[("goals", g, "strategy_indicator")] for g in range(len(context.plan.goals))
    ]
    for prose in texts:
        for match in _PERCENT.finditer(prose.text):
            group = "a" if match.group("a") else "b"
            if _number(match.group(group)) > 100:
                yield Hit(
                    prose.path,
                    f"a percentage of {match.group(group)}, above 100",
                    match.span(group),
                )


def target_falls(context: Context) -> Iterator[Hit]:
    for _, targets in _target_texts(context):
        for (year, before), (next_year, after) in itertools.pairwise(targets):
            shape = _ANY_NUMBER.sub("#", before.text)
            if shape != _ANY_NUMBER.sub("#", after.text) or _LOWER_IS_BETTER.search(shape):
                continue
            numbers = zip(
                _ANY_NUMBER.finditer(before.text), _ANY_NUMBER.finditer(after.text), strict=True
            )
            # The first number that changes decides: ร้อยละ ๘๐ of ๒ to ร้อยละ ๙๐ of ๑ rises.
            changed = next(
                (
                    (old, new)
                    for old, new in numbers
                    if _number(old.group()) != _number(new.group())
                ),
                None,
            )
            if changed and _number(changed[1].group()) < _number(changed[0].group()):
                old, new = changed
                yield Hit(
                    after.path,
                    f"the target falls from {old.group()} in {year} "
                    f"to {new.group()} in {next_year}",
                    new.span(),
                )


def no_steps(context: Context) -> Iterator[Hit]:
    for path, row in context.rows():
        if not row.get("steps"):
            yield Hit(
                (*path, "steps"),
                "this row has no steps (แนวทางปฏิบัติ); list how its project is carried out",
            )


RULES: tuple[Rule, ...] = (
    Rule(
        "NAME-SPELLING",
        Severity.ERROR,
        "the organization's kind, name, district or province written one or two letters, "
        "vowels or tone marks off (องค์กร for องค์การ, ทุ้ง for ทุ่ง), or split by a space",
        name_spelling,
    ),
    Rule(
        "OTHER-ORGANIZATION",
        Severity.WARNING,
        "another kind of organization (เทศบาลตำบล in an อบต.'s plan) or another province named "
        "in the text, as happens when a plan is copied from another organization",
        other_organization,
    ),
    Rule(
        "FISCAL-YEARS",
        Severity.ERROR,
        "a year range introduced as the plan's own period (ประจำปี, ปีงบประมาณ) that is not "
        "the plan's fiscal years",
        fiscal_years,
    ),
    Rule(
        "OTHER-YEARS",
        Severity.WARNING,
        "a year range as long as the plan's but shifted, or a fiscal year outside the plan, "
        "with no words saying it is another period (ระยะที่, ยุทธศาสตร์ชาติ, แผนพัฒนา ...)",
        other_years,
    ),
    Rule(
        "NAMED-TWO-WAYS",
        Severity.WARNING,
        "the plan's title and the announcement's subject, or a matrix strategy and the national "
        "strategy it follows, nearly but not exactly the same",
        named_two_ways,
    ),
    Rule(
        "DOUBLED",
        Severity.WARNING,
        "a word typed twice (ปลุกและปลุก), a letter typed twice where the plan elsewhere writes "
        "it once (ทุกกระดับ), a tone mark typed twice, or เเ for แ",
        doubled,
    ),
    Rule(
        "PLACEHOLDER",
        Severity.ERROR,
        "placeholder text left in (....., …, ???, xxx, TODO) where the document needs words",
        placeholder,
    ),
    Rule(
        "DOUBLE-SPACE",
        Severity.WARNING,
        "two or more spaces in a row; a Thai document separates phrases by one space",
        double_space,
    ),
    Rule(
        "MIXED-DIGITS",
        Severity.WARNING,
        "Thai and Arabic digits in one text; write them all as the plan's digits setting says",
        mixed_digits,
    ),
    Rule(
        "LATIN-IN-THAI",
        Severity.WARNING,
        "a Latin letter inside or against a Thai word, usually a keyboard-layout slip",
        latin_in_thai,
    ),
    Rule(
        "PERCENT-OVER-100",
        Severity.ERROR,
        "a target or strategy indicator of more than ร้อยละ ๑๐๐ (100 per cent)",
        percent_over_100,
    ),
    Rule(
        "TARGET-FALLS",
        Severity.WARNING,
        "a row's target lower than the year before, though its wording does not ask for less "
        "(ไม่เกิน, ลดลง ...)",
        target_falls,
    ),
    Rule(
        "NO-STEPS",
        Severity.WARNING,
        "a matrix row with no steps (แนวทางปฏิบัติ): the plan says what, but not how",
        no_steps,
    ),
)
