# The two commands of the README: `make site` builds the site into site/, and
# `make test` runs every test. Both install what they need on a fresh machine.

VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test check lint system-packages clean

$(BIN)/kyky: pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

site: $(BIN)/kyky
	$(BIN)/kyky build

check: $(BIN)/kyky
	$(BIN)/kyky check

system-packages:
	sh tests/system-packages.sh

lint: $(BIN)/kyky
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests

test: $(BIN)/kyky system-packages lint
	$(BIN)/pytest

clean:
	rm -rf site .site-build
