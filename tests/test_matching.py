"""Matching the items of two versions of a list: ids, equal and similar content, moves, order."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anticorrupt_plan.core.matching import Item, moved_items, pair, reading_order, text_item


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(["ก", "ข"], ["ก", "ข"], {0: 0, 1: 1}, id="same"),
        pytest.param(["ก", "ข"], ["ข", "ก"], {0: 1, 1: 0}, id="swapped"),
        pytest.param(["ก", "ก"], ["ก", "ก"], {0: 0, 1: 1}, id="equal items in their order"),
        pytest.param(
            ["ดำเนินโครงการตามแผน"],
            ["ดำเนินโครงการตามแผนที่กำหนด"],
            {0: 0},
            id="similar texts are one text edited",
        ),
        pytest.param(["ดำเนินโครงการตามแผน"], ["ประชุมคณะทำงาน"], {}, id="different texts"),
        pytest.param(
            ["ประเมินผลโครงการ", "ประชุมคณะทำงาน"],
            ["ประชุมคณะทำงานทุกเดือน", "ประเมินผลโครงการทุกปี"],
            {0: 1, 1: 0},
            id="each to its most similar",
        ),
    ],
)
def test_pair_texts(old: list[str], new: list[str], expected: dict[int, int]) -> None:
    assert pair([text_item(t) for t in old], [text_item(t) for t in new]) == expected


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(["ab"], ["ac"], {0: 0}, id="exactly half the same is one text edited"),
        pytest.param(["abc"], ["axy"], {}, id="a third the same is two texts"),
        pytest.param(["abcd", "abce"], ["abcf"], {0: 0}, id="a new text is taken once"),
        pytest.param(
            ["abcx", "abcy"], ["qqqq", "abcz"], {1: 1}, id="of equally similar, the nearest"
        ),
    ],
)
def test_pair_texts_at_the_boundaries(
    old: list[str], new: list[str], expected: dict[int, int]
) -> None:
    assert pair([text_item(t) for t in old], [text_item(t) for t in new]) == expected


# A text of 200 characters or more in which some characters recur, as every Thai paragraph
# does: difflib's "autojunk" heuristic would ignore those characters and find it unlike itself.
LONG = "ดำเนินโครงการส่งเสริมคุณธรรมจริยธรรมของบุคลากรในองค์กร " * 5


def test_a_long_paragraph_edited_in_one_place_is_one_paragraph() -> None:
    edited = LONG.replace("บุคลากร", "พนักงาน", 1)

    assert len(LONG) >= 200
    assert pair([text_item(LONG)], [text_item(edited)]) == {0: 0}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(["a", "b"], ["b", "a"], {0: 1, 1: 0}, id="equal content, moved"),
        pytest.param(["a", "a"], ["a"], {0: 0}, id="the first of two equal items"),
        pytest.param(["a"], ["b"], {}, id="different content, nothing to compare"),
        pytest.param(
            [Item(key="a", id="x"), Item(key="b")],
            [Item(key="b", id="x")],
            {0: 0},
            id="matched by id, then not again by content",
        ),
        pytest.param(
            [Item(key="a", id="x"), Item(key="a")],
            [Item(key="c", id="x"), Item(key="a")],
            {0: 0, 1: 1},
            id="an item matched by id leaves its content to another",
        ),
    ],
)
def test_pair_by_id_then_equal_content(
    old: list[str | Item], new: list[str | Item], expected: dict[int, int]
) -> None:
    def items(values: list[str | Item]) -> list[Item]:
        return [Item(key=v) if isinstance(v, str) else v for v in values]

    assert pair(items(old), items(new)) == expected


def measure(key: str, *parts: str, id: str | None = None) -> Item:
    return Item(key=(key, parts), parts=(key, *parts), id=id)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            [measure("ก", "1", "2", "3", id="x"), measure("ข", "4", "5", "6", id="y")],
            [measure("ค", "7", "8", "9", id="y"), measure("ก", "1", "2", "3")],
            {1: 0, 0: 1},
            id="an id wins over everything; content matches where ids do not",
        ),
        pytest.param(
            [measure("ก", "1", "2", "3"), measure("ข", "4", "5", "6")],
            [measure("ข", "4", "5", "ใหม่"), measure("ค", "1", "แก้", "แก้")],
            {1: 0},
            id="three of four parts shared is similar; one of four is not",
        ),
        pytest.param(
            [measure(f"m{n}", "ร้อยละ 80") for n in range(8)],
            [measure("ใหม่", "ร้อยละ 80")],
            {0: 0},
            id="a part eight items have still nominates; half the parts shared is similar",
        ),
        pytest.param(
            [measure(f"m{n}", "ร้อยละ 80") for n in range(9)],
            [measure("ใหม่", "ร้อยละ 80")],
            {},
            id="a part nine items have does not",
        ),
        pytest.param(
            [measure(f"m{n}", "ร้อยละ 80", "ร้อยละ 90") for n in range(20)],
            [measure("ใหม่", "ร้อยละ 80", "ร้อยละ 90")],
            {},
            id="parts every item has nominate no pair",
        ),
    ],
)
def test_pair_items_of_many_parts(
    old: list[Item], new: list[Item], expected: dict[int, int]
) -> None:
    assert pair(old, new) == expected


@pytest.mark.parametrize(
    ("old_count", "new_count", "pairs", "expected"),
    [
        pytest.param(3, 3, {0: 0, 1: 1, 2: 2}, [(0, 0), (1, 1), (2, 2)], id="same"),
        pytest.param(2, 3, {0: 1, 1: 2}, [(None, 0), (0, 1), (1, 2)], id="added first"),
        pytest.param(
            3, 2, {0: 0, 2: 1}, [(0, 0), (1, None), (2, 1)], id="removed after its neighbour"
        ),
        pytest.param(2, 1, {1: 0}, [(0, None), (1, 0)], id="removed first"),
    ],
)
def test_reading_order_is_the_new_order_with_removals_in_place(
    old_count: int,
    new_count: int,
    pairs: dict[int, int],
    expected: list[tuple[int | None, int | None]],
) -> None:
    assert reading_order(old_count, new_count, pairs) == expected


@given(st.permutations(range(8)), st.sets(st.integers(0, 7)))
def test_only_the_fewest_items_are_moved(order: list[int], dropped: set[int]) -> None:
    # The old items 0..7 come back in ``order``, less the ``dropped`` ones.
    kept = [i for i in order if i not in dropped]
    pairs = {i: j for j, i in enumerate(kept)}

    moved = moved_items(pairs)

    staying = [i for i in kept if i not in moved]
    assert staying == sorted(staying)
    assert len(staying) == _longest_increasing(kept)


def _longest_increasing(items: list[int]) -> int:
    best = [1] * len(items)
    for n in range(len(items)):
        for m in range(n):
            if items[m] < items[n]:
                best[n] = max(best[n], best[m] + 1)
    return max(best, default=0)
