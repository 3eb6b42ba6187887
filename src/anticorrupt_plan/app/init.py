"""Start a new plan: a YAML file for one organization that validates and builds at once, with
what every organization shares written in and ``....`` at each place for its own words.

The skeletons are templates (``templates/init/<kind>.yaml.j2``); the git wiring that ``--git``
adds is copied from ``templates/init/git/``. Nothing is ever overwritten: every file is
created only if it does not exist, and all are checked before the first is written.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from anticorrupt_plan.app import DEFAULT_PLAN
from anticorrupt_plan.app.validate import parse_plan
from anticorrupt_plan.common.organization import (
    ABBREVIATIONS,
    MAX_FISCAL_YEARS,
    Organization,
    OrganizationKind,
)
from anticorrupt_plan.common.types import check_be_year
from anticorrupt_plan.core.errors import (
    InitAnswersError,
    OutputError,
    PlanExistsError,
    PlanInvalid,
    format_path,
)
from anticorrupt_plan.core.i18n import tr
from anticorrupt_plan.core.resources import template_dir
from anticorrupt_plan.core.thai import thai_digits
from anticorrupt_plan.document.templates import render_text
from anticorrupt_plan.kinds.action.catalogue import Round, round_for

# What a place left for the organization's own words holds: plan check's PLACEHOLDER rule
# reports each, and plan build still builds.
PLACEHOLDER = "...."
KINDS = ("ethics", "action")
# The git wiring: where each file goes, from its source in templates/init/git/.
GIT_FILES = {".gitattributes": "gitattributes", ".pre-commit-config.yaml": "pre-commit-config.yaml"}
CI_FILES = {"github": ".github/workflows/plan.yml", "gitlab": ".gitlab-ci.yml"}
CI_SOURCES = {"github": "github-actions.yml", "gitlab": "gitlab-ci.yml"}
# The option that gives each answer, as the plan's validation names it.
_OPTIONS = {
    "organization.kind": "--org-kind",
    "organization.name": "--name",
    "organization.district": "--district",
    "organization.province": "--province",
    "fiscal_years.first": "--first",
    "fiscal_years.last": "--last",
    "announcement.date": "--date",
    "announcement.signatory.name": "--executive",
}
# The national anti-corruption strategy whose summary the ethics skeleton writes in.
STRATEGY_ROUND = (2560, 2564)

# Each organization kind's staff, as its documents name them.
_STAFF = {
    OrganizationKind.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION: "พนักงานส่วนตำบล",
    OrganizationKind.SUBDISTRICT_MUNICIPALITY: "พนักงานเทศบาล",
    OrganizationKind.TOWN_MUNICIPALITY: "พนักงานเทศบาล",
    OrganizationKind.CITY_MUNICIPALITY: "พนักงานเทศบาล",
    OrganizationKind.PROVINCIAL_ADMINISTRATIVE_ORGANIZATION: "พนักงานส่วนจังหวัด",
}


@dataclass(frozen=True)
class NewPlan:
    """The answers ``plan init`` asks for."""

    kind: str  # ethics or action
    organization_kind: str
    name: str
    province: str
    first: int
    last: int
    executive: str
    district: str | None = None
    date: str | None = None  # the announcement's, B.E. YYYY-MM-DD; by default 1 October


def init_plan(
    path: Path,
    new: NewPlan,
    *,
    git: bool = False,
    ci: str = "github",
    templates: Path | None = None,
) -> list[Path]:
    """Write a new plan file at ``path`` (and with ``git``, the git and CI wiring beside it);
    return the files written. Raises PlanExistsError, before writing anything, when one of
    them exists, and InitAnswersError when the answers do not make a valid plan."""
    folder = template_dir(templates) / "init"
    files: dict[Path, str] = {path: skeleton(new, file=path.name, folder=folder)}
    if git:
        base = path.parent
        for name, source in GIT_FILES.items():
            files[base / name] = (folder / "git" / source).read_text(encoding="utf-8")
        files[base / CI_FILES[ci]] = (folder / "git" / CI_SOURCES[ci]).read_text(encoding="utf-8")
    for target in files:
        if target.exists() or target.is_symlink():
            raise PlanExistsError(path=str(target))
    written: list[Path] = []
    with _undone_on_failure(written):
        for target, text in files.items():
            _create(target, text)
            written.append(target)
    return written


def skeleton(new: NewPlan, *, file: str = DEFAULT_PLAN, folder: Path | None = None) -> str:
    """The YAML of a new plan from ``new``, validated: it builds as it is."""
    _check_answers(new)
    try:
        organization = Organization.model_validate(
            {
                "kind": new.organization_kind,
                "name": new.name,
                "district": new.district,
                "province": new.province,
            }
        )
    except ValidationError:
        organization = None  # the plan's own validation below says what is wrong
    context = _context(new, organization, file=file)
    template = (folder or template_dir() / "init") / f"{new.kind}.yaml.j2"
    text = render_text(template, context)
    try:
        parse_plan(text, file=file)
    except PlanInvalid as error:
        listed = [f"{_option(problem.path)}: {problem.message}" for problem in error.problems]
        raise InitAnswersError(problems=listed) from None
    return text


def _option(path: tuple[str | int, ...]) -> str:
    """The option that gave the answer at ``path`` of the plan, or the path itself."""
    where = format_path(path)
    return _OPTIONS.get(where, where)


def _check_answers(new: NewPlan) -> None:
    """The answers' own problems, each named by its option, before a plan is made of them
    (a wrong year would otherwise show as problems in the parts made from the years)."""
    problems = []
    if new.kind not in KINDS:
        problems.append(
            tr("--kind {found}: not a kind of plan; choose ethics or action", found=new.kind)
        )
    if new.organization_kind not in set(OrganizationKind):
        kinds = ", ".join(f"{kind} ({short})" for short, kind in ABBREVIATIONS.items())
        problems.append(
            tr(
                "--org-kind {found}: not a kind of organization; choose one of {kinds}",
                found=new.organization_kind,
                kinds=kinds,
            )
        )
    texts = {
        "--name": new.name,
        "--district": new.district or "",
        "--province": new.province,
        "--executive": new.executive,
    }
    for option, text in texts.items():
        if any(ord(char) < 0x20 or ord(char) == 0x7F for char in text):
            problems.append(tr("{where}: write it on one line", where=option))
    problems += _year_problems(new.first, new.last)
    if problems:
        raise InitAnswersError(problems=problems)


def _year_problems(first: int, last: int) -> list[str]:
    problems = [
        f"{option} {year}: {problem}"
        for option, year in (("--first", first), ("--last", last))
        if (problem := year_problem(year)) is not None
    ]
    if problems:
        return problems
    span = span_problem(first, last)
    return [span] if span is not None else []


def year_problem(year: int) -> str | None:
    """What is wrong with ``year`` as a fiscal year (a Christian-Era year, one out of range),
    in the reader's language; None when nothing is."""
    try:
        check_be_year(year)
    except PydanticCustomError as error:
        return tr(error.message_template, **(error.context or {}))
    return None


def span_problem(first: int, last: int) -> str | None:
    """What is wrong with the years ``first`` to ``last`` as a plan's (their order, their
    number); None when nothing is."""
    if last < first:
        return tr("--last {last} is before --first {first}", last=last, first=first)
    if last - first + 1 > MAX_FISCAL_YEARS:
        return tr(
            "--first {first} --last {last}: {count} fiscal years; a plan covers at most {limit}",
            first=first,
            last=last,
            count=last - first + 1,
            limit=MAX_FISCAL_YEARS,
        )
    return None


def _context(new: NewPlan, organization: Organization | None, *, file: str) -> dict[str, Any]:
    years = list(range(new.first, new.last + 1))
    years_thai = thai_digits(
        f"{new.first} - {new.last}" if new.last != new.first else str(new.first)
    )
    if len(years) == 1:
        period = f" ประจำปีงบประมาณ พ.ศ. {thai_digits(str(new.first))}"
    else:
        period = f" {thai_digits(str(len(years)))} ปี (พ.ศ. {years_thai})"
    kind = organization.kind if organization else None
    catalogue = round_for(new.first, new.last)
    first_strategy, last_strategy = STRATEGY_ROUND
    return {
        "file": file,
        "placeholder": PLACEHOLDER,
        "org_kind": new.organization_kind,
        "name": new.name,
        "district": new.district,
        "province": new.province,
        "full": organization.full_name if organization else new.name,
        "executive_title": organization.executive_title if organization else "",
        "staff": _STAFF.get(kind, "พนักงาน") if kind else "พนักงาน",
        "executive": new.executive,
        "first": new.first,
        "last": new.last,
        "years": years if len(years) <= 10 else years[:1],
        "years_thai": years_thai,
        "period_thai": period,
        "date": new.date or f"{new.first - 1}-10-01",
        "strategy_round": (
            f"{first_strategy}-{last_strategy}"
            if first_strategy <= new.first <= new.last <= last_strategy
            else None
        ),
        "round": catalogue.name if catalogue else "",
        "dimensions": list(_dimensions(catalogue)) if catalogue else [],
    }


def _dimensions(catalogue: Round) -> Iterator[dict[str, Any]]:
    """Each มิติ of the round with the ภารกิจ its catalogue names, down to those that hold
    projects; a มิติ whose ภารกิจ the catalogue does not know gets one, to be named."""
    codes = [code for code in catalogue.headings if "." not in code]
    for code in sorted(codes, key=int):
        missions = list(_missions(catalogue, code))
        if not missions:
            missions = [_mission(f"{code}.1", titled=True, missions=[])]
        yield {"code": code, "missions": missions}


def _missions(catalogue: Round, parent: str) -> Iterator[dict[str, Any]]:
    depth = parent.count(".") + 1
    for code in catalogue.headings:
        if code.startswith(f"{parent}.") and code.count(".") == depth:
            yield _mission(code, titled=False, missions=list(_missions(catalogue, code)))


def _mission(code: str, *, titled: bool, missions: list[dict[str, Any]]) -> dict[str, Any]:
    return {"code": code, "titled": titled, "missions": missions, "project_id": f"p{code}"}


def _create(target: Path, text: str) -> None:
    """Create ``target`` holding ``text``; refused if it exists, even if it appeared just now."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except FileExistsError:
        raise PlanExistsError(path=str(target)) from None
    except OSError as error:
        reason = tr("cannot write: {error}", error=error.strerror)
        raise OutputError(path=str(target), reason=reason) from error


@contextlib.contextmanager
def _undone_on_failure(written: list[Path]) -> Iterator[None]:
    """Remove the files written so far if writing the rest fails: all of them, or none."""
    try:
        yield
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
