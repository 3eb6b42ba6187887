"""The ``plan`` command: thin Typer commands that call the library, print, and exit.

Exit status: 0 success, 1 the plan has problems (or ``--check`` found stale outputs),
2 the command line itself is wrong, 3 an internal error (a bug: please report it).
"""

from __future__ import annotations

import gc
import shlex
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
import typer.core

from anticorrupt_plan.app import DEFAULT_PLAN
from anticorrupt_plan.cli.words import TranslatedCommand, TranslatedGroup, UsageError, rich_words
from anticorrupt_plan.core.errors import (
    MAX_LISTED,
    PlanError,
    PlanExistsError,
    PlanFileError,
    PlanInvalid,
)
from anticorrupt_plan.core.i18n import LANGUAGES, choose_language, mark, tr, tr_n
from anticorrupt_plan.core.safe_text import shown

if TYPE_CHECKING:
    from anticorrupt_plan.app.build import BuildResult
    from anticorrupt_plan.app.render import PdfOptions


class Exit(IntEnum):
    OK = 0
    FAILED_OR_CHANGED = 1
    USAGE = 2
    INTERNAL = 3


DEFAULT_OUT = Path("out")  # where plan build writes when named no folder
HELP = mark(
    "Compile a Thai local organization's anti-corruption plans (plan.yaml) into their "
    "official documents."
)

app = typer.Typer(
    name="plan",
    help=HELP,
    epilog=mark(
        "Start with: plan init --kind ethics, then plan validate, plan check and plan build. "
        "Messages are in Thai when LANG starts with th (or with --lang th)."
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    cls=TranslatedGroup,
)

# readable=False: an unreadable plan is the library's one-line error (exit 1), like a
# missing one, not a usage error (exit 2).
PlansArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        help=mark("Plan files (default: plan.yaml)."),
        show_default=False,
        metavar="PLAN",
        readable=False,
    ),
]


def _fail(error: PlanError, *, writes: bool = False) -> NoReturn:
    """Print a library error for a person (one problem per line) and exit 1.

    ``writes``: the command would have written documents, so say that none were.
    """
    _report_failure(error, writes=writes)
    raise typer.Exit(Exit.FAILED_OR_CHANGED)


def _report_failure(error: PlanError, *, writes: bool = False) -> None:
    """Print a library error for a person: one problem per line, then how many."""
    print(str(error), file=sys.stderr)
    if (
        isinstance(error, PlanFileError)
        and error.file == DEFAULT_PLAN
        and not Path(DEFAULT_PLAN).exists()
    ):  # a command run where no plan is yet
        print(tr("to start a plan here: plan init (see plan init --help)"), file=sys.stderr)
    if isinstance(error, PlanInvalid):
        if writes:
            found = tr_n(
                "{count} problem found; nothing was written",
                "{count} problems found; nothing was written",
                error.count,
            )
        else:
            found = tr_n("{count} problem found", "{count} problems found", error.count)
        print(found, file=sys.stderr)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        print(f"anticorrupt-plan {version('anticorrupt-plan')}")
        raise typer.Exit(Exit.OK)


def _language(value: str | None) -> None:
    if value is None:
        return
    value = value.lower()  # TH, En
    if value not in LANGUAGES:
        raise typer.BadParameter(tr("choose one of {languages}", languages=", ".join(LANGUAGES)))
    choose_language(value)


@app.callback()
def _root(
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            callback=_language,
            is_eager=True,
            metavar="th|en",
            show_default=False,
            help=mark(
                "The language of messages: th or en, before the command or after it (by "
                "default PLAN_LANG, else th when LC_ALL, LC_MESSAGES or LANG starts with th)."
            ),
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=mark("Show the version.")),
    ] = False,
) -> None:
    """The options before a command: they apply to every command."""


def _templates_folder(value: Path | None) -> Path | None:
    if value is not None and not value.is_dir():
        raise typer.BadParameter(
            tr("{path} is not a folder of templates", path=shown(str(value))),
            param_hint="'--templates'",
        )
    return value


def _formats(value: str) -> list[str]:
    from anticorrupt_plan.app.render import FORMATS

    names = [name.strip().lower() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in FORMATS]
    if unknown or not names:
        choose = tr("choose one or more of {formats}, comma-separated", formats=", ".join(FORMATS))
        if unknown:
            choose = tr(
                "{unknown} is not a format; {choose}", unknown=", ".join(unknown), choose=choose
            )
        raise typer.BadParameter(choose, param_hint="'--format'")
    return names


@app.command(
    cls=TranslatedCommand,
    help=mark(
        "Validate each plan and write its documents to OUT (default: out/).\n\n"
        "One plan file's documents go straight into OUT; with several plans, or a folder of "
        "them, each plan gets a folder of its own in OUT, named after the plan file. A PDF is "
        "made with LibreOffice, in the document's font (see 'plan fonts')."
    ),
    epilog=mark("Example: plan build plan.yaml --out out --format md,docx"),
)
def build(
    plans: Annotated[
        list[Path] | None,
        typer.Argument(
            help=mark("Plan files, or folders of them (default: plan.yaml)."),
            show_default=False,
            metavar="PLAN",
            readable=False,
        ),
    ] = None,
    out: Annotated[
        Path, typer.Option("--out", "-o", help=mark("Folder for the documents."))
    ] = DEFAULT_OUT,
    format: Annotated[
        str,
        typer.Option(
            "--format", "-f", help=mark("Formats to build, comma-separated: md, docx, pdf.")
        ),
    ] = "md,docx",
    check: Annotated[
        bool,
        typer.Option(
            "--check", help=mark("Write nothing; exit 1 if an output is missing or out of date.")
        ),
    ] = False,
    templates: Annotated[
        Path | None,
        typer.Option(
            help=mark(
                "Use the templates in this folder instead of the built-in ones (a file it "
                "does not hold is the built-in one)."
            ),
            callback=_templates_folder,
        ),
    ] = None,
    pdfa: Annotated[
        bool, typer.Option("--pdfa", help=mark("Make the PDF a PDF/A-2b, for archiving."))
    ] = False,
    allow_substitute_font: Annotated[
        bool,
        typer.Option(
            "--allow-substitute-font",
            help=mark(
                "Make the PDF even when the document's font is not installed "
                "(its pages then differ from Word's)."
            ),
        ),
    ] = False,
) -> None:
    from anticorrupt_plan.app.render import DEFAULT_FORMATS, PdfOptions

    formats = _formats(format)
    pdf = PdfOptions(pdfa=pdfa, allow_substitute_font=allow_substitute_font)
    paths = plans or [Path(DEFAULT_PLAN)]
    # What updates the documents that --check finds out of date: this command without it.
    words = ["plan", "build", *map(str, plans or [])]
    words += ["--out", str(out)] if out != DEFAULT_OUT else []
    words += ["--format", format] if set(formats) != set(DEFAULT_FORMATS) else []
    words += ["--templates", str(templates)] if templates is not None else []
    words += ["--pdfa"] if pdfa else []
    words += ["--allow-substitute-font"] if allow_substitute_font else []
    options = _Build(
        out_dir=out, formats=formats, check=check, templates=templates, pdf=pdf, update=words
    )
    if len(paths) == 1 and not paths[0].is_dir():
        _build_one(paths[0], options)
    else:
        _build_many(paths, options)


@dataclass(frozen=True)
class _Build:
    """What ``plan build`` was asked to do; ``update``: the command that updates what
    ``--check`` finds out of date."""

    out_dir: Path
    formats: list[str]
    check: bool
    templates: Path | None
    pdf: PdfOptions
    update: list[str]


def _build_one(plan: Path, options: _Build) -> None:
    from anticorrupt_plan.app.build import build as build_plan

    try:
        result = build_plan(
            plan,
            out_dir=options.out_dir,
            formats=options.formats,
            check=options.check,
            templates=options.templates,
            pdf=options.pdf,
            with_checks=True,
        )
    except PlanError as error:
        _fail(error, writes=not options.check)
    _report(plan, result, options)
    if result.stale:
        raise typer.Exit(Exit.FAILED_OR_CHANGED)


def _build_many(paths: list[Path], options: _Build) -> None:
    from anticorrupt_plan.app.build import BuildResult, batch_folders, build_batch
    from anticorrupt_plan.cli.progress import progress_bar

    try:
        folders = batch_folders(paths, out_dir=options.out_dir)
    except PlanError as error:  # a folder without plans, or two plans of the same name
        _fail(error)
    check = options.check
    label = tr("checking") if check else tr("building")
    with progress_bar(len(folders), label=label, stream=sys.stderr) as advance:

        def done(plan: Path, outcome: BuildResult | PlanError) -> None:
            if isinstance(outcome, BuildResult):
                _report(plan, outcome, options)
            advance()

        result = build_batch(
            folders,
            formats=options.formats,
            check=check,
            templates=options.templates,
            on_done=done,
            pdf=options.pdf,
            with_checks=True,
        )
    for failure in result.failed.values():  # all together at the end, where they are seen
        print(failure, file=sys.stderr)
    total = len(folders)
    stale = [plan for plan, built in result.built.items() if built.stale]
    if stale:
        print(
            tr_n(
                "{count} of {total} plans have documents to update",
                "{count} of {total} plans have documents to update",
                len(stale),
                total=total,
            ),
            file=sys.stderr,
        )
    if result.failed:
        print(
            tr_n(
                "{count} of {total} plans failed; their documents were left as they were",
                "{count} of {total} plans failed; their documents were left as they were",
                len(result.failed),
                total=total,
            ),
            file=sys.stderr,
        )
    if stale or result.failed:
        raise typer.Exit(Exit.FAILED_OR_CHANGED)


def _report(plan: Path, result: BuildResult, options: _Build) -> None:
    """Print what a build of ``plan`` found and did, or with ``--check``, what is stale."""
    from anticorrupt_plan.app.checks import summary

    report = result.report
    assert report is not None, "the CLI builds with_checks"
    for finding in report.findings[:MAX_LISTED]:  # advice only: a build never fails on it
        print(finding, file=sys.stderr)
    if len(report.findings) > MAX_LISTED:
        more = tr(
            "{plan}: {count:,} more not listed; 'plan check' lists them",
            plan=plan,
            count=len(report.findings) - MAX_LISTED,
        )
        print(shown(more), file=sys.stderr)
    if report.findings:
        advice = tr(
            "{plan}: {summary} from plan check (advice: they do not stop a build)",
            plan=plan,
            summary=summary(report),
        )
        print(shown(advice), file=sys.stderr)
    if not options.check:
        for path in result.written:
            print(shown(tr("wrote {path}", path=path)))
        return
    update = shlex.join(options.update)
    for path, reason in result.stale:
        stale = tr(
            "{path}: {reason}; run '{command}' to update it",
            path=path,
            reason=reason,
            command=update,
        )
        print(shown(stale), file=sys.stderr)
    if not result.stale:
        fresh = tr("{plan}: documents in {out} are up to date", plan=plan, out=result.out_dir)
        print(shown(fresh))


@app.command(
    cls=TranslatedCommand,
    help=mark("Check each PLAN against the schema and its rules, without writing anything."),
    epilog=mark("Example: plan validate plan.yaml"),
)
def validate(plans: PlansArgument = None) -> None:
    from anticorrupt_plan.app.validate import read_assets, read_plan

    failed = False
    for plan in plans or [Path(DEFAULT_PLAN)]:
        try:
            valid = read_plan(plan)
            read_assets(valid, base=plan.parent)  # what build would find missing, found now
        except PlanError as error:
            _report_failure(error)
            failed = True
            continue
        found = valid.kind.describe(valid.plan)
        print(shown(tr("{plan}: valid ({found})", plan=plan, found=found)))
    if failed:
        raise typer.Exit(Exit.FAILED_OR_CHANGED)


class ReportFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


@app.command(
    cls=TranslatedCommand,
    help=mark("Find slips no schema can see (misspelled names, wrong years, ...); exit 1 if any."),
    epilog=mark("Example: plan check plan.yaml --format json"),
)
def check(
    plans: PlansArgument = None,
    warn_only: Annotated[
        bool, typer.Option("--warn-only", help=mark("Report the findings but exit 0."))
    ] = False,
    format: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", help=mark("text, or json for CI (one plan only).")),
    ] = ReportFormat.TEXT,
    list_rules: Annotated[
        bool, typer.Option("--list-rules", help=mark("List every rule and why it exists."))
    ] = False,
    list_accepted: Annotated[
        bool,
        typer.Option("--list-accepted", help=mark("List the findings PLAN accepts, and why.")),
    ] = False,
) -> None:
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
    paths = plans or [Path(DEFAULT_PLAN)]
    if format == ReportFormat.JSON and len(paths) > 1:
        raise typer.BadParameter(tr("json reports on one plan at a time"), param_hint="--format")
    failed = found = False
    for plan in paths:
        try:
            report = run_checks(read_plan(plan))
        except PlanError as error:
            _report_failure(error)
            failed = True
            continue
        if list_accepted:
            sys.stdout.write(accepted_text(report))
            continue
        json = format == ReportFormat.JSON
        sys.stdout.write(report_json(report) if json else report_text(report))
        print(shown(tr("{plan}: {summary}", plan=plan, summary=summary(report))), file=sys.stderr)
        found = found or bool(report.findings)
    if failed or (found and not warn_only):
        raise typer.Exit(Exit.FAILED_OR_CHANGED)


@app.command(
    cls=TranslatedCommand,
    help=mark("Show what changed between two versions of the plan, in the plan's own numbering."),
    epilog=mark("Example: plan diff HEAD~1 --format docx --out amendment.docx"),
)
def diff(
    old: Annotated[
        str,
        typer.Argument(
            help=mark(
                "The old version: a plan file, a git revision of --plan (HEAD~1, a tag, "
                "a commit), or REV:path for another file at a revision."
            )
        ),
    ] = "HEAD",
    new: Annotated[
        str | None,
        typer.Argument(
            help=mark("The new version, named the same way; by default --plan as it is now."),
            show_default=False,
        ),
    ] = None,
    plan: Annotated[
        Path | None,
        typer.Option(
            "--plan",
            "-p",
            help=mark(
                "The plan file that a bare revision refers to (default: NEW when it is a "
                "file, else plan.yaml)."
            ),
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help=mark("Output: text (for the terminal), md, json or docx (with --out)."),
        ),
    ] = "text",
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help=mark("Write to this file instead; needed for docx.")),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            help=mark("For md and docx, use the templates in this folder (see plan build)."),
            callback=_templates_folder,
        ),
    ] = None,
    exit_code: Annotated[
        bool,
        typer.Option(
            "--exit-code", help=mark("Exit 1 when there are changes and 0 when there are none.")
        ),
    ] = False,
) -> None:
    from anticorrupt_plan.app.compare import DiffFormat, compare
    from anticorrupt_plan.writers.diff_text import use_colour

    if format not in set(DiffFormat):
        raise typer.BadParameter(
            tr("choose one of {formats}", formats=", ".join(DiffFormat)), param_hint="--format"
        )
    if format == DiffFormat.DOCX and out is None:
        raise typer.BadParameter(
            tr("required with --format docx: name the Word file to write"), param_hint="--out"
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
        print(shown(tr("wrote {path}", path=out)))
    if exit_code and result.changes:
        raise typer.Exit(Exit.FAILED_OR_CHANGED)


@app.command(
    cls=TranslatedCommand,
    help=mark("Print a DOCX's text in reading order, for git diff (see the README)."),
    epilog=mark("Example: git config diff.plan-docx.textconv 'plan textconv'"),
)
def textconv(
    document: Annotated[
        Path, typer.Argument(help=mark("A Word document (.docx)."), readable=False)
    ],
) -> None:
    from anticorrupt_plan.writers.docx_text import docx_text

    try:
        text = docx_text(document)
    except PlanError as error:
        _fail(error)
    sys.stdout.write(text)


@app.command(
    cls=TranslatedCommand,
    help=mark("Install a font of TH SarabunIT๙'s size for PDFs on Linux, built from Laksaman."),
    epilog=mark("Example: plan fonts --check"),
)
def fonts(
    folder: Annotated[
        Path | None,
        typer.Option(
            "--folder",
            help=mark("Where to put the fonts (default: ~/.local/share/fonts/anticorrupt-plan)."),
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help=mark("Only say whether TH SarabunIT๙ or a twin is installed.")
        ),
    ] = False,
) -> None:
    from anticorrupt_plan.app.fonts import TWIN_FAMILY, font_installed, install_twin

    if check:
        found = font_installed(TWIN_FAMILY)
        if found is None:
            print(tr("cannot tell which fonts are installed here (no fontconfig)"))
            return
        state = tr("installed") if found else tr("not installed")
        print(f"{TWIN_FAMILY}: {state}")
        if not found:
            raise typer.Exit(Exit.FAILED_OR_CHANGED)
        return
    try:
        installed = install_twin(folder)
    except PlanError as error:
        _fail(error)
    for path in installed.fonts:
        print(tr("wrote {path}", path=path))
    print(
        tr(
            "{family}'s metric twin (Laksaman at TH Sarabun New's size) is installed in "
            "{folder}; licence GPL-2+ with the font exception (see README.txt there)",
            family=TWIN_FAMILY,
            folder=installed.folder,
        )
    )
    if not installed.cache_refreshed:
        print(tr("run 'fc-cache -f' if LibreOffice does not find it yet"), file=sys.stderr)


report_app = typer.Typer(
    name="report",
    help=mark("Follow-up reports on a plan: start a progress file (build it with 'plan build')."),
    no_args_is_help=True,
    cls=TranslatedGroup,
)
app.add_typer(report_app)


class PeriodChoice(StrEnum):
    SIX_MONTHS = "6-months"
    ANNUAL = "annual"


@report_app.command(
    "init",
    cls=TranslatedCommand,
    help=mark("Start a progress file: every item of PLAN's fiscal year listed, its status blank."),
    epilog=mark("Example: plan report init plan.yaml --year 2567 --period 6-months"),
)
def report_init(
    plan: Annotated[
        Path,
        typer.Argument(
            help=mark("The plan to report on (default: plan.yaml)."),
            show_default=False,
            metavar="PLAN",
            readable=False,
        ),
    ] = Path(DEFAULT_PLAN),
    year: Annotated[
        int,
        typer.Option(
            "--year",
            "-y",
            help=mark("The fiscal year to report on (B.E.), e.g. 2567."),
            show_default=False,
        ),
    ] = 0,
    period: Annotated[
        PeriodChoice,
        typer.Option("--period", help=mark("6-months (1 October - 31 March) or annual.")),
    ] = PeriodChoice.ANNUAL,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help=mark("The progress file to write (default: reports/YEAR-PERIOD.yaml)."),
        ),
    ] = None,
) -> None:
    from anticorrupt_plan.app.reports import default_progress_path, init_progress
    from anticorrupt_plan.kinds.report.model import Period

    if not year:
        raise UsageError(tr("--year is missing: give the fiscal year, e.g. --year 2567"))
    chosen = Period(period.value)
    target = out or default_progress_path(plan, year=year, period=chosen)
    try:
        written = init_progress(plan, year=year, period=chosen, out=target)
    except PlanError as error:
        _fail(error)
    print(shown(tr("wrote {path}", path=written)))
    print(
        shown(
            tr(
                "fill in each status (and what was done), then: plan build {path}",
                path=written,
            )
        ),
        file=sys.stderr,
    )


def _interactive() -> bool:
    """Whether someone at a terminal can answer questions."""
    return sys.stdin.isatty()


def _ask_year(
    question: str, problem: Callable[[int], str | None], *, default: int | None = None
) -> int:
    """A year asked for on the terminal, and asked again until the answer is a whole number
    (Thai digits too) that has no ``problem`` (a Christian-Era year, one before the first);
    what was wrong is said in the reader's language, which Typer's own prompt does not."""
    while True:
        answer = typer.prompt(question, default=None if default is None else str(default))
        try:
            year = int(answer.strip())
        except ValueError:
            print(tr("{value} is not a whole number", value=repr(answer.strip())), file=sys.stderr)
            continue
        found = problem(year)
        if found is None:
            return year
        print(shown(found), file=sys.stderr)


class CiHost(StrEnum):
    GITHUB = "github"
    GITLAB = "gitlab"


@app.command(
    cls=TranslatedCommand,
    help=mark(
        "Start a new plan for an organization: a plan file that validates and builds at "
        "once, with the content every organization shares written in and '....' at each "
        "place for the organization's own words ('plan check' lists them). On a terminal, "
        "what the options do not give is asked for; an existing file is never replaced."
    ),
    epilog=mark(
        "Example: plan init --kind action --org-kind อบต --name ทุ่งทอง --district ท่าม่วง "
        "--province กาญจนบุรี --first 2566 --last 2570 --executive 'นายไพฑูรย์ สุขดี' --git"
    ),
)
def init(
    plan: Annotated[Path, typer.Argument(help=mark("The plan file to create."))] = Path(
        DEFAULT_PLAN
    ),
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            help=mark("ethics (แผนการเสริมสร้างวินัยฯ) or action (แผนปฏิบัติการป้องกันการทุจริต)."),
            show_default=False,
        ),
    ] = None,
    org_kind: Annotated[
        str | None,
        typer.Option(
            "--org-kind",
            help=mark(
                "The kind of organization: องค์การบริหารส่วนตำบล (อบต), เทศบาลตำบล (ทต), "
                "เทศบาลเมือง (ทม), เทศบาลนคร (ทน) or องค์การบริหารส่วนจังหวัด (อบจ)."
            ),
            show_default=False,
        ),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option("--name", help=mark("Its name, without its kind."), show_default=False),
    ] = None,
    district: Annotated[
        str | None,
        typer.Option(
            "--district",
            help=mark("Its district, without อำเภอ (none for an อบจ)."),
            show_default=False,
        ),
    ] = None,
    province: Annotated[
        str | None,
        typer.Option("--province", help=mark("Its province, without จังหวัด."), show_default=False),
    ] = None,
    first: Annotated[
        int | None,
        typer.Option(
            "--first", help=mark("The first fiscal year (B.E., e.g. 2566)."), show_default=False
        ),
    ] = None,
    last: Annotated[
        int | None,
        typer.Option(
            "--last", help=mark("The last fiscal year (B.E., e.g. 2570)."), show_default=False
        ),
    ] = None,
    executive: Annotated[
        str | None,
        typer.Option(
            "--executive",
            help=mark("The executive who signs the announcement, e.g. 'นายไพฑูรย์ สุขดี'."),
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help=mark(
                "The announcement's date (B.E. YYYY-MM-DD); by default 1 October before the "
                "first fiscal year."
            ),
            show_default=False,
        ),
    ] = None,
    git: Annotated[
        bool,
        typer.Option(
            "--git",
            help=mark(
                "Also write the git wiring beside the plan: .gitattributes (readable diffs of "
                "DOCX files), .pre-commit-config.yaml and a CI file."
            ),
        ),
    ] = False,
    ci: Annotated[
        CiHost, typer.Option("--ci", help=mark("With --git: the CI file's host."))
    ] = CiHost.GITHUB,
) -> None:
    from anticorrupt_plan.app.init import NewPlan, init_plan, span_problem, year_problem
    from anticorrupt_plan.common.organization import abbreviated_kind

    ask = _interactive()
    answers = {
        "kind": kind,
        "org_kind": org_kind,
        "name": name,
        "province": province,
        "first": first,
        "last": last,
        "executive": executive,
    }
    if plan.exists() or plan.is_symlink():  # said before any question is asked
        _fail(PlanExistsError(path=str(plan)))
    missing = [key for key, value in answers.items() if value is None]
    if missing and not ask:
        options = ", ".join("--" + key.replace("_", "-") for key in missing)
        raise UsageError(
            tr("not given, and there is no terminal to ask on: {options}", options=options)
        )
    if missing:
        rich_words()
    if kind is None:
        kind = typer.prompt(tr("Which plan: ethics or action?"), default="ethics")
    if org_kind is None:
        org_kind = typer.prompt(
            tr("Kind of organization (อบต, ทต, ทม, ทน, อบจ or the full name)"), default="อบต"
        )
    organization_kind = str(abbreviated_kind(org_kind.strip()) or org_kind.strip())
    if name is None:
        name = typer.prompt(tr("Name of the organization, without its kind"))
    if district is None and ask and not organization_kind.endswith("จังหวัด"):
        district = typer.prompt(
            tr("District, without อำเภอ (Enter: none)"), default="", show_default=False
        )
    if province is None:
        province = typer.prompt(tr("Province, without จังหวัด"))
    if first is None:
        first = _ask_year(tr("First fiscal year (B.E.)"), year_problem)
    if last is None:
        years_from = first

        def last_problem(year: int) -> str | None:
            return year_problem(year) or span_problem(years_from, year)

        last = _ask_year(tr("Last fiscal year (B.E.)"), last_problem, default=first)
    if executive is None:
        executive = typer.prompt(tr("The executive's name, with title (นาย, นาง, ...)"))
    new = NewPlan(
        kind=kind.strip(),
        organization_kind=organization_kind,
        name=name.strip(),
        district=district.strip() if district and district.strip() else None,
        province=province.strip(),
        first=first,
        last=last,
        executive=executive.strip(),
        date=date,
    )
    try:
        written = init_plan(plan, new, git=git, ci=str(ci))
    except PlanError as error:
        _fail(error)
    for path in written:
        print(shown(tr("wrote {path}", path=path)))
    print(
        shown(
            tr(
                "next: write the places marked .... ('plan check {plan}' lists them), "
                "then 'plan build {plan}'",
                plan=plan,
            )
        )
    )


@app.command(
    cls=TranslatedCommand,
    help=mark("Print the plan file's JSON Schema (for editor completion and checking)."),
    epilog=mark("Example: plan schema > plan.schema.json"),
)
def schema() -> None:
    from anticorrupt_plan.app.schema import json_schema

    sys.stdout.write(json_schema())


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def lang_first(argv: list[str]) -> list[str]:
    """``argv`` with a ``--lang`` written after the command moved before it, where the
    ``plan`` command reads it: ``plan build --lang th`` as ``plan --lang th build``. Not
    past a ``--``, after which every word is an argument."""
    end = argv.index("--") if "--" in argv else len(argv)
    moved: list[str] = []
    kept: list[str] = []
    index = 0
    while index < end:
        word = argv[index]
        if word == "--lang":  # with its value, or alone for the usage error to say so
            moved += argv[index : min(index + 2, end)]
            index += 2
            continue
        (moved if word.startswith("--lang=") else kept).append(word)
        index += 1
    return moved + kept + argv[end:]


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
        app(args=lang_first(sys.argv[1:]))
    except Exception as error:  # a bug: say so in one line rather than with a traceback
        described = tr(
            "plan: internal error: {kind}: {error}", kind=type(error).__name__, error=error
        )
        print(
            shown(described)
            + "\n"
            + tr("This is a bug in anticorrupt-plan; please report it with the plan file."),
            file=sys.stderr,
        )
        sys.exit(Exit.INTERNAL)
