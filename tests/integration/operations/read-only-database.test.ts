/**
 * Opening a database the process cannot write, on real files: the app's openDatabase runs in a
 * separate process as an unprivileged user (uid/gid 65534 through setpriv when the tests run as
 * root, since root ignores file permissions; as itself otherwise). Reads must work and see every
 * committed row; writes fail with SQLITE_READONLY. The running server's side (503s, /readyz,
 * reopening once writable) is in tests/e2e/read-only-database.spec.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../../src/lib/server/db';
import { UNPRIVILEGED_ID } from '../../../scripts/load/harness';

fs.mkdirSync(path.resolve('test-results'), { recursive: true });
const root = fs.mkdtempSync(path.join(path.resolve('test-results'), 'readonly-open-'));
fs.chmodSync(root, 0o755);
afterAll(() => {
	for (const entry of fs.readdirSync(root)) fs.chmodSync(path.join(root, entry), 0o755);
	fs.rmSync(root, { recursive: true, force: true });
});

interface Probe {
	mode: string;
	access: { writable: boolean; reason?: string };
	misses: string[];
	writeError: string | null;
}

/** A migrated database with one committed row, closed cleanly (WAL in the header, no -wal or -shm). */
function database(name: string): { directory: string; file: string } {
	const directory = path.join(root, name);
	fs.mkdirSync(directory);
	const file = path.join(directory, 'tsunagi.db');
	const db = openDatabase(file, { migrationsDir: path.resolve('drizzle') });
	db.$client.prepare("INSERT INTO search_misses (query, count, last_at) VALUES ('committed', 1, '2026-11-30')").run();
	db.$client.close();
	return { directory, file };
}

function giveToServiceUser(...files: string[]): void {
	if (UNPRIVILEGED_ID !== null) for (const file of files) fs.chownSync(file, UNPRIVILEGED_ID, UNPRIVILEGED_ID);
}

function probe(file: string): Probe {
	const tsx = path.resolve('node_modules/.bin/tsx');
	const command = UNPRIVILEGED_ID === null ? tsx : 'setpriv';
	const args = UNPRIVILEGED_ID === null ? [] : [`--reuid=${UNPRIVILEGED_ID}`, `--regid=${UNPRIVILEGED_ID}`, '--clear-groups', tsx];
	const out = execFileSync(command, [...args, 'tests/helpers/open-database-probe.ts', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 60_000 });
	return JSON.parse(out.trim().split('\n').pop()!) as Probe;
}

describe('a database this process cannot write', () => {
	it('a WAL database in a read-only directory (a read-only volume): served from a copy in memory, writes refused', () => {
		const { directory, file } = database('volume');
		giveToServiceUser(directory, file);
		fs.chmodSync(file, 0o444);
		fs.chmodSync(directory, 0o555);
		const found = probe(file);
		expect(found).toMatchObject({ mode: 'snapshot', access: { writable: false }, misses: ['committed'], writeError: 'SQLITE_READONLY' });
		expect(found.access.reason).toMatch(/the database file .* is not writable by this process \(EACCES\)/);
		// Nothing was created beside it, nothing changed in it.
		expect(fs.readdirSync(directory)).toEqual(['tsunagi.db']);
	});

	it('a read-only file in a writable directory (a restored copy): opened read-only, writes refused', () => {
		const { directory, file } = database('copy');
		giveToServiceUser(directory, file);
		fs.chmodSync(file, 0o444);
		expect(probe(file)).toMatchObject({ mode: 'read-only', access: { writable: false }, misses: ['committed'], writeError: 'SQLITE_READONLY' });
	});

	it('a volume gone read-only after a crash (-wal and -shm left behind): rows only in the WAL are read too', () => {
		const { directory, file } = database('crashed');
		// A writer commits into the WAL (no checkpoint) and is killed: the -wal and -shm stay.
		const writer = `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(file)}); db.pragma('wal_autocheckpoint = 0');
			db.prepare("INSERT INTO search_misses (query, count, last_at) VALUES ('only in the wal', 1, '2026-11-30')").run(); process.kill(process.pid, 'SIGKILL');`;
		expect(() => execFileSync(process.execPath, ['-e', writer], { stdio: 'ignore' })).toThrow();
		expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
		giveToServiceUser(directory, file, `${file}-wal`, `${file}-shm`);
		for (const entry of [file, `${file}-wal`, `${file}-shm`]) fs.chmodSync(entry, 0o444);
		fs.chmodSync(directory, 0o555);
		expect(probe(file)).toMatchObject({ mode: 'read-only', access: { writable: false }, misses: ['committed', 'only in the wal'], writeError: 'SQLITE_READONLY' });
	});

	it('the same files, writable: opened read-write and migrated', () => {
		const { directory, file } = database('writable');
		giveToServiceUser(directory, file);
		expect(probe(file)).toMatchObject({ mode: 'read-write', access: { writable: true }, misses: ['committed', 'probe'], writeError: null });
	});
});
