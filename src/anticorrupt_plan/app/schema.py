"""The JSON Schema of every kind of document, for editors that complete and check the YAML.

One schema covers all kinds: a file's ``kind:`` picks the kind's model (the ethics plan when
``kind:`` is left out), so an editor completes the right keys for each.
"""

from __future__ import annotations

import json
from typing import Any

from anticorrupt_plan.app.registry import DEFAULT_KIND, KIND_NAMES, kind_named

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
REF = "#/$defs/{model}"


def json_schema() -> str:
    """The JSON Schema as stable, readable JSON text ending in a newline."""
    definitions: dict[str, Any] = {}
    branches = []
    for name in KIND_NAMES:
        model = kind_named(name).model
        schema = model.model_json_schema(ref_template=REF)
        for key, definition in schema.pop("$defs", {}).items():
            if definitions.setdefault(key, definition) != definition:
                raise ValueError(f"two kinds define {key!r} differently")  # a bug, not input
        definitions[model.__name__] = schema
        chosen: dict[str, Any] = {"properties": {"kind": {"const": name}}, "required": ["kind"]}
        if name == DEFAULT_KIND:  # what a file without kind: is
            chosen = {"anyOf": [chosen, {"not": {"required": ["kind"]}}]}
        branches.append({"if": chosen, "then": {"$ref": REF.format(model=model.__name__)}})
    document = {
        "$schema": SCHEMA_DIALECT,
        "title": "anticorrupt-plan document",
        "type": "object",
        "properties": {
            "kind": {
                "enum": list(KIND_NAMES),
                "description": f"ชนิดเอกสาร (kind of document); {DEFAULT_KIND} when left out",
            }
        },
        "allOf": branches,
        "$defs": dict(sorted(definitions.items())),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
