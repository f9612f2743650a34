#!/usr/bin/env bash
# The whole check, in the order a reviewer would read it. Called by `make test`
# inside scripts/with-postgres.sh, so DATABASE_URL points at a throwaway cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export DJANGO_SETTINGS_MODULE=config.settings.test

# Lint, Django's checks, the migrated template of the test databases
# (tests/pg_template.py) and the migrated SQLite database of `make run`'s
# set-up (tests/core/test_sqlite_server.py copies it) do not depend on each
# other: they run side by side,
# each into its own log, printed in this order once all have finished. The
# first failure's status is the script's.
logs=$(mktemp -d /tmp/steady-test-logs.XXXXXX)
trap 'rm -rf "$logs"' EXIT
step() {
    local name=$1
    shift
    { "$@" >"$logs/$name.log" 2>&1 && echo 0 || echo $?; } >"$logs/$name.status" &
}
lint() {
    echo "== ruff" && $BIN/ruff check . && $BIN/ruff format --check . &&
        echo "== djhtml" && $BIN/djhtml --check templates
}
checks() {
    echo "== manage.py check" && $BIN/python manage.py check --fail-level WARNING &&
        echo "== makemigrations --check" && $BIN/python manage.py makemigrations --check --dry-run
}
template() {
    echo "== test database template (migrate once)" && $BIN/python -m tests.pg_template
}
sqlite_template() {
    echo "== SQLite database of make run (migrate once)" &&
        DJANGO_SETTINGS_MODULE=config.settings.dev DATABASE_URL="sqlite:///$STEADY_SQLITE_TEMPLATE" \
            DJANGO_MEDIA_ROOT="$logs/sqlite-media" $BIN/python manage.py migrate --no-input -v 0
}
export STEADY_SQLITE_TEMPLATE="$logs/sqlite-template.sqlite3"
step lint lint
step checks checks
step template template
step sqlite sqlite_template
wait
status=0
for name in lint checks template sqlite; do
    cat "$logs/$name.log"
    code=$(cat "$logs/$name.status")
    if [ "$code" != 0 ]; then
        echo "!! $name failed (exit $code)"
        [ "$status" != 0 ] || status=$code
    fi
done
[ "$status" = 0 ] || exit "$status"

echo "== pytest"
# One pytest worker per core (pytest-xdist), each with its own test database
# (test_steady_gw0, test_steady_gw1... in the same throwaway cluster, each a
# copy of the template built above), its own Chromium, temp folder and
# live-server port. worksteal lets an idle worker take half of a busy one's
# queue, so the slow browser tests, which run last, end up spread over every
# worker. Later arguments win: PYTEST_ARGS="-n 0" runs everything in this one
# process, "-p no:xdist" without the plugin.
parallel=(-n "${PYTEST_WORKERS:-auto}" --dist worksteal)
# The slowest tests are listed at the end of each run: where the suite's time goes.
timing=(--durations=25 --durations-min=5)
for arg in "$@"; do
    case $arg in no:xdist | -pno:xdist) parallel=() ;; esac
done
# Tests marked stops_database stop the cluster all the workers share, and those
# marked alone time the page load (Lighthouse), which other workers' load
# would skew: both run after the parallel run, in one process ("no tests
# collected", exit 5, is fine when the arguments select none of them).
$BIN/pytest "${parallel[@]}" "${timing[@]}" -m "not stops_database and not alone" "$@"
code=0
$BIN/pytest -p no:xdist "${timing[@]}" -m "stops_database or alone" "$@" || code=$?
[ "$code" = 0 ] || [ "$code" = 5 ] || exit "$code"
