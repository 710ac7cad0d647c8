#!/usr/bin/env bash
# Soak: the app (Release) on its own durable PostgreSQL, under a steady mix of page reads and writes (wrk + soak.lua)
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

# One anonymous antiforgery cookie and token, reused by every write (the token is not single-use).
token="$(register_token "$WORK/jar" "$BASE")"
cookie="$(awk '$6 == "debate-antiforgery" { print $6 "=" $7 }' "$WORK/jar")"
[ "$(write soakauthor "$BASE" "$WORK/jar")" = 302 ] || { fail "a first write"; exit 1; }

log "Soak: $DURATION s, $CONNECTIONS connections, 1 request in ${WRITE_EVERY:-20} a write"
echo "seconds,rss_kib" > "$RESULTS/rss.csv"
( start=$(date +%s); while kill -0 "$pid" 2>/dev/null; do
    echo "$(( $(date +%s) - start )),$(ps -o rss= -p "$pid" | tr -d ' ')" >> "$RESULTS/rss.csv"; sleep 5; done ) &
sampler=$!
SOAK_TOKEN="$token" SOAK_COOKIE="$cookie" SOAK_AUTHOR=soakauthor \
  wrk -t 2 -c "$CONNECTIONS" -d "${DURATION}s" --timeout 10s -s "$(dirname "$0")/soak.lua" "$BASE" | tee "$RESULTS/wrk.txt"
kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true

users="$(psql_at "$DB_PORT" "SELECT count(*) FROM asp_net_users")"
result="$(grep '^RESULT' "$RESULTS/wrk.txt")"
log "$result; users in the database: $users"
fivexx="$(echo "$result" | sed 's/.*5xx=\([0-9]*\).*/\1/')"
[ "$fivexx" = 0 ] && pass "no 5xx responses" || fail "$fivexx responses were 5xx"

# Memory: median RSS of the second fifth against the last fifth of the samples (the first fifth is warm-up).
read -r early late < <(awk -F, 'NR > 1 { rss[++n] = $2 } END {
  a = int(n / 5); b = int(2 * n / 5); c = int(4 * n / 5)
  for (i = a + 1; i <= b; i++) e[++ne] = rss[i]; for (i = c + 1; i <= n; i++) l[++nl] = rss[i]
  asort(e); asort(l); print e[int((ne + 1) / 2)], l[int((nl + 1) / 2)] }' "$RESULTS/rss.csv")
log "RSS median: ${early} KiB early, ${late} KiB late (samples in rss.csv: $(( $(wc -l < "$RESULTS/rss.csv") - 1 )))"
if [ "$late" -le $(( early * 115 / 100 )) ]; then pass "memory flat (late RSS within 15% of early)"; else fail "memory grew from $early to $late KiB"; fi
[ "$FAILURES" -eq 0 ] && echo "soak: PASS" || { echo "soak: FAIL"; exit 1; }
