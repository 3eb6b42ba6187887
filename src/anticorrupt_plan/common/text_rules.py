"""The check rules every kind shares: names, years and slips of typing in the prose."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from anticorrupt_plan.common.checking import PHRASE, Context, Hit, ProseText, Rule, Severity
from anticorrupt_plan.common.organization import FiscalYears, OrganizationKind
from anticorrupt_plan.common.places import PROVINCES
from anticorrupt_plan.core.i18n import mark, tr
from anticorrupt_plan.core.textscan import (
    THAI_LETTERS,
    THAI_MARKS,
    Clustered,
    near_matches_each,
)
from anticorrupt_plan.core.thai import (
    THAI_DIGITS,
    arabic_digits,
    cluster_count,
    clusters,
    thai_digits,
)

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
_NAME = mark("'{written}' is a near miss of the organization's name '{declared}'")
_KIND = mark("'{written}' is a near miss of the organization's kind '{declared}'")
_DISTRICT = mark("'{written}' is a near miss of the organization's district '{declared}'")
_PROVINCE_NAME = mark("'{written}' is a near miss of the organization's province '{declared}'")


def name_spelling(context: Context) -> Iterator[Hit]:
    organization = context.plan.organization
    declared = [
        (what, Clustered(value))
        for what, value in (
            (_NAME, organization.name),
            (_KIND, organization.kind.value),
            (_DISTRICT, organization.district),
            (_PROVINCE_NAME, organization.province),
        )
        if value is not None and len(clusters(value)) >= MIN_NAME_CLUSTERS
    ]
    texts = [prose.clustered for prose in context.prose]
    found_in = {
        what: near_matches_each(texts, value, max_edits=_edits_allowed(value))
        for what, value in declared
    }
    for index in sorted(set().union(*found_in.values())):
        prose = context.prose[index]
        found = {what: matches.get(index, []) for what, matches in found_in.items()}
        for what, value in declared:
            for match in found[what]:
                if match.edits:
                    written = prose.text[match.start : match.end]
                    yield Hit(
                        prose.path,
                        tr(what, written=written, declared=value.text),
                        (match.start, match.end),
                        value.text,
                    )
        name_ends = {match.start: match.end for match in found.get(_NAME, [])}
        for kind in found.get(_KIND, []):
            gap = _GAP.match(prose.text, kind.end)
            if gap and gap.end() in name_ends:
                written = prose.text[kind.start : name_ends[gap.end()]]
                yield Hit(
                    prose.path,
                    tr(
                        "a space splits the organization's full name in '{written}'; remove it",
                        written=written,
                    ),
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
                    tr(
                        "'{kind}' is another kind of organization: this plan is {name}'s; "
                        "left in from a copied plan?",
                        kind=kind,
                        name=organization.full_name,
                    ),
                    match.span(),
                    ours,
                )
        for match in _PROVINCE.finditer(prose.text):
            province = match.group("province")
            if province != organization.province:
                yield Hit(
                    prose.path,
                    tr(
                        "'{written}' names another province: this plan is {name}'s, in "
                        "จังหวัด{province}; left in from a copied plan?",
                        written=match.group(),
                        name=organization.full_name,
                        province=organization.province,
                    ),
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
            # A range within the plan's years is a part of them (a project's own period).
            inside = years.first <= mention.first <= mention.last <= years.last
            if mention.is_range and mention.cue == "own" and not inside:
                written = prose.text[mention.start : mention.end]
                yield Hit(
                    prose.path,
                    tr(
                        "gives the plan's period as {written_first}-{written_last}, but its "
                        "fiscal years are {first}-{last}",
                        written_first=mention.first,
                        written_last=mention.last,
                        first=years.first,
                        last=years.last,
                    ),
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
                        tr(
                            "{written_first}-{written_last} is as long as the plan's fiscal "
                            "years {first}-{last} but shifted by {shift:+d}; if it means the "
                            "plan's period, correct it",
                            written_first=mention.first,
                            written_last=mention.last,
                            first=years.first,
                            last=years.last,
                            shift=shifted,
                        ),
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
                    tr(
                        "fiscal year {year} is outside the plan's fiscal years {first}-{last}",
                        year=mention.first,
                        first=years.first,
                        last=years.last,
                    ),
                    span,
                )


# --- text slips ------------------------------------------------------------------------------

_WORD_CHAR = f"[{THAI_LETTERS}A-Za-z]"
_NOT_MARK = f"(?![{THAI_MARKS}])"
# A word (at a word start) written twice: side by side, across a space, or across และ/หรือ.
_DOUBLED_WORD = re.compile(
    rf"(?<![^\s\"'“‘(\[/])(?P<word>{_WORD_CHAR}{{2,30}}?){_NOT_MARK}"
    # One run of spaces, then the conjunction and its own spaces only if there is one: two
    # runs of optional spaces side by side would try every way of splitting a long gap.
    rf"(?P<between>\s*(?:(?:และ|หรือ)\s*)?)(?P=word){_NOT_MARK}"
)
_DOUBLED_MARK = re.compile(f"([{THAI_MARKS}])\\1")
_DOUBLED_E = re.compile("เเ")


def doubled(context: Context) -> Iterator[Hit]:
    for prose in context.prose:
        text = prose.text
        hits = [
            Hit(
                prose.path,
                tr(
                    "'{word}' is written twice: '{written}'",
                    word=match.group("word"),
                    written=match.group(),
                ),
                match.span(),
                match.group("word") if not match.group("between").strip() else None,
            )
            for match in _DOUBLED_WORD.finditer(text)
            if len(clusters(match.group("word"))) >= (2 if match.group("between") else 3)
        ]
        yield from hits
        starts = prose.clustered.starts
        marked = set()  # a mark typed twice is within one cluster: one finding for each
        for twice in _DOUBLED_MARK.finditer(text):
            index = bisect_right(starts, twice.start()) - 1
            if index not in marked:
                marked.add(index)
                cluster = prose.clustered.clusters[index]
                yield Hit(
                    prose.path,
                    tr(
                        "the mark '{mark}' is typed twice on '{letter}'",
                        mark=twice.group(1),
                        letter=cluster[0],
                    ),
                    (starts[index], starts[index + 1]),
                    _DOUBLED_MARK.sub(r"\1", cluster),
                )
        for match in _DOUBLED_E.finditer(text):
            yield Hit(
                prose.path,
                tr("two เ (sara e) typed where แ (sara ae) is meant"),
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


def _doubled_runs(prose: ProseText, found: list[tuple[int, int]]) -> Iterator[Hit]:
    """A run of clusters typed twice with nothing between (พัฒนาบุคลากรบุคลากรให้มี): Thai puts
    no space between words, so a doubled word need not stand apart."""
    for match in _DOUBLED_RUN.finditer(prose.text):
        word = match.group("run")
        span = match.span()
        if any(a < span[1] and span[0] < b for a, b in found):
            continue
        if cluster_count(word) >= MIN_DOUBLED_RUN or word in _NEVER_TWICE:
            message = tr("'{word}' is written twice: '{written}'", word=word, written=word + word)
            yield Hit(prose.path, message, span, word)


# A consonant with the same consonant next after no other letter: where a letter may be
# typed twice, found in one search of the text rather than a test at each of its clusters.
_SAME_LETTER_NEXT = re.compile("(?=([\u0e01-\u0e2e])[^\u0e01-\u0e2e]*\\1)")


def _doubled_letters(context: Context, prose: ProseText) -> Iterator[Hit]:
    """A letter typed twice (ทุกกระดับ), told from a word that ends with the letter the next
    one starts with (จากการ, ระบบบริหาร) by what the plan writes elsewhere: the same words
    with the letter once, and never the words that would start at its second copy."""
    parts = prose.clustered.clusters
    starts = prose.clustered.starts
    for candidate in _SAME_LETTER_NEXT.finditer(prose.text):
        i = bisect_left(starts, candidate.start())
        if not 1 <= i < len(parts) - PHRASE:
            continue
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
                tr(
                    "'{letter}' is typed twice in '{written}'; elsewhere the plan writes '{once}'",
                    letter=letter,
                    written=written,
                    once="".join(once),
                ),
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
                tr(
                    "placeholder '{written}' where text is expected; write the text",
                    written=match.group(),
                ),
                match.span(),
            )


_SPACES = re.compile("[ \t\u00a0]{2,}")


def double_space(context: Context) -> Iterator[Hit]:
    for prose in context.prose:
        for match in _SPACES.finditer(prose.text):
            yield Hit(
                prose.path,
                tr(
                    "{count} spaces in a row; Thai text separates phrases by one",
                    count=len(match.group()),
                ),
                match.span(),
                " ",
            )


_THAI_NUMBER = re.compile("[\u0e50-\u0e59]+")
_ARABIC_NUMBER = re.compile("[0-9]+")


def mixed_digits(context: Context) -> Iterator[Hit]:
    thai = context.plan.digits == "thai"
    for prose in context.prose:
        odd = (_ARABIC_NUMBER if thai else _THAI_NUMBER).search(prose.text)
        if odd and (_THAI_NUMBER if thai else _ARABIC_NUMBER).search(prose.text):
            number = odd.group()
            template = (
                mark(
                    "mixes Thai and Arabic digits in one text; write '{number}' in Thai digits "
                    "like the rest (the plan's digits setting)"
                )
                if thai
                else mark(
                    "mixes Arabic and Thai digits in one text; write '{number}' in Arabic "
                    "digits like the rest (the plan's digits setting)"
                )
            )
            yield Hit(
                prose.path,
                tr(template, number=number),
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
                tr(
                    "Latin letter '{letter}' inside Thai text ('{word}'); it looks the same in "
                    "print but breaks searching and sorting",
                    letter=match.group(),
                    word=word,
                ),
                match.span(),
            )


NAME_SPELLING = Rule(
    "NAME-SPELLING",
    Severity.ERROR,
    mark(
        "the organization's kind, name, district or province written one or two letters, "
        "vowels or tone marks off (องค์กร for องค์การ, ทุ้ง for ทุ่ง), or split by a space"
    ),
    name_spelling,
)
OTHER_ORGANIZATION = Rule(
    "OTHER-ORGANIZATION",
    Severity.WARNING,
    mark(
        "another kind of organization (เทศบาลตำบล in an อบต.'s plan) or another province named "
        "in the text, as happens when a plan is copied from another organization"
    ),
    other_organization,
)
FISCAL_YEARS = Rule(
    "FISCAL-YEARS",
    Severity.ERROR,
    mark(
        "a year range introduced as the plan's own period (ประจำปี, ปีงบประมาณ) that is not "
        "the plan's fiscal years"
    ),
    fiscal_years,
)
OTHER_YEARS = Rule(
    "OTHER-YEARS",
    Severity.WARNING,
    mark(
        "a year range as long as the plan's but shifted, or a fiscal year outside the plan, "
        "with no words saying it is another period (ระยะที่, ยุทธศาสตร์ชาติ, แผนพัฒนา ...)"
    ),
    other_years,
)
DOUBLED = Rule(
    "DOUBLED",
    Severity.WARNING,
    mark(
        "a word typed twice (ปลุกและปลุก), a letter typed twice where the plan elsewhere writes "
        "it once (ทุกกระดับ), a tone mark typed twice, or เเ for แ"
    ),
    doubled,
)
PLACEHOLDER = Rule(
    "PLACEHOLDER",
    Severity.ERROR,
    mark("placeholder text left in (....., …, ???, xxx, TODO) where the document needs words"),
    placeholder,
)
DOUBLE_SPACE = Rule(
    "DOUBLE-SPACE",
    Severity.WARNING,
    mark("two or more spaces in a row; a Thai document separates phrases by one space"),
    double_space,
)
MIXED_DIGITS = Rule(
    "MIXED-DIGITS",
    Severity.WARNING,
    mark("Thai and Arabic digits in one text; write them all as the plan's digits setting says"),
    mixed_digits,
)
LATIN_IN_THAI = Rule(
    "LATIN-IN-THAI",
    Severity.WARNING,
    mark("a Latin letter inside or against a Thai word, usually a keyboard-layout slip"),
    latin_in_thai,
)

# The rules every kind runs on its text, in the order plan check --list-rules shows them.
TEXT_RULES: tuple[Rule, ...] = (
    NAME_SPELLING,
    OTHER_ORGANIZATION,
    FISCAL_YEARS,
    OTHER_YEARS,
    DOUBLED,
    PLACEHOLDER,
    DOUBLE_SPACE,
    MIXED_DIGITS,
    LATIN_IN_THAI,
)
