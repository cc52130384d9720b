#!/usr/bin/env bash
# Every test: type check, unit + integration (real SQLite, real Meilisearch), then Playwright in
# Debian's Chromium against the production build.
set -euo pipefail
cd "$(dirname "$0")/.."
npx svelte-kit sync
npx svelte-check --tsconfig ./tsconfig.json --threshold error --output human
npx vitest run
npx vite build
npx playwright test
