"""The plan command as a user meets it: through Typer's runner and as the installed program."""

from __future__ import annotations

import ast
import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from anticorrupt_plan.cli.commands import Exit, app

from .conftest import DATA, PLAN_PATH, dump, minimal_plan

ROOT = PLAN_PATH.parent

runner = CliRunner()


def test_build_writes_into_out_and_says_what_it_wrote(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(PLAN_PATH), "--out", str(tmp_path), "--format", "md"])

    assert result.exit_code == Exit.OK
    assert result.stdout == f"wrote {tmp_path / 'plan.md'}\n"
    assert (tmp_path / "plan.md").is_file()


def test_build_defaults_to_plan_yaml_and_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(PLAN_PATH, tmp_path / "plan.yaml")
    monkeypatch.chdir(tmp_path)

    result = runner.invoke(app, ["build", "--format", "md"])

    assert result.exit_code == Exit.OK
    assert (tmp_path / "out" / "plan.md").is_file()


def test_check_reports_stale_outputs_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["build", str(PLAN_PATH), "--out", str(out), "--format", "md"]

    missing = runner.invoke(app, [*args, "--check"])
    runner.invoke(app, args)
    fresh = runner.invoke(app, [*args, "--check"])
    (out / "plan.md").write_text("edited by hand\n", encoding="utf-8")
    stale = runner.invoke(app, [*args, "--check"])

    assert missing.exit_code == Exit.FAILED_OR_CHANGED
    assert f"{out / 'plan.md'}: missing" in missing.stderr
    assert fresh.exit_code == Exit.OK
    assert stale.exit_code == Exit.FAILED_OR_CHANGED
    assert f"{out / 'plan.md'}: out of date" in stale.stderr
    assert (out / "plan.md").read_text(encoding="utf-8") == "edited by hand\n"


def test_check_on_a_missing_output_folder_creates_nothing(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["build", str(PLAN_PATH), "--out", str(tmp_path / "out"), "--check"]
    )

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert not (tmp_path / "out").exists()


def test_validate_prints_a_summary() -> None:
    result = runner.invoke(app, ["validate", str(PLAN_PATH)])

    assert result.exit_code == Exit.OK
    assert result.stdout == f"{PLAN_PATH}: valid (3 goals, 8 measures)\n"


def test_schema_prints_json_schema() -> None:
    result = runner.invoke(app, ["schema"])

    assert result.exit_code == Exit.OK
    schema = json.loads(result.stdout)
    assert schema["properties"]["kind"]["enum"] == ["ethics", "action", "report"]
    assert {"Plan", "ActionPlan"} <= set(schema["$defs"])


@pytest.mark.parametrize(
    "args",
    [
        ["build", "--format", "rtf"],
        ["build", "--format", ""],
        ["build", "--no-such-option"],
        ["no-such-command"],
        ["check", "a.yaml", "b.yaml", "--format", "json"],
        ["diff", "--format", "rtf"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert runner.invoke(app, args).exit_code == Exit.USAGE


def test_version() -> None:
    result = runner.invoke(app, ["--version"])

    assert result.exit_code == Exit.OK
    assert result.stdout.startswith("anticorrupt-plan ")


# The malformed inputs a new user makes; each must give one located line per problem and exit 1.
MALFORMED = {
    "yaml syntax error": ("schema_version: 1\ntitle: [unclosed\n", ["plan.yaml:3:1: YAML syntax"]),
    "misspelled key": (
        dump(minimal_plan()).replace("tactic:", "tatic:"),
        ["goals[0].tatic: unknown key 'tatic'; did you mean 'tactic'?"],
    ),
    "missing year target": (
        dump(minimal_plan()).replace("        2567: ร้อยละ 90\n", ""),
        ["targets: no target for fiscal year 2567"],
    ),
    "extra year target": (
        dump(minimal_plan()).replace(
            "        2567: ร้อยละ 90\n", "        2567: ร้อยละ 90\n        2568: x\n"
        ),
        ["targets.2568: 2568 is not one of the plan's fiscal years"],
    ),
    "duplicate key": (
        dump(minimal_plan()) + "title: again\n",
        ["title: duplicate key 'title'; it is already set at line"],
    ),
    "tab indentation": (
        dump(minimal_plan()).replace("  name:", "\tname:"),
        ["YAML syntax: a tab character"],
    ),
    "empty file": ("", ["plan.yaml:1:1: (plan): the file is empty"]),
    "key indented into the targets": (
        dump(minimal_plan()).replace("      project:", "        project:"),
        ["targets.project: 'project' is not a fiscal year; write each target under its"],
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_plans_get_located_errors_and_exit_1(case: str, tmp_path: Path) -> None:
    text, expected = MALFORMED[case]
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "-m", "anticorrupt_plan", "build", "plan.yaml", "--out", "out"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == Exit.FAILED_OR_CHANGED
    assert "Traceback" not in result.stderr
    problem_lines = result.stderr.splitlines()[:-1]
    assert problem_lines and all(line.startswith("plan.yaml:") for line in problem_lines)
    for fragment in expected:
        assert fragment in result.stderr
    assert not (tmp_path / "out").exists()


# Files the loader refuses before or while reading them: one clear line each, exit 1.
VALID = dump(minimal_plan())
REFUSED_FILES = {
    "thai windows encoding": (
        VALID.encode("cp874"),
        "is not UTF-8; the file looks like Thai Windows text (TIS-620/cp874). Convert it",
    ),
    "utf-16": (VALID.encode("utf-16"), "plan.yaml: is UTF-16 text; save it as UTF-8"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "plan.yaml: contains NUL bytes"),
    "nul byte in text": (VALID.encode() + b"\x00\n", "plan.yaml: contains NUL bytes"),
    "anchor and alias": (
        (VALID + "rationale: &r [x]\npreparation_steps: *r\n").encode(),
        "YAML anchors and aliases (&name, *name) are not allowed",
    ),
    "python tag": (
        (VALID + "extra: !!python/object:os.system x\n").encode(),
        "YAML tag 'tag:yaml.org,2002:python/object:os.system' is not allowed",
    ),
    "top-level list": (b"- a\n- b\n", "plan.yaml:1:1: (plan): a plan is a mapping of keys"),
    "top-level text": (b"just text\n", "plan.yaml:1:1: (plan): a plan is a mapping of keys"),
}


@pytest.mark.parametrize("case", sorted(REFUSED_FILES))
def test_refused_files_get_a_clear_message_and_exit_1(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content, expected = REFUSED_FILES[case]
    (tmp_path / "plan.yaml").write_bytes(content)
    monkeypatch.chdir(tmp_path)

    result = runner.invoke(app, ["build", "plan.yaml", "--out", "out"])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert isinstance(result.exception, SystemExit)  # not an exception escaping the command
    assert expected in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    with path.open("wb") as sparse:  # 17 MB that take no room on disk
        sparse.truncate(17 * 1024 * 1024)

    result = runner.invoke(app, ["validate", str(path)])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert result.stderr == f"{path}: is 17 MB; a plan file is at most 16 MB\n"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_that_never_ends_is_read_no_further_than_the_limit() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "anticorrupt_plan", "validate", "/dev/zero"],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == Exit.FAILED_OR_CHANGED
    assert result.stderr == "/dev/zero: is more than 16 MB; a plan file is at most 16 MB\n"


def test_a_byte_order_mark_and_yaml_1_1_words_are_read_as_written(tmp_path: Path) -> None:
    data = minimal_plan()
    data["rationale"] = ["no", "on", "0o12", "2561-10-18"]
    data["digits"] = "arabic"  # print the digits as typed
    # Plain scalars, as a person types them: no quotes to protect them from YAML 1.1.
    text = dump(data).replace("'", "")
    (tmp_path / "plan.yaml").write_bytes(b"\xef\xbb\xbf" + text.encode())

    result = runner.invoke(
        app, ["build", str(tmp_path / "plan.yaml"), "-o", str(tmp_path), "-f", "md"]
    )

    assert result.exit_code == Exit.OK
    markdown = (tmp_path / "plan.md").read_text(encoding="utf-8")
    assert all(f"\n{word}\n" in markdown for word in ["no", "on", "0o12", "2561-10-18"])


def test_installed_plan_command_runs() -> None:
    plan = shutil.which("plan", path=str(Path(sys.executable).parent))
    assert plan is not None, "the 'plan' console script is not installed beside this Python"

    result = subprocess.run(
        [plan, "validate", str(PLAN_PATH)], capture_output=True, text=True, check=False
    )

    assert result.returncode == Exit.OK
    assert "valid (3 goals, 8 measures)" in result.stdout


def test_missing_plan_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "anticorrupt_plan", "validate", "nope.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )

    assert result.returncode == Exit.FAILED_OR_CHANGED
    assert result.stderr == "nope.yaml: no such file\n"


def test_internal_errors_are_one_line_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    from anticorrupt_plan.cli import commands as cli

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "app", broken)

    with pytest.raises(SystemExit) as raised:
        cli.main()

    assert raised.value.code == Exit.INTERNAL


runner = CliRunner()


def test_build_writes_both_formats_by_default(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(PLAN_PATH), "--out", str(tmp_path)])

    assert result.exit_code == Exit.OK
    assert result.stdout == f"wrote {tmp_path / 'plan.md'}\nwrote {tmp_path / 'plan.docx'}\n"


def test_format_docx_builds_the_docx_alone(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(PLAN_PATH), "-o", str(tmp_path), "-f", "docx"])

    assert result.exit_code == Exit.OK
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.docx"]


def test_build_help_lists_every_format() -> None:
    result = runner.invoke(app, ["build", "--help"], terminal_width=200)

    text = " ".join(result.stdout.replace("│", " ").split())  # however rich wraps it
    assert "comma-separated: md, docx, pdf." in text


SEED = str(DATA / "seed_verbatim.yaml")


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["validate", str(PLAN_PATH)], "valid (3 goals, 8 measures)"),
        (["check", str(PLAN_PATH)], ""),
        (["diff", SEED, str(PLAN_PATH), "--format", "text"], "๑. แก้ไข หลักการเหตุผล"),
    ],
)
def test_commands_that_write_no_document_import_neither_python_docx_nor_jinja2(
    args: list[str], shown: str
) -> None:
    probe = (
        "import sys\n"
        "from anticorrupt_plan.cli.commands import main\n"
        f"sys.argv = ['plan', *{args!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as done:\n"
        "    assert done.code in (0, None), done.code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'jinja2', 'lxml')))\n"
    )

    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )

    assert result.stdout.splitlines()[-1] == "[]"
    assert shown in result.stdout


@pytest.mark.parametrize("plan", [PLAN_PATH, ROOT / "examples" / "action" / "plan.yaml"])
def test_validate_imports_none_of_what_checks_presents_or_compares(plan: Path) -> None:
    probe = (
        "import sys\n"
        "from anticorrupt_plan.cli.commands import main\n"
        f"sys.argv = ['plan', 'validate', {str(plan)!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as done:\n"
        "    assert done.code in (0, None), done.code\n"
        "print(sorted(m for m in sys.modules if m.startswith('anticorrupt_plan.')))\n"
    )

    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )

    loaded = set(ast.literal_eval(result.stdout.splitlines()[-1]))
    unneeded = {
        "anticorrupt_plan.common.checking",
        "anticorrupt_plan.common.diffing",
        "anticorrupt_plan.core.textscan",
    }
    assert loaded.isdisjoint(unneeded)
    assert not {m for m in loaded if m.endswith((".rules", ".present", ".diff", ".items"))}


# --- several plans at once ---------------------------------------------------------------------


@pytest.fixture
def plans_folder(tmp_path: Path) -> Path:
    """Three plans in a folder, the second one broken."""
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "a.yaml").write_text(dump(minimal_plan()), encoding="utf-8")
    (folder / "b.yaml").write_text("schema_version: 1\ntitle: [unclosed\n", encoding="utf-8")
    (folder / "c.yml").write_text(dump(minimal_plan()), encoding="utf-8")
    return folder


def test_a_folder_of_plans_builds_each_into_its_own_folder_and_reports_failures_last(
    plans_folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"

    result = runner.invoke(app, ["build", str(plans_folder), "--out", str(out), "-f", "md"])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert result.stdout == f"wrote {out / 'a' / 'a.md'}\nwrote {out / 'c' / 'c.md'}\n"
    assert result.stderr.splitlines()[-2:] == [
        f"{plans_folder / 'b.yaml'}:3:1: YAML syntax: did not find expected ',' or ']' "
        "(while parsing a flow sequence)",
        "1 of 3 plans failed; their documents were left as they were",
    ]
    assert sorted(p.name for p in out.iterdir()) == ["a", "c"]


def test_several_plan_files_build_like_a_folder_of_them(plans_folder: Path, tmp_path: Path) -> None:
    plans = [str(plans_folder / "a.yaml"), str(plans_folder / "c.yml")]

    result = runner.invoke(app, ["build", *plans, "--out", str(tmp_path / "out"), "-f", "md"])

    assert result.exit_code == Exit.OK
    assert (tmp_path / "out" / "a" / "a.md").is_file()
    assert (tmp_path / "out" / "c" / "c.md").is_file()


def test_plans_of_the_same_name_are_refused_before_anything_is_built(
    plans_folder: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.yml").write_text(dump(minimal_plan()), encoding="utf-8")

    result = runner.invoke(app, ["build", str(plans_folder), str(other), "-o", str(tmp_path / "o")])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert result.stderr.startswith(
        f"{plans_folder / 'a.yaml'} and {other / 'a.yml'} would both be built into "
    )
    assert not (tmp_path / "o").exists()


def test_a_folder_without_plans_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(tmp_path)])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert result.stderr == f"{tmp_path}: no plan files (*.yaml, *.yml) in this folder\n"


def test_check_of_a_batch_names_the_stale_documents_and_counts_the_plans(
    plans_folder: Path, tmp_path: Path
) -> None:
    (plans_folder / "b.yaml").unlink()
    out = tmp_path / "out"
    args = ["build", str(plans_folder), "--out", str(out), "-f", "md"]
    runner.invoke(app, args)
    (out / "c" / "c.md").write_text("edited by hand\n", encoding="utf-8")

    result = runner.invoke(app, [*args, "--check"])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert result.stdout == f"{plans_folder / 'a.yaml'}: documents in {out / 'a'} are up to date\n"
    update = shlex.join(["plan", "build", str(plans_folder), "--out", str(out), "--format", "md"])
    assert result.stderr.splitlines()[-2:] == [
        f"{out / 'c' / 'c.md'}: out of date; run '{update}' to update it",
        "1 of 2 plans have documents to update",
    ]
    assert (out / "c" / "c.md").read_text(encoding="utf-8") == "edited by hand\n"


def test_the_command_check_names_updates_what_it_found(tmp_path: Path) -> None:
    out = tmp_path / "เอกสาร ใหม่"  # a folder name that must be quoted
    runner.invoke(app, ["build", str(PLAN_PATH), "-o", str(out)])
    (out / "plan.md").write_text("edited by hand\n", encoding="utf-8")
    check = ["build", str(PLAN_PATH), "-o", str(out), "--check"]

    stale = runner.invoke(app, check)
    update = stale.stderr.partition("; run '")[2].rpartition("' to update it")[0]
    words = shlex.split(update)
    updated = runner.invoke(app, words[1:])

    assert words[:2] == ["plan", "build"]
    assert updated.exit_code == Exit.OK
    assert runner.invoke(app, check).exit_code == Exit.OK


def test_validate_counts_in_the_singular_too(write_plan) -> None:  # type: ignore[no-untyped-def]
    path = write_plan(minimal_plan())

    result = runner.invoke(app, ["validate", str(path)])

    assert result.stdout == f"{path}: valid (1 goal, 1 measure)\n"


def test_validate_finds_a_missing_emblem_as_build_would(write_plan) -> None:  # type: ignore[no-untyped-def]
    data = minimal_plan()
    data["announcement"]["emblem"] = "images/garuda.png"
    path = write_plan(data)

    result = runner.invoke(app, ["validate", str(path)])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert "announcement.emblem: no such file: " in result.stderr
    assert result.stderr.endswith("1 problem found\n")


def test_build_sums_up_the_check_findings_it_prints(write_plan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = minimal_plan()
    data["rationale"] = ["ข้อความ TODO ที่ยังไม่เสร็จ"]
    path = write_plan(data)

    result = runner.invoke(app, ["build", str(path), "-o", str(tmp_path / "out"), "-f", "md"])

    assert result.exit_code == Exit.OK
    assert "PLACEHOLDER" in result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"{path}: 1 error, 0 warnings from plan check (advice: they do not stop a build)"
    )


def test_build_lists_at_most_a_thousand_findings_and_counts_the_rest(
    write_plan, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    data = minimal_plan()
    data["rationale"] = [f"ข้อความ TODO ที่ {n}" for n in range(1200)]
    path = write_plan(data)

    result = runner.invoke(app, ["build", str(path), "-o", str(tmp_path / "out"), "-f", "md"])

    *findings, more, summary = result.stderr.splitlines()
    assert result.exit_code == Exit.OK
    assert len(findings) == 1000
    assert more == f"{path}: 200 more not listed; 'plan check' lists them"
    assert summary.startswith(f"{path}: 1200 errors, 0 warnings from plan check")


@pytest.mark.parametrize("command", ["validate", "check", "build"])
def test_a_folder_without_a_plan_is_told_how_to_start_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.chdir(tmp_path)

    result = runner.invoke(app, [command])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert result.stderr.splitlines()[:2] == [
        "plan.yaml: no such file",
        "to start a plan here: plan init (see plan init --help)",
    ]
