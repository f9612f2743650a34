#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster.
#
#   scripts/with-postgres.sh COMMAND [ARGS...]
#
# initdb and postgres refuse to run as root, so the cluster belongs to the
# postgres user and lives in a temporary folder; it listens only on a Unix
# socket in that folder. The cluster is stopped and removed on exit, on
# failure and on interrupt. DATABASE_URL points COMMAND at it.
set -euo pipefail

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    echo "PostgreSQL server binaries not found. Install them with: apt-get install -y postgresql" >&2
    exit 1
fi

run_as_pg() {
    if [ "$(id -u)" = "0" ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then
    echo "No 'postgres' user to own the cluster. Install PostgreSQL with: apt-get install -y postgresql" >&2
    exit 1
fi

PGDIR=$(mktemp -d /tmp/steady-pg.XXXXXX)
if [ "$(id -u)" = "0" ]; then
    chown postgres: "$PGDIR"
fi
chmod 700 "$PGDIR"

cleanup() {
    status=$?
    if [ -f "$PGDIR/data/postmaster.pid" ]; then
        run_as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PGDIR"
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

run_as_pg "$PG_BIN/initdb" -D "$PGDIR/data" -A trust -E UTF8 --locale=C.UTF-8 -U postgres >/dev/null
run_as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w \
    -o "-c listen_addresses='' -k $PGDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
run_as_pg "$PG_BIN/createdb" -h "$PGDIR" -U postgres steady

export DATABASE_URL="postgres://postgres@${PGDIR//\//%2F}/steady"
"$@"
