# Two commands do all the set-up: `make run` and `make test` (see README.md).
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run demo test test-fast install install-test browser lint typecheck bench clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Error: $(PYTHON) not found; install Python 3.11+ or run 'make PYTHON=python3 ...'"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

# what make says when `mljobs demo` refuses or fails (its own message says "run mljobs demo
# --replace", and mljobs is not on the PATH until the venv is activated)
DEMO_STOPPED = stopped: mljobs demo did not build the demo store (above). Do what it says \
	with $(BIN)/mljobs for mljobs (or after . $(BIN)/activate), then run

## make run: build .venv, load the bundled demo, serve the web app on http://$(HOST):$(PORT)
run: install
	@$(BIN)/mljobs demo || { echo "make run $(DEMO_STOPPED) make run again." >&2; exit 1; }
	$(BIN)/mljobs serve --demo --host $(HOST) --port $(PORT)

## make demo: only load the demo and print its summary
demo: install
	@$(BIN)/mljobs demo || { echo "make demo $(DEMO_STOPPED) make demo again." >&2; exit 1; }

## make test: install the test extras (and Chromium for browser tests), run the whole suite
test: install-test browser
	$(BIN)/python -m pytest

test-fast: install-test
	$(BIN)/python -m pytest -m "not browser and not slow"

## Debian's chromium for the end-to-end browser tests (skipped where it cannot be installed)
browser:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "warning: could not install chromium; browser tests will be skipped"; \
	else echo "note: chromium not installed; browser tests will be skipped"; fi

lint: install-test
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/ruff check src tests tools bench
	$(BIN)/mypy

bench: install
	$(BIN)/python bench/search.py --sizes 100000

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
