import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import * as schema from './schema';

export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenOptions {
	migrationsDir: string;
	readonly?: boolean;
}

/**
 * How the connection reaches the file: `read-write`; `read-only` (the file, or the volume it is on,
 * cannot be written by this process, so SQLite opened it for reading); `snapshot` (a WAL database
 * in a directory this process cannot write: SQLite cannot open it there without creating its -shm,
 * so the file is read into memory and served from there until it is writable again).
 */
export type ConnectionMode = 'read-write' | 'read-only' | 'snapshot';

export interface FileAccess {
	writable: boolean;
	/** Why not, in words an operator acts on (EACCES, EROFS …). */
	reason?: string;
}

function canAccess(file: string, mode: number): NodeJS.ErrnoException | null {
	try {
		fs.accessSync(file, mode);
		return null;
	} catch (error) {
		return error as NodeJS.ErrnoException;
	}
}

function accessReason(error: NodeJS.ErrnoException, what: string, file: string): string {
	const why =
		error.code === 'EROFS' ? 'is on a read-only file system (EROFS)' : error.code === 'EACCES' || error.code === 'EPERM' ? `is not writable by this process (${error.code})` : `cannot be written (${error.code ?? error.message})`;
	return `${what} ${file} ${why}`;
}

/**
 * Whether a connection opened now could write: the file is writable for this process (access(2):
 * permissions, a read-only mount) and SQLite can create its -wal and -shm beside it, or they exist
 * and are writable. (A connection opened earlier may still hold a writable descriptor: the app
 * goes by the file as it is now, as a fresh start would.)
 */
export function databaseFileAccess(file: string): FileAccess {
	const { W_OK, X_OK } = fs.constants;
	const fileError = canAccess(file, W_OK);
	if (fileError) return { writable: false, reason: accessReason(fileError, 'the database file', file) };
	const directory = path.dirname(file);
	const directoryError = canAccess(directory, W_OK | X_OK);
	if (!directoryError) return { writable: true };
	const sideFiles = [`${file}-wal`, `${file}-shm`];
	if (sideFiles.every((side) => fs.existsSync(side) && !canAccess(side, W_OK))) return { writable: true };
	return { writable: false, reason: accessReason(directoryError, 'the database directory', directory) };
}

interface Connection {
	file: string;
	options: OpenOptions;
	sqlite: Database.Database;
	mode: ConnectionMode;
	/** For a snapshot: the file as it was read (a replaced or changed file is read again). */
	snapshotOf: string | null;
	/** Functions of the current connection, bound once (the proxy hands them out on every call). */
	bound: Map<PropertyKey, unknown>;
	reopened: Array<() => void>;
}

const connections = new WeakMap<object, Connection>();

function connectionOf(db: AppDatabase): Connection {
	const connection = connections.get(db.$client);
	if (!connection) throw new Error('not a database opened by openDatabase');
	return connection;
}

function configure(sqlite: Database.Database, mode: ConnectionMode): void {
	if (mode === 'read-write') {
		sqlite.pragma('journal_mode = WAL');
		sqlite.pragma('synchronous = NORMAL');
	}
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
}

/** A read-only connection, or an in-memory copy where SQLite cannot read the file in place. */
function connectReadOnly(file: string): { sqlite: Database.Database; mode: ConnectionMode; snapshotOf?: string } {
	const directoryWritable = !canAccess(path.dirname(file), fs.constants.W_OK | fs.constants.X_OK);
	if (directoryWritable || fs.existsSync(`${file}-wal`)) {
		const sqlite = new Database(file, { readonly: true, fileMustExist: true });
		try {
			// The first read opens the WAL (read-only -shm works when it exists).
			sqlite.prepare('SELECT count(*) FROM sqlite_schema').get();
			return { sqlite, mode: 'read-only' };
		} catch {
			sqlite.close();
		}
	}
	const snapshotOf = fileStamp(file);
	const image = fs.readFileSync(file);
	// Bytes 18–19 say "WAL"; an in-memory database has no WAL, so its copy says "rollback".
	if (image[18] === 2) image[18] = image[19] = 1;
	return { sqlite: new Database(image, { readonly: true }), mode: 'snapshot', snapshotOf };
}

function fileStamp(file: string): string {
	const stat = fs.statSync(file);
	return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
}

function connect(file: string, options: OpenOptions): { sqlite: Database.Database; mode: ConnectionMode; snapshotOf?: string } {
	const memory = file === ':memory:' || file === '';
	const readOnly = options.readonly === true || (!memory && fs.existsSync(file) && !databaseFileAccess(file).writable);
	const opened = readOnly ? connectReadOnly(file) : { sqlite: new Database(file), mode: 'read-write' as const };
	configure(opened.sqlite, opened.mode);
	return opened;
}

/** The connection's methods and properties, always those of the current connection (see reopenDatabase). */
function clientProxy(connection: Connection): Database.Database {
	return new Proxy(Object.create(Database.prototype) as Database.Database, {
		get(_target, property) {
			const { sqlite, bound } = connection;
			if (property === 'constructor') return Database;
			if (bound.has(property)) return bound.get(property);
			const value = Reflect.get(sqlite, property, sqlite) as unknown;
			if (typeof value !== 'function') return value;
			const method = (value as (...args: unknown[]) => unknown).bind(sqlite);
			bound.set(property, method);
			return method;
		},
		has: (_target, property) => Reflect.has(connection.sqlite, property)
	});
}

function migrateIfWritable(db: AppDatabase, connection: Connection): void {
	if (connection.mode === 'read-write' && !connection.options.readonly) migrate(db, { migrationsFolder: connection.options.migrationsDir });
}

/**
 * Opens (creating if needed) the SQLite file, with WAL and foreign keys on, and migrates it. A file
 * this process cannot write (a read-only volume, permissions, a restored copy) opens read-only,
 * unmigrated: reads work, writes fail with SQLITE_READONLY (see connectionMode, reopenDatabase).
 */
export function openDatabase(file: string, options: OpenOptions): AppDatabase {
	if (file !== ':memory:' && !fs.existsSync(file)) fs.mkdirSync(path.dirname(file), { recursive: true });
	const { sqlite, mode, snapshotOf = null } = connect(file, options);
	const connection: Connection = { file, options, sqlite, mode, snapshotOf, bound: new Map(), reopened: [] };
	const client = clientProxy(connection);
	connections.set(client, connection);
	const db = drizzle(client, { schema }) as AppDatabase;
	migrateIfWritable(db, connection);
	return db;
}

export function connectionMode(db: AppDatabase): ConnectionMode {
	// (A database not opened here, e.g. drizzle over a bare connection in a script, is taken as it is.)
	return connections.get(db.$client)?.mode ?? (db.$client.readonly ? 'read-only' : 'read-write');
}

/** A snapshot whose file was replaced or changed since it was read (a restore, a replica's update). */
export function snapshotOutdated(db: AppDatabase): boolean {
	const connection = connections.get(db.$client);
	if (!connection?.snapshotOf) return false;
	const { snapshotOf, file } = connection;
	try {
		return fileStamp(file) !== snapshotOf;
	} catch {
		return false; // gone for a moment (being replaced): keep serving the copy
	}
}

/** Called after the connection was replaced: statements prepared on the old one are gone. */
export function onReopen(db: AppDatabase, listener: () => void): void {
	connections.get(db.$client)?.reopened.push(listener);
}

/**
 * Opens the file again and puts the new connection behind the same `db` (everything holding `db`
 * goes on working), e.g. once a read-only file became writable. Synchronous, so no request's
 * statement runs between the old connection's close and the new one's open. Returns the new mode.
 */
export function reopenDatabase(db: AppDatabase): ConnectionMode {
	const connection = connectionOf(db);
	const next = connect(connection.file, connection.options);
	const previous = connection.sqlite;
	connection.sqlite = next.sqlite;
	connection.mode = next.mode;
	connection.snapshotOf = next.snapshotOf ?? null;
	connection.bound = new Map();
	try {
		migrateIfWritable(db, connection);
	} finally {
		previous.close();
		for (const listener of connection.reopened) listener();
	}
	return connection.mode;
}

export { schema };
