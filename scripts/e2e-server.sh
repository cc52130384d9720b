#!/usr/bin/env bash
# The server Playwright tests run against: a fresh sample database and the production build.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f "$DATABASE_PATH" "$DATABASE_PATH-wal" "$DATABASE_PATH-shm"
npx tsx scripts/db-setup.ts
# The same server as `npm start`, without ORIGIN: a browser must sign in and post forms on plain http.
exec node scripts/serve.js
