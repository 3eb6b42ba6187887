"""Match the items of two versions of a list, say which moved, and in what order to report them.

Items are matched by stable id, else by equal content, else by the most similar content
above a threshold; what is left was removed or added. Sequences (the letters of a text) are
aligned within a budget of work proportional to their length, never more.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, deque
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from difflib import Match, SequenceMatcher
from typing import Literal

# Below this share of equal content two items are different items, not one item edited.
SIMILAR = 0.5
# A text shared by more items than this (a common step such as "ดำเนินการตามแผน") says
# little about which item is which, so it does not nominate pairs to compare.
COMMON = 8
# Aligning two sequences may take this much work per item of both, plus a floor that any
# text of a real plan stays under: about half a second at most for two 10,000-letter texts.
WORK_PER_ITEM = 50
WORK_FLOOR = 200_000
# Past this many pairs of texts left to compare, texts are compared by their words.
MAX_TEXT_PAIRS = 2_500

Tag = Literal["equal", "replace", "delete", "insert"]
Opcode = tuple[Tag, int, int, int, int]  # as difflib's: a[i1:i2] became b[j1:j2]


@dataclass(frozen=True)
class Item:
    """What matching knows of an item: its id, its whole content, and what similarity compares.

    An item of one text (a step, a paragraph) is compared letter by letter; an item of many
    texts (a goal, a measure, a row) by the share of its ``parts`` it has in common.
    """

    key: Hashable  # equal keys: equal content
    parts: tuple[Hashable, ...] = ()
    text: str | None = None
    id: str | None = None


def text_item(text: str) -> Item:
    return Item(key=text, text=text)


def pair(old: Sequence[Item], new: Sequence[Item]) -> dict[int, int]:
    """Match old items to new ones (old index to new index): by id, equal content, similarity."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    ids = {item.id: i for i, item in enumerate(old) if item.id is not None}
    for j, item in enumerate(new):
        if item.id is not None and item.id in ids:
            pairs[ids[item.id]] = j
            taken.add(j)
    same: dict[Hashable, deque[int]] = {}
    for i, item in enumerate(old):
        if i not in pairs:
            same.setdefault(item.key, deque()).append(i)
    for j, item in enumerate(new):
        queue = same.get(item.key)
        if j not in taken and queue:
            pairs[queue.popleft()] = j
            taken.add(j)
    left_old = [i for i in range(len(old)) if i not in pairs]
    left_new = [j for j in range(len(new)) if j not in taken]
    scored = sorted(
        (-score, abs(i - j), i, j) for i, j, score in _similar(old, new, left_old, left_new)
    )
    for _, _, i, j in scored:
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return pairs


def _similar(
    old: Sequence[Item], new: Sequence[Item], left_old: list[int], left_new: list[int]
) -> Iterator[tuple[int, int, float]]:
    """The unmatched pairs similar enough to be one item edited, with their similarity."""
    if not left_old or not left_new:
        return
    if old[left_old[0]].text is None:
        yield from _similar_parts(old, new, left_old, left_new)
        return
    if len(left_old) * len(left_new) > MAX_TEXT_PAIRS:
        # Too many to compare each with each: nominate pairs by the words they share.
        worded = [Item(key=item.key, parts=tuple((item.text or "").split())) for item in old]
        reworded = [Item(key=item.key, parts=tuple((item.text or "").split())) for item in new]
        yield from _similar_parts(worded, reworded, left_old, left_new)
        return
    for i in left_old:
        for j in left_new:
            score = similarity(old[i].text or "", new[j].text or "", at_least=SIMILAR)
            if score >= SIMILAR:
                yield i, j, score


def _similar_parts(
    old: Sequence[Item], new: Sequence[Item], left_old: list[int], left_new: list[int]
) -> Iterator[tuple[int, int, float]]:
    """Similar goals, measures or rows: those of many can be many, so only pairs that share a
    part few other items have are compared."""
    holders: dict[Hashable, list[int]] = {}
    for i in left_old:
        for part in set(old[i].parts):
            holders.setdefault(part, []).append(i)
    counts = {i: Counter(old[i].parts) for i in left_old}
    for j in left_new:
        candidates = {
            i
            for part in set(new[j].parts)
            if len(holders.get(part, ())) <= COMMON
            for i in holders.get(part, ())
        }
        theirs = Counter(new[j].parts)
        for i in sorted(candidates):
            shared = sum((counts[i] & theirs).values())
            score = shared / max(len(old[i].parts), len(new[j].parts))
            if score >= SIMILAR:
                yield i, j, score


def moved_items(pairs: dict[int, int]) -> set[int]:
    """The old indices of matched items that left their order among the others.

    The longest run of pairs that kept their order stays put; every other pair moved. Items
    that are only renumbered, because something before them was added or removed, are not.
    """
    by_new = sorted(pairs, key=pairs.__getitem__)
    tails: list[int] = []  # tails[k]: position in by_new ending the best run of length k + 1
    before: dict[int, int] = {}
    for position, i in enumerate(by_new):
        low = bisect_left(tails, i, key=by_new.__getitem__)
        if low:
            before[position] = tails[low - 1]
        if low == len(tails):
            tails.append(position)
        else:
            tails[low] = position
    kept: set[int] = set()
    position = tails[-1] if tails else -1
    while position >= 0:
        kept.add(by_new[position])
        position = before.get(position, -1)
    return set(pairs) - kept


def reading_order(
    old_count: int, new_count: int, pairs: dict[int, int]
) -> list[tuple[int | None, int | None]]:
    """Both versions' items in the new reading order.

    ``(old, new)`` for each new item (``old`` is None when it was added), and ``(old, None)``
    for each old item that was not matched, just after the item that came before it.
    """
    back = {j: i for i, j in pairs.items()}
    after: dict[int, list[int]] = {}
    anchor = -1
    for i in range(old_count):
        if i in pairs:
            anchor = pairs[i]
        else:
            after.setdefault(anchor, []).append(i)
    result: list[tuple[int | None, int | None]] = [(i, None) for i in after.get(-1, [])]
    for j in range(new_count):
        result.append((back.get(j), j))
        result.extend((i, None) for i in after.get(j, []))
    return result


# --- aligning sequences ------------------------------------------------------------------------


class _OverBudget(Exception):
    pass


class _BudgetedMatcher(SequenceMatcher[Hashable]):
    """difflib's matcher, stopped once its work passes a budget.

    Its work is the search for the longest match in a range, which visits each occurrence
    in ``b`` of each item of ``a`` in the range: counted up front, so charged before it is done.
    """

    def __init__(self, a: Sequence[Hashable], b: Sequence[Hashable], budget: int) -> None:
        super().__init__(None, a, b, autojunk=False)
        self._budget = budget
        in_b = Counter(b)
        visits = [0]
        for item in a:
            visits.append(visits[-1] + 1 + in_b[item])
        self._visits = visits

    def find_longest_match(
        self, alo: int = 0, ahi: int | None = None, blo: int = 0, bhi: int | None = None
    ) -> Match:
        end = len(self._visits) - 1 if ahi is None else ahi
        self._budget -= self._visits[end] - self._visits[alo]
        if self._budget < 0:
            raise _OverBudget
        return super().find_longest_match(alo, ahi, blo, bhi)


def align(
    a: Sequence[Hashable], b: Sequence[Hashable], budget: int | None = None
) -> list[Opcode] | None:
    """difflib's opcodes turning ``a`` into ``b``, or None if finding them would take more
    than ``budget`` of work (by default :data:`WORK_PER_ITEM` per item, past a floor).

    The common start and end are set aside first, in linear time: most edits touch one place.
    """
    if budget is None:
        budget = WORK_FLOOR + WORK_PER_ITEM * (len(a) + len(b))
    start, end = _common_ends(a, b)
    try:
        middle = _BudgetedMatcher(a[start : end[0]], b[start : end[1]], budget).get_opcodes()
    except _OverBudget:
        return None
    shifted: list[Opcode] = [
        (tag, i1 + start, i2 + start, j1 + start, j2 + start)
        for tag, i1, i2, j1, j2 in middle
        if i1 != i2 or j1 != j2
    ]
    return _with_ends(shifted, start, end, len(a), len(b))


def _common_ends(a: Sequence[Hashable], b: Sequence[Hashable]) -> tuple[int, tuple[int, int]]:
    """The length of the common start, and where the common end begins in ``a`` and ``b``."""
    limit = min(len(a), len(b))
    start = 0
    while start < limit and a[start] == b[start]:
        start += 1
    shared_end = 0
    while shared_end < limit - start and a[-1 - shared_end] == b[-1 - shared_end]:
        shared_end += 1
    return start, (len(a) - shared_end, len(b) - shared_end)


def _with_ends(
    middle: list[Opcode], start: int, end: tuple[int, int], size_a: int, size_b: int
) -> list[Opcode]:
    """``middle`` between the common start and end, side-by-side equal runs made one."""
    opcodes: list[Opcode] = []
    pieces: list[Opcode] = [("equal", 0, start, 0, start), *middle]
    pieces.append(("equal", end[0], size_a, end[1], size_b))
    for op in pieces:
        tag, i1, i2, j1, j2 = op
        if i1 == i2 and j1 == j2:
            continue
        if opcodes and tag == "equal" and opcodes[-1][0] == "equal":
            opcodes[-1] = ("equal", opcodes[-1][1], i2, opcodes[-1][3], j2)
        else:
            opcodes.append(op)
    return opcodes


def _replaced(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Opcode]:
    """Everything between the common start and end replaced at once."""
    start, end = _common_ends(a, b)
    tag: Tag = "replace"
    if start == end[0]:
        tag = "insert"
    elif start == end[1]:
        tag = "delete"
    return _with_ends([(tag, start, end[0], start, end[1])], start, end, len(a), len(b))


def align_text(a: Sequence[str], b: Sequence[str]) -> tuple[list[Opcode], bool]:
    """Opcodes turning the letters ``a`` into ``b``, and whether they are exact.

    Within budget the alignment is letter by letter; past it, word by word (a word here is a
    run of letters between spaces, or a run of spaces); past that too, the stretch between
    the common start and end is one replacement. Only the first is exact.
    """
    exact = align(a, b)
    if exact is not None:
        return exact, True
    words_a, starts_a = _words(a)
    words_b, starts_b = _words(b)
    coarse = align(words_a, words_b)
    if coarse is None:
        coarse = _replaced(words_a, words_b)
    return [
        (tag, starts_a[i1], starts_a[i2], starts_b[j1], starts_b[j2])
        for tag, i1, i2, j1, j2 in coarse
    ], False


def _words(letters: Sequence[str]) -> tuple[list[str], list[int]]:
    """``letters`` cut into words and runs of spaces, with the index of each one's first
    letter (and, last, the letters' count)."""
    words: list[str] = []
    starts: list[int] = []
    for index, letter in enumerate(letters):
        if words and letter.isspace() == letters[index - 1].isspace():
            words[-1] += letter
        else:
            words.append(letter)
            starts.append(index)
    starts.append(len(letters))
    return words, starts


def similarity(a: Sequence[str], b: Sequence[str], *, at_least: float = 0.0) -> float:
    """difflib's ratio of the letters ``a`` to ``b`` (twice the matched letters over all).

    Below ``at_least`` the answer may be 0.0 without the work of finding it. Past the budget
    of work the letters are matched word by word, which matches fewer: never more similar.
    """
    total = len(a) + len(b)
    if not total:
        return 1.0
    if SequenceMatcher(None, a, b, autojunk=False).quick_ratio() < at_least:
        return 0.0
    opcodes, _ = align_text(a, b)
    matched = sum(i2 - i1 for tag, i1, i2, _, _ in opcodes if tag == "equal")
    return 2 * matched / total
