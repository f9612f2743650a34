#!/usr/bin/env bash
# The whole check, in the order a reviewer would run it. Called by `make test`
# inside scripts/with-postgres.sh, so DATABASE_URL points at a throwaway cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export DJANGO_SETTINGS_MODULE=config.settings.test

echo "== ruff"
$BIN/ruff check .
$BIN/ruff format --check .
echo "== djhtml"
$BIN/djhtml --check templates
echo "== manage.py check"
$BIN/python manage.py check --fail-level WARNING
echo "== makemigrations --check"
$BIN/python manage.py makemigrations --check --dry-run
echo "== pytest"
$BIN/pytest "$@"
