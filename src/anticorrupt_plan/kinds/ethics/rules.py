"""The ethics plan's own check rules: its matrix's strategies, targets and steps."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

from anticorrupt_plan.common.checking import Context, Hit, ProseText, Rule, Severity, quote
from anticorrupt_plan.common.text_rules import TEXT_RULES
from anticorrupt_plan.core.errors import DataPath, format_path
from anticorrupt_plan.core.i18n import mark, tr, tr_n
from anticorrupt_plan.core.matching import similarity
from anticorrupt_plan.core.textscan import differences
from anticorrupt_plan.core.thai import arabic_digits


def _rows(context: Context) -> Iterator[tuple[DataPath, dict[str, Any]]]:
    """Each matrix row's path and its data as written in the YAML."""
    for g, goal in enumerate(context.data["goals"]):
        for m, measure in enumerate(goal["measures"]):
            for r, row in enumerate(measure["rows"]):
                yield ("goals", g, "measures", m, "rows", r), row


# --- the same thing named two ways -----------------------------------------------------------

# Two names at least this similar (difflib's ratio over clusters) but not equal are taken to
# be one thing written two ways. Different national strategies score about 0.6 against
# each other; a paraphrase of one strategy, or a title with a word added, about 0.9.
NEAR_SAME = 0.8
_THE_PLAN = mark(
    "names the plan almost as {other} does: {this} where that has {that}{more}; if they are "
    "one, write them the same"
)
_THE_STRATEGY = mark(
    "names the strategy almost as {other} does: {this} where that has {that}{more}; if they "
    "are one, write them the same"
)


def _similarity(a: ProseText, b: ProseText) -> float:
    return similarity(a.clustered.clusters, b.clustered.clusters, at_least=NEAR_SAME)


def named_two_ways(context: Context) -> Iterator[Hit]:
    pairs: list[tuple[DataPath, DataPath, str]] = []
    if context.plan.announcement.subject is not None:
        pairs.append((("announcement", "subject"), ("title",), _THE_PLAN))
    national = [p for p in context.prose if p.path[:2] == ("national_strategy", "strategies")]
    for g in range(len(context.plan.goals)):
        strategy = context.by_path[("goals", g, "strategy")]
        scored = [(_similarity(strategy, other), other.path) for other in national]
        if scored:
            pairs.append((strategy.path, max(scored)[1], _THE_STRATEGY))
    for path, other_path, what in pairs:
        this, other = context.by_path[path], context.by_path[other_path]
        # One text inside the other is a deliberate extension, not a slip.
        if this.text in other.text or other.text in this.text:
            continue
        if _similarity(this, other) < NEAR_SAME:
            continue
        found = differences(this.text, other.text)
        start, end, other_start, other_end = found[0]
        more = (
            tr_n(
                " (and {count} more difference)", " (and {count} more differences)", len(found) - 1
            )
            if len(found) > 1
            else ""
        )
        yield Hit(
            path,
            tr(
                what,
                other=format_path(other_path),
                this=quote(this.text[start:end]),
                that=quote(other.text[other_start:other_end]),
                more=more,
            ),
            (start, end),
        )


# --- targets ---------------------------------------------------------------------------------

# A number starts where its digits start, and takes them all (possessive ++): a long run of
# digits is then tried once, not again from each of its digits.
_NUMBER = "(?<![0-9\u0e50-\u0e59])[0-9\u0e50-\u0e59]++(?:\\.[0-9\u0e50-\u0e59]++)?"
_PERCENT = re.compile(rf"ร้อยละ\s*(?P<a>{_NUMBER})|(?P<b>{_NUMBER})\s*(?:%|เปอร์เซ็นต์)")
_ANY_NUMBER = re.compile(_NUMBER)
# Words that make a lower number the better target (but ไม่น้อยกว่า, "at least", does not).
_LOWER_IS_BETTER = re.compile("ไม่เกิน|ไม่มากกว่า|ลดลง|(?<!ไม่)น้อยกว่า|(?<!ไม่)ต่ำกว่า")


def _number(text: str) -> float:
    return float(arabic_digits(text))


def _target_texts(context: Context) -> Iterator[tuple[DataPath, list[tuple[int, ProseText]]]]:
    """Each row's targets in fiscal-year order, as ``(year, prose)``."""
    for path, row in _rows(context):
        targets = [
            (int(arabic_digits(str(key)).strip()), context.by_path[(*path, "targets", key)])
            for key in row["targets"]
        ]
        yield path, sorted(targets, key=lambda target: target[0])


def percent_over_100(context: Context) -> Iterator[Hit]:
    texts = [prose for _, targets in _target_texts(context) for _, prose in targets]
    texts += [
        context.by_path[("goals", g, "strategy_indicator")] for g in range(len(context.plan.goals))
    ]
    for prose in texts:
        for match in _PERCENT.finditer(prose.text):
            group = "a" if match.group("a") else "b"
            if _number(match.group(group)) > 100:
                yield Hit(
                    prose.path,
                    tr("a percentage of {number}, above 100", number=match.group(group)),
                    match.span(group),
                )


def target_falls(context: Context) -> Iterator[Hit]:
    for _, targets in _target_texts(context):
        for (year, before), (next_year, after) in itertools.pairwise(targets):
            shape = _ANY_NUMBER.sub("#", before.text)
            if shape != _ANY_NUMBER.sub("#", after.text) or _LOWER_IS_BETTER.search(shape):
                continue
            numbers = zip(
                _ANY_NUMBER.finditer(before.text), _ANY_NUMBER.finditer(after.text), strict=True
            )
            # The first number that changes decides: ร้อยละ ๘๐ of ๒ to ร้อยละ ๙๐ of ๑ rises.
            changed = next(
                (
                    (old, new)
                    for old, new in numbers
                    if _number(old.group()) != _number(new.group())
                ),
                None,
            )
            if changed and _number(changed[1].group()) < _number(changed[0].group()):
                old, new = changed
                yield Hit(
                    after.path,
                    tr(
                        "the target falls from {old} in {year} to {new} in {next_year}",
                        old=old.group(),
                        year=year,
                        new=new.group(),
                        next_year=next_year,
                    ),
                    new.span(),
                )


def no_steps(context: Context) -> Iterator[Hit]:
    for path, row in _rows(context):
        if not row.get("steps"):
            yield Hit(
                (*path, "steps"),
                tr("this row has no steps (แนวทางปฏิบัติ); list how its project is carried out"),
            )


RULES: tuple[Rule, ...] = (
    *TEXT_RULES,
    Rule(
        "NAMED-TWO-WAYS",
        Severity.WARNING,
        mark(
            "the plan's title and the announcement's subject, or a matrix strategy and the "
            "national strategy it follows, nearly but not exactly the same"
        ),
        named_two_ways,
    ),
    Rule(
        "PERCENT-OVER-100",
        Severity.ERROR,
        mark("a target or strategy indicator of more than ร้อยละ ๑๐๐ (100 per cent)"),
        percent_over_100,
    ),
    Rule(
        "TARGET-FALLS",
        Severity.WARNING,
        mark(
            "a row's target lower than the year before, though its wording does not ask for less "
            "(ไม่เกิน, ลดลง ...)"
        ),
        target_falls,
    ),
    Rule(
        "NO-STEPS",
        Severity.WARNING,
        mark("a matrix row with no steps (แนวทางปฏิบัติ): the plan says what, but not how"),
        no_steps,
    ),
)
