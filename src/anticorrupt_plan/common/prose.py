"""Find the prose in a validated document: the values its model declares as ``Prose``.

The checks read somebody's writing, never a setting, a name or a path. Which values are
writing is said once, by the field's type in the kind's model (an allow-list), so a new
field is prose only when its kind says so.
"""

from __future__ import annotations

import functools
import types
from collections.abc import Iterator
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from anticorrupt_plan.common.types import PROSE
from anticorrupt_plan.core.errors import DataPath


def prose_values(model: type[BaseModel], data: Any) -> Iterator[tuple[DataPath, str]]:
    """Each prose value of ``data`` (the YAML as loaded, valid for ``model``) with its path.

    Paths and keys are as the file writes them (a year key may be ``๒๕๖๒``), so that the
    checks can point at the characters in the file.
    """
    yield from _walk(model, data, ())


def _walk(annotation: Any, data: Any, path: DataPath) -> Iterator[tuple[DataPath, str]]:
    annotation, prose = _unwrap(annotation)
    if get_origin(annotation) in (Union, types.UnionType):
        # A value of one of several types (a paragraph, or a list, or a table): the arm
        # whose kind the value has.
        arm = _arm(get_args(annotation), data)
        if arm is not None:
            yield from _walk(arm, data, path)
        return
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if isinstance(data, dict):
            fields = _fields(annotation)
            for key, value in data.items():
                if key in fields:
                    yield from _walk(fields[key], value, (*path, key))
        return
    origin = get_origin(annotation)
    if origin is list and isinstance(data, list):
        (item,) = get_args(annotation)
        for index, value in enumerate(data):
            yield from _walk(item, value, (*path, index))
    elif origin is dict and isinstance(data, dict):
        _, item = get_args(annotation)
        for key, value in data.items():
            yield from _walk(item, value, (*path, key))
    elif prose and isinstance(data, str):
        yield path, data


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The type inside ``Annotated[...]`` and ``X | None``, and whether it is marked prose;
    a union of several types stays a union."""
    prose = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation, *metadata = get_args(annotation)
            prose = prose or any(item is PROSE for item in metadata)
        elif origin in (Union, types.UnionType):
            arms = [arm for arm in get_args(annotation) if arm is not type(None)]
            if len(arms) > 1:
                return annotation, prose
            annotation = arms[0]
        else:
            return annotation, prose


def _arm(arms: tuple[Any, ...], data: Any) -> Any:
    """The arm of a union that ``data`` (valid for it) is: a text for text, a mapping for
    the model whose fields hold its keys."""
    for arm in arms:
        inner, _ = _unwrap(arm)
        if isinstance(data, str) and inner is str:
            return arm
        if (
            isinstance(data, dict)
            and isinstance(inner, type)
            and issubclass(inner, BaseModel)
            and set(data) <= set(inner.model_fields)
        ):
            return arm
    return None


@functools.cache
def _fields(model: type[BaseModel]) -> dict[str, Any]:
    """Each field's type with the metadata pydantic moved off it (where ``PROSE`` sits)."""
    return {
        name: Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
        for name, info in model.model_fields.items()
    }
