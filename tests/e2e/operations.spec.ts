/**
 * Running like a public service: security headers (CSP that still lets the map work), the quick
 * start without ORIGIN (the shared e2e server runs without it), health and readiness, request size
 * and rate limits, read-only maintenance and graceful shutdown. The last ones need their own server
 * (low limits, a copy of the database), started here on E2E_PORT + 1.
 */
import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';

const OWN_PORT = Number(process.env.E2E_PORT ?? 4317) + 1;
const OWN_BASE = `http://127.0.0.1:${OWN_PORT}`;
const OWN_DB = path.resolve('test-results/operations.db');

test.describe('security headers', () => {
	test('every page has a Content-Security-Policy with a nonce; the map page runs without violations', async ({ page, request }) => {
		for (const pathname of ['/', '/search?q=サロン', '/admin/login', '/areas']) {
			const response = await request.get(pathname);
			const csp = response.headers()['content-security-policy'];
			expect(csp, pathname).toMatch(/script-src 'self' 'nonce-[^']+'/);
			expect(csp, pathname).toContain("object-src 'none'");
			expect(csp, pathname).toContain("frame-ancestors 'none'");
			expect(csp, pathname).toContain('worker-src');
			expect(response.headers()['permissions-policy'], pathname).toContain('camera=()');
			// Plain http: no HSTS.
			expect(response.headers()['strict-transport-security'], pathname).toBeUndefined();
		}
		const violations: string[] = [];
		page.on('console', (message) => {
			if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
		});
		await page.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (event) => console.error(`Refused to load (CSP): ${event.violatedDirective} ${event.blockedURI}`));
		});
		await page.goto('/search?q=' + encodeURIComponent('サロン'), { waitUntil: 'networkidle' });
		// The map (MapLibre with its worker, or the Leaflet fallback) drew its markers.
		await expect(page.locator('.maplibregl-canvas, .leaflet-container').first()).toBeVisible();
		await page.waitForTimeout(0);
		expect(violations).toEqual([]);
	});
});

test.describe('quick start without ORIGIN', () => {
	test('printed pages show the plain-http address the reader used', async ({ request, baseURL }) => {
		const html = await (await request.get('/search?q=' + encodeURIComponent('薬局'))).text();
		expect(html).toContain(`印刷元：${baseURL}/search?q=`);
		expect(html).not.toContain('印刷元：https://');
	});
});

test.describe('operations', () => {
	test('/healthz and /readyz answer 200 with the state', async ({ request }) => {
		const health = await request.get('/healthz');
		expect(health.status()).toBe(200);
		expect(await health.json()).toMatchObject({ status: 'ok' });
		const ready = await request.get('/readyz');
		expect(ready.status()).toBe(200);
		expect(await ready.json()).toMatchObject({ status: 'ready', database: { writable: true }, search: { engine: 'embedded' } });
	});

	test('/metrics is not public by default', async ({ request }) => {
		expect((await request.get('/metrics')).status()).toBe(404);
	});

	test('a request body over the limit is refused with 413, not read whole', async ({ request, baseURL }) => {
		const response = await request.post('/services/x/suggest', {
			headers: { origin: baseURL!, 'content-type': 'application/x-www-form-urlencoded' },
			data: 'message=' + 'a'.repeat(600 * 1024)
		});
		expect(response.status()).toBe(413);
	});
});

test.describe('a second server: limits, read-only maintenance, graceful shutdown', () => {
	let server: ChildProcess | null = null;
	let listingId = '';
	const logLines: string[] = [];

	test.beforeAll(async () => {
		fs.rmSync(OWN_DB, { force: true });
		const source = new Database('test-results/e2e.db', { readonly: true });
		source.prepare('VACUUM INTO ?').run(OWN_DB);
		listingId = source.prepare("SELECT id FROM services WHERE status = 'published' ORDER BY id LIMIT 1").pluck().get() as string;
		source.close();
		const { ORIGIN: _noOrigin, ...env } = process.env;
		server = spawn(process.execPath, ['scripts/serve.js'], {
			env: { ...env, PORT: String(OWN_PORT), HOST: '127.0.0.1', DATABASE_PATH: OWN_DB, MAP_TILE_URL: '', GEOCODER: 'fake', RATE_LIMIT_API_PER_MINUTE: '20', METRICS_TOKEN: 'e2e-metrics-token', LOG_LEVEL: 'info' },
			stdio: ['ignore', 'pipe', 'inherit']
		});
		server.stdout!.on('data', (chunk: Buffer) => logLines.push(...chunk.toString().split('\n').filter(Boolean)));
		await new Promise<void>((resolve, reject) => {
			server!.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Listening') && resolve());
			server!.on('exit', (code) => reject(new Error(`server exited (${code})`)));
		});
	});

	test.afterAll(() => {
		server?.kill('SIGKILL');
		fs.rmSync(`${OWN_DB}.readonly`, { force: true });
	});

	test('the public API answers 429 with Retry-After past the limit', async ({ request }) => {
		const statuses: number[] = [];
		let retryAfter: string | undefined;
		for (let i = 0; i < 25; i++) {
			const response = await request.get(`${OWN_BASE}/api/search?q=${encodeURIComponent('サロン')}&per_page=1`);
			statuses.push(response.status());
			if (response.status() === 429) retryAfter = response.headers()['retry-after'];
		}
		expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(20);
		expect(statuses).toContain(429);
		expect(Number(retryAfter)).toBeGreaterThan(0);
		expect(statuses.every((status) => status === 200 || status === 429)).toBe(true);
	});

	test('logs one JSON line per request with its id; metrics only with the token', async ({ request }) => {
		const response = await request.get(`${OWN_BASE}/search?q=${encodeURIComponent('薬局')}`, { headers: { 'x-request-id': 'e2e-req-1' } });
		expect(response.headers()['x-request-id']).toBe('e2e-req-1');
		await expect
			.poll(() => logLines.map((line) => { try { return JSON.parse(line) as Record<string, unknown>; } catch { return null; } }).find((entry) => entry?.req_id === 'e2e-req-1'))
			.toMatchObject({ msg: 'request', method: 'GET', route: '/search', status: 200, service: 'tsunagi' });
		expect((await request.get(`${OWN_BASE}/metrics`)).status()).toBe(401);
		const scraped = await request.get(`${OWN_BASE}/metrics`, { headers: { authorization: 'Bearer e2e-metrics-token' } });
		expect(scraped.status()).toBe(200);
		const text = await scraped.text();
		expect(text).toMatch(/tsunagi_http_requests_total\{method="GET",route="\/search",status="200"\} \d+/);
		expect(text).toContain('tsunagi_search_engine{engine="embedded",state="configured"} 1');
		expect(text).toContain('tsunagi_outbox_pending 0');
	});

	test('read-only maintenance: /readyz 503 and writes 503 with a message; pages keep working; back to 200', async ({ request }) => {
		fs.writeFileSync(`${OWN_DB}.readonly`, '');
		await expect.poll(async () => (await request.get(`${OWN_BASE}/readyz`)).status()).toBe(503);
		const post = await request.post(`${OWN_BASE}/services/${listingId}/suggest`, {
			headers: { origin: OWN_BASE },
			form: { topic: 'その他', message: '保守中の提案' }
		});
		expect(post.status()).toBe(503);
		expect(await post.text()).toContain('保存されていません');
		expect((await request.get(`${OWN_BASE}/services/${listingId}`)).status()).toBe(200);
		expect((await request.get(`${OWN_BASE}/search?q=${encodeURIComponent('見つからない言葉')}`)).status()).toBe(200);
		fs.rmSync(`${OWN_DB}.readonly`);
		await expect.poll(async () => (await request.get(`${OWN_BASE}/readyz`)).status()).toBe(200);
	});

	test('SIGTERM: the request in flight is answered, then the process closes SQLite and exits 0', async () => {
		const body = new URLSearchParams({ topic: 'その他', message: '停止の直前に送った提案' }).toString();
		const answered = new Promise<number>((resolve, reject) => {
			const request = http.request(
				`${OWN_BASE}/services/${listingId}/suggest`,
				{ method: 'POST', headers: { origin: OWN_BASE, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } },
				(response) => {
					response.resume();
					response.on('end', () => resolve(response.statusCode ?? 0));
				}
			);
			request.on('error', reject);
			// Half the body now, SIGTERM, then the rest: the request is in flight when the signal comes.
			request.write(body.slice(0, 10));
			setTimeout(() => {
				server!.kill('SIGTERM');
				setTimeout(() => request.end(body.slice(10)), 300);
			}, 300);
		});
		const exited = new Promise<number | null>((resolve) => server!.on('exit', (code) => resolve(code)));
		expect(await answered).toBeLessThan(500);
		expect(await exited).toBe(0);
		server = null;
		// Closed cleanly: the WAL was checkpointed and removed, and the suggestion was saved.
		expect(fs.existsSync(`${OWN_DB}-wal`)).toBe(false);
		const db = new Database(OWN_DB, { readonly: true });
		const saved = db.prepare("SELECT count(*) FROM change_requests WHERE payload LIKE '%停止の直前に送った提案%'").pluck().get();
		db.close();
		expect(saved).toBe(1);
	});
});
