/**
 * Online backups of the SQLite database with SQLite's backup API (better-sqlite3 `db.backup()`),
 * safe while the site serves: WAL readers do not block writers, and the copy is one consistent
 * snapshot that holds every transaction committed before the backup began.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export interface BackupResult {
	file: string;
	bytes: number;
	integrity: string;
	milliseconds: number;
}

/** "tsunagi-20261124T201530Z.db": sortable, and says UTC so there is no doubt about the hour. */
export function backupFileName(now = new Date(), prefix = 'tsunagi'): string {
	const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
	return `${prefix}-${stamp}.db`;
}

export function integrityCheck(file: string): string {
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		return (db.pragma('integrity_check', { simple: true }) as string) ?? 'unknown';
	} finally {
		db.close();
	}
}

/**
 * A backup is one self-contained file: switched from WAL to a rollback journal, so opening it
 * (the integrity check, a restore) leaves no -wal and -shm files beside it. The site switches a
 * restored copy back to WAL when it opens it.
 */
function makeSelfContained(file: string): void {
	const db = new Database(file, { fileMustExist: true });
	try {
		db.pragma('journal_mode = DELETE');
	} finally {
		db.close();
	}
}

/**
 * Creates the folder one level at a time. (Node's recursive mkdirSync never returns for some
 * paths, e.g. under /proc: it retries the parent for ever.) Errors say which folder and why.
 */
export function ensureDirectory(dir: string): void {
	const missing: string[] = [];
	let current = path.resolve(dir);
	while (!fs.existsSync(current)) {
		missing.unshift(current);
		const parent = path.dirname(current);
		if (parent === current) break;
		current = parent;
	}
	try {
		if (missing.length === 0 && !fs.statSync(current).isDirectory()) throw new Error('not a folder');
		for (const folder of missing) fs.mkdirSync(folder);
		fs.accessSync(dir, fs.constants.W_OK);
	} catch (cause) {
		const reason = cause instanceof Error && 'code' in cause ? String(cause.code) : cause instanceof Error ? cause.message : String(cause);
		throw new Error(`cannot write backups to ${dir} (${reason})`);
	}
}

export async function backupDatabase(sourceFile: string, outDir: string, now = new Date()): Promise<BackupResult> {
	const started = performance.now();
	if (!fs.existsSync(sourceFile)) throw new Error(`no database at ${sourceFile} (set DATABASE_PATH)`);
	ensureDirectory(outDir);
	let file = path.join(outDir, backupFileName(now));
	for (let n = 2; fs.existsSync(file); n++) file = path.join(outDir, backupFileName(now).replace(/\.db$/, `-${n}.db`));
	const source = new Database(sourceFile, { fileMustExist: true });
	source.pragma('busy_timeout = 5000');
	try {
		// Copy everything in one step after the first: a write by another connection between steps
		// would restart the copy, and a busy site could keep restarting it for ever.
		await source.backup(file, { progress: ({ remainingPages }) => Math.max(remainingPages, 100) });
	} catch (cause) {
		fs.rmSync(file, { force: true });
		throw cause;
	} finally {
		source.close();
	}
	makeSelfContained(file);
	const integrity = integrityCheck(file);
	if (integrity !== 'ok') throw new Error(`backup ${file} failed its integrity check: ${integrity}`);
	return { file, bytes: fs.statSync(file).size, integrity, milliseconds: Math.round(performance.now() - started) };
}
