#!/usr/bin/env bash
# The whole suite, twice: on SQLite (the embedded default) and on PostgreSQL (the production database)
# when one answers on 127.0.0.1:5432. The engines have no database, so they run in the first pass only.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
PG_URL=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/maillage}
workers=${PYTEST_WORKERS:-2}

echo "== Tests on SQLite"
DATABASE_URL= "$BIN/pytest" -n "$workers" tests "$@"

if "$BIN/python" - "$PG_URL" <<'PY'
import sys, psycopg
try:
    psycopg.connect(sys.argv[1].replace("/maillage", "/postgres"), connect_timeout=3).close()
except psycopg.OperationalError:
    sys.exit(1)
PY
then
  echo "== Tests on PostgreSQL ($PG_URL)"
  DATABASE_URL="$PG_URL" "$BIN/pytest" -n "$workers" tests --ignore=tests/engine "$@"
elif [[ -n "${CI:-}" ]]; then
  echo "PostgreSQL is not reachable at $PG_URL, and CI must test it." >&2
  exit 1
else
  echo "== PostgreSQL not reachable at $PG_URL: the PostgreSQL pass is skipped."
fi
