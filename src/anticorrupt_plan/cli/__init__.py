"""The ``plan`` command line: Typer commands over the library (see ``commands``)."""

from anticorrupt_plan.cli.commands import app, main

__all__ = ["app", "main"]
