#!/usr/bin/env bash
# Load scenarios (bench/README.md, "Load scenarios"): the app in Release on its own throw-away PostgreSQL, loaded by
# wrk on loopback, each scenario bounded in time and run several times. Prints a Markdown table.
#
#   bench/run.sh                       threads of 20, 500 and 5,000 posts; 20 s per run, 3 runs, 32 connections
#   bench/run.sh --smoke               threads of 20, 50 and 100 posts, 1 run of 2 s at 2 connections: proves every
#                                      scenario still works, measures nothing
#   bench/run.sh --bulk 1000000        also writes a generated corpus of that many posts (bench-data) first
#   options: --duration S  --runs N  --connections N  --warmup S  --results DIR (keeps wrk's own output)
#
# Exits non-zero when a scenario had failed requests or none at all (after printing the table).
set -euo pipefail
source "$(dirname "$0")/../scripts/lib/common.sh"
trap cleanup EXIT
HERE="$REPO_ROOT/bench/load"

SMOKE=""; DURATION=20; RUNS=3; CONNECTIONS=32; WARMUP=5; BULK=0; RESULTS=""
SIZES=(20 500 5000)
usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
number() { [[ "$2" =~ ^[0-9]+$ ]] && [ "$2" -gt 0 ] || { echo "bench/run.sh: $1 needs a whole number above 0, not '$2'" >&2; exit 2; }; }
# --smoke sets the defaults the other options may then change, wherever it stands.
for arg in "$@"; do
  [ "$arg" = --smoke ] && { SMOKE=1; DURATION=2; RUNS=1; WARMUP=1; CONNECTIONS=2; SIZES=(20 50 100); }
done
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) ;;
    --duration) number "$1" "${2:-}"; DURATION=$2; shift ;;
    --runs) number "$1" "${2:-}"; RUNS=$2; shift ;;
    --connections) number "$1" "${2:-}"; CONNECTIONS=$2; shift ;;
    --warmup) number "$1" "${2:-}"; WARMUP=$2; shift ;;
    --bulk) number "$1" "${2:-}"; BULK=$2; shift ;;
    --results) [ -n "${2:-}" ] || { echo "bench/run.sh: --results needs a folder" >&2; exit 2; }; RESULTS=$2; shift ;;
    -h|--help) usage ;;
    *) echo "bench/run.sh: unknown option '$1'" >&2; usage 2 >&2 ;;
  esac
  shift
done
RESULTS="${RESULTS:-$WORK/results}"
mkdir -p "$RESULTS"
command -v wrk >/dev/null || { echo "bench/run.sh: wrk is missing (Debian package wrk)" >&2; exit 1; }
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

# --- Build, database, corpus ---------------------------------------------------------------------------------
build_release
dotnet build "$REPO_ROOT/src/Debate.Cli" -c Release -v q -nologo >"$WORK/build-cli.log" 2>&1 || { cat "$WORK/build-cli.log"; exit 1; }
CLI="$(ls "$REPO_ROOT"/src/Debate.Cli/bin/Release/net*/debate | head -1)"
DB_PORT="$(free_port)"; APP_PORT="$(free_port)"
pg_init "$WORK/db"; pg_start "$WORK/db" "$DB_PORT"
export ConnectionStrings__Debate="$(connection_string "$DB_PORT" debate-bench)"

# One thread of exactly each size (bench-import-file names it bench-SEED, so the size is the seed), and one more
# that the writes go to, so the threads read above stay as they were.
WRITE_SLUG=bench-7
for size in "${SIZES[@]}" 7; do
  posts=$size; [ "$size" = 7 ] && posts=30
  log "Corpus: a thread of $posts posts"
  "$CLI" bench-import-file --posts "$posts" --format thread --seed "$size" -o "$WORK/thread-$size.json" 2>/dev/null
  "$CLI" import "$WORK/thread-$size.json" >/dev/null 2>"$WORK/import.log" || { cat "$WORK/import.log"; exit 1; }
  have="$(psql_at "$DB_PORT" "SELECT count(*) FROM posts p JOIN threads t ON t.id = p.thread_id WHERE t.slug = 'bench-$size'")"
  [ "$have" = "$posts" ] || { echo "bench/run.sh: thread bench-$size has $have posts, not $posts" >&2; exit 1; }
done
if [ "$BULK" -gt 0 ]; then
  log "Corpus: $BULK generated posts (bench-data)"
  "$CLI" bench-data --posts "$BULK" --seed 1 >/dev/null
fi
psql_at "$DB_PORT" "VACUUM ANALYZE" >/dev/null
CORPUS_POSTS="$(psql_at "$DB_PORT" "SELECT count(*) FROM posts")"

# Search queries: two words, and the same with one filter each (authors and threads that exist, so none is refused).
cp "$HERE/search-queries.txt" "$WORK/two-words.txt"
mapfile -t AUTHORS < <(psql_at "$DB_PORT" "SELECT slug FROM authors ORDER BY id LIMIT 4")
FILTERS=(platform:lesswrong after:2023-12-01 "thread:bench-${SIZES[-1]}" "thread:bench-${SIZES[1]}" "${AUTHORS[@]/#/author:}")
awk -v filters="${FILTERS[*]}" 'BEGIN { n = split(filters, f, " ") } NF { print $0 " " f[(NR - 1) % n + 1] }' \
  "$WORK/two-words.txt" > "$WORK/filtered.txt"

# --- The app ---------------------------------------------------------------------------------------------------
# Writes are rate-limited per member (RateLimits:WritesPerMinute, 30 by default); the write scenario lifts the limit.
app_start bench "$APP_PORT" ConnectionStrings__Debate="$ConnectionStrings__Debate" Database__SeedDemo=false \
  Benchmarks__Baseline=true RateLimits__WritesPerMinute=100000000
BASE="http://127.0.0.1:$APP_PORT"
APP_PID="$APP_PID_bench"

# The write: a member (registered here, which signs them in) replies to a post quoting two spans, one of the post it
# answers and one of the thread's first post; each span is four words that stand in the revision's plain text.
JAR="$WORK/member.jar"
[ "$(signup benchmember "$BASE" "$JAR")" = 302 ] || { echo "bench/run.sh: registering the member failed" >&2; exit 1; }
read -r PARENT_ID < <(psql_at "$DB_PORT" "SELECT p.id FROM posts p JOIN threads t ON t.id = p.thread_id
  WHERE t.slug = '$WRITE_SLUG' AND p.parent_id IS NOT NULL ORDER BY p.id LIMIT 1")
quote() { # quote POST_ID: post id, revision id, start, end, exact (tab-separated)
  psql_at "$DB_PORT" "SELECT p.id, r.id, strpos(r.plain_text, w.exact) - 1, strpos(r.plain_text, w.exact) - 1 + length(w.exact), w.exact
    FROM posts p JOIN post_revisions r ON r.id = p.current_revision_id
    CROSS JOIN LATERAL (SELECT substring(r.plain_text FROM '[a-z]+ [a-z]+ [a-z]+ [a-z]+') AS exact) w
    WHERE p.id = $1" | tr '|' '\t'
}
ROOT_ID="$(psql_at "$DB_PORT" "SELECT p.id FROM posts p JOIN threads t ON t.id = p.thread_id WHERE t.slug = '$WRITE_SLUG' ORDER BY p.posted_at, p.id LIMIT 1")"
IFS=$'\t' read -r Q1_POST Q1_REV Q1_START Q1_END Q1_EXACT < <(quote "$PARENT_ID")
IFS=$'\t' read -r Q2_POST Q2_REV Q2_START Q2_END Q2_EXACT < <(quote "$ROOT_ID")
[ -n "$Q1_EXACT" ] && [ -n "$Q2_EXACT" ] || { echo "bench/run.sh: found no words to quote in bench thread posts $PARENT_ID and $ROOT_ID" >&2; exit 1; }
TOKEN="$(curl -fs -c "$JAR" -b "$JAR" "$BASE/t/$WRITE_SLUG/reply?to=$PARENT_ID" \
  | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//' | head -1)"
[ -n "$TOKEN" ] || { echo "bench/run.sh: the reply form gave no antiforgery token" >&2; exit 1; }
REPLY_BODY="$(python3 -c 'import sys, urllib.parse as u; a = sys.argv[1:]
print(u.urlencode({"__RequestVerificationToken": a[0], "Input.ParentId": a[1],
  "Input.Body": f"> {a[6]}\n\n> {a[11]}\n\nBoth of these, read together, say less than the thread assumes.",
  "Input.Quotes[0].SourcePostId": a[2], "Input.Quotes[0].SourceRevisionId": a[3], "Input.Quotes[0].Start": a[4], "Input.Quotes[0].End": a[5], "Input.Quotes[0].Exact": a[6],
  "Input.Quotes[1].SourcePostId": a[7], "Input.Quotes[1].SourceRevisionId": a[8], "Input.Quotes[1].Start": a[9], "Input.Quotes[1].End": a[10], "Input.Quotes[1].Exact": a[11]}))' \
  "$TOKEN" "$PARENT_ID" "$Q1_POST" "$Q1_REV" "$Q1_START" "$Q1_END" "$Q1_EXACT" "$Q2_POST" "$Q2_REV" "$Q2_START" "$Q2_END" "$Q2_EXACT")"
COOKIE="$(awk -F'\t' '/^#HttpOnly_/ { sub(/^#HttpOnly_/, "") } !/^#/ && NF >= 7 { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$JAR")"
status="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" -H 'Content-Type: application/x-www-form-urlencoded' \
  --data-binary "$REPLY_BODY" "$BASE/t/$WRITE_SLUG/reply")"
[ "$status" = 302 ] || { echo "bench/run.sh: a first reply with two quotes was refused ($status)" >&2; exit 1; }
quotes="$(psql_at "$DB_PORT" "SELECT count(*) FROM quotes q JOIN posts p ON p.id = q.post_id JOIN authors a ON a.id = p.author_id WHERE a.slug = 'benchmember'")"
[ "$quotes" = 2 ] || { echo "bench/run.sh: the first reply stored $quotes quotes, not 2" >&2; exit 1; }

# --- Scenarios -------------------------------------------------------------------------------------------------
# NAME|MODE|PATH: every run of every scenario; the group (before the first space) is what the memory line names.
SCENARIOS=()
for size in "${SIZES[@]}"; do SCENARIOS+=("thread page, $size posts|get|/t/bench-$size"); done
# A signed-in reader's page is never served from the output cache: the cost of building a page, every time.
for size in "${SIZES[@]}"; do SCENARIOS+=("thread page signed in, $size posts|member|/t/bench-$size"); done
for size in "${SIZES[@]}"; do SCENARIOS+=("JSON API, $size posts|get|/api/threads/bench-$size"); done
for size in "${SIZES[@]}"; do SCENARIOS+=("baseline, $size posts|get|/benchmarks/baseline/bench-$size"); done
SCENARIOS+=("search, two words|search|$WORK/two-words.txt" "search, two words and a filter|search|$WORK/filtered.txt")
SCENARIOS+=("reply with two quotes|reply|/t/$WRITE_SLUG/reply")

peak_kib() { awk '/^VmHWM/ { print $2 }' "/proc/$APP_PID/status"; }
echo -e "scenario\trun\trps\tp50_ms\tp99_ms\tfailed" > "$RESULTS/runs.tsv"
: > "$RESULTS/memory.tsv"
load() { # load SECONDS MODE PATH OUT
  local env=(BENCH_MODE="$2" BENCH_PATH="$3")
  [ "$2" = search ] && env=(BENCH_MODE=search BENCH_QUERIES="$3")
  [ "$2" = reply ] && env+=(BENCH_BODY="$REPLY_BODY" BENCH_COOKIE="$COOKIE")
  [ "$2" = member ] && env=(BENCH_MODE=get BENCH_PATH="$3" BENCH_COOKIE="$COOKIE")
  env "${env[@]}" wrk -t 2 -c "$CONNECTIONS" -d "${1}s" --timeout 10s -s "$HERE/scenario.lua" "$BASE" > "$4" 2>&1 || true
}
for scenario in "${SCENARIOS[@]}"; do
  IFS='|' read -r name mode path <<< "$scenario"
  file="$(echo "$name" | tr 'A-Z' 'a-z' | tr -c 'a-z0-9\n' '-')"
  probe="$path"; [ "$mode" = search ] && probe="/search?q=$(head -1 "$path" | sed 's/ /+/g; s/:/%3A/g')"
  if [ "$mode" != reply ] && ! curl -fs -o /dev/null -H "Cookie: $COOKIE" "$BASE$probe"; then
    echo "bench/run.sh: $name: GET $probe does not answer 200; its log:" >&2; tail -20 "$WORK/bench.log" >&2; exit 1
  fi
  log "$name: warm-up ${WARMUP} s, then $RUNS x ${DURATION} s at $CONNECTIONS connections"
  load "$WARMUP" "$mode" "$path" "$RESULTS/$file.warmup.txt"
  for run in $(seq 1 "$RUNS"); do
    load "$DURATION" "$mode" "$path" "$RESULTS/$file.$run.txt"
    line="$(grep '^RESULT' "$RESULTS/$file.$run.txt" || echo "RESULT requests=0 rps=0 p50_ms=0 p99_ms=0 failed=0")"
    echo "$line" | sed 's/[a-z0-9_]*=//g; s/^RESULT //' \
      | awk -v name="$name" -v run="$run" '{ printf "%s\t%s\t%s\t%s\t%s\t%s\n", name, run, $2, $3, $4, ($1 == 0 ? -1 : $5) }' >> "$RESULTS/runs.tsv"
  done
  echo -e "$name\t$(peak_kib)" >> "$RESULTS/memory.tsv"
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

# Every write wrk counted as answered must be in the database (with the first reply sent by curl).
answered="$(cat "$RESULTS"/reply-with-two-quotes.*.txt | sed -n 's/^RESULT requests=\([0-9]*\) .* failed=\([0-9]*\)$/\1 \2/p' | awk '{ n += $1 - $2 } END { print n + 0 }')"
stored="$(psql_at "$DB_PORT" "SELECT count(*) FROM posts p JOIN authors a ON a.id = p.author_id WHERE a.slug = 'benchmember'")"
[ "$stored" -ge $((answered + 1)) ] || { echo "bench/run.sh: $answered replies were answered as written but only $stored are stored" >&2; exit 1; }

# --- The table -------------------------------------------------------------------------------------------------
echo
echo "Load scenarios, $(date -u '+%Y-%m-%d %H:%M UTC')$([ -n "$SMOKE" ] && echo ' (smoke run: not a measurement)')"
echo "$(nproc) cores; corpus $CORPUS_POSTS posts; wrk 2 threads, $CONNECTIONS connections, $RUNS run(s) of $DURATION s after $WARMUP s of warm-up;"
echo "load average $LOAD_BEFORE before, $LOAD_AFTER after"
echo
python3 - "$RESULTS/runs.tsv" "$RESULTS/memory.tsv" <<'EOF'
import csv, statistics, sys
runs = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
order, by = [], {}
for r in runs:
    if r["scenario"] not in by:
        order.append(r["scenario"]); by[r["scenario"]] = []
    by[r["scenario"]].append(r)
rate = lambda v: f"{v:.0f}" if v >= 10 else f"{v:.1f}"
median = lambda rows, key: statistics.median(float(r[key]) for r in rows)
rps = {name: median(rows, "rps") for name, rows in by.items()}
print("| scenario | req/s median (min–max) | p50 ms | p99 ms | failed | vs baseline |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
bad = 0
for name in order:
    rows = by[name]
    values = [float(r["rps"]) for r in rows]
    failed = sum(int(r["failed"]) for r in rows if int(r["failed"]) >= 0)
    empty = sum(1 for r in rows if int(r["failed"]) < 0)
    bad += failed + empty
    ratio = ""
    if name.startswith("thread page"):
        base = "baseline, " + name.split(", ", 1)[1]
        if base in rps and rps[base] > 0:
            ratio = f"{rps[name] / rps[base]:.2f}"
    note = f"{failed}" + (f" ({empty} run(s) with no answer)" if empty else "")
    print(f"| {name} | {rate(rps[name])} ({rate(min(values))}–{rate(max(values))}) | {median(rows, 'p50_ms'):.1f} | {median(rows, 'p99_ms'):.1f} | {note} | {ratio} |")
memory = [line.rstrip("\n").split("\t") for line in open(sys.argv[2]) if line.strip()]
print()
print(f"Peak working set of the app (VmHWM) over scenarios 1-5: {max(int(k) for _, k in memory) / 1024:.0f} MB")
print("(after each scenario: " + "; ".join(f"{n} {int(k) / 1024:.0f} MB" for n, k in memory) + ")")
if bad:
    print(f"\nFAILED: {bad} failed request(s) or empty run(s); the raw wrk output is kept with --results DIR", file=sys.stderr)
sys.exit(1 if bad else 0)
EOF
