/**
 * Keeping events in the admin on a real SQLite database: zod validation with Japanese messages,
 * role checks (an organisation editor touches only its own organisation's events), the review
 * step for an editor's new event, one date 中止 and back, delete, and the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminFixture, type AdminFixture } from '../admin/fixture';
import { emptyEventValues, type EventFormValues } from '../../../src/lib/domain/event-form';
import { parseEventValues, type EventInput } from '../../../src/lib/server/admin/event-input';
import {
	approveEventRequest,
	changeEventDate,
	createEvent,
	deleteEvent,
	readStoredEvent,
	rejectEventRequest,
	seriesWithoutFutureDates,
	setEventStatus,
	updateEvent
} from '../../../src/lib/server/admin/events';
import { eventRequestsOf, pendingEventRequests } from '../../../src/lib/server/admin/event-requests';
import { InputError } from '../../../src/lib/server/admin/workflow';
import { ForbiddenError } from '../../../src/lib/server/auth/permissions';
import { loadEvent, loadEvents } from '../../../src/lib/server/events/store';
import { calendarEntries } from '../../../src/lib/server/events/calendar';
import { auditTrail } from '../../../src/lib/server/admin/audit';

let fx: AdminFixture;
const NOW = new Date('2026-11-30T10:00:00+09:00');

function salonEvent(overrides: Partial<EventFormValues> = {}): EventFormValues {
	return emptyEventValues({
		title: 'サロン クリスマス会',
		date: '2026-12-08',
		startTime: '１０:００',
		endTime: '11:30',
		pattern: 'monthly-nth',
		weekdays: ['2'],
		nths: ['2', '4'],
		fee: '無料',
		capacity: '２０',
		targets: ['高齢者'],
		...overrides
	});
}

function input(values: EventFormValues): EventInput {
	const parsed = parseEventValues(values);
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.input;
}

beforeAll(async () => {
	fx = await createAdminFixture();
});
const events = () => ({ db: fx.db, searchSync: fx.searchSync });
afterAll(() => fx.close());

describe('event form validation', () => {
	it('builds the RRULE from the choices and accepts 全角 digits', async () => {
		const parsed = input(salonEvent({ serviceId: 'x', until: '2027-03-31' }));
		expect(parsed).toMatchObject({
			startsAt: '2026-12-08T10:00:00+09:00',
			endsAt: '2026-12-08T11:30:00+09:00',
			rrule: 'FREQ=MONTHLY;BYDAY=2TU,4TU;UNTIL=20270331T235959Z',
			capacity: 20
		});
		expect(input(salonEvent({ pattern: 'biweekly', weekdays: ['1'], nths: [] })).rrule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO');
		expect(input(salonEvent({ pattern: 'once' })).rrule).toBeNull();
	});

	it('answers bad values with a Japanese message per field', async () => {
		const parsed = parseEventValues(salonEvent({ title: ' ', date: '2026-02-30', startTime: '25:00', capacity: '-1', pattern: 'weekly', weekdays: [], until: '2027-01-01', count: '3' }));
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors).toMatchObject({
			title: 'イベント名を入力してください（200文字まで）。',
			date: '初回の日付を 2026-12-08 の形で入力してください。',
			startTime: '開始時刻を 10:00 の形で入力してください。',
			capacity: '定員は0〜100000の整数で入力してください。',
			weekdays: '曜日を選んでください。',
			count: '終了日と回数は、どちらか一方だけ入力してください。'
		});
	});
});

describe('who may keep which event', () => {
	it('publishes a curator’s event at once, with its listing’s place, organisation and field, and audits it', async () => {
		const id = await createEvent(events(), fx.curator, input(salonEvent({ serviceId: fx.listingA })));
		const event = loadEvent(fx.db, id, { publicOnly: true })!;
		expect(event).toMatchObject({ status: 'published', organizationId: fx.orgA, field: '地域資源', serviceId: fx.listingA });
		expect(event.place?.address).toContain('旭町2丁目');
		expect(auditTrail(fx.db, 'event', id).map((entry) => entry.action)).toEqual(['create']);
	});

	it('keeps an editor’s new event 確認待ち until a curator publishes it', async () => {
		const id = await createEvent(events(), fx.editorA, input(salonEvent({ serviceId: fx.listingA, title: '旭の防災訓練', pattern: 'once' })));
		expect(readStoredEvent(fx.db, id)!.status).toBe('review');
		expect(loadEvent(fx.db, id, { publicOnly: true })).toBeNull();
		await expect(setEventStatus(events(), fx.editorA, id, 'publish')).rejects.toThrow(ForbiddenError);
		await setEventStatus(events(), fx.curator, id, 'publish');
		expect(loadEvent(fx.db, id, { publicOnly: true })?.status).toBe('published');
	});

	it('lets an editor touch only its own organisation’s events', async () => {
		const id = await createEvent(events(), fx.editorA, input(salonEvent({ serviceId: fx.listingA })));
		await expect(updateEvent(events(), fx.editorB, id, input(salonEvent({ serviceId: fx.listingA, title: '乗っ取り' })))).rejects.toThrow(ForbiddenError);
		await expect(changeEventDate(events(), fx.editorB, id, { date: '2026-12-08', kind: 'cancel' })).rejects.toThrow(ForbiddenError);
		await expect(deleteEvent(events(), fx.editorB, id)).rejects.toThrow(ForbiddenError);
		await expect(createEvent(events(), fx.editorB, input(salonEvent({ serviceId: fx.listingA })))).rejects.toThrow(ForbiddenError);
		// A standalone event of editor A belongs to its organisation; one without an organisation is the city's.
		const own = await createEvent(events(), fx.editorA, input(salonEvent({ placeName: '旭公民館', addressLine: '旭町1丁目', areaId: fx.districtId })));
		expect(readStoredEvent(fx.db, own)!.organizationId).toBe(fx.orgA);
		const city = await createEvent(events(), fx.curator, input(salonEvent({ placeName: '市役所', addressLine: '本町5丁目' })));
		await expect(updateEvent(events(), fx.editorA, city, input(salonEvent()))).rejects.toThrow(ForbiddenError);
		expect(readStoredEvent(fx.db, id)!.title).toBe('サロン クリスマス会');
	});
});

describe('review of an organisation editor’s change of a public event', () => {
	const publicTitle = (id: string) => loadEvent(fx.db, id, { publicOnly: true })?.title;

	it('holds the edit for review: residents keep the published version until a curator approves', async () => {
		const id = await createEvent(events(), fx.curator, input(salonEvent({ serviceId: fx.listingA, title: '旭いきいきサロン' })));
		const outcome = await updateEvent(events(), fx.editorA, id, input(salonEvent({ serviceId: fx.listingA, title: '旭いきいきサロン（会場変更）', fee: '100円' })));
		expect(outcome.kind).toBe('submitted');
		expect(publicTitle(id)).toBe('旭いきいきサロン');
		expect(readStoredEvent(fx.db, id)).toMatchObject({ title: '旭いきいきサロン', fee: '無料', status: 'published' });
		// The curator's queue and the event page show what would change.
		const [request] = pendingEventRequests(fx.db, fx.curator).filter((row) => row.eventId === id);
		expect(request.changes).toEqual([
			{ label: 'イベント名', before: '旭いきいきサロン', after: '旭いきいきサロン（会場変更）' },
			{ label: '費用', before: '無料', after: '100円' }
		]);
		expect(pendingEventRequests(fx.db, fx.editorB).map((row) => row.eventId)).not.toContain(id);
		await expect(approveEventRequest(events(), fx.editorA, request.id)).rejects.toThrow(ForbiddenError);
		await approveEventRequest(events(), fx.curator, request.id);
		expect(publicTitle(id)).toBe('旭いきいきサロン（会場変更）');
		expect(readStoredEvent(fx.db, id)).toMatchObject({ fee: '100円', status: 'published' });
		expect(eventRequestsOf(fx.db, id).map((row) => row.status)).toEqual(['approved']);
		await expect(approveEventRequest(events(), fx.curator, request.id)).rejects.toThrow(InputError);
		expect(auditTrail(fx.db, 'event', id).map((entry) => entry.action)).toEqual(['approve_edit', 'submit_edit', 'create']);
	});

	it('publishes a curator’s edit directly, and a rejected proposal changes nothing', async () => {
		const id = await createEvent(events(), fx.curator, input(salonEvent({ serviceId: fx.listingA, title: '旭の健康教室' })));
		expect(await updateEvent(events(), fx.curator, id, input(salonEvent({ serviceId: fx.listingA, title: '旭の健康教室（冬）' })))).toEqual({ kind: 'applied' });
		expect(publicTitle(id)).toBe('旭の健康教室（冬）');
		const outcome = await updateEvent(events(), fx.editorA, id, input(salonEvent({ serviceId: fx.listingA, title: '別の名前' })));
		if (outcome.kind !== 'submitted') throw new Error('expected a change request');
		await expect(rejectEventRequest(events(), fx.curator, outcome.changeRequestId, ' ')).rejects.toThrow(InputError);
		await rejectEventRequest(events(), fx.curator, outcome.changeRequestId, '名前は今のままでお願いします。');
		expect(publicTitle(id)).toBe('旭の健康教室（冬）');
		expect(eventRequestsOf(fx.db, id)[0]).toMatchObject({ status: 'rejected', reviewComment: '名前は今のままでお願いします。' });
		expect(auditTrail(fx.db, 'event', id).map((entry) => entry.action)).toEqual(['reject_edit', 'submit_edit', 'update', 'create']);
	});

	it('holds an editor’s move of a public date; 中止 of a date takes effect at once', async () => {
		const id = await createEvent(events(), fx.curator, input(salonEvent({ serviceId: fx.listingA, title: '旭の第2・第4火曜サロン' })));
		const dates = () =>
			calendarEntries(loadEvents(fx.db, { ids: [id], publicOnly: true }), { from: '2026-12-01', to: '2026-12-31' }, NOW).map((entry) => [entry.occurrence.date, entry.occurrence.status]);
		const moved = await changeEventDate(events(), fx.editorA, id, { date: '2026-12-22', kind: 'move', newDate: '2026-12-24' });
		expect(moved.kind).toBe('submitted');
		expect(dates()).toEqual([
			['2026-12-08', 'scheduled'],
			['2026-12-22', 'scheduled']
		]);
		expect(await changeEventDate(events(), fx.editorA, id, { date: '2026-12-08', kind: 'cancel' })).toEqual({ kind: 'applied' });
		if (moved.kind === 'submitted') await approveEventRequest(events(), fx.curator, moved.changeRequestId);
		expect(dates()).toEqual([
			['2026-12-08', 'cancelled'],
			['2026-12-24', 'moved']
		]);
	});

	it('applies an editor’s edit of an event still waiting for review (it is reviewed when published)', async () => {
		const id = await createEvent(events(), fx.editorA, input(salonEvent({ serviceId: fx.listingA, title: '旭の手芸教室' })));
		expect(await updateEvent(events(), fx.editorA, id, input(salonEvent({ serviceId: fx.listingA, title: '旭の手芸教室（初心者向け）' })))).toEqual({ kind: 'applied' });
		expect(readStoredEvent(fx.db, id)).toMatchObject({ title: '旭の手芸教室（初心者向け）', status: 'review' });
		expect(publicTitle(id)).toBeUndefined();
	});

	it('refuses another organisation’s editor a proposal', async () => {
		const id = await createEvent(events(), fx.curator, input(salonEvent({ serviceId: fx.listingA, title: '旭の防災講座' })));
		await expect(updateEvent(events(), fx.editorB, id, input(salonEvent({ serviceId: fx.listingA, title: '乗っ取り' })))).rejects.toThrow(ForbiddenError);
		await expect(changeEventDate(events(), fx.editorB, id, { date: '2026-12-22', kind: 'move', newDate: '2026-12-24' })).rejects.toThrow(ForbiddenError);
		// Nor may an editor move its own event under another organisation's listing.
		await expect(updateEvent(events(), fx.editorA, id, input(salonEvent({ serviceId: fx.listingB })))).rejects.toThrow(ForbiddenError);
		expect(eventRequestsOf(fx.db, id)).toEqual([]);
	});
});

describe('one date and the whole event', () => {
	it('cancels one date (中止 in the calendar), restores it, and deletes the event, all audited', async () => {
		const id = await createEvent(events(), fx.editorA, input(salonEvent({ serviceId: fx.listingA, title: '第2・第4火曜サロン' })));
		await setEventStatus(events(), fx.curator, id, 'publish');
		await changeEventDate(events(), fx.editorA, id, { date: '2026-12-22', kind: 'cancel', note: '会場の点検' });
		const december = () =>
			calendarEntries(loadEvents(fx.db, { ids: [id], publicOnly: true }), { from: '2026-12-01', to: '2026-12-31' }, NOW).map((entry) => [
				entry.occurrence.date,
				entry.occurrence.status
			]);
		expect(december()).toEqual([
			['2026-12-08', 'scheduled'],
			['2026-12-22', 'cancelled']
		]);
		await changeEventDate(events(), fx.editorA, id, { date: '2026-12-22', kind: 'restore' });
		expect(december()).toEqual([
			['2026-12-08', 'scheduled'],
			['2026-12-22', 'scheduled']
		]);
		await setEventStatus(events(), fx.editorA, id, 'cancel');
		expect(december().every(([, status]) => status === 'cancelled')).toBe(true);
		await deleteEvent(events(), fx.editorA, id);
		expect(readStoredEvent(fx.db, id)).toBeNull();
		expect(auditTrail(fx.db, 'event', id).map((entry) => entry.action)).toEqual(['delete', 'cancel_event', 'date_restore', 'date_cancel', 'publish', 'create']);
	});
});

describe('freshness dashboard', () => {
	it('lists published recurring events with no future date', async () => {
		const ended = await createEvent(events(), fx.curator, input(salonEvent({ serviceId: fx.listingA, title: '終わった連続講座', date: '2026-10-06', until: '2026-11-10' })));
		const going = await createEvent(events(), fx.curator, input(salonEvent({ serviceId: fx.listingA, title: '続くサロン' })));
		const listed = seriesWithoutFutureDates(fx.db, fx.curator, NOW).map((series) => series.id);
		expect(listed).toContain(ended);
		expect(listed).not.toContain(going);
		expect(seriesWithoutFutureDates(fx.db, fx.editorB, NOW).map((series) => series.id)).not.toContain(ended);
	});
});
