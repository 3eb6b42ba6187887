"""Render a PlanView as Markdown through the Jinja2 templates; the only module importing jinja2.

Every value a template prints is escaped for Markdown on its way out (the environment's
``finalize`` hook), so no plan text, whatever characters it holds, can open emphasis, a
link, raw HTML, a heading or a list, or break a table row.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import jinja2

from anticorrupt_plan.core.errors import TemplateError
from anticorrupt_plan.kinds.ethics.present import PlanView

TEMPLATE = "plan.md.j2"

# Characters with an inline meaning anywhere in a line (emphasis, code, links, raw HTML,
# entities, strikethrough, table cells), escaped with a backslash as CommonMark allows.
_INLINE = re.compile(r"([\\`*_\[\]<>|~&#])")
# What opens a block when it starts a line: a list item, a setext underline, a numbered item.
_LINE_START = re.compile(r"^([-+=]|[0-9]{1,9}(?=[.)]))")


def escape(value: object) -> str:
    """Plan text as Markdown that shows exactly that text, on one line.

    Line breaks inside a text become ``<br>``, the one HTML element Markdown tables accept.
    """
    lines = []
    for line in str(value).split("\n"):
        line = _INLINE.sub(r"\\\1", line.strip())
        match = _LINE_START.match(line)
        if match:
            end = match.end()
            line = line[:end] + "\\" + line[end:] if match.group(1)[0].isdigit() else "\\" + line
        lines.append(line)
    return "<br>".join(lines)


class Markup(str):
    """Text a template has already made into Markdown; printed as it is."""


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    return escape(value)


@functools.cache
def _environment(templates: Path) -> jinja2.Environment:
    # One environment per templates folder: it keeps each template compiled, and reloads
    # it when its file changes, so a batch of plans compiles the template once.
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    environment.filters["raw"] = Markup
    return environment


def render_markdown(view: PlanView, *, templates: Path, source_name: str) -> str:
    """The plan as a Markdown document, with a final newline and LF line endings."""
    environment = _environment(templates)
    try:
        text = environment.get_template(TEMPLATE).render(view=view, source=Markup(source_name))
    except jinja2.TemplateNotFound as error:  # the main template, or one it includes
        missing = str(error.name) if error.name else TEMPLATE
        raise TemplateError(template=str(templates / missing), reason="not found") from error
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(
            template=f"{error.filename or TEMPLATE}:{error.lineno}", reason=error.message or ""
        ) from error
    except jinja2.TemplateError as error:
        raise TemplateError(template=str(templates / TEMPLATE), reason=str(error)) from error
    except UnicodeDecodeError as error:
        raise TemplateError(
            template=str(templates / TEMPLATE), reason="not UTF-8 text; save it as UTF-8"
        ) from error
    # One blank line between blocks, however the template's loops fell out.
    text = re.sub(r"\n{3,}", "\n\n", text.replace("\r\n", "\n"))
    return text.strip("\n") + "\n"
