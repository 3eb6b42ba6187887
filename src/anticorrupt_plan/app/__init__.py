"""Use cases for any kind: validate, render, build, check, compare, schema; the kind registry."""
