/**
 * Keeping events in the admin: create, edit, publish, cancel the whole event or one date (中止 /
 * 休み / moved), and delete. Curators keep every event; an organisation editor only its own
 * organisations' (a new event of theirs waits as 確認待ち until a curator publishes it; their
 * change of an event residents already see waits as a change request, as listings do). Every write
 * is one transaction with its audit entry.
 */
import { randomUUID } from 'node:crypto';
import type { AppDatabase } from '../db';
import type { SessionUser } from '../auth/types';
import { assertCanEditOrganization, assertCurator, ForbiddenError, isCurator } from '../auth/permissions';
import { recordAudit } from './audit';
import { InputError, NotFoundError } from './workflow';
import type { SearchSync } from '../search/sync';
import type { EventInput } from './event-input';
import { emptyEventValues, type EventFormValues } from '../../domain/event-form';
import { localTime, type EventStatus } from '../../domain/event';
import { parseRecurrence, type ExceptionKind } from '../../domain/recurrence';
import { loadEvents } from '../events/store';
import { eventView } from '../events/view';

export interface StoredEvent {
	id: string;
	serviceId: string | null;
	organizationId: string | null;
	locationId: string | null;
	title: string;
	titleKana: string | null;
	description: string | null;
	startsAt: string;
	endsAt: string | null;
	rrule: string | null;
	field: string | null;
	targets: string;
	fee: string | null;
	capacity: number | null;
	howToApply: string | null;
	status: EventStatus;
}

const STORED_SQL = `SELECT id, service_id AS serviceId, organization_id AS organizationId, location_id AS locationId, title,
	title_kana AS titleKana, description, starts_at AS startsAt, ends_at AS endsAt, rrule, field, targets, fee, capacity,
	how_to_apply AS howToApply, status FROM events WHERE id = ?`;

export function readStoredEvent(db: AppDatabase, id: string): StoredEvent | null {
	return (db.$client.prepare(STORED_SQL).get(id) as StoredEvent | undefined) ?? null;
}

function requireEvent(db: AppDatabase, id: string): StoredEvent {
	const event = readStoredEvent(db, id);
	if (!event) throw new NotFoundError('指定されたイベントは見つかりません。');
	return event;
}

/** The database, and the search indexes' sync (events are searched through them, as listings are). */
export interface EventAdminContext {
	db: AppDatabase;
	searchSync: Pick<SearchSync, 'enqueueEvents' | 'afterCommitEvents'>;
}

/**
 * Runs one event write in a transaction that also records the change for the search indexes, then
 * lets the indexes follow.
 */
async function writeAndSync<T>(ctx: EventAdminContext, eventId: string, write: () => T): Promise<T> {
	const result = ctx.db.transaction(() => {
		const value = write();
		ctx.searchSync.enqueueEvents([eventId]);
		return value;
	});
	await ctx.searchSync.afterCommitEvents([eventId]);
	return result;
}

/** A standalone event without an organisation is the city's: curators only. */
export function assertCanEditEvent(actor: SessionUser, organizationId: string | null): void {
	if (organizationId) assertCanEditOrganization(actor, organizationId);
	else assertCurator(actor);
}

interface EventLinks {
	organizationId: string | null;
	/** The listing's location (linked events); standalone events get their own place in writePlace. */
	locationId: string | null;
	field: string | null;
}

/**
 * The listing's organisation, place and field when linked; the form's otherwise. Checks that what
 * the input names exists and may be used by the actor; writes nothing.
 */
function checkLinks(db: AppDatabase, actor: SessionUser, input: EventInput): EventLinks {
	if (input.serviceId) {
		const service = db.$client
			.prepare(
				`SELECT s.organization_id AS organizationId, s.field, (SELECT location_id FROM service_locations WHERE service_id = s.id ORDER BY rowid LIMIT 1) AS locationId
				FROM services s WHERE s.id = ?`
			)
			.get(input.serviceId) as { organizationId: string; field: string; locationId: string | null } | undefined;
		if (!service) throw new InputError({ serviceId: 'この掲載IDは見つかりません。掲載情報の画面のIDを確かめてください。' });
		if (!isCurator(actor) && !actor.organizationIds.includes(service.organizationId)) {
			throw new ForbiddenError('この掲載は別の団体のものです。自分の団体の掲載だけを選べます。');
		}
		return { organizationId: service.organizationId, locationId: service.locationId, field: input.field ?? service.field };
	}
	const organizationId = input.organizationId ?? (isCurator(actor) ? null : (actor.organizationIds[0] ?? null));
	if (organizationId && !db.$client.prepare('SELECT 1 FROM organizations WHERE id = ?').get(organizationId)) {
		throw new InputError({ organizationId: '団体が見つかりません。' });
	}
	if (input.place?.areaId && !db.$client.prepare('SELECT 1 FROM areas WHERE id = ?').get(input.place.areaId)) {
		throw new InputError({ areaId: '地区が見つかりません。' });
	}
	return { organizationId, locationId: null, field: input.field };
}

/** A standalone event's own place: the event's location row updated, or a new one. */
function writePlace(db: AppDatabase, input: EventInput, links: EventLinks, current: StoredEvent | null): string | null {
	if (input.serviceId || !input.place) return links.locationId;
	const sqlite = db.$client;
	// Reuse the event's own place (not a listing's) when editing.
	const own =
		current?.locationId && !sqlite.prepare('SELECT 1 FROM service_locations WHERE location_id = ?').get(current.locationId) ? current.locationId : null;
	const locationId = own ?? randomUUID();
	if (own) {
		sqlite
			.prepare('UPDATE locations SET name = ?, address_line = ?, lat = ?, lng = ?, organization_id = ? WHERE id = ?')
			.run(input.place.name, input.place.addressLine, input.place.lat, input.place.lng, links.organizationId, own);
		sqlite.prepare('DELETE FROM location_areas WHERE location_id = ?').run(own);
	} else {
		sqlite
			.prepare('INSERT INTO locations (id, organization_id, name, address_line, lat, lng) VALUES (?, ?, ?, ?, ?, ?)')
			.run(locationId, links.organizationId, input.place.name, input.place.addressLine, input.place.lat, input.place.lng);
	}
	if (input.place.areaId) sqlite.prepare('INSERT INTO location_areas (location_id, area_id) VALUES (?, ?)').run(locationId, input.place.areaId);
	return locationId;
}

function writeEvent(db: AppDatabase, id: string, input: EventInput, links: EventLinks, status: EventStatus, insert: boolean): void {
	const values = [
		input.serviceId,
		links.organizationId,
		links.locationId,
		input.title,
		input.titleKana,
		input.description,
		input.startsAt,
		input.endsAt,
		input.rrule,
		links.field,
		JSON.stringify(input.targets),
		input.fee,
		input.capacity,
		input.howToApply,
		status
	];
	if (insert) {
		db.$client
			.prepare(
				`INSERT INTO events (service_id, organization_id, location_id, title, title_kana, description, starts_at, ends_at, rrule, field, targets, fee, capacity, how_to_apply, status, id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
			)
			.run(...values, id);
	} else {
		db.$client
			.prepare(
				`UPDATE events SET service_id = ?, organization_id = ?, location_id = ?, title = ?, title_kana = ?, description = ?, starts_at = ?, ends_at = ?,
				rrule = ?, field = ?, targets = ?, fee = ?, capacity = ?, how_to_apply = ?, status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`
			)
			.run(...values, id);
	}
}

/** Writes the new content of an existing event (status unchanged), inside the caller's transaction. */
function applyEdit(db: AppDatabase, actor: SessionUser, current: StoredEvent, input: EventInput): void {
	const links = checkLinks(db, actor, input);
	assertCanEditEvent(actor, links.organizationId);
	writeEvent(db, current.id, input, { ...links, locationId: writePlace(db, input, links, current) }, current.status, false);
	// A changed rule or first date can leave exceptions on dates the rule no longer gives; they stay harmless.
}

/** A curator's new event is published at once; an organisation editor's waits as 確認待ち. */
export async function createEvent(ctx: EventAdminContext, actor: SessionUser, input: EventInput): Promise<string> {
	const { db } = ctx;
	const id = randomUUID();
	await writeAndSync(ctx, id, () => {
		const links = checkLinks(db, actor, input);
		assertCanEditEvent(actor, links.organizationId);
		const status: EventStatus = isCurator(actor) ? 'published' : 'review';
		writeEvent(db, id, input, { ...links, locationId: writePlace(db, input, links, null) }, status, true);
		recordAudit(db, { userId: actor.id, action: 'create', entity: 'event', entityId: id, before: null, after: { ...input, status } });
	});
	return id;
}

/** Residents see it (published, or shown as 中止): an organisation editor's change of it waits for review. */
function isPublic(event: StoredEvent): boolean {
	return event.status === 'published' || event.status === 'cancelled';
}

/** What an organisation editor asked to change on a public event: its content, or one date moved. */
export type EventProposal = { edit: EventInput } | { date: DateChange };

export type EventSaveOutcome = { kind: 'applied' } | { kind: 'submitted'; changeRequestId: string };

/** Holds an organisation editor's change of a public event as a change request (residents keep seeing the event as it is). */
function submitProposal(db: AppDatabase, actor: SessionUser, current: StoredEvent, proposal: EventProposal): EventSaveOutcome {
	const changeRequestId = randomUUID();
	db.transaction(() => {
		db.$client
			.prepare("INSERT INTO change_requests (id, event_id, kind, payload, submitted_by) VALUES (?, ?, 'event', ?, ?)")
			.run(changeRequestId, current.id, JSON.stringify(proposal), actor.id);
		recordAudit(db, { userId: actor.id, action: 'submit_edit', entity: 'event', entityId: current.id, before: current, after: { changeRequest: changeRequestId, ...proposal } });
	});
	return { kind: 'submitted', changeRequestId };
}

/**
 * A curator's edit is applied; so is an editor's edit of an event residents do not see yet (it is
 * reviewed when published). An editor's edit of a public event becomes a change request.
 */
export async function updateEvent(ctx: EventAdminContext, actor: SessionUser, id: string, input: EventInput): Promise<EventSaveOutcome> {
	const { db } = ctx;
	const current = requireEvent(db, id);
	assertCanEditEvent(actor, current.organizationId);
	if (!isCurator(actor) && isPublic(current)) {
		assertCanEditEvent(actor, checkLinks(db, actor, input).organizationId);
		return submitProposal(db, actor, current, { edit: input });
	}
	await writeAndSync(ctx, id, () => {
		applyEdit(db, actor, current, input);
		recordAudit(db, { userId: actor.id, action: 'update', entity: 'event', entityId: id, before: current, after: input });
	});
	return { kind: 'applied' };
}

const STATUS_ACTIONS: Record<'publish' | 'cancel' | 'restore', EventStatus> = { publish: 'published', cancel: 'cancelled', restore: 'published' };

/** 公開 (curators), 中止 of the whole event and 再開 (the event's editors). */
export async function setEventStatus(ctx: EventAdminContext, actor: SessionUser, id: string, action: keyof typeof STATUS_ACTIONS): Promise<void> {
	const { db } = ctx;
	await writeAndSync(ctx, id, () => {
		const current = requireEvent(db, id);
		assertCanEditEvent(actor, current.organizationId);
		if (action === 'publish' || (action === 'restore' && current.status !== 'cancelled')) assertCurator(actor);
		const status = STATUS_ACTIONS[action];
		db.$client.prepare("UPDATE events SET status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?").run(status, id);
		recordAudit(db, { userId: actor.id, action: action === 'cancel' ? 'cancel_event' : 'publish', entity: 'event', entityId: id, before: { status: current.status }, after: { status } });
	});
}

export async function deleteEvent(ctx: EventAdminContext, actor: SessionUser, id: string): Promise<void> {
	const { db } = ctx;
	await writeAndSync(ctx, id, () => {
		const current = requireEvent(db, id);
		assertCanEditEvent(actor, current.organizationId);
		db.$client.prepare('DELETE FROM events WHERE id = ?').run(id);
		recordAudit(db, { userId: actor.id, action: 'delete', entity: 'event', entityId: id, before: current, after: null });
	});
}

export interface DateChange {
	date: string;
	kind: ExceptionKind | 'restore';
	newDate?: string | null;
	newStartTime?: string | null;
	newEndTime?: string | null;
	note?: string | null;
}

function applyDateChange(db: AppDatabase, actor: SessionUser, current: StoredEvent, change: DateChange): void {
	if (!current.rrule) throw new InputError({ form: '1回だけのイベントは、日付を変えるか、イベント全体を中止にしてください。' });
	const sqlite = db.$client;
	const before = sqlite.prepare('SELECT * FROM event_exceptions WHERE event_id = ? AND date = ?').get(current.id, change.date) ?? null;
	sqlite.prepare('DELETE FROM event_exceptions WHERE event_id = ? AND date = ?').run(current.id, change.date);
	if (change.kind !== 'restore') {
		sqlite
			.prepare('INSERT INTO event_exceptions (event_id, date, kind, new_date, new_start_time, new_end_time, note) VALUES (?, ?, ?, ?, ?, ?, ?)')
			.run(current.id, change.date, change.kind, change.newDate ?? null, change.newStartTime ?? null, change.newEndTime ?? null, change.note ?? null);
	}
	sqlite.prepare("UPDATE events SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?").run(current.id);
	recordAudit(db, { userId: actor.id, action: `date_${change.kind}`, entity: 'event', entityId: current.id, before, after: change });
}

/**
 * One date of a recurring event: 中止, 休み, moved, or back to normal. 中止 and 休み take effect at
 * once for every editor of the event (nobody should come to a session that is off); an
 * organisation editor's move of a public event's date waits for review like an edit.
 */
export async function changeEventDate(ctx: EventAdminContext, actor: SessionUser, id: string, change: DateChange): Promise<EventSaveOutcome> {
	const { db } = ctx;
	const current = requireEvent(db, id);
	assertCanEditEvent(actor, current.organizationId);
	if (change.kind === 'move' && !isCurator(actor) && isPublic(current)) {
		if (!current.rrule) throw new InputError({ form: '1回だけのイベントは、日付を変えるか、イベント全体を中止にしてください。' });
		return submitProposal(db, actor, current, { date: change });
	}
	await writeAndSync(ctx, id, () => applyDateChange(db, actor, requireEvent(db, id), change));
	return { kind: 'applied' };
}

function requirePendingProposal(db: AppDatabase, changeRequestId: string): { eventId: string; proposal: EventProposal } {
	const row = db.$client.prepare("SELECT event_id AS eventId, payload, status FROM change_requests WHERE id = ? AND kind = 'event'").get(changeRequestId) as
		| { eventId: string | null; payload: string; status: string }
		| undefined;
	if (!row || !row.eventId) throw new NotFoundError('指定された申請は見つかりません。');
	if (row.status !== 'pending') throw new InputError({ form: 'この申請はすでに処理されています。' });
	return { eventId: row.eventId, proposal: JSON.parse(row.payload) as EventProposal };
}

function closeRequest(db: AppDatabase, actor: SessionUser, changeRequestId: string, status: 'approved' | 'rejected', comment: string | null): void {
	const now = new Date().toISOString();
	db.$client
		.prepare('UPDATE change_requests SET status = ?, review_comment = ?, reviewed_by = ?, reviewed_at = ?, updated_at = ? WHERE id = ?')
		.run(status, comment, actor.id, now, now, changeRequestId);
}

/** A curator applies an organisation editor's proposal: from now on residents see it. */
export async function approveEventRequest(ctx: EventAdminContext, actor: SessionUser, changeRequestId: string): Promise<string> {
	assertCurator(actor);
	const { db } = ctx;
	const { eventId, proposal } = requirePendingProposal(db, changeRequestId);
	await writeAndSync(ctx, eventId, () => {
		const current = requireEvent(db, eventId);
		if ('edit' in proposal) applyEdit(db, actor, current, proposal.edit);
		else applyDateChange(db, actor, current, proposal.date);
		closeRequest(db, actor, changeRequestId, 'approved', null);
		recordAudit(db, { userId: actor.id, action: 'approve_edit', entity: 'event', entityId: eventId, before: current, after: { changeRequest: changeRequestId, ...proposal } });
	});
	return eventId;
}

/** Rejecting needs a reason the organisation can act on; the event stays as it is. */
export async function rejectEventRequest(ctx: EventAdminContext, actor: SessionUser, changeRequestId: string, commentInput: string): Promise<string> {
	assertCurator(actor);
	const { db } = ctx;
	const { eventId } = requirePendingProposal(db, changeRequestId);
	const comment = commentInput.trim();
	if (comment === '') throw new InputError({ comment: '却下の理由を入力してください。申請した団体に伝わります。' });
	if (comment.length > 1000) throw new InputError({ comment: 'コメントは1000文字以内で入力してください。' });
	db.transaction(() => {
		closeRequest(db, actor, changeRequestId, 'rejected', comment);
		recordAudit(db, {
			userId: actor.id,
			action: 'reject_edit',
			entity: 'event',
			entityId: eventId,
			before: { changeRequest: changeRequestId, status: 'pending' },
			after: { changeRequest: changeRequestId, status: 'rejected', comment }
		});
	});
	return eventId;
}

/** The events an actor keeps (curators: all), newest first date last. */
export function listAdminEvents(db: AppDatabase, actor: SessionUser) {
	const rows = db.$client
		.prepare(
			`SELECT e.id, e.title, e.starts_at AS startsAt, e.rrule, e.status, o.name AS organizationName, s.name AS serviceName
			FROM events e LEFT JOIN organizations o ON o.id = e.organization_id LEFT JOIN services s ON s.id = e.service_id
			${isCurator(actor) ? '' : 'WHERE e.organization_id IN (SELECT value FROM json_each(?))'}
			ORDER BY e.starts_at DESC LIMIT 500`
		)
		.all(...(isCurator(actor) ? [] : [JSON.stringify(actor.organizationIds)])) as Array<{
		id: string;
		title: string;
		startsAt: string;
		rrule: string | null;
		status: EventStatus;
		organizationName: string | null;
		serviceName: string | null;
	}>;
	return rows;
}

/** A stored event as the form shows it. */
export function eventFormValues(db: AppDatabase, id: string): EventFormValues {
	const event = requireEvent(db, id);
	const place = event.locationId
		? (db.$client
				.prepare('SELECT l.name, l.address_line AS addressLine, l.lat, l.lng, (SELECT area_id FROM location_areas WHERE location_id = l.id LIMIT 1) AS areaId FROM locations l WHERE l.id = ?')
				.get(event.locationId) as { name: string | null; addressLine: string | null; lat: number | null; lng: number | null; areaId: string | null } | undefined)
		: undefined;
	const choice = event.rrule ? parseRecurrence(event.rrule) : null;
	return emptyEventValues({
		title: event.title,
		titleKana: event.titleKana ?? '',
		description: event.description ?? '',
		serviceId: event.serviceId ?? '',
		organizationId: event.organizationId ?? '',
		placeName: event.serviceId ? '' : (place?.name ?? ''),
		addressLine: event.serviceId ? '' : (place?.addressLine ?? ''),
		areaId: event.serviceId ? '' : (place?.areaId ?? ''),
		lat: event.serviceId || place?.lat == null ? '' : String(place.lat),
		lng: event.serviceId || place?.lng == null ? '' : String(place.lng),
		date: event.startsAt.slice(0, 10),
		startTime: localTime(event.startsAt) ?? '',
		endTime: localTime(event.endsAt) ?? '',
		pattern: choice?.pattern ?? 'once',
		weekdays: (choice?.weekdays ?? []).map(String),
		nths: (choice?.nths ?? []).map(String),
		monthDays: (choice?.monthDays ?? []).join(','),
		until: choice?.until ?? '',
		count: choice?.count ? String(choice.count) : '',
		field: event.field ?? '',
		targets: JSON.parse(event.targets) as string[],
		fee: event.fee ?? '',
		capacity: event.capacity === null ? '' : String(event.capacity),
		howToApply: event.howToApply ?? ''
	});
}

/** For the freshness dashboard: published recurring events with no date from now on (ended or mis-set rules). */
export function seriesWithoutFutureDates(db: AppDatabase, actor: SessionUser, now: Date): Array<{ id: string; title: string; rule: string; lastDate: string | null }> {
	return loadEvents(db, isCurator(actor) ? {} : { organizationIds: actor.organizationIds })
		.filter((event) => event.rrule && event.status === 'published')
		.map((event) => eventView(event, now, 1))
		.filter((view) => view.ended)
		.map((view) => ({ id: view.event.id, title: view.event.title, rule: `${view.recurrence} ${view.time}`, lastDate: view.lastDate }));
}
