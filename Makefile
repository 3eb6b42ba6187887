# Two commands do everything: `make build` (set up, then build plan.yaml into out/) and
# `make test` (add the test tools, then lint, type-check and run the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
TEST_INSTALLED := $(VENV)/.test-installed

.PHONY: build test lint pytest golden fuzz bench clean

build: $(INSTALLED)
	$(BIN)/plan build plan.yaml --out out

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit("anticorrupt-plan needs Python 3.11 or newer" if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(TEST_INSTALLED): pyproject.toml $(INSTALLED)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

test: lint pytest

lint: $(TEST_INSTALLED)
	$(BIN)/ruff check
	$(BIN)/ruff format --check
	$(BIN)/mypy

pytest: $(TEST_INSTALLED)
	$(BIN)/pytest

# Regenerate the expected outputs under tests/data/ after an intended change; review the diff.
golden: $(TEST_INSTALLED)
	UPDATE_GOLDEN=1 $(BIN)/pytest tests/test_golden.py

# The property and mutation fuzz tests with a long budget of fresh random examples (make test
# runs a few, the same every time). Failing examples are kept in .hypothesis/ and tried first
# on the next run.
fuzz: $(TEST_INSTALLED)
	$(BIN)/pytest tests/test_fuzz.py --hypothesis-profile=fuzz --hypothesis-show-statistics

bench: $(INSTALLED)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache

# Rewrite templates/reference.docx from tools/make_reference.py (after changing the script).
.PHONY: reference
reference: $(INSTALLED)
	$(BIN)/python tools/make_reference.py templates/reference.docx
