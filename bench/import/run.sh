#!/usr/bin/env bash
# Import benchmark: N generated posts imported by the CLI (debate-thread/1 JSON and X API v2 JSONL),
# against plain COPY of the very rows the import wrote, into the same schema (indexes, constraints and
# the generated search column included). Prints one line per run; see bench/README.md.
#
#   bench/import/run.sh [POSTS] [RUNS]      defaults: 100000 posts, 5 runs of each format
#
# Needs PostgreSQL's server binaries (initdb, pg_ctl) and psql; starts its own throw-away cluster.
set -euo pipefail
POSTS=${1:-100000}
RUNS=${2:-5}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d -t debate-import-bench.XXXXXX)
PORT=${BENCH_PG_PORT:-55433}
PGBIN=$(dirname "$(command -v pg_ctl || ls /usr/lib/postgresql/*/bin/pg_ctl | tail -1)")
AS=()
if [ "$(id -u)" = 0 ]; then AS=(runuser -u postgres --); chown postgres "$WORK"; fi

"${AS[@]}" "$PGBIN/initdb" -D "$WORK/data" -A trust -U postgres >/dev/null
"${AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w \
  -o "-p $PORT -k $WORK -c listen_addresses='' -c fsync=on -c max_wal_size=4GB" start >/dev/null
trap '"${AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null; rm -rf "$WORK"' EXIT
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$WORK" -p "$PORT" -U postgres)
conn() { echo "Host=$WORK;Port=$PORT;Username=postgres;Database=$1;Pooling=false"; }

dotnet build -c Release "$ROOT/src/Debate.Cli" >/dev/null
CLI=("$ROOT/src/Debate.Cli/bin/Release/net10.0/debate")

"${PSQL[@]}" -d postgres -c "CREATE DATABASE migrated"
ConnectionStrings__Debate=$(conn migrated) "${CLI[@]}" export none >/dev/null 2>&1 || true   # applies the migrations

"${CLI[@]}" bench-import-file --posts "$POSTS" --format thread -o "$WORK/thread.json"
"${CLI[@]}" bench-import-file --posts "$POSTS" --format xapi -o "$WORK/xapi.jsonl"
chmod o+r "$WORK"/*.json "$WORK"/*.jsonl

TABLES="posts post_revisions provenance quotes claim_tags"
columns() { # every stored column but the generated ones, in table order
  "${PSQL[@]}" -d migrated -At -c "SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns
    WHERE table_name = '$1' AND is_generated = 'NEVER' AND column_name NOT IN ('xmin')"
}

now() { date +%s.%N; }
for run in $(seq 1 "$RUNS"); do
  for format in thread xapi; do
    file=$WORK/thread.json; extra=()
    [ "$format" = xapi ] && file=$WORK/xapi.jsonl && extra=(--slug bench-x --title "Generated X conversation")
    db=${format}_$run
    "${PSQL[@]}" -d postgres -c "CREATE DATABASE $db TEMPLATE migrated"
    /usr/bin/time -f "%e %M" -o "$WORK/time" env ConnectionStrings__Debate="$(conn "$db")" "${CLI[@]}" import "$file" "${extra[@]}" >/dev/null 2>"$WORK/import.log" \
      || { cat "$WORK/import.log"; exit 1; }
    read -r seconds kilobytes < "$WORK/time"
    [ -n "${BENCH_VERBOSE:-}" ] && cat "$WORK/import.log"

    # Plain COPY of the same rows: dump what the import wrote, empty the tables, time COPY of it back.
    for t in $TABLES; do
      "${PSQL[@]}" -d "$db" -c "\\copy (SELECT $(columns "$t") FROM $t) TO '$WORK/$t.bin' (FORMAT binary)"
    done
    "${PSQL[@]}" -d "$db" -c "TRUNCATE $(echo $TABLES | tr ' ' ',') CASCADE" 2>/dev/null
    script=$WORK/copy.sql
    # The baseline skips the search-word trigger (as the import does) and does not add the words at all.
    { echo "BEGIN;"; echo "SET CONSTRAINTS fk_posts_post_revisions_current_revision_id DEFERRED;"
      echo "SET LOCAL debate.import_adds_search_words = on;"
      for t in $TABLES; do echo "\\copy $t ($(columns "$t")) FROM '$WORK/$t.bin' (FORMAT binary)"; done
      echo "COMMIT;"; } > "$script"
    start=$(now); "${PSQL[@]}" -d "$db" -f "$script"; copy=$(echo "$(now) - $start" | bc)
    rows=$("${PSQL[@]}" -d "$db" -At -c "SELECT count(*) FROM posts")
    echo "$format run $run: $rows posts; import $seconds s ($(echo "$rows / $seconds" | bc) posts/s, peak RSS $((kilobytes / 1024)) MB); plain COPY $(printf %.2f "$copy") s ($(echo "$rows / $copy" | bc) posts/s); import/COPY rate $(echo "scale=2; $copy / $seconds" | bc)"
    "${PSQL[@]}" -d postgres -c "DROP DATABASE $db"
  done
done
