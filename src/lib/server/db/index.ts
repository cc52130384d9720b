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

/** Opens (creating if needed) the SQLite file, with WAL and foreign keys on, and migrates it. */
export function openDatabase(file: string, options: OpenOptions): AppDatabase {
	if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
	const sqlite = new Database(file, { readonly: options.readonly ?? false });
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = NORMAL');
	const db = drizzle(sqlite, { schema });
	if (!options.readonly) migrate(db, { migrationsFolder: options.migrationsDir });
	return db as AppDatabase;
}

export { schema };
