import { describe, expect, it } from 'vitest';
import { formatWeeklyHours, isOpenAt, type WeeklySpan } from '../../src/lib/domain/hours';

/** An instant given as 高知 local time. */
const jst = (iso: string) => new Date(`${iso}+09:00`);

const weekdays = (opensAt: string, closesAt: string): WeeklySpan[] =>
	[1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt, closesAt }));

describe('open now (Asia/Tokyo)', () => {
	const splitHours = [...weekdays('9:00', '12:00'), ...weekdays('13:00', '17:00')];

	it('is closed during the lunch break of split hours and open either side', () => {
		// 2026-11-24 is a Tuesday.
		expect(isOpenAt(splitHours, jst('2026-11-24T11:59'))).toBe(true);
		expect(isOpenAt(splitHours, jst('2026-11-24T12:00'))).toBe(false);
		expect(isOpenAt(splitHours, jst('2026-11-24T12:30'))).toBe(false);
		expect(isOpenAt(splitHours, jst('2026-11-24T13:00'))).toBe(true);
		expect(isOpenAt(splitHours, jst('2026-11-24T17:00'))).toBe(false);
	});

	it('uses Japanese time, not the server clock (UTC)', () => {
		// 2026-11-24T00:30Z is 09:30 on Tuesday in 高知.
		expect(isOpenAt(splitHours, new Date('2026-11-24T00:30:00Z'))).toBe(true);
		// 2026-11-23T23:30Z is Monday 23:30 UTC but already Tuesday 08:30 in Japan: closed.
		expect(isOpenAt(splitHours, new Date('2026-11-23T23:30:00Z'))).toBe(false);
	});

	it('keeps an overnight span open after midnight, including Saturday into Sunday', () => {
		const overnight: WeeklySpan[] = [{ weekday: 6, opensAt: '20:00', closesAt: '08:00' }];
		expect(isOpenAt(overnight, jst('2026-11-28T21:00'))).toBe(true); // Saturday night
		expect(isOpenAt(overnight, jst('2026-11-29T07:59'))).toBe(true); // Sunday morning
		expect(isOpenAt(overnight, jst('2026-11-29T08:00'))).toBe(false);
		expect(isOpenAt(overnight, jst('2026-11-28T19:59'))).toBe(false);
	});

	it('treats 00:00–24:00 as open all day', () => {
		const allDay: WeeklySpan[] = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opensAt: '00:00', closesAt: '24:00' }));
		expect(isOpenAt(allDay, jst('2026-11-24T03:00'))).toBe(true);
		expect(isOpenAt(allDay, jst('2026-11-24T23:59'))).toBe(true);
	});

	it('is closed on days without hours', () => {
		expect(isOpenAt(splitHours, jst('2026-11-29T10:00'))).toBe(false); // Sunday
	});
});

describe('weekly hours in Japanese', () => {
	it('groups weekdays with the same hours, Monday first', () => {
		const spans = [...weekdays('9:00', '12:30'), ...weekdays('14:00', '18:00'), { weekday: 6, opensAt: '9:00', closesAt: '12:30' }];
		expect(formatWeeklyHours(spans)).toEqual(['月〜金 9:00〜12:30、14:00〜18:00', '土 9:00〜12:30']);
	});

	it('marks overnight and 24-hour spans', () => {
		expect(formatWeeklyHours([{ weekday: 3, opensAt: '20:00', closesAt: '08:00' }])).toEqual(['水 20:00〜8:00（翌日）']);
		expect(formatWeeklyHours([{ weekday: 0, opensAt: '00:00', closesAt: '24:00' }])).toEqual(['日 24時間']);
	});
});
