#!/usr/bin/env bash
# Soak: the app (Release) on its own durable PostgreSQL, under a steady mix of page reads and replies (wrk + soak.lua)
# for DURATION seconds (default 600). Passes when no response is a 5xx and the app's memory stays flat
# (RSS in the last fifth of the run no more than 15% above the second fifth). RSS is sampled every 5 s.
#   scripts/soak.sh            # 10 minutes
#   DURATION=30 scripts/soak.sh
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
trap cleanup EXIT
DURATION="${DURATION:-600}"
CONNECTIONS="${CONNECTIONS:-8}"
RESULTS="${RESULTS:-$WORK/soak}"
mkdir -p "$RESULTS"

build_release
DB_PORT="$(free_port)"; APP_PORT="$(free_port)"
pg_init "$WORK/primary"; pg_start "$WORK/primary" "$DB_PORT"
app_start soak "$APP_PORT" ConnectionStrings__Debate="$(connection_string "$DB_PORT")" RateLimits__WritesPerMinute=1000000
BASE="http://127.0.0.1:$APP_PORT"
pid="$APP_PID_soak"

# One member, signed in once; every write is a reply by them, with one antiforgery token (it is not single-use) and
# the jar's cookies (login and antiforgery) sent by wrk on each write.
[ "$(signup soakauthor "$BASE" "$WORK/jar")" = 302 ] || { fail "registering the soak's member"; exit 1; }
parent="$(reply_parent "$DB_PORT")"
token="$(form_token "$WORK/jar" "$BASE/t/$WRITE_THREAD/reply?to=$parent")"
cookie="$(awk -F'\t' 'NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$WORK/jar")"
read -r status _ < <(write "soak first reply" "$parent" "$BASE" "$WORK/jar")
[ "$status" = 302 ] || { fail "a first reply: HTTP $status"; exit 1; }
posts_before="$(psql_at "$DB_PORT" "SELECT count(*) FROM posts")"

log "Soak: $DURATION s, $CONNECTIONS connections, 1 request in ${WRITE_EVERY:-20} a write"
echo "seconds,rss_kib" > "$RESULTS/rss.csv"
( start=$(date +%s); while kill -0 "$pid" 2>/dev/null; do
    echo "$(( $(date +%s) - start )),$(ps -o rss= -p "$pid" | tr -d ' ')" >> "$RESULTS/rss.csv"; sleep 5; done ) &
sampler=$!
SOAK_TOKEN="$token" SOAK_COOKIE="$cookie" SOAK_AUTHOR=soakauthor SOAK_THREAD="$WRITE_THREAD" SOAK_PARENT="$parent" \
  wrk -t 2 -c "$CONNECTIONS" -d "${DURATION}s" --timeout 10s -s "$(dirname "$0")/soak.lua" "$BASE" | tee "$RESULTS/wrk.txt"
kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true

posts="$(psql_at "$DB_PORT" "SELECT count(*) FROM posts")"
result="$(grep '^RESULT' "$RESULTS/wrk.txt")"
log "$result; replies stored: $(( posts - posts_before ))"
fivexx="$(echo "$result" | sed 's/.*5xx=\([0-9]*\).*/\1/')"
[ "$fivexx" = 0 ] && pass "no 5xx responses" || fail "$fivexx responses were 5xx"

# Memory: median RSS of the second fifth against the last fifth of the samples (the first fifth is warm-up); the
# first, last and highest sample as well.
read -r early late first last peak < <(python3 -c '
import statistics, sys
rss = [int(line.split(",")[1]) for line in open(sys.argv[1]).read().split("\n")[1:] if line.split(",")[-1].strip()]
n = len(rss)
print(int(statistics.median(rss[n // 5:2 * n // 5])), int(statistics.median(rss[4 * n // 5:])), rss[0], rss[-1], max(rss))
' "$RESULTS/rss.csv")
log "RSS: ${first} KiB at start, ${last} KiB at the end, ${peak} KiB peak"
log "RSS median: ${early} KiB early, ${late} KiB late (samples in rss.csv: $(( $(wc -l < "$RESULTS/rss.csv") - 1 )))"
if [ "$late" -le $(( early * 115 / 100 )) ]; then pass "memory flat (late RSS within 15% of early)"; else fail "memory grew from $early to $late KiB"; fi
[ "$FAILURES" -eq 0 ] && echo "soak: PASS" || { echo "soak: FAIL"; exit 1; }
