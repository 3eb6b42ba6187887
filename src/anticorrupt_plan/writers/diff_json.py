"""Render a change set as JSON for CI jobs and other tools: a documented, versioned shape.

The shape is described in the README ("plan diff --format json"). Version 1 only ever gains
keys; a key's meaning never changes without a new version.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from anticorrupt_plan.common.diffing import Change, ChangeKind
from anticorrupt_plan.common.settings import Amendment
from anticorrupt_plan.core.errors import format_path
from anticorrupt_plan.core.safe_text import shown_in_json
from anticorrupt_plan.core.thai import be_year

FORMAT = "anticorrupt-plan-diff"
VERSION = 1


def render_json(
    changes: Sequence[Change], *, amendment: Amendment | None, old_source: str, new_source: str
) -> str:
    """The change set as indented JSON text ending in a newline; keys in a fixed order.

    ``amendment`` is the new version's record of the amendment it makes, if any.
    """
    recorded = None
    if amendment is not None:
        date = amendment.date
        recorded = {
            "number": amendment.number,
            "date": f"{be_year(date)}-{date.month:02}-{date.day:02}" if date else None,
            "reason": amendment.reason,
        }
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "old": old_source,
        "new": new_source,
        "amendment": recorded,
        "summary": {kind.value: sum(c.kind is kind for c in changes) for kind in ChangeKind},
        "changes": [_change(change) for change in changes],
    }
    # Written as JSON escapes, what could act on a terminal reads back as the same data.
    return shown_in_json(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def _change(change: Change) -> dict[str, Any]:
    return {
        "kind": change.kind.value,
        "place": {"old": list(change.old_place) or None, "new": list(change.new_place) or None},
        "path": {
            "old": None if change.old_path is None else format_path(change.old_path),
            "new": None if change.new_path is None else format_path(change.new_path),
        },
        "old": change.old,
        "new": change.new,
        "segments": [{"op": s.op, "text": s.text} for s in change.segments],
        "exact": change.exact,
        "reason": change.reason,
    }
