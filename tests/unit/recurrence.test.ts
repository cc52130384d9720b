import { describe, expect, it, vi } from 'vitest';
import { RRule } from 'rrule';
import {
	buildRRule,
	describeRecurrence,
	describeSession,
	expandOccurrences,
	isPastOccurrence,
	nextOccurrences,
	occursOnDate,
	parseRecurrence,
	tokyoDate
} from '../../src/lib/domain/recurrence';

describe('recurring sessions in Japanese', () => {
	it('describes 毎月第2・第4火曜 10:00〜11:30', () => {
		expect(describeSession('FREQ=MONTHLY;BYDAY=2TU,4TU', '10:00', '11:30')).toBe('毎月第2・第4火曜 10:00〜11:30');
	});

	it('describes weekly, biweekly, last-weekday and day-of-month rules', () => {
		expect(describeSession('FREQ=WEEKLY;BYDAY=MO,TH', '13:30', '15:00')).toBe('毎週月・木曜 13:30〜15:00');
		expect(describeSession('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE', '10:00', '11:00')).toBe('隔週水曜 10:00〜11:00');
		expect(describeSession('FREQ=MONTHLY;BYDAY=-1FR', '18:00', '20:00')).toBe('毎月最終金曜 18:00〜20:00');
		expect(describeSession('FREQ=MONTHLY;BYMONTHDAY=15', null, null)).toBe('毎月15日');
	});

	it('round-trips the admin form choices through RRULE', () => {
		const rule = buildRRule({ pattern: 'monthly-nth', weekdays: [2], nths: [2, 4] });
		expect(rule).toBe('FREQ=MONTHLY;BYDAY=2TU,4TU');
		expect(parseRecurrence(rule)).toEqual({ pattern: 'monthly-nth', weekdays: [2], nths: [2, 4] });
	});

	it('knows on which dates a monthly rule occurs', () => {
		// November 2026: Tuesdays are 3, 10, 17, 24 → 2nd = 10th, 4th = 24th.
		expect(occursOnDate('FREQ=MONTHLY;BYDAY=2TU,4TU', 2026, 11, 10)).toBe(true);
		expect(occursOnDate('FREQ=MONTHLY;BYDAY=2TU,4TU', 2026, 11, 24)).toBe(true);
		expect(occursOnDate('FREQ=MONTHLY;BYDAY=2TU,4TU', 2026, 11, 17)).toBe(false);
	});
});

describe('one occurrence expansion (hand-computed dates)', () => {
	const at = (dates: Array<{ date: string }>) => dates.map((occurrence) => occurrence.date);

	it('毎月第2・第4火曜 across the turn of the year', () => {
		const series = { rrule: 'FREQ=MONTHLY;BYDAY=2TU,4TU', dtstart: '2026-04-01', startTime: '10:00', endTime: '11:30' };
		const occurrences = expandOccurrences(series, '2026-11-01', '2027-02-28');
		// Tuesdays: Nov 3 10 17 24 · Dec 1 8 15 22 29 · Jan 5 12 19 26 · Feb 2 9 16 23.
		expect(at(occurrences)).toEqual(['2026-11-10', '2026-11-24', '2026-12-08', '2026-12-22', '2027-01-12', '2027-01-26', '2027-02-09', '2027-02-23']);
		expect(occurrences[2]).toMatchObject({ startsAt: '2026-12-08T10:00:00+09:00', endsAt: '2026-12-08T11:30:00+09:00', status: 'scheduled' });
	});

	it('a 隔週 series with a day off, a cancelled and a moved session', () => {
		const series = { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', dtstart: '2026-11-02', startTime: '13:30', endTime: '15:00' };
		const occurrences = expandOccurrences(series, '2026-11-01', '2027-01-15', [
			{ date: '2026-11-30', kind: 'skip' },
			{ date: '2026-12-28', kind: 'cancel', note: '会場の工事のため' },
			{ date: '2026-12-14', kind: 'move', newDate: '2026-12-15', newStartTime: '10:00', newEndTime: '11:30' }
		]);
		expect(occurrences.map((o) => [o.date, o.originalDate, o.status, o.startTime])).toEqual([
			['2026-11-02', '2026-11-02', 'scheduled', '13:30'],
			['2026-11-16', '2026-11-16', 'scheduled', '13:30'],
			['2026-11-30', '2026-11-30', 'skipped', '13:30'],
			['2026-12-15', '2026-12-14', 'moved', '10:00'],
			['2026-12-28', '2026-12-28', 'cancelled', '13:30'],
			['2027-01-11', '2027-01-11', 'scheduled', '13:30']
		]);
		// 次回 skips the day off and the cancelled date, and shows the moved one on its new day.
		const now = new Date('2026-11-20T12:00:00+09:00');
		expect(at(nextOccurrences(series, now, 3, [
			{ date: '2026-11-30', kind: 'skip' },
			{ date: '2026-12-14', kind: 'move', newDate: '2026-12-15' },
			{ date: '2026-12-28', kind: 'cancel' }
		]))).toEqual(['2026-12-15', '2027-01-11', '2027-01-25']);
		// A session moved into the range from outside it is found.
		expect(at(expandOccurrences(series, '2026-12-15', '2026-12-15', [{ date: '2026-12-14', kind: 'move', newDate: '2026-12-15' }]))).toEqual(['2026-12-15']);
	});

	it('says which weeks a 隔週 session meets', () => {
		expect(describeSession('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', '13:30', '15:00', '2026-11-02')).toBe('隔週月曜（2026年11月2日から2週ごと） 13:30〜15:00');
		// The first session is the first Monday on or after DTSTART (a Wednesday here), two weeks apart from then.
		expect(describeRecurrence('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', '2026-04-01')).toBe('隔週月曜（2026年4月13日から2週ごと）');
	});

	it('毎月31日 skips months without a 31st', () => {
		const series = { rrule: 'FREQ=MONTHLY;BYMONTHDAY=31', dtstart: '2026-01-01', startTime: '18:00', endTime: '20:00' };
		expect(at(expandOccurrences(series, '2026-01-01', '2026-12-31'))).toEqual([
			'2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31', '2026-08-31', '2026-10-31', '2026-12-31'
		]);
	});

	it('keeps a 23:30 JST session on its Japanese date', () => {
		const series = { rrule: 'FREQ=WEEKLY;BYDAY=TU', dtstart: '2026-12-01', startTime: '23:30', endTime: '1:00' };
		const [first, second] = expandOccurrences(series, '2026-12-01', '2026-12-10');
		expect(first).toMatchObject({ date: '2026-12-01', startsAt: '2026-12-01T23:30:00+09:00', endsAt: '2026-12-02T01:00:00+09:00' });
		expect(second.date).toBe('2026-12-08');
		expect(new Date(second.startsAt!).toISOString()).toBe('2026-12-08T14:30:00.000Z');
		expect(tokyoDate(new Date('2026-12-08T14:30:00Z'))).toBe('2026-12-08');
		// Still on at 0:30 the next morning: not past yet.
		expect(isPastOccurrence(first, new Date('2026-12-02T00:30:00+09:00'))).toBe(false);
		expect(isPastOccurrence(first, new Date('2026-12-02T01:00:00+09:00'))).toBe(true);
		expect(occursOnDate('FREQ=WEEKLY;BYDAY=TU', 2026, 12, 8, '2026-12-01')).toBe(true);
		expect(occursOnDate('FREQ=WEEKLY;BYDAY=TU', 2026, 12, 9, '2026-12-01')).toBe(false);
	});

	it('ends a series on its until date or after its count', () => {
		const until = buildRRule({ pattern: 'weekly', weekdays: [5], until: '2026-12-18' });
		expect(until).toBe('FREQ=WEEKLY;BYDAY=FR;UNTIL=20261218T235959Z');
		expect(parseRecurrence(until)).toMatchObject({ pattern: 'weekly', weekdays: [5], until: '2026-12-18' });
		expect(at(expandOccurrences({ rrule: until, dtstart: '2026-12-01', startTime: '10:00', endTime: null }, '2026-12-01', '2027-01-31'))).toEqual([
			'2026-12-04', '2026-12-11', '2026-12-18'
		]);
		const count = buildRRule({ pattern: 'monthly-day', monthDays: [15], count: 2 });
		expect(describeRecurrence(count)).toBe('毎月15日（全2回）');
		expect(describeRecurrence(until)).toBe('毎週金曜（2026年12月18日まで）');
		expect(at(expandOccurrences({ rrule: count, dtstart: '2026-12-01', startTime: null, endTime: null }, '2026-12-01', '2027-12-31'))).toEqual([
			'2026-12-15', '2027-01-15'
		]);
	});
});

describe('次回 for pages that list hundreds of listings', () => {
	const now = new Date('2026-11-30T01:00:00Z');

	it('a rule is expanded once per range, not once per listing that shares it or per page view', () => {
		const between = vi.spyOn(RRule.prototype, 'between');
		try {
			const series = { rrule: 'FREQ=WEEKLY;BYDAY=WE', dtstart: '2020-01-08', startTime: '10:00', endTime: '11:00' };
			const first = nextOccurrences(series, now, 3);
			const calls = between.mock.calls.length;
			expect(calls).toBeGreaterThan(0);
			for (let view = 0; view < 20; view++) expect(nextOccurrences(series, now, 3)).toEqual(first);
			expect(between.mock.calls.length).toBe(calls);
		} finally {
			between.mockRestore();
		}
	});

	it('looks past two months only when needed, with the same dates as a whole year', () => {
		const cases = [
			{ rrule: 'FREQ=WEEKLY;BYDAY=TU,FR', dtstart: '2021-04-06' },
			{ rrule: 'FREQ=MONTHLY;BYDAY=1TH', dtstart: '2022-05-05' },
			{ rrule: 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15', dtstart: '2026-01-15' },
			{ rrule: 'FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=1', dtstart: '2020-08-01' }
		];
		for (const rule of cases) {
			const series = { ...rule, startTime: '10:00', endTime: '11:30' };
			const wholeYear = expandOccurrences(series, tokyoDate(now), '2027-12-01').filter((o) => !isPastOccurrence(o, now)).slice(0, 3);
			expect(nextOccurrences(series, now, 3), rule.rrule).toEqual(wholeYear);
		}
		// A yearly rule has one date in the year ahead.
		expect(nextOccurrences({ rrule: 'FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=1', dtstart: '2020-08-01', startTime: null, endTime: null }, now, 3).map((o) => o.date)).toEqual(['2027-08-01']);
	});
});
