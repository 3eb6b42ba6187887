"""The ``plan`` command: thin Typer commands that call the library, print, and exit.

Exit status: 0 success, 1 the plan has problems (or ``--check`` found stale outputs),
2 the command line itself is wrong, 3 an internal error (a bug: please report it).
"""

from __future__ import annotations

import gc
import sys
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from anticorrupt_plan.core.errors import PlanError, PlanInvalid

if TYPE_CHECKING:
    from anticorrupt_plan.app.build import BuildResult


class Exit(IntEnum):
    OK = 0
    FAILED_OR_CHANGED = 1
    USAGE = 2
    INTERNAL = 3


app = typer.Typer(
    name="plan",
    help="Compile an ethics and anti-corruption plan (plan.yaml) into its official documents.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# readable=False: an unreadable plan is the library's one-line error (exit 1), like a
# missing one, not a usage error (exit 2).
PlanArgument = Annotated[
    Path,
    typer.Argument(help="The plan file.", show_default=True, readable=False),
]


def _fail(error: PlanError, *, writes: bool = False) -> NoReturn:
    """Print a library error for a person (one problem per line) and exit 1.

    ``writes``: the command would have written documents, so say that none were.
    """
    print(str(error), file=sys.stderr)
    if isinstance(error, PlanInvalid):
        found = f"{_count(len(error.problems), 'problem')} found"
        print(f"{found}; nothing was written" if writes else found, file=sys.stderr)
    raise typer.Exit(Exit.FAILED_OR_CHANGED)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        print(f"anticorrupt-plan {version('anticorrupt-plan')}")
        raise typer.Exit(Exit.OK)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Compile an ethics and anti-corruption plan (plan.yaml) into its official documents."""


def _formats(value: str) -> list[str]:
    from anticorrupt_plan.app.build import FORMATS

    names = [name.strip().lower() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in FORMATS]
    if unknown or not names:
        raise typer.BadParameter(f"choose one or more of {', '.join(FORMATS)}, comma-separated")
    return names


@app.command()
def build(
    plans: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Plan files, or folders of them (default: plan.yaml).",
            show_default=False,
            metavar="PLAN",
            readable=False,
        ),
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the documents.")] = Path(
        "out"
    ),
    format: Annotated[
        str, typer.Option("--format", "-f", help="Formats to build, comma-separated: md, docx.")
    ] = "md,docx",
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Write nothing; exit 1 if an output is missing or out of date."
        ),
    ] = False,
    templates: Annotated[
        Path | None,
        typer.Option(help="Use the templates in this folder instead of the built-in ones."),
    ] = None,
) -> None:
    """Validate each plan and write its documents to OUT (default: out/).

    One plan file's documents go straight into OUT; with several plans, or a folder of
    them, each plan gets a folder of its own in OUT, named after the plan file.
    """
    formats = _formats(format)
    paths = plans or [Path("plan.yaml")]
    if len(paths) == 1 and not paths[0].is_dir():
        _build_one(paths[0], out_dir=out, formats=formats, check=check, templates=templates)
    else:
        _build_many(paths, out_dir=out, formats=formats, check=check, templates=templates)


def _build_one(
    plan: Path, *, out_dir: Path, formats: list[str], check: bool, templates: Path | None
) -> None:
    from anticorrupt_plan.app.build import build as build_plan

    try:
        result = build_plan(
            plan, out_dir=out_dir, formats=formats, check=check, templates=templates
        )
    except PlanError as error:
        _fail(error, writes=not check)
    _report(plan, result, check=check)
    if result.stale:
        raise typer.Exit(Exit.FAILED_OR_CHANGED)


def _build_many(
    paths: list[Path], *, out_dir: Path, formats: list[str], check: bool, templates: Path | None
) -> None:
    from anticorrupt_plan.app.build import BuildResult, batch_folders, build_batch
    from anticorrupt_plan.cli.progress import progress_bar

    try:
        folders = batch_folders(paths, out_dir=out_dir)
    except PlanError as error:  # a folder without plans, or two plans of the same name
        _fail(error)
    label = "checking" if check else "building"
    with progress_bar(len(folders), label=label, stream=sys.stderr) as advance:

        def done(plan: Path, outcome: BuildResult | PlanError) -> None:
            if isinstance(outcome, BuildResult):
                _report(plan, outcome, check=check)
            advance()

        result = build_batch(
            folders, formats=formats, check=check, templates=templates, on_done=done
        )
    for failure in result.failed.values():  # all together at the end, where they are seen
        print(failure, file=sys.stderr)
    total = len(folders)
    stale = [plan for plan, built in result.built.items() if built.stale]
    if stale:
        print(f"{len(stale)} of {total} plans have documents to update", file=sys.stderr)
    if result.failed:
        print(
            f"{len(result.failed)} of {total} plans failed; their documents were left as they were",
            file=sys.stderr,
        )
    if stale or result.failed:
        raise typer.Exit(Exit.FAILED_OR_CHANGED)


def _report(plan: Path, result: BuildResult, *, check: bool) -> None:
    """Print what a build of ``plan`` found and did, or with ``--check``, what is stale."""
    from anticorrupt_plan.app.checks import run_checks, summary

    report = run_checks(result.valid)
    for finding in report.findings:  # advice only: a build never fails on it
        print(finding, file=sys.stderr)
    if report.findings:
        print(
            f"{plan}: {summary(report)} from plan check (advice: they do not stop a build)",
            file=sys.stderr,
        )
    if not check:
        for path in result.written:
            print(f"wrote {path}")
        return
    for path, reason in result.stale:
        print(f"{path}: {reason}; run 'plan build' to update it", file=sys.stderr)
    if not result.stale:
        print(f"{plan}: documents in {result.out_dir} are up to date")


@app.command()
def validate(plan: PlanArgument = Path("plan.yaml")) -> None:
    """Check PLAN against the schema and its rules, without writing anything."""
    from anticorrupt_plan.app.validate import read_emblem, read_plan

    try:
        valid = read_plan(plan)
        read_emblem(valid, base=plan.parent)  # what build would find missing, found now
    except PlanError as error:
        _fail(error)
    goals = valid.plan.goals
    measures = sum(len(goal.measures) for goal in goals)
    print(f"{plan}: valid ({_count(len(goals), 'goal')}, {_count(measures, 'measure')})")


class ReportFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


@app.command()
def check(
    plan: PlanArgument = Path("plan.yaml"),
    warn_only: Annotated[
        bool, typer.Option("--warn-only", help="Report the findings but exit 0.")
    ] = False,
    format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="text, or json for CI.")
    ] = ReportFormat.TEXT,
    list_rules: Annotated[
        bool, typer.Option("--list-rules", help="List every rule and why it exists.")
    ] = False,
    list_accepted: Annotated[
        bool, typer.Option("--list-accepted", help="List the findings PLAN accepts, and why.")
    ] = False,
) -> None:
    """Find slips no schema can see (misspelled names, wrong years, ...); exit 1 if any."""
    from anticorrupt_plan.app.checks import (
        accepted_text,
        report_json,
        report_text,
        rules_text,
        run_checks,
        summary,
    )
    from anticorrupt_plan.app.validate import read_plan

    if list_rules:
        sys.stdout.write(rules_text())
        return
    try:
        report = run_checks(read_plan(plan))
    except PlanError as error:
        _fail(error)
    if list_accepted:
        sys.stdout.write(accepted_text(report))
        return
    sys.stdout.write(report_json(report) if format == ReportFormat.JSON else report_text(report))
    print(f"{plan}: {summary(report)}", file=sys.stderr)
    if report.findings and not warn_only:
        raise typer.Exit(Exit.FAILED_OR_CHANGED)


@app.command()
def diff(
    old: Annotated[
        str,
        typer.Argument(
            help="The old version: a plan file, a git revision of --plan (HEAD~1, a tag, "
            "a commit), or REV:path for another file at a revision."
        ),
    ] = "HEAD",
    new: Annotated[
        str | None,
        typer.Argument(
            help="The new version, named the same way; by default --plan as it is now.",
            show_default=False,
        ),
    ] = None,
    plan: Annotated[
        Path, typer.Option("--plan", "-p", help="The plan file that a bare revision refers to.")
    ] = Path("plan.yaml"),
    format: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="Output: text (for the terminal), md, json or docx (with --out)."
        ),
    ] = "text",
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Write to this file instead; needed for docx."),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(help="For docx, use the reference document in this folder."),
    ] = None,
    exit_code: Annotated[
        bool,
        typer.Option(
            "--exit-code", help="Exit 1 when there are changes and 0 when there are none."
        ),
    ] = False,
) -> None:
    """Show what changed between two versions of the plan, in the plan's own numbering."""
    from anticorrupt_plan.app.compare import DiffFormat, compare
    from anticorrupt_plan.writers.diff_text import use_colour

    if format not in set(DiffFormat):
        raise typer.BadParameter(f"choose one of {', '.join(DiffFormat)}", param_hint="--format")
    if format == DiffFormat.DOCX and out is None:
        raise typer.BadParameter(
            "required with --format docx: name the Word file to write", param_hint="--out"
        )
    try:
        result = compare(
            old,
            new,
            plan_file=plan,
            format=DiffFormat(format),
            colour=use_colour(sys.stdout),
            out=out,
            templates=templates,
        )
    except PlanError as error:
        _fail(error)
    sys.stdout.write(result.output)
    if out is not None:
        print(f"wrote {out}")
    if exit_code and result.changes:
        raise typer.Exit(Exit.FAILED_OR_CHANGED)


@app.command()
def textconv(
    document: Annotated[Path, typer.Argument(help="A Word document (.docx).")],
) -> None:
    """Print a DOCX's text in reading order, for git diff (see the README)."""
    from anticorrupt_plan.writers.docx_text import docx_text

    try:
        text = docx_text(document)
    except PlanError as error:
        _fail(error)
    sys.stdout.write(text)


@app.command()
def schema() -> None:
    """Print the plan file's JSON Schema (for editor completion and checking)."""
    from anticorrupt_plan.app.schema import json_schema

    sys.stdout.write(json_schema())


def main() -> None:
    """Entry point of the ``plan`` console script."""
    # A plan becomes a large tree of small objects that all live until the program ends.
    # Python's default, looking for garbage every 700 new objects, made a 10,000-measure
    # plan take over 11 times as long to build as a 1,000-measure one (mypy sets the same).
    gc.set_threshold(200_000, 30, 30)
    try:
        app()
    except Exception as error:  # a bug: say so in one line rather than with a traceback
        print(
            f"plan: internal error: {type(error).__name__}: {error}\n"
            "This is a bug in anticorrupt-plan; please report it with the plan file.",
            file=sys.stderr,
        )
        sys.exit(Exit.INTERNAL)
