"""The document kinds, by the name a file's ``kind:`` gives them; each imported when first used."""

from __future__ import annotations

import importlib

from anticorrupt_plan.common.kind import Kind

DEFAULT_KIND = "ethics"  # what a file without ``kind:`` is: every plan written before kinds
KIND_MODULES = {
    "ethics": "anticorrupt_plan.kinds.ethics",
    "action": "anticorrupt_plan.kinds.action",
    "report": "anticorrupt_plan.kinds.report",
}
KIND_NAMES = tuple(KIND_MODULES)


def kind_named(name: str) -> Kind:
    """The kind called ``name`` (one of KIND_NAMES)."""
    kind: Kind = importlib.import_module(KIND_MODULES[name]).KIND
    return kind
