"""Thai-aware scanning: near misses by cluster, differences, and year mentions with their cues."""

from __future__ import annotations

import pytest

from anticorrupt_plan.core.textscan import (
    Clustered,
    differences,
    near_matches,
    near_matches_each,
    year_mentions,
)

KIND = "องค์การบริหารส่วนตำบล"
NAME = "ทุ่งทอง"


def found(text: str, pattern: str, max_edits: float) -> list[tuple[str, float]]:
    matches = near_matches(Clustered(text), Clustered(pattern), max_edits=max_edits)
    return [(text[match.start : match.end], match.edits) for match in matches]


@pytest.mark.parametrize(
    ("text", "pattern", "max_edits", "expected"),
    [
        pytest.param("ทุ้งทองจึงได้", NAME, 1, [("ทุ้งทอง", 0.5)], id="tone-swapped-then-next-word"),
        pytest.param("ตำบลทุงทอง", NAME, 1, [("ทุงทอง", 0.5)], id="tone-missing"),
        pytest.param("อำเภอทามวง", "ท่าม่วง", 1, [("ทามวง", 1)], id="two-tones-missing"),
        pytest.param("ตำบลทุ่งทอนจึง", NAME, 1, [("ทุ่งทอน", 1)], id="letter-changed"),
        pytest.param("ทุ่งทองจึงได้", NAME, 1, [("ทุ่งทอง", 0)], id="exact-then-next-word"),
        pytest.param(
            "ท\u0e48\u0e38งทอง",
            NAME,
            1,
            [("ท\u0e48\u0e38งทอง", 0.5)],
            id="marks-typed-in-other-order",
        ),
        pytest.param(
            "ทุ่งทองทุ้งทอง", NAME, 1, [("ทุ่งทอง", 0), ("ทุ้งทอง", 0.5)], id="exact-beside-near-miss"
        ),
        pytest.param("ทุ่ง ทอง", NAME, 1, [("ทุ่ง ทอง", 1)], id="space-inside"),
        # The name's letters are all there, but a stray tone mark sits on its last letter: the
        # text holds the name's characters, not its clusters, so this is no exact occurrence.
        pytest.param(
            "ตำบลทุ่งทอง้จึงได้", NAME, 1, [("ทุ่งทอง้", 0.5)], id="stray-tone-on-the-last-letter"
        ),
        # A name typed without its first letter starts with that letter's marks, which in the
        # text sit on the letter before: its characters occur there, but not as its clusters.
        pytest.param("ตำบลทุ่งทอง", "ุ่งทอง", 1, [("ทุ่งทอง", 1)], id="name-without-its-first-letter"),
        # The piece นน of นนทบุรี stands twice in นนน, overlapping; the match holds the second.
        pytest.param(
            "คนนนทะบุรีร่วมงาน", "นนทบุรี", 1, [("นนทะบุรี", 1)], id="overlapping-pieces-vowel-added"
        ),
        pytest.param("ทั้งสองฝ่าย", NAME, 1, [], id="ordinary-word-two-edits-away"),
        pytest.param(
            "องค์กรบริหารส่วนตำบลทุ่งทอง", KIND, 2, [("องค์กรบริหารส่วนตำบล", 1)], id="kind-organ"
        ),
        pytest.param(
            "นายกองการ บริหารส่วนตำบล", KIND, 2, [("องการ บริหารส่วนตำบล", 2)], id="kind-two-edits"
        ),
        # Dropping the first cluster costs a whole edit at the very start of the text too.
        pytest.param(
            "งค์การบริหารส่วนตำบลทุ่งทอง",
            KIND,
            2,
            [("งค์การบริหารส่วนตำบล", 1)],
            id="kind-first-letter-dropped-at-the-start",
        ),
        pytest.param("ขององค์กรปกครองส่วนท้องถิ่น", KIND, 2, [], id="local-government-is-correct"),
        pytest.param("ทำให้องค์กรเป็นที่ยอมรับ", KIND, 2, [], id="standalone-organ-is-correct"),
        pytest.param("พนักงานส่วนตำบลทุกระดับ", KIND, 2, [], id="shares-only-a-piece"),
        pytest.param("", NAME, 1, [], id="empty-text"),
        pytest.param("ตอนนี้ด้อน", "ดอน", 0.5, [("ด้อน", 0.5)], id="marks-only-budget"),
        pytest.param("ทุ่งทองจึงได้", NAME, 0.5, [("ทุ่งทอง", 0)], id="at-the-very-start"),
        pytest.param("ทุ่งทอง", NAME, 0, [("ทุ่งทอง", 0)], id="the-whole-text-no-budget"),
        # The skeleton กกก holds the pattern's กก twice, overlapping; only the second is it.
        pytest.param("กก่ก", "ก่ก", 0.5, [("ก่ก", 0)], id="overlapping-occurrences"),
        # A pattern no longer than its budget: every cluster is a match (an edit away), but an
        # empty stretch never is, and the exact one is found although one piece is empty.
        pytest.param("กค", "ก", 1, [("ก", 0), ("ค", 1)], id="one-cluster-one-edit"),
        pytest.param("ขค", "ข", 2, [("ข", 0), ("ค", 1)], id="one-cluster-two-edits"),
    ],
)
def test_near_matches(
    text: str, pattern: str, max_edits: float, expected: list[tuple[str, float]]
) -> None:
    assert found(text, pattern, max_edits) == expected


def test_near_matches_each_finds_the_texts_that_hold_a_match() -> None:
    # ทุ่งทอน holds only the name's first piece (ทง), at the very start of its text.
    texts = ["ทุ่งทอนจัดประชุมประจำเดือน", "ประชุมคณะทำงาน", "ทุ่งทอนร่วมกับอำเภอ"]

    result = near_matches_each([Clustered(t) for t in texts], Clustered(NAME), max_edits=1)

    assert {
        index: [(texts[index][m.start : m.end], m.edits) for m in matches]
        for index, matches in result.items()
    } == {0: [("ทุ่งทอน", 1)], 2: [("ทุ่งทอน", 1)]}


def test_near_matches_in_long_text_find_each_occurrence() -> None:
    text = "ก่อน องค์การบริหารส่วนตำบลทุ้งทอง กลาง " * 200 + "ทุ่งทอง"

    matches = found(text, NAME, 1)

    assert matches == [("ทุ้งทอง", 0.5)] * 200 + [("ทุ่งทอง", 0)]


# Over 200 clusters, difflib's "autojunk" would ignore every cluster that recurs, as Thai
# letters do, and report one small change as the whole text replaced.
LONG = "ดำเนินโครงการส่งเสริมคุณธรรมจริยธรรมของบุคลากรในองค์กร " * 8


def test_differences_in_a_long_text_are_only_what_changed() -> None:
    edited = LONG.replace("บุคลากร", "ผู้นำ", 1)

    changes = differences(LONG, edited)

    assert len(Clustered(LONG).clusters) > 200
    assert [(LONG[i:j], edited[k:m]) for i, j, k, m in changes] == [("บุคลากร", "ผู้นำ")]


def test_clusters_know_their_offsets() -> None:
    text = Clustered("ทุ่งa")

    assert text.clusters == ["ทุ่", "ง", "a"]
    assert text.starts == [0, 3, 4, 5]
    assert text.skeleton == "ทงa"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("ทุ่งทอง", "ทุ่งทอง", []),
        ("ปลูกสร้าง", "ปลุกสร้าง", [("ลู", "ลุ")]),
        ("แผนการเสริมสร้างวินัย", "แผนการเสริมสร้างมาตรฐานวินัย", [("", "มาตรฐาน")]),
        ("ก ข ค", "ก ข", [(" ค", "")]),
    ],
)
def test_differences_are_whole_clusters(a: str, b: str, expected: list[tuple[str, str]]) -> None:
    assert [(a[i:j], b[k:m]) for i, j, k, m in differences(a, b)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "ประจำปี ๒๕๖๑ - ๒๕๖๓ มี", [("๒๕๖๑ - ๒๕๖๓", 2561, 2563, True, "own")], id="own-thai"
        ),
        pytest.param(
            "ประจำปี พ.ศ.๒๕๖๒ - ๒๕๖๔",
            [("๒๕๖๒ - ๒๕๖๔", 2562, 2564, True, "own")],
            id="own-be-no-space",
        ),
        pytest.param(
            "ปีงบประมาณ 2562 ถึง พ.ศ. 2564",
            [("2562 ถึง พ.ศ. 2564", 2562, 2564, True, "own")],
            id="own-arabic-ถึง",
        ),
        pytest.param("ปีงบประมาณ ๒๕๖๒–๒๕๖๔", [("๒๕๖๒–๒๕๖๔", 2562, 2564, True, "own")], id="en-dash"),
        pytest.param(
            "ยุทธศาสตร์ชาติ ระยะที่ ๓ พ.ศ.๒๕๖๐ -๒๕๖๔",
            [("๒๕๖๐ -๒๕๖๔", 2560, 2564, True, "other")],
            id="national-phase",
        ),
        pytest.param(
            "แผนยุทธศาสตร์ชาติว่าด้วยการป้องกันและปราบปรามการทุจริตภาครัฐ พ.ศ. ๒๕๖๐ - ๒๕๖๔",
            [("๒๕๖๐ - ๒๕๖๔", 2560, 2564, True, "other")],
            id="national-far-back-in-clause",
        ),
        pytest.param("เมื่อวันที่ ๑ ตุลาคม ๒๕๖๑", [("๒๕๖๑", 2561, 2561, False, None)], id="a-date"),
        pytest.param("ช่วง ๒๕๖๑-๒๕๖๓", [("๒๕๖๑-๒๕๖๓", 2561, 2563, True, None)], id="no-cue"),
        pytest.param("ร้อยละ ๑๐๐ และ ๑๒๓๔๕", [], id="not-four-digits"),
        pytest.param(
            "ประจำปี ๒๕๖๑ และ ๒๕๖๒",
            [("๒๕๖๑", 2561, 2561, False, "own"), ("๒๕๖๒", 2562, 2562, False, None)],
            id="a-cue-serves-the-next-year-only",
        ),
        pytest.param(
            "ช่วง ๒๕๖๑-๒๕๖๓ และปี ๒๕๖๔",
            [("๒๕๖๑-๒๕๖๓", 2561, 2563, True, None), ("๒๕๖๔", 2564, 2564, False, None)],
            id="a-year-after-the-last-range",
        ),
        pytest.param(
            "๒๕๕๘-๒๕๖๐ ๒๕๖๑ ๒๕๖๑-๒๕๖๓ ๒๕๖๔",
            [
                ("๒๕๕๘-๒๕๖๐", 2558, 2560, True, None),
                ("๒๕๖๑", 2561, 2561, False, None),
                ("๒๕๖๑-๒๕๖๓", 2561, 2563, True, None),
                ("๒๕๖๔", 2564, 2564, False, None),
            ],
            id="ranges-and-years-alternating",
        ),
    ],
)
def test_year_mentions(text: str, expected: list[tuple[str, int, int, bool, str | None]]) -> None:
    mentions = year_mentions(text)

    assert [
        (text[m.start : m.end], m.first, m.last, m.is_range, m.cue) for m in mentions
    ] == expected
