"""Thai-aware text scanning for the checks: clusters with offsets, near misses, year mentions.

Everything here goes by character cluster (a letter with the marks that sit on it), never by
bytes or by space-separated words: Thai writes words without spaces, so a name may run
straight into the next word, and a slipped tone mark is one changed cluster.
"""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from anticorrupt_plan.core.matching import align_text
from anticorrupt_plan.core.thai import arabic_digits, clusters

# Thai marks that sit on a letter (vowels above and below, tone marks, thanthakhat).
THAI_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
THAI_LETTERS = "\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e"


@dataclass(frozen=True)
class Clustered:
    """A text cut into clusters, with the character offset where each cluster starts."""

    text: str

    @cached_property
    def clusters(self) -> list[str]:
        return clusters(self.text)

    @cached_property
    def starts(self) -> list[int]:
        """The offset of each cluster, and one more: the length of the text."""
        offsets = [0]
        for cluster in self.clusters:
            offsets.append(offsets[-1] + len(cluster))
        return offsets

    @cached_property
    def skeleton(self) -> str:
        """The text with only the first character of each cluster: its letters without their
        marks, one character per cluster."""
        return "".join(cluster[0] for cluster in self.clusters)


@dataclass(frozen=True)
class Match:
    """A stretch of a text (character offsets) and how far it is from a pattern, in edits."""

    start: int
    end: int
    edits: float


# Costs in half edits. Changing only the marks on a letter (a tone mark swapped, dropped or
# typed in another order) is half an edit, so that a name with two tone marks dropped is as
# near as one with a letter changed; adding, dropping or changing a letter is a whole edit.
_MARKS_ONLY = 1
_WHOLE = 2


def near_matches(text: Clustered, pattern: Clustered, *, max_edits: float) -> list[Match]:
    """Every place in ``text`` within ``max_edits`` edits of ``pattern``, exact ones too.

    Places do not overlap: an exact occurrence wins over the slightly worse matches around it,
    so what is left with edits above zero is a real near miss, not an exact name seen through
    a one-cluster shift. ``max_edits`` may be 0.5: mark-only changes. The cost grows with the
    text's length: at most ``int(max_edits)`` edits change letters (mark-only changes leave the
    skeleton alone), so the pattern's skeleton is cut into that many pieces plus one, one of
    which any match contains unchanged, and only the text around an occurrence of a piece is
    compared cluster by cluster.
    """
    wanted = pattern.clusters
    if not wanted or not text.text:
        return []
    pieces = _pieces(pattern.skeleton, int(max_edits))
    skeleton = text.skeleton
    if not any(piece in skeleton for _, piece in pieces):  # most texts: no work at all
        return []
    budget = round(max_edits * _WHOLE)
    # An exact occurrence is found by a plain search, and the text around it is not compared
    # cluster by cluster: a match there that did not overlap it would lie in the few clusters
    # beside it, too few to be within budget, unless the pattern is hardly longer than that.
    letter_edits = int(max_edits)
    exact = _occurrences(text, pattern) if len(wanted) > letter_edits + max_edits else set()
    candidates: list[tuple[int, int, int]] = [(at, at + len(wanted), 0) for at in exact]
    for low, high in _regions(text, len(wanted), pieces, letter_edits, skip=exact):
        candidates.extend(_approximate(text.clusters, low, high, wanted, budget))
    candidates.sort(key=lambda c: (c[2], abs(c[1] - c[0] - len(wanted)), c[0]))
    taken = [False] * len(text.clusters)
    chosen = []
    for start, end, cost in candidates:
        if start < end and not any(taken[start:end]):
            taken[start:end] = [True] * (end - start)
            chosen.append(Match(text.starts[start], text.starts[end], cost / _WHOLE))
    return sorted(chosen, key=lambda m: m.start)


def near_matches_each(
    texts: Sequence[Clustered], pattern: Clustered, *, max_edits: float
) -> dict[int, list[Match]]:
    """:func:`near_matches` in each of ``texts``, by index, for those that hold a match.

    A text that holds none of the pattern's pieces holds no match: the texts without any are
    passed over by one search through all of them, not one search in each.
    """
    if not pattern.clusters:
        return {}
    skeletons = [text.skeleton for text in texts]
    joined = _APART.join(skeletons)
    offsets = list(itertools.accumulate((len(s) + 1 for s in skeletons), initial=0))
    holding: set[int] = set()
    for _, piece in _pieces(pattern.skeleton, int(max_edits)):
        found = joined.find(piece)
        while found >= 0:
            holding.add(bisect_right(offsets, found) - 1)
            found = joined.find(piece, found + 1)
    result = {}
    for index in sorted(holding):
        matches = near_matches(texts[index], pattern, max_edits=max_edits)
        if matches:
            result[index] = matches
    return result


# Between texts searched as one: a noncharacter, which no piece of a name holds.
_APART = "\uffff"


@functools.lru_cache(maxsize=64)
def _pieces(skeleton: str, letter_edits: int) -> tuple[tuple[int, str], ...]:
    """The pattern's skeleton cut into ``letter_edits + 1`` pieces, each with its offset:
    with that many letters changed, one piece at least is left as it is."""
    size = len(skeleton)
    count = letter_edits + 1
    bounds = [size * k // count for k in range(count + 1)]
    return tuple(
        (bounds[k], skeleton[bounds[k] : bounds[k + 1]])
        for k in range(count)
        if bounds[k] < bounds[k + 1]
    )


def _occurrences(text: Clustered, pattern: Clustered) -> set[int]:
    """The clusters of ``text`` where ``pattern`` stands exactly, whole clusters and all."""
    found: set[int] = set()
    size = len(pattern.clusters)
    at = text.text.find(pattern.text)
    while at >= 0:
        index = bisect_left(text.starts, at)
        end = index + size
        whole = end < len(text.starts) and text.starts[end] == at + len(pattern.text)
        if whole and text.starts[index] == at:
            found.add(index)
        at = text.text.find(pattern.text, at + 1)
    return found


def _regions(
    text: Clustered,
    size: int,
    pieces: tuple[tuple[int, str], ...],
    letter_edits: int,
    *,
    skip: set[int],
) -> list[tuple[int, int]]:
    """Cluster ranges of ``text`` that may hold a match: around each unchanged piece, but
    for the pieces of the exact occurrences at the clusters ``skip``."""
    spans = []
    for offset, piece in pieces:
        found = text.skeleton.find(piece)
        while found >= 0:
            at = found - offset
            if at not in skip:
                low, high = at - letter_edits, at + size + letter_edits
                spans.append((max(low, 0), min(high, len(text.clusters))))
            found = text.skeleton.find(piece, found + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for low, high in spans:
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _approximate(
    text: Sequence[str], low: int, high: int, wanted: Sequence[str], budget: int
) -> Iterator[tuple[int, int, int]]:
    """Sellers' dynamic programme over ``text[low:high]``: ``(start, end, cost)`` of the best
    match ending at each cluster, where its cost (in half edits) is within ``budget``.

    Only the rows that can still end within budget are worked out (Ukkonen's cut-off): a cost
    never falls along a path, so a cell past the last one within budget stays past it.
    """
    size = len(wanted)
    over = budget + 1  # any cost past the budget: which one does not matter
    cost = [min(i * _WHOLE, over) for i in range(size + 1)]
    start = [low] * (size + 1)
    top = min(size, budget // _WHOLE)  # the last row within budget
    for position in range(low, high):
        cluster = text[position]
        new_cost = [0] + [over] * size
        new_start = [position + 1] * (size + 1)
        last = min(size, top + 1)
        for i in range(1, last + 1):
            other = wanted[i - 1]
            change = 0 if other == cluster else _MARKS_ONLY if other[0] == cluster[0] else _WHOLE
            best, origin = cost[i - 1] + change, start[i - 1]
            if new_cost[i - 1] + _WHOLE < best:
                best, origin = new_cost[i - 1] + _WHOLE, new_start[i - 1]
            if cost[i] + _WHOLE < best:
                best, origin = cost[i] + _WHOLE, start[i]
            new_cost[i], new_start[i] = min(best, over), origin
        top = last
        while top and new_cost[top] > budget:
            top -= 1
        cost, start = new_cost, new_start
        if cost[size] <= budget:
            yield start[size], position + 1, cost[size]


def differences(a: str, b: str) -> list[tuple[int, int, int, int]]:
    """Where ``a`` and ``b`` differ, cluster by cluster: ``(a_start, a_end, b_start, b_end)``
    in character offsets for each differing stretch, in order; empty when they are equal."""
    left, right = Clustered(a), Clustered(b)
    opcodes, _ = align_text(left.clusters, right.clusters)
    return [
        (left.starts[i1], left.starts[i2], right.starts[j1], right.starts[j2])
        for tag, i1, i2, j1, j2 in opcodes
        if tag != "equal"
    ]


# --- years ------------------------------------------------------------------------------------

_DIGIT = "0-9\u0e50-\u0e59"
_YEAR = rf"(?<![{_DIGIT}])[{_DIGIT}]{{4}}(?![{_DIGIT}])"
_BE = r"พ\.\s?ศ\."
_YEAR_RANGE = re.compile(
    rf"({_YEAR})\s*(?:-|–|—|ถึง)\s*(?:(?:ปีงบประมาณ|ปี)\s*)?(?:{_BE}\s*)?({_YEAR})"
)
_SINGLE_YEAR = re.compile(_YEAR)
# Words that, just before a year, say it is the plan's own period ...
_OWN_PERIOD = re.compile(rf"(?:ประจำปี|ปีงบประมาณ)\s*(?:{_BE})?\s*$")
# ... and words that say it is some other document's period, however far back in the clause.
_OTHER_PERIOD = re.compile("ระยะที่|ยุทธศาสตร์ชาติ|แผนแม่บท|ฉบับที่|แผนพัฒนา")
# How far back a clause's cue reaches, in characters.
CUE_REACH = 80


@dataclass(frozen=True)
class YearMention:
    """A year or a year range written in a text: offsets, Buddhist-Era years, and its cue."""

    start: int
    end: int
    first: int
    last: int
    is_range: bool
    cue: str | None  # "own" (the plan's period), "other" (another period) or None


def year_mentions(text: str) -> list[YearMention]:
    """Every four-digit year and year range in ``text`` (Thai or Arabic digits, with or
    without พ.ศ., joined by ``-``, ``–`` or ``ถึง``), with what the words before it say."""
    found: list[tuple[int, int, int, int, bool]] = []
    for match in _YEAR_RANGE.finditer(text):
        first, last = (int(arabic_digits(match.group(k))) for k in (1, 2))
        found.append((match.start(), match.end(), first, last, True))
    ranges = iter([(start, end) for start, end, *_ in found])
    current = next(ranges, None)
    for match in _SINGLE_YEAR.finditer(text):
        while current is not None and current[1] <= match.start():
            current = next(ranges, None)
        if current is None or match.start() < current[0]:
            year = int(arabic_digits(match.group()))
            found.append((match.start(), match.end(), year, year, False))
    found.sort()
    mentions = []
    previous_end = 0
    for start, end, first, last, is_range in found:
        before = text[max(previous_end, start - CUE_REACH) : start]
        cue = "own" if _OWN_PERIOD.search(before) else None
        if cue is None and _OTHER_PERIOD.search(before):
            cue = "other"
        mentions.append(YearMention(start, end, first, last, is_range, cue))
        previous_end = end
    return mentions
