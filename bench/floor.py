"""The least a command built on Typer, PyYAML and Pydantic can do: the floor of start-up.

``python bench/floor.py PLAN`` takes one path argument through Typer, reads the YAML and
validates it against one Pydantic model; ``python bench/floor.py build PLAN`` does the same,
then imports Jinja2 and python-docx and uses each once, as any build must. `plan validate`
and `plan build` are measured against these (``make bench``).
"""

import sys
from pathlib import Path
from typing import Annotated

import typer
import yaml
from pydantic import BaseModel, ConfigDict

BUILD = sys.argv[1:2] == ["build"]
if BUILD:
    del sys.argv[1]


class Anything(BaseModel):
    model_config = ConfigDict(extra="allow")


def main(plan: Annotated[Path, typer.Argument()]) -> None:
    document = Anything.model_validate(yaml.safe_load(plan.read_text(encoding="utf-8")))
    if BUILD:
        import docx
        import jinja2

        keys = len(document.model_extra or {})
        jinja2.Environment().from_string("{{ keys }}").render(keys=keys)
        docx.Document()


if __name__ == "__main__":
    typer.run(main)
