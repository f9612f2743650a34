#!/usr/bin/env bash
# A backup of the site: the PostgreSQL database and the uploaded media.
#
#   DATABASE_URL=postgres://... scripts/backup.sh [FOLDER]      (make backup)
#
# Writes FOLDER (default backups/<UTC time>) with db.dump (pg_dump's custom
# format, compressed; restorable table by table) and media.tar.gz (the
# folder DJANGO_MEDIA_ROOT names, default ./media). The dump is one
# consistent snapshot; the media tar is taken after it, so every file the
# dump refers to is in it (files uploaded meanwhile are extra, never missing).
# Restore with scripts/restore.sh FOLDER.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${DATABASE_URL:-}" != postgres* ]]; then
    echo "DATABASE_URL must name the PostgreSQL database to back up (postgres://...)." >&2
    exit 1
fi
command -v pg_dump >/dev/null || { echo "pg_dump is missing. Install it with: apt-get install -y postgresql-client" >&2; exit 1; }

folder=${1:-backups/$(date -u +%Y%m%dT%H%M%SZ)}
media=${DJANGO_MEDIA_ROOT:-media}
mkdir -p "$folder"
chmod 700 "$folder"  # health data: readable by this account only

pg_dump --format=custom --no-owner --no-privileges --dbname="$DATABASE_URL" --file="$folder/db.dump.partial"
mv "$folder/db.dump.partial" "$folder/db.dump"
mkdir -p "$media"
tar -czf "$folder/media.tar.gz.partial" -C "$media" .
mv "$folder/media.tar.gz.partial" "$folder/media.tar.gz"
echo "Backup written to $folder (db.dump, media.tar.gz)"
