/**
 * Liveness and readiness, for a load balancer or an orchestrator. /healthz answers while the
 * process runs; /readyz only when the instance can do its job: the database takes writes and its
 * migrations are applied. The search engine and the outbox backlog are reported (Meilisearch being
 * down is "degraded", not "not ready": the embedded engine answers meanwhile).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { App } from '../app';
import { connectionMode, databaseFileAccess, reopenDatabase, snapshotOutdated, type AppDatabase, type ConnectionMode } from '../db';

export interface Readiness {
	ready: boolean;
	database: { writable: boolean; error?: string; connection: ConnectionMode; migrations: { applied: number; expected: number } };
	search: { engine: 'embedded' | 'meilisearch'; primaryAvailable: boolean };
	outbox: { pending: number; failures: number } | null;
}

/** A real write (the header's user_version, rewritten to its own value): fails on a read-only file, a full disk, query_only. */
export function probeWritable(db: AppDatabase): { writable: boolean; error?: string } {
	try {
		const version = db.$client.pragma('user_version', { simple: true }) as number;
		db.$client.pragma(`user_version = ${Number(version) | 0}`);
		return { writable: true };
	} catch (error) {
		return { writable: false, error: error instanceof Error ? error.message : String(error) };
	}
}

export function migrationState(db: AppDatabase, migrationsDir: string): { applied: number; expected: number } {
	let expected = 0;
	try {
		const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
		expected = journal.entries.length;
	} catch {
		expected = -1; // no journal to compare with: reported, not fatal
	}
	const applied = db.$client.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number;
	return { applied, expected };
}

/**
 * SQLite's answer when it cannot write the file (read-only file or volume, full disk, I/O error on
 * write): the code (e.g. SQLITE_FULL), or null for any other error.
 */
export function storageFailure(error: unknown): string | null {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' && /^SQLITE_(READONLY|FULL|IOERR|CANTOPEN)/.test(code) ? code : null;
}

/** Below this much free space on the database's volume, writes are refused before SQLite runs out mid-write. */
export const MIN_FREE_BYTES = 1024 * 1024;

/** A full volume (statfs; space available to this process): the reason, or null. */
function volumeFull(file: string): string | null {
	try {
		const stats = fs.statfsSync(path.dirname(file));
		const free = stats.bavail * stats.bsize;
		return free < MIN_FREE_BYTES ? `the volume holding ${file} is full (${free} bytes free)` : null;
	} catch {
		return null;
	}
}

/** The probe writes, so its answer is kept a moment: a busy load balancer does not add write load. */
const PROBE_CACHE_MS = 1000;
let cached: { at: number; db: AppDatabase; value: { writable: boolean; error?: string } } | null = null;

/**
 * Read-only maintenance: while a file named like the database plus `.readonly` exists (e.g.
 * `touch data/tsunagi.db.readonly` during a move or a restore check), the connection refuses
 * writes (query_only), pages and searches keep answering, writes get 503. Removing the file ends it.
 */
export function maintenanceFlag(databasePath: string): string {
	return `${databasePath}.readonly`;
}

/**
 * Whether the database takes writes now (cached for a second). Read-only when the maintenance flag
 * is there, when the file (or its directory, or the volume) cannot be written by this process, or
 * when a real write fails (a full disk). A connection opened read-only is reopened read-write as
 * soon as the file is writable again; one opened read-write refuses writes (query_only) while the
 * file is not, as a fresh start would.
 */
export function databaseWritable(app: Pick<App, 'db' | 'config'>, now = Date.now()): { writable: boolean; error?: string } {
	if (cached && cached.db === app.db && now - cached.at <= PROBE_CACHE_MS) return cached.value;
	const file = app.config.databasePath;
	const readOnlyMode = fs.existsSync(maintenanceFlag(file));
	const access = file === ':memory:' ? { writable: true } : databaseFileAccess(file);
	const full = file === ':memory:' ? null : volumeFull(file);
	let reopenError: string | undefined;
	if (connectionMode(app.db) !== 'read-write' && (access.writable || snapshotOutdated(app.db))) {
		try {
			reopenDatabase(app.db);
		} catch (error) {
			reopenError = `reopening the database failed: ${error instanceof Error ? error.message : String(error)}`;
		}
	}
	const connection = connectionMode(app.db);
	if (connection === 'read-write') app.db.$client.pragma(`query_only = ${readOnlyMode || !access.writable || full ? 'ON' : 'OFF'}`);
	const probe = probeWritable(app.db);
	const value = probe.writable
		? probe
		: {
				writable: false,
				error: readOnlyMode ? 'read-only maintenance (flag file present)' : !access.writable ? (access.reason ?? probe.error) : (full ?? reopenError ?? probe.error)
			};
	cached = { at: now, db: app.db, value };
	return value;
}

export function readiness(app: Pick<App, 'db' | 'config' | 'search' | 'searchSync'>, now = Date.now()): Readiness {
	const write = databaseWritable(app, now);
	const migrations = migrationState(app.db, app.config.migrationsDir);
	const outbox = app.searchSync.outbox as { pendingCount?: () => number; failureCount?: number } | null;
	return {
		ready: write.writable && migrations.expected >= 0 && migrations.applied >= migrations.expected,
		database: { ...write, connection: connectionMode(app.db), migrations },
		search: { engine: app.search.primary.name, primaryAvailable: app.search.primaryAvailable },
		outbox: outbox?.pendingCount ? { pending: outbox.pendingCount(), failures: outbox.failureCount ?? 0 } : null
	};
}

/** Forgets the cached probe (tests). */
export function forgetWriteProbe(): void {
	cached = null;
}
