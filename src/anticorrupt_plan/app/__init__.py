"""Use cases for any kind: validate, render, build, check, compare, schema; the kind registry."""

DEFAULT_PLAN = "plan.yaml"  # the plan file a command reads, or plan init writes, when named none
