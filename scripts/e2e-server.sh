#!/usr/bin/env bash
# The server Playwright tests run against: a fresh sample database and the production build.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f "$DATABASE_PATH" "$DATABASE_PATH-wal" "$DATABASE_PATH-shm"
npx tsx scripts/db-setup.ts
exec node build/index.js
