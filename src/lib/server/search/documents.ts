/**
 * Builds SearchDocuments (the denormalised form both engines index) from the database.
 * One SQL statement with correlated aggregates per listing: fast enough for 100k listings and the
 * same code path for one listing after an edit.
 */
import type { AppDatabase } from '../db';
import type { SearchDocument, SessionRule } from '../../domain/search';
import type { WeeklySpan } from '../../domain/hours';
import type { Field, Target } from '../../domain/taxonomy';
import type { ReadingAnalyzer } from './readings';

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

/** The listing's words for the lexicon: name, organisation, terms and tags (deduplicated). */
function listingWords(analyzer: ReadingAnalyzer, texts: string[]): Array<[string, string]> {
	const words = new Map<string, string>();
	for (const text of texts) {
		for (const [surface, reading] of analyzer.words(text)) if (!words.get(surface)) words.set(surface, reading);
	}
	return [...words];
}

function toDocument(row: DocumentRow, analyzer: ReadingAnalyzer): SearchDocument {
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
		updatedAt: row.updatedAt,
		reading: row.kana ? '' : analyzer.reading(row.name),
		words: listingWords(analyzer, [row.name, row.organizationName, ...terms.map(([, name]) => name), ...(JSON.parse(row.tags) as string[])]),
		descriptionRuby: row.description ? analyzer.rubySpans(row.description) : []
	};
}

/** Documents for every published listing. The analyzer must be loaded (await analyzer.load()). */
export function buildAllDocuments(db: AppDatabase, analyzer: ReadingAnalyzer): SearchDocument[] {
	return (db.$client.prepare(DOCUMENT_SQL).all() as DocumentRow[]).map((row) => toDocument(row, analyzer));
}

/** Number of published listings (what a full index holds). */
export function countPublished(db: AppDatabase): number {
	return db.$client.prepare("SELECT count(*) FROM services WHERE status = 'published'").pluck().get() as number;
}

/**
 * Yields documents in batches of `batchSize` (keyset pagination by id: no statement stays open
 * between batches, so the caller may write to the database or await in between); `after`
 * resumes past an id.
 */
export function* documentBatches(db: AppDatabase, analyzer: ReadingAnalyzer, batchSize: number, after = ''): Generator<SearchDocument[]> {
	const statement = db.$client.prepare(`${DOCUMENT_SQL} AND s.id > ? ORDER BY s.id LIMIT ?`);
	for (;;) {
		const rows = statement.all(after, batchSize) as DocumentRow[];
		if (rows.length === 0) return;
		yield rows.map((row) => toDocument(row, analyzer));
		after = rows[rows.length - 1].id;
	}
}

/**
 * Documents for the given listings; ids of listings that are not published (or no longer exist)
 * come back in `removed` so the index can drop them.
 */
export function buildDocuments(
	db: AppDatabase,
	analyzer: ReadingAnalyzer,
	serviceIds: string[]
): { documents: SearchDocument[]; removed: string[] } {
	const statement = db.$client.prepare(`${DOCUMENT_SQL} AND s.id IN (SELECT value FROM json_each(?))`);
	const documents = (statement.all(JSON.stringify(serviceIds)) as DocumentRow[]).map((row) => toDocument(row, analyzer));
	const found = new Set(documents.map((doc) => doc.id));
	return { documents, removed: serviceIds.filter((id) => !found.has(id)) };
}
