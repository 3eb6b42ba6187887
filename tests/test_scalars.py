"""Positions inside YAML scalars: every style maps a value's characters back to the source."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from anticorrupt_plan.core.errors import PlanInvalid
from anticorrupt_plan.core.loader import Span, load
from anticorrupt_plan.core.scalars import SourceText, scalar_indices


def position(source: str, marker: str, path: tuple[str | int, ...] = ("text",)) -> tuple[int, int]:
    """Where the first ``marker`` in the value at ``path`` is written in ``source``."""
    document = load(source, file="plan.yaml")
    value = document.data
    for part in path:
        value = value[part]
    return SourceText(source).position_in_scalar(document.values[path], value, value.index(marker))


@pytest.mark.parametrize(
    ("source", "marker", "expected"),
    [
        pytest.param("text: องค์การบริหารส่วนตำบลทุ้งทองจึงได้\n", "ทุ้ง", (1, 28), id="plain-thai"),
        pytest.param(
            "text: ข้อความ บรรทัดแรก\n  บรรทัดที่สอง ทุ้งทอง\n", "ทุ้ง", (2, 16), id="plain-folded"
        ),
        pytest.param("text: ก่อน\n\n  หลัง ทุ้งทอง\n", "ทุ้ง", (3, 8), id="plain-blank-line"),
        pytest.param("text: 'it''s ทุ้งทอง'\n", "ทุ้ง", (1, 14), id="single-quote-escape"),
        pytest.param("text: 'แรก\n    ที่สอง  ทุ้งทอง'\n", "ทุ้ง", (2, 13), id="single-folded"),
        pytest.param('text: "\\t\\u0E17\\x41 ทุ้งทอง"\n', "ทุ้ง", (1, 21), id="double-escapes"),
        pytest.param('text: "ก\\u0E38\\u0E49งทอง"\n', "ุ้", (1, 9), id="double-escaped-marker"),
        pytest.param('text: "ต้น \\\n   ทุ้งทอง"\n', "ทุ้ง", (2, 4), id="double-escaped-break"),
        pytest.param('text: "ต้น\n\n   ทุ้งทอง"\n', "ทุ้ง", (3, 4), id="double-folded"),
        pytest.param("text: |\n  บรรทัดแรก\n  ทุ้งทอง\n", "ทุ้ง", (3, 3), id="literal"),
        pytest.param("text: |+\n  ก\n\n    ทุ้งทอง\n\n", "ทุ้ง", (4, 5), id="literal-keep-indented"),
        pytest.param("text: >\n  แรก\n  ที่สอง\n\n   ย่อหน้า\n  ทุ้งทอง\n", "ทุ้ง", (6, 3), id="folded"),
        pytest.param("a: x\r\ntext: 'ก\r\n  ทุ้งทอง'\r\n", "ทุ้ง", (3, 3), id="crlf"),
    ],
)
def test_position_of_a_value_character_in_the_source(
    source: str, marker: str, expected: tuple[int, int]
) -> None:
    assert position(source, marker) == expected


def test_block_scalar_with_explicit_indentation_in_a_list() -> None:
    source = "list:\n  - >2-\n     ก\n    ทุ้งทอง\n"

    assert position(source, "ทุ้ง", ("list", 0)) == (4, 5)


def test_offset_at_the_end_points_just_after_the_last_character() -> None:
    source = "text: 'ทุ่งทอง'\n"
    document = load(source, file="plan.yaml")

    end = SourceText(source).position_in_scalar(document.values[("text",)], "ทุ่งทอง", 7)

    assert end == (1, 15)


@pytest.mark.parametrize(
    ("value", "offset"),
    [
        pytest.param("not what the source says", 0, id="value-differs"),
        pytest.param("ทุ่งทอง", 99, id="offset-beyond-value"),
        pytest.param("ทุ่งทอX", 3, id="value-differs-past-its-start"),
    ],
)
def test_anything_unexplained_falls_back_to_the_scalar_start(value: str, offset: int) -> None:
    source = "a: x\ntext:   ทุ่งทอง\n"
    span = load(source, file="plan.yaml").values[("text",)]

    assert SourceText(source).position_in_scalar(span, value, offset) == (2, 9)


def test_unknown_style_gives_no_indices() -> None:
    assert scalar_indices("[a]", start=0, end=3, style="[", value="a") is None


@pytest.mark.parametrize(
    ("text", "index", "expected"),
    [
        ("ab\ncd", 3, (2, 1)),
        ("ab\r\ncd", 5, (2, 2)),
        ("ก่\u2028x", 3, (2, 1)),
        ("ทุ่ง", 3, (1, 4)),
    ],
)
def test_line_and_column_count_code_points_and_yaml_line_breaks(
    text: str, index: int, expected: tuple[int, int]
) -> None:
    source = SourceText(text)

    assert source.line_column(index) == expected
    assert source.index(*expected) == index


YAML_BREAKS = "\n\r\x85\u2028\u2029"


def assert_maps_back(source: str, path: tuple[str | int, ...] = ("text",)) -> list[int]:
    """Check where each character of the scalar at ``path`` is said to come from, and return
    those indices: inside the scalar's source and in increasing order, each one the
    character itself, the escape that wrote it (double quotes), or, for a line break or
    the space a folded line break reads as, a line break (a last one may stand at the end
    of a file that has none)."""
    document = load(source, file="plan.yaml")
    value = document.data
    for part in path:
        value = value[part]
    span: Span = document.values[path]
    reader = SourceText(source)
    start, end = reader.index(span.line, span.column), reader.index(span.end_line, span.end_column)

    indices = scalar_indices(source, start=start, end=end, style=span.style, value=value)

    assert indices is not None, f"{value!r} not reproduced"
    assert len(indices) == len(value)
    assert indices == sorted(set(indices)), indices
    for offset, (char, index) in enumerate(zip(value, indices, strict=True)):
        written = source[index : index + 1]
        assert start <= index <= end, (offset, index)
        if written == char or (span.style == '"' and written == "\\"):
            continue
        assert char in "\n " and (written == "" or written in YAML_BREAKS), (offset, char, written)
        assert written != "" or index == len(source), (offset, index)
    # Every offset, and the end of the value, is asked through position_in_scalar.
    positions = [reader.position_in_scalar(span, value, o) for o in range(len(value) + 1)]
    assert positions[:-1] == [reader.line_column(index) for index in indices]
    after = reader.line_column(indices[-1] + 1) if indices else (span.line, span.column)
    assert positions[-1] == after
    return indices


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("text: 'ทุ่งทอง'\n", id="single-quoted-from-its-first-character"),
        pytest.param('text: "ทุ่งทอง"\n', id="double-quoted-from-its-first-character"),
        pytest.param("text: ''\n", id="empty-single-quoted"),
        pytest.param("text: >\n", id="empty-folded-at-the-end"),
        pytest.param("text: >\n\n", id="empty-folded-then-an-empty-line"),
        pytest.param("text: >3\n", id="empty-folded-explicit-indentation"),
        pytest.param("text: |+\n\n", id="literal-keep-only-an-empty-line"),
        pytest.param("text: |3+\n\n", id="literal-keep-explicit-only-an-empty-line"),
        pytest.param("text: >+\n\n", id="folded-keep-only-an-empty-line"),
        pytest.param("text: |\n  ก\n\n  ข\n", id="literal-with-an-empty-line"),
        pytest.param("text: >\n  กbก\n  ่ก", id="folded-line-break-read-as-a-space"),
        pytest.param("text: >1\n  ", id="folded-explicit-white-line-at-the-end"),
        pytest.param("text: >1+\n  \t", id="folded-explicit-tab-line-at-the-end"),
        pytest.param("text: >1\n   ่\n  a", id="folded-explicit-shorter-last-line-at-the-end"),
        pytest.param("text: >1+\n   ่ \n  \t", id="folded-explicit-tab-last-line-at-the-end"),
        pytest.param("next: 1\ntext: '\n\n  '\n", id="single-quoted-empty-lines"),
        pytest.param('text: "ก\n\n\n  ข"\n', id="double-quoted-two-empty-lines"),
        pytest.param("text: ก\n\n\n  ข\n", id="plain-two-empty-lines"),
        pytest.param("text: |\n  X\n   ก\n", id="literal-first-line-one-letter"),
        pytest.param("text: >\n  X\n   ก\n", id="folded-first-line-one-letter"),
        pytest.param("text: >1\n   ก\n  X\n", id="folded-explicit-one-letter-line"),
        # A line of white space that is not a space (U+3000) is text, and sets the indentation.
        pytest.param("text: |\n  \u3000\n   ก\n", id="literal-ideographic-space-line-first"),
        pytest.param("text: >\n  \u3000\n   ก\n", id="folded-ideographic-space-line-first"),
        pytest.param('text: "ก\\\n\n  ข"\n', id="double-quoted-escaped-break-then-empty-line"),
    ],
)
def test_each_character_of_an_edge_case_maps_back(source: str) -> None:
    assert_maps_back(source)


@pytest.mark.parametrize("header", ["|", ">", "|2-"])
def test_a_block_header_ending_the_file_locates_its_empty_value_at_the_header(
    header: str,
) -> None:
    source = f"text: {header}"
    span = load(source, file="plan.yaml").values[("text",)]

    assert SourceText(source).position_in_scalar(span, "", 0) == (1, 7)


_TEXT = st.text(
    alphabet=st.sampled_from(list("ab  ทุ่งทองจึงได้\n'\"\\#:-\t\u00e9\x07")),
    min_size=1,
    max_size=40,
)


@settings(derandomize=True, max_examples=400, deadline=None)
@given(
    text=_TEXT,
    style=st.sampled_from([None, "'", '"', "|", ">"]),
    width=st.sampled_from([12, 30, 200]),
)
def test_every_character_maps_back_to_where_yaml_read_it(
    text: str, style: str | None, width: int
) -> None:
    source = yaml.safe_dump(
        {"text": text, "next": 1}, allow_unicode=True, default_style=style, width=width
    )

    assert_maps_back(source)


# Block scalars written by hand: explicit indentation and chomping, lines less and more
# indented, white-space-only lines, tabs, and files that end without a line break.
_LINE = st.one_of(
    st.integers(0, 5).map(" ".__mul__),
    st.tuples(st.integers(1, 4), st.text(alphabet="aXก่ \t", min_size=1, max_size=6)).map(
        lambda t: " " * t[0] + t[1]
    ),
)


@settings(derandomize=True, max_examples=400, deadline=None)
@given(
    header=st.tuples(
        st.sampled_from("|>"), st.sampled_from(["", "1", "2"]), st.sampled_from(["", "+", "-"])
    ),
    lines=st.lists(_LINE, max_size=5),
    ending=st.sampled_from(["", "\n", "\nnext: 1\n"]),
)
def test_hand_written_block_scalars_map_back_or_are_refused(
    header: tuple[str, str, str], lines: list[str], ending: str
) -> None:
    source = "text: " + "".join(header) + "\n" + "\n".join(lines) + ending
    try:
        document = load(source, file="plan.yaml")
    except PlanInvalid:
        return  # not YAML: nothing to locate
    if not isinstance(document.data, dict) or not isinstance(document.data.get("text"), str):
        return
    assert_maps_back(source)
