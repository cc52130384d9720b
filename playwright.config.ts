import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4317);
const chromiumArgs = [
	'--no-sandbox',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		locale: 'ja-JP',
		timezoneId: 'Asia/Tokyo',
		launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs }
	},
	webServer: {
		// A fresh sample database, then the production build (built by the test script).
		// (Playwright starts the web server before globalSetup, so set-up lives here.)
		command: 'bash scripts/e2e-server.sh',
		url: `http://127.0.0.1:${port}/api/search?per_page=1`,
		reuseExistingServer: false,
		timeout: 120_000,
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			// No ORIGIN, as in the README's quick start: the plain-http origin comes from the request.
			DATABASE_PATH: 'test-results/e2e.db',
			// No tiles can be fetched in tests: the map must work without them.
			MAP_TILE_URL: '',
			// The 国土地理院 geocoder cannot be reached here either.
			GEOCODER: 'fake',
			// Calendars and 次回 dates count from a fixed "now" (the sample is dated around it).
			TSUNAGI_NOW: '2026-11-30T10:00:00+09:00'
		}
	}
});
