#!/usr/bin/env bash
# Restore a backup of scripts/backup.sh into a fresh database and media folder.
#
#   createdb NEW && DATABASE_URL=postgres://.../NEW DJANGO_MEDIA_ROOT=/srv/new-media \
#       scripts/restore.sh FOLDER                                  (make restore BACKUP=FOLDER)
#
# Refuses a database that already has tables and a media folder that already
# has files: a restore never mixes with, or overwrites, live data. The
# database is restored in one transaction (all or nothing); then run the
# site's migrations as for any deployment (the dump carries its own).
set -euo pipefail
cd "$(dirname "$0")/.."

folder=${1:-}
if [ -z "$folder" ] || [ ! -f "$folder/db.dump" ] || [ ! -f "$folder/media.tar.gz" ]; then
    echo "Give the folder of a backup (with db.dump and media.tar.gz): scripts/restore.sh FOLDER" >&2
    exit 1
fi
if [[ "${DATABASE_URL:-}" != postgres* ]]; then
    echo "DATABASE_URL must name the fresh PostgreSQL database to restore into (postgres://...)." >&2
    exit 1
fi
command -v pg_restore >/dev/null || { echo "pg_restore is missing. Install it with: apt-get install -y postgresql-client" >&2; exit 1; }

tables=$(psql --no-psqlrc --tuples-only --no-align --dbname="$DATABASE_URL" \
    -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
if [ "$tables" != "0" ]; then
    echo "The database in DATABASE_URL already has $tables tables: restore into a fresh one (createdb)." >&2
    exit 1
fi
media=${DJANGO_MEDIA_ROOT:-media}
if [ -d "$media" ] && [ -n "$(ls -A "$media")" ]; then
    echo "The media folder $media is not empty: restore into a fresh one (set DJANGO_MEDIA_ROOT)." >&2
    exit 1
fi

pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$DATABASE_URL" "$folder/db.dump"
mkdir -p "$media"
tar -xzf "$folder/media.tar.gz" -C "$media"
echo "Restored $folder into the database of DATABASE_URL and $media"
