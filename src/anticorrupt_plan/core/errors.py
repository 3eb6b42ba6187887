"""Every error a user can cause, each carrying where in which file it happened."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from anticorrupt_plan.core.i18n import tr, tr_n
from anticorrupt_plan.core.safe_text import shown

# A place in the plan's data: mapping keys and list indices from the top of the document.
DataPath = tuple[str | int, ...]


def format_path(path: DataPath) -> str:
    """Render a data path the way a reader writes it: ``goals[0].measures[1].targets``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text or "(plan)"


@dataclass(frozen=True, order=True)
class Location:
    """A 1-based line and column in a named file."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class PlanError(Exception):
    """Root of every error the library raises for something the user can fix.

    Its text is safe to print: whatever a plan or a file name put into it is escaped.
    """

    def __str__(self) -> str:
        return shown(super().__str__())


class LocatedError(PlanError):
    """One problem at one place: printed as ``file:line:col: path: message``."""

    def __init__(self, *, location: Location, path: DataPath, message: str) -> None:
        self.location = location
        self.path = path
        self.message = message
        super().__init__(message)  # the line itself is written only when it is printed

    def __str__(self) -> str:
        return shown(f"{self.location}: {format_path(self.path)}: {self.message}")


class YamlSyntaxError(LocatedError):
    """The file is not well-formed YAML."""

    def __init__(self, *, location: Location, problem: str) -> None:
        super().__init__(
            location=location, path=(), message=tr("YAML syntax: {problem}", problem=problem)
        )

    def __str__(self) -> str:
        return shown(f"{self.location}: {self.message}")


class DuplicateKeyError(LocatedError):
    def __init__(self, *, location: Location, path: DataPath, key: str, first: Location) -> None:
        super().__init__(
            location=location,
            path=path,
            message=tr(
                "duplicate key {key}; it is already set at line {line}",
                key=repr(key),
                line=first.line,
            ),
        )


class UnknownKeyError(LocatedError):
    """A key the place does not take; ``allowed`` lists the keys it does."""

    def __init__(
        self,
        *,
        location: Location,
        path: DataPath,
        key: str,
        suggestion: str | None,
        allowed: tuple[str, ...] = (),
    ) -> None:
        if suggestion:
            message = tr(
                "unknown key {key}; did you mean {suggestion}?",
                key=repr(key),
                suggestion=repr(suggestion),
            )
        elif allowed:
            message = tr(
                "unknown key {key}; the keys here are: {allowed}",
                key=repr(key),
                allowed=", ".join(allowed),
            )
        else:
            message = tr("unknown key {key}", key=repr(key))
        super().__init__(location=location, path=path, message=message)


class AliasError(LocatedError):
    """An anchor or an alias; ``replaced`` says the value was dropped (an alias stood there)."""

    def __init__(self, *, location: Location, path: DataPath, replaced: bool) -> None:
        self.replaced = replaced
        super().__init__(
            location=location,
            path=path,
            message=tr(
                "YAML anchors and aliases (&name, *name) are not allowed in a plan; "
                "write the value out in full"
            ),
        )


class TagError(LocatedError):
    def __init__(self, *, location: Location, path: DataPath, tag: str) -> None:
        super().__init__(
            location=location,
            path=path,
            message=tr("YAML tag {tag} is not allowed in a plan; remove it", tag=repr(tag)),
        )


class SchemaError(LocatedError):
    """A value that does not fit the plan's schema or its rules."""


# A person fixes a plan from the first problems up; past this many, listing (and locating,
# and wording) more only costs time, and floods a CI log.
MAX_LISTED = 1000


class PlanInvalid(PlanError):
    """All the problems found in one plan file, reported together: the first MAX_LISTED in
    file order, and how many ``more`` were found but not listed."""

    def __init__(self, problems: Iterable[LocatedError], *, more: int = 0) -> None:
        ordered = sorted(problems, key=lambda p: (p.location, str(p)))
        self.problems = ordered[:MAX_LISTED]
        self.more = more + len(ordered) - len(self.problems)
        lines = [str(p) for p in self.problems]
        if self.more and self.problems:
            unlisted = tr_n(
                "{count:,} more problem not listed; fix these first",
                "{count:,} more problems not listed; fix these first",
                self.more,
            )
            lines.append(f"{shown(self.problems[0].location.file)}: {unlisted}")
        self._text = "\n".join(lines)
        super().__init__(self._text)

    @property
    def count(self) -> int:
        """How many problems were found, listed or not."""
        return len(self.problems) + self.more

    def __str__(self) -> str:  # one line per problem, each escaped already
        return self._text


class PlanFileError(PlanError):
    """The plan file cannot be read at all (missing, unreadable, not text)."""

    def __init__(self, *, file: str, reason: str) -> None:
        self.file = file
        self.reason = reason
        super().__init__(f"{file}: {reason}")


class OutputError(PlanError):
    """An output cannot be written where it was asked for."""

    def __init__(self, *, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class PlanExistsError(PlanError):
    """``plan init`` was asked to write a file that exists: it never replaces one."""

    def __init__(self, *, path: str) -> None:
        self.path = path
        super().__init__(
            tr(
                "{path} already exists; plan init never replaces a file: choose another "
                "name, or move that file away first",
                path=path,
            )
        )


class InitAnswersError(PlanError):
    """The answers given to ``plan init`` do not make a valid plan: one line per problem."""

    def __init__(self, *, problems: Iterable[str]) -> None:
        self.problems = list(problems)
        lines = [tr("plan init: these answers do not make a valid plan; nothing was written")]
        lines += [f"  {problem}" for problem in self.problems]
        super().__init__(*lines)

    def __str__(self) -> str:
        return "\n".join(shown(line) for line in self.args)


class UnknownFormatError(PlanError):
    def __init__(self, *, name: str, known: tuple[str, ...]) -> None:
        super().__init__(
            tr(
                "unknown output format {name}; choose from {known}",
                name=repr(name),
                known=", ".join(known),
            )
        )


class TemplateError(PlanError):
    """A template in the templates folder is missing or broken."""

    def __init__(self, *, template: str, reason: str) -> None:
        self.template = template
        super().__init__(f"{template}: {reason}")


class NoPlansError(PlanError):
    """A folder given to build holds no plan files."""

    def __init__(self, *, folder: str, suffixes: Iterable[str]) -> None:
        names = ", ".join(f"*{suffix}" for suffix in suffixes)
        super().__init__(
            tr("{folder}: no plan files ({names}) in this folder", folder=folder, names=names)
        )


class PlanNameClashError(PlanError):
    """Two plans of one batch would be built into the same folder."""

    def __init__(self, *, first: str, second: str, folder: str) -> None:
        super().__init__(
            tr(
                "{first} and {second} would both be built into {folder}; rename one of them, "
                "or build them separately with different --out folders",
                first=first,
                second=second,
                folder=folder,
            )
        )


class PlanFileNameError(PlanError):
    """A plan of a batch whose file name cannot name the folder its documents go into."""

    def __init__(self, *, plan: str, stem: str) -> None:
        super().__init__(
            tr(
                "{plan}: each plan of a batch is built into a folder named after its file, and "
                "{stem} cannot name a folder inside --out; rename the file",
                plan=plan,
                stem=repr(stem),
            )
        )


class ReferenceDocumentError(PlanError):
    """The reference document that the DOCX output is built on is missing or unusable."""

    def __init__(self, *, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class ImageError(PlanError):
    """An image given in the plan is not one a document can hold."""

    def __init__(self, *, reason: str, ref: str = "") -> None:
        self.reason = reason
        self.ref = ref  # the image's name in the document (the emblem), where known
        super().__init__(reason)


class AssetError(PlanError):
    """A file the plan names (an image) is outside the plan's folder, missing, or unusable;
    ``reason`` says which, for the caller to locate at the plan's line that names it."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class SourceDateEpochError(PlanError):
    """SOURCE_DATE_EPOCH is set to something other than a count of seconds."""

    def __init__(self, *, value: str) -> None:
        super().__init__(
            tr(
                "SOURCE_DATE_EPOCH is {value}; set it to a whole number of seconds since "
                "1970-01-01 UTC, or unset it to date the documents by the announcement",
                value=repr(value),
            )
        )


class RevisionError(PlanError):
    """A version of the plan named by a git revision cannot be read."""


class GitUnavailableError(RevisionError):
    def __init__(self, *, spec: str) -> None:
        super().__init__(
            tr(
                "{spec}: no such file, and git is not installed to read it as a revision",
                spec=spec,
            )
        )


class NotAGitRepositoryError(RevisionError):
    def __init__(self, *, spec: str, directory: str) -> None:
        super().__init__(
            tr(
                "{spec}: no such file, and {directory} is not inside a git repository, "
                "so it cannot be read as a git revision",
                spec=spec,
                directory=directory,
            )
        )


class UnknownRevisionError(RevisionError):
    def __init__(self, *, spec: str, revision: str, repository: str) -> None:
        super().__init__(
            tr(
                "{spec}: no such file, and {revision} is not a revision of the git repository "
                "{repository} (a commit, a branch, a tag, HEAD~1, ...)",
                spec=spec,
                revision=repr(revision),
                repository=repository,
            )
        )


class ShortHistoryError(RevisionError):
    def __init__(self, *, spec: str, revision: str, base: str, commits: int) -> None:
        super().__init__(
            tr_n(
                "{spec}: no such file, and {revision} goes back further than the history: "
                "{base} has {count} commit",
                "{spec}: no such file, and {revision} goes back further than the history: "
                "{base} has {count} commits",
                commits,
                spec=spec,
                revision=repr(revision),
                base=base,
            )
        )


class NotAtRevisionError(RevisionError):
    def __init__(self, *, spec: str, path: str, revision: str, found: str | None) -> None:
        if found:
            message = tr(
                "{spec}: {path} is a {found}, not a file, at revision {revision}",
                spec=spec,
                path=path,
                found=found,
                revision=revision,
            )
        else:
            message = tr(
                "{spec}: {path} does not exist at revision {revision}",
                spec=spec,
                path=path,
                revision=revision,
            )
        super().__init__(message)


class NotDocxError(PlanError):
    """A file given as a Word document is not one."""

    def __init__(self, *, file: str, reason: str) -> None:
        self.file = file
        super().__init__(f"{file}: {reason}")


class DifferentKindsError(PlanError):
    """Two versions given to compare are different kinds of document."""

    def __init__(self, *, old: str, old_kind: str, new: str, new_kind: str) -> None:
        super().__init__(
            tr(
                "{new} is a document of kind '{new_kind}' and {old} one of kind '{old_kind}'; "
                "compare two versions of one document",
                new=new,
                new_kind=new_kind,
                old=old,
                old_kind=old_kind,
            )
        )


class FontFileError(PlanError):
    """A font file cannot be read or rewritten (``plan fonts``)."""

    def __init__(self, *, reason: str, file: str | None = None) -> None:
        self.reason = reason
        self.file = file
        super().__init__(f"{file}: {reason}" if file else tr("font file {reason}", reason=reason))


class FontSourceMissingError(PlanError):
    """``plan fonts`` found no Laksaman to build TH Sarabun's metric twin from."""

    def __init__(self, *, looked_in: str) -> None:
        super().__init__(
            tr(
                "no Laksaman font in {looked_in}: install it (Debian/Ubuntu: "
                "sudo apt install fonts-tlwg-laksaman), or install TH SarabunIT๙ itself",
                looked_in=looked_in,
            )
        )


class LibreOfficeMissingError(PlanError):
    """A PDF was asked for, and LibreOffice, which makes it, is not installed."""

    def __init__(self) -> None:
        super().__init__(
            tr(
                "cannot make a PDF: LibreOffice is not installed (no soffice or libreoffice "
                "command found); on Debian/Ubuntu: sudo apt install libreoffice-writer-nogui; "
                "on Windows or macOS: install LibreOffice from libreoffice.org"
            )
        )


class PdfConversionError(PlanError):
    """LibreOffice ran but gave no PDF: it failed, or took longer than its time limit."""

    def __init__(self, *, reason: str) -> None:
        self.reason = reason
        super().__init__(tr("cannot make a PDF: {reason}", reason=reason))


class FontSubstitutedError(PlanError):
    """The document's font is not installed, so LibreOffice set the PDF in another one."""

    def __init__(self, *, font: str, used: tuple[str, ...]) -> None:
        self.font = font
        self.used = used
        found = ", ".join(used) if used else tr("another font")
        super().__init__(
            tr(
                "cannot make a PDF in {font}: it is not installed, and LibreOffice would set "
                "the text in {found}, whose size differs from {font}'s; install {font}, or run "
                "'plan fonts' to build a font of {font}'s size from Laksaman "
                "(--allow-substitute-font makes the PDF anyway)",
                font=font,
                found=found,
            )
        )


class ScaffoldError(PlanError):
    """A progress file cannot be started from the plan (``plan report init``)."""

    def __init__(self, *, file: str, reason: str) -> None:
        self.file = file
        self.reason = reason
        super().__init__(f"{file}: {reason}")
