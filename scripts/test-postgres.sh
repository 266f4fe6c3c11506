#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback, applies the committed migrations with
# the project's own runner (what `npm run db:migrate` does in production), and runs the
# integration tests against it, each test file in a fresh database.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_BIN=""
for dir in "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")" /usr/local/bin /usr/lib/postgresql/*/bin; do
  if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then PG_BIN="$dir"; break; fi
done
if [ -z "$PG_BIN" ]; then
  if [ -n "${CI:-}" ]; then echo "PostgreSQL binaries (initdb, pg_ctl) not found" >&2; exit 1; fi
  echo "PostgreSQL binaries not found: skipping the PostgreSQL run (install postgresql-15 to include it)."
  exit 0
fi

PORT="${PG_TEST_PORT:-54329}"
WORKDIR="$(mktemp -d /tmp/dealflow-pg.XXXXXX)"
DATA="$WORKDIR/data"
# initdb refuses to run as root; use an unprivileged account when we are root.
if [ "$(id -u)" = "0" ]; then
  PG_USER="nobody"
  chown -R nobody "$WORKDIR"
  as_pg() { su nobody -s /bin/sh -c "$*"; }
else
  PG_USER="$(id -un)"
  as_pg() { sh -c "$*"; }
fi

cleanup() { as_pg "'$PG_BIN/pg_ctl' -D '$DATA' -m immediate stop" >/dev/null 2>&1 || true; rm -rf "$WORKDIR"; }
trap cleanup EXIT

as_pg "'$PG_BIN/initdb' -D '$DATA' -U '$PG_USER' -A trust --no-sync -E UTF8 >/dev/null"
as_pg "'$PG_BIN/pg_ctl' -D '$DATA' -l '$WORKDIR/server.log' -w -o \"-p $PORT -k '$WORKDIR' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start >/dev/null"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"

# The app and the tests connect as a login that is not a superuser, as in production: it owns
# the databases it creates and runs the migrations (which create the role dealflow_app that
# tenant queries run as under row-level security).
node -e "
const { Client } = require('pg');
const c = new Client({ connectionString: process.argv[1] });
c.connect()
  .then(() => c.query('CREATE ROLE dealflow LOGIN CREATEDB CREATEROLE'))
  .then(() => c.query('CREATE DATABASE dealflow OWNER dealflow'))
  .then(() => c.end());
" "postgresql://$PG_USER@127.0.0.1:$PORT/postgres"
SERVER_URL="postgresql://dealflow@127.0.0.1:$PORT/postgres"
# The production path: migrations applied by the project's runner to a fresh database.
DATABASE_URL="postgresql://dealflow@127.0.0.1:$PORT/dealflow" npx tsx scripts/db-migrate.ts
DATABASE_URL="postgresql://dealflow@127.0.0.1:$PORT/dealflow" npx tsx scripts/db-migrate.ts

TEST_DATABASE_URL="$SERVER_URL" npx vitest run "${@:-tests/integration}"
