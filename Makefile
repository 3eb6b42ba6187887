# Two commands do everything: `make build` (set up, then build plan.yaml into out/) and
# `make test` (add the test tools, then lint, type-check and run the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
TEST_INSTALLED := $(VENV)/.test-installed

.PHONY: build test lint pytest golden fuzz mutation bench clean

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

# Mutation testing (slow, so not part of make test): mutmut mutates the core modules listed in
# pyproject.toml one module at a time, runs the tests that reach each mutant, and the report
# fails on any survivor not recorded in tests/mutation-equivalents.md.
# MODULE=core.thai runs one module; MUTATION_JOBS=2 runs two mutants at once.
MUTATED_MODULES := core.loader core.scalars core.thai core.matching core.textscan app.validate
MODULE ?= $(MUTATED_MODULES)
MUTATION_JOBS ?= 1
mutation: $(TEST_INSTALLED)
	@mkdir -p mutants
	@for module in $(MODULE); do \
		echo "mutmut: anticorrupt_plan.$$module (log: mutants/$$module.log)"; \
		$(BIN)/mutmut run --max-children $(MUTATION_JOBS) "anticorrupt_plan.$$module.*" \
			> mutants/$$module.log 2>&1; status=$$?; \
		tr '\r' '\n' < mutants/$$module.log | grep -E '🎉 [0-9]+ |mutations/second' | tail -n 2; \
		[ $$status -eq 0 ] || exit $$status; \
	done
	$(BIN)/python tools/mutation_report.py $(MODULE)

bench: $(INSTALLED)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) out mutants .pytest_cache .mypy_cache .ruff_cache

# Rewrite templates/reference.docx from tools/make_reference.py (after changing the script).
.PHONY: reference
reference: $(INSTALLED)
	$(BIN)/python tools/make_reference.py templates/reference.docx
