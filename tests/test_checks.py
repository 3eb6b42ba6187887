"""plan check end to end: the seed's slips, the clean plan, planted slips, and the settings."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from anticorrupt_plan.app import checks
from anticorrupt_plan.app.checks import (
    CONFIG_RULE,
    Finding,
    Report,
    accepted_text,
    report_json,
    report_text,
    rules_text,
    run_checks,
    summary,
)
from anticorrupt_plan.app.registry import KIND_NAMES, kind_named
from anticorrupt_plan.app.validate import parse_plan, read_plan
from anticorrupt_plan.cli.commands import Exit, app
from anticorrupt_plan.common.kind import Kind
from anticorrupt_plan.core.errors import PlanInvalid
from anticorrupt_plan.kinds.ethics.rules import RULES

from .conftest import DATA, PLAN_PATH, dump, minimal_plan
from .counting import growth

SEED = DATA / "seed_verbatim.yaml"


def check(text: str) -> Report:
    return run_checks(parse_plan(text, file="plan.yaml"))


def findings(text: str) -> list[tuple[str, int, int]]:
    return [(f.rule, f.location.line, f.location.column) for f in check(text).findings]


def test_the_seed_reports_each_of_its_slips_at_its_line() -> None:
    report = run_checks(read_plan(SEED))

    assert [(f.location.line, f.location.column, f.rule) for f in report.findings] == [
        (26, 28, "NAMED-TWO-WAYS"),  # เรื่อง: แผนการเสริมสร้างมาตรฐาน... against the title
        (37, 455, "DOUBLED"),  # ทุกกระดับ
        (43, 7, "DOUBLED"),  # ปลุกและปลุกจิตสำนึก
        (51, 36, "NAME-SPELLING"),  # องค์กรบริหารส่วนตำบลทุ่งทองจึงได้
        (51, 147, "NAME-SPELLING"),  # ... การทุจริต องค์กรบริหารส่วนตำบลทุ่งทอง
        (51, 183, "FISCAL-YEARS"),  # ประจำปี ๒๕๖๑ - ๒๕๖๓
        (53, 104, "NAME-SPELLING"),  # พนักงานจ้างองค์กรบริหารส่วนตำบล
        (55, 94, "NAME-SPELLING"),  # การใช้อำนาจขององค์กรบริหารส่วนตำบล
        (56, 60, "NAME-SPELLING"),  # พนักงานจ้างองค์กรบริหารส่วนตำบล ทุ่งทอง
        (56, 80, "NAME-SPELLING"),  # ... the space before ทุ่งทอง
        (60, 112, "NAME-SPELLING"),  # การทุจริตขององค์กรบริหารส่วนตำบลทุ่งทอง
        (62, 71, "NAME-SPELLING"),  # ให้นายกองการ บริหารส่วนตำบล
        (70, 16, "NAMED-TWO-WAYS"),  # ปลูกสร้างจิตสำนึก... against national strategy ๑
    ]


def test_each_seed_finding_points_at_the_characters_it_names() -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()

    for finding in run_checks(read_plan(SEED)).findings:
        line = lines[finding.location.line - 1]
        assert line[finding.location.column - 1 :].startswith(finding.text), finding


def test_the_repository_plan_has_only_accepted_findings() -> None:
    report = run_checks(read_plan(PLAN_PATH))

    assert report.findings == ()
    assert [(a.acceptance.rule, a.acceptance.path, len(a.findings)) for a in report.accepted] == [
        ("NAMED-TWO-WAYS", "announcement.subject", 1),
        ("NAMED-TWO-WAYS", "goals[0].strategy", 1),
    ]


BASE = """\
schema_version: 1
organization:
  kind: องค์การบริหารส่วนตำบล
  name: ทุ่งทอง
  district: ท่าม่วง
  province: กาญจนบุรี
fiscal_years:
  first: 2566
  last: 2567
title: แผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและการป้องกันการทุจริต
announcement:
  body:
    - ข้อความประกาศ
  date: "2565-10-01"
  signatory:
    name: นายทดสอบ ใจดี
rationale:
  - หลักการและเหตุผล
national_strategy:
  intro: สรุปยุทธศาสตร์ชาติ
  strategies:
    - ยุทธศาสตร์หนึ่ง
objectives:
  intro: มีวัตถุประสงค์ดังนี้
  items:
    - วัตถุประสงค์หนึ่ง
preparation_steps:
  - ขั้นตอนหนึ่ง
goals:
  - goal: เป้าประสงค์
    strategy: ยุทธศาสตร์
    strategy_indicator: ตัวชี้วัดยุทธศาสตร์
    tactic: กลยุทธ์
    measures:
      - title: มาตรการ
        rows:
          - objective: วัตถุประสงค์
            indicator: ตัวชี้วัด
            targets:
              2566: ร้อยละ ๘๐
              2567: ร้อยละ ๙๐
            project: โครงการ
            steps:
              - ขั้นที่หนึ่ง
"""


def test_the_base_plan_is_clean() -> None:
    assert findings(BASE) == []


@pytest.mark.parametrize(
    ("line", "planted", "expected"),
    [
        pytest.param(
            "  - หลักการและเหตุผล",
            "  - >-\n    บรรทัดแรก\n    ขององค์กรบริหารส่วนตำบลทุ่งทอง",
            ("NAME-SPELLING", 20, 8),
            id="kind-in-folded-block",
        ),
        pytest.param(
            "    - ข้อความประกาศ",
            '    - "\\tองค์การบริหารส่วนตำบลทุ้งทองจึงได้"',
            ("NAME-SPELLING", 13, 31),
            id="name-in-double-quotes-after-an-escape",
        ),
        pytest.param(
            "  intro: มีวัตถุประสงค์ดังนี้",
            "  intro: 'จัดทำแผน''ฯ''\n    ประจำปี ๒๕๖๕ - ๒๕๖๖ มี'",
            ("FISCAL-YEARS", 25, 13),
            id="plan-period-in-single-quotes-over-two-lines",
        ),
        pytest.param(
            "  - ขั้นตอนหนึ่ง",
            "  - ขั้นตอนหนึ่ง ช่วง\n    ปี ๒๕๖๕ - ๒๕๖๖ ที่ผ่านมา",
            ("OTHER-YEARS", 29, 8),
            id="shifted-range-in-multi-line-plain",
        ),
        pytest.param(
            "announcement:",
            "announcement:\n  subject: แผนการเสริมสร้างมาตรฐานวินัยคุณธรรมจริยธรรมและการป้องกันการทุจริต",
            ("NAMED-TWO-WAYS", 12, 28),
            id="subject-against-title",
        ),
        pytest.param(
            "    - ยุทธศาสตร์หนึ่ง",
            "    - |\n      ยุทธศาสตร์\n      ปลุกและปลุกจิตสำนึก",
            ("DOUBLED", 24, 7),
            id="doubled-word-in-literal-block",
        ),
        pytest.param(
            "  - goal: เป้าประสงค์",
            '  - goal: "เป้าประสงค์ ....."',
            ("PLACEHOLDER", 30, 24),
            id="placeholder-in-double-quotes",
        ),
        pytest.param(
            "    tactic: กลยุทธ์",
            "    tactic: กลยุทธ์  หลัก",
            ("DOUBLE-SPACE", 33, 20),
            id="double-space-in-plain",
        ),
        pytest.param(
            "    - ข้อความประกาศ",
            '    - "   ข้อความ  ประกาศ"',
            ("DOUBLE-SPACE", 13, 18),
            id="after-outer-white-space-the-model-strips",
        ),
        pytest.param(
            "    - วัตถุประสงค์หนึ่ง",
            "    - วัตถุประสงค์ ๑ ข้อ 2",
            ("MIXED-DIGITS", 26, 26),
            id="mixed-digits",
        ),
        pytest.param(
            "            project: โครงการ",
            "            project: โครgการ",
            ("LATIN-IN-THAI", 42, 25),
            id="latin-letter",
        ),
        pytest.param(
            "              2567: ร้อยละ ๙๐",
            "              2567: ร้อยละ ๑๒๐",
            ("PERCENT-OVER-100", 41, 28),
            id="percent-over-100",
        ),
        pytest.param(
            "              2567: ร้อยละ ๙๐",
            "              2567: ร้อยละ ๗๐",
            ("TARGET-FALLS", 41, 28),
            id="target-falls",
        ),
        pytest.param(
            "            steps:\n              - ขั้นที่หนึ่ง\n",
            "",
            ("NO-STEPS", 37, 13),
            id="no-steps-points-at-the-row",
        ),
    ],
)
def test_a_planted_slip_is_found_at_its_line_and_column(
    line: str, planted: str, expected: tuple[str, int, int]
) -> None:
    assert BASE.count(line) == 1

    assert findings(BASE.replace(line, planted)) == [expected]


def test_a_slip_in_a_folded_block_with_explicit_indentation_ending_the_file() -> None:
    # The last line is no longer than the indentation first tried, and no line break follows
    # it: reading it used to look one character past the end of the file (exit 3).
    last = "              - ขั้นที่หนึ่ง\n"
    assert BASE.endswith(last)
    text = BASE[: -len(last)] + "              - >1\n                 ขั้นที่  หนึ่ง\n                ก"

    assert findings(text) == [("DOUBLE-SPACE", 45, 25)]


SLIPPED = BASE.replace("    tactic: กลยุทธ์", "    tactic: กลยุทธ์  หลัก  ย่อย")


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        pytest.param("", [("DOUBLE-SPACE", 33, 20), ("DOUBLE-SPACE", 33, 26)], id="no-settings"),
        pytest.param("checks:\n  disable: [DOUBLE-SPACE]\n", [], id="disabled"),
        pytest.param(
            "checks:\n  accept:\n    - rule: DOUBLE-SPACE\n      path: goals[0].tactic\n"
            "      reason: spaced as signed\n",
            [],
            id="accepted-by-path",
        ),
        pytest.param(
            "checks:\n  accept:\n    - {rule: DOUBLE-SPACE, path: 'goals[0].tactic', text: '  ',"
            " reason: spaced as signed}\n",
            [],
            id="accepted-by-path-and-text",
        ),
        pytest.param(
            "checks:\n  accept:\n    - {rule: DOUBLE-SPACE, path: 'goals[0].goal', reason: old}\n",
            [("DOUBLE-SPACE", 33, 20), ("DOUBLE-SPACE", 33, 26), ("CHECK-CONFIG", 47, 7)],
            id="stale-acceptance",
        ),
        pytest.param(
            "checks:\n  disable: [DOUBLE-SPACES]\n",
            [("DOUBLE-SPACE", 33, 20), ("DOUBLE-SPACE", 33, 26), ("CHECK-CONFIG", 46, 13)],
            id="unknown-rule",
        ),
        pytest.param(
            "checks:\n  disable: [CHECK-CONFIG]\n",
            [("DOUBLE-SPACE", 33, 20), ("DOUBLE-SPACE", 33, 26), ("CHECK-CONFIG", 46, 13)],
            id="settings-rule-cannot-be-switched-off",
        ),
    ],
)
def test_check_settings(settings: str, expected: list[tuple[str, int, int]]) -> None:
    assert findings(SLIPPED + settings) == expected


# Two findings of one rule at one path that differ only in their text: two spaces, then three.
SPACED = BASE.replace("    tactic: กลยุทธ์", "    tactic: กลยุทธ์  หลัก   ย่อย")


def accept_text(text: str) -> str:
    return (
        "checks:\n  accept:\n    - {rule: DOUBLE-SPACE, path: 'goals[0].tactic', "
        f"text: '{text}', reason: spaced as signed}}\n"
    )


@pytest.mark.parametrize(
    ("settings", "accepted", "expected"),
    [
        pytest.param("", [], [("  ", 33, 20), ("   ", 33, 26)], id="no-settings"),
        pytest.param(accept_text("  "), [("  ", 33, 20)], [("   ", 33, 26)], id="two-spaces"),
        pytest.param(accept_text("   "), [("   ", 33, 26)], [("  ", 33, 20)], id="three-spaces"),
        pytest.param(
            accept_text("    "),
            [],
            [("  ", 33, 20), ("   ", 33, 26), ("", 47, 7)],
            id="text-matches-neither",
        ),
        pytest.param(
            accept_text("หลัก"),
            [],
            [("  ", 33, 20), ("   ", 33, 26), ("", 47, 7)],
            id="text-elsewhere-in-the-value",
        ),
    ],
)
def test_an_acceptance_with_text_accepts_only_the_finding_of_that_text(
    settings: str, accepted: list[tuple[str, int, int]], expected: list[tuple[str, int, int]]
) -> None:
    report = check(SPACED + settings)

    def where(found: tuple[Finding, ...]) -> list[tuple[str, int, int]]:
        return [(f.text, f.location.line, f.location.column) for f in found]

    assert where(report.findings) == expected
    assert [where(item.findings) for item in report.accepted] == ([accepted] if settings else [])
    stale = [f.message for f in report.findings if f.rule == "CHECK-CONFIG"]
    if expected[-1][0] == "":
        assert stale == [
            "accepts nothing: no DOUBLE-SPACE finding at goals[0].tactic; remove this acceptance"
        ]


def test_acceptance_of_a_switched_off_rule_is_stale_and_says_why() -> None:
    settings = (
        "checks:\n  disable: [DOUBLE-SPACE]\n  accept:\n"
        "    - {rule: DOUBLE-SPACE, path: 'goals[0].tactic', reason: spaced as signed}\n"
    )

    report = check(SLIPPED + settings)

    assert [str(f).split(": ", 3)[-1] for f in report.findings] == [
        "checks.accept[0]: accepts nothing: no DOUBLE-SPACE finding at goals[0].tactic "
        "(the rule is switched off); remove this acceptance"
    ]


def test_unknown_rule_suggests_the_nearest() -> None:
    report = check(SLIPPED + "checks:\n  disable: [DOUBLE-SPACES]\n")

    assert report.findings[-1].suggestion == "DOUBLE-SPACE"


@pytest.mark.parametrize(
    "settings",
    [
        pytest.param(
            "checks:\n  accept:\n"
            "    - {rule: DOUBLE-SPACE, path: 'goals[0].tactic', reason: ' '}\n",
            id="blank-reason",
        ),
        pytest.param(
            "checks:\n  accept:\n    - {rule: DOUBLE-SPACE, path: 'goals[0].tactic'}\n",
            id="no-reason",
        ),
        pytest.param("checks:\n  disable: [double-space]\n", id="rule-id-not-an-id"),
        pytest.param("checks:\n  ignore: [DOUBLE-SPACE]\n", id="unknown-setting"),
    ],
)
def test_malformed_settings_are_schema_errors(settings: str) -> None:
    with pytest.raises(PlanInvalid):
        check(SLIPPED + settings)


def test_text_report_is_one_finding_per_line_with_the_correction() -> None:
    text = report_text(check(SLIPPED))

    assert text.splitlines()[0] == (
        "plan.yaml:33:20: warning: DOUBLE-SPACE: goals[0].tactic: 2 spaces in a row; "
        "Thai text separates phrases by one; write ' '"
    )


def test_json_report_lists_findings_and_acceptances() -> None:
    settings = (
        "checks:\n  accept:\n    - {rule: DOUBLE-SPACE, path: 'goals[0].tactic', text: '  ',"
        " reason: spaced as signed}\n"
    )

    data = json.loads(report_json(check(SLIPPED + settings)))

    assert data["findings"] == []
    assert data["accepted"][0]["reason"] == "spaced as signed"
    assert [f["column"] for f in data["accepted"][0]["findings"]] == [20, 26]
    assert set(data["accepted"][0]["findings"][0]) == {
        "file",
        "line",
        "column",
        "severity",
        "rule",
        "path",
        "message",
        "text",
        "suggestion",
    }


def test_accepted_listing_shows_reason_and_what_is_covered() -> None:
    settings = (
        "checks:\n  accept:\n"
        "    - {rule: DOUBLE-SPACE, path: 'goals[0].tactic', reason: spaced as signed}\n"
        "    - {rule: PLACEHOLDER, path: 'goals[0].goal', reason: was a placeholder}\n"
    )

    lines = accepted_text(check(SLIPPED + settings)).splitlines()

    assert lines[0] == "plan.yaml:47:7: DOUBLE-SPACE: goals[0].tactic: spaced as signed"
    assert lines[1].startswith("    accepts plan.yaml:33:20: warning: DOUBLE-SPACE")
    assert lines[3:] == [
        "plan.yaml:48:7: PLACEHOLDER: goals[0].goal: was a placeholder",
        "    accepts nothing",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BASE, "0 errors, 0 warnings"),
        (SLIPPED, "0 errors, 2 warnings"),
        (BASE.replace("ดังนี้", "ดังนี้ TODO"), "1 error, 0 warnings"),
        (
            SLIPPED + "checks:\n  accept:\n    - {rule: DOUBLE-SPACE, path: 'goals[0].tactic', "
            "reason: r}\n",
            "0 errors, 0 warnings; 2 accepted",
        ),
    ],
)
def test_summary(text: str, expected: str) -> None:
    assert summary(check(text)) == expected


def test_rule_listing_names_every_rule_once() -> None:
    listed = [line.split()[0] for line in rules_text().splitlines()]
    every = {rule.id: rule for kind in KIND_NAMES for rule in kind_named(kind).rules()}
    assert listed == [*every, CONFIG_RULE.id]
    assert listed[: len(RULES)] == [rule.id for rule in RULES]  # the ethics plan's first
    assert "(only in: action)" in rules_text() and "(only in: ethics)" in rules_text()
    budget = next(line for line in rules_text().splitlines() if line.startswith("BUDGET-OVER"))
    assert budget.endswith("(only in: report)")


def test_accepting_twice_as_many_findings_is_twice_the_work(tmp_path: Path) -> None:
    def check_accepting(count: int) -> None:
        data = minimal_plan()
        data["rationale"] = [f"ข้อความ TODO ที่ {n}" for n in range(count)]
        data["checks"] = {
            "accept": [
                {"rule": "PLACEHOLDER", "path": f"rationale[{n}]", "reason": "ร่าง"}
                for n in range(count)
            ]
        }
        (tmp_path / "plan.yaml").write_text(dump(data), encoding="utf-8")
        result = CliRunner().invoke(app, ["check", str(tmp_path / "plan.yaml")])
        assert result.exit_code == Exit.OK, result.stderr
        assert result.stderr.endswith(f"0 errors, 0 warnings; {count} accepted\n")

    # Each acceptance once read every finding: 4x the work for 2x.
    assert growth(check_accepting, 200) < 2.2


def test_json_report_in_full_keeps_the_thai_readable_and_a_whole_value_finding_textless() -> None:
    # A row without steps (a finding about the whole value) and an accepted double space.
    steps = "            steps:\n              - ขั้นที่หนึ่ง\n"
    text = BASE.replace(steps, "").replace("    tactic: กลยุทธ์", "    tactic: กลยุทธ์  หลัก")
    settings = (
        "checks:\n  accept:\n"
        "    - {rule: DOUBLE-SPACE, path: 'goals[0].tactic', reason: เว้นวรรคตามต้นฉบับ}\n"
    )

    assert report_json(check(text + settings)) == (
        "{\n"
        '  "findings": [\n'
        "    {\n"
        '      "file": "plan.yaml",\n'
        '      "line": 37,\n'
        '      "column": 13,\n'
        '      "severity": "warning",\n'
        '      "rule": "NO-STEPS",\n'
        '      "path": "goals[0].measures[0].rows[0].steps",\n'
        '      "message": "this row has no steps (แนวทางปฏิบัติ); list how its project is carried'
        ' out",\n'
        '      "text": "",\n'
        '      "suggestion": null\n'
        "    }\n"
        "  ],\n"
        '  "accepted": [\n'
        "    {\n"
        '      "rule": "DOUBLE-SPACE",\n'
        '      "path": "goals[0].tactic",\n'
        '      "text": null,\n'
        '      "reason": "เว้นวรรคตามต้นฉบับ",\n'
        '      "line": 45,\n'
        '      "column": 7,\n'
        '      "findings": [\n'
        "        {\n"
        '          "file": "plan.yaml",\n'
        '          "line": 33,\n'
        '          "column": 20,\n'
        '          "severity": "warning",\n'
        '          "rule": "DOUBLE-SPACE",\n'
        '          "path": "goals[0].tactic",\n'
        '          "message": "2 spaces in a row; Thai text separates phrases by one",\n'
        '          "text": "  ",\n'
        '          "suggestion": " "\n'
        "        }\n"
        "      ]\n"
        "    }\n"
        "  ]\n"
        "}\n"
    )


def test_a_settings_problem_is_an_error_line_with_the_nearest_rule() -> None:
    report = check(SLIPPED + "checks:\n  disable: [DOUBLE-SPACES]\n")

    assert report_text(report).splitlines()[-1] == (
        "plan.yaml:46:13: error: CHECK-CONFIG: checks.disable[0]: no rule is called "
        "DOUBLE-SPACES; 'plan check --list-rules' lists them; write 'DOUBLE-SPACE'"
    )
    assert summary(report) == "1 error, 2 warnings"


def test_switching_off_the_settings_rule_says_it_cannot_be() -> None:
    report = check(SLIPPED + "checks:\n  disable: [CHECK-CONFIG]\n")

    assert str(report.findings[-1]) == (
        "plan.yaml:46:13: error: CHECK-CONFIG: checks.disable[0]: CHECK-CONFIG cannot be "
        "switched off or accepted; fix the settings"
    )


def test_rule_listing_notes_no_kinds_for_a_rule_every_kind_runs() -> None:
    line = next(line for line in rules_text().splitlines() if line.startswith("PLACEHOLDER "))

    assert line.endswith("(....., …, ???, xxx, TODO) where the document needs words")


def test_rule_listing_names_each_kind_of_a_rule_some_kinds_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # No rule is run by two of the three kinds yet: a report without PLACEHOLDER makes one.
    def without_placeholder(name: str) -> Kind:
        kind = kind_named(name)
        if name != "report":
            return kind
        rules = [rule for rule in kind.rules() if rule.id != "PLACEHOLDER"]
        return dataclasses.replace(kind, rules=lambda: rules)

    monkeypatch.setattr(checks, "kind_named", without_placeholder)

    line = next(line for line in rules_text().splitlines() if line.startswith("PLACEHOLDER "))
    assert line.endswith("where the document needs words (only in: ethics, action)")


def test_an_acceptance_of_an_unknown_rule_points_at_its_rule_and_says_only_that() -> None:
    settings = (
        "checks:\n  accept:\n    - rule: DOUBLE-SPACES\n      path: goals[0].tactic\n"
        "      reason: spaced as signed\n"
    )

    lines = report_text(check(SLIPPED + settings)).splitlines()

    assert lines[2:] == [
        "plan.yaml:47:13: error: CHECK-CONFIG: checks.accept[0].rule: no rule is called "
        "DOUBLE-SPACES; 'plan check --list-rules' lists them; write 'DOUBLE-SPACE'"
    ]


def test_an_unknown_rule_like_no_rule_gets_no_suggestion() -> None:
    report = check(SLIPPED + "checks:\n  disable: [NOTHING-LIKE-IT]\n")

    assert str(report.findings[-1]) == (
        "plan.yaml:46:13: error: CHECK-CONFIG: checks.disable[0]: no rule is called "
        "NOTHING-LIKE-IT; 'plan check --list-rules' lists them"
    )
