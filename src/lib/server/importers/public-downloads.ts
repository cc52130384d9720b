/**
 * The open-data downloads anyone may fetch (/open-data): the published listings as HSDS 3.0 JSON,
 * Excel-safe CSV and GeoJSON. A file is built once per state of the data (the newest change and
 * the counts) and kept, so a crawler fetching it again does not rebuild a whole city each time.
 */
import type { AppDatabase } from '../db';
import { exportData, EXPORT_CONTENT_TYPES, type ExportFormat } from './data-files';

/** A file's name and what it holds (its label and description are in the message tables, openData.downloads). */
export interface PublicDownload {
	file: 'hsds.json' | 'listings.csv' | 'listings.geojson';
	format: ExportFormat;
}

export const PUBLIC_DOWNLOADS: readonly PublicDownload[] = [
	{ file: 'hsds.json', format: 'hsds' },
	{ file: 'listings.csv', format: 'csv' },
	{ file: 'listings.geojson', format: 'geojson' }
];

export interface OpenDataSummary {
	listings: number;
	mapped: number;
	events: number;
	/** The newest change to a published listing (ISO instant), or null when nothing is published. */
	lastUpdated: string | null;
}

export function openDataSummary(db: AppDatabase): OpenDataSummary {
	const row = db.$client
		.prepare(
			`SELECT count(*) AS listings, max(updated_at) AS lastUpdated,
			   (SELECT count(DISTINCT sl.service_id) FROM service_locations sl JOIN locations l ON l.id = sl.location_id JOIN services s2 ON s2.id = sl.service_id
			     WHERE s2.status = 'published' AND l.lat IS NOT NULL AND l.lng IS NOT NULL) AS mapped,
			   (SELECT count(*) FROM events e LEFT JOIN services s3 ON s3.id = e.service_id
			     WHERE e.status IN ('published', 'cancelled') AND (e.service_id IS NULL OR s3.status = 'published')) AS events
			 FROM services WHERE status = 'published'`
		)
		.get() as OpenDataSummary;
	return row;
}

/** Anything that changes a download changes this (edits, publishing, unpublishing, events, areas). */
function dataStamp(db: AppDatabase): string {
	const row = db.$client
		.prepare(
			`SELECT (SELECT max(updated_at) || count(*) FROM services) AS s, (SELECT max(updated_at) || count(*) FROM events) AS e,
			   (SELECT count(*) || total(length(coalesce(polygon, ''))) FROM areas) AS a, (SELECT max(updated_at) || count(*) FROM organizations) AS o`
		)
		.get() as Record<string, string | null>;
	return Object.values(row).join('|');
}

const built = new Map<string, { stamp: string; body: string }>();

/** The file's body and content type; null for an unknown file name. */
export function publicDownload(db: AppDatabase, file: string, origin: string): { body: string; contentType: string } | null {
	const download = PUBLIC_DOWNLOADS.find((candidate) => candidate.file === file);
	if (!download) return null;
	const stamp = `${origin}|${dataStamp(db)}`;
	let cached = built.get(file);
	if (!cached || cached.stamp !== stamp) {
		cached = { stamp, body: exportData(db, download.format, { publishedOnly: true, baseUrl: origin }).body };
		built.set(file, cached);
	}
	return { body: cached.body, contentType: EXPORT_CONTENT_TYPES[download.format] };
}
