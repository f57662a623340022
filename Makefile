# CMQ portal — `make run` serves the portal, `make test` runs every check (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test install migrate demo worker beat lint format messages clean backup restore bench

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

messages: $(STAMP)
	$(BIN)/python manage.py compilemessages --ignore=.venv -v0

migrate: $(STAMP)
	mkdir -p var/mail var/media
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py init_signing
	$(BIN)/python manage.py load_demo --documents

run: demo messages
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# With REDIS_URL set: a real worker and the scheduler (django-celery-beat).
worker: $(STAMP)
	$(BIN)/celery -A cmq_portal worker --loglevel=info

beat: $(STAMP)
	$(BIN)/celery -A cmq_portal beat --loglevel=info

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: $(STAMP) messages
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest

# The operator's benchmark (not part of `make test`): gunicorn on the demo and on ten times it,
# in its own PostgreSQL databases, Celery on Redis db 7. E.g. make bench BENCH_ARGS="--quick".
bench: $(STAMP) messages
	$(BIN)/python manage.py bench $(BENCH_ARGS)

# The database and MEDIA_ROOT in one archive (core.backup): var/backups/cmq-<date>.tar, or
# BACKUP=path. Restore into an empty database and media folder: make restore BACKUP=path.
backup: $(STAMP)
	$(BIN)/python manage.py backup $(if $(BACKUP),--output $(BACKUP))

restore: $(STAMP)
	@test -n "$(BACKUP)" || { echo "Usage : make restore BACKUP=var/backups/cmq-AAAAMMJJ-HHMMSS.tar"; exit 2; }
	$(BIN)/python manage.py restore $(BACKUP)

clean:
	rm -rf var/cmq.sqlite3 var/mail var/media var/screenshots
