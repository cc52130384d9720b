/**
 * The editor keeps what its session rows do not show: the first date (DTSTART, which fixes the
 * weeks of a 隔週 series), the series' end (終わりの日 or 回数), and rules the form cannot say.
 * Saving a stored listing unchanged gives the same sessions back.
 */
import { describe, expect, it } from 'vitest';
import { listingInputToValues, parseListingValues, type ListingInput } from '../../../src/lib/server/admin/listing-input';

const stored: ListingInput = {
	organizationId: 'org-1',
	name: 'ひだまりサロン',
	nameKana: null,
	field: '地域資源',
	description: null,
	fee: null,
	eligibility: null,
	howToApply: null,
	url: null,
	email: null,
	termCodes: [],
	targets: [],
	tags: [],
	location: null,
	hours: [],
	sessions: [
		{ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', dtstart: '2026-04-01', opensAt: '10:00', closesAt: '12:00', note: '雨天中止' },
		{ rrule: 'FREQ=WEEKLY;BYDAY=FR;UNTIL=20270331T235959Z', dtstart: '2026-04-01', opensAt: '14:00', closesAt: '15:00', note: null },
		{ rrule: 'FREQ=MONTHLY;BYDAY=1WE;COUNT=12', dtstart: null, opensAt: '10:00', closesAt: null, note: null },
		{ rrule: 'FREQ=WEEKLY;INTERVAL=3;BYDAY=TU', dtstart: '2026-05-05', opensAt: '09:30', closesAt: '11:00', note: null }
	],
	contacts: []
};

describe('session rows of a stored listing', () => {
	it('save back with the same DTSTART, end and rule', () => {
		const values = listingInputToValues(stored);
		expect(values.sessions.slice(0, 4).map((row) => [row.pattern, row.dtstart, row.until, row.count])).toEqual([
			['biweekly', '2026-04-01', '', ''],
			['weekly', '2026-04-01', '2027-03-31', ''],
			['monthly-nth', '', '', '12'],
			// INTERVAL=3 is not 毎週: kept as it is.
			['keep', '2026-05-05', '', '']
		]);
		const parsed = parseListingValues(values);
		expect(parsed.ok && parsed.input.sessions).toEqual(stored.sessions);
	});

	it('explains a count that is not a number', () => {
		const values = listingInputToValues(stored);
		values.sessions[2].count = '十二';
		const parsed = parseListingValues(values);
		expect(!parsed.ok && parsed.errors['sessions.2.count']).toContain('回数');
	});
});
