/**
 * The phrases the CSV export writes (formatWeeklyHours, describeSession) read back by the import's
 * parser unchanged: whole-week and wrapping day ranges, overnight and 24-hour spans, 隔週 with the
 * first date that fixes its weeks, series with an end date or a number of sessions, and rules the
 * phrases cannot say (written out as RRULE). What a resident sees — the next dates — stays the same.
 */
import { describe, expect, it } from 'vitest';
import { parseDays, parseHoursText, parseSessionsText, textSessionRule } from '../../src/lib/domain/hours-text';
import { formatWeeklyHours } from '../../src/lib/domain/hours';
import { buildRRule, describeSession, nextOccurrences, rruleKey, type RecurrenceChoice } from '../../src/lib/domain/recurrence';
import { HOURS } from '../../data/sample/catalog';

describe('day ranges', () => {
	it.each([
		['月〜日', [1, 2, 3, 4, 5, 6, 0]],
		['日〜土', [1, 2, 3, 4, 5, 6, 0]],
		['金〜月', [1, 5, 6, 0]],
		['土〜日', [6, 0]],
		['土〜月', [1, 6, 0]],
		['月〜金', [1, 2, 3, 4, 5]],
		['水〜水', [3]],
		['月〜水・金〜日', [1, 2, 3, 5, 6, 0]]
	])('%s', (text, days) => expect(parseDays(text)).toEqual(days));
});

describe('opening hours as the export writes them', () => {
	it('「月〜日 24時間」 is open all week, all day', () => {
		expect(parseHoursText('月〜日 24時間')).toEqual({ ok: true, value: [1, 2, 3, 4, 5, 6, 0].map((weekday) => ({ weekday, opensAt: '00:00', closesAt: '24:00' })) });
	});

	it('「月〜日 20:00〜8:00（翌日）」 runs overnight every day', () => {
		const parsed = parseHoursText('月〜日 20:00〜8:00（翌日）');
		expect(parsed.ok && parsed.value).toHaveLength(7);
		expect(parsed.ok && parsed.value[0]).toEqual({ weekday: 1, opensAt: '20:00', closesAt: '08:00' });
	});

	it.each(Object.entries(HOURS))('every sample plan comes back the same: %s', (_name, plan) => {
		const spans = plan.flatMap((day) => day.days.flatMap((weekday) => day.spans.map(([opensAt, closesAt]) => ({ weekday, opensAt, closesAt }))));
		const text = formatWeeklyHours(spans).join(' ／ ');
		const parsed = parseHoursText(text);
		expect(parsed.ok, text).toBe(true);
		const sorted = (list: typeof spans) => [...list].sort((a, b) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt));
		expect(parsed.ok && sorted(parsed.value)).toEqual(sorted(spans));
	});
});

const NO_END = { firstDate: null, until: null, count: null };

describe('sessions as the export writes them', () => {
	it('「隔週月曜（2026年4月13日から2週ごと） 10:00〜12:00」 keeps the first date', () => {
		expect(parseSessionsText('隔週月曜（2026年4月13日から2週ごと） 10:00〜12:00')).toEqual({
			ok: true,
			value: [{ pattern: 'biweekly', weekdays: [1], nths: [], monthDays: [], opensAt: '10:00', closesAt: '12:00', ...NO_END, firstDate: '2026-04-13' }]
		});
	});

	it('「（2027年3月31日まで）」 and 「（全10回）」 end the series', () => {
		const parsed = parseSessionsText('毎週月曜（2027年3月31日まで） 10:00〜11:00 ／ 毎週金曜（全10回） 14:00〜15:00 ／ 隔週月・木曜（2026年4月2日から2週ごと）（全6回） 10:00〜');
		expect(parsed.ok && parsed.value.map(({ pattern, firstDate, until, count }) => ({ pattern, firstDate, until, count }))).toEqual([
			{ pattern: 'weekly', firstDate: null, until: '2027-03-31', count: null },
			{ pattern: 'weekly', firstDate: null, until: null, count: 10 },
			{ pattern: 'biweekly', firstDate: '2026-04-02', until: null, count: 6 }
		]);
	});

	it('reads 和暦 and half-width brackets, as Excel may leave them', () => {
		const parsed = parseSessionsText('隔週水曜(令和8年4月1日から2週ごと) 17:00〜19:00');
		expect(parsed.ok && parsed.value[0].firstDate).toBe('2026-04-01');
	});

	it('keeps a rule the phrases cannot say, written out as RRULE, whole (its ";" is not a separator)', () => {
		const parsed = parseSessionsText('FREQ=WEEKLY;INTERVAL=3;BYDAY=MO 10:00〜12:00 ／ 毎週水曜 9:00〜10:00');
		expect(parsed.ok && parsed.value.map((session) => [session.pattern, session.rawRRule])).toEqual([
			['keep', 'FREQ=WEEKLY;INTERVAL=3;BYDAY=MO'],
			['weekly', undefined]
		]);
	});

	it.each([
		['隔週月曜（2026年4月14日から2週ごと） 10:00〜12:00', '火曜'],
		['毎週月曜（2027年2月30日まで） 10:00〜11:00', '日付として読めません'],
		['毎週月曜（雨天中止） 10:00〜11:00', '（雨天中止）'],
		['毎週月曜（2027年3月31日まで）（全10回） 10:00〜11:00', 'どちらか一方'],
		['（全10回） 10:00〜11:00', '繰り返し']
	])('explains 「%s」', (text, part) => {
		const parsed = parseSessionsText(text);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.error).toContain(part);
	});
});

const ruleOf = textSessionRule;

describe('describeSession → parseSessionsText gives the same series', () => {
	const now = new Date('2026-11-01T00:00:00+09:00');
	const cases: Array<[RecurrenceChoice, string | null]> = [
		[{ pattern: 'weekly', weekdays: [3] }, '2026-04-01'],
		[{ pattern: 'weekly', weekdays: [4, 1] }, '2026-04-01'],
		[{ pattern: 'biweekly', weekdays: [1] }, '2026-04-01'],
		[{ pattern: 'biweekly', weekdays: [1, 4] }, '2026-04-01'],
		[{ pattern: 'biweekly', weekdays: [0] }, '2026-04-01'],
		[{ pattern: 'monthly-nth', weekdays: [2], nths: [2, 4] }, '2026-04-01'],
		[{ pattern: 'monthly-nth', weekdays: [5], nths: [-1] }, '2026-04-01'],
		[{ pattern: 'monthly-day', monthDays: [1, 15] }, '2026-04-01'],
		[{ pattern: 'weekly', weekdays: [1], until: '2027-03-31' }, '2026-04-01'],
		[{ pattern: 'monthly-nth', weekdays: [3], nths: [1], count: 12 }, '2026-04-01'],
		[{ pattern: 'biweekly', weekdays: [2], count: 20 }, '2026-06-01'],
		[{ pattern: 'weekly', weekdays: [6] }, null]
	];
	it.each(cases)('%j from %s', (choice, dtstart) => {
		const rrule = buildRRule(choice);
		const text = describeSession(rrule, '10:00', '11:30', dtstart);
		const parsed = parseSessionsText(text);
		expect(parsed.ok, text).toBe(true);
		if (!parsed.ok) return;
		const [session] = parsed.value;
		expect(rruleKey(ruleOf(session))).toBe(rruleKey(rrule));
		expect([session.opensAt, session.closesAt]).toEqual(['10:00', '11:30']);
		const dates = (rule: string, start: string | null) => nextOccurrences({ rrule: rule, dtstart: start, startTime: '10:00', endTime: '11:30' }, now, 6).map((o) => o.date);
		// Residents see the same 次回 dates (隔週 from the first date the phrase names).
		expect(dates(ruleOf(session), session.firstDate ?? dtstart)).toEqual(dates(rrule, dtstart));
	});

	it('a rule outside the phrases round-trips as RRULE text', () => {
		const rrule = 'FREQ=WEEKLY;INTERVAL=3;BYDAY=MO';
		const parsed = parseSessionsText(describeSession(rrule, '10:00', '12:00', '2026-04-01'));
		expect(parsed.ok && rruleKey(ruleOf(parsed.value[0]))).toBe(rruleKey(rrule));
	});
});
