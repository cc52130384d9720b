/**
 * The calendar on a real SQLite database (the generated sample plus hand-made series), with a fixed
 * "now": the iCal feed, read back by an independent parser (ical.js), gives exactly the dates the
 * calendar shows for the next 90 days; event search uses the Japanese text module; filters hold.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { createApp, type App } from '../../../src/lib/server/app';
import { loadConfig } from '../../../src/lib/server/config';
import { generateSample } from '../../../data/sample/generate';
import { loadEvents } from '../../../src/lib/server/events/store';
import { buildCalendar } from '../../../src/lib/server/events/ical';
import { queryCalendar, searchEvents } from '../../../src/lib/server/events';
import { addDays } from '../../../src/lib/domain/recurrence';
import { parseEventParams, type EventQuery } from '../../../src/lib/domain/event';

const NOW = '2026-11-30T10:00:00+09:00';
const TODAY = '2026-11-30';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-events-'));
let app: App;
const made: Record<string, string> = {};

function query(params: Record<string, string>): EventQuery {
	const parsed = parseEventParams(new URLSearchParams(params));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
	return parsed.query;
}

function addEvent(key: string, values: { title: string; kana?: string; startsAt: string; endsAt: string; rrule?: string; status?: string; fee?: string }): string {
	const id = randomUUID();
	const sqlite = app.db.$client;
	// At the 旭 salon's location, kept by its organisation.
	const host = sqlite
		.prepare(
			`SELECT s.id AS serviceId, s.organization_id AS organizationId, sl.location_id AS locationId FROM services s
			JOIN service_locations sl ON sl.service_id = s.id JOIN location_areas la ON la.location_id = sl.location_id
			JOIN areas a ON a.id = la.area_id WHERE a.slug = 'asahi' AND a.kind = '地区' AND s.status = 'published' LIMIT 1`
		)
		.get() as { serviceId: string; organizationId: string; locationId: string };
	sqlite
		.prepare(
			`INSERT INTO events (id, service_id, organization_id, location_id, title, title_kana, starts_at, ends_at, rrule, field, targets, fee, status)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '地域資源', '["高齢者"]', ?, ?)`
		)
		.run(id, host.serviceId, host.organizationId, host.locationId, values.title, values.kana ?? null, values.startsAt, values.endsAt, values.rrule ?? null, values.fee ?? null, values.status ?? 'published');
	made[key] = id;
	return id;
}

function addException(eventId: string, date: string, kind: string, moved: { newDate?: string; newStartTime?: string; newEndTime?: string } = {}): void {
	app.db.$client
		.prepare('INSERT INTO event_exceptions (event_id, date, kind, new_date, new_start_time, new_end_time) VALUES (?, ?, ?, ?, ?, ?)')
		.run(eventId, date, kind, moved.newDate ?? null, moved.newStartTime ?? null, moved.newEndTime ?? null);
}

beforeAll(async () => {
	const config = loadConfig({ DATABASE_PATH: path.join(dir, 'events.db'), MIGRATIONS_DIR: 'drizzle', TSUNAGI_NOW: NOW });
	app = createApp(config);
	generateSample(app.db, { listings: 400, events: 80 });
	const salon = addEvent('salon', { title: 'ふれあいサロン', kana: 'ふれあいさろん', startsAt: '2026-11-10T10:00:00+09:00', endsAt: '2026-11-10T11:30:00+09:00', rrule: 'FREQ=MONTHLY;BYDAY=2TU,4TU' });
	addException(salon, '2026-12-22', 'cancel');
	const biweekly = addEvent('biweekly', { title: '隔週の体操教室', startsAt: '2026-11-02T13:30:00+09:00', endsAt: '2026-11-02T15:00:00+09:00', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO' });
	addException(biweekly, '2026-12-28', 'skip');
	addException(biweekly, '2026-12-14', 'move', { newDate: '2026-12-15', newStartTime: '10:00', newEndTime: '11:30' });
	addEvent('night', { title: '夜の見守り', startsAt: '2026-12-01T23:30:00+09:00', endsAt: '2026-12-02T01:00:00+09:00', rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270112T235959Z' });
	addEvent('monthEnd', { title: '月末の食事会', startsAt: '2026-12-31T18:00:00+09:00', endsAt: '2026-12-31T20:00:00+09:00', rrule: 'FREQ=MONTHLY;BYMONTHDAY=31;COUNT=4' });
	addEvent('oneOff', { title: '新春お茶会', kana: 'しんしゅんおちゃかい', startsAt: '2027-01-14T13:30:00+09:00', endsAt: '2027-01-14T15:00:00+09:00', fee: '無料' });
	addEvent('past', { title: '秋の防災訓練', startsAt: '2026-11-10T09:00:00+09:00', endsAt: '2026-11-10T11:00:00+09:00' });
	addEvent('called off', { title: '取りやめの講座', startsAt: '2026-12-05T10:00:00+09:00', endsAt: '2026-12-05T11:00:00+09:00', status: 'cancelled' });
	// Written straight to the tables: the search index catches up as at a server start.
	await app.searchSync.catchUp();
});

afterAll(() => {
	app.db.$client.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

/** uid|UTC start of every date that takes place, as ical.js reads the feed, between two dates. */
function icalOccurrences(ics: string, from: string, to: string): Set<string> {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
	const components = calendar.getAllSubcomponents('vevent');
	const start = Date.parse(`${from}T00:00:00+09:00`);
	const end = Date.parse(`${addDays(to, 1)}T00:00:00+09:00`);
	const found = new Set<string>();
	for (const component of components) {
		if (component.hasProperty('recurrence-id')) continue;
		if (String(component.getFirstPropertyValue('status')) === 'CANCELLED') continue;
		const uid = String(component.getFirstPropertyValue('uid'));
		const exceptions = components.filter((other) => other.hasProperty('recurrence-id') && String(other.getFirstPropertyValue('uid')) === uid);
		const event = new ICAL.Event(component, { exceptions });
		const iterator = event.iterator();
		for (let next = iterator.next(); next; next = iterator.next()) {
			if (next.toJSDate().getTime() > end + 62 * 86_400_000) break;
			const details = event.getOccurrenceDetails(next);
			const at = details.startDate.toJSDate().getTime();
			if (at >= start && at < end) found.add(`${uid}|${new Date(at).toISOString()}`);
		}
	}
	return found;
}

describe('iCal feed', () => {
	it('parses (ical.js) into the same dates the calendar shows for the next 90 days', async () => {
		const to = addDays(TODAY, 89);
		const outcome = await queryCalendar(app, query({ from: TODAY, to }));
		if (!outcome.ok) throw new Error('calendar failed');
		const shown = new Set(
			outcome.answer.entries
				.filter((entry) => entry.occurrence.status === 'scheduled' || entry.occurrence.status === 'moved')
				.map((entry) => `${entry.eventId}@tsunagi|${new Date(entry.occurrence.startsAt!).toISOString()}`)
		);
		const ics = buildCalendar(loadEvents(app.db, { publicOnly: true }), { name: 'test', baseUrl: 'http://localhost' });
		const parsed = icalOccurrences(ics, TODAY, to);
		expect(shown.size).toBeGreaterThan(50);
		expect([...parsed].sort()).toEqual([...shown].sort());
		// The hand-made series are in it with their exceptions.
		expect(parsed.has(`${made.biweekly}@tsunagi|2026-12-15T01:00:00.000Z`)).toBe(true); // moved to 12-15 10:00 JST
		expect(parsed.has(`${made.biweekly}@tsunagi|2026-12-14T04:30:00.000Z`)).toBe(false);
		expect(parsed.has(`${made.salon}@tsunagi|2026-12-22T01:00:00.000Z`)).toBe(false); // 中止
		expect(parsed.has(`${made.night}@tsunagi|2026-12-08T14:30:00.000Z`)).toBe(true); // 23:30 JST
		expect(parsed.has(`${made.night}@tsunagi|2027-01-19T14:30:00.000Z`)).toBe(false); // after UNTIL
	});

	it('exports a series once, as RRULE with EXDATE, TZID Asia/Tokyo and a stable UID', async () => {
		const [salon] = loadEvents(app.db, { ids: [made.salon] });
		const ics = buildCalendar([salon], { name: 'test', baseUrl: 'http://localhost' });
		expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
		expect(ics).toContain('RRULE:FREQ=MONTHLY;BYDAY=2TU,4TU');
		expect(ics).toContain('EXDATE;TZID=Asia/Tokyo:20261222T100000');
		expect(ics).toContain('DTSTART;TZID=Asia/Tokyo:20261110T100000');
		expect(ics).toContain('TZID:Asia/Tokyo');
		expect(ics).toContain(`UID:${made.salon}@tsunagi`);
		expect(buildCalendar([salon], { name: 'test', baseUrl: 'http://localhost' })).toBe(ics);
		const [night] = loadEvents(app.db, { ids: [made.night] });
		expect(buildCalendar([night], { name: 'n', baseUrl: 'http://localhost' })).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20270112T145959Z');
	});
});

describe('calendar', () => {
	it('shows 中止 on a cancelled date and leaves past events out of upcoming', async () => {
		const outcome = await queryCalendar(app, query({ from: '2026-12-01', to: '2026-12-31' }));
		if (!outcome.ok) throw new Error('calendar failed');
		const salon = outcome.answer.entries.filter((entry) => entry.eventId === made.salon);
		expect(salon.map((entry) => [entry.occurrence.date, entry.occurrence.status])).toEqual([
			['2026-12-08', 'scheduled'],
			['2026-12-22', 'cancelled']
		]);
		const calledOff = outcome.answer.entries.find((entry) => entry.eventId === made['called off']);
		expect(calledOff?.occurrence.status).toBe('cancelled');
		const upcoming = await queryCalendar(app, query({ range: 'upcoming' }));
		if (!upcoming.ok) throw new Error('calendar failed');
		expect(upcoming.answer.entries.every((entry) => !entry.past)).toBe(true);
		expect(upcoming.answer.entries.some((entry) => entry.eventId === made.past)).toBe(false);
		// 今週 (Mon 11-30 – Sun 12-06) keeps today's earlier sessions, marked 終了.
		const week = await queryCalendar(app, query({ range: 'week' }));
		if (!week.ok) throw new Error('calendar failed');
		expect(week.answer.from).toBe('2026-11-30');
		expect(week.answer.to).toBe('2026-12-06');
	});

	it('filters by area, field, weekday, time of day, free of charge and distance', async () => {
		const asahi = await queryCalendar(app, query({ from: TODAY, to: '2027-02-28', area: '旭' }));
		if (!asahi.ok) throw new Error('calendar failed');
		expect(asahi.answer.area?.name).toBe('旭');
		expect(asahi.answer.entries.length).toBeGreaterThan(0);
		expect(asahi.answer.entries.every((entry) => entry.district === '旭')).toBe(true);
		const tuesdayMornings = await queryCalendar(app, query({ from: TODAY, to: '2027-02-28', weekday: '2', time: 'am' }));
		if (!tuesdayMornings.ok) throw new Error('calendar failed');
		expect(tuesdayMornings.answer.entries.length).toBeGreaterThan(0);
		for (const entry of tuesdayMornings.answer.entries) {
			expect(new Date(`${entry.occurrence.date}T00:00:00Z`).getUTCDay()).toBe(2);
			expect(entry.occurrence.startTime! < '12:00').toBe(true);
		}
		const free = await queryCalendar(app, query({ from: TODAY, to: '2027-02-28', free: 'true' }));
		if (!free.ok) throw new Error('calendar failed');
		expect(free.answer.entries.some((entry) => entry.eventId === made.oneOff)).toBe(true);
		expect(free.answer.entries.every((entry) => entry.free)).toBe(true);
		const near = await queryCalendar(app, query({ from: TODAY, to: '2027-02-28', lat: '33.5622', lng: '133.5129', radius_km: '1' }));
		if (!near.ok) throw new Error('calendar failed');
		expect(near.answer.entries.every((entry) => entry.distance_m! <= 1000)).toBe(true);
		const unknown = await queryCalendar(app, query({ area: 'どこにもない町' }));
		expect(unknown.ok).toBe(false);
	});
});

describe('event search', () => {
	it('finds an event by its title, its reading in katakana and 全角/半角 variants', async () => {
		for (const q of ['新春お茶会', 'お茶会', 'シンシュンオチャカイ', 'しんしゅん おちゃかい']) {
			const matches = await searchEvents(app, { q });
			expect(matches?.entries.map((entry) => entry.eventId), q).toContain(made.oneOff);
		}
		expect((await searchEvents(app, { q: '存在しない催し' }))?.total).toBe(0);
	});
});

describe('calendar parameters', () => {
	it('explain bad values in Japanese and English', async () => {
		const bad = parseEventParams(new URLSearchParams({ from: '2026-13-01', to: 'tomorrow', time: 'night', per_page: '0' }));
		expect(bad.ok).toBe(false);
		if (bad.ok) return;
		expect(bad.issues.map((issue) => issue.param)).toEqual(['from', 'to', 'time', 'per_page']);
		expect(bad.issues[0].ja).toContain('開始日');
		expect(bad.issues[0].en).toContain('from must be a date');
		const reversed = parseEventParams(new URLSearchParams({ from: '2026-12-10', to: '2026-12-01' }));
		expect(reversed.ok).toBe(false);
		// 全角 digits and 2026/12/8 are accepted.
		const loose = parseEventParams(new URLSearchParams({ from: '２０２６/１２/８' }));
		expect(loose.ok && loose.query.from).toBe('2026-12-08');
	});
});
