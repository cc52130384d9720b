/**
 * One refusal page: a body over the limit (413, refused by scripts/serve.js before it is read), too
 * many requests (429) and writes while the database cannot be written (503, both from the app) give
 * a person the same Japanese page, and the API (/api/, /hsds/) the same JSON error in Japanese and
 * English, whatever the caller's Accept header says. Its own server (low limits, a copy of the
 * database) on a free port.
 */
import { test, expect, type APIResponse } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { freePort } from '../helpers/free-port';

const DATABASE = path.resolve('test-results/refusals.db');
const BODY = 'message=' + 'あ'.repeat(8 * 1024); // 72 KB encoded: over the 16K limit below
let server: ChildProcess | null = null;
let base = '';
let listingId = '';
const pages = new Map<number, string>();

async function readiness(): Promise<number> {
	try {
		return (await fetch(`${base}/readyz`)).status;
	} catch {
		return 0;
	}
}

/** The page a person sees: Japanese, with its heading, the message and a way back. */
async function expectPage(response: APIResponse, status: number, heading: string, message: string | RegExp): Promise<void> {
	expect(response.status()).toBe(status);
	expect(response.headers()['content-type']).toContain('text/html');
	const html = await response.text();
	expect(html).toContain('<html lang="ja">');
	expect(html).toContain(`<h1>${heading}</h1>`);
	expect(html).toMatch(message);
	expect(html).toContain(`<a href="/services/${listingId}/suggest">入力のページに戻る</a>`);
	expect(html).toContain('<a href="/">トップページへ</a>');
	pages.set(status, html);
}

/** The API's error: the same JSON shape, Japanese in message, English in message_en. */
async function expectApiError(response: APIResponse, status: number, ja: RegExp, en: RegExp): Promise<void> {
	expect(response.status()).toBe(status);
	expect(response.headers()['content-type']).toContain('application/json');
	const body = (await response.json()) as { error: { message: string; message_en: string } };
	expect(body.error.message).toMatch(ja);
	expect(body.error.message_en).toMatch(en);
	expect(body.error.message_en).toMatch(/^[\x20-\x7e]+$/);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	test.setTimeout(120_000);
	for (const suffix of ['', '-wal', '-shm', '.readonly']) fs.rmSync(DATABASE + suffix, { force: true });
	const source = new Database('test-results/e2e.db', { readonly: true });
	source.prepare('VACUUM INTO ?').run(DATABASE);
	listingId = source.prepare("SELECT id FROM services WHERE status = 'published' ORDER BY id LIMIT 1").pluck().get() as string;
	source.close();
	const port = await freePort();
	base = `http://127.0.0.1:${port}`;
	const { ORIGIN: _noOrigin, ...env } = process.env;
	server = spawn(process.execPath, ['scripts/serve.js'], {
		env: { ...env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: DATABASE, MAP_TILE_URL: '', GEOCODER: 'fake', BODY_SIZE_LIMIT: '16K', RATE_LIMIT_API_PER_MINUTE: '4', RATE_LIMIT_FORMS_PER_MINUTE: '3', LOG_LEVEL: 'warn' },
		stdio: 'ignore'
	});
	await expect.poll(readiness, { timeout: 60_000 }).toBe(200);
});

test.afterAll(() => {
	server?.kill('SIGTERM');
	fs.rmSync(`${DATABASE}.readonly`, { force: true });
});

test('413 (refused by the server before the body is read): the Japanese page, and JSON in the API', async ({ request }) => {
	const form = { 'content-type': 'application/x-www-form-urlencoded', origin: base };
	const html = await request.post(`${base}/services/${listingId}/suggest`, { headers: { ...form, accept: 'text/html' }, data: BODY });
	await expectPage(html, 413, '送られた内容が大きすぎます', '送信された内容が大きすぎます（16KBまで）');
	// The API answers JSON even to a caller that accepts HTML.
	const api = await request.post(`${base}/api/search`, { headers: { ...form, accept: 'text/html,*/*' }, data: BODY });
	await expectApiError(api, 413, /大きすぎます（16KBまで）/, /too large/);
});

test('503 while the database cannot be written: the same page, and JSON in the API', async ({ request }) => {
	fs.writeFileSync(`${DATABASE}.readonly`, '');
	await expect.poll(readiness).toBe(503);
	const html = await request.post(`${base}/services/${listingId}/suggest`, { headers: { origin: base, accept: 'text/html' }, form: { topic: 'その他', message: '保守中の提案' } });
	await expectPage(html, 503, 'ただいま保存できません', '保存されていません');
	expect(html.headers()['retry-after']).toBe('30');
	const api = await request.post(`${base}/api/search`, { headers: { origin: base, accept: 'text/html,*/*' }, form: { q: 'サロン' } });
	await expectApiError(api, 503, /保存されていません/, /cannot be written/);
	fs.rmSync(`${DATABASE}.readonly`);
	await expect.poll(readiness).toBe(200);
});

test('429 past the limits: the same page for a form, JSON for the API and the HSDS API', async ({ request }) => {
	let api: APIResponse | null = null;
	for (let i = 0; i < 10 && api?.status() !== 429; i++) api = await request.get(`${base}/api/search?q=${encodeURIComponent('サロン')}&per_page=1`);
	await expectApiError(api!, 429, /アクセスが集中しています/, /Too many requests/);
	expect(Number(api!.headers()['retry-after'])).toBeGreaterThan(0);
	// The HSDS API shares the API's limit and its JSON answer (before, it got the HTML page).
	await expectApiError(await request.get(`${base}/hsds/services`), 429, /アクセスが集中しています/, /Too many requests/);

	let html: APIResponse | null = null;
	for (let i = 0; i < 10 && html?.status() !== 429; i++) {
		html = await request.post(`${base}/services/${listingId}/suggest`, { headers: { origin: base, accept: 'text/html' }, form: { topic: 'その他', message: '' } });
	}
	await expectPage(html!, 429, 'アクセスが集中しています', 'もう一度お試しください');
});

test('the three refusals are one page: the same markup, only the words differ', () => {
	const markup = (html: string) => html.replace(/>[^<]*</g, '><');
	expect([...pages.keys()].sort()).toEqual([413, 429, 503]);
	expect(markup(pages.get(429)!)).toBe(markup(pages.get(413)!));
	expect(markup(pages.get(503)!)).toBe(markup(pages.get(413)!));
});
