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
# One pytest worker per core (pytest-xdist), each with its own test database
# (test_steady_gw0, test_steady_gw1... in the same throwaway cluster), its own
# Chromium, temp folder and live-server port. worksteal lets an idle worker
# take half of a busy one's queue, so the slow browser tests, which run last,
# end up spread over every worker. Later arguments win: PYTEST_ARGS="-n 0"
# runs everything in this one process, "-p no:xdist" without the plugin.
parallel=(-n "${PYTEST_WORKERS:-auto}" --dist worksteal)
for arg in "$@"; do
    case $arg in no:xdist | -pno:xdist) parallel=() ;; esac
done
$BIN/pytest "${parallel[@]}" "$@"
