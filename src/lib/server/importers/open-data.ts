/**
 * Open-data exports of the published listings: the curators' spreadsheet as Excel-safe CSV (the
 * same columns the CSV import reads, so a file can go out, be corrected in Excel and come back),
 * and GeoJSON points for maps and GIS.
 */
import type { AppDatabase } from '../db';
import { listingReader } from '../listings';
import type { Listing } from '../../domain/listing';
import { formatWeeklyHours } from '../../domain/hours';
import { STATUS_LABELS } from '../../domain/taxonomy';
import { CSV_COLUMNS, toExcelCsv, type CsvColumnKey } from './csv-columns';

export type ListingProgress = (done: number, total: number) => void;

export function listingIds(db: AppDatabase, publishedOnly: boolean): string[] {
	return db.$client.prepare(`SELECT id FROM services ${publishedOnly ? "WHERE status = 'published'" : ''} ORDER BY rowid`).pluck().all() as string[];
}

/** Published listings one at a time (a whole city does not have to fit in memory twice). */
function* listings(db: AppDatabase, publishedOnly: boolean, onProgress?: ListingProgress): Generator<Listing> {
	const ids = listingIds(db, publishedOnly);
	const read = listingReader(db);
	for (let i = 0; i < ids.length; i++) {
		const listing = read(ids[i], { publishedOnly: false });
		if (listing) yield listing;
		if ((i + 1) % 1000 === 0 || i + 1 === ids.length) onProgress?.(i + 1, ids.length);
	}
}

const LIST_SEPARATOR = '、';
const LINE_SEPARATOR = ' ／ ';

function contactsOf(listing: Listing, kind: 'phone' | 'fax' | 'email' | 'url'): string {
	return listing.contacts
		.filter((contact) => contact.kind === kind)
		.map((contact) => contact.value)
		.join(LIST_SEPARATOR);
}

export function listingCsvRow(listing: Listing): Record<CsvColumnKey, string> {
	const location = listing.locations[0];
	return {
		id: listing.id,
		name: listing.name,
		nameKana: listing.kana ?? '',
		field: listing.field,
		terms: listing.terms.map((term) => term.name).join(LIST_SEPARATOR),
		tags: listing.tags.join(LIST_SEPARATOR),
		targets: listing.targets.join(LIST_SEPARATOR),
		organization: listing.organization.name,
		organizationKind: listing.organization.kind,
		postalCode: location?.postalCode ?? '',
		address: location ? `${location.prefecture}${location.city}${location.addressLine ?? ''}` : '',
		building: location?.building ?? '',
		lat: location?.lat?.toString() ?? '',
		lng: location?.lng?.toString() ?? '',
		district: location?.areas.find((area) => area.kind === '地区')?.name ?? '',
		phone: contactsOf(listing, 'phone'),
		fax: contactsOf(listing, 'fax'),
		email: [listing.email, contactsOf(listing, 'email')].filter(Boolean).join(LIST_SEPARATOR),
		url: listing.url ?? contactsOf(listing, 'url'),
		hours: formatWeeklyHours(listing.hours).join(LINE_SEPARATOR),
		sessions: listing.sessions.map((session) => session.description).join(LINE_SEPARATOR),
		description: listing.description ?? '',
		fee: listing.fee ?? '',
		eligibility: listing.eligibility ?? '',
		howToApply: listing.howToApply ?? '',
		deskCertifiedOn: listing.desk?.certifiedOn ?? '',
		lastVerifiedAt: listing.lastVerifiedAt?.slice(0, 10) ?? '',
		status: STATUS_LABELS[listing.status]
	};
}

export function csvHeaderRow(): string[] {
	return CSV_COLUMNS.map((column) => column.header);
}

export interface OpenDataExport {
	body: string;
	count: number;
}

export function exportCsv(db: AppDatabase, options: { publishedOnly?: boolean; onProgress?: ListingProgress } = {}): OpenDataExport {
	const rows = [csvHeaderRow()];
	for (const listing of listings(db, options.publishedOnly ?? true, options.onProgress)) {
		const row = listingCsvRow(listing);
		rows.push(CSV_COLUMNS.map((column) => row[column.key]));
	}
	return { body: toExcelCsv(rows), count: rows.length - 1 };
}

/** The template curators fill in: the headers, a row of hints, nothing else. */
export function csvTemplate(): string {
	return toExcelCsv([csvHeaderRow(), CSV_COLUMNS.map((column) => (column.hint ? `（${column.hint}）` : ''))]);
}

/** Published listings with coordinates as a GeoJSON FeatureCollection (RFC 7946: [lng, lat]). */
export function exportGeoJson(db: AppDatabase, options: { baseUrl?: string; onProgress?: ListingProgress } = {}): OpenDataExport {
	const features: unknown[] = [];
	for (const listing of listings(db, true, options.onProgress)) {
		const location = listing.locations.find((place) => place.lat !== null && place.lng !== null);
		if (!location) continue;
		features.push({
			type: 'Feature',
			id: listing.id,
			geometry: { type: 'Point', coordinates: [location.lng, location.lat] },
			properties: {
				id: listing.id,
				name: listing.name,
				kana: listing.kana,
				field: listing.field,
				terms: listing.terms.map((term) => term.name),
				tags: listing.tags,
				targets: listing.targets,
				organization: listing.organization.name,
				postal_code: location.postalCode,
				address: `${location.prefecture}${location.city}${location.addressLine ?? ''}${location.building ? ` ${location.building}` : ''}`,
				areas: location.areas.map((area) => area.name),
				phone: contactsOf(listing, 'phone') || null,
				url: listing.url,
				hours: formatWeeklyHours(listing.hours),
				sessions: listing.sessions.map((session) => session.description),
				desk: listing.desk?.scheme ?? null,
				last_verified_at: listing.lastVerifiedAt,
				detail_url: `${options.baseUrl ?? ''}/services/${listing.id}`
			}
		});
	}
	return { body: `${JSON.stringify({ type: 'FeatureCollection', features })}\n`, count: features.length };
}
