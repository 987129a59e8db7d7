#!/usr/bin/env bash
# Baiqiang on loopback as a province would run it: one PostgreSQL, two web nodes, nginx in front (docs/scale.md).
#
#   deploy/two-nodes.sh start    start everything, wait until both nodes answer /readyz, print the address
#   deploy/two-nodes.sh stop     stop nginx, both nodes and the PostgreSQL cluster this script started
#
# Environment (all optional):
#   BAIQIANG_PG        PostgreSQL connection string of the store (Host=…;Database=…); without it a throwaway cluster is
#                      started with initdb in the state folder and the store is its database "baiqiang"
#   BAIQIANG_WEB_DLL   the built web host (default: src/Baiqiang.Web/bin/Release|Debug/net10.0/Baiqiang.Web.dll, newest)
#   BAIQIANG_ADMIN_PASSWORD  the first administrator's password (else it is generated and printed in a node's log)
#   STATE              state folder: pids, logs, nginx and PostgreSQL files (default /tmp/baiqiang-two-nodes)
#   NGINX_PORT NODE_A_PORT NODE_B_PORT PG_PORT   default 8080 5101 5102 5440
#   READY_TIMEOUT      seconds to wait for each node's /readyz (default 300)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
STATE="${STATE:-/tmp/baiqiang-two-nodes}"
NGINX_PORT="${NGINX_PORT:-8080}"
NODE_A_PORT="${NODE_A_PORT:-5101}"
NODE_B_PORT="${NODE_B_PORT:-5102}"
PG_PORT="${PG_PORT:-5440}"
READY_TIMEOUT="${READY_TIMEOUT:-300}"
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

as_postgres() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

web_dll() {
  if [ -n "${BAIQIANG_WEB_DLL:-}" ]; then
    echo "$BAIQIANG_WEB_DLL"
    return
  fi
  { ls -t "$ROOT"/src/Baiqiang.Web/bin/{Release,Debug}/net10.0/Baiqiang.Web.dll 2>/dev/null || true; } | head -n 1
}

start_postgres() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  mkdir -p "$STATE/pg"
  chmod 755 "$STATE" "$STATE/pg"
  [ "$(id -u)" = "0" ] && chown postgres "$STATE/pg"
  if [ ! -f "$STATE/pg/data/PG_VERSION" ]; then
    as_postgres "$bin/initdb" -D "$STATE/pg/data" -A trust -U postgres --encoding=UTF8 >/dev/null
  fi
  as_postgres "$bin/pg_ctl" -D "$STATE/pg/data" -w -t 60 -l "$STATE/pg/pg.log" \
    -o "-p $PG_PORT -k $STATE/pg -c listen_addresses=127.0.0.1" start >/dev/null
  echo "$bin" > "$STATE/pg/bin"
  BAIQIANG_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=baiqiang"
}

start_node() {
  local name="$1" port="$2" dll="$3"
  # The content root is the project folder, where wwwroot (and its built lib/) is.
  (
    cd "$ROOT/src/Baiqiang.Web"
    BAIQIANG_DB="$BAIQIANG_PG" Baiqiang__Node="$name" ASPNETCORE_ENVIRONMENT=Production \
      Baiqiang__AdminPassword="${BAIQIANG_ADMIN_PASSWORD:-}" \
      setsid nohup dotnet "$dll" --urls "http://127.0.0.1:$port" >"$STATE/$name.log" 2>&1 </dev/null &
    echo $! > "$STATE/$name.pid"
  )
}

wait_ready() {
  local name="$1" port="$2" waited=0
  until curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
    if ! kill -0 "$(cat "$STATE/$name.pid")" 2>/dev/null; then
      echo "$name exited; its log:" >&2
      tail -n 40 "$STATE/$name.log" >&2
      exit 1
    fi
    if [ "$waited" -ge "$READY_TIMEOUT" ]; then
      echo "$name not ready after ${READY_TIMEOUT}s; its log:" >&2
      tail -n 40 "$STATE/$name.log" >&2
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

start() {
  mkdir -p "$STATE/nginx/tmp"
  # nginx's workers run as an unprivileged user when the master is root: they must reach the temp folders.
  chmod 755 "$STATE" "$STATE/nginx"
  chmod -R 777 "$STATE/nginx/tmp"
  local dll
  dll="$(web_dll)"
  if [ -z "$dll" ] || [ ! -f "$dll" ]; then
    echo "no built web host: run 'dotnet build src/Baiqiang.Web' (or set BAIQIANG_WEB_DLL)" >&2
    exit 1
  fi
  [ -x "$NGINX" ] || { echo "nginx is not installed (apt-get install -y nginx)" >&2; exit 1; }
  if [ -z "${BAIQIANG_PG:-}" ]; then
    start_postgres
  fi

  # Both nodes start at once: the first migrates and seeds the store under an advisory lock, the other waits for it.
  start_node node-a "$NODE_A_PORT" "$dll"
  start_node node-b "$NODE_B_PORT" "$dll"
  wait_ready node-a "$NODE_A_PORT"
  wait_ready node-b "$NODE_B_PORT"

  sed -e "s|@STATE@|$STATE|g" -e "s|@NGINX_PORT@|$NGINX_PORT|g" -e "s|@NODE_A_PORT@|$NODE_A_PORT|g" -e "s|@NODE_B_PORT@|$NODE_B_PORT|g" \
    "$ROOT/deploy/nginx.conf.template" > "$STATE/nginx/nginx.conf"
  "$NGINX" -p "$STATE/nginx" -e "$STATE/nginx/error.log" -c "$STATE/nginx/nginx.conf"
  local waited=0
  until curl -fsS "http://127.0.0.1:$NGINX_PORT/healthz" >/dev/null 2>&1; do
    [ "$waited" -ge 30 ] && { echo "nginx does not answer on $NGINX_PORT" >&2; cat "$STATE/nginx/error.log" >&2; exit 1; }
    sleep 1
    waited=$((waited + 1))
  done
  echo "Baiqiang: http://127.0.0.1:$NGINX_PORT (node-a :$NODE_A_PORT, node-b :$NODE_B_PORT; logs and pids in $STATE)"
}

stop() {
  if [ -f "$STATE/nginx/nginx.pid" ]; then
    "$NGINX" -p "$STATE/nginx" -e "$STATE/nginx/error.log" -c "$STATE/nginx/nginx.conf" -s quit 2>/dev/null || kill "$(cat "$STATE/nginx/nginx.pid")" 2>/dev/null || true
  fi
  for name in node-a node-b; do
    if [ -f "$STATE/$name.pid" ]; then
      kill "$(cat "$STATE/$name.pid")" 2>/dev/null || true
      rm -f "$STATE/$name.pid"
    fi
  done
  if [ -f "$STATE/pg/bin" ]; then
    as_postgres "$(cat "$STATE/pg/bin")/pg_ctl" -D "$STATE/pg/data" -m fast stop >/dev/null 2>&1 || true
    rm -f "$STATE/pg/bin"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
