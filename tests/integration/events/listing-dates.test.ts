/**
 * 次回 and 終了 on listings, on a real SQLite database, with a fixed "now" (2026-11-30 10:00 JST,
 * the day the issue was filed): a 毎月第2・第4火曜 salon's next three dates, a 隔週 session that
 * says which weeks, and past events marked 終了 instead of listed as coming.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createAdminFixture, type AdminFixture } from '../admin/fixture';
import { nextDatesForListings } from '../../../src/lib/server/events/next-dates';
import { loadEvents } from '../../../src/lib/server/events/store';
import { eventView } from '../../../src/lib/server/events/view';
import { getListing } from '../../../src/lib/server/listings';

const NOW = new Date('2026-11-30T10:00:00+09:00');
let fx: AdminFixture;

function insertEvent(values: { serviceId: string; title: string; startsAt: string; endsAt: string; rrule?: string }): string {
	const id = randomUUID();
	fx.db.$client
		.prepare(
			`INSERT INTO events (id, service_id, organization_id, title, starts_at, ends_at, rrule, field, status)
			VALUES (?, ?, (SELECT organization_id FROM services WHERE id = ?), ?, ?, ?, ?, '地域資源', 'published')`
		)
		.run(id, values.serviceId, values.serviceId, values.title, values.startsAt, values.endsAt, values.rrule ?? null);
	return id;
}

beforeAll(async () => {
	fx = await createAdminFixture();
});
afterAll(() => fx.close());

describe('次回 on listings', () => {
	it('gives the next three dates of a 毎月第2・第4火曜 salon', () => {
		const next = nextDatesForListings(fx.db, [fx.listingA], NOW).get(fx.listingA)!;
		expect(next.map((date) => date.label)).toEqual(['12月8日（火） 10:00〜11:30', '12月22日（火） 10:00〜11:30', '1月12日（火） 10:00〜11:30']);
	});

	it('merges the listing’s events into 次回 and says which weeks a 隔週 session meets', () => {
		fx.db.$client
			.prepare("UPDATE schedules SET rrule = 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', dtstart = '2026-11-02', opens_at = '13:30', closes_at = '15:00' WHERE service_id = ?")
			.run(fx.listingB);
		const eventId = insertEvent({ serviceId: fx.listingB, title: 'お薬相談会', startsAt: '2026-12-03T14:00:00+09:00', endsAt: '2026-12-03T15:00:00+09:00' });
		const next = nextDatesForListings(fx.db, [fx.listingB], NOW).get(fx.listingB)!;
		// 隔週 from Mon 11-02: 11-16, 11-30 (today, 13:30, still to come), 12-14 …; the event on 12-03.
		expect(next.map((date) => [date.label, date.eventId])).toEqual([
			['11月30日（月） 13:30〜15:00', null],
			['12月3日（木） 14:00〜15:00', eventId],
			['12月14日（月） 13:30〜15:00', null]
		]);
		expect(getListing(fx.db, fx.listingB)!.sessions[0].description).toBe('隔週月曜（2026年11月2日から2週ごと） 13:30〜15:00');
	});
});

describe('past events', () => {
	it('are marked 終了 and are not among coming events', () => {
		const past1 = insertEvent({ serviceId: fx.listingA, title: 'いも掘り交流会', startsAt: '2026-11-02T10:00:00+09:00', endsAt: '2026-11-02T12:00:00+09:00' });
		const past2 = insertEvent({ serviceId: fx.listingA, title: '秋の健康講座', startsAt: '2026-11-10T13:30:00+09:00', endsAt: '2026-11-10T15:00:00+09:00' });
		const coming = insertEvent({ serviceId: fx.listingA, title: '新春お茶会', startsAt: '2027-01-14T13:30:00+09:00', endsAt: '2027-01-14T15:00:00+09:00' });
		const views = loadEvents(fx.db, { serviceIds: [fx.listingA], publicOnly: true }).map((event) => eventView(event, NOW));
		const byId = new Map(views.map((view) => [view.event.id, view]));
		expect(byId.get(past1)).toMatchObject({ ended: true, lastDate: '2026-11-02' });
		expect(byId.get(past2)).toMatchObject({ ended: true, lastDate: '2026-11-10' });
		expect(byId.get(coming)).toMatchObject({ ended: false, next: { date: '2027-01-14', startsAt: '2027-01-14T13:30:00+09:00' } });
	});
});
