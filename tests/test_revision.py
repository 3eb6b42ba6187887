"""Reading a version of the plan: a file, a git revision of the plan file, or REV:path."""

from __future__ import annotations

from pathlib import Path

import pytest

from anticorrupt_plan.app import revision, validate
from anticorrupt_plan.app.revision import read_version
from anticorrupt_plan.core.errors import (
    GitUnavailableError,
    NotAGitRepositoryError,
    NotAtRevisionError,
    PlanError,
    PlanFileError,
    PlanInvalid,
    ShortHistoryError,
    UnknownRevisionError,
)

from .conftest import dump, minimal_plan
from .gitrepo import Repository


def titled(title: str) -> str:
    data = minimal_plan()
    data["title"] = title
    return dump(data)


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    """plan.yaml committed twice (titles one and two, tagged v1 and v2), edited to three."""
    repository = Repository(tmp_path / "repo")
    repository.commit("first", {"plan.yaml": titled("หนึ่ง"), "docs/other.yaml": titled("อื่น")})
    repository.git("tag", "v1")
    repository.commit("second", {"plan.yaml": titled("สอง")})
    repository.git("tag", "v2")
    (repository.root / "plan.yaml").write_text(titled("สาม"), encoding="utf-8")
    return repository


@pytest.mark.parametrize(
    ("spec", "title", "name"),
    [
        pytest.param("HEAD", "สอง", "HEAD:plan.yaml", id="HEAD"),
        pytest.param("HEAD~1", "หนึ่ง", "HEAD~1:plan.yaml", id="HEAD~1"),
        pytest.param("v1", "หนึ่ง", "v1:plan.yaml", id="a tag"),
        pytest.param("v2:docs/other.yaml", "อื่น", "v2:docs/other.yaml", id="REV:path"),
    ],
)
def test_a_revision_reads_the_committed_file(
    repo: Repository, monkeypatch: pytest.MonkeyPatch, spec: str, title: str, name: str
) -> None:
    monkeypatch.chdir(repo.root)

    version = read_version(spec, plan_file=Path("plan.yaml"))

    assert version.plan.title == title
    assert version.document.file == name


def test_the_repository_is_the_one_holding_the_plan(
    repo: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)

    version = read_version("HEAD", plan_file=repo.root / "plan.yaml")

    assert version.plan.title == "สอง"


def test_a_file_in_a_subfolder_is_found_at_its_path_in_the_repository(repo: Repository) -> None:
    version = read_version("HEAD", plan_file=repo.root / "docs" / "other.yaml")

    assert version.document.file == "HEAD:docs/other.yaml"


def test_a_file_that_exists_is_read_as_it_is_now(repo: Repository) -> None:
    version = read_version(str(repo.root / "plan.yaml"), plan_file=Path("unused.yaml"))

    assert version.plan.title == "สาม"


@pytest.mark.parametrize(
    ("spec", "error", "message"),
    [
        pytest.param(
            "v9",
            UnknownRevisionError,
            "v9: no such file, and 'v9' is not a revision of the git repository",
            id="unknown revision",
        ),
        pytest.param(
            "HEAD~5",
            ShortHistoryError,
            "HEAD~5: no such file, and 'HEAD~5' goes back further than the history: HEAD has "
            "2 commits",
            id="further back than the history",
        ),
        pytest.param(
            "--output=x", UnknownRevisionError, "is not a revision", id="an option is no revision"
        ),
        pytest.param(
            "v1:missing.yaml",
            NotAtRevisionError,
            "v1:missing.yaml: missing.yaml does not exist at revision v1",
            id="no such file at the revision",
        ),
        pytest.param(
            "HEAD:docs", NotAtRevisionError, "docs is a folder, not a file", id="a folder"
        ),
    ],
)
def test_a_revision_that_cannot_be_read_says_why_in_one_line(
    repo: Repository,
    monkeypatch: pytest.MonkeyPatch,
    spec: str,
    error: type[PlanError],
    message: str,
) -> None:
    monkeypatch.chdir(repo.root)

    with pytest.raises(error) as raised:
        read_version(spec, plan_file=Path("plan.yaml"))

    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


@pytest.mark.needs("git")
def test_outside_a_repository_a_revision_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    with pytest.raises(NotAGitRepositoryError) as raised:
        read_version("HEAD~1", plan_file=Path("plan.yaml"))

    assert str(raised.value) == (
        f"HEAD~1: no such file, and {tmp_path.resolve()} is not inside a git repository, "
        "so it cannot be read as a git revision"
    )


def test_problems_in_a_committed_plan_name_the_revision(repo: Repository) -> None:
    repo.commit("broken", {"plan.yaml": titled("สี่").replace("fiscal_years:", "fiscal_year:")})

    with pytest.raises(PlanInvalid) as raised:
        read_version("HEAD", plan_file=repo.root / "plan.yaml")

    assert str(raised.value).startswith("HEAD:plan.yaml:")


def test_without_git_a_revision_is_a_clear_error(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "")

    with pytest.raises(GitUnavailableError) as raised:
        read_version("HEAD", plan_file=repo.root / "plan.yaml")

    assert (
        str(raised.value) == "HEAD: no such file, and git is not installed to read it as a revision"
    )


def test_a_version_larger_than_a_plan_file_may_be_is_refused_before_git_writes_it_out(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo.root)
    repo.commit("huge", {"plan.yaml": titled("ใหญ่") + "# padding\n" * 200_000})  # 2 MB
    monkeypatch.setattr(revision, "MAX_PLAN_BYTES", 1024 * 1024)
    monkeypatch.setattr(validate, "MAX_PLAN_BYTES", 1024 * 1024)

    with pytest.raises(PlanFileError) as raised:
        read_version("HEAD", plan_file=Path("plan.yaml"))

    assert str(raised.value) == "HEAD:plan.yaml: is 2 MB; a plan file is at most 1 MB"
