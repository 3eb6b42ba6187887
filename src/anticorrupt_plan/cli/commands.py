"""The ``plan`` command: thin Typer commands that call the library, print, and exit.

Exit status: 0 success, 1 the plan has problems (or ``--check`` found stale outputs),
2 the command line itself is wrong, 3 an internal error (a bug: please report it).
"""

from __future__ import annotations

import gc
import signal
import sys
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from anticorrupt_plan.core.errors import MAX_LISTED, PlanError, PlanInvalid
from anticorrupt_plan.core.safe_text import shown

if TYPE_CHECKING:
    from anticorrupt_plan.app.build import BuildResult
    from anticorrupt_plan.app.render import PdfOptions


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

PlanArgument = Annotated[
    Path,
    typer.Argument(help="The plan file.", show_default=True),
]


def _fail(error: PlanError, *, writes: bool = False) -> NoReturn:
    """Print a library error for a person (one problem per line) and exit 1.

    ``writes``: the command would have written documents, so say that none were.
    """
    print(str(error), file=sys.stderr)
    if isinstance(error, PlanInvalid):
        found = f"{_count(error.count, 'problem')} found"
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
    from anticorrupt_plan.app.render import FORMATS

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
        ),
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the documents.")] = Path(
        "out"
    ),
    format: Annotated[
        str,
        typer.Option("--format", "-f", help="Formats to build, comma-separated: md, docx, pdf."),
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
    pdfa: Annotated[
        bool, typer.Option("--pdfa", help="Make the PDF a PDF/A-2b, for archiving.")
    ] = False,
    allow_substitute_font: Annotated[
        bool,
        typer.Option(
            "--allow-substitute-font",
            help="Make the PDF even when the document's font is not installed "
            "(its pages then differ from Word's).",
        ),
    ] = False,
) -> None:
    """Validate each plan and write its documents to OUT (default: out/).

    One plan file's documents go straight into OUT; with several plans, or a folder of
    them, each plan gets a folder of its own in OUT, named after the plan file. A PDF is
    made with LibreOffice, in the document's font (see 'plan fonts').
    """
    from anticorrupt_plan.app.render import PdfOptions

    formats = _formats(format)
    pdf = PdfOptions(pdfa=pdfa, allow_substitute_font=allow_substitute_font)
    paths = plans or [Path("plan.yaml")]
    if len(paths) == 1 and not paths[0].is_dir():
        _build_one(
            paths[0], out_dir=out, formats=formats, check=check, templates=templates, pdf=pdf
        )
    else:
        _build_many(paths, out_dir=out, formats=formats, check=check, templates=templates, pdf=pdf)


def _build_one(
    plan: Path,
    *,
    out_dir: Path,
    formats: list[str],
    check: bool,
    templates: Path | None,
    pdf: PdfOptions,
) -> None:
    from anticorrupt_plan.app.build import build as build_plan

    try:
        result = build_plan(
            plan, out_dir=out_dir, formats=formats, check=check, templates=templates, pdf=pdf
        )
    except PlanError as error:
        _fail(error, writes=not check)
    _report(plan, result, check=check)
    if result.stale:
        raise typer.Exit(Exit.FAILED_OR_CHANGED)


def _build_many(
    paths: list[Path],
    *,
    out_dir: Path,
    formats: list[str],
    check: bool,
    templates: Path | None,
    pdf: PdfOptions,
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
            folders, formats=formats, check=check, templates=templates, on_done=done, pdf=pdf
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
    for finding in report.findings[:MAX_LISTED]:  # advice only: a build never fails on it
        print(finding, file=sys.stderr)
    if len(report.findings) > MAX_LISTED:
        more = len(report.findings) - MAX_LISTED
        print(shown(f"{plan}: {more:,} more not listed; 'plan check' lists them"), file=sys.stderr)
    if report.findings:
        print(
            shown(f"{plan}: {summary(report)} from plan check (advice: they do not stop a build)"),
            file=sys.stderr,
        )
    if not check:
        for path in result.written:
            print(shown(f"wrote {path}"))
        return
    for path, reason in result.stale:
        print(shown(f"{path}: {reason}; run 'plan build' to update it"), file=sys.stderr)
    if not result.stale:
        print(shown(f"{plan}: documents in {result.out_dir} are up to date"))


@app.command()
def validate(plan: PlanArgument = Path("plan.yaml")) -> None:
    """Check PLAN against the schema and its rules, without writing anything."""
    from anticorrupt_plan.app.validate import read_assets, read_plan

    try:
        valid = read_plan(plan)
        read_assets(valid, base=plan.parent)  # what build would find missing, found now
    except PlanError as error:
        _fail(error)
    print(shown(f"{plan}: valid ({valid.kind.describe(valid.plan)})"))


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
    print(shown(f"{plan}: {summary(report)}"), file=sys.stderr)
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
        typer.Option(help="For md and docx, use the templates in this folder (see plan build)."),
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
        print(shown(f"wrote {out}"))
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
def fonts(
    folder: Annotated[
        Path | None,
        typer.Option(
            "--folder",
            help="Where to put the fonts (default: ~/.local/share/fonts/anticorrupt-plan).",
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Only say whether TH SarabunIT๙ or a twin is installed."),
    ] = False,
) -> None:
    """Install a font of TH SarabunIT๙'s size for PDFs on Linux, built from Laksaman."""
    from anticorrupt_plan.app.fonts import TWIN_FAMILY, font_installed, install_twin

    if check:
        found = font_installed(TWIN_FAMILY)
        if found is None:
            print("cannot tell which fonts are installed here (no fontconfig)")
            return
        print(f"{TWIN_FAMILY}: {'installed' if found else 'not installed'}")
        if not found:
            raise typer.Exit(Exit.FAILED_OR_CHANGED)
        return
    try:
        installed = install_twin(folder)
    except PlanError as error:
        _fail(error)
    for path in installed.fonts:
        print(f"wrote {path}")
    print(
        f"{TWIN_FAMILY}'s metric twin (Laksaman at TH Sarabun New's size) is installed in "
        f"{installed.folder}; licence GPL-2+ with the font exception (see README.txt there)"
    )
    if not installed.cache_refreshed:
        print("run 'fc-cache -f' if LibreOffice does not find it yet", file=sys.stderr)


report_app = typer.Typer(
    name="report",
    help="Follow-up reports on a plan: start a progress file (build it with 'plan build').",
    no_args_is_help=True,
)
app.add_typer(report_app)


class PeriodChoice(StrEnum):
    SIX_MONTHS = "6-months"
    ANNUAL = "annual"


@report_app.command("init")
def report_init(
    plan: PlanArgument = Path("plan.yaml"),
    year: Annotated[
        int, typer.Option("--year", "-y", help="The fiscal year to report on (B.E.), e.g. 2567.")
    ] = 0,
    period: Annotated[
        PeriodChoice,
        typer.Option("--period", help="6-months (1 October - 31 March) or annual."),
    ] = PeriodChoice.ANNUAL,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="The progress file to write (default: reports/YEAR-PERIOD.yaml)."
        ),
    ] = None,
) -> None:
    """Start a progress file: every item of PLAN's fiscal year listed, its status blank."""
    from anticorrupt_plan.app.reports import default_progress_path, init_progress
    from anticorrupt_plan.kinds.report.model import Period

    if not year:
        raise typer.BadParameter("give the fiscal year, e.g. --year 2567", param_hint="--year")
    chosen = Period(period.value)
    target = out or default_progress_path(plan, year=year, period=chosen)
    try:
        written = init_progress(plan, year=year, period=chosen, out=target)
    except PlanError as error:
        _fail(error)
    print(f"wrote {written}")
    print(f"fill in each status (and what was done), then: plan build {written}", file=sys.stderr)


@app.command()
def schema() -> None:
    """Print the plan file's JSON Schema (for editor completion and checking)."""
    from anticorrupt_plan.app.schema import json_schema

    sys.stdout.write(json_schema())


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> None:
    """Entry point of the ``plan`` console script."""
    # A plan becomes a large tree of small objects that all live until the program ends.
    # Python's default, looking for garbage every 700 new objects, made a 10,000-measure
    # plan take over 11 times as long to build as a 1,000-measure one (mypy sets the same).
    gc.set_threshold(200_000, 30, 30)
    # CI runners and service managers stop a job with SIGTERM: leave by the way Ctrl-C does,
    # so that no temporary file is left and no document is half replaced.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        app()
    except Exception as error:  # a bug: say so in one line rather than with a traceback
        print(
            shown(f"plan: internal error: {type(error).__name__}: {error}") + "\n"
            "This is a bug in anticorrupt-plan; please report it with the plan file.",
            file=sys.stderr,
        )
        sys.exit(Exit.INTERNAL)
