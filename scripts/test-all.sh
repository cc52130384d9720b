#!/usr/bin/env bash
# Every test: type check, unit + integration (real SQLite, real Meilisearch), then Playwright in
# Debian's Chromium against the production build.
set -euo pipefail
cd "$(dirname "$0")/.."
npx svelte-kit sync
npx svelte-check --tsconfig ./tsconfig.json --threshold error --output human
npx vitest run
# The build must be quiet: a warning on every start is something a newcomer would worry about.
build_log=$(mktemp)
npx vite build 2>&1 | tee "$build_log"
if grep -Eq '\(!\)|\[[A-Z_]{6,}\]|Generated an empty chunk|[Ww]arning' "$build_log"; then
	echo 'vite build printed warnings (above): fix them' >&2
	exit 1
fi
npx playwright test
