#!/usr/bin/env bash
# `make serve`: the production settings on this machine, served by gunicorn on
# http://127.0.0.1:${PORT:-8000}.
#
# - Settings: config.settings.production with DJANGO_LOOPBACK_HTTP (no HTTPS
#   redirect, no HSTS, cookies over plain HTTP; refused for any host but
#   loopback ones). E-mails are printed here unless DJANGO_EMAIL_BACKEND is set.
# - Secret key: DJANGO_SECRET_KEY, or one generated once into .serve-secret-key
#   (git-ignored, readable by its owner only).
# - Database: DATABASE_URL, or the SQLite file of `make run` (db.sqlite3);
#   migrated each time, and given the demo content when the file is new.
# - Cache: REDIS_URL, or a redis-server started here on a private Unix socket.
# - Static files: collected (hashed names, compressed) into staticfiles/ and
#   served by whitenoise inside gunicorn.
# - Background tasks: one `manage.py run_tasks` (core/worker.py) beside gunicorn.
# Ctrl-C or SIGTERM stops gunicorn, the worker and the Redis started here.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BIN=${BIN:-$ROOT/.venv/bin}
export PORT=${PORT:-8000}

export DJANGO_SETTINGS_MODULE=config.settings.production
export DJANGO_LOOPBACK_HTTP=true
export DJANGO_ALLOWED_HOSTS=${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}
export WAGTAILADMIN_BASE_URL=${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$PORT}
export DJANGO_EMAIL_BACKEND=${DJANGO_EMAIL_BACKEND:-django.core.mail.backends.console.EmailBackend}

if [ -z "${DJANGO_SECRET_KEY:-}" ]; then
    KEY_FILE=$ROOT/.serve-secret-key
    if [ ! -s "$KEY_FILE" ]; then
        (umask 077 && "$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(50))' >"$KEY_FILE")
        echo "Generated a secret key into $KEY_FILE"
    fi
    DJANGO_SECRET_KEY=$(cat "$KEY_FILE")
    export DJANGO_SECRET_KEY
fi

NEW_SQLITE=false
if [ -z "${DATABASE_URL:-}" ]; then
    SQLITE_FILE=$ROOT/db.sqlite3
    [ -e "$SQLITE_FILE" ] || NEW_SQLITE=true
    export DATABASE_URL="sqlite:///$SQLITE_FILE"
fi

RUN_DIR=$(mktemp -d /tmp/steady-serve.XXXXXX)
PIDS=()
cleanup() {
    status=$?
    trap - EXIT INT TERM
    for pid in "${PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$RUN_DIR"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "${REDIS_URL:-}" ]; then
    REDIS_SERVER=$(command -v redis-server || true)
    if [ -z "$REDIS_SERVER" ]; then
        echo "make serve needs redis-server (or REDIS_URL). Install it with: apt-get install -y redis-server" >&2
        exit 1
    fi
    "$REDIS_SERVER" --port 0 --unixsocket "$RUN_DIR/redis.sock" --unixsocketperm 700 \
        --save "" --appendonly no >"$RUN_DIR/redis.log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 100); do
        [ -S "$RUN_DIR/redis.sock" ] && break
        sleep 0.1
    done
    if [ ! -S "$RUN_DIR/redis.sock" ]; then
        echo "redis-server did not start:" >&2
        cat "$RUN_DIR/redis.log" >&2
        exit 1
    fi
    export REDIS_URL="unix://$RUN_DIR/redis.sock"
    echo "Redis for this server: $REDIS_URL (stopped with it)"
fi

"$BIN/python" manage.py migrate --no-input -v 0
if [ "$NEW_SQLITE" = true ]; then
    "$BIN/python" manage.py seed_demo --force
fi
"$BIN/python" manage.py collectstatic --no-input -v 0

"$BIN/python" manage.py run_tasks &
PIDS+=($!)

echo "Serving the production settings on http://127.0.0.1:$PORT/ (Ctrl-C stops)"
"$BIN/gunicorn" config.wsgi --bind "127.0.0.1:$PORT" --workers "${WEB_CONCURRENCY:-2}" &
GUNICORN_PID=$!
PIDS=("$GUNICORN_PID" "${PIDS[@]}")
wait "$GUNICORN_PID"
