# The front door: `make demo` and `make test` work on a fresh clone (they build .venv when missing).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The Makefile runs the demo and the tests: both use the demo settings (no SECRET_KEY needed).
export MAILLAGE_DEMO ?= 1

.PHONY: demo test setup system-packages assets messages format clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11+ is needed"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

system-packages:
	@bash scripts/system-packages.sh

assets: node_modules/.installed
node_modules/.installed: package.json
	npm install --silent --no-audit --no-fund --no-package-lock
	touch $@

setup: system-packages $(STAMP) assets
	$(BIN)/maillage compilemessages --ignore '.venv' --ignore 'node_modules' -v 0

demo: setup
	$(BIN)/maillage migrate --noinput -v 0
	$(BIN)/maillage demo_data
	$(BIN)/maillage collectstatic --noinput -v 0
	$(BIN)/maillage demo_server

test: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports
	bash scripts/run-tests.sh

format: $(STAMP)
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

# After adding strings: update the catalogues, then translate the new French entries.
messages: $(STAMP)
	cd src/maillage && MAILLAGE_DEMO=1 ../../$(BIN)/maillage makemessages -l fr -l en --ignore 'engine/*' --no-location

clean:
	rm -rf $(VENV) node_modules staticfiles var
