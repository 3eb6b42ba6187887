"""``python -m anticorrupt_plan`` runs the ``plan`` command."""

from .cli import main

main()
