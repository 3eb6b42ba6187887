"""``plan diff`` and ``plan textconv`` on real git history: each amendment reported once, in
every format, at its place in the plan's numbering; reformatting reported as nothing."""

from __future__ import annotations

import json
import re
import shlex
import sys
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
import yaml
from typer.testing import CliRunner

from anticorrupt_plan.cli.commands import Exit, app

from .conftest import PLAN_PATH, ROOT
from .gitrepo import Repository

runner = CliRunner()

NEW_MEASURE = """\
      - title: เผยแพร่ข้อมูลการจัดซื้อจัดจ้างให้ประชาชนตรวจสอบได้
        rows:
          - objective: เพื่อเปิดเผยข้อมูลการจัดซื้อจัดจ้างต่อสาธารณะ
            indicator: ร้อยละของโครงการจัดซื้อจัดจ้างที่เผยแพร่ข้อมูล
            targets:
              2562: ร้อยละ ๘๐
              2563: ร้อยละ ๙๐
              2564: ร้อยละ ๑๐๐
            project: เผยแพร่ประกาศจัดซื้อจัดจ้างทางเว็บไซต์
            steps:
              - รวบรวมประกาศจัดซื้อจัดจ้าง
              - เผยแพร่ทางเว็บไซต์และบอร์ดประชาสัมพันธ์
"""


def change_a_target(text: str) -> str:
    """Goal 1, measure 2: the 2563 target from ร้อยละ ๙๐ to ร้อยละ ๙๕."""
    anchor = text.index("- title: จัดฝึกอบรมหลักสูตรเกี่ยวกับคุณธรรม")
    at = text.index("2563: ร้อยละ ๙๐", anchor)
    return text[:at] + "2563: ร้อยละ ๙๕" + text[at + len("2563: ร้อยละ ๙๐") :]


def reword_a_step(text: str) -> str:
    return text.replace("- ดำเนินโครงการฯตามแผน", "- ดำเนินโครงการฯ ตามแผนที่กำหนด")


def add_a_measure(text: str) -> str:
    """A third measure at the end of goal 3: before the first top-level line after goals."""
    goals = text.index("\ngoals:\n")
    after = re.search(r"\n\n(?=[^\s-])", text[goals + 1 :])
    at = goals + 1 + after.start() + 1 if after else len(text)
    return text[:at] + NEW_MEASURE + text[at:]


def swap_two_measures(text: str) -> str:
    """Goal 2's first two measures trade places (comments go along with the lines they follow)."""
    lines = text.splitlines(keepends=True)
    starts = [n for n, line in enumerate(lines) if line.startswith("      - title: ")]
    a, b, c = starts[3], starts[4], starts[5]  # goal 2's three measures
    return "".join(lines[:a] + lines[b:c] + lines[a:b] + lines[c:])


def reindent_everything(text: str) -> str:
    """The same plan in another style: 4-space indents, every scalar quoted, keys sorted,
    short lists in flow style, no comments."""
    return yaml.safe_dump(
        _as_text(yaml.safe_load(text)),
        allow_unicode=True,
        indent=4,
        sort_keys=True,
        default_style='"',
        default_flow_style=None,
        width=80,
    )


def _as_text(data: object) -> object:
    """Numbers as text, so that quoting them all needs no YAML tags (which plans refuse)."""
    if isinstance(data, dict):
        return {str(key): _as_text(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_as_text(item) for item in data]
    return str(data)


# Each amendment, and how every format reports it: (action, place as a clerk reads it, the
# same place as JSON lists it).
HISTORY: list[tuple[Callable[[str], str], list[tuple[str, str, dict[str, list[str] | None]]]]] = [
    (
        change_a_target,
        [
            (
                "แก้ไข",
                "เป้าประสงค์หลักที่ ๑ มาตรการที่ ๒ แถวที่ ๑ (๓) ค่าเป้าหมายตัวชี้วัด ๒๕๖๓",
                {
                    "old": ["เป้าประสงค์หลักที่ ๑", "มาตรการที่ ๒", "แถวที่ ๑", "(๓) ค่าเป้าหมายตัวชี้วัด ๒๕๖๓"],
                    "new": ["เป้าประสงค์หลักที่ ๑", "มาตรการที่ ๒", "แถวที่ ๑", "(๓) ค่าเป้าหมายตัวชี้วัด ๒๕๖๓"],
                },
            )
        ],
    ),
    (
        reword_a_step,
        [
            (
                "แก้ไข",
                "เป้าประสงค์หลักที่ ๒ มาตรการที่ ๑ แถวที่ ๑ (๕) แนวทางปฏิบัติ ๓.",
                {
                    "old": ["เป้าประสงค์หลักที่ ๒", "มาตรการที่ ๑", "แถวที่ ๑", "(๕) แนวทางปฏิบัติ", "๓."],
                    "new": ["เป้าประสงค์หลักที่ ๒", "มาตรการที่ ๑", "แถวที่ ๑", "(๕) แนวทางปฏิบัติ", "๓."],
                },
            )
        ],
    ),
    (
        add_a_measure,
        [
            (
                "เพิ่ม",
                "เป้าประสงค์หลักที่ ๓ มาตรการที่ ๓",
                {"old": None, "new": ["เป้าประสงค์หลักที่ ๓", "มาตรการที่ ๓"]},
            )
        ],
    ),
    (
        swap_two_measures,
        [
            (
                "ย้าย",
                "เป้าประสงค์หลักที่ ๒ มาตรการที่ ๑ (เดิม มาตรการที่ ๒)",
                {
                    "old": ["เป้าประสงค์หลักที่ ๒", "มาตรการที่ ๒"],
                    "new": ["เป้าประสงค์หลักที่ ๒", "มาตรการที่ ๑"],
                },
            )
        ],
    ),
    (reindent_everything, []),
]
STEPS = [step for step, _ in HISTORY]
FORMATS = ["text", "md", "json", "docx"]


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    """The seed plan committed, then each amendment of HISTORY committed on top of the last."""
    repository = Repository(tmp_path_factory.mktemp("history"))
    text = PLAN_PATH.read_text(encoding="utf-8")
    repository.commit("The plan as adopted", {"plan.yaml": text})
    repository.git("tag", "adopted")
    for step in STEPS:
        text = step(text)
        repository.commit(step.__name__, {"plan.yaml": text})
        repository.git("tag", step.__name__)
    return repository


def revisions(step: int) -> tuple[str, str]:
    """The tagged commits before and after amendment ``step`` (0-based)."""
    return ("adopted" if step == 0 else STEPS[step - 1].__name__), STEPS[step].__name__


def run(repository: Repository, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["diff", *args, "--plan", str(repository.root / "plan.yaml")])
    return result.exit_code, result.stdout


def docx_rows(path: Path) -> str:
    """The comparison table's rows, each starting a line, their cells separated by `` | ``."""
    tables = docx.Document(str(path)).tables
    return "".join(
        " | ".join(cell.text for cell in row.cells) + "\n" for table in tables for row in table.rows
    )


def reported(output: str, fmt: str) -> list[tuple[str, str]]:
    """(action, place) of each change in ``output``, read back from format ``fmt``; a DOCX
    read back by ``docx_rows``."""
    if fmt == "json":
        return [
            (c["kind"], " ".join(c["place"]["new"] or c["place"]["old"]))
            for c in json.loads(output)["changes"]
        ]
    if fmt in ("md", "docx"):
        number = r"\| [๐-๙]+ \|" if fmt == "md" else r"[๐-๙]+ \|"
        rows = [line.split(" | ") for line in output.splitlines() if re.match(number, line)]
        cells = (row[1].split(" ", 1) for row in rows)
        return [(action.strip("*"), place) for action, place in cells]
    return [
        (match[1], match[2])
        for match in re.finditer(r"^[๐-๙]+\. (\S+) (.+)$", output, flags=re.MULTILINE)
    ]


KINDS = {"แก้ไข": "changed", "เพิ่ม": "added", "ยกเลิก": "removed", "ย้าย": "moved"}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("step", range(len(HISTORY)), ids=[s.__name__ for s in STEPS])
def test_each_amendment_is_reported_exactly_once_in_every_format(
    history: Repository, step: int, fmt: str, tmp_path: Path
) -> None:
    old, new = revisions(step)
    out = tmp_path / "comparison.docx"

    if fmt == "docx":
        code, printed = run(history, old, new, "--format", fmt, "--out", str(out))
        output = docx_rows(out)
    else:
        code, output = run(history, old, new, "--format", fmt)

    assert code == Exit.OK
    expected = HISTORY[step][1]
    if fmt == "json":
        changes = json.loads(output)["changes"]
        assert [(c["kind"], c["place"]) for c in changes] == [
            (KINDS[action], place) for action, _, place in expected
        ]
    else:
        assert reported(output, fmt) == [(action, place) for action, place, _ in expected]
    if fmt == "docx":
        assert printed == f"wrote {out}\n"


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        pytest.param(n, Exit.FAILED_OR_CHANGED if HISTORY[n][1] else Exit.OK, id=s.__name__)
        for n, s in enumerate(STEPS)
    ],
)
def test_exit_code_says_whether_anything_changed(
    history: Repository, step: int, expected: Exit
) -> None:
    code, _ = run(history, *revisions(step), "--exit-code")

    assert code == expected


def test_the_new_version_defaults_to_the_working_file(history: Repository) -> None:
    path = history.root / "plan.yaml"
    committed = path.read_text(encoding="utf-8")
    path.write_text(committed.replace('"ประชุมคณะทำงาน"', '"ประชุมคณะทำงานทุกเดือน"'), encoding="utf-8")
    try:
        code, output = run(history, "HEAD", "--exit-code")
    finally:
        path.write_text(committed, encoding="utf-8")

    assert code == Exit.FAILED_OR_CHANGED
    assert reported(output, "text") == [
        ("แก้ไข", "เป้าประสงค์หลักที่ ๓ มาตรการที่ ๑ แถวที่ ๑ (๕) แนวทางปฏิบัติ ๒.")
    ]
    assert "+ ประชุมคณะทำงาน{+ทุกเดือน+}" in output


def test_a_bare_revision_is_read_at_the_new_files_path(tmp_path: Path) -> None:
    repository = Repository(tmp_path)
    report = (ROOT / "examples" / "reports" / "2563-annual.yaml").read_text(encoding="utf-8")
    files = {"plan.yaml": PLAN_PATH.read_text(encoding="utf-8")}
    repository.commit("a plan and its report", {**files, "reports/r/2563-annual.yaml": report})
    path = repository.root / "reports" / "r" / "2563-annual.yaml"
    path.write_text(report.replace("status: ดำเนินการแล้วเสร็จ", "status: อยู่ระหว่างดำเนินการ", 1))

    result = runner.invoke(app, ["diff", "HEAD", str(path)])

    assert result.exit_code == Exit.OK, result.stderr
    assert "เป้าประสงค์หลักที่ ๑ มาตรการที่ ๑ สถานะ" in result.stdout


def test_the_text_shows_the_changed_span_and_no_colour_off_a_terminal(history: Repository) -> None:
    _, output = run(history, *revisions(0))

    assert "   - ร้อยละ [-๙๐-]\n   + ร้อยละ {+๙๕+}\n" in output
    assert "\x1b[" not in output


def test_no_changes_print_nothing_in_text(history: Repository) -> None:
    assert run(history, *revisions(STEPS.index(reindent_everything))) == (Exit.OK, "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["v99"], "'v99' is not a revision", id="unknown revision"),
        pytest.param(
            ["HEAD~99"], "'HEAD~99' goes back further than the history", id="further back"
        ),
        pytest.param(
            ["HEAD:nothing.yaml"], "nothing.yaml does not exist at revision HEAD", id="missing file"
        ),
    ],
)
def test_a_bad_version_is_one_line_and_exit_1(
    history: Repository, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(history.root)

    result = runner.invoke(app, ["diff", *args])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_unknown_format_is_a_usage_error(history: Repository) -> None:
    code, _ = run(history, "HEAD", "--format", "pdf")

    assert code == Exit.USAGE


def test_docx_without_a_file_to_write_is_a_usage_error(history: Repository) -> None:
    result = runner.invoke(
        app, ["diff", *revisions(0), "--format", "docx", "--plan", str(history.root / "plan.yaml")]
    )

    assert result.exit_code == Exit.USAGE
    assert "--out" in result.stderr
    assert "required with --format docx" in result.stderr


def test_textconv_makes_git_diff_of_a_docx_readable(tmp_path: Path) -> None:
    from docx import Document

    history = Repository(tmp_path)

    def write(target: str) -> None:
        document = Document()
        document.add_paragraph("ตารางเปรียบเทียบ")
        row = document.add_table(rows=1, cols=2).rows[0]
        row.cells[0].text, row.cells[1].text = "มาตรการที่ ๑", target
        document.save(str(history.root / "out.docx"))

    # As the README sets it up, with this interpreter standing in for the installed command.
    (history.root / ".gitattributes").write_text("*.docx diff=plan-docx\n", encoding="utf-8")
    command = f"{shlex.quote(sys.executable)} -m anticorrupt_plan textconv"
    history.git("config", "diff.plan-docx.textconv", command)
    write("ร้อยละ ๘๐")
    history.git("add", ".gitattributes", "out.docx")
    history.git("commit", "-q", "-m", "document")
    write("ร้อยละ ๙๐")

    shown = history.git("diff", "--", "out.docx")

    changed = [line for line in shown.splitlines() if line[:1] in "+-" and line[1:2] not in "+-"]
    assert changed == ["-มาตรการที่ ๑ | ร้อยละ ๘๐", "+มาตรการที่ ๑ | ร้อยละ ๙๐"]


def test_textconv_refuses_a_file_that_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_text("plain text", encoding="utf-8")

    result = runner.invoke(app, ["textconv", str(path)])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert result.stderr == f"{path}: not a DOCX file (not a Word package)\n"


def test_a_long_text_too_costly_to_compare_letter_by_letter_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 10,000-letter title of repeating phrases, rewritten: compared in bounded work, phrase
    by phrase or as one replacement, and the output says so, in the reader's language."""
    text = PLAN_PATH.read_text(encoding="utf-8")
    title = "title: แผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและการป้องกันการทุจริต\n"
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(text.replace(title, f"title: {'กขค ' * 2499}กขค\n"), "utf-8")
    new.write_text(text.replace(title, f"title: {'ขคก ' * 2499}ขคก\n"), "utf-8")
    result = runner.invoke(app, ["diff", str(old), str(new)])
    assert result.exit_code == 0, result.output
    assert (
        "   (the texts are too long to compare letter by letter, so they were compared phrase "
        "by phrase)\n"
    ) in result.output
    monkeypatch.setenv("PLAN_LANG", "th")
    result = runner.invoke(app, ["diff", str(old), str(new)])
    assert "   (ข้อความยาวเกินกว่าจะเทียบทีละตัวอักษร จึงเทียบทีละวลี)\n" in result.output
    monkeypatch.setenv("PLAN_LANG", "en")
    result = runner.invoke(app, ["diff", str(old), str(new), "--format", "json"])
    changes = json.loads(result.output)["changes"]
    assert {change["path"]["new"]: change["exact"] for change in changes} == {"title": False}
    result = runner.invoke(app, ["diff", str(new), str(new), "--format", "json"])
    assert json.loads(result.output)["changes"] == []
