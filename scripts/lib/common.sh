# Shared by the scale-out, fault and soak scripts: PostgreSQL clusters, app instances and nginx on loopback,
# all inside one temporary folder, all stopped by cleanup (installed as an EXIT trap by the caller).
# PostgreSQL and nginx come from Debian's packages (postgresql, nginx); the app is the Release build.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PG_BIN="${DEBATE_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/debate-run-XXXXXX")"
chmod 755 "$WORK"
DB_PASSWORD="run-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
APP_PIDS=()
NGINX_PID=""
CLUSTERS=()
FAILURES=0

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
pass() { printf 'PASS  %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; FAILURES=$((FAILURES + 1)); }

# initdb refuses root: as root, clusters belong to the postgres system user, as the app's own cluster does.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# pg_init DIR: a fresh cluster with a password-protected superuser "debate" (replication allowed on loopback).
pg_init() {
  local dir="$1"
  mkdir -p "$dir"
  printf '%s\n' "$DB_PASSWORD" > "$WORK/pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir" "$WORK/pwfile"
  chmod 700 "$dir"
  as_pg "$PG_BIN/initdb" -D "$dir" -U debate --pwfile "$WORK/pwfile" -A scram-sha-256 -E UTF8 --locale C.UTF-8 >/dev/null
}

# pg_start DIR PORT: durable settings (fsync, synchronous_commit on), loopback only.
pg_start() {
  local dir="$1" port="$2"
  as_pg "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='' -c max_connections=200" start >/dev/null
  CLUSTERS+=("$dir")
  # initdb makes only "postgres"; the app's database is made once, on the primary (a standby has it by replication).
  if [ "${2:-}" != "" ] && [ ! -f "$dir/standby.signal" ]; then
    PGPASSWORD="$DB_PASSWORD" "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U debate -d postgres -XAtq \
      -c "SELECT 1 FROM pg_database WHERE datname = 'debate'" | grep -q 1 \
      || PGPASSWORD="$DB_PASSWORD" "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U debate debate
  fi
}

pg_stop() { as_pg "$PG_BIN/pg_ctl" -D "$1" -m "${2:-fast}" -w stop >/dev/null 2>&1 || true; }

# psql_at PORT SQL: one value, as the superuser, on database debate.
psql_at() {
  PGPASSWORD="$DB_PASSWORD" "$PG_BIN/psql" -h 127.0.0.1 -p "$1" -U debate -d debate -XAtq -c "$2"
}

connection_string() { echo "Host=127.0.0.1;Port=$1;Database=debate;Username=debate;Password=$DB_PASSWORD;Application Name=${2:-debate-web}"; }

build_release() {
  log "Building the app (Release)"
  dotnet build "$REPO_ROOT/src/Debate.Web" -c Release -v q -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
  APP_DLL="$(ls "$REPO_ROOT"/src/Debate.Web/bin/Release/net*/Debate.Web.dll | head -1)"
}

# app_start NAME PORT [extra environment assignments...]: runs the Release build, waits for /healthz.
app_start() {
  local name="$1" port="$2"; shift 2
  (cd "$(dirname "$APP_DLL")" && exec env ASPNETCORE_ENVIRONMENT=Production Urls="http://127.0.0.1:$port" \
     Accounts__CookieSecurePolicy=SameAsRequest Serilog__MinimumLevel__Default=Warning "$@" \
     dotnet "$APP_DLL" >"$WORK/$name.log" 2>&1) &
  APP_PIDS+=("$!")
  eval "APP_PID_$name=$!"
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "app $name did not start; its log:"; tail -30 "$WORK/$name.log"; exit 1
}

# nginx_start PORT UPSTREAM_PORT...: round robin over the instances.
nginx_start() {
  local port="$1"; shift
  mkdir -p "$WORK/nginx"
  {
    echo "worker_processes 1; pid $WORK/nginx/nginx.pid; error_log $WORK/nginx/error.log;"
    echo "events { worker_connections 1024; }"
    echo "http { access_log $WORK/nginx/access.log;"
    echo "  client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy; fastcgi_temp_path $WORK/nginx/fastcgi;"
    echo "  uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;"
    echo "  upstream debate { keepalive 32;"
    for upstream in "$@"; do echo "    server 127.0.0.1:$upstream;"; done
    echo "  }"
    echo "  server { listen 127.0.0.1:$port; client_max_body_size 50m;"
    echo "    location / { proxy_pass http://debate; proxy_http_version 1.1; proxy_set_header Connection \"\";"
    echo "      proxy_set_header Host \$host; proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for; proxy_set_header X-Forwarded-Proto \$scheme; } }"
    echo "}"
  } > "$WORK/nginx/nginx.conf"
  nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -g 'daemon off;' &
  NGINX_PID=$!
  for _ in $(seq 1 20); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0; sleep 0.25; done
  echo "nginx did not start"; cat "$WORK/nginx/error.log"; exit 1
}

cleanup() {
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
  for pid in "${APP_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${APP_PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  for dir in "${CLUSTERS[@]}"; do pg_stop "$dir" fast; done
  if [ -n "${KEEP_WORK:-}" ]; then echo "Kept $WORK"; else rm -rf "$WORK"; fi
}

# The antiforgery token of the form at URL, fetched with the cookie jar JAR (which keeps the cookies it is sent).
form_token() {
  curl -fs -c "$1" -b "$1" "$2" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//' | head -1
}

# signup USERNAME BASE_URL JAR: registers a member, which signs them in (JAR then holds the login cookie).
# Prints the HTTP status (302 = registered).
PASSWORD_FOR_RUNS="Tested-passphrase-42"
signup() {
  local name="$1" base="$2" jar="$3" token
  token="$(form_token "$jar" "$base/account/register")" || { echo 000; return; }
  curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" "$base/account/register" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.UserName=$name" \
    --data-urlencode "Input.Email=$name@example.org" --data-urlencode "Input.Password=$PASSWORD_FOR_RUNS" \
    --data-urlencode "Input.ConfirmPassword=$PASSWORD_FOR_RUNS"
}

# The thread every run writes into (the demo thread the app seeds), and the post the writes reply to.
WRITE_THREAD=scheming-ais
# reply_parent PORT: the id of the demo thread's first post, read from the database on PORT.
reply_parent() {
  psql_at "$1" "SELECT p.id FROM posts p JOIN threads t ON t.id = p.thread_id WHERE t.slug = '$WRITE_THREAD' AND p.parent_id IS NULL ORDER BY p.id LIMIT 1"
}

# THE WRITE the scripts perform: a reply, through the reply form, by the member signed in through JAR.
# write TEXT PARENT_ID BASE_URL JAR prints "STATUS PATH": 302 and the new post's permalink when acknowledged.
write() {
  local text="$1" parent="$2" base="$3" jar="$4" token out
  token="$(form_token "$jar" "$base/t/$WRITE_THREAD/reply?to=$parent")" || { echo "000 -"; return; }
  out="$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" "$base/t/$WRITE_THREAD/reply" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.ParentId=$parent" \
    --data-urlencode "Input.Body=$text")"
  # The redirect names the new post's permalink ("/t/slug/p/123#p-123"): keep its path.
  echo "$out" | sed -E 's#^([0-9]+) (https?://[^/]*)?([^#]*).*#\1 \3#'
}
