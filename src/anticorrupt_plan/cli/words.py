"""The command line's own words in the reader's language: help texts, Typer's headings and
usage errors, translated when they are shown (never at start-up).

Help texts are marked with ``mark`` where the commands are declared and translated here
while the help is written, then put back, so that the next run in another language (a test
in the same process) sees them as declared. Typer words its headings and some errors with
the standard ``gettext`` (its ``_``), and the vendored Click words usage errors in English
f-strings: the first are routed through this program's catalogue, the second are worded
again from their type and fields (the option, the parameter), never from their English text.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import Any

import typer
import typer.core

from anticorrupt_plan.core.i18n import gettext, mark, tr

# Typer's own help texts and headings, as Typer 0.29 words them; the catalogue translates
# them by these words (a later Typer that rewords one shows it in English).
TYPER_HELP = (
    mark("Show this message and exit."),
    mark("Install completion for the current shell."),
    mark("Show completion for the current shell, to copy it or customize the installation."),
)
# Module constants of typer.rich_utils, fixed when it is imported (on the first help or
# error), set here to the reader's language each time help or an error is shown.
RICH_WORDS = {
    "ARGUMENTS_PANEL_TITLE": mark("Arguments"),
    "OPTIONS_PANEL_TITLE": mark("Options"),
    "COMMANDS_PANEL_TITLE": mark("Commands"),
    "ERRORS_PANEL_TITLE": mark("Error"),
    "ABORTED_TEXT": mark("Aborted."),
    "RICH_HELP": mark("Try [blue]'{command_path} {help_option}'[/] for help."),
    "DEFAULT_STRING": mark("[default: {}]"),
    "REQUIRED_LONG_STRING": mark("[required]"),
}
# What typer.core passes to gettext (its headings without rich, and two usage errors).
CORE_WORDS = (
    mark("Missing command."),
    mark("No such command {name!r}."),
    mark("Aborted!"),
    mark("default: {default}"),
    mark("required"),
)

# typer.core calls gettext.gettext through its module's name ``_``: the same call, through
# this program's catalogue (English when no language is chosen: the words unchanged).
typer.core._ = gettext  # type: ignore[attr-defined]

# The exception classes of the Click that this Typer uses (its own copy since 0.26).
_CLICK_ERRORS: Any = sys.modules[typer.BadParameter.__module__]
UsageError: type[Exception] = _CLICK_ERRORS.UsageError


def rich_words() -> None:
    """Set typer.rich_utils' headings to the reader's language (it is imported only now):
    before help or an error is shown, and before questions (which an end of input
    answers with Typer's "Aborted.")."""
    from typer import rich_utils

    for name, words in RICH_WORDS.items():
        setattr(rich_utils, name, gettext(words))


@contextmanager
def _translated(obj: Any, attribute: str) -> Iterator[None]:
    """``obj.attribute`` in the reader's language while the block runs."""
    original = getattr(obj, attribute, None)
    if not original:
        yield
        return
    setattr(obj, attribute, gettext(original))
    try:
        yield
    finally:
        setattr(obj, attribute, original)


@contextmanager
def _no_type_shown(param: Any) -> Iterator[None]:
    """``param``'s help without Typer's type column (``<bool>`` for a flag, ``<list[Path]>``
    for the plans): a Python type, which says nothing to a reader of the help."""
    param.display_type_rich = lambda ctx: None
    try:
        yield
    finally:
        del param.display_type_rich


@contextmanager
def _help_translated(command: Any, ctx: Any) -> Iterator[None]:
    """The help of ``command``, its parameters and (for a group) its commands translated."""
    rich_words()
    with ExitStack() as stack:
        for attribute in ("help", "epilog", "short_help"):
            stack.enter_context(_translated(command, attribute))
        for param in command.get_params(ctx):
            stack.enter_context(_translated(param, "help"))
            if getattr(param, "is_flag", False) or isinstance(param, typer.core.TyperArgument):
                stack.enter_context(_no_type_shown(param))
        for name in getattr(command, "commands", {}):
            sub = command.commands[name]
            for attribute in ("help", "short_help"):
                stack.enter_context(_translated(sub, attribute))
        yield


def usage_error(error: Exception) -> Exception:
    """``error`` (a Click usage error) worded in the reader's language from its type and
    fields; the same error when there is nothing of ours to say."""
    if type(error).__name__ == "NoArgsIsHelpError" or not isinstance(error, UsageError):
        return error
    rich_words()
    ctx = getattr(error, "ctx", None)
    if isinstance(error, _CLICK_ERRORS.NoSuchOption):
        message = tr("No such option: {option}", option=error.option_name)
        if error.possibilities:
            options = ", ".join(sorted(error.possibilities))
            message += tr(" (Possible options: {options})", options=options)
    elif isinstance(error, _CLICK_ERRORS.MissingParameter):
        name = _hint(error)
        kind = error.param_type or getattr(error.param, "param_type_name", "")
        if kind == "argument":
            message = tr("Missing argument {name}.", name=name)
        else:
            message = tr("Missing option {name}.", name=name)
    elif isinstance(error, _CLICK_ERRORS.BadParameter):
        hint = _hint(error)
        problem = _conversion_problem(error) or error.message
        message = (
            tr("Invalid value for {name}: {message}", name=hint, message=problem)
            if hint
            else tr("Invalid value: {message}", message=problem)
        )
    else:
        return error
    translated: Exception = UsageError(message, ctx)
    return translated


def _conversion_problem(error: Any) -> str | None:
    """What was wrong with a value Typer could not convert (a whole number, one of an
    option's choices), worded from the pydantic error it raised (its type, input and the
    parameter's choices); None for any other error, which keeps Typer's words."""
    cause = error.__cause__
    if type(cause).__name__ != "ValidationError":
        return None
    found = cause.errors()
    if not found:
        return None
    kind, value = found[0]["type"], found[0].get("input")
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return tr("{value} is not a whole number", value=repr(value))
    choices = getattr(getattr(error.param, "type_descriptor", None), "choices", None)
    if kind == "value_error" and choices:
        named = ", ".join(repr(str(getattr(choice, "value", choice))) for choice in choices)
        return tr("{value} is not one of {choices}", value=repr(value), choices=named)
    return None


def _hint(error: Any) -> str:
    hint: str | Sequence[str] | None = error.param_hint
    if hint is None and error.param is not None:
        # Typer's parameters take no context here; Click's take one.
        try:
            hint = error.param.get_error_hint()
        except TypeError:
            hint = error.param.get_error_hint(error.ctx)
    if hint is None:
        return ""
    return hint if isinstance(hint, str) else " / ".join(repr(item) for item in hint)


class _Translated:
    """What both kinds of command do: help and usage errors in the reader's language."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        with _help_translated(self, ctx):
            super().format_help(ctx, formatter)  # type: ignore[misc]

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=tr("Usage: "))

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)  # type: ignore[misc]
        except UsageError as error:
            raise usage_error(error) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)  # type: ignore[misc]
        except UsageError as error:
            translated = usage_error(error)
            if translated is error:
                raise
            raise translated from None


class TranslatedCommand(_Translated, typer.core.TyperCommand):
    """A command whose help and usage errors are in the reader's language."""


class TranslatedGroup(_Translated, typer.core.TyperGroup):
    """The ``plan`` command itself, with its commands' help in the reader's language."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except UsageError as error:
            # Typer appends its suggestion in English to the (translated) message.
            message, _, suggestions = str(getattr(error, "message", "")).partition(
                _TYPER_SUGGESTION
            )
            if suggestions:
                error.message = tr(  # type: ignore[attr-defined]
                    "{message}. Did you mean {suggestions}?",
                    message=message,
                    suggestions=suggestions.removesuffix("?"),
                )
            raise


_TYPER_SUGGESTION = ". Did you mean "
