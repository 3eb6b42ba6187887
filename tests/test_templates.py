"""Templates: rendered in a sandbox into the tree, every value escaped, every mistake located."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from anticorrupt_plan.app.render import document_tree, render
from anticorrupt_plan.app.validate import read_plan
from anticorrupt_plan.cli.commands import Exit, app
from anticorrupt_plan.core.errors import TemplateError
from anticorrupt_plan.core.resources import template_dir
from anticorrupt_plan.core.thai import thai_digits
from anticorrupt_plan.document.templates import _environment, render_document
from anticorrupt_plan.document.tree import Break, Paragraph, Tab, Text
from anticorrupt_plan.kinds.ethics.present import present
from anticorrupt_plan.writers.text import render_text

from .conftest import PLAN_PATH


def template(folder: Path, source: str, name: str = "document.xml.j2") -> Path:
    (folder / "k").mkdir(parents=True, exist_ok=True)
    (folder / "k" / name).write_text(source, encoding="utf-8")
    return folder


def rendered(folder: Path, **context: Any) -> tuple[Any, ...]:
    document = render_document(folder, "k", "document.xml.j2", context, show=thai_digits)
    return document.sections[0].blocks


def test_values_are_text_whatever_they_hold(tmp_path: Path) -> None:
    folder = template(tmp_path, "<document><section><p>{{ value }}</p></section></document>")

    blocks = rendered(folder, value="<b>ตัวหนา</b> & </p></section> \"'\nบรรทัด\tแท็บ")

    assert blocks == (
        Paragraph(
            (
                Text("<b>ตัวหนา</b> & </p></section> \"'"),
                Break(),
                Text("บรรทัด"),
                Tab(),
                Text("แท็บ"),
            ),
            style="Body Text",
        ),
    )


def test_the_digits_function_writes_the_documents_digits(tmp_path: Path) -> None:
    folder = template(tmp_path, "<document><section><p>({{ digits(3) }})</p></section></document>")

    assert rendered(folder) == (Paragraph((Text("(๓)"),), style="Body Text"),)


def test_a_name_a_view_does_not_have_is_told_the_name_it_has(tmp_path: Path) -> None:
    folder = template(tmp_path, "<document>\n<section><p>{{ plan.organisation }}</p></section>")
    view = present(read_plan(PLAN_PATH).plan)

    with pytest.raises(TemplateError) as raised:
        rendered(folder, plan=view)

    assert str(raised.value).endswith(
        "document.xml.j2:2: PlanView has no 'organisation'; did you mean 'organization'?"
    )


@pytest.mark.parametrize(
    ("source", "where", "reason"),
    [
        pytest.param(
            "<document>\n<section>\n{% for x in %}</section></document>",
            "document.xml.j2:3",
            "Expected an expression",
            id="a syntax error",
        ),
        pytest.param(
            "<document>\n<section>\n<p>{{ plan.no_such_thing }}</p></section></document>",
            "document.xml.j2:3",
            "no_such_thing",
            id="an undefined value",
        ),
        pytest.param(
            "<document>\n<section>\n<tabel></tabel></section></document>",
            "document.xml.j2:3",
            "<tabel> is not an element of the template vocabulary",
            id="an element outside the vocabulary",
        ),
        pytest.param(
            "<document><section>\n\n<p style='x' colour='red'>ก</p></section></document>",
            "document.xml.j2:3",
            "no attribute 'colour'",
            id="an unknown attribute",
        ),
        pytest.param(
            '{% include "parts/missing.xml.j2" %}',
            "k/parts/missing.xml.j2",
            "not found",
            id="an included template missing",
        ),
    ],
)
def test_template_mistakes_are_located(
    tmp_path: Path, source: str, where: str, reason: str
) -> None:
    folder = template(tmp_path, source)

    with pytest.raises(TemplateError) as raised:
        rendered(folder, plan={})

    message = str(raised.value)
    assert where in message.split(": ")[0]
    assert reason in message


def test_a_template_found_nowhere_says_which_file_is_missing(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as raised:
        render_document(tmp_path, "nokind", "document.xml.j2", {}, show=str)

    assert str(raised.value) == f"{tmp_path / 'nokind' / 'document.xml.j2'}: not found"


def test_a_template_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    (tmp_path / "k").mkdir()
    (tmp_path / "k" / "document.xml.j2").write_bytes("<document>ทุ่งทอง".encode("cp874"))

    with pytest.raises(TemplateError) as raised:
        rendered(tmp_path)

    assert "not UTF-8" in str(raised.value)


@pytest.mark.parametrize(
    "attack",
    [
        "{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ digits.__globals__ }}",
    ],
)
def test_templates_run_sandboxed(tmp_path: Path, attack: str, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    folder = template(tmp_path, f"<document><section><p>{attack}</p></section></document>")

    with pytest.raises(TemplateError):
        rendered(folder)

    assert not (tmp_path / "PWNED").exists()


def test_a_restyled_template_set_changes_both_formats_and_nothing_else(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(template_dir(), templates)
    source = templates / "ethics" / "document.xml.j2"
    text = source.read_text(encoding="utf-8")
    text = text.replace("<h2>หลักการเหตุผล</h2>", "<h2>หลักการและเหตุผล</h2>")
    text = text.replace("({{ digits(4) }}) โครงการ/กิจกรรม", "({{ digits(4) }}) โครงการ")
    source.write_text(text, encoding="utf-8")
    valid = read_plan(PLAN_PATH)

    def changed(before: str, after: str) -> list[str]:
        lines = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        return [line for line in lines if line[:1] in "+-" and line[:3] not in ("+++", "---")]

    markdown = changed(
        render(valid, formats=["md"])["md"].decode(),
        render(valid, formats=["md"], templates=templates)["md"].decode(),
    )
    word = changed(
        render_text(document_tree(valid)), render_text(document_tree(valid, templates=templates))
    )

    for changes in (markdown, word):
        removed = [line[1:] for line in changes if line.startswith("-")]
        added = [line[1:] for line in changes if line.startswith("+")]
        assert removed[0].endswith("หลักการเหตุผล") and added[0].endswith("หลักการและเหตุผล")
        assert [line.replace("(๔) โครงการ/กิจกรรม", "(๔) โครงการ") for line in removed[1:]] == (
            added[1:]
        )
        assert all("(๔) โครงการ/" in line for line in removed[1:])
    assert len(markdown) == 2 + 2 * 8  # the heading, and the header of each measure's table
    assert len(word) == 2 + 2 * 16  # both header rows of each table name the column


def test_a_folder_holding_one_changed_template_takes_the_others_built_in(tmp_path: Path) -> None:
    changed = tmp_path / "templates" / "ethics" / "document.xml.j2"
    changed.parent.mkdir(parents=True)
    built_in = (template_dir() / "ethics" / "document.xml.j2").read_text(encoding="utf-8")
    changed.write_text(built_in.replace("หลักการเหตุผล", "หลักการและเหตุผล"), encoding="utf-8")
    valid = read_plan(PLAN_PATH)

    documents = render(valid, formats=["md", "docx"], templates=changed.parent.parent)

    assert "หลักการและเหตุผล" in documents["md"].decode()
    assert documents["docx"] != render(valid, formats=["docx"])["docx"]  # its reference is built in


def test_a_templates_folder_that_is_not_there_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["build", str(PLAN_PATH), "--out", str(tmp_path), "--templates", "no-such-folder"]
    )

    assert result.exit_code == Exit.USAGE
    assert "no-such-folder is not a folder of templates" in result.stderr
    assert not list(tmp_path.iterdir())


# --- templates compiled once for every run ----------------------------------------------------


def cache_folder(home: Path) -> Path:
    return home / "anticorrupt-plan" / "templates"


def test_a_template_is_compiled_once_and_again_when_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = template(tmp_path / "t", "<document><section><p>หนึ่ง</p></section></document>")
    _environment.cache_clear()
    assert rendered(folder) == (Paragraph((Text("หนึ่ง"),), style="Body Text"),)
    cached = list(cache_folder(tmp_path / "cache").iterdir())
    assert len(cached) == 1

    # A run of its own (a fresh environment) with the template changed renders the change.
    template(folder, "<document><section><p>สอง</p></section></document>")
    _environment.cache_clear()
    assert rendered(folder) == (Paragraph((Text("สอง"),), style="Body Text"),)
    _environment.cache_clear()


@pytest.mark.parametrize("damage", ["unwritable", "damaged"])
def test_a_cache_that_cannot_be_used_is_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    home = tmp_path / "cache"
    folder = template(tmp_path / "t", "<document><section><p>หนึ่ง</p></section></document>")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    if damage == "unwritable":
        home.write_text("a file where the cache folder would be", encoding="utf-8")
    else:
        _environment.cache_clear()
        rendered(folder)
        for path in cache_folder(home).iterdir():
            path.write_bytes(path.read_bytes()[:40] + b"\x00garbage")
    _environment.cache_clear()

    assert rendered(folder) == (Paragraph((Text("หนึ่ง"),), style="Body Text"),)
    _environment.cache_clear()
