/**
 * The areas page's data on a real SQLite file with the generated 高知市 sample: each area's count
 * is how many published listings are filed under it (what its own page lists), and each area of a
 * kind comes with one shape whose label lies inside it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../src/lib/server/app';
import { loadConfig } from '../../src/lib/server/config';
import { openDatabase } from '../../src/lib/server/db';
import { rebuildEmbeddedIndex } from '../../src/lib/server/search/indexer';
import { areaShapes, areasByKindWithCounts, loadAreaPage } from '../../src/lib/server/areas';
import { insideGeometry } from '../../src/lib/domain/area-map';
import { generateSample } from '../../data/sample/generate';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-area-map-'));
const file = path.join(dir, 'sample.db');
let app: App;

beforeAll(async () => {
	const db = openDatabase(file, { migrationsDir: path.resolve('drizzle') });
	generateSample(db, { listings: 600, events: 0 });
	// One listing taken down: it must not be counted.
	db.$client.prepare("UPDATE services SET status = 'archived' WHERE id = (SELECT id FROM services ORDER BY rowid LIMIT 1)").run();
	await rebuildEmbeddedIndex(db);
	db.$client.close();
	app = createApp({ ...loadConfig({}), databasePath: file });
}, 120_000);

afterAll(() => {
	app?.db.$client.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

/** Published listings filed under each area, counted straight from the tables. */
function countsFromTables(): Map<string, number> {
	const rows = app.db.$client
		.prepare(
			`SELECT la.area_id AS id, count(DISTINCT s.id) AS n FROM services s
			 JOIN service_locations sl ON sl.service_id = s.id
			 JOIN location_areas la ON la.location_id = sl.location_id
			 WHERE s.status = 'published' GROUP BY la.area_id`
		)
		.all() as Array<{ id: string; n: number }>;
	return new Map(rows.map((row) => [row.id, row.n]));
}

describe('the areas page’s counts and shapes', () => {
	it('every 地区, 小学校区 and 中学校区 count is its published listings, the same as its own page lists', async () => {
		const groups = await areasByKindWithCounts(app);
		expect(groups.map((group) => group.kind)).toEqual(['地区', '小学校区', '中学校区']);
		const expected = countsFromTables();
		for (const group of groups) {
			for (const area of group.areas) expect(area.count, `${group.kind} ${area.name}`).toBe(expected.get(area.id) ?? 0);
		}
		const sum = groups[0].areas.reduce((total, area) => total + area.count, 0);
		expect(sum).toBeGreaterThan(500);
		const asahi = groups[0].areas.find((area) => area.slug === 'asahi')!;
		expect((await loadAreaPage(app, 'asahi'))!.total).toBe(asahi.count);
	});

	it('each area of a kind has one shape, in the list’s order, its label inside it', async () => {
		const groups = await areasByKindWithCounts(app);
		for (const group of groups) {
			const shapes = areaShapes(app, group.kind);
			expect(shapes.map((shape) => shape.id)).toEqual(group.areas.map((area) => area.id));
			for (const shape of shapes) {
				expect(shape.geometry, shape.id).not.toBeNull();
				expect(insideGeometry(shape.geometry!, [shape.label.lng, shape.label.lat]), shape.id).toBe(true);
			}
		}
	});

	it('an area whose stored polygon is broken is still placed, at its centre', () => {
		const id = app.db.$client.prepare("SELECT id FROM areas WHERE kind = '地区' ORDER BY sort_order LIMIT 1").pluck().get() as string;
		app.db.$client.prepare("UPDATE areas SET polygon = '{broken' WHERE id = ?").run(id);
		const shape = areaShapes(app, '地区').find((candidate) => candidate.id === id)!;
		expect(shape.geometry).toBeNull();
		expect(shape.label.lat).toBeGreaterThan(33);
	});
});
