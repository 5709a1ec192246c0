# The two commands of the README: `make site` builds the site into site/, and
# `make test` runs every test. Both install what they need on a fresh machine.

VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test check lint system-packages clean bench

$(BIN)/kyky: pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

site: $(BIN)/kyky
	sh tests/system-packages.sh site
	$(BIN)/kyky build

check: $(BIN)/kyky
	$(BIN)/kyky check

system-packages:
	sh tests/system-packages.sh

lint: $(BIN)/kyky
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests

# axe-core and the Nu Html Checker (vnu.jar) for the accessibility and HTML tests.
# --ignore-scripts: vnu-jar's postinstall would download a Java runtime, and
# Debian's Java (tests/system-packages.sh) runs vnu.jar instead.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

test: $(BIN)/kyky system-packages node_modules/.package-lock.json lint
	$(BIN)/pytest

# The scale benchmark of BENCHMARKS.md: synthetic catalogues of 1,000 and 5,000
# entries, built, checked and searched in Chromium. It takes many minutes, so
# `make test` never runs it.
bench: $(BIN)/kyky system-packages
	$(BIN)/pip install --quiet -e '.[test,benchmark]'
	$(BIN)/python tests/benchmarks/run.py --sizes 1000 5000

clean:
	rm -rf site .site-build
