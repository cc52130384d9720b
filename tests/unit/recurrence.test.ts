import { describe, expect, it } from 'vitest';
import { buildRRule, describeSession, occursOnDate, parseRecurrence } from '../../src/lib/domain/recurrence';

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
