"""``python -m anticorrupt_plan`` runs the ``plan`` command."""

from anticorrupt_plan.cli import main

main()
