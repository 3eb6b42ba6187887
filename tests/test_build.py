"""The build pipeline: validate, render every format in memory, then write or compare."""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from anticorrupt_plan.app.build import batch_folders, build, build_batch, find_plans
from anticorrupt_plan.app.render import document_time
from anticorrupt_plan.core.errors import (
    NoPlansError,
    PlanInvalid,
    PlanNameClashError,
    SourceDateEpochError,
)

from .conftest import PLAN_PATH, minimal_plan


def test_build_writes_markdown_and_docx_named_after_the_plan(tmp_path: Path) -> None:
    result = build(PLAN_PATH, out_dir=tmp_path / "out")

    assert result.written == [tmp_path / "out" / "plan.md", tmp_path / "out" / "plan.docx"]
    assert (tmp_path / "out" / "plan.md").read_text(encoding="utf-8").startswith("<!--")
    assert zipfile.is_zipfile(tmp_path / "out" / "plan.docx")


def test_invalid_plan_writes_nothing_and_keeps_previous_output(write_plan, tmp_path: Path) -> None:
    out = tmp_path / "out"
    good = write_plan(minimal_plan())
    build(good, out_dir=out)
    before = (out / "plan.md").read_bytes()
    bad = minimal_plan()
    bad["fiscal_years"]["last"] = "not a year"
    write_plan(bad)

    with pytest.raises(PlanInvalid):
        build(good, out_dir=out)

    assert (out / "plan.md").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["plan.docx", "plan.md"]


def test_two_builds_give_the_same_bytes(tmp_path: Path) -> None:
    first = build(PLAN_PATH, out_dir=tmp_path / "a").outputs
    second = build(PLAN_PATH, out_dir=tmp_path / "b").outputs

    assert [data for data in first.values()] == [data for data in second.values()]


def build_in_subprocess(out: Path, **environment: str) -> bytes:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | environment
    subprocess.run(
        [sys.executable, "-m", "anticorrupt_plan", "build", str(PLAN_PATH), "--out", str(out)],
        env=env,
        check=True,
        capture_output=True,
    )
    return (out / "plan.docx").read_bytes()


def test_the_docx_does_not_depend_on_time_zone_locale_or_clock(tmp_path: Path) -> None:
    utc = build_in_subprocess(tmp_path / "utc", TZ="UTC", LC_ALL="C")
    # A second later, seven hours east, in a Thai locale: a zip entry stamped with the
    # local time would differ.
    time.sleep(1)
    bangkok = build_in_subprocess(tmp_path / "bkk", TZ="Asia/Bangkok", LC_ALL="C.UTF-8")

    assert hashlib.sha256(utc).hexdigest() == hashlib.sha256(bangkok).hexdigest()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "2018-10-18T00:00:00+00:00"),  # the announcement's date, 2561-10-18 B.E.
        ("", "2018-10-18T00:00:00+00:00"),
        ("0", "1970-01-01T00:00:00+00:00"),
        ("1700000000", "2023-11-14T22:13:20+00:00"),
    ],
)
def test_document_time_is_source_date_epoch_or_the_announcement(
    monkeypatch: pytest.MonkeyPatch, value: str | None, expected: str
) -> None:
    if value is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", value)

    assert document_time(datetime.date(2018, 10, 18)).isoformat() == expected


@pytest.mark.parametrize("value", ["yesterday", "-5", "1.5", "๑๐", "99999999999999999999"])
def test_a_malformed_source_date_epoch_is_refused(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)

    with pytest.raises(SourceDateEpochError) as raised:
        document_time(datetime.date(2018, 10, 18))

    assert repr(value) in str(raised.value)


def test_source_date_epoch_dates_the_docx(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")

    data = build(PLAN_PATH, out_dir=tmp_path, formats=["docx"]).outputs[tmp_path / "plan.docx"]
    core = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml").decode("utf-8")

    assert "2023-11-14T22:13:20Z" in core
    assert "2018-10-18" not in core


# --- batch builds ------------------------------------------------------------------------------


def test_find_plans_takes_files_as_given_and_yaml_files_directly_in_folders(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "plans"
    (folder / "sub").mkdir(parents=True)
    for name in ["b.yml", "a.yaml", "notes.txt", ".hidden.yaml", "sub/c.yaml"]:
        (folder / name).write_text("x", encoding="utf-8")
    (folder / "d.yaml").mkdir()  # a folder, whatever its name

    plans = find_plans([tmp_path / "one.yaml", folder])

    assert plans == [tmp_path / "one.yaml", folder / "a.yaml", folder / "b.yml"]


def test_a_folder_without_plans_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(NoPlansError, match=r"no plan files \(\*\.yaml, \*\.yml\) in this folder"):
        find_plans([tmp_path])


def test_each_plan_of_a_batch_gets_a_folder_named_after_it(tmp_path: Path) -> None:
    plans = [tmp_path / "a.yaml", tmp_path / "x" / "b.yml"]

    assert batch_folders(plans, out_dir=tmp_path / "out") == {
        plans[0]: tmp_path / "out" / "a",
        plans[1]: tmp_path / "out" / "b",
    }


def test_two_plans_of_the_same_name_are_an_error(tmp_path: Path) -> None:
    plans = [tmp_path / "x" / "plan.yaml", tmp_path / "y" / "plan.yml"]

    with pytest.raises(PlanNameClashError) as raised:
        batch_folders(plans, out_dir=tmp_path / "out")

    assert str(raised.value) == (
        f"{plans[0]} and {plans[1]} would both be built into {tmp_path / 'out' / 'plan'}; "
        "rename one of them, or build them separately with different --out folders"
    )


def test_a_batch_goes_on_past_a_failing_plan(write_plan, tmp_path: Path) -> None:
    plans = [write_plan(minimal_plan(), "a.yaml"), write_plan("[", "b.yaml")]
    plans.append(write_plan(minimal_plan(), "c.yaml"))
    heard: list[tuple[str, str]] = []

    result = build_batch(
        batch_folders(plans, out_dir=tmp_path / "out"),
        formats=["md"],
        on_done=lambda plan, outcome: heard.append((plan.name, type(outcome).__name__)),
    )

    assert heard == [
        ("a.yaml", "BuildResult"),
        ("b.yaml", "PlanInvalid"),
        ("c.yaml", "BuildResult"),
    ]
    assert list(result.built) == [plans[0], plans[2]]
    assert list(result.failed) == [plans[1]]
    assert sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / "out").rglob("*")) == [
        "out/a",
        "out/a/a.md",
        "out/c",
        "out/c/c.md",
    ]


def test_a_batch_check_writes_nothing_and_names_what_is_stale(write_plan, tmp_path: Path) -> None:
    folders = batch_folders([write_plan(minimal_plan(), "a.yaml")], out_dir=tmp_path / "out")

    result = build_batch(folders, formats=["md"], check=True)

    assert [built.stale for built in result.built.values()] == [
        [(tmp_path / "out" / "a" / "a.md", "missing")]
    ]
    assert not (tmp_path / "out").exists()
