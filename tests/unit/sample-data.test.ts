import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db';
import { BRANDS, HIRAGANA_BRANDS, SERVICE_KINDS, SPECIALTIES } from '../../data/sample/catalog';
import { SECOND_AND_FOURTH_TUESDAY_RRULE } from '../../data/sample/core';
import { DESK_SCHEME, generateSample, type SampleCounts, type SampleOptions } from '../../data/sample/generate';
import { CITY_BOX, DISTRICTS, MODEL_DISTRICT_SLUGS, districtReading } from '../../data/sample/kochi';
import { HIRAGANA_READING, yomi } from '../../data/sample/reading';
import { TERM_BY_CODE } from '../../src/lib/domain/taxonomy';

const OPTIONS: SampleOptions = { listings: 3000, events: 300 };
const TABLES = [
	'taxonomy_terms', 'areas', 'organizations', 'locations', 'location_areas', 'services', 'service_terms', 'service_targets',
	'service_tags', 'service_locations', 'schedules', 'contacts', 'desk_certifications', 'events'
];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-sample-'));
const opened: AppDatabase[] = [];

function generateInto(name: string, options: SampleOptions): { db: AppDatabase; counts: SampleCounts } {
	const db = openDatabase(path.join(dir, `${name}.db`), { migrationsDir: path.resolve('drizzle') });
	opened.push(db);
	return { db, counts: generateSample(db, options) };
}

function all<T>(db: AppDatabase, sql: string): T[] {
	return db.$client.prepare(sql).all() as T[];
}

function count(db: AppDatabase, sql: string): number {
	return db.$client.prepare(sql).pluck().get() as number;
}

/** Every row of every sample table, in insertion order. */
function dump(db: AppDatabase): string {
	return JSON.stringify(TABLES.map((table) => all(db, `SELECT * FROM ${table} ORDER BY rowid`)));
}

let db: AppDatabase;
let counts: SampleCounts;

beforeAll(() => {
	({ db, counts } = generateInto('main', OPTIONS));
});

afterAll(() => {
	for (const handle of opened) handle.$client.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('高知市 sample data', () => {
	it('is deterministic: the same seed gives the same rows, ids included; another seed does not', () => {
		const again = generateInto('again', OPTIONS).db;
		expect(dump(again)).toBe(dump(db));
		const other = generateInto('other', { ...OPTIONS, seed: 7 }).db;
		const ids = (handle: AppDatabase) => all<{ id: string }>(handle, 'SELECT id FROM services ORDER BY rowid LIMIT 50').map((row) => row.id);
		expect(ids(other)).not.toEqual(ids(db));
	});

	it('writes about 3,000 published sample listings and 300 events', () => {
		expect(counts).toMatchObject({ services: 3000, events: 300, desks: 27 });
		expect(counts.memos).toBeGreaterThan(27 * 12);
		expect(count(db, "SELECT count(*) FROM services WHERE status = 'published' AND is_sample = 1")).toBe(3000);
		expect(count(db, 'SELECT count(*) FROM events')).toBe(300);
		const fields = all<{ field: string; n: number }>(db, 'SELECT field, count(*) AS n FROM services GROUP BY field');
		expect(fields.map((row) => row.field).sort()).toEqual(['介護', '医療', '地域資源', '子育て', '障害'].sort());
		for (const row of fields) expect(row.n).toBeGreaterThan(200);
	});

	it('refuses a database that already holds data', () => {
		expect(() => generateSample(db, OPTIONS)).toThrow(/empty database/);
	});

	it('keeps every row consistent (foreign keys) and every listing at one location with its areas', () => {
		expect(all(db, 'PRAGMA foreign_key_check')).toEqual([]);
		expect(count(db, 'SELECT count(*) FROM services s WHERE NOT EXISTS (SELECT 1 FROM service_locations sl WHERE sl.service_id = s.id)')).toBe(0);
		const areaKinds = all<{ kinds: string }>(
			db,
			'SELECT group_concat(DISTINCT a.kind) AS kinds FROM location_areas la JOIN areas a ON a.id = la.area_id GROUP BY la.location_id'
		);
		for (const row of areaKinds) expect(row.kinds.split(',').sort()).toEqual(['中学校区', '地区', '小学校区'].sort());
	});

	it('has the 地区 of 高知市 (the five model districts included), school districts and the city', () => {
		const districts = all<{ slug: string }>(db, "SELECT slug FROM areas WHERE kind = '地区'").map((row) => row.slug);
		expect(districts.length).toBeGreaterThanOrEqual(25);
		expect(districts).toEqual(expect.arrayContaining([...MODEL_DISTRICT_SLUGS]));
		expect(count(db, "SELECT count(*) FROM areas WHERE kind = '市域' AND slug = 'kochi-city' AND name = '高知市'")).toBe(1);
		expect(count(db, "SELECT count(*) FROM areas d WHERE d.kind = '地区' AND NOT EXISTS (SELECT 1 FROM areas s WHERE s.kind = '小学校区' AND s.parent_id = d.id)")).toBe(0);
		expect(count(db, "SELECT count(*) FROM areas WHERE kind = '中学校区'")).toBeGreaterThan(10);
	});

	it('certifies 27 ほおっちょけん desks: 23 pharmacies and 4 社会福祉法人, all in the model districts', () => {
		const desks = all<{ kind: string; district: string; areaIds: string; districtId: string; certifiedOn: string; scheme: string }>(
			db,
			`SELECT o.kind, a.slug AS district, a.id AS districtId, d.area_ids AS areaIds, d.certified_on AS certifiedOn, d.scheme
			 FROM desk_certifications d
			 JOIN services s ON s.id = d.service_id
			 JOIN organizations o ON o.id = s.organization_id
			 JOIN service_locations sl ON sl.service_id = s.id
			 JOIN location_areas la ON la.location_id = sl.location_id
			 JOIN areas a ON a.id = la.area_id AND a.kind = '地区'`
		);
		expect(desks).toHaveLength(27);
		expect(desks.filter((desk) => desk.kind === '薬局')).toHaveLength(23);
		expect(desks.filter((desk) => desk.kind === '社会福祉法人')).toHaveLength(4);
		for (const desk of desks) {
			expect(MODEL_DISTRICT_SLUGS).toContain(desk.district);
			expect(JSON.parse(desk.areaIds)).toEqual([desk.districtId]);
			expect(desk.certifiedOn).toMatch(/^20(19|2[0-4])-\d{2}-\d{2}$/);
			expect(desk.scheme).toBe(DESK_SCHEME);
		}
		const deskMarks = count(
			db,
			`SELECT count(*) FROM desk_certifications d
			 WHERE EXISTS (SELECT 1 FROM service_tags t WHERE t.service_id = d.service_id AND t.tag = 'なんでも相談')
			   AND EXISTS (SELECT 1 FROM service_terms st JOIN taxonomy_terms tt ON tt.id = st.term_id WHERE st.service_id = d.service_id AND tt.code = 'consultation-desk')`
		);
		expect(deskMarks).toBe(27);
		const pharmacyDesks = count(
			db,
			`SELECT count(*) FROM desk_certifications d JOIN service_terms st ON st.service_id = d.service_id
			 JOIN taxonomy_terms t ON t.id = st.term_id WHERE t.code = 'pharmacy'`
		);
		expect(pharmacyDesks).toBe(23);
	});

	it('puts every location inside the city, with a 高知市 postal code and address', () => {
		const outside = count(
			db,
			`SELECT count(*) FROM locations WHERE lat IS NULL OR lng IS NULL
			 OR lat < ${CITY_BOX.south} OR lat > ${CITY_BOX.north} OR lng < ${CITY_BOX.west} OR lng > ${CITY_BOX.east}`
		);
		expect(outside).toBe(0);
		const locations = all<{ postal: string; prefecture: string; city: string; address: string }>(
			db,
			'SELECT postal_code AS postal, prefecture, city, address_line AS address FROM locations'
		);
		for (const location of locations) {
			expect(location.postal).toMatch(/^78[01]-\d{4}$/);
			expect([location.prefecture, location.city]).toEqual(['高知県', '高知市']);
			expect(location.address).toMatch(/\d/);
		}
	});

	it('gives every listing a よみがな in hiragana', () => {
		const names = all<{ name: string; kana: string | null }>(db, 'SELECT name, name_kana AS kana FROM services');
		for (const { name, kana } of names) expect(kana, name).toMatch(HIRAGANA_READING);
		for (const { name, kana } of all<{ name: string; kana: string | null }>(db, 'SELECT name, name_kana AS kana FROM organizations')) {
			expect(kana, name).toMatch(HIRAGANA_READING);
		}
	});

	it('has a reading for every name pattern in every district (no kanji word is missing from the table)', () => {
		for (const kind of SERVICE_KINDS) {
			for (const pattern of kind.names) {
				for (const district of DISTRICTS) {
					const school = district.schools[0];
					const brand = BRANDS[BRANDS.length - 1];
					const context = { district: districtReading(district), brand, hiraganaBrand: HIRAGANA_BRANDS[0], school: yomi(school.name, school.kana), specialty: SPECIALTIES[0] };
					const parts = pattern(context);
					expect(parts.map((part) => part.kana).join(''), kind.key).toMatch(HIRAGANA_READING);
				}
			}
			for (const template of kind.events) expect(template.title.kana, template.title.text).toMatch(HIRAGANA_READING);
		}
	});

	it('classifies each listing with 1–2 terms of its field (desks add なんでも相談窓口), targets and tags', () => {
		const rows = all<{ field: string; codes: string; desk: number }>(
			db,
			`SELECT s.field, group_concat(t.code) AS codes, EXISTS (SELECT 1 FROM desk_certifications d WHERE d.service_id = s.id) AS desk
			 FROM services s JOIN service_terms st ON st.service_id = s.id JOIN taxonomy_terms t ON t.id = st.term_id GROUP BY s.id`
		);
		expect(rows).toHaveLength(3000);
		for (const row of rows) {
			const codes = row.codes.split(',').filter((code) => !(row.desk && code === 'consultation-desk'));
			expect(codes.length).toBeGreaterThanOrEqual(1);
			expect(codes.length).toBeLessThanOrEqual(2);
			for (const code of codes) expect(TERM_BY_CODE.get(code)?.field).toBe(row.field);
		}
		expect(count(db, 'SELECT count(*) FROM services s WHERE NOT EXISTS (SELECT 1 FROM service_targets t WHERE t.service_id = s.id)')).toBe(0);
		const visitSupport = count(
			db,
			`SELECT count(*) FROM service_tags g JOIN service_terms st ON st.service_id = g.service_id JOIN taxonomy_terms t ON t.id = st.term_id
			 WHERE t.code = 'visit-support-b' AND g.tag = 'ゴミ出し支援'`
		);
		expect(visitSupport).toBeGreaterThanOrEqual(5);
	});

	it('has ≥5 サロン and ≥3 いきいき百歳体操 in 旭 with recurring sessions, and one on 毎月第2・第4火曜 10:00〜11:30', () => {
		const inAsahiWithSession = (term: string) =>
			count(
				db,
				`SELECT count(DISTINCT s.id) FROM services s
				 JOIN service_terms st ON st.service_id = s.id JOIN taxonomy_terms t ON t.id = st.term_id AND t.code = '${term}'
				 JOIN service_locations sl ON sl.service_id = s.id
				 JOIN location_areas la ON la.location_id = sl.location_id JOIN areas a ON a.id = la.area_id AND a.slug = 'asahi' AND a.kind = '地区'
				 JOIN schedules sc ON sc.service_id = s.id AND sc.kind = 'session' AND sc.rrule IS NOT NULL`
			);
		expect(inAsahiWithSession('salon')).toBeGreaterThanOrEqual(5);
		expect(inAsahiWithSession('hyakusai-taiso')).toBeGreaterThanOrEqual(3);
		expect(SECOND_AND_FOURTH_TUESDAY_RRULE).toBe('FREQ=MONTHLY;BYDAY=2TU,4TU');
		const tuesdays = count(
			db,
			"SELECT count(*) FROM schedules WHERE kind = 'session' AND rrule = 'FREQ=MONTHLY;BYDAY=2TU,4TU' AND opens_at = '10:00' AND closes_at = '11:30'"
		);
		expect(tuesdays).toBeGreaterThanOrEqual(1);
	});

	it('writes opening hours as HH:MM weekday spans, split, all-day and overnight ones included', () => {
		const malformed = count(
			db,
			`SELECT count(*) FROM schedules WHERE kind = 'hours' AND (weekday NOT BETWEEN 0 AND 6
			 OR opens_at NOT GLOB '[0-2][0-9]:[0-5][0-9]' OR closes_at NOT GLOB '[0-2][0-9]:[0-5][0-9]')`
		);
		expect(malformed).toBe(0);
		const hours = all<{ opensAt: string; closesAt: string }>(
			db,
			"SELECT DISTINCT opens_at AS opensAt, closes_at AS closesAt FROM schedules WHERE kind = 'hours'"
		);
		expect(hours.some((span) => span.opensAt === '00:00' && span.closesAt === '24:00')).toBe(true);
		expect(hours.some((span) => span.closesAt < span.opensAt)).toBe(true);
		expect(hours.some((span) => span.opensAt === '14:00' && span.closesAt === '18:00')).toBe(true);
	});

	it('lists phone numbers in the 088 format and contacts by role, never by person', () => {
		const contacts = all<{ kind: string; value: string; role: string | null }>(db, 'SELECT kind, value, role FROM contacts');
		for (const contact of contacts.filter((c) => c.kind === 'phone' || c.kind === 'fax')) {
			expect(contact.value).toMatch(/^088-8\d{2}-\d{4}$/);
		}
		expect(contacts.some((c) => c.kind === 'fax')).toBe(true);
		expect(contacts.filter((c) => c.kind === 'email').every((c) => c.value.endsWith('.example.jp'))).toBe(true);
		expect(count(db, "SELECT count(*) FROM services s WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.service_id = s.id AND c.kind = 'phone')")).toBe(0);
	});

	it('dates verification relative to 2026-11-01, some listings older than a year', () => {
		const { oldest, newest, stale } = db.$client
			.prepare("SELECT min(last_verified_at) AS oldest, max(last_verified_at) AS newest, sum(last_verified_at < '2025-11-01') AS stale FROM services")
			.get() as { oldest: string; newest: string; stale: number };
		expect(oldest >= '2024-10-31').toBe(true);
		expect(newest < '2026-11-02').toBe(true);
		expect(stale).toBeGreaterThan(300);
		expect(stale).toBeLessThan(1500);
	});

	it('schedules events between November 2026 and March 2027 at a listing and its location', () => {
		const events = all<{ startsAt: string; endsAt: string; location: string | null; service: string | null; rrule: string | null }>(
			db,
			'SELECT starts_at AS startsAt, ends_at AS endsAt, location_id AS location, service_id AS service, rrule FROM events'
		);
		for (const event of events) {
			expect(event.startsAt).toMatch(/^(2026-1[12]|2027-0[1-3])-\d{2}T\d{2}:\d{2}:00\+09:00$/);
			expect(event.endsAt > event.startsAt).toBe(true);
			expect(event.service && event.location).toBeTruthy();
		}
		expect(events.some((event) => event.rrule)).toBe(true);
	});
});
