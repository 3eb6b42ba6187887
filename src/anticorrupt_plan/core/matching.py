"""Match the items of two versions of a list, say which moved, and in what order to report them.

Items are matched by stable id, else by equal content, else by the most similar content
above a threshold; what is left was removed or added.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, deque
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

# Below this share of equal content two items are different items, not one item edited.
SIMILAR = 0.5
# A text shared by more items than this (a common step such as "ดำเนินการตามแผน") says
# little about which item is which, so it does not nominate pairs to compare.
COMMON = 8


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
    # Lists of texts are short (the steps of one row, the paragraphs of one section).
    for i in left_old:
        for j in left_new:
            matcher = SequenceMatcher(None, old[i].text or "", new[j].text or "", autojunk=False)
            if matcher.quick_ratio() >= SIMILAR and (score := matcher.ratio()) >= SIMILAR:
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
