"""The loader: YAML text to plain data, with positions, and refusals of what a plan never needs."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from anticorrupt_plan.core import loader
from anticorrupt_plan.core.errors import (
    AliasError,
    DuplicateKeyError,
    PlanInvalid,
    SchemaError,
    TagError,
    YamlSyntaxError,
)
from anticorrupt_plan.core.loader import MAX_DEPTH, Span, _syntax_error, load

from .counting import growth


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("a: no", "no"),  # YAML 1.1 would say False
        ("a: on", "on"),
        ("a: 0o12", "0o12"),  # YAML 1.1 would say 10
        ("a: 2561-10-18", "2561-10-18"),  # YAML 1.1 would say a date
        ("a: 1.5", "1.5"),
        ("a: 2562", "2562"),
        ("a: 'null'", "null"),
        ('a: "~"', "~"),
        ("a: !!str 12", "12"),
        ("a: !!str null", "null"),  # a tag says text, though the scalar is plain
        ("a: |\n  null\n", "null\n"),
        ("a:", None),
        ("a: ~", None),
        ("a: null", None),
    ],
)
def test_every_scalar_is_text_except_plain_nulls(source: str, expected: str | None) -> None:
    assert load(source, file="p.yaml").data == {"a": expected}


def test_records_where_each_key_and_value_starts_counting_thai_characters() -> None:
    source = 'org:\n  name: ทุ่งทอง\n  list:\n    - ทุ่ง\n    - "ทอง"\n'

    document = load(source, file="p.yaml")

    assert document.keys[("org", "name")] == Span(2, 3, 2, 7, None)
    assert document.values[("org", "name")] == Span(2, 9, 2, 16, None)
    assert document.values[("org", "list", 1)].style == '"'
    assert (
        document.values[("org", "list", 1)].line,
        document.values[("org", "list", 1)].column,
    ) == (5, 7)


def test_location_falls_back_to_the_nearest_ancestor() -> None:
    document = load("goals:\n  - goal: x\n", file="p.yaml")

    assert str(document.value_location(("goals", 0, "measures", 3))) == "p.yaml:2:5"
    assert str(document.key_location(("goals", 0, "goal"))) == "p.yaml:2:5"


def test_a_list_item_is_located_where_it_starts_for_a_key_it_lacks() -> None:
    document = load("goals:\n  - goal: x\n  - goal: y\n", file="p.yaml")

    # A list item has no key of its own: where it starts stands in for one.
    assert str(document.key_location(("goals", 1))) == "p.yaml:3:5"
    assert str(document.key_location(("goals", 1, "tactic"))) == "p.yaml:3:5"


def test_duplicate_key_is_reported_with_both_lines_and_first_value_kept() -> None:
    document = load("a: 1\nb: 2\na: 3\n", file="p.yaml")

    assert document.data == {"a": "1", "b": "2"}
    [problem] = document.problems
    assert isinstance(problem, DuplicateKeyError)
    assert str(problem) == "p.yaml:3:1: a: duplicate key 'a'; it is already set at line 1"


@pytest.mark.parametrize(
    ("source", "where"),
    [
        ("a: &x 1\nb: *x\n", ["p.yaml:1:4", "p.yaml:2:4"]),
        ("a: &x [1]\n", ["p.yaml:1:4"]),
    ],
)
def test_anchors_and_aliases_are_refused(source: str, where: list[str]) -> None:
    problems = load(source, file="p.yaml").problems

    assert all(isinstance(p, AliasError) for p in problems)
    assert [str(p.location) for p in problems] == where


def test_an_alias_is_marked_as_replacing_its_value_and_an_anchor_is_not() -> None:
    # An alias's value is read as empty; validation leaves out the emptiness it causes.
    problems = load("a: &x 1\nb: *x\n", file="p.yaml").problems

    assert [(p.path, isinstance(p, AliasError) and p.replaced) for p in problems] == [
        (("a",), False),
        (("b",), True),
    ]


def test_alias_bomb_is_refused_without_expanding_it() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]

    problems = load("\n".join(lines), file="p.yaml").problems

    assert len(problems) == 1 + 9 * 10  # every anchor and every alias, each once
    assert all(isinstance(p, AliasError) for p in problems)


def test_python_tags_are_refused_with_their_location() -> None:
    [problem] = load("a: 1\nb: !!python/object:os.system x\n", file="p.yaml").problems

    assert isinstance(problem, TagError)
    assert str(problem.location) == "p.yaml:2:4"
    assert "python/object" in str(problem)


def test_a_second_document_is_refused() -> None:
    [problem] = load("a: 1\n---\nb: 2\n", file="p.yaml").problems

    assert isinstance(problem, SchemaError)
    assert str(problem) == (
        "p.yaml:2:1: (plan): a plan file holds one YAML document; remove this second one "
        "(or the '---' line that starts it)"
    )


def test_nesting_beyond_the_limit_is_refused_not_recursed() -> None:
    deep = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5)

    problems = load(deep, file="p.yaml").problems

    assert [str(p) for p in problems] == [
        f"p.yaml:1:{3 + MAX_DEPTH + 1}: a{'[0]' * MAX_DEPTH}: nested more than {MAX_DEPTH} "
        "levels deep; a plan never is"
    ]


def lists(depth: int) -> str:
    """``a:`` holding lists nested so that the innermost one is at ``depth``."""
    return "a: " + "[" * depth + "]" * depth + "\n"


def mappings(depth: int) -> str:
    """``a:`` holding mappings nested so that the innermost value is at ``depth``."""
    return "a: " + "{b: " * (depth - 1) + "c" + "}" * (depth - 1) + "\n"


def repeated_key(depth: int) -> str:
    """A duplicate key whose (dropped) value nests to ``depth``."""
    return "a: 1\n" + lists(depth)


def under_a_list_key(depth: int) -> str:
    """A value nesting to ``depth`` under a key that is a list (refused, value still read)."""
    return "? [x]\n: " + "[" * depth + "]" * depth + "\n"


@pytest.mark.parametrize("make", [lists, mappings, repeated_key, under_a_list_key])
@pytest.mark.parametrize(("depth", "refused"), [(MAX_DEPTH, False), (MAX_DEPTH + 1, True)])
def test_nesting_is_refused_just_past_the_limit_wherever_it_is(
    make: object, depth: int, refused: bool
) -> None:
    assert callable(make)
    problems = load(make(depth), file="p.yaml").problems

    deep = [p for p in problems if "nested more than 64 levels deep" in p.message]
    assert len(deep) == int(refused)
    assert all(p.location.file == "p.yaml" and p.location.line >= 1 for p in deep)


def test_what_stands_under_a_refused_key_is_reported_under_a_question_mark() -> None:
    problems = load("? [x]\n: &a 1\n", file="p.yaml").problems

    assert [str(p) for p in problems] == [
        "p.yaml:1:3: (plan): a key must be plain text, not a list or mapping",
        "p.yaml:2:3: ?: YAML anchors and aliases (&name, *name) are not allowed in a plan; "
        "write the value out in full",
    ]


def test_an_anchored_key_is_refused_as_an_anchor() -> None:
    [problem] = load("&a k: 1\nz: 2\n", file="p.yaml").problems

    assert isinstance(problem, AliasError)
    assert str(problem) == (
        "p.yaml:1:1: ?: YAML anchors and aliases (&name, *name) are not allowed in a plan; "
        "write the value out in full"
    )


@pytest.mark.parametrize(
    ("source", "data", "problems"),
    [
        pytest.param(
            "? [a, [b, c]]\n: x\nz: [1, [2]]\nw: 3\n",
            {"z": ["1", ["2"]], "w": "3"},
            1,
            id="a-nested-list-as-a-key",
        ),
        pytest.param(
            "? &a [x, [y]]\n: 1\nz: [2]\n",
            {"z": ["2"]},
            1,
            id="an-anchored-nested-list-as-a-key",
        ),
        pytest.param(
            "a: 1\n---\nb: [c, [d]]\ne: [f, &x g]\n",
            {"a": "1"},
            1,
            id="a-second-document-with-nested-lists",
        ),
    ],
)
def test_skipped_collections_are_skipped_whole(source: str, data: object, problems: int) -> None:
    document = load(source, file="p.yaml")

    assert document.data == data
    assert len(document.problems) == problems


def test_complex_and_empty_keys_are_refused() -> None:
    problems = load("? [a, b]\n: 1\n'': 2\n", file="p.yaml").problems

    assert [str(p) for p in problems] == [
        "p.yaml:1:3: (plan): a key must be plain text, not a list or mapping",
        "p.yaml:3:1: (plan): a key cannot be empty",
    ]


def test_a_number_cut_at_its_comma_in_braces_is_reported_at_the_key_it_became() -> None:
    document = load("budget: {2561: 50,000, 2562: 20000}\n", file="p.yaml")

    assert document.data == {"budget": {"2561": "50", "2562": "20000"}}
    assert [str(p) for p in document.problems] == [
        "p.yaml:1:19: budget: in braces { } a comma separates entries, so '50,000' was read as "
        "'50' and a key '000': write each entry on a line of its own ('2561: 50,000') or the "
        "number without commas"
    ]


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("budget: {2561: 50000, 2562: }\n", id="a-year-left-empty-after-a-number"),
        pytest.param("budget: {a: x, b: }\n", id="an-empty-value-after-a-word"),
        pytest.param("budget: {2561: 50, 0000: }\n", id="four-digits-after-a-number"),
        pytest.param("budget: {2561: 50, 000: 1}\n", id="three-digits-with-a-value"),
    ],
)
def test_an_empty_value_in_braces_is_no_cut_number(source: str) -> None:
    document = load(source, file="p.yaml")

    assert document.problems == ()
    assert len(document.data["budget"]) == 2


TAB = "a tab character; YAML indents with spaces only, so replace the tab with spaces"
COLON = "unexpected ':'; put text that contains ': ' in quotes, or check the indentation"
NO_COLON = "this line has no ':' after its key; write the key, ':' and a space, then the value"


def unaligned(found: int, above: int) -> str:
    return (
        f"this line is indented {found} and the key above it {above} (in spaces): the keys of "
        "one group line up under each other, so indent them alike (a key under another is "
        "indented more)"
    )


def unclosed(where: str) -> str:
    return (
        "this quote is not closed on its line, so what follows is read as part of the text "
        f"until the parser fails at {where}; close the quote"
    )


@pytest.mark.parametrize(
    ("source", "where", "message"),
    [
        pytest.param("a:\n\tb: 1\n", "p.yaml:2:1", TAB, id="tab"),
        pytest.param("a:\n \tb: 1\n", "p.yaml:2:2", TAB, id="tab-after-a-space"),
        pytest.param(
            "a: [1, 2\n",
            "p.yaml:2:1",
            "did not find expected ',' or ']' (while parsing a flow sequence)",
            id="unclosed-bracket",
        ),
        pytest.param("a: b: c\n", "p.yaml:1:5", COLON, id="colon"),
        pytest.param(
            "o:\n  kind: x\n\n  # a note\nname: y\n\n  province: z\n",
            "p.yaml:5:1",
            "this line is indented 0 (in spaces), less than the lines around it (2): the keys of "
            "one group line up under each other",
            id="a-key-indented-less-than-its-group-across-blank-and-comment-lines",
        ),
        pytest.param("a:  \n  c: d: e\n", "p.yaml:2:7", COLON, id="colon-in-a-groups-first-key"),
        pytest.param(
            "o:\n  kind: x\nname: y\n  province: z\n",
            "p.yaml:3:1",
            "this line is indented 0 (in spaces), less than the lines around it (2): the keys of "
            "one group line up under each other",
            id="a-key-indented-less-than-its-group",
        ),
        pytest.param(
            "years:\n   first: 2566\n  last: 2568\n",
            "p.yaml:3:3",
            unaligned(2, 3),
            id="a-key-indented-unlike-the-one-above",
        ),
        pytest.param(
            "years:\n  first: 2566\n   last: 2568\n",
            "p.yaml:3:4",
            unaligned(3, 2),
            id="a-key-indented-more-than-one-with-its-value",
        ),
        pytest.param(
            "a:\n  - b: 1\n c: 2\n",
            "p.yaml:3:2",
            "did not find expected key (while parsing a block mapping)",
            id="an-indentation-slip-after-a-list-item-is-left-to-pyyaml",
        ),
        pytest.param(
            'o:\n  kind: x\n  name "ทุ่งทอง"\n  province: y\n',
            "p.yaml:3:3",
            NO_COLON,
            id="key-without-its-colon",
        ),
        pytest.param(
            "title แผนการ\nannouncement:\n  body: x\n",
            "p.yaml:1:1",
            NO_COLON,
            id="key-without-its-colon-before-a-key",
        ),
        pytest.param(
            "years:\n  first:2566\n  last: 2568\n",
            "p.yaml:2:8",
            "write a space after ':' (key: value)",
            id="no-space-after-the-colon",
        ),
        pytest.param(
            "a:\n  b x\n\n  c: 1\n",
            "p.yaml:2:3",
            NO_COLON,
            id="key-without-its-colon-then-a-blank-line",
        ),
        pytest.param(
            "a:\n  # note\n  b: c: d\n", "p.yaml:3:7", COLON, id="colon-after-a-comment-line"
        ),
        pytest.param(
            "a:\n  b:\n  c: d: e\n",
            "p.yaml:3:7",
            COLON,
            id="colon-after-a-key-that-opens-a-mapping",
        ),
        pytest.param(
            "a:\n  b:\t\n  c: d: e\n",
            "p.yaml:3:7",
            COLON,
            id="colon-after-a-key-that-opens-a-mapping-then-a-tab",
        ),
        pytest.param(
            "a: [1, 2",
            "p.yaml:1:9",
            "did not find expected ',' or ']' (while parsing a flow sequence)",
            id="unclosed-bracket-at-the-end-without-a-newline",
        ),
        pytest.param(
            "a: text\n  more: x\n",
            "p.yaml:2:3",
            unaligned(2, 0),
            id="a-key-indented-under-a-key-with-its-value",
        ),
        pytest.param(
            "a: 1\n b: 2\n",
            "p.yaml:2:2",
            unaligned(1, 0),
            id="colon-after-indentation",
        ),
        pytest.param("a:\n  - b: 1\n    c: d: e\n", "p.yaml:3:9", COLON, id="colon-in-a-list-item"),
        pytest.param("a: 1\nb: c: d", "p.yaml:2:5", COLON, id="colon-mid-last-line-no-newline"),
        pytest.param('a: "open\n', "p.yaml:1:4", unclosed("the end of the file"), id="quote"),
        pytest.param(
            "a: 'it''s\nb: 1\nc: [\n",
            "p.yaml:1:4",
            unclosed("the end of the file"),
            id="quote-after-an-escaped-quote",
        ),
        pytest.param(
            "a: 'open\nb: it's\n", "p.yaml:1:4", unclosed("the end of the file"), id="quote-last"
        ),
        pytest.param(
            "a: 'open\nb: it's\nc: 1\n", "p.yaml:1:4", unclosed("line 2"), id="quote-mid-file"
        ),
        pytest.param(
            'a: "closed \\" quote"\nb: [\n',
            "p.yaml:3:1",
            "did not find expected node content (while parsing a flow node)",
            id="closed-double-quotes-then-an-error",
        ),
        pytest.param(
            "a: 'closed'\nb: [\n",
            "p.yaml:3:1",
            "did not find expected node content (while parsing a flow node)",
            id="closed-single-quotes-then-an-error",
        ),
        pytest.param(
            "%YAML 1.1\n%YAML 1.1\n---\na: 1\n",
            "p.yaml:2:1",
            "found duplicate %YAML directive",
            id="a-problem-without-context",
        ),
    ],
)
def test_syntax_errors_are_located_and_worded_for_people(
    source: str, where: str, message: str
) -> None:
    with pytest.raises(PlanInvalid) as raised:
        load(source, file="p.yaml")

    [problem] = raised.value.problems
    assert isinstance(problem, YamlSyntaxError)
    assert str(problem.location) == where
    assert problem.message == f"YAML syntax: {message}"


def test_the_parsers_usual_complaints_are_translated_and_the_rest_shown_as_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PLAN_LANG", "th")

    def problem(source: str) -> str:
        with pytest.raises(PlanInvalid) as raised:
            load(source, file="p.yaml")
        [found] = raised.value.problems
        return str(found)

    # The wording with a brace is looked up with the brace escaped, as the catalogue has it.
    assert problem("a: {b: 1\n") == (
        "p.yaml:2:1: ไวยากรณ์ YAML: ไม่พบ ',' หรือ '}' ที่ควรมี (ขณะอ่านชุดคีย์และค่าในวงเล็บปีกกา)"
    )
    assert problem("a: [1, 2\n") == (
        "p.yaml:2:1: ไวยากรณ์ YAML: ไม่พบ ',' หรือ ']' ที่ควรมี (ขณะอ่านรายการในวงเล็บ [ ])"
    )
    assert problem("%YAML 1.1\n%YAML 1.1\n---\na: 1\n") == (
        "p.yaml:2:1: ไวยากรณ์ YAML: found duplicate %YAML directive"
    )


def test_a_parser_complaint_of_another_kind_is_placed_at_the_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def complain(*args: object, **kwargs: object) -> None:
        raise yaml.YAMLError("the parser gave up")

    monkeypatch.setattr(yaml, "parse", complain)

    with pytest.raises(PlanInvalid) as raised:
        load("a: 1\n", file="p.yaml")

    assert [str(p) for p in raised.value.problems] == [
        "p.yaml:1:1: YAML syntax: the parser gave up"
    ]


def test_a_parser_complaint_without_a_mark_or_words_is_placed_at_the_start() -> None:
    # libyaml always gives both; this is the wording if a parser someday does not.
    problem = _syntax_error(yaml.MarkedYAMLError(), "a: 1\n", "p.yaml")

    assert str(problem) == "p.yaml:1:1: YAML syntax: not valid YAML"


@pytest.mark.parametrize(
    ("source", "where"),
    [
        ("a: ok\nb: bad\x07\n", "p.yaml:2:7"),
        ("a: ทุ่งทองทุ่งทอง\nb: ทุ่ง\x07\n", "p.yaml:2:8"),  # libyaml counts bytes; we do not
    ],
)
def test_control_character_in_the_file_is_a_located_syntax_error(source: str, where: str) -> None:
    with pytest.raises(PlanInvalid) as raised:
        load(source, file="p.yaml")

    [problem] = raised.value.problems
    assert str(problem) == (
        f"{where}: YAML syntax: a control character (U+0007) that YAML cannot hold; delete it "
        "(it usually comes from pasting out of another program)"
    )


def test_error_at_the_end_of_a_file_without_final_newline_points_at_its_last_line() -> None:
    with pytest.raises(PlanInvalid) as raised:
        load("a: 1\nb", file="p.yaml")

    [problem] = raised.value.problems
    assert str(problem.location) == "p.yaml:2:1"  # the key that has no ':'
    assert problem.message.endswith(NO_COLON)


# --- limits: the work is bounded by what is read, and reading stops at the first value past --


def refusal(source: str) -> str:
    with pytest.raises(PlanInvalid) as raised:
        load(source, file="p.yaml")
    return str(raised.value.problems[-1])


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("a: [" + ", ".join(["x"] * 30) + "]\n", id="texts"),
        pytest.param("a: [" + ", ".join(["[]"] * 30) + "]\n", id="empty lists"),
        pytest.param("".join(f"k{n}: x\n" for n in range(15)), id="keys and texts"),
        pytest.param("a: x\n" + "a: [" + ", ".join(["x"] * 30) + "]\n", id="a repeated key"),
        pytest.param("a: x\n---\n" + "".join(["- x\n"] * 30), id="a second document"),
        pytest.param("a: x\n" * 30, id="repeated keys"),
    ],
)
def test_a_file_of_more_values_than_the_limit_is_refused(
    monkeypatch: pytest.MonkeyPatch, source: str
) -> None:
    monkeypatch.setattr(loader, "MAX_VALUES", 20)

    message = refusal(source)

    assert "the file holds more than 20 values (keys, texts, lists and mappings)" in message


def test_the_limit_on_values_is_located_at_the_first_one_too_many(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(loader, "MAX_VALUES", 5)  # the mapping, then two keys and two texts

    assert refusal("a: x\nb: y\nc: z\n").startswith(
        "p.yaml:3:1: (plan): the file holds more than 5 "
    )


def test_reading_stops_at_the_limit_however_much_follows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_VALUES", 100)

    def load_texts(count: int) -> None:
        with pytest.raises(PlanInvalid):
            load("".join(f"- x{n}\n" for n in range(count)), file="p.yaml")

    assert growth(load_texts, 5_000, under=str(Path(loader.__file__))) < 1.01


def test_a_text_longer_than_the_limit_is_refused_at_its_line() -> None:
    longest = "ก" * loader.MAX_TEXT

    assert load(f"a: {longest}\n", file="p.yaml").data == {"a": longest}
    assert refusal(f"a: x\nb: '{longest}ข'\n") == (
        f"p.yaml:2:4: b: a text of {loader.MAX_TEXT + 1:,} characters; one key or text holds "
        f"at most {loader.MAX_TEXT:,} (four pages): split it into paragraphs"
    )
    assert refusal(f"{longest}ข: x\n").startswith("p.yaml:1:1: (plan): a text of 10,001")


@pytest.mark.parametrize(
    ("source", "where"),
    [
        pytest.param("a:\n  ? [x, y, z]\n  : 1\n", "p.yaml:2:6", id="a-list-as-a-key"),
        pytest.param("a:\n  ? &k [x, y, z]\n  : 1\n", "p.yaml:2:9", id="an-anchored-list-as-a-key"),
    ],
)
def test_the_limit_on_values_reached_inside_a_refused_key_is_placed_at_its_mapping(
    monkeypatch: pytest.MonkeyPatch, source: str, where: str
) -> None:
    monkeypatch.setattr(loader, "MAX_VALUES", 4)  # two mappings, a key, the list as a key

    assert refusal(source) == (
        f"{where}: a: the file holds more than 4 values (keys, texts, lists and mappings); "
        "a plan is far smaller (a 1,000-measure plan has about 29,000), so nothing more is read"
    )


def test_the_limit_on_values_reached_inside_a_collection_nested_too_deep_is_placed_at_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(loader, "MAX_DEPTH", 2)
    monkeypatch.setattr(loader, "MAX_VALUES", 6)  # the mapping, a key, three lists, x

    assert refusal("a: [[[x, y]]]\n") == (
        "p.yaml:1:10: a[0][0]: the file holds more than 6 values (keys, texts, lists and "
        "mappings); a plan is far smaller (a 1,000-measure plan has about 29,000), so nothing "
        "more is read"
    )


@pytest.mark.parametrize(
    ("source", "limit", "refused"),
    [
        pytest.param(
            "a: x\n---\nb\n",
            3,
            "p.yaml:3:1: (plan): the file holds more than 3 values",
            id="one-value-too-many",
        ),
        pytest.param(
            f"a: x\n--- {'ก' * 10_001}\n",
            loader.MAX_VALUES,
            "p.yaml:2:5: (plan): a text of 10,001 characters",
            id="a-text-too-long",
        ),
    ],
)
def test_the_limits_hold_for_a_second_document_that_is_one_value(
    monkeypatch: pytest.MonkeyPatch, source: str, limit: int, refused: str
) -> None:
    monkeypatch.setattr(loader, "MAX_VALUES", limit)

    assert refusal(source).startswith(refused)


def test_the_limit_that_stopped_reading_is_listed_after_a_thousand_other_problems(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(loader, "MAX_VALUES", 3000)
    source = "a: x\n" * 1200 + "b: [" + ", ".join(["x"] * 2000) + "]\n"  # 1,199 repeated keys

    with pytest.raises(PlanInvalid) as raised:
        load(source, file="p.yaml")

    assert len(raised.value.problems) == 1000
    assert "the file holds more than 3,000 values" in str(raised.value.problems[-1])
    assert raised.value.count == 1200


def test_more_characters_than_the_limit_in_all_texts_together_are_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(loader, "MAX_CHARACTERS", 1000)
    source = "".join(f"- {'ก' * 90}{n:02}\n" for n in range(20))  # 92 characters each

    message = refusal(source)

    assert message == (
        "p.yaml:11:3: [10]: the file's keys and texts hold more than 1,000 characters; a plan "
        "is far shorter (a 1,000-measure plan has about 460,000), so nothing more is read"
    )


def test_texts_that_fill_the_limit_on_characters_exactly_are_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(loader, "MAX_CHARACTERS", 1000)
    source = "".join(f"- {'ก' * 98}{n:02}\n" for n in range(10))  # 100 characters each

    assert len(load(source, file="p.yaml").data) == 10
    assert refusal(source + "- x\n").startswith("p.yaml:11:3: [10]: the file's keys and texts")


def test_the_first_thousand_problems_are_kept_and_the_rest_counted() -> None:
    document = load("".join(f"k{n}: &a{n} x\n" for n in range(1200)), file="p.yaml")

    assert len(document.problems) == 1000
    assert str(document.problems[-1].location) == "p.yaml:1000:7"
    assert document.more_problems == 200
