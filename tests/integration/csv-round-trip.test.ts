/**
 * A curator exports the published listings as CSV (the admin's 「CSV（Excel 用）」) and imports
 * the same file back, on a real SQLite file holding the generated 3,000-listing sample: the
 * preview finds nothing to fix, and afterwards every listing reads as before — its fields, its
 * opening hours, its sessions (RRULE, DTSTART, 備考) and the next dates residents see.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db';
import { getListing } from '../../src/lib/server/listings';
import { loadCityProfile } from '../../src/lib/server/city-profile';
import { importCsv } from '../../src/lib/server/importers/csv-import';
import { exportCsv, listingIds } from '../../src/lib/server/importers/open-data';
import { formatMonthDay, nextOccurrences, rruleKey } from '../../src/lib/domain/recurrence';
import { parseHoursText, parseSessionsText, textSessionRule } from '../../src/lib/domain/hours-text';
import type { WeeklySpan } from '../../src/lib/domain/hours';
import { parseCsv, toExcelCsv } from '../../src/lib/server/importers/csv-columns';
import { generateSample } from '../../data/sample/generate';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-csv-round-trip-'));
const profile = loadCityProfile();
const NOW = new Date('2026-11-01T09:00:00+09:00');
let db: AppDatabase;
let ids: string[];
let body: string;
let before: Map<string, ReturnType<typeof snapshot>>;

function nextDates(rrule: string, dtstart: string | null, startTime: string | null, endTime: string | null): Array<string | null> {
	return nextOccurrences({ rrule, dtstart, startTime, endTime }, NOW, 3).map((occurrence) => occurrence.startsAt);
}

/** A listing as a resident and a curator see it: row ids, which an import may renew, left out, and the
 * sample flag, which an import clears on purpose (the rows are now the curators'). */
function snapshot(id: string) {
	const { locations, sessions, isSample: _isSample, ...listing } = getListing(db, id, { publishedOnly: false })!;
	return {
		...listing,
		locations: locations.map(({ id: _locationId, ...location }) => location),
		sessions: sessions.map(({ id: _sessionId, ...session }) => ({
			...session,
			next: nextDates(session.rrule, session.dtstart, session.opensAt, session.closesAt)
		}))
	};
}

beforeAll(() => {
	db = openDatabase(path.join(dir, 'round-trip.db'), { migrationsDir: path.resolve('drizzle') });
	generateSample(db, { listings: 3000, events: 0 });
	ids = listingIds(db, true);
	before = new Map(ids.map((id) => [id, snapshot(id)]));
	body = exportCsv(db).body;
}, 600_000);

afterAll(() => {
	db.$client.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

/** Spans in one order, for comparing sets. */
function sortedSpans(spans: WeeklySpan[]): WeeklySpan[] {
	return [...spans].sort((a, b) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt));
}

describe('CSV export → import of the 3,000-listing sample', () => {
	it('the parser alone reads every exported 開所時間 and 開催日 back to the same hours, rules and next dates', () => {
		const [header, ...rows] = parseCsv(body.replace(/^\uFEFF/, ''));
		const [idAt, hoursAt, sessionsAt] = ['ID', '開所時間', '開催日'].map((name) => header.indexOf(name));
		const differences: string[] = [];
		for (const row of rows) {
			const listing = before.get(row[idAt])!;
			const hours = parseHoursText(row[hoursAt]);
			if (!hours.ok || JSON.stringify(sortedSpans(hours.value)) !== JSON.stringify(sortedSpans(listing.hours))) differences.push(`${row[idAt]} 開所時間 ${row[hoursAt]}`);
			const sessions = parseSessionsText(row[sessionsAt]);
			const read = sessions.ok
				? sessions.value.map((session) => {
						const rrule = textSessionRule(session);
						return { rule: rruleKey(rrule), next: nextDates(rrule, session.firstDate, session.opensAt, session.closesAt) };
					})
				: null;
			const stored = listing.sessions.map((session) => ({ rule: rruleKey(session.rrule), next: session.next }));
			if (JSON.stringify(read) !== JSON.stringify(stored)) differences.push(`${row[idAt]} 開催日 ${row[sessionsAt]}`);
		}
		expect(rows.length).toBeGreaterThan(2900);
		expect(differences).toEqual([]);
	}, 600_000);

	it('previews with no problem, imports every row as an update and changes no listing', async () => {
		expect(parseCsv(body).length - 1).toBe(ids.length);
		expect(ids.length).toBeGreaterThan(2900);
		// The phrases that were refused before: whole-week hours, 隔週 with its first date.
		expect(body).toContain('月〜日 24時間');
		expect(body).toMatch(/隔週.曜（\d{4}年\d{1,2}月\d{1,2}日から2週ごと）/);

		const bytes = Buffer.from(body, 'utf8');
		const preview = await importCsv(db, bytes, { profile, dryRun: true, geocoder: null });
		expect(preview.preview.fileError).toBeNull();
		expect(preview.preview.problems).toEqual([]);
		expect(preview.preview.rows.filter((row) => row.action !== 'update')).toEqual([]);

		const places = () => db.$client.prepare('SELECT count(*) FROM locations').pluck().get();
		const placesBefore = places();
		const result = await importCsv(db, bytes, { profile, geocoder: null });
		expect(result.written).toBe(true);
		// Places shared by several listings stay shared: no copies made of unchanged places.
		expect(places()).toBe(placesBefore);
		expect([result.created, result.updated]).toEqual([0, ids.length]);
		expect(listingIds(db, true)).toEqual(ids);
		const after = new Map(ids.map((id) => [id, snapshot(id)]));
		const changed = ids.filter((id) => JSON.stringify(after.get(id)) !== JSON.stringify(before.get(id)));
		// The first listing that changed, whole, says what changed.
		if (changed.length > 0) expect(after.get(changed[0])).toEqual(before.get(changed[0]));
		expect(changed).toEqual([]);
		// And the file the re-imported data exports is the same file.
		expect(exportCsv(db).body).toBe(body);
	}, 600_000);

	it('a row with a corrected phone and session time changes those, and keeps the weeks of 隔週 and the other contacts', async () => {
		const [header, ...rows] = parseCsv(body.replace(/^\uFEFF/, ''));
		const [idAt, phoneAt, sessionsAt] = ['ID', '電話番号', '開催日'].map((name) => header.indexOf(name));
		const row = rows.find((cells) => {
			const listing = before.get(cells[idAt])!;
			return listing.sessions.length === 1 && listing.sessions[0].rrule.includes('INTERVAL=2') && listing.contacts.some((contact) => contact.kind !== 'phone' && contact.role);
		})!;
		expect(row).toBeDefined();
		const listing = before.get(row[idAt])!;
		const edited = [...row];
		edited[phoneAt] = '088-800-1234';
		edited[sessionsAt] = row[sessionsAt].replace(/ \d{1,2}:\d{2}〜\d{1,2}:\d{2}$/, ' 18:00〜19:30');
		expect(edited[sessionsAt]).not.toBe(row[sessionsAt]);
		const result = await importCsv(db, Buffer.from(toExcelCsv([header, edited])), { profile, geocoder: null });
		expect(result.preview.problems).toEqual([]);
		expect(result.updated).toBe(1);
		const now = getListing(db, row[idAt], { publishedOnly: false })!;
		expect(now.contacts.filter((contact) => contact.kind === 'phone').map((contact) => contact.value)).toEqual(['088-800-1234']);
		expect(now.contacts.filter((contact) => contact.kind !== 'phone')).toEqual(listing.contacts.filter((contact) => contact.kind !== 'phone'));
		const [session] = now.sessions;
		expect([session.opensAt, session.closesAt]).toEqual(['18:00', '19:30']);
		// The first date the cell names is the DTSTART: the same days as before, at the new time.
		expect(row[sessionsAt]).toContain(formatMonthDay(session.dtstart!, true));
		const days = (starts: Array<string | null>) => starts.map((start) => start?.slice(0, 10));
		expect(days(nextDates(session.rrule, session.dtstart, session.opensAt, session.closesAt))).toEqual(days(listing.sessions[0].next));
		expect(now.hours).toEqual(listing.hours);
		expect(now.locations.map(({ id: _id, ...location }) => location)).toEqual(listing.locations);
	}, 600_000);
});
