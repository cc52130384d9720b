/**
 * perConnection: statements a page or an export runs for every row are prepared once per
 * connection, and prepared again on the new connection after a reopen (a statement of the closed
 * connection would throw "The database connection is not open").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, reopenDatabase, type AppDatabase } from '../../src/lib/server/db';
import { perConnection } from '../../src/lib/server/db/per-connection';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-per-connection-'));
const migrationsDir = path.resolve('drizzle');
const opened: AppDatabase[] = [];

function open(name: string): AppDatabase {
	const db = openDatabase(path.join(dir, `${name}.db`), { migrationsDir });
	opened.push(db);
	return db;
}

afterAll(() => {
	for (const db of opened) db.$client.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('perConnection', () => {
	it('builds once per connection and again only after a reopen', () => {
		const built: AppDatabase[] = [];
		const countAreas = perConnection((db) => {
			built.push(db);
			return db.$client.prepare('SELECT count(*) FROM areas').pluck();
		});
		const first = open('first');
		const second = open('second');
		first.$client.prepare("INSERT INTO areas (id, kind, slug, name, sort_order) VALUES ('a1', 'district', 'a1', '旭', 1)").run();

		expect(countAreas(first).get()).toBe(1);
		expect(countAreas(first).get()).toBe(1);
		expect(countAreas(second).get()).toBe(0);
		expect(built).toEqual([first, second]);

		const before = countAreas(first);
		reopenDatabase(first);
		// The old statement belongs to the closed connection; the helper hands out a new one.
		expect(() => before.get()).toThrow();
		expect(countAreas(first).get()).toBe(1);
		expect(built).toEqual([first, second, first]);

		// Repeated reopens: one rebuild each, on use (one listener per connection, not one per build).
		reopenDatabase(first);
		reopenDatabase(first);
		expect(countAreas(first).get()).toBe(1);
		expect(countAreas(first).get()).toBe(1);
		expect(built).toEqual([first, second, first, first]);
		expect(countAreas(second).get()).toBe(0);
		expect(built).toHaveLength(4);
	});
});
