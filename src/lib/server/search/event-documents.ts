/**
 * EventSearchDocuments (what both engines index of an event) from the database: the events
 * residents may see (published or 中止, and the linked listing published), with the reading of a
 * title that has no よみがな read at index time.
 */
import type { AppDatabase } from '../db';
import type { EventSearchDocument } from '../../domain/text/event-text';
import type { ReadingAnalyzer } from './readings';

/** Events residents may see (the same rule as loadEvents' publicOnly). */
const PUBLIC_EVENTS = `FROM events e LEFT JOIN services s ON s.id = e.service_id
WHERE e.status IN ('published', 'cancelled') AND (e.service_id IS NULL OR s.status = 'published')`;

const DOCUMENT_SQL = `SELECT e.id, e.title, e.title_kana AS kana, e.description, e.updated_at AS updatedAt, s.name AS serviceName,
	(SELECT name FROM organizations WHERE id = e.organization_id) AS organizationName,
	(SELECT name FROM locations WHERE id = e.location_id) AS placeName
${PUBLIC_EVENTS}`;

interface DocumentRow {
	id: string;
	title: string;
	kana: string | null;
	description: string | null;
	updatedAt: string;
	serviceName: string | null;
	organizationName: string | null;
	placeName: string | null;
}

function toDocument(row: DocumentRow, analyzer: ReadingAnalyzer): EventSearchDocument {
	return {
		id: row.id,
		title: row.title,
		reading: row.kana || analyzer.reading(row.title),
		body: [row.description, row.placeName, row.organizationName, row.serviceName].filter(Boolean).join(' '),
		updatedAt: row.updatedAt
	};
}

/** Every public event. The analyzer must be loaded. */
export function allEventDocuments(db: AppDatabase, analyzer: ReadingAnalyzer): EventSearchDocument[] {
	return (db.$client.prepare(DOCUMENT_SQL).all() as DocumentRow[]).map((row) => toDocument(row, analyzer));
}

/** Documents for the given events; ids of events residents may not see (or that are gone) come back in `removed`. */
export function buildEventDocuments(db: AppDatabase, analyzer: ReadingAnalyzer, eventIds: string[]): { documents: EventSearchDocument[]; removed: string[] } {
	const rows = db.$client.prepare(`${DOCUMENT_SQL} AND e.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(eventIds)) as DocumentRow[];
	const documents = rows.map((row) => toDocument(row, analyzer));
	const found = new Set(documents.map((doc) => doc.id));
	return { documents, removed: eventIds.filter((id) => !found.has(id)) };
}

/** id → updated_at of every public event (to compare with an index). */
export function publicEventVersions(db: AppDatabase): Map<string, string> {
	const rows = db.$client.prepare(`SELECT e.id, e.updated_at ${PUBLIC_EVENTS}`).raw().all() as Array<[string, string]>;
	return new Map(rows);
}

/** The events of these listings (their text and visibility follow the listing). */
export function eventIdsOfListings(db: AppDatabase, serviceIds: string[]): string[] {
	if (serviceIds.length === 0) return [];
	return db.$client.prepare('SELECT id FROM events WHERE service_id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(serviceIds)) as string[];
}

/** Events whose entry in the embedded index is missing, outdated or should be gone. */
export function staleEmbeddedEventIds(db: AppDatabase): string[] {
	const indexed = new Map(db.$client.prepare('SELECT event_id, event_updated_at FROM event_search_docs').raw().all() as Array<[string, string]>);
	const current = publicEventVersions(db);
	const stale = [...current].filter(([id, updatedAt]) => indexed.get(id) !== updatedAt).map(([id]) => id);
	return [...stale, ...[...indexed.keys()].filter((id) => !current.has(id))];
}
