#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster on loopback for the store and worker tests.
#   scripts/postgres-test-cluster.sh start   -> prints the connection string (FEEENGINE_POSTGRES) on its last line
#   scripts/postgres-test-cluster.sh stop
# Installs PostgreSQL 15 from Debian's packages when it is missing. The cluster lives in a temporary folder owned by
# the postgres user (initdb refuses to run as root), listens on 127.0.0.1 only, and trusts local connections:
# it holds nothing but test data and is deleted by 'stop'.
set -euo pipefail
port="${FEEENGINE_PG_PORT:-54329}"
dir="${FEEENGINE_PG_DIR:-/tmp/feeengine-pg-$port}"
bin=/usr/lib/postgresql/15/bin

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-start}" in
  start)
    if [ ! -x "$bin/initdb" ]; then
      echo "installing PostgreSQL 15" >&2
      apt-get update -qq >&2 && apt-get install -y -qq postgresql-15 >/dev/null
    fi
    if [ -f "$dir/postmaster.pid" ]; then as_postgres "$bin/pg_ctl" -D "$dir" -m immediate stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    as_postgres "$bin/initdb" -D "$dir" -U postgres -A trust --no-sync >/dev/null
    as_postgres "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"
    ;;
  stop)
    if [ -f "$dir/postmaster.pid" ]; then as_postgres "$bin/pg_ctl" -D "$dir" -m immediate stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
