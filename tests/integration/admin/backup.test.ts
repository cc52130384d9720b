/**
 * A backup taken while another process keeps writing restores to a database that passes
 * integrity_check and holds every listing committed before the backup began.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../src/lib/server/db';
import { backupDatabase, backupFileName, integrityCheck } from '../../../src/lib/server/admin/backup';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-backup-'));
const file = path.join(dir, 'live.db');
let writer: ChildProcess | null = null;

/** Inserts listings (each in its own transaction) as fast as it can until killed. */
const WRITER_SOURCE = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 5000');
const insert = db.prepare("INSERT INTO services (id, organization_id, name, field, status) VALUES (?, 'org', ?, '地域資源', 'published')");
let n = 0;
function loop() {
	for (let i = 0; i < 20; i++) { n++; insert.run('w-' + process.pid + '-' + n, 'サロン ' + n); }
	if (n === 200) process.stdout.write('ready\\n');
	setImmediate(loop);
}
loop();
`;

beforeAll(() => {
	const db = openDatabase(file, { migrationsDir: path.resolve('drizzle') });
	db.$client.prepare("INSERT INTO organizations (id, name, kind) VALUES ('org', '旭地区社協', '社協')").run();
	// Enough rows that the copy takes many pages.
	const insert = db.$client.prepare("INSERT INTO services (id, organization_id, name, description, field, status) VALUES (?, 'org', ?, ?, '地域資源', 'published')");
	db.$client.transaction(() => {
		for (let i = 0; i < 5000; i++) insert.run(`seed-${i}`, `サロン ${i}`, '毎月第2・第4火曜 10:00〜11:30 '.repeat(10));
	})();
	db.$client.close();
});

afterAll(() => {
	writer?.kill('SIGKILL');
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('db:backup', () => {
	it('names backups with a sortable UTC timestamp', () => {
		expect(backupFileName(new Date('2026-11-24T20:15:30.123Z'))).toBe('tsunagi-20261124T201530Z.db');
	});

	it('copies a consistent database while another process writes, and the copy restores', async () => {
		writer = spawn(process.execPath, ['-e', WRITER_SOURCE, file], { stdio: ['ignore', 'pipe', 'inherit'] });
		await new Promise<void>((resolve, reject) => {
			writer!.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
			writer!.on('exit', (code) => reject(new Error(`writer exited early (${code})`)));
		});
		// Everything committed up to here must be in the backup.
		const reader = new Database(file, { readonly: true });
		const committedBefore = reader.prepare('SELECT id FROM services').pluck().all() as string[];
		reader.close();

		const result = await backupDatabase(file, path.join(dir, 'backups'));
		const rowsWhenDone = new Database(file, { readonly: true });
		const totalAfter = rowsWhenDone.prepare('SELECT count(*) FROM services').pluck().get() as number;
		rowsWhenDone.close();
		writer.kill('SIGKILL');
		writer = null;
		expect(totalAfter).toBeGreaterThan(committedBefore.length); // the writer really kept writing
		expect(result.integrity).toBe('ok');
		expect(path.basename(result.file)).toMatch(/^tsunagi-\d{8}T\d{6}Z\.db$/);
		// One self-contained file: no empty -wal / -shm beside it.
		expect(fs.readdirSync(path.dirname(result.file))).toEqual([path.basename(result.file)]);

		// Restore as the README (Backups) says: copy the file into place (no -wal/-shm next to it), open.
		const restored = path.join(dir, 'restored.db');
		fs.copyFileSync(result.file, restored);
		expect(integrityCheck(restored)).toBe('ok');
		const db = openDatabase(restored, { migrationsDir: path.resolve('drizzle') });
		const restoredIds = new Set(db.$client.prepare('SELECT id FROM services').pluck().all() as string[]);
		db.$client.close();
		const missing = committedBefore.filter((id) => !restoredIds.has(id));
		expect(missing).toEqual([]);
	});

	it('fails at once, with one clear line, when the folder cannot be written or --out has no value', () => {
		const notAFolder = path.join(dir, 'plain-file');
		fs.writeFileSync(notAFolder, '');
		const cases: Array<{ args: string[]; code: number; message: RegExp }> = [
			{ args: ['--out'], code: 2, message: /--out <value>' argument missing/ },
			// Node's recursive mkdir never returns here; the backup must not hang.
			{ args: ['--out', '/proc/tsunagi-nope'], code: 1, message: /cannot write backups to \/proc\/tsunagi-nope/ },
			{ args: ['--out', notAFolder], code: 1, message: /cannot write backups to .*not a folder/ },
			{ args: ['--unknown'], code: 2, message: /Unknown option '--unknown'/ }
		];
		for (const { args, code, message } of cases) {
			const run = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/db-backup.ts', ...args], {
				env: { ...process.env, DATABASE_PATH: file },
				encoding: 'utf8',
				timeout: 60_000
			});
			expect(run.status, args.join(' ')).toBe(code);
			expect(run.stderr).toMatch(message);
			expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
		}
	}, 120_000);
});
