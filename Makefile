# The two promises of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test bench loadtest install lint format messages clean-db

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Installs from the lock file again whenever it changes.
$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.lock
	touch $@

install: $(VENV)/.installed

## The application with the Hải Phòng demo data, on an embedded SQLite database.
run: install
	$(BIN)/python manage.py migrate --noinput
	DANVAN_DEMO=1 $(BIN)/python manage.py load_demo --if-empty
	@echo
	@DANVAN_DEMO=1 DANVAN_SITE_URL=http://127.0.0.1:$(PORT) $(BIN)/python manage.py demo_accounts
	@echo
	DANVAN_DEMO=1 DANVAN_SITE_URL=http://127.0.0.1:$(PORT) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

## Linters, migration and system checks, and every test (set DATABASE_URL to run them on PostgreSQL). The tests run
## in one process a core (pytest-xdist; TEST_PROCESSES=0 for one), each test module whole in one of them.
TEST_PROCESSES ?= auto

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python manage.py check
	DANVAN_PRODUCTION=1 DJANGO_ALLOWED_HOSTS=danvan.example.vn \
	  DJANGO_SECRET_KEY=check-deploy-only-7f3a9c2e1b5d8f4a6c0e2b9d7f1a3c5e8b0d2f4a6c8e0b2d4f6a8c \
	  $(BIN)/python manage.py check --deploy --fail-level WARNING
	$(BIN)/python -m pytest -n $(TEST_PROCESSES) --dist loadfile

## The benchmark: gunicorn against the data in DATABASE_URL (PostgreSQL only), driven over loopback; results in
## bench/results/. Options: BENCH_REQUESTS, BENCH_WORKERS, BENCH_CONCURRENCY, BENCH_PORT… (bench/README.md).
bench: install
	@case "$$DATABASE_URL" in \
	  postgres://*|postgresql://*|pgsql://*) ;; \
	  *) echo "make bench needs PostgreSQL with the data to measure, e.g." \
	       "DATABASE_URL=postgres://postgres@127.0.0.1:5432/danvan_bench make bench (DATABASE_URL is '$$DATABASE_URL')." \
	       "See bench/README.md."; exit 2;; \
	esac
	$(BIN)/python bench/run.py

## The load and fault test: many people of every role, then PostgreSQL restarted mid-run; every acknowledged write
## looked up afterwards. Needs a PostgreSQL server on loopback in DATABASE_URL (it creates its own databases there)
## and Redis; results in loadtest/results/. Options: LOADTEST_SECONDS, LOADTEST_PHASES… (loadtest/README.md).
loadtest: install
	@case "$$DATABASE_URL" in \
	  postgres://*|postgresql://*|pgsql://*) ;; \
	  *) echo "make loadtest needs a PostgreSQL server on loopback, e.g." \
	       "DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres make loadtest (DATABASE_URL is '$$DATABASE_URL')." \
	       "See loadtest/README.md."; exit 2;; \
	esac
	$(BIN)/python loadtest/run.py

lint:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Recompile the English translation after editing locale/en/LC_MESSAGES/django.po.
messages:
	$(BIN)/python manage.py makemessages -l en --no-obsolete
	$(BIN)/python manage.py compilemessages -l en

clean-db:
	rm -f var/danvan.sqlite3
