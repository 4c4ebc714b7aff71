# «Наставник» — two commands for a newcomer: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
NPM ?= npm

MUTATION_DB := $(CURDIR)/mutants/template.sqlite3

.PHONY: mutants run test install install-test checkers migrate demo lint format messages bench loadtest cluster clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[test]"
	@$(BIN)/pip install --quiet -e ".[ldap]" || echo "python-ldap could not be built \
	(apt-get install libldap2-dev libsasl2-dev): the directory sign-in tests will be skipped"
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

## axe-core and the Nu HTML checker, from the npm registry at the versions package-lock.json pins
node_modules/.installed: package.json package-lock.json
	@if command -v $(NPM) >/dev/null 2>&1; then \
	  $(NPM) ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else \
	  echo "npm is not installed: the accessibility and HTML checks will be skipped"; \
	fi

checkers: node_modules/.installed

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

## The site with demo content on an embedded SQLite database, at http://127.0.0.1:8000/
run: demo
	@echo "Open http://$(HOST):$(PORT)/ — accounts hr, curator, mentor, mentee; password demo12345"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## The whole test suite (DATABASE_URL picks the database; SQLite by default)
test: install-test checkers
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Rebuild and compile the translation catalogues (needs GNU gettext)
messages: install
	for app in cms home curricula skills mentoring search growth; do \
	  (cd $$app && ../$(BIN)/python ../manage.py makemessages -l ru -l en --no-obsolete --no-location --ignore '.venv/*'); \
	done
	$(BIN)/python manage.py compilemessages --ignore '.venv/*'

## Mutation testing of the rule functions (tests/mutation/README.md): score per module, and a
## failure below the minimum or on a surviving mutant not listed as equivalent
mutants: install-test
	mkdir -p mutants && rm -f $(MUTATION_DB)
	DJANGO_SETTINGS_MODULE=cms.settings.test DATABASE_URL=sqlite:///$(MUTATION_DB) \
	  $(BIN)/python manage.py migrate --noinput -v0
	NASTAVNIK_TEST_DB_TEMPLATE=$(MUTATION_DB) DATABASE_URL=sqlite:///$(MUTATION_DB) \
	  $(BIN)/mutmut run $(MUTMUT_ARGS) $$($(BIN)/python -m tests.mutation.score --globs) > mutants/run.log 2>&1 \
	  || { tail -c 3000 mutants/run.log; exit 1; }
	$(BIN)/python -m tests.mutation.score

bench: install
	$(BIN)/python manage.py bench

## Two app servers, the task worker, SeaweedFS (S3) and nginx over PostgreSQL and Redis (deploy/)
cluster: install-test
	$(BIN)/python -m deploy.cluster --demo $(CLUSTER_ARGS)

## 50 users for 120 s against gunicorn + PostgreSQL + Redis (production settings); see bench/load/
loadtest: install-test
	$(BIN)/python -m bench.load.run $(LOADTEST_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* .test-media .test-media-private .bench .cluster node_modules mutants
