import { describe, expect, it } from 'vitest';
import type { WeeklySpan } from '../../src/lib/domain/hours';
import { isOpenAtClock, isOpenNow, isOpenThroughoutHour, japanClock, openHoursOf, weekIntervals } from '../../src/lib/server/search/filters';

/** An instant given as 高知 local time. */
const jst = (iso: string) => new Date(`${iso}+09:00`);
const doc = (hours: WeeklySpan[]) => ({ hours, sessions: [] });

describe('open-now helpers used by the embedded engine', () => {
	it('isOpenThroughoutHour: only hours a single span covers entirely', () => {
		// Tuesday 9:30–12:00, and Saturday 22:00 running into Sunday 2:00.
		const intervals = weekIntervals(doc([{ weekday: 2, opensAt: '9:30', closesAt: '12:00' }, { weekday: 6, opensAt: '22:00', closesAt: '2:00' }]));
		const tuesday = 2 * 24;
		expect(isOpenThroughoutHour(intervals, tuesday + 9)).toBe(false); // opens at 9:30
		expect(isOpenThroughoutHour(intervals, tuesday + 10)).toBe(true);
		expect(isOpenThroughoutHour(intervals, tuesday + 11)).toBe(true);
		expect(isOpenThroughoutHour(intervals, tuesday + 12)).toBe(false);
		expect(isOpenThroughoutHour(intervals, 6 * 24 + 23)).toBe(true);
		expect(isOpenThroughoutHour(intervals, 1)).toBe(true); // Sunday 1:00, wrapped from Saturday
		expect(isOpenThroughoutHour(intervals, 2)).toBe(false);
	});

	it('isOpenAtClock agrees with isOpenNow, and whole hours are within openHoursOf', () => {
		const listing = doc([{ weekday: 2, opensAt: '9:30', closesAt: '12:00' }, { weekday: 6, opensAt: '22:00', closesAt: '2:00' }]);
		const intervals = weekIntervals(listing);
		const hours = new Set(openHoursOf(listing));
		for (const at of ['2026-11-03T09:29', '2026-11-03T09:30', '2026-11-03T11:59', '2026-11-03T12:00', '2026-11-08T01:30', '2026-11-08T02:00']) {
			const now = jst(at);
			expect(isOpenAtClock(listing, japanClock(now), intervals)).toBe(isOpenNow(listing, now));
		}
		for (let hour = 0; hour < 168; hour++) if (isOpenThroughoutHour(intervals, hour)) expect(hours.has(hour)).toBe(true);
	});
});
