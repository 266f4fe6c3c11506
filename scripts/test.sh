#!/usr/bin/env bash
# The whole test suite: types, lint, unit and integration tests on PGlite, the integration tests
# again on a real PostgreSQL server, then the browser tests against a production build.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

step "Type check"
npx tsc --noEmit

step "Lint (layers and table owners)"
npx eslint . --max-warnings 0

step "Unit and integration tests (PGlite)"
npx vitest run

step "Integration tests (PostgreSQL)"
bash scripts/test-postgres.sh

step "End-to-end tests (Chromium, production build)"
npx playwright test
