"""Each rule of plan check, with texts on which it must fire and texts on which it must not."""

from __future__ import annotations

from typing import Any

import pytest

from anticorrupt_plan.app.validate import parse_plan
from anticorrupt_plan.common.checking import Context, Hit
from anticorrupt_plan.core.errors import format_path
from anticorrupt_plan.kinds.ethics.rules import RULES

from .conftest import dump, minimal_plan

RULE = {rule.id: rule for rule in RULES}

RATIONALE = ("rationale", 0)
INTRO = ("objectives", "intro")
STEP = ("preparation_steps", 0)
ROW = ("goals", 0, "measures", 0, "rows", 0)
TARGETS = (*ROW, "targets")


def plan_with(changes: dict[tuple[str | int, ...], Any]) -> dict[str, Any]:
    """A minimal valid plan of อบต.ทุ่งทอง, อำเภอท่าม่วง, fiscal years 2566-2567, changed."""
    data = minimal_plan()
    data["organization"].update(name="ทุ่งทอง", district="ท่าม่วง")
    for path, value in changes.items():
        parent: Any = data
        for part in path[:-1]:
            parent = parent[part]
        if value is None:
            del parent[path[-1]]
        else:
            parent[path[-1]] = value
    return data


def run(rule_id: str, changes: dict[tuple[str | int, ...], Any]) -> list[tuple[str, str, Any]]:
    """``(path, flagged text, suggestion)`` of each hit of the rule on the changed plan."""
    valid = parse_plan(dump(plan_with(changes)), file="plan.yaml")
    context = Context(valid.document, valid.plan)
    find = RULE[rule_id].find
    assert find is not None
    hits: list[Hit] = list(find(context))
    return [
        (
            format_path(hit.path),
            context.by_path[hit.path].text[hit.span[0] : hit.span[1]] if hit.span else "",
            hit.suggestion,
        )
        for hit in hits
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "องค์การบริหารส่วนตำบลทุ้งทองจึงได้จัดทำแผน",
            [("ทุ้งทอง", "ทุ่งทอง")],
            id="name-tone-mark-then-next-word",
        ),
        pytest.param(
            "จากหลักการ องค์กรบริหารส่วนตำบลทุ่งทองจึงได้",
            [("องค์กรบริหารส่วนตำบล", "องค์การบริหารส่วนตำบล")],
            id="kind-องค์กร",
        ),
        pytest.param(
            "ให้นายกองการ บริหารส่วนตำบลทุ่งทองเห็นชอบ",
            [("องการ บริหารส่วนตำบล", "องค์การบริหารส่วนตำบล")],
            id="kind-two-edits",
        ),
        pytest.param("ที่ตั้งอำเภอทามวง", [("ทามวง", "ท่าม่วง")], id="district-tones-missing"),
        pytest.param("จังหวัดกาญจนบุร ทั้งหมด", [("กาญจนบุร", "กาญจนบุรี")], id="province-vowel-missing"),
        pytest.param("องค์การบริหารส่วนตำบล ทุ่งทอง", [(" ", None)], id="space-splits-full-name"),
        pytest.param("องค์การบริหารส่วนตำบลทุ่งทอง อำเภอท่าม่วง จังหวัดกาญจนบุรี", [], id="all-correct"),
        pytest.param("ประสิทธิภาพขององค์กรปกครองส่วนท้องถิ่น", [], id="local-government"),
        pytest.param("ทำให้องค์กรเป็นที่ยอมรับ", [], id="standalone-organ"),
        pytest.param("ทั้งสองฝ่ายร่วมกัน", [], id="ordinary-word-near-short-name"),
    ],
)
def test_name_spelling(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert run("NAME-SPELLING", {RATIONALE: text}) == [
        ("rationale[0]", found, fix) for found, fix in expected
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("ตำบลด้อนจึงได้", [("ด้อน", "ดอน")], id="mark-added"),
        pytest.param("ตอนนี้", [], id="a-letter-changed-is-another-word"),
        pytest.param("บ้านดอนทั้งหมด", [], id="exact"),
    ],
)
def test_a_short_name_allows_only_changed_marks(text: str, expected: list[tuple[str, str]]) -> None:
    changes = {("organization", "name"): "ดอน", RATIONALE: text}

    assert run("NAME-SPELLING", changes) == [
        ("rationale[0]", found, fix) for found, fix in expected
    ]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param(
            {("organization", "name"): "ปง", RATIONALE: "ตำบลปังจัดทำแผน อำเภอทามวง"},
            [("ทามวง", "ท่าม่วง")],
            id="a-name-of-two-clusters-is-not-compared",
        ),
        pytest.param(
            {("organization", "district"): None, RATIONALE: "ตำบลทุ้งทอง อำเภอทามวง"},
            [("ทุ้งทอง", "ทุ่งทอง")],
            id="no-district-declared",
        ),
    ],
)
def test_name_spelling_compares_only_what_the_plan_declares(
    changes: dict[tuple[str | int, ...], Any], expected: list[tuple[str, str]]
) -> None:
    assert run("NAME-SPELLING", changes) == [
        ("rationale[0]", found, fix) for found, fix in expected
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "ตำบลบานปาม้าจัดทำแผน", [("บานปาม้า", "บางปลาม้า")], id="a-letter-changed-one-left-out"
        ),
        pytest.param("ตำบลบานปามาจัดทำแผน", [], id="and-a-mark-left-out-too"),
    ],
)
def test_a_name_of_eight_clusters_allows_two_edits(
    text: str, expected: list[tuple[str, str]]
) -> None:
    changes = {("organization", "name"): "บางปลาม้า", RATIONALE: text}

    assert run("NAME-SPELLING", changes) == [
        ("rationale[0]", found, fix) for found, fix in expected
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "จัดทำแผน ประจำปี ๒๕๖๕ - ๒๕๖๖ มีวัตถุประสงค์",
            [("๒๕๖๕ - ๒๕๖๖", "๒๕๖๖ - ๒๕๖๗")],
            id="own-period-shifted",
        ),
        pytest.param(
            "ปีงบประมาณ พ.ศ. 2566-2568", [("2566-2568", "2566-2567")], id="own-period-arabic"
        ),
        pytest.param("ประจำปี พ.ศ.๒๕๖๖ - ๒๕๖๗", [], id="own-period-right"),
        pytest.param("ยุทธศาสตร์ชาติ ระยะที่ ๓ พ.ศ.๒๕๖๐ -๒๕๖๔", [], id="national-phase"),
        pytest.param("ช่วงปี ๒๕๖๕ - ๒๕๖๖ ที่ผ่านมา", [], id="uncued-is-for-OTHER-YEARS"),
        pytest.param(
            "ปีงบประมาณ ๒566 - ๒568",
            [("๒566 - ๒568", "๒๕๖๖ - ๒๕๖๗")],
            id="half-converted-digits-corrected-in-those-it-starts-with",
        ),
        pytest.param("ประจำปี ๒๕๖๖ - ๒๕๖๖", [], id="one-year-of-the-plan-as-a-range"),
    ],
)
def test_fiscal_years(text: str, expected: list[tuple[str, str]]) -> None:
    assert run("FISCAL-YEARS", {INTRO: text}) == [
        ("objectives.intro", found, fix) for found, fix in expected
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("ช่วงปี ๒๕๖๕ - ๒๕๖๖ ที่ผ่านมา", [("๒๕๖๕ - ๒๕๖๖", "๒๕๖๖ - ๒๕๖๗")], id="shifted"),
        pytest.param("งบประมาณปีงบประมาณ ๒๕๗๐", [("๒๕๗๐", None)], id="fiscal-year-outside"),
        pytest.param("ปีงบประมาณ ๒๕๖๗", [], id="fiscal-year-inside"),
        pytest.param("เมื่อวันที่ ๑ ตุลาคม ๒๕๖๕", [], id="a-date"),
        pytest.param("แผนพัฒนาท้องถิ่น พ.ศ. ๒๕๖๕ - ๒๕๖๖", [], id="another-plan"),
        pytest.param("พ.ศ. ๒๕๖๐ - ๒๕๖๔", [], id="different-length"),
        pytest.param("พ.ศ. ๒๕๕๐ - ๒๕๕๑", [], id="far-from-the-plan"),
    ],
)
def test_other_years(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert run("OTHER-YEARS", {INTRO: text}) == [
        ("objectives.intro", found, fix) for found, fix in expected
    ]


def run_for_years(rule_id: str, first: int, last: int, text: str) -> list[tuple[str, str, Any]]:
    """``run`` on a plan of fiscal years ``first``-``last`` with ``text`` as its intro."""
    targets = {year: "ร้อยละ 80" for year in range(first, last + 1)}
    changes = {("fiscal_years", "first"): first, ("fiscal_years", "last"): last, TARGETS: targets}
    return run(rule_id, {**changes, INTRO: text})


# A range as long as the plan's and shifted by 1 up to its length + 1 (the next or the last
# cycle, just touching the plan's) is flagged; a range shifted further, or not at all, is not.
# ``length`` is last - first, as the rule counts it: 2566-2567 has length 1.
SHIFT_CASES = [
    pytest.param(
        first, last, shift, 0 < abs(shift) <= last - first + 1, id=f"{first}-{last}{shift:+d}"
    )
    for first, last in [(2566, 2567), (2562, 2564), (2561, 2565)]
    for shift in range(-(last - first + 3), last - first + 4)
]


@pytest.mark.parametrize(("first", "last", "shift", "flagged"), SHIFT_CASES)
def test_other_years_flags_a_range_shifted_by_up_to_its_length_plus_one(
    first: int, last: int, shift: int, flagged: bool
) -> None:
    written = f"{first + shift} - {last + shift}"

    hits = run_for_years("OTHER-YEARS", first, last, f"ช่วงปี {written} ที่ผ่านมา")

    assert hits == ([("objectives.intro", written, f"{first} - {last}")] if flagged else [])


@pytest.mark.parametrize(
    ("first", "last", "written"),
    [
        pytest.param(2562, 2564, "2563 - 2564", id="one-year-shorter"),
        pytest.param(2562, 2564, "2563 - 2566", id="one-year-longer"),
        pytest.param(2562, 2564, "2565 - 2565", id="a-single-year-as-a-range"),
        pytest.param(2562, 2564, "2567 - 2565", id="backwards"),
    ],
)
def test_other_years_ignores_ranges_of_another_length(first: int, last: int, written: str) -> None:
    assert run_for_years("OTHER-YEARS", first, last, f"ช่วงปี {written} ที่ผ่านมา") == []


@pytest.mark.parametrize(
    ("year", "flagged"),
    [
        pytest.param(2561, True, id="the-year-before"),
        pytest.param(2562, False, id="the-first-year"),
        pytest.param(2563, False, id="a-middle-year"),
        pytest.param(2564, False, id="the-last-year"),
        pytest.param(2565, True, id="the-year-after"),
    ],
)
def test_other_years_flags_a_fiscal_year_just_outside_the_plan(year: int, flagged: bool) -> None:
    hits = run_for_years("OTHER-YEARS", 2562, 2564, f"งบประมาณปีงบประมาณ {year}")

    assert hits == ([("objectives.intro", str(year), None)] if flagged else [])


TITLE = "แผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและการป้องกันการทุจริต"
NATIONAL = "พัฒนาระบบบริหารและเครื่องมือในการป้องกันและปราบปรามการทุจริต"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param(
            {("announcement", "subject"): TITLE.replace("และการ", "และ")},
            [("announcement.subject", "", None)],
            id="subject-drops-a-word",
        ),
        pytest.param(
            {("announcement", "subject"): TITLE.replace("วินัย", "วินัยฯ")},
            [("announcement.subject", "ฯ", None)],
            id="subject-adds-a-character",
        ),
        pytest.param({("announcement", "subject"): TITLE}, [], id="subject-equals-title"),
        pytest.param({("announcement", "subject"): "ประกาศใช้แผน"}, [], id="subject-unrelated"),
        pytest.param(
            {
                ("national_strategy", "strategies"): ["สร้างสังคมที่ไม่ทนต่อการทุจริต", NATIONAL],
                ("goals", 0, "strategy"): NATIONAL.replace("ปราบปราม", "ปราปราม"),
            },
            [("goals[0].strategy", "", None)],
            id="matrix-strategy-misspells-national",
        ),
        pytest.param(
            {
                ("national_strategy", "strategies"): [NATIONAL],
                ("goals", 0, "strategy"): NATIONAL + "และบูรณาการการทำงาน",
            },
            [],
            id="matrix-strategy-extends-national",
        ),
    ],
)
def test_named_two_ways(
    changes: dict[tuple[str | int, ...], Any], expected: list[tuple[str, str, None]]
) -> None:
    assert run("NAMED-TWO-WAYS", {("title",): TITLE, **changes}) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("ปลุกและปลุกจิตสำนึก", [("ปลุกและปลุก", None)], id="word-และ-word"),
        pytest.param("ส่งเสริม การ การทำงาน", [("การ การ", "การ")], id="word-space-word"),
        pytest.param("ป้องกันการ ทุจริตทุจริต", [("ทุจริตทุจริต", "ทุจริต")], id="word-word"),
        pytest.param("ทุ่่งนา", [("ทุ่่", "ทุ่")], id="tone-mark-twice"),
        pytest.param("จัดทำเเผน", [("เเ", "แ")], id="sara-e-twice-for-sara-ae"),
        pytest.param("ความร่วมมือนานาชาติ", [], id="นานา-is-a-word"),
        pytest.param("บูรณาการการทำงาน", [], id="การการ-inside-words"),
        pytest.param("ความเสี่ยงจากการทุจริต", [], id="word-ends-with-next-words-letter"),
        pytest.param("พัฒนาระบบบริหาร บุคคล คุณธรรม", [], id="letters-doubled-by-spelling"),
        pytest.param("พัฒนาบุคลากรบุคลากรให้มี", [("บุคลากรบุคลากร", "บุคลากร")], id="run-twice-mid-text"),
        pytest.param("คัดเลือกและและประเมิน", [("และและ", "และ")], id="short-word-never-twice"),
        pytest.param("คณะกรรมการการเลือกตั้ง", [], id="การการ-across-words"),
        pytest.param("สถานที่ที่จัดอบรม", [], id="ที่ที่-is-right"),
        pytest.param("ปลุกปลุกจิตสำนึก", [("ปลุกปลุก", "ปลุก")], id="three-clusters-side-by-side"),
        pytest.param("ร่วมมือกับ นานาประเทศ", [], id="two-clusters-side-by-side-is-a-word"),
        pytest.param("ประสานงาน กับ กับหน่วยงาน", [("กับ กับ", "กับ")], id="two-clusters-across-a-space"),
        pytest.param("ทุุ่่งนา", [("ทุุ่่", "ทุ่")], id="two-marks-twice-one-finding"),
    ],
)
def test_doubled(text: str, expected: list[tuple[str, str | None]]) -> None:
    changes = {RATIONALE: text, STEP: "บุคลากรทุกระดับ ป้องกันการทุจริต"}

    assert run("DOUBLED", changes) == [("rationale[0]", found, fix) for found, fix in expected]


@pytest.mark.parametrize(
    ("elsewhere", "expected"),
    [
        pytest.param("บุคลากรทุกระดับ", [("กก", "ก")], id="plan-writes-it-once-elsewhere"),
        pytest.param("บุคลากรทุกคน", [], id="no-evidence"),
    ],
)
def test_doubled_letter_needs_the_plan_as_evidence(
    elsewhere: str, expected: list[tuple[str, str]]
) -> None:
    changes = {RATIONALE: "ข้าราชการในทุกกระดับ และ", STEP: elsewhere}

    assert run("DOUBLED", changes) == [("rationale[0]", found, fix) for found, fix in expected]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param(
            {RATIONALE: "ทุกกระดับ และ", STEP: "บุคลากรทุกระดับ"},
            [("กก", "ก")],
            id="in-the-text's-first-word",
        ),
        pytest.param(
            {RATIONALE: "ทุกกระดับ และทุก", STEP: "บุคลากรทุกระดับ"},
            [("กก", "ก")],
            id="in-the-first-word-of-a-text-ending-with-the-letter",
        ),
        pytest.param(
            {RATIONALE: "นานาหน่วยงานร่วมกับข้าราชการในทุกกระดับ และ", STEP: "บุคลากรทุกระดับ"},
            [("กก", "ก")],
            id="after-a-letter-repeated-at-the-text's-start",
        ),
        pytest.param(
            {RATIONALE: "ดำเนินการอย่างยาวนนานต่อเนื่อง", STEP: "ทำงานอย่างยาวนานต่อ"},
            [("นน", "น")],
            id="before-a-word-that-repeats-the-letter",
        ),
        pytest.param(
            {RATIONALE: "ตามหลักฮฮวงจุ้ย และ", STEP: "หลักฮวงจุ้ยที่ดี"},
            [("ฮฮ", "ฮ")],
            id="the-last-letter-ฮ",
        ),
        pytest.param(
            {RATIONALE: "ประชาชนทุก กิจกรรม และ", STEP: "ประชาชนทุกกิจกรรม"},
            [],
            id="the-letter-again-after-a-space",
        ),
        pytest.param(
            {RATIONALE: "ข้าราชการในทุกกระดับ", STEP: "บุคลากรทุกระดับ และ"},
            [],
            id="too-near-the-end-for-a-whole-phrase-after-it",
        ),
        pytest.param(
            {RATIONALE: "ข้าราชการในทุกกระดับ และ", STEP: "บุคลากรทุกระดับ", INTRO: "ยกระดับ คุณภาพ"},
            [],
            id="the-words-at-its-second-copy-written-elsewhere",
        ),
    ],
)
def test_doubled_letter_reach(
    changes: dict[tuple[str | int, ...], Any], expected: list[tuple[str, str]]
) -> None:
    assert run("DOUBLED", changes) == [("rationale[0]", found, fix) for found, fix in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "ป้องกันการทุจริตทุจริตในองค์กร", [("ทุจริตทุจริต", "ทุจริต")], id="four-clusters-mid-word"
        ),
        pytest.param(
            "ทุจริตทุจริต พัฒนาบุคลากรบุคลากรให้มี",
            [("ทุจริตทุจริต", "ทุจริต"), ("บุคลากรบุคลากร", "บุคลากร")],
            id="a-run-after-a-doubled-word",
        ),
        pytest.param(
            "ปลุกและปลุกบุคลากรบุคลากร",
            [("ปลุกและปลุก", None), ("บุคลากรบุคลากร", "บุคลากร")],
            id="a-run-right-after-a-doubled-word",
        ),
    ],
)
def test_doubled_runs(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert run("DOUBLED", {RATIONALE: text}) == [
        ("rationale[0]", found, fix) for found, fix in expected
    ]


@pytest.mark.parametrize(
    ("rule_id", "text", "expected"),
    [
        pytest.param("PLACEHOLDER", "ข้อความ ..... ต่อ", [(".....", None)], id="dots"),
        pytest.param("PLACEHOLDER", "ระบุ…", [("…", None)], id="ellipsis"),
        pytest.param(
            "PLACEHOLDER", "ชื่อ xxx และ TODO", [("xxx", None), ("TODO", None)], id="x-todo"
        ),
        pytest.param("PLACEHOLDER", "จำนวน ??? คน", [("???", None)], id="questions"),
        pytest.param("PLACEHOLDER", "ฯลฯ ศูนย์ข้อมูลฯ ป.ป.ช. Mexx", [], id="thai-abbreviations"),
        pytest.param("DOUBLE-SPACE", "มาตรการที่ ๒  ปรับปรุง", [("  ", " ")], id="two-spaces"),
        pytest.param("DOUBLE-SPACE", "ก ข ค", [], id="single-spaces"),
        pytest.param("MIXED-DIGITS", "ร้อยละ ๘๐ จาก 100 คน", [("100", "๑๐๐")], id="arabic-in-thai"),
        pytest.param("MIXED-DIGITS", "ร้อยละ 80 จาก 100 คน", [], id="all-arabic"),
        pytest.param("MIXED-DIGITS", "ร้อยละ ๘๐ จาก ๑๐๐ คน", [], id="all-thai"),
        pytest.param("LATIN-IN-THAI", "การทุจรiต", [("i", None)], id="inside-a-word"),
        pytest.param("LATIN-IN-THAI", "ระบบe-Service", [("e", None)], id="against-a-word"),
        pytest.param(
            "LATIN-IN-THAI", "(Local Performance assessment : LPA) สื่อมวลชน NGO และ", [], id="words"
        ),
    ],
)
def test_text_slips(rule_id: str, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert run(rule_id, {RATIONALE: text}) == [
        ("rationale[0]", found, fix) for found, fix in expected
    ]


def test_mixed_digits_follows_the_digits_setting() -> None:
    changes = {("digits",): "arabic", RATIONALE: "ร้อยละ 80 จาก ๑๐๐ คน"}

    assert run("MIXED-DIGITS", changes) == [("rationale[0]", "๑๐๐", "100")]


def test_mixed_digits_leaves_a_text_all_in_the_other_digits_alone() -> None:
    changes = {("digits",): "arabic", RATIONALE: "ร้อยละ ๘๐ จาก ๑๐๐ คน"}

    assert run("MIXED-DIGITS", changes) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param(
            {(*TARGETS, 2567): "ร้อยละ ๑๒๐"},
            [("goals[0].measures[0].rows[0].targets.2567", "๑๒๐")],
            id="thai-ร้อยละ",
        ),
        pytest.param(
            {(*TARGETS, 2566): "110 %"},
            [("goals[0].measures[0].rows[0].targets.2566", "110")],
            id="per-cent-sign",
        ),
        pytest.param(
            {("goals", 0, "strategy_indicator"): "ความพึงพอใจ ร้อยละ 150"},
            [("goals[0].strategy_indicator", "150")],
            id="strategy-indicator",
        ),
        pytest.param({(*TARGETS, 2567): "ร้อยละ ๑๐๐"}, [], id="hundred"),
        pytest.param({(*TARGETS, 2567): "๑๒๐ คน"}, [], id="not-a-percentage"),
    ],
)
def test_percent_over_100(
    changes: dict[tuple[str | int, ...], Any], expected: list[tuple[str, str]]
) -> None:
    assert run("PERCENT-OVER-100", changes) == [(path, found, None) for path, found in expected]


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        pytest.param("ร้อยละ ๙๐", "ร้อยละ ๘๐", [("๘๐",)], id="falls"),
        pytest.param("ไม่น้อยกว่า ๕ คน", "ไม่น้อยกว่า ๓ คน", [("๓",)], id="at-least-falls"),
        pytest.param("ร้อยละ ๘๐", "ร้อยละ ๘๐", [], id="holds"),
        pytest.param("ร้อยละ 80", "ร้อยละ ๙๐", [], id="rises-in-other-digits"),
        pytest.param("ไม่เกิน ๕ เรื่อง", "ไม่เกิน ๓ เรื่อง", [], id="a-cap-may-fall"),
        pytest.param("ร้อยละ ๙๐", "๑ ครั้ง", [], id="different-measures"),
        pytest.param("ร้อยละ ๘๐ ใน ๒ กลุ่ม", "ร้อยละ ๙๐ ใน ๑ กลุ่ม", [], id="first-change-rises"),
        pytest.param("ร้อยละ ๘๐ ใน ๒ กลุ่ม", "ร้อยละ ๘๐ ใน ๑ กลุ่ม", [("๑",)], id="later-number-falls"),
    ],
)
def test_target_falls(first: str, second: str, expected: list[tuple[str]]) -> None:
    changes = {TARGETS: {2566: first, 2567: second}}

    assert run("TARGET-FALLS", changes) == [
        ("goals[0].measures[0].rows[0].targets.2567", found, None) for (found,) in expected
    ]


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        pytest.param(None, [("goals[0].measures[0].rows[0].steps", "", None)], id="missing"),
        pytest.param([], [("goals[0].measures[0].rows[0].steps", "", None)], id="empty"),
        pytest.param(["ขั้นที่หนึ่ง"], [], id="present"),
    ],
)
def test_no_steps(steps: list[str] | None, expected: list[tuple[str, str, None]]) -> None:
    assert run("NO-STEPS", {(*ROW, "steps"): steps}) == expected


def test_settings_and_identifiers_are_not_prose() -> None:
    changes = {("goals", 0, "id"): "TODO.x", ("organization", "name"): "ทุ่งทอง"}
    data = plan_with(changes)
    data["layout"] = {"font": "TH  SarabunPSK"}
    data["amendment"] = {"number": 1, "date": "2566-01-01", "reason": "ปรับค่าเป้าหมาย"}
    valid = parse_plan(dump(data), file="plan.yaml")

    paths = {format_path(prose.path) for prose in Context(valid.document, valid.plan).prose}

    assert "goals[0].id" not in paths
    settings = {"organization.name", "fiscal_years.first", "announcement.date", "layout.font"}
    assert not (settings | {"amendment.number", "amendment.date"}) & paths
    assert "amendment.reason" in paths
    assert "goals[0].measures[0].rows[0].targets.2566" in paths


def test_every_rule_has_an_id_severity_and_rationale() -> None:
    assert all(rule.id and rule.rationale and rule.find for rule in RULES)
    assert len({rule.id for rule in RULES}) == len(RULES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "ประชาชนในเขตเทศบาลตำบลบ้านใหม่", [("เทศบาลตำบล", "องค์การบริหารส่วนตำบล")], id="kind"
        ),
        pytest.param("ตามประกาศจังหวัดนครราชสีมา", [("นครราชสีมา", "กาญจนบุรี")], id="province"),
        pytest.param("คณะกรรมการจังหวัดกาญจนบุรี", [], id="our-province"),
        pytest.param("องค์กรปกครองส่วนท้องถิ่นทุกแห่ง", [], id="local-government-in-general"),
    ],
)
def test_other_organization(text: str, expected: list[tuple[str, str]]) -> None:
    found = run("OTHER-ORGANIZATION", {RATIONALE: text})

    assert found == [("rationale[0]", flagged, fix) for flagged, fix in expected]


def messages(rule_id: str, changes: dict[tuple[str | int, ...], Any]) -> list[str]:
    """The message of each hit of the rule on the changed plan."""
    valid = parse_plan(dump(plan_with(changes)), file="plan.yaml")
    find = RULE[rule_id].find
    assert find is not None
    return [hit.message for hit in find(Context(valid.document, valid.plan))]


def test_latin_in_thai_quotes_the_letter_with_three_characters_either_side() -> None:
    found = messages("LATIN-IN-THAI", {RATIONALE: "eระบบป้องกันการทุจรiตทั้งหมด"})

    assert found == [
        "Latin letter 'e' inside Thai text ('eระบ'); it looks the same in print but breaks "
        "searching and sorting",
        "Latin letter 'i' inside Thai text ('ุจรiตทั'); it looks the same in print but breaks "
        "searching and sorting",
    ]


@pytest.mark.parametrize(
    ("rule_id", "changes", "expected"),
    [
        pytest.param(
            "NAME-SPELLING",
            {RATIONALE: "องค์กรบริหารส่วนตำบลทุ้งทอง อำเภอทามวง จังหวัดกาญจนบุร"},
            [
                "'ทุ้งทอง' is a near miss of the organization's name 'ทุ่งทอง'",
                "'องค์กรบริหารส่วนตำบล' is a near miss of the organization's kind "
                "'องค์การบริหารส่วนตำบล'",
                "'ทามวง' is a near miss of the organization's district 'ท่าม่วง'",
                "'กาญจนบุร' is a near miss of the organization's province 'กาญจนบุรี'",
            ],
            id="name-kind-district-province",
        ),
        pytest.param(
            "NAME-SPELLING",
            {RATIONALE: "องค์การบริหารส่วนตำบล ทุ่งทอง"},
            [
                "a space splits the organization's full name in 'องค์การบริหารส่วนตำบล ทุ่งทอง'; "
                "remove it"
            ],
            id="space-splits-the-full-name",
        ),
        pytest.param(
            "OTHER-ORGANIZATION",
            {RATIONALE: "เทศบาลตำบลบ้านใหม่ จังหวัดนครราชสีมา"},
            [
                "'เทศบาลตำบล' is another kind of organization: this plan is "
                "องค์การบริหารส่วนตำบลทุ่งทอง's; left in from a copied plan?",
                "'จังหวัดนครราชสีมา' names another province: this plan is "
                "องค์การบริหารส่วนตำบลทุ่งทอง's, in จังหวัดกาญจนบุรี; left in from a copied plan?",
            ],
            id="other-kind-and-province",
        ),
        pytest.param(
            "FISCAL-YEARS",
            {INTRO: "จัดทำแผน ประจำปี ๒๕๖๕ - ๒๕๖๖ มี"},
            ["gives the plan's period as 2565-2566, but its fiscal years are 2566-2567"],
            id="own-period",
        ),
        pytest.param(
            "OTHER-YEARS",
            {INTRO: "ช่วงปี ๒๕๖๗ - ๒๕๖๘ และปีงบประมาณ ๒๕๗๐"},
            [
                "2567-2568 is as long as the plan's fiscal years 2566-2567 but shifted by +1; "
                "if it means the plan's period, correct it",
                "fiscal year 2570 is outside the plan's fiscal years 2566-2567",
            ],
            id="shifted-range-and-year-outside",
        ),
        pytest.param(
            "DOUBLED",
            {RATIONALE: "ปลุกและปลุก ทุ่่งนา จัดทำเเผน พัฒนาบุคลากรบุคลากรให้มี"},
            [
                "'ปลุก' is written twice: 'ปลุกและปลุก'",
                "the mark '่' is typed twice on 'ท'",
                "two เ (sara e) typed where แ (sara ae) is meant",
                "'บุคลากร' is written twice: 'บุคลากรบุคลากร'",
            ],
            id="word-run-mark-sara-e",
        ),
        pytest.param(
            "DOUBLED",
            {RATIONALE: "ข้าราชการในทุกกระดับ และ", STEP: "บุคลากรทุกระดับ"},
            ["'ก' is typed twice in 'ทุกกระดับ'; elsewhere the plan writes 'ทุกระดับ'"],
            id="letter",
        ),
        pytest.param(
            "PLACEHOLDER",
            {RATIONALE: "ข้อความ ..... ต่อ"},
            ["placeholder '.....' where text is expected; write the text"],
            id="placeholder",
        ),
        pytest.param(
            "DOUBLE-SPACE",
            {RATIONALE: "ข้อ   ความ"},
            ["3 spaces in a row; Thai text separates phrases by one"],
            id="three-spaces",
        ),
        pytest.param(
            "MIXED-DIGITS",
            {RATIONALE: "ร้อยละ ๘๐ จาก 100 คน"},
            [
                "mixes Thai and Arabic digits in one text; write '100' in Thai digits like the "
                "rest (the plan's digits setting)"
            ],
            id="arabic-in-thai",
        ),
        pytest.param(
            "MIXED-DIGITS",
            {("digits",): "arabic", RATIONALE: "ร้อยละ 80 จาก ๑๐๐ คน"},
            [
                "mixes Arabic and Thai digits in one text; write '๑๐๐' in Arabic digits like the "
                "rest (the plan's digits setting)"
            ],
            id="thai-in-arabic",
        ),
    ],
)
def test_each_rule_says_what_it_found(
    rule_id: str, changes: dict[tuple[str | int, ...], Any], expected: list[str]
) -> None:
    assert messages(rule_id, changes) == expected
