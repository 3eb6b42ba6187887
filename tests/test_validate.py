"""Validation: every schema rule gives one located, readable problem, all reported in one run."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from anticorrupt_plan.app.validate import parse_plan, read_assets, read_plan
from anticorrupt_plan.cli.commands import Exit, app
from anticorrupt_plan.core import assets
from anticorrupt_plan.core.errors import PlanFileError, PlanInvalid

from .conftest import PLAN_PATH, ROOT, dump, minimal_plan
from .counting import growth

runner = CliRunner()


def problems_of(text: str) -> list[str]:
    with pytest.raises(PlanInvalid) as raised:
        parse_plan(text, file="plan.yaml")
    return [str(problem) for problem in raised.value.problems]


def line_of(text: str, needle: str) -> int:
    """1-based number of the first line of ``text`` containing ``needle``."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_repository_plan_is_valid() -> None:
    valid = read_plan(PLAN_PATH)

    assert valid.plan.organization.full_name == "องค์การบริหารส่วนตำบลทุ่งทอง"
    assert sum(len(goal.measures) for goal in valid.plan.goals) == 8


def test_minimal_plan_is_valid() -> None:
    assert parse_plan(dump(minimal_plan()), file="plan.yaml").plan.fiscal_years.years == (
        2566,
        2567,
    )


def test_unknown_key_suggests_the_near_miss_at_the_key() -> None:
    data = minimal_plan()
    data["organization"]["provnce"] = data["organization"].pop("province")
    text = dump(data)

    assert problems_of(text) == [
        f"plan.yaml:{line_of(text, 'organization:')}:1: organization.province: required, "
        "but missing; add 'province:'",
        f"plan.yaml:{line_of(text, 'provnce')}:3: organization.provnce: unknown key 'provnce'; "
        "did you mean 'province'?",
    ]


@pytest.mark.parametrize(
    ("where", "thai", "field"),
    [
        (("goals", 0), "กลยุทธ์หลัก", "tactic"),
        (("organization",), "จังหวัด", "province"),
        ((), "หลักการและเหตุผล", "rationale"),
    ],
)
def test_unknown_thai_key_suggests_the_field_for_that_term(
    where: tuple[str | int, ...], thai: str, field: str
) -> None:
    data = minimal_plan()
    parent: Any = data
    for part in where:
        parent = parent[part]
    parent[thai] = parent.pop(field)

    problems = problems_of(dump(data))

    assert any(p.endswith(f"unknown key '{thai}'; did you mean '{field}'?") for p in problems)


def test_unknown_key_without_a_near_miss_gets_no_suggestion() -> None:
    data = minimal_plan()
    data["zzz"] = "x"

    assert problems_of(dump(data))[-1].endswith(
        "zzz: unknown key 'zzz'; the keys here are: schema_version, kind, digits, organization, "
        "fiscal_years, title, announcement, rationale, national_strategy, objectives, "
        "preparation_steps, goals, layout, checks, amendment"
    )


@pytest.mark.parametrize("blank", ["   ", "\n"])
def test_blank_text_is_an_error(blank: str) -> None:
    data = minimal_plan()
    data["title"] = blank
    text = dump(data)

    [problem] = problems_of(text)
    assert problem.startswith(f"plan.yaml:{line_of(text, 'title:')}:")
    assert problem.endswith("title: text must not be blank")


def test_empty_value_for_a_required_text_says_to_write_it() -> None:
    text = dump(minimal_plan()).replace("title: แผน", "title: #")

    assert problems_of(text) == [
        f"plan.yaml:{line_of(text, 'title:')}:7: title: is empty; write the text"
    ]


def test_empty_value_for_an_optional_text_says_the_key_may_go() -> None:
    plan = (ROOT / "examples" / "action" / "plan.yaml").read_text(encoding="utf-8")
    text = plan.replace("kind: action\n", "kind: action\ntitle:\n", 1)

    assert problems_of(text) == [
        f"plan.yaml:{line_of(text, 'title:')}:7: title: is empty; write the text, or remove "
        "the key: it is optional"
    ]


def test_a_choice_in_a_list_is_told_the_choices() -> None:
    report = (ROOT / "examples" / "reports" / "2563-annual.yaml").read_text(encoding="utf-8")
    text = report.replace("front: [memo, cover]", "front: [memo, leaflet]", 1)

    assert problems_of(text) == [
        f"plan.yaml:{line_of(text, 'front:')}:15: front[1]: must be one of 'memo', 'cover' or "
        "'announcement'; found 'leaflet'"
    ]


def test_control_character_is_located_and_named() -> None:
    data = minimal_plan()
    data["goals"][0]["measures"][0]["rows"][0]["steps"][1] = "ขั้น\x0bที่สอง"
    text = dump(data)

    [problem] = problems_of(text)
    assert problem.startswith(f"plan.yaml:{line_of(text, 'ที่สอง')}:")
    assert "goals[0].measures[0].rows[0].steps[1]: contains the control character U+000B" in problem


def test_missing_target_year_points_at_the_targets() -> None:
    data = minimal_plan()
    del data["goals"][0]["measures"][0]["rows"][0]["targets"][2567]
    text = dump(data)

    assert problems_of(text) == [
        f"plan.yaml:{line_of(text, '2566:')}:9: goals[0].measures[0].rows[0].targets: "
        "no target for fiscal year 2567; each year 2566-2567 needs one: add '2567: ...' under "
        "targets"
    ]


def test_extra_target_year_points_at_its_key() -> None:
    data = minimal_plan()
    data["goals"][0]["measures"][0]["rows"][0]["targets"][2570] = "ร้อยละ 100"
    text = dump(data)

    assert problems_of(text) == [
        f"plan.yaml:{line_of(text, '2570:')}:9: goals[0].measures[0].rows[0].targets.2570: "
        "2570 is not one of the plan's fiscal years (2566-2567)"
    ]


@pytest.mark.parametrize(
    ("first", "last", "message"),
    [
        (2567, 2566, "fiscal_years.last: the last fiscal year 2566 is before the first 2567"),
        (2560, 2575, "fiscal_years.last: 16 fiscal years; a plan covers at most 10"),
        (
            2019,
            2021,
            "fiscal_years.first: 2019 looks like a Christian-Era year; plans use the "
            "Buddhist Era (C.E. + 543 = 2562): write 2562",
        ),
        (
            2562,
            99999,
            "fiscal_years.last: 99999 is not a plausible Buddhist-Era year (expected 2400-2800)",
        ),
        (2562, "2564b", "fiscal_years.last: expected a whole number such as 2562, found '2564b'"),
    ],
)
def test_fiscal_years_must_be_a_plausible_be_range(first: Any, last: Any, message: str) -> None:
    data = minimal_plan()
    data["fiscal_years"] = {"first": first, "last": last}

    assert any(problem.endswith(message) for problem in problems_of(dump(data)))


def test_fiscal_years_may_be_written_in_thai_digits() -> None:
    data = minimal_plan()
    data["fiscal_years"] = {"first": "๒๕๖๖", "last": "๒๕๖๗"}

    assert parse_plan(dump(data), file="plan.yaml").plan.fiscal_years.years == (2566, 2567)


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2565-02-30", "2565-02-30 is not a real calendar date"),
        (
            "18/10/2561",
            "expected a Buddhist-Era date written YYYY-MM-DD, e.g. 2561-10-18; found '18/10/2561'",
        ),
        ("2018-10-18", "2018 looks like a Christian-Era year"),
    ],
)
def test_dates_are_real_be_calendar_dates(date: str, message: str) -> None:
    data = minimal_plan()
    data["announcement"]["date"] = date
    text = dump(data)

    [problem] = problems_of(text)
    assert problem.startswith(f"plan.yaml:{line_of(text, 'date:')}:9: announcement.date: ")
    assert message in problem


def test_leap_day_follows_the_christian_era_year() -> None:
    data = minimal_plan()
    data["announcement"]["date"] = "2563-02-29"  # 2020 was a leap year

    plan = parse_plan(dump(data), file="plan.yaml").plan
    assert plan.announcement.date.isoformat() == "2020-02-29"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "องค์การบริหารส่วนตำบลทดสอบ", "write the name without 'องค์การบริหารส่วนตำบล'"),
        ("district", "อำเภอเมือง", "write the district without 'อำเภอ'"),
        ("province", "จังหวัดกาญจนบุรี", "write the province without 'จังหวัด'"),
    ],
)
def test_organization_parts_are_written_without_the_word_the_documents_add(
    field: str, value: str, message: str
) -> None:
    data = minimal_plan()
    data["organization"][field] = value

    [problem] = problems_of(dump(data))
    assert f"organization.{field}: {message}" in problem


@pytest.mark.parametrize("year", [66, 9])
def test_a_year_written_short_is_told_to_write_it_in_full(year: int) -> None:
    data = minimal_plan()
    data["fiscal_years"]["first"] = year

    [problem] = problems_of(dump(data))
    assert problem.endswith(
        f"fiscal_years.first: {year} is not a whole year: write the Buddhist-Era year in full, "
        f"e.g. {2500 + year}"
    )


def test_organization_kind_must_be_a_known_kind() -> None:
    data = minimal_plan()
    data["organization"]["kind"] = "องค์การบริหาร"

    [problem] = problems_of(dump(data))
    assert "organization.kind: must be one of 'องค์การบริหารส่วนตำบล', 'เทศบาลตำบล'" in problem


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("อบต.", "องค์การบริหารส่วนตำบล"),
        ("อบต", "องค์การบริหารส่วนตำบล"),
        ("อ.บ.ต.", "องค์การบริหารส่วนตำบล"),
        ("ทต.", "เทศบาลตำบล"),
        ("ทม.", "เทศบาลเมือง"),
        ("ทน.", "เทศบาลนคร"),
        ("อบจ.", "องค์การบริหารส่วนจังหวัด"),
    ],
)
def test_an_abbreviated_organization_kind_is_told_its_full_name(written: str, kind: str) -> None:
    data = minimal_plan()
    data["organization"]["kind"] = written

    [problem] = problems_of(dump(data))
    assert problem.endswith(
        f"organization.kind: {written!r} is short for {kind!r}: write it in full, as the "
        "documents print it"
    )


@pytest.mark.parametrize(
    ("version", "message"),
    [
        (2, "schema_version: this version of anticorrupt-plan reads schema_version 1, found '2'"),
        ("one", "schema_version: this version of anticorrupt-plan reads schema_version 1"),
    ],
)
def test_schema_version_must_be_one(version: Any, message: str) -> None:
    data = minimal_plan()
    data["schema_version"] = version
    text = dump(data)

    [problem] = problems_of(text)
    assert problem.startswith(f"plan.yaml:{line_of(text, 'schema_version')}:17: {message}")


def test_wrong_shapes_are_named() -> None:
    data = minimal_plan()
    data["rationale"] = "one paragraph, not a list"
    data["title"] = ["a", "list"]
    data["organization"] = "ทุ่งทอง"

    problems = problems_of(dump(data))
    assert [p.split(": ", 1)[1] for p in problems] == [
        "organization: expected a mapping of keys and values, found 'ทุ่งทอง'",
        "title: expected text, found a list",
        "rationale: expected a list (one item per line, starting with '- '), found "
        "'one paragraph, not a list'",
    ]


def test_lists_that_need_items_say_so() -> None:
    data = minimal_plan()
    data["goals"][0]["measures"] = []

    [problem] = problems_of(dump(data))
    assert problem.endswith("goals[0].measures: needs at least 1 item")


def test_duplicate_ids_are_errors() -> None:
    data = minimal_plan()
    data["goals"][0]["id"] = "same"
    data["goals"][0]["measures"][0]["id"] = "same"

    [problem] = problems_of(dump(data))
    assert problem.endswith("goals[0].measures[0].id: id 'same' is already used by goals[0].id")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "plan.yaml:1:1: (plan): the file is empty; a plan starts with 'schema_version: 1'"),
        ("# only a comment\n", "plan.yaml:1:1: (plan): the file is empty"),
        ("- a\n- b\n", "plan.yaml:1:1: (plan): a plan is a mapping of keys"),
        ("just some text\n", "plan.yaml:1:1: (plan): a plan is a mapping of keys"),
    ],
)
def test_files_that_hold_no_plan(text: str, message: str) -> None:
    [problem] = problems_of(text)
    assert problem.startswith(message)


def test_all_problems_are_reported_in_one_run_in_file_order() -> None:
    data = minimal_plan()
    data["title"] = ""
    data["announcement"]["date"] = "2565-13-01"
    data["goals"][0]["tactc"] = data["goals"][0].pop("tactic")
    text = dump(data)

    problems = problems_of(text)
    lines = [int(p.split(":")[1]) for p in problems]
    assert len(problems) == 4  # blank title, bad date, missing tactic, unknown tactc
    assert lines == sorted(lines)


def test_duplicate_keys_and_schema_problems_come_together() -> None:
    text = dump(minimal_plan()) + "title: again\nextra: 1\n"

    problems = problems_of(text)
    assert [p.split(": ", 2)[2] for p in problems] == [
        "duplicate key 'title'; it is already set at line 16".replace(
            "16", str(line_of(text, "title:"))
        ),
        "unknown key 'extra'; the keys here are: schema_version, kind, digits, organization, "
        "fiscal_years, title, announcement, rationale, national_strategy, objectives, "
        "preparation_steps, goals, layout, checks, amendment",
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "no such file"),
        (b"title: \xff\xfe bad\n", "byte 8 is not UTF-8; save the file as UTF-8 text"),
        (
            "title: ทุ่งทอง\n".encode("cp874"),
            "byte 8 is not UTF-8; the file looks like Thai Windows text (TIS-620/cp874). "
            "Convert it to UTF-8, e.g. 'iconv -f CP874 -t UTF-8 plan.yaml > plan-utf8.yaml', "
            "or in Notepad: Save As, Encoding: UTF-8",
        ),
        (
            "title: ทุ่งทอง\n".encode("utf-16"),
            "is UTF-16 text; save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8)",
        ),
        (
            "title: แผนการเสริมสร้างวินัย\n".encode("utf-16-le"),  # no byte-order mark
            "is UTF-16 text; save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8)",
        ),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "contains NUL bytes: it is a binary file, not a plan",
        ),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes | None, reason: str) -> None:
    path = tmp_path / "plan.yaml"
    if content is not None:
        path.write_bytes(content)

    with pytest.raises(PlanFileError) as raised:
        read_plan(path, display_name="plan.yaml")

    assert str(raised.value) == f"plan.yaml: {reason}"


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + dump(minimal_plan()).encode())

    assert read_plan(path).plan.title.startswith("แผน")


def test_oversized_files_are_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from anticorrupt_plan.app import validate

    path = tmp_path / "plan.yaml"
    path.write_text("x" * 2048)
    monkeypatch.setattr(validate, "MAX_PLAN_BYTES", 1024)

    with pytest.raises(PlanFileError, match="a plan file is at most 0 MB"):
        read_plan(path)


def test_a_directory_is_not_a_plan(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="is a directory, not a plan file"):
        read_plan(tmp_path)


@pytest.mark.parametrize("spelling", ["๒๕๖๖", "02566", "2566.0"])
def test_a_year_written_twice_is_refused_at_the_second(spelling: str) -> None:
    data = minimal_plan()
    data["goals"][0]["measures"][0]["rows"][0]["targets"][spelling] = "ร้อยละ 81"
    text = dump(data)

    assert problems_of(text) == [
        f"plan.yaml:{line_of(text, spelling)}:9: goals[0].measures[0].rows[0].targets: the year "
        f"2566 has two targets, written '2566' and '{spelling}'; keep one"
    ]


def test_an_extra_year_in_thai_digits_is_pointed_at_where_it_is_written() -> None:
    data = minimal_plan()
    data["goals"][0]["measures"][0]["rows"][0]["targets"]["๒๕๗๐"] = "ร้อยละ 100"
    text = dump(data)

    [problem] = problems_of(text)
    assert problem.startswith(f"plan.yaml:{line_of(text, '๒๕๗๐:')}:9: ")
    assert "2570 is not one of the plan's fiscal years" in problem


def test_an_anchor_does_not_hide_the_problems_of_the_value_it_names() -> None:
    text = dump(minimal_plan()).replace("organization:\n", "organization: &o\n")
    text = text.replace("kind: องค์การบริหารส่วนตำบล", "kind: อบต.")

    problems = problems_of(text)

    assert any("anchors and aliases" in p for p in problems)
    assert any("organization.kind: 'อบต.' is short for" in p for p in problems)


def test_a_second_document_does_not_move_the_first_ones_positions() -> None:
    data = minimal_plan()
    data["tatic"] = "x"
    text = dump(data)
    second = "---\ntatic: y\n"

    problems = problems_of(text + second)

    assert f"plan.yaml:{line_of(text, 'tatic:')}:1: tatic: unknown key 'tatic'" in "\n".join(
        problems
    )


def test_mistyped_fiscal_years_are_one_problem_at_fiscal_years() -> None:
    data = minimal_plan()
    data["fiscal_years"] = {"first": 2466, "last": 2467}
    text = dump(data)

    assert problems_of(text) == [
        f"plan.yaml:{line_of(text, 'first:')}:3: fiscal_years: no target is written for "
        "2466-2467: the targets give 2566-2567; is fiscal_years mistyped?"
    ]


def test_a_kind_pasted_with_a_decomposed_sara_am_is_understood() -> None:
    data = minimal_plan()
    data["organization"]["kind"] = "เทศบาลต\u0e4d\u0e32บล"
    data["organization"]["name"] = "โนนส\u0e4d\u0e32"

    organization = parse_plan(dump(data), file="plan.yaml").plan.organization

    assert organization.full_name == "เทศบาลตำบลโนนสำ"


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        pytest.param(
            "title:\n  Corruption Perception Index : CPI\n",
            "title: expected text, found a mapping ('Corruption Perception Index': ...): text "
            "that holds ': ' must be put in quotes, e.g. \"Corruption Perception Index: CPI\"",
            id="a colon in plain text",
        ),
        pytest.param(
            "ยุทธศาสตร์ชาติ: {}\n",
            "ยุทธศาสตร์ชาติ: unknown key 'ยุทธศาสตร์ชาติ'; did you mean 'national_strategy'?",
            id="the start of a field's Thai term",
        ),
    ],
)
def test_slips_a_clerk_meets_get_a_message_that_says_what_to_type(
    yaml_text: str, expected: str
) -> None:
    data = minimal_plan()
    del data["title"]
    text = dump(data) + yaml_text

    assert any(problem.endswith(expected) for problem in problems_of(text)), problems_of(text)


def test_a_number_cut_at_its_comma_in_braces_is_one_clear_message() -> None:
    from .conftest import minimal_action

    data = minimal_action()
    text = dump(data).replace("2561: '50000'\n", "2561: 50000\n")
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if "2561: 50000" in line)
    indent = lines[start].index("2561")
    lines[start : start + 2] = [" " * indent + "{2561: 50,000, 2562: 50,000}"]
    lines[start - 1] = lines[start - 1] + " {2561: 50,000, 2562: 50,000}"
    del lines[start]

    problems = problems_of("\n".join(lines) + "\n")

    assert len(problems) == 2
    assert all("a comma separates entries, so '50,000' was read as '50'" in p for p in problems)


KINDS = "write one of ethics, action, report"


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("ethic", f"'ethic' is not a kind of document; {KINDS}; did you mean 'ethics'?"),
        ("aktion", f"'aktion' is not a kind of document; {KINDS}; did you mean 'action'?"),
        ("plan", f"'plan' is not a kind of document; {KINDS}"),
        ("{a: b}", f"a mapping is not a kind of document; {KINDS}"),
    ],
)
def test_an_unknown_kind_is_named_with_the_kinds_there_are(kind: str, expected: str) -> None:
    text = dump(minimal_plan()).replace("schema_version: 1\n", f"schema_version: 1\nkind: {kind}\n")

    assert problems_of(text) == [f"plan.yaml:2:7: kind: {expected}"]


def test_an_unknown_kind_is_listed_with_what_reading_the_file_found() -> None:
    text = dump(minimal_plan()).replace("schema_version: 1\n", "schema_version: 1\nkind: &k plan\n")

    assert problems_of(text) == [
        f"plan.yaml:2:7: kind: 'plan' is not a kind of document; {KINDS}",
        "plan.yaml:2:7: kind: YAML anchors and aliases (&name, *name) are not allowed in a plan; "
        "write the value out in full",
    ]


def anchored_reasons(count: int, data: dict[str, Any] | None = None) -> str:
    """A plan whose rationale has ``count`` paragraphs, each with an anchor (refused, kept)."""
    data = data or minimal_plan()
    data["rationale"] = [f"เหตุผลที่ {n}" for n in range(count)]
    lines = dump(data).splitlines(keepends=True)
    return "".join(line.replace("- เหตุผลที่", f"- &a{n} เหตุผลที่", 1) for n, line in enumerate(lines))


def test_past_a_thousand_problems_in_a_plan_the_schema_accepts_the_rest_are_counted() -> None:
    with pytest.raises(PlanInvalid) as raised:
        parse_plan(anchored_reasons(1200), file="plan.yaml")

    assert len(raised.value.problems) == 1000
    assert raised.value.more == 200
    assert str(raised.value).splitlines()[-1] == (
        "plan.yaml: 200 more problems not listed; fix these first"
    )


def test_past_a_thousand_problems_found_while_reading_the_schemas_are_counted_not_located() -> None:
    data = minimal_plan()
    rename(data["organization"], "province", "provnce")  # above the rationale

    with pytest.raises(PlanInvalid) as raised:
        parse_plan(anchored_reasons(1001, data), file="plan.yaml")

    problems = raised.value.problems
    assert [str(p).split(": ")[1] for p in problems] == [f"rationale[{n}]" for n in range(1000)]
    assert raised.value.more == 3  # an anchor, the key misspelt, the key it leaves missing


# --- bounded work: locating problems costs the same for each, however many there are -------------


def plan_with_rows(rows: int, *, extra_year: bool = False, aliased: bool = False) -> str:
    """The minimal plan with ``rows`` target rows: each with a year too many, or each with
    its targets given by an alias (both refused, once per row)."""
    data = minimal_plan()
    [row] = data["goals"][0]["measures"][0]["rows"]
    copies = [copy.deepcopy(row) for _ in range(rows)]
    for number, each in enumerate(copies):
        each["objective"] = f"วัตถุประสงค์ที่ {number}"
        if extra_year:
            each["targets"][2568] = "ร้อยละ 100"
    data["goals"][0]["measures"][0]["rows"] = copies
    text = dump(data)
    if aliased:
        targets = "      targets:\n        2566: ร้อยละ 80\n        2567: ร้อยละ 90\n"
        text = text.replace(targets, "      targets: *t\n").replace(
            "      targets: *t\n", targets.replace(":\n", ": &t\n", 1), 1
        )
    return text


def validate_problems(tmp_path: Path, text: str) -> list[str]:
    """The problem lines ``plan validate`` prints for ``text``."""
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == Exit.FAILED_OR_CHANGED
    return result.stderr.splitlines()[:-1]


@pytest.mark.parametrize("refused", ["extra_year", "aliased"])
def test_locating_twice_as_many_problems_is_twice_the_work(tmp_path: Path, refused: str) -> None:
    def validate(rows: int) -> None:
        problems = validate_problems(tmp_path, plan_with_rows(rows, **{refused: True}))
        assert len(problems) >= rows

    # Each problem was once located by reading every key of the file: 4x the work for 2x.
    assert growth(validate, 300) < 2.2


def test_past_a_thousand_problems_the_rest_are_counted_not_listed(tmp_path: Path) -> None:
    data = minimal_plan()
    data["organization"].update({f"key{n}": "x" for n in range(1500)})
    (tmp_path / "plan.yaml").write_text(dump(data), encoding="utf-8")

    result = runner.invoke(app, ["build", str(tmp_path / "plan.yaml"), "-o", str(tmp_path)])

    *problems, more, found = result.stderr.splitlines()
    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert len(problems) == 1000
    assert problems[0].endswith(
        "organization.key0: unknown key 'key0'; the keys here are: kind, name, district, province"
    )
    assert more == f"{tmp_path / 'plan.yaml'}: 500 more problems not listed; fix these first"
    assert found == "1500 problems found; nothing was written"


# --- each message, whole, and where it points -------------------------------------------------


def plan_with(change: Any) -> str:
    data = minimal_plan()
    change(data)
    return dump(data)


def row(data: dict[str, Any]) -> dict[str, Any]:
    return data["goals"][0]["measures"][0]["rows"][0]


def rename(parent: dict[str, Any], old: str, new: str) -> None:
    parent[new] = parent.pop(old)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            lambda d: d.update(digits="roman"),
            ["plan.yaml:46:9: digits: must be one of 'thai', 'arabic'; found 'roman'"],
            id="a-choice-that-is-not-one",
        ),
        pytest.param(
            lambda d: d.update(digits="x" * 40),
            [f"plan.yaml:46:9: digits: must be one of 'thai', 'arabic'; found '{'x' * 40}'"],
            id="a-found-value-of-40-characters-is-quoted-whole",
        ),
        pytest.param(
            lambda d: d.update(digits="x" * 41),
            [f"plan.yaml:46:9: digits: must be one of 'thai', 'arabic'; found '{'x' * 37}...'"],
            id="a-longer-one-is-cut",
        ),
        pytest.param(
            lambda d: d.update(title={"a": "b"}),
            [
                "plan.yaml:11:3: title: expected text, found a mapping ('a': ...): text that "
                "holds ': ' must be put in quotes, e.g. \"a: b\""
            ],
            id="a-mapping-for-text",
        ),
        pytest.param(
            lambda d: d.update(title={"ดัชนี": None}),
            [
                "plan.yaml:11:3: title: expected text, found a mapping ('ดัชนี': ...): text that "
                "holds ': ' must be put in quotes, e.g. \"ดัชนี: \""
            ],
            id="a-key-without-a-value-for-text",
        ),
        pytest.param(
            lambda d: d.update(title={"a": "b", "c": "d"}),
            ["plan.yaml:11:3: title: expected text, found a mapping"],
            id="a-mapping-of-two-keys-for-text",
        ),
        pytest.param(
            lambda d: d.update(title=["x"]),
            ["plan.yaml:11:1: title: expected text, found a list"],
            id="a-list-of-one-item-for-text",
        ),
        pytest.param(
            lambda d: d.update(layout={"font_size": "15.3"}),
            ["plan.yaml:47:14: layout.font_size: must be a multiple of 0.5; found '15.3'"],
            id="a-size-between-the-steps",
        ),
        pytest.param(
            lambda d: d.update(layout={"margins": {"left": "6"}}),
            ["plan.yaml:48:11: layout.margins.left: must be at most 5; found '6'"],
            id="a-number-above-its-maximum",
        ),
        pytest.param(
            lambda d: d.update(layout={"margins": {"right": "-1"}}),
            ["plan.yaml:48:12: layout.margins.right: must be at least 0; found '-1'"],
            id="a-number-below-its-minimum",
        ),
        pytest.param(
            lambda d: d.update(layout={"margins": {"top": "wide"}}),
            ["plan.yaml:48:10: layout.margins.top: expected a number such as 2.5, found 'wide'"],
            id="a-word-for-a-number",
        ),
        pytest.param(
            lambda d: d.update(layout={"margins": {"top": ["1"]}}),
            ["plan.yaml:49:5: layout.margins.top: expected a number such as 2.5, found a list"],
            id="a-list-for-a-number",
        ),
        pytest.param(
            lambda d: d["goals"][0]["measures"][0].update(id="a" * 65),
            ["plan.yaml:46:9: goals[0].measures[0].id: is longer than 64 characters"],
            id="an-id-too-long",
        ),
        pytest.param(
            lambda d: d.update(
                checks={"accept": [{"rule": "double-space", "path": "x", "reason": "y"}]}
            ),
            [
                "plan.yaml:48:11: checks.accept[0].rule: 'double-space' is not a rule id: rule ids "
                "are written in capitals, e.g. DOUBLE-SPACE ('plan check --list-rules' lists "
                "them)",
            ],
            id="a-rule-id-in-small-letters",
        ),
        pytest.param(
            lambda d: d.update(checks={"accept": [{"rule": "A", "path": "", "reason": "y"}]}),
            ["plan.yaml:49:11: checks.accept[0].path: must not be empty"],
            id="an-empty-path-to-accept",
        ),
        pytest.param(
            lambda d: d.update(organization=None),
            [
                "plan.yaml:2:15: organization: expected a mapping of keys and values, "
                "found an empty value"
            ],
            id="an-empty-value-for-a-mapping",
        ),
        pytest.param(
            lambda d: row(d).update(targets="x"),
            [
                "plan.yaml:39:16: goals[0].measures[0].rows[0].targets: expected a mapping of keys "
                "and values, found 'x'"
            ],
            id="text-for-the-targets",
        ),
        pytest.param(
            lambda d: d["fiscal_years"].update(first=["x"]),
            [
                "plan.yaml:9:3: fiscal_years.first: expected a whole number such as 2562, "
                "found a list"
            ],
            id="a-list-for-a-year",
        ),
        pytest.param(
            lambda d: d["goals"][0].update(id="a b"),
            [
                "plan.yaml:46:7: goals[0].id: 'a b' is not a valid id: use letters, digits, '-', "
                "'_' and '.'"
            ],
            id="an-id-with-a-space",
        ),
        pytest.param(
            lambda d: row(d)["targets"].update(abc="x"),
            [
                "plan.yaml:42:9: goals[0].measures[0].rows[0].targets.abc: 'abc' is not a fiscal "
                "year; write each target under its B.E. year, e.g. '2562: ร้อยละ 80' (check the "
                "indentation)"
            ],
            id="a-target-under-a-key-that-is-no-year",
        ),
        pytest.param(
            lambda d: d["goals"][0].pop("tactic"),
            ["plan.yaml:30:3: goals[0].tactic: required, but missing; add 'tactic:'"],
            id="missing-in-a-list-item-points-at-the-item",
        ),
        pytest.param(
            lambda d: (d["organization"].update(extra="1"), d.pop("title")),
            [
                "plan.yaml:1:1: title: required, but missing; add 'title:'",
                "plan.yaml:7:3: organization.extra: unknown key 'extra'; the keys here are: "
                "kind, name, district, province",
            ],
            id="an-unknown-key-does-not-end-the-report",
        ),
    ],
)
def test_schema_problems_are_worded_and_located(change: Any, expected: list[str]) -> None:
    assert problems_of(plan_with(change)) == expected


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            lambda d: rename(d["goals"][0], "tactic", "tatic"),
            "goals[0].tatic: unknown key 'tatic'; did you mean 'tactic'?",
            id="in-a-list-item",
        ),
        pytest.param(
            lambda d: rename(row(d), "objective", "วัตถุประสงค์"),
            "goals[0].measures[0].rows[0].วัตถุประสงค์: unknown key 'วัตถุประสงค์'; "
            "did you mean 'objective'?",
            id="a-thai-term-after-its-column-number",
        ),
        pytest.param(
            lambda d: rename(d["announcement"]["signatory"], "name", "nmae"),
            "announcement.signatory.nmae: unknown key 'nmae'; did you mean 'name'?",
            id="two-models-down",
        ),
        pytest.param(
            lambda d: d.update(checks={"accept": [{"rule": "X", "path": "x", "reson": "y"}]}),
            "checks.accept[0].reson: unknown key 'reson'; did you mean 'reason'?",
            id="in-an-optional-model-list",
        ),
        pytest.param(
            lambda d: d.update(amendment={"number": 1, "resaon": "x"}),
            "amendment.resaon: unknown key 'resaon'; did you mean 'reason'?",
            id="in-an-optional-model",
        ),
        pytest.param(
            lambda d: rename(d["fiscal_years"], "first", "frist"),
            "fiscal_years.frist: unknown key 'frist'; did you mean 'first'?",
            id="transposed-letters",
        ),
        pytest.param(
            lambda d: d["organization"].update(สวัสดีครับ="x"),
            "organization.สวัสดีครับ: unknown key 'สวัสดีครับ'; the keys here are: kind, name, "
            "district, province",
            id="a-thai-key-near-no-term",
        ),
        pytest.param(
            lambda d: d.update(ยุทธ="x"),
            "ยุทธ: unknown key 'ยุทธ'; did you mean 'national_strategy'?",
            id="the-first-four-letters-of-a-thai-term",
        ),
    ],
)
def test_unknown_keys_get_the_nearest_field_wherever_they_are(change: Any, expected: str) -> None:
    problems = problems_of(plan_with(change))

    assert [p.split(": ", 1)[1] for p in problems if "unknown key" in p] == [expected]


def test_an_alias_hides_only_the_emptiness_it_causes() -> None:
    text = dump(minimal_plan()).replace("- หลักการและเหตุผล", "- &p หลักการและเหตุผล")
    text = text.replace("\ntitle: ", "\ntitle: *p\nold_title: ").replace(
        "  intro: มีวัตถุประสงค์ดังนี้\n", ""
    )

    problems = [p.split(": ", 2)[1:] for p in problems_of(text)]

    assert [path for path, _ in problems] == [
        "title",  # the alias, but not 'title: is empty'
        "old_title",
        "rationale[0]",  # the anchor
        "objectives.intro",  # a problem elsewhere is still reported
    ]


def test_a_refused_key_does_not_hide_a_key_written_as_a_question_mark() -> None:
    text = dump(minimal_plan()) + "&a k: 1\n'?': x\n"

    problems = problems_of(text)

    assert [p.split(": ", 2)[1] for p in problems] == ["?", "?"]  # the anchor, then the key
    assert "unknown key '?'" in problems[1]


def test_an_unreadable_plan_file_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(dump(minimal_plan()), encoding="utf-8")

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)

    with pytest.raises(PlanFileError) as raised:
        read_plan(path, display_name="plan.yaml")

    assert str(raised.value) == "plan.yaml: cannot read: Permission denied"


def test_a_directory_is_not_a_plan_and_is_named(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError) as raised:
        read_plan(tmp_path, display_name="plans")

    assert str(raised.value) == "plans: is a directory, not a plan file"


@pytest.mark.parametrize(
    ("size", "limit", "refusal"),
    [
        pytest.param(1024, 1024, None, id="exactly-the-limit-is-read"),
        pytest.param(1025, 1024, "is 0 MB; a plan file is at most 0 MB", id="a-byte-more"),
        pytest.param(
            3 * 1024 * 1024 // 2,
            1024 * 1024,
            "is 2 MB; a plan file is at most 1 MB",
            id="one-and-a-half-megabytes-rounds-to-2",
        ),
    ],
)
def test_the_size_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int, limit: int, refusal: str | None
) -> None:
    from anticorrupt_plan.app import validate

    path = tmp_path / "plan.yaml"
    path.write_bytes(b"#" + b"x" * (size - 2) + b"\n")  # one long comment: no plan in it
    monkeypatch.setattr(validate, "MAX_PLAN_BYTES", limit)

    with pytest.raises(PlanFileError if refusal else PlanInvalid) as raised:
        read_plan(path, display_name="plan.yaml")

    if refusal:
        assert str(raised.value) == f"plan.yaml: {refusal}"
    else:  # read, and found to hold nothing
        assert "the file is empty" in str(raised.value)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_read_no_further_than_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from anticorrupt_plan.app import validate

    monkeypatch.setattr(validate, "MAX_PLAN_BYTES", 1024 * 1024)

    with pytest.raises(PlanFileError) as raised:
        read_plan(Path("/dev/zero"), display_name="zeros")

    assert str(raised.value) == "zeros: is more than 1 MB; a plan file is at most 1 MB"


def test_a_file_that_holds_a_list_is_told_what_a_plan_is() -> None:
    assert problems_of("- a\n- b\n") == [
        "plan.yaml:1:1: (plan): a plan is a mapping of keys (schema_version, organization, "
        "fiscal_years, ...); this file holds a list"
    ]


UTF16 = "is UTF-16 text; save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8)"
NOT_UTF8 = "byte {} is not UTF-8; save the file as UTF-8 text"
THAI_WINDOWS = (
    "byte {} is not UTF-8; the file looks like Thai Windows text (TIS-620/cp874). "
    "Convert it to UTF-8, e.g. 'iconv -f CP874 -t UTF-8 plan.yaml > plan-utf8.yaml', "
    "or in Notepad: Save As, Encoding: UTF-8"
)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        pytest.param(
            "中文".encode("utf-16-le"), NOT_UTF8.format(3), id="no-mark-not-latin-or-thai"
        ),
        pytest.param(b"\xff\xfe" + "中文".encode("utf-16-le"), UTF16, id="le-mark-any-script"),
        pytest.param(b"\xfe\xff" + "中文".encode("utf-16-be"), UTF16, id="be-mark-any-script"),
        pytest.param("title: ทุ่งทอง".encode("utf-16-be"), UTF16, id="be-without-a-mark"),
        pytest.param("ab".encode("utf-16-le"), UTF16, id="four-bytes"),
        pytest.param("abcdefghi中".encode("utf-16-le"), UTF16, id="nine-in-ten-latin"),
        pytest.param(
            "abcdefgh中中".encode("utf-16-le"),
            "contains NUL bytes: it is a binary file, not a plan",
            id="eight-in-ten-latin",
        ),
        pytest.param(
            "กขคงจฉชซ".encode("cp874") + b"\x7f", THAI_WINDOWS.format(1), id="thai-and-a-delete"
        ),
        pytest.param("กขคงจฉชซฌ€".encode("cp874"), THAI_WINDOWS.format(1), id="nine-in-ten-thai"),
        pytest.param(
            "กขคงจฉชซ\xa0\xa0".encode("cp874"), NOT_UTF8.format(1), id="eight-in-ten-thai"
        ),
    ],
)
def test_what_a_file_that_is_not_utf8_looks_like(tmp_path: Path, raw: bytes, reason: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(raw)

    with pytest.raises(PlanFileError) as raised:
        read_plan(path, display_name="plan.yaml")

    assert str(raised.value) == f"plan.yaml: {reason}"


def test_an_unreadable_emblem_is_located_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = minimal_plan()
    data["announcement"]["emblem"] = "garuda.png"
    (tmp_path / "garuda.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    valid = parse_plan(dump(data), file="plan.yaml")
    opened = os.open

    def refuse(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if path == "garuda.png":
            raise PermissionError(13, "Permission denied")
        return opened(path, flags, *args, **kwargs)

    monkeypatch.setattr(assets.os, "open", refuse)

    with pytest.raises(PlanInvalid) as raised:
        read_assets(valid, base=tmp_path)

    [problem] = raised.value.problems
    assert problem.message == "garuda.png cannot be read: Permission denied"
    assert problem.location.line == line_of(dump(data), "emblem:")
