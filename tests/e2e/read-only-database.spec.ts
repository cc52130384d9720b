/**
 * A database the server really cannot write (not the maintenance flag): real processes on real
 * files. The production server (scripts/serve.js over build/) runs as an unprivileged service user
 * — uid/gid 65534 through setpriv when the tests run as root (root ignores file permissions), as
 * itself otherwise — on a copy of the e2e database in a directory of its own, the way a service
 * user runs on a volume. Taking write permission away from the file and its directory is what that
 * user meets on a read-only volume or a read-only restored copy: SQLite opens the file read-only,
 * and a WAL database in a directory it cannot write cannot even be read in place.
 *
 * Every wait is for a state (/readyz, a message on the page), never for a time.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createAccount } from '../helpers/accounts';
import { copyDatabase, request, startAppServer, UNPRIVILEGED_ID, type AppServer } from '../../scripts/load/harness';

const PASSWORD = 'e2e read-only correct horse';
const CURATOR = { email: 'readonly-curator@e2e.example.jp', name: '読み取り専用試験' };
const DESK_EMAIL = 'readonly-desk@e2e.example.jp';
const START_TIMEOUT_MS = 120_000;
const REFUSED = '入力した内容は保存されていません';

interface Volume {
	directory: string;
	file: string;
	listing: { id: string; name: string };
	services: number;
}

/** A directory owned by the server's user holding a copy of the e2e database, as a clean stop leaves it (WAL in the header, no -wal or -shm). */
function prepareVolume(name: string, { keepDirectory = false } = {}): Volume {
	const directory = path.resolve(`test-results/${name}`);
	if (fs.existsSync(directory) && !keepDirectory) {
		fs.chmodSync(directory, 0o755);
		fs.rmSync(directory, { recursive: true, force: true });
	}
	fs.mkdirSync(directory, { recursive: true });
	const file = path.join(directory, 'tsunagi.db');
	copyDatabase(path.resolve('test-results/e2e.db'), file);
	const source = new Database(file, { readonly: true });
	const desk = source.prepare('SELECT s.organization_id FROM services s JOIN desk_certifications d ON d.service_id = s.id ORDER BY s.id LIMIT 1').pluck().get() as string;
	const listing = source.prepare("SELECT id, name FROM services WHERE status = 'published' ORDER BY id LIMIT 1").get() as Volume['listing'];
	const services = source.prepare('SELECT count(*) FROM services').pluck().get() as number;
	source.close();
	createAccount(file, PASSWORD, CURATOR, 'curator');
	createAccount(file, PASSWORD, { email: DESK_EMAIL, name: '窓口の職員' }, 'desk', [desk]);
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	db.close();
	for (const side of ['-wal', '-shm']) expect(fs.existsSync(file + side)).toBe(false);
	if (UNPRIVILEGED_ID !== null) for (const owned of [directory, file]) fs.chownSync(owned, UNPRIVILEGED_ID, UNPRIVILEGED_ID);
	return { directory, file, listing, services };
}

/** test-results/<name> as its own small tmpfs (the database's size + 24 MiB): needs root with CAP_SYS_ADMIN, and says so. */
function mountTmpfs(name: string): string {
	const directory = path.resolve(`test-results/${name}`);
	unmount(directory);
	fs.rmSync(directory, { recursive: true, force: true });
	fs.mkdirSync(directory, { recursive: true });
	const size = fs.statSync(path.resolve('test-results/e2e.db')).size + 24 * 1024 * 1024;
	mount(['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', directory]);
	return directory;
}

function mount(args: string[]): void {
	try {
		execFileSync('mount', args, { stdio: 'pipe' });
	} catch (error) {
		throw new Error(`mount ${args.join(' ')} failed (these tests mount a tmpfs: root with CAP_SYS_ADMIN): ${(error as { stderr?: Buffer }).stderr?.toString() ?? error}`);
	}
}

/** Unmounts a test's tmpfs (also one an aborted run left). */
function unmount(directory: string): void {
	if (spawnSync('mountpoint', ['-q', directory]).status === 0) execFileSync('umount', [directory]);
}

/** Write permission for the server's user on the file, its directory and SQLite's side files. */
function setWritable(volume: Volume, writable: boolean): void {
	for (const side of ['-wal', '-shm']) if (fs.existsSync(volume.file + side)) fs.chmodSync(volume.file + side, writable ? 0o644 : 0o444);
	fs.chmodSync(volume.file, writable ? 0o644 : 0o444);
	fs.chmodSync(volume.directory, writable ? 0o755 : 0o555);
}

interface Readiness {
	status: number;
	body: { status: string; database: { writable: boolean; error?: string; connection: string } };
}

async function readiness(server: AppServer): Promise<Readiness> {
	const answer = await request(`${server.url}/readyz`);
	return { status: answer.status, body: JSON.parse(answer.body) as Readiness['body'] };
}

async function signIn(browser: Browser, base: string, email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await page.goto(`${base}/admin/login`, { waitUntil: 'networkidle' });
	await page.getByLabel('メールアドレス').fill(email);
	await page.getByLabel('パスワード').fill(PASSWORD);
	await page.getByRole('button', { name: 'ログイン' }).click();
	return page;
}

async function suggest(page: Page, base: string, listingId: string, message: string): Promise<void> {
	await page.goto(`${base}/services/${listingId}/suggest`, { waitUntil: 'networkidle' });
	await page.getByLabel('どの項目ですか').selectOption('電話番号などの連絡先');
	await page.getByLabel('正しい内容・気づいたこと').fill(message);
	await page.getByRole('button', { name: '提案を送る' }).click();
}

/** 確認済みにする on the listing's admin page: an admin save. */
async function verifyListing(page: Page, base: string, listingId: string): Promise<void> {
	await page.goto(`${base}/admin/listings/${listingId}`, { waitUntil: 'networkidle' });
	await page.getByRole('button', { name: '確認済みにする（最終確認日を今日に）' }).click();
}

/** The server stops cleanly (SIGTERM, exit 0) and logged no 5xx other than the read-only 503s. */
async function stopCleanly(server: AppServer, log: string[]): Promise<void> {
	expect(await server.stop()).toBe(0);
	expect(serverErrors(log)).toEqual([]);
}

function count(file: string, sql: string, ...params: unknown[]): number {
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		return db.prepare(sql).pluck().get(...params) as number;
	} finally {
		db.close();
	}
}

/** The server's request log lines with a 5xx other than the read-only 503. */
function serverErrors(log: string[]): string[] {
	return log.filter((line) => {
		try {
			const entry = JSON.parse(line) as { status?: number; msg?: string };
			return (typeof entry.status === 'number' && entry.status >= 500 && entry.status !== 503) || entry.msg === 'unhandled error' || entry.msg === 'request failed';
		} catch {
			return false;
		}
	});
}

test.describe('a database the server cannot write', () => {
	let server: AppServer | null = null;
	let volume: Volume | null = null;
	const log: string[] = [];

	let mounted: string | null = null;

	test.afterEach(async () => {
		await server?.stop();
		server = null;
		if (mounted) unmount(mounted);
		else if (volume) setWritable(volume, true);
		mounted = null;
		volume = null;
		log.length = 0;
	});

	test('started on a read-only file in a read-only directory: pages and searches answer, writes get 503, /readyz 503; writable again: 200 and writes are saved', async ({ browser }) => {
		test.setTimeout(START_TIMEOUT_MS + 120_000);
		volume = prepareVolume('readonly-start');
		const { file, listing, services } = volume;
		setWritable(volume, false);
		server = await startAppServer(file, { LOG_LEVEL: 'info' }, START_TIMEOUT_MS, { until: 'live', unprivileged: true, onLog: (line) => log.push(line) });
		const base = server.url;

		const notReady = await readiness(server);
		expect(notReady.status).toBe(503);
		expect(notReady.body).toMatchObject({ status: 'not ready', database: { writable: false, connection: 'snapshot' } });
		expect(notReady.body.database.error).toMatch(/not writable by this process \(EACCES\)/);

		// Reads: pages, searches (a miss would be counted: a write), the APIs, a listing, calendars.
		const reads = ['/', '/areas', '/events', '/konnatoki', '/list', '/open-data', '/admin/login', `/services/${listing.id}`, `/api/services/${listing.id}`, '/hsds/services', '/events.ics', '/sitemap.xml'];
		reads.push(`/search?q=${encodeURIComponent(listing.name)}`, `/search?q=${encodeURIComponent('見つからない言葉です')}`, `/api/search?q=${encodeURIComponent('見つからない言葉です')}`);
		for (const pathname of reads) {
			expect((await request(base + pathname)).status, pathname).toBe(200);
		}
		expect((await request(`${base}/search?q=${encodeURIComponent(listing.name)}`)).body).toContain(listing.name);
		const api = JSON.parse((await request(`${base}/api/search?q=${encodeURIComponent(listing.name)}`)).body) as { hits: Array<{ id: string }> };
		expect(api.hits.map((hit) => hit.id)).toContain(listing.id);

		// Writes: a sign-in attempt and the suggestion form in the browser, and a JSON client.
		const refusedLogin = await signIn(browser, base, CURATOR.email);
		await expect(refusedLogin.getByText(REFUSED)).toBeVisible();
		await expect(refusedLogin).toHaveURL(/\/admin\/login/);
		const visitor = await (await browser.newContext()).newPage();
		await suggest(visitor, base, listing.id, '読み取り専用のときの提案');
		await expect(visitor.getByText(REFUSED)).toBeVisible();
		const body = new URLSearchParams({ topic: 'その他', message: 'JSON で送った提案' }).toString();
		const json = await request(`${base}/services/${listing.id}/suggest`, {
			method: 'POST',
			body,
			headers: { origin: base, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' }
		});
		expect(json.status).toBe(503);
		expect(JSON.parse(json.body)).toMatchObject({ error: { message: expect.stringContaining(REFUSED), message_en: expect.stringContaining('read-only') } });

		// Writable again: ready, and the same writes go through.
		setWritable(volume, true);
		await expect.poll(async () => (await readiness(server!)).status).toBe(200);
		expect((await readiness(server)).body.database).toMatchObject({ writable: true, connection: 'read-write' });
		await suggest(visitor, base, listing.id, '書けるようになってからの提案');
		await expect(visitor.getByRole('status')).toContainText('提案を受け付けました');
		const curator = await signIn(browser, base, CURATOR.email);
		await expect(curator).toHaveURL(/\/admin$/);
		expect((await request(`${base}/search?q=${encodeURIComponent(listing.name)}`)).body).toContain(listing.name);

		await stopCleanly(server, log);
		server = null;
		expect(count(file, 'SELECT count(*) FROM services')).toBe(services);
		expect(count(file, "SELECT count(*) FROM change_requests WHERE payload LIKE '%書けるようになってからの提案%'")).toBe(1);
		expect(count(file, "SELECT count(*) FROM change_requests WHERE payload LIKE '%読み取り専用のときの提案%' OR payload LIKE '%JSON で送った提案%'")).toBe(0);
	});

	test('a running server whose file and directory lose write permission: 503 for writes, signed-in pages keep working, 200 again', async ({ browser }) => {
		test.setTimeout(START_TIMEOUT_MS + 120_000);
		volume = prepareVolume('readonly-running');
		const { file, listing } = volume;
		server = await startAppServer(file, { LOG_LEVEL: 'info' }, START_TIMEOUT_MS, { unprivileged: true, onLog: (line) => log.push(line) });
		const base = server.url;
		const curator = await signIn(browser, base, CURATOR.email);
		await expect(curator).toHaveURL(/\/admin$/);
		const desk = await signIn(browser, base, DESK_EMAIL);
		await expect(desk).toHaveURL(/\/admin$/);
		const memosBefore = count(file, 'SELECT count(*) FROM consultation_memos');

		setWritable(volume, false);
		await expect.poll(async () => (await readiness(server!)).status).toBe(503);
		const notReady = await readiness(server);
		expect(notReady.body.database).toMatchObject({ writable: false, connection: 'read-write' });
		expect(notReady.body.database.error).toMatch(/not writable by this process \(EACCES\)/);

		// Signed-in pages still open; an admin save is refused with the message.
		await curator.goto(`${base}/admin/listings/${listing.id}`, { waitUntil: 'networkidle' });
		await expect(curator.getByRole('heading', { level: 1 })).toContainText(listing.name);
		await verifyListing(curator, base, listing.id);
		await expect(curator.getByText(REFUSED)).toBeVisible();
		// A memo is refused the same way (before it is even checked), and a new sign-in too.
		const memo = await desk.request.post(`${base}/admin/memos/new?/save`, { form: { note: '読み取り専用のときのメモ' }, headers: { origin: base } });
		expect(memo.status()).toBe(503);
		expect(await memo.text()).toContain(REFUSED);
		const refusedLogin = await signIn(browser, base, CURATOR.email);
		await expect(refusedLogin.getByText(REFUSED)).toBeVisible();
		expect((await request(`${base}/api/search?q=${encodeURIComponent(listing.name)}`)).status).toBe(200);

		setWritable(volume, true);
		await expect.poll(async () => (await readiness(server!)).status).toBe(200);
		await verifyListing(curator, base, listing.id);
		// (The first save may load the reading dictionary: wait for the page, not a clock.)
		await expect(curator.getByRole('status')).toContainText('確認済みにしました', { timeout: 60_000 });

		await stopCleanly(server, log);
		server = null;
		expect(count(file, 'SELECT count(*) FROM consultation_memos')).toBe(memosBefore);
	});

	test('a running server on a volume that fills up (a real tmpfs): writes 503 with the reason, pages answer, 200 again once space is freed', async ({ browser }) => {
		test.setTimeout(START_TIMEOUT_MS + 120_000);
		mounted = mountTmpfs('full-volume');
		volume = prepareVolume('full-volume', { keepDirectory: true });
		const { directory, file, listing } = volume;
		server = await startAppServer(file, { LOG_LEVEL: 'info' }, START_TIMEOUT_MS, { unprivileged: true, onLog: (line) => log.push(line) });
		const base = server.url;
		const curator = await signIn(browser, base, CURATOR.email);
		await expect(curator).toHaveURL(/\/admin$/);

		// Fill the volume to the last byte (root: tmpfs keeps nothing in reserve).
		const filler = path.join(directory, 'filler');
		const chunk = Buffer.alloc(1024 * 1024, 1);
		const fd = fs.openSync(filler, 'w');
		try {
			for (;;) fs.writeSync(fd, chunk);
		} catch (error) {
			expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
		} finally {
			fs.closeSync(fd);
		}
		await expect.poll(async () => (await readiness(server!)).status).toBe(503);
		expect((await readiness(server)).body.database.error).toMatch(/is full \(\d+ bytes free\)/);
		await verifyListing(curator, base, listing.id);
		await expect(curator.getByText(REFUSED)).toBeVisible();
		expect((await request(`${base}/search?q=${encodeURIComponent(listing.name)}`)).body).toContain(listing.name);

		fs.rmSync(filler);
		await expect.poll(async () => (await readiness(server!)).status).toBe(200);
		await verifyListing(curator, base, listing.id);
		await expect(curator.getByRole('status')).toContainText('確認済みにしました', { timeout: 60_000 });
		await stopCleanly(server, log);
		server = null;
	});

	test('started as root on a volume mounted read-only (a tmpfs remounted ro: EROFS binds root too): pages answer, writes 503; remounted rw: 200, no restart', async ({ browser }) => {
		test.setTimeout(START_TIMEOUT_MS + 120_000);
		mounted = mountTmpfs('readonly-mount');
		volume = prepareVolume('readonly-mount', { keepDirectory: true });
		const { directory, file, listing, services } = volume;
		mount(['-o', 'remount,ro', directory]);
		server = await startAppServer(file, { LOG_LEVEL: 'info' }, START_TIMEOUT_MS, { until: 'live', onLog: (line) => log.push(line) });
		const base = server.url;
		const notReady = await readiness(server);
		expect(notReady.status).toBe(503);
		expect(notReady.body.database).toMatchObject({ writable: false, connection: 'snapshot' });
		expect(notReady.body.database.error).toMatch(/is on a read-only file system \(EROFS\)/);
		expect((await request(`${base}/search?q=${encodeURIComponent(listing.name)}`)).body).toContain(listing.name);
		expect((await request(`${base}/services/${listing.id}`)).status).toBe(200);
		const refusedLogin = await signIn(browser, base, CURATOR.email);
		await expect(refusedLogin.getByText(REFUSED)).toBeVisible();

		mount(['-o', 'remount,rw', directory]);
		await expect.poll(async () => (await readiness(server!)).status).toBe(200);
		const curator = await signIn(browser, base, CURATOR.email);
		await expect(curator).toHaveURL(/\/admin$/);
		await verifyListing(curator, base, listing.id);
		await expect(curator.getByRole('status')).toContainText('確認済みにしました', { timeout: 60_000 });
		await stopCleanly(server, log);
		server = null;
		expect(count(file, 'SELECT count(*) FROM services')).toBe(services);
	});
});
