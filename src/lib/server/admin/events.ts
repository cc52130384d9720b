/**
 * Keeping events in the admin: create, edit, publish, cancel the whole event or one date (中止 /
 * 休み / moved), and delete. Curators keep every event; an organisation editor only its own
 * organisations' (a new event of theirs waits as 確認待ち until a curator publishes it). Every
 * write is one transaction with its audit entry; event search reads the tables directly, so it
 * follows at once.
 */
import { randomUUID } from 'node:crypto';
import type { AppDatabase } from '../db';
import type { SessionUser } from '../auth/types';
import { assertCanEditOrganization, assertCurator, ForbiddenError, isCurator } from '../auth/permissions';
import { recordAudit } from './audit';
import { InputError, NotFoundError } from './workflow';
import type { EventInput } from './event-input';
import { emptyEventValues, type EventFormValues } from '../../domain/event-form';
import { localTime, type EventStatus } from '../../domain/event';
import { parseRecurrence, type ExceptionKind } from '../../domain/recurrence';
import { loadEvents } from '../events/store';
import { eventView } from '../events/view';

interface StoredEvent {
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

/** A standalone event without an organisation is the city's: curators only. */
export function assertCanEditEvent(actor: SessionUser, organizationId: string | null): void {
	if (organizationId) assertCanEditOrganization(actor, organizationId);
	else assertCurator(actor);
}

/** The listing's organisation, place and field when linked; the form's otherwise. */
function resolveLinks(db: AppDatabase, actor: SessionUser, input: EventInput, current: StoredEvent | null) {
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
	let locationId: string | null = null;
	if (input.place) {
		if (input.place.areaId && !db.$client.prepare('SELECT 1 FROM areas WHERE id = ?').get(input.place.areaId)) {
			throw new InputError({ areaId: '地区が見つかりません。' });
		}
		// Reuse the event's own place (not a listing's) when editing.
		const own =
			current?.locationId && !db.$client.prepare('SELECT 1 FROM service_locations WHERE location_id = ?').get(current.locationId)
				? current.locationId
				: null;
		locationId = own ?? randomUUID();
		const sqlite = db.$client;
		if (own) {
			sqlite
				.prepare('UPDATE locations SET name = ?, address_line = ?, lat = ?, lng = ?, organization_id = ? WHERE id = ?')
				.run(input.place.name, input.place.addressLine, input.place.lat, input.place.lng, organizationId, own);
			sqlite.prepare('DELETE FROM location_areas WHERE location_id = ?').run(own);
		} else {
			sqlite
				.prepare('INSERT INTO locations (id, organization_id, name, address_line, lat, lng) VALUES (?, ?, ?, ?, ?, ?)')
				.run(locationId, organizationId, input.place.name, input.place.addressLine, input.place.lat, input.place.lng);
		}
		if (input.place.areaId) sqlite.prepare('INSERT INTO location_areas (location_id, area_id) VALUES (?, ?)').run(locationId, input.place.areaId);
	}
	return { organizationId, locationId, field: input.field };
}

function writeEvent(db: AppDatabase, id: string, input: EventInput, links: { organizationId: string | null; locationId: string | null; field: string | null }, status: EventStatus, insert: boolean): void {
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

/** A curator's new event is published at once; an organisation editor's waits as 確認待ち. */
export function createEvent(db: AppDatabase, actor: SessionUser, input: EventInput): string {
	const id = randomUUID();
	db.transaction(() => {
		const links = resolveLinks(db, actor, input, null);
		assertCanEditEvent(actor, links.organizationId);
		const status: EventStatus = isCurator(actor) ? 'published' : 'review';
		writeEvent(db, id, input, links, status, true);
		recordAudit(db, { userId: actor.id, action: 'create', entity: 'event', entityId: id, before: null, after: { ...input, status } });
	});
	return id;
}

export function updateEvent(db: AppDatabase, actor: SessionUser, id: string, input: EventInput): void {
	db.transaction(() => {
		const current = requireEvent(db, id);
		assertCanEditEvent(actor, current.organizationId);
		const links = resolveLinks(db, actor, input, current);
		assertCanEditEvent(actor, links.organizationId);
		writeEvent(db, id, input, links, current.status, false);
		// A changed rule or first date can leave exceptions on dates the rule no longer gives; they stay harmless.
		recordAudit(db, { userId: actor.id, action: 'update', entity: 'event', entityId: id, before: current, after: input });
	});
}

const STATUS_ACTIONS: Record<'publish' | 'cancel' | 'restore', EventStatus> = { publish: 'published', cancel: 'cancelled', restore: 'published' };

/** 公開 (curators), 中止 of the whole event and 再開 (the event's editors). */
export function setEventStatus(db: AppDatabase, actor: SessionUser, id: string, action: keyof typeof STATUS_ACTIONS): void {
	db.transaction(() => {
		const current = requireEvent(db, id);
		assertCanEditEvent(actor, current.organizationId);
		if (action === 'publish' || (action === 'restore' && current.status !== 'cancelled')) assertCurator(actor);
		const status = STATUS_ACTIONS[action];
		db.$client.prepare("UPDATE events SET status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?").run(status, id);
		recordAudit(db, { userId: actor.id, action: action === 'cancel' ? 'cancel_event' : 'publish', entity: 'event', entityId: id, before: { status: current.status }, after: { status } });
	});
}

export function deleteEvent(db: AppDatabase, actor: SessionUser, id: string): void {
	db.transaction(() => {
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

/** One date of a recurring event: 中止, 休み, moved, or back to normal. */
export function changeEventDate(db: AppDatabase, actor: SessionUser, id: string, change: DateChange): void {
	db.transaction(() => {
		const current = requireEvent(db, id);
		assertCanEditEvent(actor, current.organizationId);
		if (!current.rrule) throw new InputError({ form: '1回だけのイベントは、日付を変えるか、イベント全体を中止にしてください。' });
		const before = db.$client.prepare('SELECT * FROM event_exceptions WHERE event_id = ? AND date = ?').get(id, change.date) ?? null;
		db.$client.prepare('DELETE FROM event_exceptions WHERE event_id = ? AND date = ?').run(id, change.date);
		if (change.kind !== 'restore') {
			db.$client
				.prepare('INSERT INTO event_exceptions (event_id, date, kind, new_date, new_start_time, new_end_time, note) VALUES (?, ?, ?, ?, ?, ?, ?)')
				.run(id, change.date, change.kind, change.newDate ?? null, change.newStartTime ?? null, change.newEndTime ?? null, change.note ?? null);
		}
		db.$client.prepare("UPDATE events SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?").run(id);
		recordAudit(db, { userId: actor.id, action: `date_${change.kind}`, entity: 'event', entityId: id, before, after: change });
	});
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
