"""Run the rules over a valid plan, apply its check settings, and report the findings."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from typing import Any

from anticorrupt_plan.app.registry import KIND_NAMES, kind_named
from anticorrupt_plan.app.validate import ValidPlan
from anticorrupt_plan.common.checking import Context, Hit, Rule, Severity
from anticorrupt_plan.common.settings import Acceptance
from anticorrupt_plan.core.errors import DataPath, Location, format_path
from anticorrupt_plan.core.i18n import mark, tr, tr_n
from anticorrupt_plan.core.safe_text import shown, shown_in_json
from anticorrupt_plan.core.scalars import SourceText

CONFIG_RULE = Rule(
    "CHECK-CONFIG",
    Severity.ERROR,
    mark(
        "the plan's checks: settings name a rule that does not exist, or accept a finding that "
        "is no longer there (it cannot itself be switched off or accepted)"
    ),
    None,
)


@dataclass(frozen=True)
class Finding:
    """One finding at one place, printed as ``file:line:col: severity: RULE: path: message``."""

    location: Location
    rule: str
    severity: Severity
    path: DataPath
    message: str
    text: str  # the offending characters ("" when the finding is about a whole value)
    suggestion: str | None = None

    def __str__(self) -> str:
        fix = (
            tr("; write '{suggestion}'", suggestion=self.suggestion)
            if self.suggestion is not None
            else ""
        )
        where = format_path(self.path)
        return shown(f"{self.location}: {self.severity}: {self.rule}: {where}: {self.message}{fix}")

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.location.file,
            "line": self.location.line,
            "column": self.location.column,
            "severity": str(self.severity),
            "rule": self.rule,
            "path": format_path(self.path),
            "message": self.message,
            "text": self.text,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class Accepted:
    """One acceptance from the plan's settings, where it is written, and what it covers."""

    acceptance: Acceptance
    location: Location
    findings: tuple[Finding, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "rule": self.acceptance.rule,
            "path": self.acceptance.path,
            "text": self.acceptance.text,
            "reason": self.acceptance.reason,
            "line": self.location.line,
            "column": self.location.column,
            "findings": [finding.as_json() for finding in self.findings],
        }


@dataclass(frozen=True)
class Report:
    """What ``plan check`` says about a plan: findings to act on, and the accepted ones."""

    findings: tuple[Finding, ...]
    accepted: tuple[Accepted, ...]


def run_checks(valid: ValidPlan) -> Report:
    """Every rule's findings on ``valid``, less the switched-off rules and accepted findings."""
    context = Context(valid.document, valid.plan, model=valid.kind.model)
    source = SourceText(valid.document.text)
    settings = valid.plan.checks
    rules = valid.kind.rules()
    known = [rule.id for rule in rules]
    problems: list[Finding] = []

    def config_problem(path: DataPath, message: str, suggestion: str | None = None) -> None:
        location = valid.document.value_location(path)
        problems.append(
            Finding(location, CONFIG_RULE.id, CONFIG_RULE.severity, path, message, "", suggestion)
        )

    def check_known(rule_id: str, path: DataPath) -> None:
        if rule_id == CONFIG_RULE.id:
            config_problem(
                path,
                tr("{rule} cannot be switched off or accepted; fix the settings", rule=rule_id),
            )
        elif rule_id not in known:
            close = difflib.get_close_matches(rule_id, known, n=1)
            config_problem(
                path,
                tr("no rule is called {rule}; 'plan check --list-rules' lists them", rule=rule_id),
                close[0] if close else None,
            )

    for index, rule_id in enumerate(settings.disable):
        check_known(rule_id, ("checks", "disable", index))
    disabled = set(settings.disable)
    found = [
        _finding(rule, hit, context, source)
        for rule in rules
        if rule.id not in disabled and rule.find is not None
        for hit in rule.find(context)
    ]
    # Each acceptance looks up its findings rather than reading them all: a plan may accept
    # thousands, and found may hold thousands.
    by_place: dict[tuple[str, str], list[int]] = {}
    for number, finding in enumerate(found):
        by_place.setdefault((finding.rule, format_path(finding.path)), []).append(number)
    covered: set[int] = set()
    accepted = []
    for index, acceptance in enumerate(settings.accept):
        path: DataPath = ("checks", "accept", index)
        check_known(acceptance.rule, (*path, "rule"))
        matched = [
            number
            for number in by_place.get((acceptance.rule, acceptance.path), [])
            if acceptance.text in (None, found[number].text)
        ]
        if not matched and acceptance.rule in known:
            template = (
                mark(
                    "accepts nothing: no {rule} finding at {path} (the rule is switched off); "
                    "remove this acceptance"
                )
                if acceptance.rule in disabled
                else mark("accepts nothing: no {rule} finding at {path}; remove this acceptance")
            )
            config_problem(path, tr(template, rule=acceptance.rule, path=acceptance.path))
        covered.update(matched)
        accepted.append(
            Accepted(
                acceptance,
                valid.document.value_location(path),
                tuple(found[number] for number in matched),
            )
        )
    remaining = [finding for number, finding in enumerate(found) if number not in covered]
    return Report(
        findings=tuple(sorted([*remaining, *problems], key=_order)),
        accepted=tuple(accepted),
    )


def _order(finding: Finding) -> tuple[Location, str, str]:
    return finding.location, finding.rule, finding.message


def _finding(rule: Rule, hit: Hit, context: Context, source: SourceText) -> Finding:
    document = context.document
    prose = context.by_path.get(hit.path)
    span = document.values.get(hit.path)
    text = ""
    if hit.span is None or prose is None or span is None:
        location = document.value_location(hit.path)
    else:
        start, end = hit.span
        text = prose.text[start:end]
        line, column = source.position_in_scalar(span, prose.raw, prose.lead + start)
        location = Location(document.file, line, column)
    return Finding(location, rule.id, rule.severity, hit.path, hit.message, text, hit.suggestion)


def report_text(report: Report) -> str:
    """The findings one per line, the way editors and CI annotators read them."""
    return "".join(f"{finding}\n" for finding in report.findings)


def report_json(report: Report) -> str:
    """The findings and the accepted findings as JSON, for CI."""
    data = {
        "findings": [finding.as_json() for finding in report.findings],
        "accepted": [accepted.as_json() for accepted in report.accepted],
    }
    # JSON escapes the C0 controls itself; escaping the rest the same way (\u202e) keeps the
    # data exactly as it was for a program that reads it, and harmless in a CI log.
    return shown_in_json(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def summary(report: Report) -> str:
    """One line: how many findings of each severity, and how many were accepted."""
    errors = sum(finding.severity == Severity.ERROR for finding in report.findings)
    warnings = len(report.findings) - errors
    accepted = sum(len(item.findings) for item in report.accepted)
    counts = tr(
        "{errors}, {warnings}",
        errors=tr_n("{count} error", "{count} errors", errors),
        warnings=tr_n("{count} warning", "{count} warnings", warnings),
    )
    return (
        tr("{counts}; {accepted} accepted", counts=counts, accepted=accepted)
        if accepted
        else counts
    )


def rules_text() -> str:
    """Every rule with its severity and rationale, for ``plan check --list-rules``: the rules
    of every kind, each once, and after each a note of the kinds it serves where not all."""
    kinds = [kind_named(name) for name in KIND_NAMES]
    serving: dict[str, list[str]] = {}
    for kind in kinds:
        for rule in kind.rules():
            serving.setdefault(rule.id, []).append(kind.name)
    unique = {rule.id: rule for kind in kinds for rule in kind.rules()}
    every = [*unique.values(), CONFIG_RULE]
    width = max(len(rule.id) for rule in every)
    lines = []
    for rule in every:
        only = serving.get(rule.id, KIND_NAMES)
        note = "" if len(only) == len(kinds) else tr(" (only in: {kinds})", kinds=", ".join(only))
        lines.append(f"{rule.id:<{width}}  {rule.severity:<7}  {tr(rule.rationale)}{note}\n")
    return "".join(lines)


def accepted_text(report: Report) -> str:
    """Each acceptance in the plan's settings, its reason, and the findings it covers."""
    lines = []
    for item in report.accepted:
        acceptance = item.acceptance
        lines.append(
            shown(f"{item.location}: {acceptance.rule}: {acceptance.path}: {acceptance.reason}")
        )
        lines += [
            "    " + tr("accepts {finding}", finding=finding) for finding in item.findings
        ] or ["    " + tr("accepts nothing")]
    return "".join(f"{line}\n" for line in lines)
