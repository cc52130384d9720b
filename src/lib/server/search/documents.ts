/**
 * Builds SearchDocuments (the denormalised form both engines index) from the database.
 * One SQL statement with correlated aggregates per listing: fast enough for 100k listings and the
 * same code path for one listing after an edit.
 */
import type { AppDatabase } from '../db';
import type { SearchDocument, SessionRule } from '../../domain/search';
import type { WeeklySpan } from '../../domain/hours';
import type { Field, Target } from '../../domain/taxonomy';

const DOCUMENT_SQL = `
SELECT
	s.id, s.name, s.name_kana AS kana, s.field, s.description, s.last_verified_at AS lastVerifiedAt, s.updated_at AS updatedAt,
	o.name AS organizationName,
	(SELECT json_group_array(json_array(t.code, t.name)) FROM service_terms st JOIN taxonomy_terms t ON t.id = st.term_id WHERE st.service_id = s.id) AS terms,
	(SELECT json_group_array(target) FROM service_targets WHERE service_id = s.id) AS targets,
	(SELECT json_group_array(tag) FROM service_tags WHERE service_id = s.id) AS tags,
	l.id AS locationId, l.city, l.address_line AS addressLine, l.building, l.lat, l.lng,
	(SELECT json_group_array(json_array(a.id, a.kind, a.name)) FROM location_areas la JOIN areas a ON a.id = la.area_id WHERE la.location_id = l.id) AS areas,
	(SELECT json_group_array(json_array(kind, weekday, opens_at, closes_at, rrule, dtstart)) FROM schedules WHERE service_id = s.id) AS schedules,
	EXISTS (SELECT 1 FROM desk_certifications d WHERE d.service_id = s.id) AS desk
FROM services s
JOIN organizations o ON o.id = s.organization_id
LEFT JOIN service_locations sl ON sl.id = (SELECT id FROM service_locations WHERE service_id = s.id ORDER BY rowid LIMIT 1)
LEFT JOIN locations l ON l.id = sl.location_id
WHERE s.status = 'published'`;

interface DocumentRow {
	id: string;
	name: string;
	kana: string | null;
	field: string;
	description: string | null;
	lastVerifiedAt: string | null;
	updatedAt: string;
	organizationName: string;
	terms: string;
	targets: string;
	tags: string;
	city: string | null;
	addressLine: string | null;
	building: string | null;
	lat: number | null;
	lng: number | null;
	areas: string;
	schedules: string;
	desk: number;
}

type ScheduleTuple = [string, number | null, string | null, string | null, string | null, string | null];

function toDocument(row: DocumentRow): SearchDocument {
	const terms = JSON.parse(row.terms) as Array<[string, string]>;
	const areas = JSON.parse(row.areas) as Array<[string, string, string]>;
	const schedules = JSON.parse(row.schedules) as ScheduleTuple[];
	const hours: WeeklySpan[] = [];
	const sessions: SessionRule[] = [];
	for (const [kind, weekday, opensAt, closesAt, rrule, dtstart] of schedules) {
		if (kind === 'hours' && weekday !== null && opensAt && closesAt) hours.push({ weekday, opensAt, closesAt });
		else if (kind === 'session' && rrule) sessions.push({ rrule, dtstart, opensAt, closesAt });
	}
	const address = [row.city ?? '', row.addressLine ?? '', row.building ? ` ${row.building}` : ''].join('').trim();
	return {
		id: row.id,
		name: row.name,
		kana: row.kana ?? '',
		field: row.field as Field,
		terms: terms.map(([code]) => code),
		termNames: terms.map(([, name]) => name),
		targets: JSON.parse(row.targets) as Target[],
		tags: JSON.parse(row.tags) as string[],
		description: row.description ?? '',
		organizationName: row.organizationName,
		address,
		areaIds: areas.map(([id]) => id),
		areaNames: areas.map(([, , name]) => name),
		district: areas.find(([, kind]) => kind === '地区')?.[2] ?? null,
		lat: row.lat,
		lng: row.lng,
		desk: row.desk === 1,
		hours,
		sessions,
		lastVerifiedAt: row.lastVerifiedAt,
		updatedAt: row.updatedAt
	};
}

/** Documents for every published listing. */
export function buildAllDocuments(db: AppDatabase): SearchDocument[] {
	return (db.$client.prepare(DOCUMENT_SQL).all() as DocumentRow[]).map(toDocument);
}

/** Calls `onBatch` with documents in batches of `batchSize`, without holding all in memory. */
export function forEachDocumentBatch(db: AppDatabase, batchSize: number, onBatch: (docs: SearchDocument[]) => void): void {
	let batch: SearchDocument[] = [];
	for (const row of db.$client.prepare(DOCUMENT_SQL).iterate() as IterableIterator<DocumentRow>) {
		batch.push(toDocument(row));
		if (batch.length >= batchSize) {
			onBatch(batch);
			batch = [];
		}
	}
	if (batch.length > 0) onBatch(batch);
}

/**
 * Documents for the given listings; ids of listings that are not published (or no longer exist)
 * come back in `removed` so the index can drop them.
 */
export function buildDocuments(db: AppDatabase, serviceIds: string[]): { documents: SearchDocument[]; removed: string[] } {
	const statement = db.$client.prepare(`${DOCUMENT_SQL} AND s.id IN (SELECT value FROM json_each(?))`);
	const documents = (statement.all(JSON.stringify(serviceIds)) as DocumentRow[]).map(toDocument);
	const found = new Set(documents.map((doc) => doc.id));
	return { documents, removed: serviceIds.filter((id) => !found.has(id)) };
}
