# The two commands of the README:
#   make run   install, migrate, import fixtures/ and serve on http://127.0.0.1:8000 (SQLite)
#   make test  install and run the whole test suite (DATABASE_URL picks the database)

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install migrate import serve lint bench clean

run: install migrate import serve

test: install
	$(BIN)/python -m pytest

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

migrate: install
	DEBUG=1 $(BIN)/python manage.py migrate --noinput

import: install
	DEBUG=1 $(BIN)/python manage.py import_articles fixtures/articles

serve: install
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
