#!/usr/bin/env bash
# The whole test suite: types, lint, unit and integration tests on PGlite, the integration tests
# again on a real PostgreSQL server, then the browser tests against a production build.
# Independent steps overlap: the type check with lint, and the PostgreSQL run (its own server,
# its own databases) with the production build and the browser tests (an embedded database).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }
logs="$(mktemp -d /tmp/dealflow-test.XXXXXX)"

# Runs a command in the background with its output in a log; `finish` prints it and its status.
start() { local name="$1"; shift; (set +e; "$@" >"$logs/$name.log" 2>&1; echo $? >"$logs/$name.rc") & }
finish() {
  local name="$1" title="$2"
  while [ ! -f "$logs/$name.rc" ]; do sleep 1; done
  step "$title"
  cat "$logs/$name.log"
  return "$(cat "$logs/$name.rc")"
}

start tsc npx tsc --noEmit
start lint npx eslint . --max-warnings 0
failed=()
status=0
finish tsc "Type check" || status=1
finish lint "Lint (layers and table owners)" || status=1
[ "$status" = 0 ] || exit 1

step "Unit and integration tests (PGlite)"
npx vitest run

start postgres bash scripts/test-postgres.sh
start e2e npx playwright test
# The browser tests print last, so the end of the log shows what failed there.
finish postgres "Integration tests (PostgreSQL)" || failed+=("PostgreSQL integration")
finish e2e "End-to-end tests (Chromium, production build)" || failed+=("end-to-end")
if [ ${#failed[@]} -gt 0 ]; then
  step "Failed: ${failed[*]}"
  exit 1
fi
step "All suites passed"
