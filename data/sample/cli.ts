/**
 * Writes the fictional 高知市 sample into a SQLite file.
 *   npx tsx data/sample/cli.ts [--db data/tsunagi.db] [--listings 3000] [--events N] [--seed 20200131] [--force]
 * --events defaults to a tenth of --listings. An existing file that already holds data is left
 * alone unless --force, which deletes it (and its WAL files) first.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../src/lib/server/db';
import { DEFAULT_SEED, generateSample } from './generate';

const DATA_TABLES = ['services', 'organizations', 'areas', 'taxonomy_terms'];

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
	if (value === undefined) return fallback;
	const parsed = Number(value);
	if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a whole number ≥ 0, got "${value}"`);
	return parsed;
}

function holdsData(file: string): boolean {
	const sqlite = new Database(file, { readonly: true });
	try {
		const tables = new Set(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
		return DATA_TABLES.some((table) => tables.has(table) && sqlite.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined);
	} finally {
		sqlite.close();
	}
}

function removeDatabase(file: string): void {
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

function main(): number {
	const { values } = parseArgs({
		options: {
			db: { type: 'string', default: 'data/tsunagi.db' },
			listings: { type: 'string' },
			events: { type: 'string' },
			seed: { type: 'string' },
			force: { type: 'boolean', default: false }
		}
	});
	const file = path.resolve(values.db);
	const listings = wholeNumber('listings', values.listings, 3000);
	const events = wholeNumber('events', values.events, Math.round(listings / 10));
	const seed = wholeNumber('seed', values.seed, DEFAULT_SEED);

	if (fs.existsSync(file)) {
		if (values.force) removeDatabase(file);
		else if (holdsData(file)) {
			console.error(`${file} already holds data; pass --force to delete it and start over.`);
			return 1;
		}
	}

	const started = performance.now();
	const db = openDatabase(file, { migrationsDir: path.resolve('drizzle') });
	const counts = generateSample(db, { listings, events, seed });
	db.$client.pragma('wal_checkpoint(TRUNCATE)');
	db.$client.close();
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(
		`sample data (架空) → ${file}: ${counts.services} listings, ${counts.events} events, ${counts.desks} certified desks (seed ${seed}) in ${seconds} s`
	);
	return 0;
}

try {
	process.exitCode = main();
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
}
