/**
 * HSDS 3.0 in and out: the whole sample survives export → import into an empty database (every
 * field of every listing, organisation, area, desk and event compared), a file with broken
 * objects imports the rest and names exactly those, the Open Referral examples import, and the
 * CLI commands work end to end without stack traces.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase, reopenDatabase, type AppDatabase } from '../../src/lib/server/db';
import { getListing } from '../../src/lib/server/listings';
import { generateSample } from '../../data/sample/generate';
import { exportHsdsBundle } from '../../src/lib/server/importers/hsds-export';
import { importHsds, importDefaults } from '../../src/lib/server/importers/hsds-import';
import { loadCityProfile } from '../../src/lib/server/city-profile';
import type { Listing } from '../../src/lib/domain/listing';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-hsds-'));
const migrationsDir = path.resolve('drizzle');
const defaults = importDefaults(loadCityProfile());
const EXAMPLES = path.resolve('../../shared/fixtures/hsds-3.0/examples');
const examplesDir = fs.existsSync(EXAMPLES) ? EXAMPLES : '/work/shared/fixtures/hsds-3.0/examples';
const opened: AppDatabase[] = [];

function open(name: string): AppDatabase {
	const db = openDatabase(path.join(dir, `${name}.db`), { migrationsDir });
	opened.push(db);
	return db;
}

function ids(db: AppDatabase): string[] {
	return db.$client.prepare('SELECT id FROM services ORDER BY id').pluck().all() as string[];
}

/** A listing with its order-free parts sorted and the per-import row ids of schedules dropped. */
function comparable(listing: Listing | null) {
	if (!listing) return null;
	return {
		...listing,
		hours: [...listing.hours].sort((a, b) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt)),
		terms: [...listing.terms].sort((a, b) => a.code.localeCompare(b.code)),
		targets: [...listing.targets].sort(),
		tags: [...listing.tags].sort(),
		sessions: listing.sessions.map(({ id: _id, ...session }) => session).sort((a, b) => a.rrule.localeCompare(b.rrule)),
		desk: listing.desk && { ...listing.desk, areaNames: [...listing.desk.areaNames].sort() },
		locations: listing.locations.map((location) => ({ ...location, areas: [...location.areas].sort((a, b) => a.id.localeCompare(b.id)) }))
	};
}

function rows(db: AppDatabase, sql: string): unknown[] {
	return db.$client.prepare(sql).all();
}

afterAll(() => {
	for (const db of opened) db.$client.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('HSDS round trip of the whole sample', () => {
	let source: AppDatabase;
	let target: AppDatabase;
	let bundle: Record<string, unknown>;

	beforeAll(() => {
		source = open('source');
		generateSample(source, { listings: 400, events: 60 });
		// Statuses other than published must survive too.
		source.$client.prepare("UPDATE services SET status = 'draft' WHERE rowid % 17 = 0").run();
		source.$client.prepare("UPDATE services SET status = 'archived' WHERE rowid % 23 = 0").run();
		bundle = JSON.parse(JSON.stringify(exportHsdsBundle(source)));
		target = open('target');
		const report = importHsds(target, bundle, { defaults });
		expect(report.rejected).toEqual([]);
	});

	it('gives the same listings, every field compared', () => {
		expect(ids(target)).toEqual(ids(source));
		expect(ids(source).length).toBe(400);
		for (const id of ids(source)) {
			expect(comparable(getListing(target, id, { publishedOnly: false })), id).toEqual(comparable(getListing(source, id, { publishedOnly: false })));
		}
	});

	it('keeps organisations, areas (with polygons), desk certifications and events whole', () => {
		expect(rows(target, 'SELECT id, name, name_kana, kind, description, url, email FROM organizations ORDER BY id')).toEqual(
			rows(source, 'SELECT id, name, name_kana, kind, description, url, email FROM organizations ORDER BY id')
		);
		expect(rows(target, 'SELECT * FROM areas ORDER BY id')).toEqual(rows(source, 'SELECT * FROM areas ORDER BY id'));
		const desks = 'SELECT service_id, scheme, certified_on, area_ids FROM desk_certifications ORDER BY service_id';
		expect(rows(target, desks)).toEqual(rows(source, desks));
		expect((rows(source, desks) as unknown[]).length).toBeGreaterThan(0);
		const events = 'SELECT id, service_id, location_id, title, title_kana, description, starts_at, ends_at, rrule, fee, capacity, how_to_apply, status FROM events WHERE service_id IS NOT NULL ORDER BY id';
		expect(rows(target, events)).toEqual(rows(source, events));
		const sessions = "SELECT id, service_id, rrule, dtstart, opens_at, closes_at, note FROM schedules WHERE kind = 'session' ORDER BY id";
		expect(rows(target, sessions)).toEqual(rows(source, sessions));
	});

	it('exports the imported database to the same document', () => {
		const again = JSON.parse(JSON.stringify(exportHsdsBundle(target))) as Record<string, unknown>;
		const strip = (document: Record<string, unknown>) =>
			JSON.parse(JSON.stringify({ ...document, 'x-exported-at': null }).replace(/"last_modified":"[^"]*"/g, '"last_modified":""'));
		expect(strip(again)).toEqual(strip(bundle));
	});

	it('is an upsert by id: importing twice changes nothing and doubles nothing', () => {
		const before = rows(target, 'SELECT count(*) AS n FROM services UNION ALL SELECT count(*) FROM schedules UNION ALL SELECT count(*) FROM contacts UNION ALL SELECT count(*) FROM service_locations');
		const report = importHsds(target, bundle, { defaults });
		expect(report.rejected).toEqual([]);
		expect(rows(target, 'SELECT count(*) AS n FROM services UNION ALL SELECT count(*) FROM schedules UNION ALL SELECT count(*) FROM contacts UNION ALL SELECT count(*) FROM service_locations')).toEqual(before);
		const services = bundle.services as Array<Record<string, unknown>>;
		const changed: Record<string, unknown> = { ...services[0], name: '名前を変えたサービス' };
		importHsds(target, [changed], { defaults });
		expect(getListing(target, String(changed.id), { publishedOnly: false })?.name).toBe('名前を変えたサービス');
		expect(ids(target).length).toBe(400);
	});
});

describe('reading many listings', () => {
	it('prepares its statements once per connection, not for each service, and again after a reopen', () => {
		const original = Database.prototype.prepare;
		let prepared = 0;
		Database.prototype.prepare = function (this: Database.Database, ...args: Parameters<typeof original>) {
			prepared += 1;
			return original.apply(this, args);
		} as typeof original;
		try {
			const db = open('prepares');
			generateSample(db, { listings: 60, events: 10 });
			prepared = 0;
			const first = exportHsdsBundle(db).services as unknown[];
			expect(first).toHaveLength(ids(db).length);
			// Old code: about 17 statements for every service of every export (about 2,000 here).
			expect(prepared).toBeLessThan(first.length);
			const id = ids(db)[0];
			expect(getListing(db, id, { publishedOnly: false })?.id).toBe(id);
			// A reopened connection has none of the old statements: they are prepared again on it.
			reopenDatabase(db);
			expect(getListing(db, id, { publishedOnly: false })?.id).toBe(id);
			expect(exportHsdsBundle(db).services).toEqual(first);
			reopenDatabase(db);
			expect(exportHsdsBundle(db).services).toEqual(first);
		} finally {
			Database.prototype.prepare = original;
		}
	});
});

describe('HSDS import of a file with broken objects', () => {
	it('takes the rest and reports exactly the 5 broken ones, with the reason', () => {
		const source = open('broken-source');
		generateSample(source, { listings: 30, events: 0 });
		const services = (exportHsdsBundle(source).services as Array<Record<string, unknown>>).slice(0, 20);
		const broken = structuredClone(services);
		delete broken[2].name; // no name
		broken[5].attributes = [{ taxonomy_term: { name: '福祉全般', taxonomy: 'tsunagi-field' } }]; // unknown 分野
		(broken[8].service_at_locations as Array<{ location: Record<string, unknown> }>)[0].location.latitude = '北緯33度'; // not a number
		broken[11].schedules = [{ id: 'x', freq: 'WEEKLY', byday: 'MON', opens_at: '09:00', closes_at: '17:00' }]; // bad byday
		delete broken[14].organization;
		broken[14].organization_id = 'no-such-organization';
		const target = open('broken-target');
		const report = importHsds(target, broken, { defaults });
		expect(report.rejected.map((problem) => problem.position)).toEqual(['[2]', '[5]', '[8]', '[11]', '[14]']);
		expect(report.rejected.map((problem) => problem.id)).toEqual([2, 5, 8, 11, 14].map((i) => services[i].id));
		expect(report.rejected[0].reason).toContain('名称');
		expect(report.rejected[1].reason).toContain('福祉全般');
		expect(report.rejected[2].reason).toContain('latitude');
		expect(report.rejected[3].reason).toContain('byday');
		expect(report.rejected[4].reason).toContain('no-such-organization');
		expect(report.taken.service).toBe(15);
		expect(ids(target).length).toBe(15);
		// A rejected object leaves nothing behind (its organisation, location or schedules).
		expect(target.$client.prepare('SELECT count(*) FROM services WHERE id = ?').pluck().get(services[8].id)).toBe(0);
		const locationId = (services[8].service_at_locations as Array<{ location: { id: string } }>)[0].location.id;
		expect(services.some((s, i) => i !== 8 && JSON.stringify(s.service_at_locations).includes(locationId))).toBe(false);
		expect(target.$client.prepare('SELECT count(*) FROM locations WHERE id = ?').pluck().get(locationId)).toBe(0);
	});

	it('a dry run reports the same and writes nothing', () => {
		const db = open('dry-run');
		const report = importHsds(db, [{ id: 'a', name: 'A', organization: { id: 'o', name: 'O' } }, { id: 'b' }], { defaults, dryRun: true });
		expect(report.taken.service).toBe(1);
		expect(report.rejected).toHaveLength(1);
		expect(ids(db)).toEqual([]);
	});
});

describe('Open Referral examples', () => {
	const files = fs.readdirSync(examplesDir).filter((file) => file.endsWith('.json'));

	it.each(files)('%s imports without error', (file) => {
		const db = open(`example-${file}`);
		const input = JSON.parse(fs.readFileSync(path.join(examplesDir, file), 'utf8'));
		const report = importHsds(db, input, { defaults });
		expect(report.rejected).toEqual([]);
	});

	it('service_full.json arrives with its location, hours, phone and organisation', () => {
		const db = open('example-service-full');
		const input = JSON.parse(fs.readFileSync(path.join(examplesDir, 'service_full.json'), 'utf8'));
		importHsds(db, input, { defaults });
		const listing = getListing(db, input.id, { publishedOnly: false })!;
		expect(listing.name).toBe('Community Counselling');
		expect(listing.organization.name).toBe(input.organization.name);
		expect(listing.locations).toHaveLength(1);
		expect(listing.hours.map((span) => span.weekday)).toEqual([4, 5]);
		expect(listing.contacts[0].value).toContain('1234 234567');
		// Its latitude (100) is off the globe: the place is kept without a pin, and the report says so.
		expect(listing.locations[0].lat).toBeNull();
	});

	it('out-of-range coordinates are reported as a warning', () => {
		const db = open('example-location');
		const report = importHsds(db, JSON.parse(fs.readFileSync(path.join(examplesDir, 'location.json'), 'utf8')), { defaults });
		expect(report.taken.location).toBe(1);
		expect(report.warnings.map((warning) => warning.reason).join()).toContain('緯度・経度');
	});
});

describe('data:import / data:export CLI', () => {
	const env = (name: string) => ({ ...process.env, DATABASE_PATH: path.join(dir, `${name}.db`), MEILI_URL: '' });
	const tsx = path.resolve('node_modules/.bin/tsx');

	// Seven command-line runs, each starting tsx (and the import loading kuromoji): minutes on a busy 2-core machine.
	it('exports, imports into an empty database and reports; errors are one clear line with a non-zero exit', { timeout: 240_000 }, () => {
		const source = open('cli-source');
		generateSample(source, { listings: 40, events: 5 });
		source.$client.pragma('wal_checkpoint(TRUNCATE)');
		const out = path.join(dir, 'cli.json');
		execFileSync(tsx, ['scripts/data-export.ts', '--format', 'hsds', '--out', out], { env: env('cli-source'), stdio: 'pipe' });
		const printed = execFileSync(tsx, ['scripts/data-import.ts', out], { env: env('cli-target'), encoding: 'utf8', stdio: 'pipe' });
		expect(printed).toContain(`サービス ${ids(source).length}`);
		const target = openDatabase(path.join(dir, 'cli-target.db'), { migrationsDir });
		opened.push(target);
		expect(ids(target)).toEqual(ids(source));
		// The embedded search index followed the import.
		expect(target.$client.prepare('SELECT count(*) FROM search_docs').pluck().get()).toBe(
			target.$client.prepare("SELECT count(*) FROM services WHERE status = 'published'").pluck().get()
		);

		for (const args of [['scripts/data-import.ts'], ['scripts/data-import.ts', path.join(dir, 'missing.json')], ['scripts/data-export.ts', '--format', 'xml', '--out', out], ['scripts/data-import.ts', '--bogus']]) {
			const result = spawnSync(tsx, args, { env: env('cli-errors'), encoding: 'utf8' });
			expect(result.status, args.join(' ')).not.toBe(0);
			expect(result.stderr).not.toMatch(/\n\s+at /);
			expect(result.stderr.trim().length).toBeGreaterThan(0);
		}
		const broken = path.join(dir, 'broken.json');
		fs.writeFileSync(broken, JSON.stringify([{ id: 'x1', name: 'ok', organization: { id: 'o1', name: 'O' } }, { id: 'x2' }]));
		const partial = spawnSync(tsx, ['scripts/data-import.ts', broken], { env: env('cli-partial'), encoding: 'utf8' });
		expect(partial.status).toBe(1);
		expect(partial.stdout).toContain('読み込めなかったもの 1 件');
		expect(partial.stdout).toContain('[1]');
	});
});
