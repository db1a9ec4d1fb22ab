# One entry point. `make run` opens the dashboard on the seed corpus; `make test` runs all tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
SOURCES := $(shell find seeds -type f 2>/dev/null) $(shell find geo -name '*.py' -o -name '*.yaml' -o -name '*.geojson' -o -name '*.tsv' 2>/dev/null) $(wildcard data/curation.csv)

.PHONY: setup run test load bench clean

$(BIN)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	touch $@

setup: $(BIN)/.installed

# The loader runs when data/ is missing or older than its inputs (documents or loader code).
data/events.geojson: $(BIN)/.installed $(SOURCES)
	$(BIN)/python -m geo.load seeds --out data/events.geojson

load: data/events.geojson

run: data/events.geojson
	$(BIN)/streamlit run dashboard/app.py --server.port $(PORT)

test: $(BIN)/.installed data/events.geojson
	$(BIN)/python -m pytest

bench: $(BIN)/.installed
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) data/events.geojson data/events.parquet test-artifacts
