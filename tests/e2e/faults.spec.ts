/**
 * Faults, with real processes: the production server (scripts/serve.js over build/) on a copy of
 * the e2e database and a real Meilisearch. Meilisearch is killed (SIGKILL) while searches keep
 * coming and a curator saves a change, then restarted: searches never fail, the outbox catches up,
 * and the change is in Meilisearch. The app is killed (SIGKILL) in the middle of a CSV import:
 * after a restart the database is whole (all rows of the file or none, no duplicates, no half
 * listings) and the same file imports again without doubling anything.
 * Every wait is for a state (a header, /readyz, a file), never for a time.
 */
import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createAccount } from '../helpers/accounts';
import { logIn } from './helpers/admin-login';
import { startMeilisearch, type MeilisearchProcess } from '../helpers/meilisearch';
import { copyDatabase, request, startAppServer, type AppServer } from '../../scripts/load/harness';

const PASSWORD = 'e2e faults correct horse';
const CURATOR = { email: 'faults-curator@e2e.example.jp', name: '障害試験担当' };
/** The first start indexes Meilisearch and loads kuromoji; on a busy 2-core machine that takes a while. */
const START_TIMEOUT_MS = 300_000;

function freshDatabase(name: string): string {
	const file = path.resolve(`test-results/${name}.db`);
	copyDatabase(path.resolve('test-results/e2e.db'), file);
	createAccount(file, PASSWORD, CURATOR, 'curator');
	return file;
}

const login = (page: Page, origin: string) => logIn(page, CURATOR, PASSWORD, origin);

async function readiness(server: AppServer): Promise<{ httpStatus: number; outbox: { pending: number } | null; search: { engine: string } }> {
	const answer = await request(`${server.url}/readyz`);
	return { httpStatus: answer.status, ...(JSON.parse(answer.body) as { outbox: { pending: number } | null; search: { engine: string } }) };
}

test.describe('Meilisearch killed and restarted under load', () => {
	let meili: MeilisearchProcess | null = null;
	let server: AppServer | null = null;
	test.afterEach(async () => {
		await server?.stop();
		await meili?.dispose();
	});

	test('searches keep answering; a change saved during the outage is in Meilisearch afterwards', async ({ page }) => {
		test.setTimeout(START_TIMEOUT_MS + 300_000);
		const databasePath = freshDatabase('faults-meili');
		const db = new Database(databasePath, { readonly: true });
		const listing = db.prepare("SELECT id, name FROM services WHERE status = 'published' ORDER BY id LIMIT 1").get() as { id: string; name: string };
		db.close();
		meili = await startMeilisearch();
		server = await startAppServer(databasePath, { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, MEILI_INDEX: 'services' }, START_TIMEOUT_MS);
		const searchUrl = `${server.url}/api/search?q=${encodeURIComponent('サロン')}&per_page=5`;
		await expect.poll(async () => (await request(searchUrl)).headers['x-search-engine'], { timeout: START_TIMEOUT_MS }).toBe('meilisearch');

		// Searches from four clients for the whole outage: (status, engine) of every answer.
		const answers: Array<{ status: number; engine: string }> = [];
		let stopping = false;
		const pages = ['/api/search?q=' + encodeURIComponent('薬局'), '/search?q=' + encodeURIComponent('サロン'), '/api/search?q=' + encodeURIComponent('子ども食堂') + '&lat=33.5597&lng=133.5311'];
		const clients = Array.from({ length: 4 }, async (_, client) => {
			for (let i = client; !stopping; i++) {
				const answer = await request(server!.url + pages[i % pages.length]).catch(() => ({ status: 0, headers: {} as Record<string, string> }));
				answers.push({ status: answer.status, engine: String(answer.headers['x-search-engine'] ?? '') });
			}
		});

		await expect.poll(() => answers.filter((answer) => answer.engine === 'meilisearch').length).toBeGreaterThan(5);
		await meili.kill();
		const killedAt = answers.length;
		// The embedded engine answers while Meilisearch is gone.
		await expect.poll(() => answers.slice(killedAt).filter((answer) => answer.status === 200 && answer.engine === 'embedded').length, { timeout: 60_000 }).toBeGreaterThan(10);

		// A curator renames the listing meanwhile: saved in SQLite, waiting in the outbox for Meilisearch.
		const newName = `${listing.name}（停止中に修正）`;
		await login(page, server.url);
		await page.goto(`${server.url}/admin/listings/${listing.id}`, { waitUntil: 'networkidle' });
		await page.getByLabel(/^名称/).fill(newName);
		await page.getByRole('button', { name: '保存する' }).first().click();
		await expect(page.getByRole('status').filter({ hasText: '保存しました' })).toBeVisible({ timeout: 60_000 });
		await expect.poll(async () => (await readiness(server!)).outbox?.pending ?? 0).toBeGreaterThan(0);

		await meili.restart();
		const restartedAt = answers.length;
		// The outbox catches up on its own (its retry), and searches go back to Meilisearch.
		await expect.poll(async () => (await readiness(server!)).outbox?.pending, { timeout: 120_000 }).toBe(0);
		await expect.poll(() => answers.slice(restartedAt).filter((answer) => answer.engine === 'meilisearch').length, { timeout: 60_000 }).toBeGreaterThan(5);
		stopping = true;
		await Promise.all(clients);

		const stored = await fetch(`${meili.url}/indexes/services/documents/${listing.id}`, { headers: { authorization: `Bearer ${meili.masterKey}` } });
		expect(((await stored.json()) as { name: string }).name).toBe(newName);
		const found = JSON.parse((await request(`${server.url}/api/search?q=${encodeURIComponent(newName)}`)).body) as { hits: Array<{ id: string; name: string }> };
		expect(found.hits.find((hit) => hit.id === listing.id)?.name).toBe(newName);

		expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
		expect(new Set(answers.map((answer) => answer.engine).filter(Boolean))).toEqual(new Set(['meilisearch', 'embedded']));
		// And it still stops cleanly (SIGTERM: outbox flushed, SQLite closed, exit 0).
		const running = server;
		server = null;
		expect(await running.stop()).toBe(0);
	});
});

test.describe('the app killed during a CSV import', () => {
	let server: AppServer | null = null;
	test.afterEach(async () => {
		await server?.stop();
	});

	const ROWS = 900;
	const PREFIX = '強制終了試験の集い';
	const header = '名称,よみがな,分野,種類,対象,住所,緯度,経度,電話番号,内容';
	const description = '毎週みんなで体操をして、お茶を飲みながら話をしています。初めての方も歓迎します。'.repeat(2);
	const csv = [header, ...Array.from({ length: ROWS }, (_, i) => `${PREFIX}${String(i + 1).padStart(4, '0')},きょうせいしゅうりょうしけんのつどい,地域資源,サロン・通いの場,高齢者,本町5丁目${i + 1}番,${(33.55 + i * 1e-5).toFixed(5)},133.53000,088-823-9451,${description}`)].join('\r\n') + '\r\n';
	const file = { name: 'kill-test.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') };

	async function startImport(page: Page, base: string): Promise<void> {
		await page.goto(`${base}/admin/data`, { waitUntil: 'networkidle' });
		await page.getByLabel('ファイル').setInputFiles(file);
		await page.getByRole('button', { name: '内容を確かめる' }).click();
		await expect(page.getByText(`新規 ${ROWS} 件`).or(page.getByText(`更新 ${ROWS} 件`)).first()).toBeVisible({ timeout: 120_000 });
		await page.getByRole('button', { name: '読み込む' }).click();
	}

	/** What the file left in the database: its listings, their names, and listings missing a part. */
	function imported(databasePath: string) {
		const db = new Database(databasePath, { readonly: true });
		try {
			const integrity = db.pragma('integrity_check', { simple: true });
			const foreignKeys = db.pragma('foreign_key_check') as unknown[];
			const names = db.prepare('SELECT name FROM services WHERE name LIKE ?').pluck().all(`${PREFIX}%`) as string[];
			const withoutLocation = db
				.prepare('SELECT count(*) FROM services s WHERE s.name LIKE ? AND NOT EXISTS (SELECT 1 FROM service_locations sl WHERE sl.service_id = s.id)')
				.pluck()
				.get(`${PREFIX}%`) as number;
			return { integrity, foreignKeys, count: names.length, distinct: new Set(names).size, withoutLocation };
		} finally {
			db.close();
		}
	}

	test('after SIGKILL mid-import the database holds all of the file or none of it; importing again doubles nothing', async ({ page }) => {
		test.setTimeout(START_TIMEOUT_MS + 300_000);
		const databasePath = freshDatabase('faults-import');
		const env = { GEOCODE_INTERVAL_MS: '0' };
		server = await startAppServer(databasePath, env, START_TIMEOUT_MS);
		await login(page, server.url);
		const wal = `${databasePath}-wal`;
		const walBefore = fs.existsSync(wal) ? fs.statSync(wal).size : 0;

		// The write transaction spills pages into the WAL long before it commits: kill the server as
		// soon as the WAL grows (the import is writing), not after some time.
		const killed = new Promise<void>((resolve) => {
			const watcher = setInterval(() => {
				if (fs.existsSync(wal) && fs.statSync(wal).size > walBefore + 256 * 1024) {
					clearInterval(watcher);
					server!.child.kill('SIGKILL');
					resolve();
				}
			}, 5);
		});
		const exited = new Promise((resolve) => server!.child.once('exit', resolve));
		await startImport(page, server.url);
		await killed;
		await exited;
		server = null;

		const afterKill = imported(databasePath);
		expect(afterKill.integrity).toBe('ok');
		expect(afterKill.foreignKeys).toEqual([]);
		expect([0, ROWS]).toContain(afterKill.count);
		expect(afterKill.distinct).toBe(afterKill.count);
		expect(afterKill.withoutLocation).toBe(0);
		const outcome = afterKill.count === 0 ? 'before the commit: nothing written' : 'after the commit: every row written';
		test.info().annotations.push({ type: 'killed', description: outcome });
		console.log(`faults: the server was killed ${outcome}`);

		// Restarted: ready, and the same file again completes the import without doubling anything.
		server = await startAppServer(databasePath, env, START_TIMEOUT_MS);
		expect((await readiness(server)).httpStatus).toBe(200);
		// The curator's session was saved before the crash, so it still holds (same host, new port).
		await startImport(page, server.url);
		await expect(page).toHaveURL(/\/admin\/data\/jobs\//);
		await expect(page.getByRole('status')).toContainText('読み込みが終わりました。', { timeout: 120_000 });
		const afterRetry = imported(databasePath);
		expect(afterRetry).toMatchObject({ integrity: 'ok', foreignKeys: [], count: ROWS, distinct: ROWS, withoutLocation: 0 });
		// And the public search finds them (the embedded index was repaired or written on the retry).
		const found = JSON.parse((await request(`${server.url}/api/search?q=${encodeURIComponent(`${PREFIX}0450`)}`)).body) as { hits: Array<{ name: string }> };
		expect(found.hits.map((hit) => hit.name)).toContain(`${PREFIX}0450`);
	});
});
