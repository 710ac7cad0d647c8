#!/usr/bin/env bash
# Fault suite: PostgreSQL stopped abruptly (immediate shutdown, as a crash) and started again under a load of reads
# and writes (replies by signed-in members). Passes when no response is a 500 (only 503 while the database is down), the
# app answers again by itself after PostgreSQL is back, and every reply acknowledged (302) before, during or after is in
# the database.
#   scripts/faults.sh                     # DOWN=5 seconds down, LOAD=40 seconds of load
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
trap cleanup EXIT
LOAD="${LOAD:-40}"; DOWN="${DOWN:-5}"; STOP_AT="${STOP_AT:-12}"

build_release
DB_PORT="$(free_port)"; APP_PORT="$(free_port)"
pg_init "$WORK/primary"; pg_start "$WORK/primary" "$DB_PORT"
app_start faults "$APP_PORT" ConnectionStrings__Debate="$(connection_string "$DB_PORT")" RateLimits__WritesPerMinute=1000000
BASE="http://127.0.0.1:$APP_PORT"

count_before="$(psql_at "$DB_PORT" "SELECT post_count FROM threads WHERE slug = '$WRITE_THREAD'")"
log "Load for $LOAD s (4 readers, 2 writers); PostgreSQL stopped at ${STOP_AT} s for ${DOWN} s"
python3 "$(dirname "$0")/lib/load.py" "$BASE" "$LOAD" 4 2 "$(reply_parent "$DB_PORT")" "$WORK/responses.csv" &
load=$!
sleep "$STOP_AT"
stopped_at="$(date +%s.%N)"; pg_stop "$WORK/primary" immediate; log "PostgreSQL stopped (immediate)"
sleep "$DOWN"
as_pg "$PG_BIN/pg_ctl" -D "$WORK/primary" -l "$WORK/primary/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$DB_PORT -c unix_socket_directories='' -c max_connections=200" start >/dev/null
started_at="$(date +%s.%N)"; log "PostgreSQL accepting connections again (crash recovery done)"
wait "$load"

awk -F, -v stopped="$stopped_at" -v started="$started_at" '
  { total++; count[$3]++ }
  $1 >= stopped && $1 < started && $3 == 503 { down503++ }
  $1 >= started && $2 == "read" && $3 == 200 && !recovered { recovered = $1 - started }
  $1 >= started && $2 == "read" && $3 != 200 { after_bad++; last_bad = $1 - started }
  END {
    printf "responses: %d;", total; for (s in count) printf " %s=%d", s, count[s]; printf "\n"
    printf "503 while down: %d\n", down503
    printf "first good read %.2f s after PostgreSQL was back; last failed read %.2f s after (%d failed)\n", recovered, last_bad, after_bad
  }' "$WORK/responses.csv" | tee "$WORK/summary.txt"

count_of() { awk -F, -v s="$1" '$3 == s' "$WORK/responses.csv" | wc -l; }
[ "$(count_of 500)" -eq 0 ] && pass "no 500 responses" || fail "$(count_of 500) responses were 500"
[ "$(awk -F, -v a="$stopped_at" -v b="$started_at" '$1 >= a && $1 < b && $3 == 503' "$WORK/responses.csv" | wc -l)" -gt 0 ] \
  && pass "503 while PostgreSQL was down" || fail "no 503 seen while PostgreSQL was down"
recovered="$(awk -F, -v s="$started_at" '$1 >= s && $2 == "read" && $3 == 200 { print $1 - s; exit }' "$WORK/responses.csv")"
[ -n "$recovered" ] && pass "recovered by itself: first page answered ${recovered} s after PostgreSQL was back" || fail "no page answered after PostgreSQL came back"

awk -F, '$2 == "write" && $3 == 302 { print $4 }' "$WORK/responses.csv" | sort > "$WORK/acknowledged.txt"
psql_at "$DB_PORT" "SELECT body FROM post_revisions WHERE body LIKE 'fault-write-%'" | sort > "$WORK/stored.txt"
missing="$(comm -23 "$WORK/acknowledged.txt" "$WORK/stored.txt" | wc -l)"
[ "$missing" -eq 0 ] && pass "all $(wc -l < "$WORK/acknowledged.txt") acknowledged writes are in the database" \
  || fail "$missing acknowledged writes are missing"
stored="$(wc -l < "$WORK/stored.txt")"
count_after="$(psql_at "$DB_PORT" "SELECT post_count FROM threads WHERE slug = '$WRITE_THREAD'")"
[ $(( count_after - count_before )) -eq "$stored" ] \
  && pass "the thread's post count grew by the $stored replies stored ($count_before to $count_after)" \
  || fail "the thread's post count went from $count_before to $count_after for $stored replies stored"
[ "$FAILURES" -eq 0 ] && echo "faults: PASS" || { echo "faults: FAIL ($FAILURES)"; exit 1; }
