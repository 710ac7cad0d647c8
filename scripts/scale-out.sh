#!/usr/bin/env bash
# Scale-out on loopback: a PostgreSQL primary and a streaming replica (pg_basebackup -R), two app instances
# (Release) reading through the replica, nginx in front. Then: a sign-up and a reply through instance 1, the reply
# read back through instance 2 with the same cookie, and the thread read from the replica. PASS/FAIL per step; everything it
# started is stopped on exit.
#   scripts/scale-out.sh
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
trap cleanup EXIT

build_release
PRIMARY_PORT="$(free_port)"; REPLICA_PORT="$(free_port)"; APP1_PORT="$(free_port)"; APP2_PORT="$(free_port)"; NGINX_PORT="$(free_port)"

log "Primary on $PRIMARY_PORT"
pg_init "$WORK/primary"; pg_start "$WORK/primary" "$PRIMARY_PORT"
log "Replica on $REPLICA_PORT (pg_basebackup -R)"
mkdir -p "$WORK/replica"; [ "$(id -u)" -eq 0 ] && chown postgres: "$WORK/replica"; chmod 700 "$WORK/replica"
as_pg env PGPASSWORD="$DB_PASSWORD" "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U debate -D "$WORK/replica" -R -X stream -c fast
pg_start "$WORK/replica" "$REPLICA_PORT"
[ "$(PGPASSWORD="$DB_PASSWORD" "$PG_BIN/psql" -h 127.0.0.1 -p "$REPLICA_PORT" -U debate -d postgres -XAtq -c 'SELECT pg_is_in_recovery()')" = t ] \
  && pass "replica is a standby streaming from the primary" || fail "replica is not in recovery"

# Both instances write to the primary and read reading pages from the replica; instance 1 migrates and seeds first.
APP_ENV=(ConnectionStrings__Debate="$(connection_string "$PRIMARY_PORT")"
         ConnectionStrings__DebateReplica="$(connection_string "$REPLICA_PORT" debate-replica-reads)")
app_start one "$APP1_PORT" "${APP_ENV[@]}"
app_start two "$APP2_PORT" "${APP_ENV[@]}" Database__Migrate=false Database__SeedDemo=false
nginx_start "$NGINX_PORT" "$APP1_PORT" "$APP2_PORT"
ONE="http://127.0.0.1:$APP1_PORT"; TWO="http://127.0.0.1:$APP2_PORT"; PROXY="http://127.0.0.1:$NGINX_PORT"

# 1. Sign up and write through instance 1: registering signs the new member in (the cookie jar then holds the login
#    cookie), and the write is a reply to the demo thread's first post, through the reply form.
name="scale$(date +%s)"
status="$(signup "$name" "$ONE" "$WORK/jar")"
[ "$status" = 302 ] && pass "signed up and in through instance 1 (HTTP $status)" || fail "signing up through instance 1: HTTP $status"
parent="$(reply_parent "$PRIMARY_PORT")"
text="Scale-out reply $name, written through instance one."
read -r status page < <(write "$text" "$parent" "$ONE" "$WORK/jar")
[ "$status" = 302 ] && pass "reply posted through instance 1 (HTTP $status, $page)" || fail "reply through instance 1: HTTP $status"

# 2. The same cookie on instance 2: signed in there too (Data Protection keys are shared through PostgreSQL).
signed_in="$(curl -s -b "$WORK/jar" "$TWO/" | grep -o 'class="account-name"[^>]*>[^<]*' | sed 's/.*>//')"
[ "$signed_in" = "$name" ] && pass "instance 2 accepts instance 1's login cookie (signed in as $signed_in)" \
  || fail "instance 2 did not accept the cookie (saw '$signed_in')"

# 3. Read the reply back through instance 2 at once: the writer's own reads go to the primary.
code="$(curl -s -o "$WORK/own.html" -w '%{http_code}' -b "$WORK/jar" "$TWO$page")"
[ "$code" = 200 ] && grep -q "$text" "$WORK/own.html" && pass "the reply read back through instance 2 ($page, right after writing)" \
  || fail "reading $page through instance 2 right after writing: HTTP $code"

# 4. Through nginx (either instance), the reply is there.
code="$(curl -s -o "$WORK/proxy.html" -w '%{http_code}' -b "$WORK/jar" "$PROXY$page")"
[ "$code" = 200 ] && grep -q "$text" "$WORK/proxy.html" && pass "the reply read back through nginx" || fail "through nginx: HTTP $code"

# 5. A reader who has not written reads from the replica: the thread page via instance 2, then the replica's own
#    pg_stat_activity shows the app's reading connection busy since the request began; the reply, replicated, is on
#    the post's page there.
for _ in $(seq 1 20); do
  replayed="$(PGPASSWORD="$DB_PASSWORD" "$PG_BIN/psql" -h 127.0.0.1 -p "$PRIMARY_PORT" -U debate -d postgres -XAtq -c \
    "SELECT replay_lsn >= pg_current_wal_lsn() FROM pg_stat_replication")"
  [ "$replayed" = t ] && break; sleep 0.25
done
log "replica caught up with the primary: $replayed"
since="$(psql_at "$REPLICA_PORT" "SELECT clock_timestamp()")"
code="$(curl -s -o "$WORK/thread.html" -w '%{http_code}' "$TWO/t/$WRITE_THREAD")"
on_replica="$(psql_at "$REPLICA_PORT" "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'debate-replica-reads' AND state_change >= '$since'")"
recovery="$(psql_at "$REPLICA_PORT" "SELECT pg_is_in_recovery()")"
[ "$code" = 200 ] && [ "$on_replica" -gt 0 ] && [ "$recovery" = t ] \
  && pass "thread page (HTTP $code) read from the standby: $on_replica reading connection(s) there ran statements for it" \
  || fail "thread page read from the replica: HTTP $code, $on_replica reading connections on the standby"
[ "$(psql_at "$REPLICA_PORT" "SELECT count(*) FROM post_revisions WHERE body = '$text'")" = 1 ] \
  && pass "the reply is on the standby (streamed)" || fail "the reply is not on the standby"
code="$(curl -s -o "$WORK/anon.html" -w '%{http_code}' "$TWO$page")"
[ "$code" = 200 ] && grep -q "$text" "$WORK/anon.html" && pass "the reply, replicated, read by another reader from the standby" \
  || fail "another reader's read of $page: HTTP $code"

# 6. Writes never reach the standby: its server log has no read-only refusal.
grep -q "read-only transaction" "$WORK/replica/server.log" && fail "a write reached the standby" || pass "no write reached the standby"

[ "$FAILURES" -eq 0 ] && echo "scale-out: PASS" || { echo "scale-out: FAIL ($FAILURES)"; exit 1; }
