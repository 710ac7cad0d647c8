#!/usr/bin/env bash
# Back up Debate's database with pg_dump into one file (custom format: compressed, restorable table by table).
#
#   scripts/backup.sh DATABASE FILE
#
# DATABASE is a database name or a libpq URI (postgresql://user@host:5432/debate); the usual PGHOST, PGPORT,
# PGUSER, PGPASSWORD (or ~/.pgpass) say where and who. The dump is one consistent snapshot, taken while the
# app keeps running. It is written beside FILE first and moved into place only once it reads back whole.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 DATABASE FILE" >&2
  exit 2
fi
database=$1
file=$2
partial="$file.partial"

trap 'rm -f "$partial"' EXIT
pg_dump --format=custom --compress=6 --no-owner --no-privileges --dbname="$database" --file="$partial"
# A dump that cannot be listed is no backup: check before replacing an earlier one.
pg_restore --list "$partial" > /dev/null
mv "$partial" "$file"
trap - EXIT
echo "backed up $database to $file ($(du -h "$file" | cut -f1))"
