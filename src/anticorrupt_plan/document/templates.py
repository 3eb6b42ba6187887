"""Render a kind's Jinja2 templates into a document tree; the only module importing jinja2.

A kind's templates (``templates/<kind>/``, with what kinds share in ``templates/common/``)
write the document's wording and order in the markup of ``markup.py``. Every value a
template prints is escaped for the markup on its way out (the environment's ``finalize``),
so no plan text can open an element, and its line breaks and tabs become ``<br/>`` and
``<tab/>``. Templates run in Jinja's sandbox: a templates folder from elsewhere is
untrusted input, and cannot reach Python's internals through a template.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import functools
import json
import os
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
import jinja2.sandbox
from jinja2.exceptions import SecurityError
from markupsafe import Markup, escape

from anticorrupt_plan.core.errors import TemplateError
from anticorrupt_plan.core.i18n import tr
from anticorrupt_plan.core.resources import template_dir
from anticorrupt_plan.document.markup import MarkupError, parse
from anticorrupt_plan.document.tree import Document

COMMON = "common"  # the folder of templates that every kind may include


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    text = str(escape(value))
    return Markup(text.replace("\n", "<br/>").replace("\t", "<tab/>"))


class _QuietCache(jinja2.FileSystemBytecodeCache):
    """Templates compiled once for every run, not once in each: Jinja keeps each with a
    checksum of its source and compiles it again when the source differs. A cache that
    cannot be read or written is no cache, never a failed build."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # unreadable, or damaged in any way: compiled again instead
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _compiled_templates() -> jinja2.BytecodeCache | None:
    """The cache of compiled templates in the user's cache folder, if it can be made."""
    try:
        home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        folder = home / "anticorrupt-plan" / "templates"
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # no home folder, or none that can be written
        return None
    return _QuietCache(str(folder))


@functools.cache
def _environment(templates: Path, kind: str) -> jinja2.Environment:
    # One environment per templates folder and kind: it keeps each template compiled (and
    # reloads a template whose file changed), so a batch of plans compiles each once.
    # A folder of templates need hold only those it changes: the others are the built-in ones.
    folders = dict.fromkeys((templates, template_dir()))
    environment = jinja2.sandbox.ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader(
            [place for folder in folders for place in (folder / kind, folder / COMMON)]
        ),
        bytecode_cache=_compiled_templates(),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return environment


def render_document(
    templates: Path,
    kind: str,
    name: str,
    context: Mapping[str, Any],
    *,
    show: Callable[[str], str],
) -> Document:
    """The tree that template ``name`` of ``kind`` (in the folder ``templates``) makes.

    ``context`` is what the template reads (the kind's view); ``show`` writes a number in
    the document's digits, for the template's ``digits`` filter.
    """
    environment = _environment(templates, kind)
    try:
        template = environment.get_template(name)
        markup = template.render(**context, digits=lambda value: show(str(value)))
    except jinja2.TemplateNotFound as error:  # the main template, or one it includes
        missing = str(error.name) if error.name else name
        folder = templates / kind
        raise TemplateError(template=str(folder / missing), reason=tr("not found")) from error
    except jinja2.TemplateSyntaxError as error:
        where = f"{error.filename or templates / kind / name}:{error.lineno}"
        raise TemplateError(template=where, reason=error.message or tr("syntax error")) from error
    except UnicodeDecodeError as error:
        raise TemplateError(
            template=str(templates / kind / name), reason=tr("not UTF-8 text; save it as UTF-8")
        ) from error
    except SecurityError as error:
        where = _template_line(error.__traceback__) or str(templates / kind / name)
        reason = tr("not allowed in a template: {error}", error=error)
        raise TemplateError(template=where, reason=reason) from error
    except Exception as error:  # a template's own mistake: an undefined name, a bad filter
        line = _template_line(error.__traceback__)
        if line is None:
            raise
        raise TemplateError(template=line, reason=_reason(error)) from error
    try:
        return parse(markup)
    except MarkupError as error:
        where = _markup_origin(environment, templates / kind, name, error)
        raise TemplateError(template=where, reason=error.message) from error


def _reason(error: Exception) -> str:
    if isinstance(error, jinja2.UndefinedError):
        missing = _NO_ATTRIBUTE.fullmatch(error.message or "")
        if missing is not None:
            return _no_attribute(missing["holder"], missing["name"])
        return f"{error.message}" if error.message else tr("undefined value")
    return f"{type(error).__name__}: {error}"


# Jinja's words for a name a value does not have: "'module.Class object' has no attribute 'x'".
_NO_ATTRIBUTE = re.compile(r"'(?P<holder>[\w.]+) object' has no attribute '(?P<name>\w+)'")


def _no_attribute(holder: str, name: str) -> str:
    """A value's missing name, with the value's class by its own name and, when one is close,
    the name most likely meant among those the class has."""
    module, _, class_name = holder.rpartition(".")
    found = getattr(sys.modules.get(module), class_name, None)  # loaded already, or nothing
    fields = []
    if isinstance(found, type) and dataclasses.is_dataclass(found):
        fields = [field.name for field in dataclasses.fields(found)]
    names = [known for known in [*fields, *dir(found)] if not known.startswith("_")]
    close = difflib.get_close_matches(name, names, n=1)
    if close:
        return tr(
            "{holder} has no '{name}'; did you mean '{suggestion}'?",
            holder=class_name,
            name=name,
            suggestion=close[0],
        )
    return tr("{holder} has no '{name}'", holder=class_name, name=name)


def _template_line(trace: TracebackType | None) -> str | None:
    """``file:line`` of the innermost template line in ``trace`` (Jinja rewrites tracebacks
    so that a template's frames carry its file and line)."""
    found = None
    while trace is not None:
        code = trace.tb_frame.f_code
        if code.co_filename.endswith(".j2"):
            found = f"{code.co_filename}:{trace.tb_lineno}"
        trace = trace.tb_next
    return found


def _markup_origin(
    environment: jinja2.Environment, folder: Path, name: str, error: MarkupError
) -> str:
    """Where in the templates the faulty markup was most likely written: the first line of
    the template (or of a template it includes) that writes the element; else the line of
    the rendered markup, which is where the parser found it."""
    if error.tag is not None:
        needle = f"<{error.tag}"
        for template in _sources(environment, name):
            source, filename = template
            for number, line in enumerate(source.splitlines(), start=1):
                if needle in line:
                    return f"{filename}:{number}"
    return tr(
        "{template} (line {line} of the markup it wrote)", template=folder / name, line=error.line
    )


def _sources(environment: jinja2.Environment, name: str) -> list[tuple[str, str]]:
    """The source and file name of ``name`` and of every template it includes or imports."""
    loader = environment.loader
    assert loader is not None
    seen: list[tuple[str, str]] = []
    pending = [name]
    names: set[str] = set()
    while pending:
        current = pending.pop(0)
        if current in names:
            continue
        names.add(current)
        try:
            source, filename, _ = loader.get_source(environment, current)
        except jinja2.TemplateNotFound:
            continue
        seen.append((source, filename or current))
        try:
            parsed = environment.parse(source)
        except jinja2.TemplateSyntaxError:
            continue
        for node in parsed.find_all((jinja2.nodes.Include, jinja2.nodes.Import,
                                     jinja2.nodes.FromImport, jinja2.nodes.Extends)):  # fmt: skip
            target = getattr(node, "template", None)
            if isinstance(target, jinja2.nodes.Const) and isinstance(target.value, str):
                pending.append(target.value)
    return seen


def _yaml_quoted(value: Any) -> str:
    """``value`` as a YAML double-quoted scalar (JSON's quoting, which YAML reads alike)."""
    return json.dumps(str(value), ensure_ascii=False)


def _yaml_inside_quotes(value: Any) -> str:
    """``value`` written inside a YAML double-quoted scalar that the template opened."""
    return _yaml_quoted(value)[1:-1]


def render_text(template: Path, context: Mapping[str, Any]) -> str:
    """The text that the Jinja2 template file ``template`` makes of ``context`` (a new plan's
    YAML): values are printed as they are, so the template quotes each with its ``q`` filter
    (a whole scalar) or ``inq`` filter (inside a quoted scalar it wrote itself)."""
    environment = jinja2.sandbox.ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader(template.parent),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["q"] = _yaml_quoted
    environment.filters["inq"] = _yaml_inside_quotes
    try:
        return environment.get_template(template.name).render(**context)
    except jinja2.TemplateNotFound as error:
        raise TemplateError(template=str(template), reason=tr("not found")) from error
    except jinja2.TemplateSyntaxError as error:
        where = f"{error.filename or template}:{error.lineno}"
        raise TemplateError(template=where, reason=error.message or tr("syntax error")) from error
    except jinja2.UndefinedError as error:
        line = _template_line(error.__traceback__) or str(template)
        raise TemplateError(template=line, reason=_reason(error)) from error
