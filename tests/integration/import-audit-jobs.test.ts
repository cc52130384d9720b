/**
 * Imports leave a trace: every import that is not a dry run writes an audit entry (who, which
 * file, what came of it), from the admin and from the command line; and an admin import job is
 * stored in SQLite, so after a restart it is still there — finished with its report, or marked
 * interrupted — instead of vanishing with the process. Real SQLite files.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db';
import { loadCityProfile } from '../../src/lib/server/city-profile';
import { HsdsImporter, importDefaults } from '../../src/lib/server/importers/hsds-import';
import { importDataFile } from '../../src/lib/server/importers/data-files';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-import-audit-'));
const profile = loadCityProfile();
const opened: AppDatabase[] = [];
let counter = 0;

function freshDatabase(): { db: AppDatabase; file: string } {
	const file = path.join(dir, `db-${counter++}.db`);
	const db = openDatabase(file, { migrationsDir: path.resolve('drizzle') });
	opened.push(db);
	new HsdsImporter(db, importDefaults(profile)).ensureBuiltInTerms();
	return { db, file };
}

afterAll(() => {
	for (const db of opened) if (db.$client.open) db.$client.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

const CSV = '名称,分野,種類,住所,緯度,経度\r\nみなみ薬局,医療,薬局,本町5丁目1-45,33.5597,133.5311\r\nきた薬局,医療,薬局,北本町1-1,33.566,133.54\r\n';
const BAD_CSV = '名称,分野,種類,住所\r\nみなみ薬局,医療,薬局,本町5丁目1-45\r\n,医療,薬局,本町1-1\r\n';

interface ImportEntry {
	user_id: string | null;
	entity_id: string;
	after: { file: string; format: string; by: string; ok: boolean; counts: Record<string, number> };
}

function importEntries(db: AppDatabase): ImportEntry[] {
	return (db.$client.prepare("SELECT user_id, entity_id, after FROM audit_log WHERE entity = 'import' AND action = 'import' ORDER BY id").all() as Array<{ user_id: string | null; entity_id: string; after: string }>).map(
		(row) => ({ ...row, after: JSON.parse(row.after) })
	);
}

describe('import audit', () => {
	it('records who imported which file with its counts (CSV and HSDS), and nothing for a dry run', async () => {
		const { db } = freshDatabase();
		const user = { userId: null, name: '学習用の担当者' };
		await importDataFile(db, { bytes: Buffer.from(CSV), fileName: 'pharmacies.csv', profile, actor: { ...user, jobId: 'job-1' } });
		await importDataFile(db, { bytes: Buffer.from(CSV), fileName: 'again.csv', profile, dryRun: true, actor: user });
		await importDataFile(db, { bytes: Buffer.from(BAD_CSV), fileName: 'bad.csv', profile, actor: user });
		const hsds = { services: [{ id: 'not-a-uuid' }, { name: '' }] };
		await importDataFile(db, { bytes: Buffer.from(JSON.stringify(hsds)), fileName: 'directory.json', profile, actor: user });

		const entries = importEntries(db);
		expect(entries.map((entry) => entry.after.file)).toEqual(['pharmacies.csv', 'bad.csv', 'directory.json']);
		expect(entries[0]).toMatchObject({ entity_id: 'job-1', after: { format: 'csv', by: '学習用の担当者', ok: true, counts: { created: 2, updated: 0 } } });
		expect(entries[1].after).toMatchObject({ format: 'csv', ok: false, counts: { created: 0, bad_rows: 1 } });
		expect(entries[2].after).toMatchObject({ format: 'hsds', ok: false });
		expect(entries[2].after.counts).toMatchObject({ service: 0, rejected: 2 });
	});

	it('names the operating-system account for `npm run data:import`', () => {
		const { db, file } = freshDatabase();
		db.$client.close();
		const csv = path.join(dir, 'cli.csv');
		fs.writeFileSync(csv, CSV);
		const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/data-import.ts', csv], {
			env: { ...process.env, DATABASE_PATH: file, GEOCODER: 'fake' },
			encoding: 'utf8'
		});
		expect(run.status, run.stderr).toBe(0);
		const reopened = openDatabase(file, { migrationsDir: path.resolve('drizzle') });
		opened.push(reopened);
		const [entry] = importEntries(reopened);
		expect(entry.after).toMatchObject({ file: 'cli.csv', by: `コマンドライン（${os.userInfo().username}）`, counts: { created: 2 } });
		expect(entry.user_id).toBeNull();
	});
});

describe('admin import jobs', () => {
	it('are stored: after a restart a finished job keeps its report and a running one shows as interrupted', async () => {
		const { db } = freshDatabase();
		const userId = 'u-curator';
		db.$client.prepare("INSERT INTO users (id, email, display_name, password_hash, role) VALUES (?, 'c@example.jp', '担当', 'x', 'curator')").run(userId);
		const jobs = await import('../../src/lib/server/importers/import-jobs');
		const finished = jobs.startJob(db, userId, 'done.csv', async (job) => {
			Object.assign(job, { phase: 'write', done: 1, total: 1 });
			return { ok: true, lines: ['読み込みました: 新規 1 件'] };
		});
		let neverEnds: Promise<never> | null = null;
		const running = jobs.startJob(db, userId, 'long.csv', (job) => {
			Object.assign(job, { phase: 'geocode', done: 3, total: 40 });
			neverEnds = new Promise<never>(() => {});
			return neverEnds;
		});
		await vi.waitFor(() => expect(jobs.getJob(db, finished.id, userId)?.finished).toBe(true));
		expect(neverEnds).not.toBeNull();
		expect(db.$client.prepare('SELECT status, phase FROM import_jobs WHERE id = ?').get(running.id)).toEqual({ status: 'running', phase: 'geocode' });

		// A new process: nothing in memory, the stored rows only.
		vi.resetModules();
		const restarted = await import('../../src/lib/server/importers/import-jobs');
		expect(restarted.markInterruptedJobs(db)).toBe(1);
		const interrupted = restarted.getJob(db, running.id, userId)!;
		expect(interrupted).toMatchObject({ fileName: 'long.csv', finished: true, result: null });
		expect(interrupted.error).toContain('何も保存されていません');
		expect(restarted.getJob(db, finished.id, userId)).toMatchObject({ finished: true, error: null, result: { ok: true, lines: ['読み込みました: 新規 1 件'] } });
		expect(restarted.getJob(db, finished.id, 'someone-else')).toBeNull();
		expect(restarted.recentJobs(db, userId).map((job) => [job.fileName, job.status]).sort()).toEqual([
			['done.csv', 'done'],
			['long.csv', 'interrupted']
		]);
	});
});
