# Two commands do everything: `make build` (set up, then build plan.yaml into out/) and
# `make test` (add the test tools, then lint, type-check and run the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
TEST_INSTALLED := $(VENV)/.test-installed

.PHONY: build test lint pytest golden fuzz mutation bench bench-messages clean messages

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
	$(BIN)/lint-imports

pytest: $(TEST_INSTALLED)
	$(BIN)/pytest

# Regenerate the expected outputs under tests/data/ after an intended change; review the diff.
golden: $(TEST_INSTALLED)
	$(BIN)/python -m tests.golden

# The property and mutation fuzz tests with a long budget of fresh random examples (make test
# runs a few, the same every time). Failing examples are kept in .hypothesis/ and tried first
# on the next run.
fuzz: $(TEST_INSTALLED)
	$(BIN)/pytest tests/test_fuzz.py --hypothesis-profile=fuzz --hypothesis-show-statistics

# After adding or rewording a message (tr, tr_n or mark in the code): extract every marked
# message, merge them into the Thai catalogue (a new one arrives untranslated, a reworded one
# marked fuzzy), then translate those in $(CATALOGUE) and run it again: it compiles the .mo
# that the package ships. tests/test_i18n.py fails while a message is missing, untranslated,
# fuzzy or the .mo is stale.
LOCALE := src/anticorrupt_plan/locale
CATALOGUE := $(LOCALE)/th/LC_MESSAGES/anticorrupt_plan.po
BABEL_KEYWORDS := --no-default-keywords -k tr -k tr_n:1,2 -k mark
messages: $(TEST_INSTALLED)
	$(BIN)/pybabel extract $(BABEL_KEYWORDS) --add-location=file --sort-by-file --no-wrap \
		--project=anticorrupt-plan -o $(VENV)/messages.pot src/anticorrupt_plan
	$(BIN)/pybabel update -i $(VENV)/messages.pot -d $(LOCALE) -D anticorrupt_plan -l th \
		--no-wrap --ignore-obsolete
	$(BIN)/pybabel compile -d $(LOCALE) -D anticorrupt_plan -l th --statistics

# Mutation testing (slow, so not part of make test): mutmut mutates the core modules listed in
# pyproject.toml one module at a time, runs the tests that reach each mutant, and the report
# fails on any survivor not recorded in tests/mutation-equivalents.md.
# MODULE=core.thai runs one module; MUTATION_JOBS=2 runs two mutants at once.
MUTATED_MODULES := core.loader core.scalars core.thai core.matching core.textscan app.validate \
	core.output common.diffing app.checks common.text_rules kinds.ethics.model
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

# Only the start-up that the Thai catalogue adds (20 interleaved runs each way, a minute).
bench-messages: $(INSTALLED)
	$(BIN)/python bench/run.py messages

clean:
	rm -rf $(VENV) out mutants .pytest_cache .mypy_cache .ruff_cache

# Rewrite src/anticorrupt_plan/core/_widths.py (TH Sarabun New's advance widths) from the
# installed Laksaman (fonts-tlwg-laksaman); a test checks that the committed table matches.
.PHONY: metrics
metrics: $(TEST_INSTALLED)
	$(BIN)/python tools/make_metrics.py

# Rewrite templates/reference.docx from tools/make_reference.py (after changing the script).
.PHONY: reference
reference: $(INSTALLED)
	$(BIN)/python tools/make_reference.py templates/reference.docx
