#!/usr/bin/env bash
# CI: Parley installed as an operator would, on a clean clone of the commit: `npm ci`,
# `npm run build`, then `npm prune --omit=dev` so node_modules holds the runtime dependencies
# only (what `npm ci --omit=dev` installs), and `npm start` on SQLite and on PostgreSQL must
# serve / and /app/ with 200. Uses $PG_URL when set (.ci/run), else starts its own PostgreSQL.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/parley-production.XXXXXX)
server_pid=
cleanup() {
  [ -z "$server_pid" ] || kill -TERM -- "-$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
if [ -z "${PG_URL:-}" ]; then
  source "$repo/.ci/postgres.sh"
  start_postgres
  trap 'cleanup; stop_postgres' EXIT
fi

echo "== production: clean clone of $(git -C "$repo" rev-parse --short HEAD)"
git clone --quiet --no-local "$repo" "$work/parley"
cd "$work/parley"
npm ci --no-audit --no-fund
npm run build
npm prune --omit=dev --no-audit --no-fund
for dev in tsx vite esbuild typescript fastify kysely; do
  if [ -e "node_modules/$dev" ]; then
    echo "production: node_modules/$dev is still installed after npm prune --omit=dev" >&2
    exit 1
  fi
done
echo "runtime dependencies: $(ls node_modules | grep -v '^\.' | wc -l) folders in node_modules"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Starts `npm start` on a database, checks / and /app/ answer 200, stops it with SIGTERM.
serve_and_check() {
  local name=$1 url=$2 port
  port=$(free_port)
  PORT=$port PARLEY_DEMO=off DATABASE_URL=$url setsid npm start >"$work/$name.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  local home app
  home=$(curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" || true)
  app=$(curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/app/" || true)
  kill -TERM -- "-$server_pid"
  wait "$server_pid" || true
  server_pid=
  echo "production [$name]: / $home, /app/ $app"
  if [ "$home" != 200 ] || [ "$app" != 200 ] || grep -q '^Building' "$work/$name.log"; then
    cat "$work/$name.log" >&2
    echo "production [$name]: the built server did not serve (or built again at start)" >&2
    exit 1
  fi
}

serve_and_check sqlite "sqlite:$work/parley.sqlite"
pg_db=parley_production_$$
psql -q "$PG_URL" -c "CREATE DATABASE $pg_db"
serve_and_check postgresql "${PG_URL%/*}/$pg_db"
psql -q "$PG_URL" -c "DROP DATABASE $pg_db WITH (FORCE)"
echo "production: ok"
