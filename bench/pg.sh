#!/usr/bin/env bash
# The benchmark's own PostgreSQL 15 cluster (never the tests' server at 5432).
# Usage: bench/pg.sh start|stop|psql [args]
# BENCH_PG_DIR (default /var/tmp/fenhe-bench-pg) and BENCH_PG_PORT (default 5499) give a second cluster of
# its own, e.g. for a run beside another one (the older names BENCH_PGDATA and BENCH_PGPORT work too).
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGDATA_DIR=${BENCH_PG_DIR:-${BENCH_PGDATA:-/var/tmp/fenhe-bench-pg}}
PGPORT_BENCH=${BENCH_PG_PORT:-${BENCH_PGPORT:-5499}}
asuser() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-start}" in
  start)
    if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
      mkdir -p "$PGDATA_DIR"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA_DIR"
      asuser "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
      cat >> "$PGDATA_DIR/postgresql.conf" <<CONF
port = $PGPORT_BENCH
listen_addresses = '127.0.0.1'
unix_socket_directories = '/tmp'
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = all
synchronous_commit = on
fsync = on
max_connections = 200
shared_buffers = 512MB
work_mem = 16MB
maintenance_work_mem = 256MB
timezone = 'UTC'
log_timezone = 'UTC'
CONF
    fi
    if ! asuser "$PGBIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
      asuser "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w start >/dev/null
    fi
    ;;
  stop) asuser "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null ;;
  psql) shift; exec psql -h 127.0.0.1 -p "$PGPORT_BENCH" -U postgres -v ON_ERROR_STOP=1 -X -q "$@" ;;
  *) echo "usage: $0 start|stop|psql" >&2; exit 2 ;;
esac
