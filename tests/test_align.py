"""Aligning two sequences within a budget of work: exact when it can be, coarser when not."""

from __future__ import annotations

import difflib
import itertools
import random
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anticorrupt_plan.common.diffing import segments
from anticorrupt_plan.core.matching import (
    MAX_TEXT_PAIRS,
    Opcode,
    align,
    align_text,
    pair,
    similarity,
    text_item,
)
from anticorrupt_plan.core.thai import clusters

from .counting import growth

DIFFLIB = difflib.__file__


def rebuilt(a: Sequence[str], b: Sequence[str], opcodes: list[Opcode]) -> str:
    """``b`` as the opcodes make it from ``a``; checks that every stretch of both is covered."""
    out: list[str] = []
    i = j = 0
    for tag, i1, i2, j1, j2 in opcodes:
        assert (i1, j1) == (i, j), "the opcodes leave a gap"
        if tag == "equal":
            assert a[i1:i2] == b[j1:j2]
        out += a[i1:i2] if tag == "equal" else b[j1:j2]
        i, j = i2, j2
    assert (i, j) == (len(a), len(b))
    return "".join(out)


@given(st.text("abc "), st.text("abc "))
def test_within_budget_the_alignment_is_difflibs(a: str, b: str) -> None:
    opcodes = align(a, b)
    assert opcodes is not None
    assert rebuilt(a, b, opcodes) == b
    matched = sum(i2 - i1 for tag, i1, i2, _, _ in opcodes if tag == "equal")
    expected = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    # Setting the common ends aside first can only find as much in common, or more.
    assert matched >= sum(block.size for block in expected)


def test_a_long_text_of_few_letters_keeps_its_common_stretch() -> None:
    # Past 200 letters difflib would by default ignore letters this frequent, and find nothing
    # of the 300 in common between the two edits.
    a, b = "ก" + "ขค" * 150 + "ง", "จ" + "ขค" * 150 + "ฉ"

    assert align(a, b) == [
        ("replace", 0, 1, 0, 1),
        ("equal", 1, 301, 1, 301),
        ("replace", 301, 302, 301, 302),
    ]


def test_past_its_budget_alignment_gives_up_before_the_work() -> None:
    a, b = "ab" * 50, "ba" * 50
    assert align(a, b, budget=10) is None
    assert align(a, b, budget=10**6) is not None
    # Letters that the other text lacks cost their visit too: the budget never grows.
    assert align("ก" * 100, "ข" * 100, budget=50) is None


def test_the_common_start_and_end_cost_nothing() -> None:
    a = "ก" * 5000 + "ข" + "ค" * 5000
    b = "ก" * 5000 + "ง" + "ค" * 5000
    assert align(a, b, budget=1) == [
        ("equal", 0, 5000, 0, 5000),
        ("replace", 5000, 5001, 5000, 5001),
        ("equal", 5001, 10001, 5001, 10001),
    ]


def test_an_ordinary_long_paragraph_is_aligned_letter_by_letter() -> None:
    seed = "การส่งเสริมคุณธรรมและความโปร่งใส ในการปฏิบัติราชการ ของบุคลากร " * 30
    edited = seed.replace("บุคลากร", "พนักงาน", 2)
    opcodes, exact = align_text(clusters(seed), clusters(edited))
    assert exact
    assert rebuilt(clusters(seed), clusters(edited), opcodes) == edited


def test_a_long_paragraph_edited_far_apart_is_aligned_letter_by_letter() -> None:
    # 2,200 letters each, edited in the first and the last phrase: the middle left to align
    # is nearly all of it, and takes more work than the floor alone, within the default
    # budget of the floor plus 50 a letter of both texts.
    seed = "การส่งเสริมคุณธรรมและความโปร่งใส ในการปฏิบัติราชการ ของบุคลากร " * 40
    last = seed.rfind("บุคลากร")
    edited = seed[:last].replace("บุคลากร", "พนักงาน", 1) + "พนักงาน" + seed[last + 7 :]
    a, b = clusters(seed), clusters(edited)

    opcodes = align(a, b)

    assert len(a) == len(b) == 2200
    assert opcodes is not None
    # Letter by letter: all but the two words' 14 letters at most are found equal.
    assert sum(i2 - i1 for tag, i1, i2, _, _ in opcodes if tag == "equal") >= 2200 - 14
    assert rebuilt(a, b, opcodes) == edited


def test_an_alignment_that_takes_exactly_its_budget_is_within_it() -> None:
    # Each search for the longest match visits the letters of its stretch of a and their
    # occurrences in b: กขค (3 letters, ข once in b), then ก and ค on either side (1 each).
    a, b = "กขค", "งขจ"
    expected = [("replace", 0, 1, 0, 1), ("equal", 1, 2, 1, 2), ("replace", 2, 3, 2, 3)]

    assert align(a, b, budget=6) == expected
    assert align(a, b, budget=5) is None


def test_too_much_work_falls_back_to_phrases_then_to_one_replacement() -> None:
    random.seed(3)
    words = ["ก" * random.randint(1, 4) + "ข" * random.randint(0, 3) for _ in range(2000)]
    a = " ".join(words)
    b = " ".join(reversed(words))
    opcodes, exact = align_text(list(a), list(b))
    assert not exact
    assert rebuilt(a, b, opcodes) == b
    # Every stretch starts and ends at a phrase's edge.
    edges = {0, len(a)} | {i for i in range(1, len(a)) if a[i].isspace() != a[i - 1].isspace()}
    assert all(i1 in edges and i2 in edges for _, i1, i2, _, _ in opcodes)

    periodic_a, periodic_b = "กขค " * 2500, "ขคก " * 2500
    opcodes, exact = align_text(list(periodic_a), list(periodic_b))
    assert not exact
    assert [tag for tag, *_ in opcodes] == ["replace", "equal"]  # the last space is common
    assert rebuilt(periodic_a, periodic_b, opcodes) == periodic_b
    # The same when the texts differ in length: one replacement of each one's middle.
    opcodes, exact = align_text(list(periodic_a), list(periodic_b[:-400]))
    assert not exact
    assert rebuilt(periodic_a, periodic_b[:-400], opcodes) == periodic_b[:-400]


def test_past_its_budget_a_block_of_phrases_moved_is_found_phrase_by_phrase() -> None:
    # 400 different phrases of two letters, two spaces apart: too many equal letters to align
    # one by one, few enough equal phrases (and runs of spaces) to align those.
    phrases = ["".join(letters) for letters in itertools.product("กข", repeat=11)][:400]
    a = "  ".join(phrases)
    b = "  ".join(phrases[40:] + phrases[:40])

    opcodes, exact = align_text(list(a), list(b))

    assert not exact
    moved = len("  ".join(phrases[:40])) + 2  # the phrases moved, and the spaces after them
    assert opcodes == [
        ("delete", 0, moved, 0, 0),
        ("equal", moved, len(a), 0, len(a) - moved),
        ("insert", len(a), len(a), len(a) - moved, len(b)),
    ]


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda n: ("กขค " * n, "ขคก " * n), id="repeating phrases"),
        pytest.param(lambda n: ("ก" * n + "ข" * n, "ข" * n + "ก" * n), id="two blocks swapped"),
        pytest.param(lambda n: ("ก" + " " * n + "ข", "ข" + " " * n + "ก"), id="long spaces"),
    ],
)
def test_the_work_grows_linearly_with_the_texts(make) -> None:  # type: ignore[no-untyped-def]
    def work(n: int) -> object:
        a, b = make(n)
        return align_text(clusters(a), clusters(b))

    assert growth(work, 1000, under=DIFFLIB) <= 2.5


def test_similarity_is_difflibs_ratio_and_gives_up_below_its_floor() -> None:
    a, b = clusters("ยุทธศาสตร์ชาติด้านความมั่นคง"), clusters("ยุทธศาสตร์ชาติด้านความมั่งคั่ง")
    expected = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    assert similarity(a, b) == pytest.approx(expected)
    assert similarity(a, clusters("แผนพัฒนาท้องถิ่น"), at_least=0.8) == 0.0
    assert similarity([], []) == 1.0


def test_a_change_says_whether_its_segments_are_exact() -> None:
    pieces, exact = segments("ร้อยละ ๘๐", "ร้อยละ ๙๐")
    assert exact
    old, new = "กขค " * 2500, "ขคก " * 2500
    pieces, exact = segments(old, new)
    assert not exact
    assert "".join(p.text for p in pieces if p.op != "insert") == old
    assert "".join(p.text for p in pieces if p.op != "delete") == new


def test_many_texts_left_to_match_are_matched_by_their_words() -> None:
    """Past MAX_TEXT_PAIRS pairs, each with each is too many: shared words nominate pairs."""
    count = 60
    assert count * count > MAX_TEXT_PAIRS
    old = [f"ขั้นตอนที่ {n} ประชุม คณะทำงาน ครั้งที่ {n}" for n in range(count)]
    new = [text.replace("ประชุม", "ประชุมหารือ") for text in reversed(old)]
    pairs = pair([text_item(t) for t in old], [text_item(t) for t in new])
    assert pairs == {i: count - 1 - i for i in range(count)}


@pytest.mark.parametrize(
    ("count", "paired"),
    [pytest.param(50, True, id="50 by 50: each with each"), pytest.param(51, False, id="51 by 51")],
)
def test_texts_of_one_word_are_compared_letter_by_letter_up_to_max_text_pairs(
    count: int, paired: bool
) -> None:
    """Up to MAX_TEXT_PAIRS pairs each text is compared with each; past it, texts without a
    space in common nominate no pair, even edited in one place."""
    assert (count * count <= MAX_TEXT_PAIRS) is paired
    old = [f"ประชุมคณะทำงานครั้งที่{n}" for n in range(count)]
    new = [text.replace("ประชุม", "ประชุมหารือ") for text in old]

    pairs = pair([text_item(t) for t in old], [text_item(t) for t in new])

    assert pairs == ({i: i for i in range(count)} if paired else {})
