/**
 * English pages word hours, sessions and dates the English way (the Japanese wording, which the
 * spreadsheet import reads back, stays as it was), and mark the content they quote as Japanese.
 */
import { describe, expect, it } from 'vitest';
import { formatWeeklyHours, type WeeklySpan } from '../../src/lib/domain/hours';
import { describeRecurrence, describeSession } from '../../src/lib/domain/recurrence';
import { formatShortDate, formatTimeRange } from '../../src/lib/domain/event';
import { quotedJapanese, splitContent } from '../../src/lib/domain/i18n/content';
import { worryAskLabel } from '../../src/lib/domain/i18n';

const japanese = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

describe('hours and sessions in English', () => {
	const weekdays: WeeklySpan[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
		{ weekday, opensAt: '09:00', closesAt: '12:30' },
		{ weekday, opensAt: '14:00', closesAt: '18:00' }
	]);

	it('groups weekdays like the Japanese timetable, in English words', () => {
		expect(formatWeeklyHours([...weekdays, { weekday: 6, opensAt: '09:00', closesAt: '12:30' }], 'en')).toEqual([
			'Mon–Fri 9:00–12:30, 14:00–18:00',
			'Sat 9:00–12:30'
		]);
		expect(formatWeeklyHours([{ weekday: 6, opensAt: '10:00', closesAt: '16:00' }, { weekday: 0, opensAt: '10:00', closesAt: '16:00' }], 'en')).toEqual([
			'Sat & Sun 10:00–16:00'
		]);
		expect(formatWeeklyHours([{ weekday: 3, opensAt: '20:00', closesAt: '08:00' }], 'en')).toEqual(['Wed 20:00–8:00 (next day)']);
		expect(formatWeeklyHours([{ weekday: 0, opensAt: '00:00', closesAt: '24:00' }], 'en')).toEqual(['Sun 24 hours']);
	});

	it('keeps the Japanese wording by default (the spreadsheet reads it back)', () => {
		expect(formatWeeklyHours(weekdays)).toEqual(['月〜金 9:00〜12:30、14:00〜18:00']);
		expect(describeSession('FREQ=MONTHLY;BYDAY=2TU,4TU', '10:00', '11:30')).toBe('毎月第2・第4火曜 10:00〜11:30');
	});

	it('says 毎月第2火曜, 毎週, 隔週, 最終 and 毎月15日 in English', () => {
		expect(describeSession('FREQ=MONTHLY;BYDAY=2TU', '10:00', '11:30', null, 'en')).toBe('2nd Tue of each month 10:00–11:30');
		expect(describeSession('FREQ=MONTHLY;BYDAY=2TU,4TU', '10:00', null, null, 'en')).toBe('2nd & 4th Tue of each month from 10:00');
		expect(describeSession('FREQ=WEEKLY;BYDAY=MO,WE,FR', '13:30', '15:00', null, 'en')).toBe('Every Mon, Wed & Fri 13:30–15:00');
		expect(describeRecurrence('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE', '2026-04-01', 'en')).toBe('Every other Wed (every 2 weeks from Apr 1, 2026)');
		expect(describeRecurrence('FREQ=MONTHLY;BYDAY=-1FR', null, 'en')).toBe('last Fri of each month');
		expect(describeRecurrence('FREQ=MONTHLY;BYMONTHDAY=1,15;UNTIL=20270331T235959Z', null, 'en')).toBe('Monthly on the 1st & 15th (until Mar 31, 2027)');
		expect(describeRecurrence('FREQ=WEEKLY;BYDAY=TU;COUNT=10', null, 'en')).toBe('Every Tue (10 times)');
		expect(describeRecurrence('FREQ=MONTHLY;BYMONTHDAY=22', null, 'en')).toBe('Monthly on the 22nd');
	});

	it('writes 次回 dates and times the English way', () => {
		expect(formatShortDate('2026-12-08', 'en')).toBe('Tue, Dec 8');
		expect(formatShortDate('2026-12-08')).toBe('12月8日（火）');
		expect(formatTimeRange('09:30', '11:00', 'en')).toBe('9:30–11:00');
		expect(formatTimeRange('13:30', null, 'en')).toBe('from 13:30');
	});

	it('leaves no Japanese in any English rule the form can build', () => {
		for (const rule of ['FREQ=WEEKLY;BYDAY=SA,SU', 'FREQ=MONTHLY;BYDAY=1MO,3MO', 'FREQ=MONTHLY;BYDAY=-1SU;COUNT=3', 'FREQ=MONTHLY;BYMONTHDAY=3'])
			expect(describeSession(rule, '10:00', '12:00', '2026-01-04', 'en')).not.toMatch(japanese);
	});
});

describe('content quoted in English interface text', () => {
	it('marks the quoted names, also when the wording shortened them (旭地区 → 旭 district)', () => {
		expect(splitContent('Results for “サロン” in 旭 district', ['サロン', '旭地区'])).toEqual([
			{ text: 'Results for “', content: false },
			{ text: 'サロン', content: true },
			{ text: '” in ', content: false },
			{ text: '旭', content: true },
			{ text: ' district', content: false }
		]);
	});

	it('leaves Japanese that is not quoted content unmarked (so a test still finds it)', () => {
		expect(splitContent('次回 in 旭 district', ['旭'])).toEqual([
			{ text: '次回 in ', content: false },
			{ text: '旭', content: true },
			{ text: ' district', content: false }
		]);
	});

	it('finds the Japanese words an English sentence quotes on purpose', () => {
		expect(quotedJapanese('general help desk (なんでも相談窓口)')).toEqual(['なんでも相談窓口']);
		expect(quotedJapanese('Use fewer words (e.g. 「いきいき百歳体操」 → 「体操」)')).toEqual(['「いきいき百歳体操」', '「体操」']);
	});

	it('words a stored こんなときに worry in English, and keeps one a curator wrote as stored', () => {
		expect(worryAskLabel('en', '電球を替えてほしい')).toEqual({ text: 'I need someone to change a light bulb', stored: false });
		expect(worryAskLabel('en', '雪かきを頼みたい')).toEqual({ text: '雪かきを頼みたい', stored: true });
		expect(worryAskLabel('ja', '電球を替えてほしい')).toEqual({ text: '電球を替えてほしい', stored: false });
	});
});
