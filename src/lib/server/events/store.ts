/** Reads events whole (series, place, areas, exceptions) for the calendar, pages, feeds and admin. */
import type { AppDatabase } from '../db';
import type { EventRecord, EventStatus } from '../../domain/event';
import type { ExceptionKind, SeriesException } from '../../domain/recurrence';
import type { Field, Target } from '../../domain/taxonomy';

interface EventRow {
	id: string;
	title: string;
	kana: string | null;
	description: string | null;
	serviceId: string | null;
	serviceName: string | null;
	serviceStatus: string | null;
	organizationId: string | null;
	organizationName: string | null;
	startsAt: string;
	endsAt: string | null;
	rrule: string | null;
	field: string | null;
	targets: string;
	fee: string | null;
	capacity: number | null;
	howToApply: string | null;
	status: string;
	updatedAt: string;
	locationId: string | null;
	placeName: string | null;
	prefecture: string | null;
	city: string | null;
	addressLine: string | null;
	building: string | null;
	lat: number | null;
	lng: number | null;
}

const EVENT_SQL = `
SELECT e.id, e.title, e.title_kana AS kana, e.description, e.service_id AS serviceId, s.name AS serviceName,
	s.status AS serviceStatus, e.organization_id AS organizationId, o.name AS organizationName,
	e.starts_at AS startsAt, e.ends_at AS endsAt, e.rrule, e.field, e.targets, e.fee, e.capacity,
	e.how_to_apply AS howToApply, e.status, e.updated_at AS updatedAt, e.location_id AS locationId,
	l.name AS placeName, l.prefecture, l.city, l.address_line AS addressLine, l.building, l.lat, l.lng
FROM events e
LEFT JOIN services s ON s.id = e.service_id
LEFT JOIN organizations o ON o.id = e.organization_id
LEFT JOIN locations l ON l.id = e.location_id`;

export interface EventFilter {
	/** Only events residents may see (published, and the linked listing published too). */
	publicOnly?: boolean;
	ids?: string[];
	serviceIds?: string[];
	organizationIds?: string[];
}

function parseTargets(value: string): Target[] {
	try {
		const parsed: unknown = JSON.parse(value);
		return Array.isArray(parsed) ? (parsed.map(String) as Target[]) : [];
	} catch {
		return [];
	}
}

// Node 20 has no Map.groupBy.
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const k = key(item);
		const group = groups.get(k);
		if (group) group.push(item);
		else groups.set(k, [item]);
	}
	return groups;
}

/** Events in first-session order. */
export function loadEvents(db: AppDatabase, filter: EventFilter = {}): EventRecord[] {
	const where: string[] = [];
	const params: unknown[] = [];
	if (filter.publicOnly) where.push("e.status IN ('published', 'cancelled') AND (e.service_id IS NULL OR s.status = 'published')");
	for (const [column, values] of [
		['e.id', filter.ids],
		['e.service_id', filter.serviceIds],
		['e.organization_id', filter.organizationIds]
	] as const) {
		if (!values) continue;
		where.push(`${column} IN (SELECT value FROM json_each(?))`);
		params.push(JSON.stringify(values));
	}
	const sqlite = db.$client;
	const rows = sqlite.prepare(`${EVENT_SQL}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY e.starts_at, e.id`).all(...params) as EventRow[];
	if (rows.length === 0) return [];
	const ids = JSON.stringify(rows.map((row) => row.id));
	const exceptions = sqlite
		.prepare(
			`SELECT event_id AS eventId, date, kind, new_date AS newDate, new_start_time AS newStartTime, new_end_time AS newEndTime, note
			FROM event_exceptions WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY date`
		)
		.all(ids) as Array<SeriesException & { eventId: string; kind: ExceptionKind }>;
	const locationIds = JSON.stringify([...new Set(rows.flatMap((row) => (row.locationId ? [row.locationId] : [])))]);
	const areas = sqlite
		.prepare(
			`SELECT la.location_id AS locationId, a.id, a.kind, a.slug, a.name FROM location_areas la JOIN areas a ON a.id = la.area_id
			WHERE la.location_id IN (SELECT value FROM json_each(?)) ORDER BY a.sort_order`
		)
		.all(locationIds) as Array<{ locationId: string; id: string; kind: string; slug: string; name: string }>;
	const exceptionsByEvent = groupBy(exceptions, (exception) => exception.eventId);
	const areasByLocation = groupBy(areas, (area) => area.locationId);
	return rows.map((row) => ({
		id: row.id,
		title: row.title,
		kana: row.kana,
		description: row.description,
		serviceId: row.serviceId,
		serviceName: row.serviceName,
		organizationId: row.organizationId,
		organizationName: row.organizationName,
		place: row.locationId
			? {
					name: row.placeName,
					address: `${row.prefecture ?? ''}${row.city ?? ''}${row.addressLine ?? ''}${row.building ? ` ${row.building}` : ''}`,
					lat: row.lat,
					lng: row.lng,
					areas: (areasByLocation.get(row.locationId) ?? []).map(({ id, kind, slug, name }) => ({ id, kind, slug, name }))
				}
			: null,
		startsAt: row.startsAt,
		endsAt: row.endsAt,
		rrule: row.rrule,
		field: row.field as Field | null,
		targets: parseTargets(row.targets),
		fee: row.fee,
		capacity: row.capacity,
		howToApply: row.howToApply,
		status: row.status as EventStatus,
		exceptions: (exceptionsByEvent.get(row.id) ?? []).map(({ date, kind, newDate, newStartTime, newEndTime, note }) => ({
			date,
			kind,
			newDate,
			newStartTime,
			newEndTime,
			note
		})),
		updatedAt: row.updatedAt
	}));
}

export function loadEvent(db: AppDatabase, id: string, options: { publicOnly?: boolean } = {}): EventRecord | null {
	return loadEvents(db, { ids: [id], publicOnly: options.publicOnly })[0] ?? null;
}
