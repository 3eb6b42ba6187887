"""The committed JSON Schema stays current, and plan.yaml points editors at it."""

from __future__ import annotations

import json

from anticorrupt_plan.app.schema import json_schema

from .conftest import PLAN_PATH, ROOT


def test_committed_schema_is_current() -> None:
    committed = (ROOT / "plan.schema.json").read_text(encoding="utf-8")

    assert committed == json_schema(), "run: plan schema > plan.schema.json"


def test_plan_yaml_names_the_schema_on_its_first_line() -> None:
    first_line = PLAN_PATH.read_text(encoding="utf-8").splitlines()[0]

    assert first_line == "# yaml-language-server: $schema=./plan.schema.json"


def test_every_field_is_described_with_its_thai_term() -> None:
    schema = json.loads(json_schema())
    undocumented = [
        f"{name}.{field}"
        for name, definition in {"Plan": schema, **schema["$defs"]}.items()
        for field, spec in definition.get("properties", {}).items()
        if not any("\u0e00" <= ch <= "\u0e7f" for ch in spec.get("description", ""))
    ]

    assert undocumented == []
