# Starts a throwaway PostgreSQL 15 cluster on 127.0.0.1 for tests and benchmarks.
# Usage: source .ci/postgres.sh; start_postgres; ... "$PG_URL" ...; stop_postgres
# PostgreSQL refuses to run as root, so the cluster belongs to the postgres user.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

start_postgres() {
  PG_PORT=${PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
  PG_DIR=$(mktemp -d /tmp/parley-pg.XXXXXX)
  chown postgres "$PG_DIR"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" --auth=trust -U postgres -E UTF8 >/dev/null
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c max_connections=300 -c fsync=on" >/dev/null
  PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  export PG_URL PG_DIR PG_PORT
  echo "PostgreSQL on $PG_URL"
}

stop_postgres() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
