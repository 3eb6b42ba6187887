"""The plan's JSON Schema, for editors that complete and check plan.yaml as it is typed."""

from __future__ import annotations

import json

from anticorrupt_plan.app.registry import DEFAULT_KIND, kind_named

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema(kind: str = DEFAULT_KIND) -> str:
    """The JSON Schema of a file of ``kind`` (by default a plan) as stable, readable JSON text
    ending in a newline."""
    schema = {"$schema": SCHEMA_DIALECT, **kind_named(kind).model.model_json_schema()}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
