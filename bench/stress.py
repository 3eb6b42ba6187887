"""Hostile inputs, each at one size and at twice that size, through the commands themselves.

Work that grows linearly takes about twice as long on the doubled input; quadratic work four
times. Each case runs in this process (so Python's start-up, which does not grow, does not
hide the growth), as a user's command line would: the same command, the same files.
"""

from __future__ import annotations

import copy
import statistics
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from generate import SEED, generate_plan, to_yaml
from typer.testing import CliRunner

from anticorrupt_plan.cli.commands import app

RUNS = 3
# Each doubling may take at most this many times as long: linear work, plus some noise.
TARGET = 2.5


@dataclass(frozen=True)
class Case:
    what: str  # "`plan check`, one word then 5,000 spaces"
    make: Callable[[Path, int], list[str]]  # (folder, size) -> the command's arguments
    size: int  # the smaller size; the case also runs at twice it
    unit: str  # what size counts, for the table
    exit_code: int = 0  # what the command must answer, or the case measures something else


@dataclass(frozen=True)
class Result:
    case: Case
    small: float  # seconds, median of RUNS
    large: float

    @property
    def ratio(self) -> float:
        return self.large / self.small


def seed() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    return loaded


def written(folder: Path, name: str, data: dict[str, Any] | str) -> str:
    path = folder / name
    path.write_text(data if isinstance(data, str) else to_yaml(data), encoding="utf-8")
    return str(path)


def _spaces(folder: Path, size: int) -> dict[str, Any]:
    """The seed with one paragraph made of a word, ``size`` spaces and the word again."""
    data = seed()
    data["rationale"] = ["คำ" + " " * size + "คำ"]
    return data


def spaces_check(folder: Path, size: int) -> list[str]:
    return ["check", written(folder, f"spaces{size}.yaml", _spaces(folder, size))]


def spaces_build(folder: Path, size: int) -> list[str]:
    plan = written(folder, f"spaces{size}.yaml", _spaces(folder, size))
    return ["build", plan, "--out", str(folder / f"out{size}")]


def digits_check(folder: Path, size: int) -> list[str]:
    """A target of ``size`` digits: every rule that reads numbers meets one long run."""
    data = seed()
    row = data["goals"][0]["measures"][0]["rows"][0]
    row["targets"] = {year: "ร้อยละ " + "๙" * size for year in row["targets"]}
    return ["check", written(folder, f"digits{size}.yaml", data)]


def extra_years(folder: Path, size: int) -> list[str]:
    """A generated plan whose every row has a target for a year outside the plan: one
    located error per row."""
    data = generate_plan(size)
    for goal in data["goals"]:
        for measure in goal["measures"]:
            for row in measure["rows"]:
                row["targets"][2599] = "ร้อยละ ๑๐๐"
    return ["validate", written(folder, f"years{size}.yaml", data)]


def long_paragraph_diff(folder: Path, size: int) -> list[str]:
    """One paragraph of ``size`` letters repeating a short phrase, rewritten throughout."""
    old, new = seed(), seed()
    old["rationale"] = ["กขค " * (size // 4)]
    new["rationale"] = ["ขคก " * (size // 4)]
    return ["diff", written(folder, f"o{size}.yaml", old), written(folder, f"n{size}.yaml", new)]


def edited_paragraph_diff(folder: Path, size: int) -> list[str]:
    """The seed's longest paragraph repeated to ``size`` letters, a word changed throughout."""
    old = seed()
    paragraph = max(old["rationale"], key=len)
    text = (paragraph * (size // len(paragraph) + 1))[:size]
    new = copy.deepcopy(old)
    old["rationale"] = [text]
    new["rationale"] = [text.replace("ทุจริต", "คอร์รัปชัน")]
    return ["diff", written(folder, f"eo{size}.yaml", old), written(folder, f"en{size}.yaml", new)]


def paragraphs_textconv(folder: Path, size: int) -> list[str]:
    """The seed's DOCX with its body replaced by ``size`` short numbered paragraphs."""
    built = folder / "seed-docx"
    if not (built / "plan.docx").exists():
        CliRunner().invoke(app, ["build", str(SEED), "--out", str(built), "--format", "docx"])
    path = folder / f"paragraphs{size}.docx"
    body = "".join(f"<w:p><w:r><w:t>ย่อหน้าที่ {n}</w:t></w:r></w:p>" for n in range(size))
    document = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    with (
        zipfile.ZipFile(built / "plan.docx") as seed_docx,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for entry in seed_docx.infolist():
            is_body = entry.filename == "word/document.xml"
            archive.writestr(entry.filename, document if is_body else seed_docx.read(entry))
    return ["textconv", str(path)]


CASES = (
    Case("`plan check`, one word, spaces, the word again", spaces_check, 4_900, "spaces", 1),
    Case("`plan build`, one word, spaces, the word again", spaces_build, 4_900, "spaces"),
    Case("`plan check`, a target of one long number", digits_check, 4_900, "digits", 1),
    Case("`plan validate`, every row a target year too many", extra_years, 2_000, "measures", 1),
    Case("`plan diff`, a paragraph of one phrase repeated", long_paragraph_diff, 4_900, "letters"),
    Case(
        "`plan diff`, a long paragraph edited all through", edited_paragraph_diff, 4_900, "letters"
    ),
    Case("`plan textconv`, a DOCX of many paragraphs", paragraphs_textconv, 200_000, "paragraphs"),
)


def timed(case: Case, arguments: list[str]) -> float:
    """Run the command once in this process, its output kept aside: its wall-clock time."""
    start = time.perf_counter()
    result = CliRunner().invoke(app, arguments)
    seconds = time.perf_counter() - start
    if result.exit_code != case.exit_code:
        raise RuntimeError(f"{case.what}: exit {result.exit_code}\n{result.output[-2000:]}")
    return seconds


def stress(folder: Path) -> list[Result]:
    results = []
    for case in CASES:
        small, large = case.make(folder, case.size), case.make(folder, 2 * case.size)
        timed(case, small)  # the first run of a command imports what it needs
        small_times, large_times = [], []
        for _ in range(RUNS):
            small_times.append(timed(case, small))
            large_times.append(timed(case, large))
        results.append(Result(case, statistics.median(small_times), statistics.median(large_times)))
    return results
