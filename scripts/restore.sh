#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into a new, empty database.
#
#   scripts/restore.sh FILE DATABASE
#
# DATABASE is the name of the database to restore into, on the server PGHOST / PGPORT / PGUSER name. It is
# created when missing; an existing database must be empty (no tables), so a restore never mixes with or
# overwrites live data. The restore is one transaction: it lands whole or not at all. Point the app at the
# restored database (ConnectionStrings__Debate=...;Database=DATABASE) once it is done.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 FILE DATABASE" >&2
  exit 2
fi
file=$1
database=$2

if [[ ! -r "$file" ]]; then
  echo "$file: cannot read the backup" >&2
  exit 1
fi
pg_restore --list "$file" > /dev/null || { echo "$file: not a backup pg_restore can read" >&2; exit 1; }

exists=$(psql --dbname=postgres --no-psqlrc --tuples-only --no-align --set=ON_ERROR_STOP=1 \
  --command="SELECT count(*) FROM pg_database WHERE datname = '${database//\'/\'\'}'")
if [[ "$exists" == "0" ]]; then
  createdb "$database"
else
  tables=$(psql --dbname="$database" --no-psqlrc --tuples-only --no-align --set=ON_ERROR_STOP=1 \
    --command="SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
  if [[ "$tables" != "0" ]]; then
    echo "$database: already holds $tables tables; restore into a new or empty database" >&2
    exit 1
  fi
fi

pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$database" "$file"
echo "restored $file into $database"
