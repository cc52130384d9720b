/**
 * Loaders for the public list pages: the 地区 index, one 地区's listings grouped by field, and
 * the extras a printed or phone list needs beside each search hit (地区, phone, days and times).
 */
import type { App } from './app';
import type { AreaRef } from './search/service';
import type { SearchHit, SearchQuery } from '../domain/search';
import { MAX_PER_PAGE } from '../domain/search';
import { AREA_KINDS, FIELDS, TAXONOMY_TERMS, type AreaKind, type Field } from '../domain/taxonomy';
import { formatWeeklyHours, type WeeklySpan } from '../domain/hours';
import { describeSession } from '../domain/recurrence';
import { NEXT_DATES, nextDatesForListings } from './events/next-dates';
import type { Language } from '../domain/i18n/languages';
import type { AreaOption, ListingSummary } from '$lib/domain/listing-view';
import { labelPoint, parseAreaGeometry, type AreaGeometry } from '../domain/area-map';

interface ExtrasRow {
	id: string;
	district: string | null;
	phone: string | null;
	fax: string | null;
	schedules: string;
}

type ScheduleTuple = [
	kind: string,
	weekday: number | null,
	opensAt: string | null,
	closesAt: string | null,
	rrule: string | null,
	dtstart: string | null
];

// One statement for a page of hits; json_each keeps it a single prepared query for any count.
const EXTRAS_SQL = `
SELECT s.id,
	(SELECT a.name FROM service_locations sl
		JOIN location_areas la ON la.location_id = sl.location_id
		JOIN areas a ON a.id = la.area_id
		WHERE sl.service_id = s.id AND a.kind = '地区' ORDER BY sl.rowid LIMIT 1) AS district,
	(SELECT c.value FROM contacts c WHERE c.service_id = s.id AND c.kind = 'phone' ORDER BY c.sort_order LIMIT 1) AS phone,
	(SELECT c.value FROM contacts c WHERE c.service_id = s.id AND c.kind = 'fax' ORDER BY c.sort_order LIMIT 1) AS fax,
	(SELECT json_group_array(json_array(kind, weekday, opens_at, closes_at, rrule, dtstart)) FROM schedules WHERE service_id = s.id) AS schedules
FROM services s
WHERE s.id IN (SELECT value FROM json_each(?))`;

/** Sessions first ("毎月第2・第4火曜 10:00〜11:30"), else grouped weekly hours; at most two lines. */
function whenLines(schedulesJson: string, language: Language): string[] {
	const schedules = JSON.parse(schedulesJson) as ScheduleTuple[];
	const sessions = schedules
		.filter(([kind, , , , rrule]) => kind === 'session' && rrule)
		.map(([, , opensAt, closesAt, rrule, dtstart]) => describeSession(rrule!, opensAt, closesAt, dtstart, language));
	if (sessions.length > 0) return sessions.slice(0, 2);
	const hours: WeeklySpan[] = schedules
		.filter(([kind, weekday, opensAt, closesAt]) => kind === 'hours' && weekday !== null && opensAt && closesAt)
		.map(([, weekday, opensAt, closesAt]) => ({ weekday: weekday!, opensAt: opensAt!, closesAt: closesAt! }));
	return formatWeeklyHours(hours, language).slice(0, 2);
}

/** Search hits → list items with their 地区, first phone and FAX numbers, days/times and 次回 dates (worded in `language`). */
export function summarizeHits(app: App, hits: SearchHit[], language: Language = 'ja'): ListingSummary[] {
	if (hits.length === 0) return [];
	const ids = hits.map((hit) => hit.id);
	const rows = app.db.$client.prepare(EXTRAS_SQL).all(JSON.stringify(ids)) as ExtrasRow[];
	const extras = new Map(rows.map((row) => [row.id, row]));
	const next = nextDatesForListings(app.db, ids, app.now(), NEXT_DATES, language);
	return hits.map((hit) => {
		const row = extras.get(hit.id);
		return {
			...hit,
			district: row?.district ?? null,
			phone: row?.phone ?? null,
			fax: row?.fax ?? null,
			when: row ? whenLines(row.schedules, language) : [],
			next: (next.get(hit.id) ?? []).map((date) => date.label)
		};
	});
}

/** The 地区 (not school districts), in the city's order. */
export function districts(app: App): AreaOption[] {
	return searchAreas(app).filter((area) => area.kind === '地区');
}

/** Every area a search can be limited to (地区, 小学校区, 中学校区; not the whole city), in the city's order. */
export function searchAreas(app: App): AreaOption[] {
	return app.search
		.areas()
		.filter((area) => area.kind !== '市域')
		.map(({ id, kind, slug, name }) => ({ id, kind, slug, name }));
}

/** Every 地区 with how many listings it has. */
export async function districtsWithCounts(app: App): Promise<Array<AreaOption & { count: number }>> {
	const { result } = await app.search.search({ sort: 'name', page: 1, perPage: 1 });
	return districts(app).map((area) => ({ ...area, count: result.facets.area[area.name] ?? 0 }));
}

/** The areas of each kind (地区, 小学校区, 中学校区) with how many listings each has, for the area index. */
export async function areasByKindWithCounts(app: App): Promise<Array<{ kind: AreaKind; areas: Array<AreaOption & { count: number }> }>> {
	const districtCounts = await districtsWithCounts(app);
	const schools = await Promise.all(
		searchAreas(app)
			.filter((area) => area.kind !== '地区')
			.map(async (area) => {
				const { result } = await app.search.search({ area: area.id, sort: 'name', page: 1, perPage: 1 });
				return { ...area, count: result.total };
			})
	);
	const all = [...districtCounts, ...schools];
	return AREA_KINDS.filter((kind) => kind !== '市域')
		.map((kind) => ({ kind, areas: all.filter((area) => area.kind === kind) }))
		.filter((group) => group.areas.length > 0);
}

/** Where an area is on the map: its shape (null when none is known) and where its count label goes. */
export interface AreaShape {
	id: string;
	geometry: AreaGeometry | null;
	label: { lat: number; lng: number };
}

/**
 * The shapes of every area of one kind, in the city's order; an area with neither a shape nor a
 * centre cannot be placed and is left to the list. One query: the page's weight stays the shapes'.
 */
export function areaShapes(app: App, kind: AreaKind): AreaShape[] {
	const rows = app.db.$client
		.prepare('SELECT id, polygon, center_lat AS lat, center_lng AS lng FROM areas WHERE kind = ? ORDER BY sort_order, name')
		.all(kind) as Array<{ id: string; polygon: string | null; lat: number | null; lng: number | null }>;
	return rows.flatMap((row) => {
		const geometry = parseAreaGeometry(row.polygon);
		const label = labelPoint(geometry, row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null);
		return label ? [{ id: row.id, geometry, label }] : [];
	});
}

export interface AreaPage {
	area: AreaRef;
	total: number;
	/** Each field with its kinds (and how many of each) and its listings. */
	groups: Array<{ field: Field; kinds: Array<{ code: string; name: string; count: number }>; listings: ListingSummary[] }>;
}

/** Every hit of a search (page after page), at most `limit`; `total` is how many there are in all. */
export async function searchAll(
	app: App,
	query: Omit<SearchQuery, 'page' | 'perPage'>,
	limit = Number.POSITIVE_INFINITY
): Promise<{ hits: SearchHit[]; total: number; area: AreaRef | null }> {
	const hits: SearchHit[] = [];
	let total = 0;
	let area: AreaRef | null = null;
	for (let page = 1; hits.length < limit; page++) {
		const served = await app.search.search({ ...query, page, perPage: MAX_PER_PAGE });
		total = served.result.total;
		area = served.area;
		hits.push(...served.result.hits);
		if (hits.length >= total || served.result.hits.length === 0) break;
	}
	return { hits: hits.slice(0, limit), total, area };
}

/** How many listings have each term, in the taxonomy's order. */
function kindCounts(listings: ListingSummary[]): Array<{ code: string; name: string; count: number }> {
	const counts = new Map<string, number>();
	for (const listing of listings) for (const code of listing.terms) counts.set(code, (counts.get(code) ?? 0) + 1);
	return TAXONOMY_TERMS.filter((term) => counts.has(term.code)).map((term) => ({ code: term.code, name: term.name, count: counts.get(term.code)! }));
}

/** The 地区, 小学校区 or 中学校区 a page slug names; a 地区 wins over a school district with the same slug. */
export function findAreaBySlug(app: App, slug: string): AreaRef | null {
	const candidates = app.search.areas().filter((area) => area.slug === slug && area.kind !== '市域');
	return candidates.find((area) => area.kind === '地区') ?? candidates[0] ?? null;
}

/** All published listings of one 地区, 小学校区 or 中学校区 (by slug), grouped by the five fields in their usual order. */
export async function loadAreaPage(app: App, slug: string, language: Language = 'ja'): Promise<AreaPage | null> {
	const area = findAreaBySlug(app, slug);
	if (!area) return null;
	const { hits } = await searchAll(app, { area: area.id, sort: 'name' });
	const listings = summarizeHits(app, hits, language);
	const groups = FIELDS.map((field) => {
		const inField = listings.filter((listing) => listing.field === field);
		return { field, kinds: kindCounts(inField), listings: inField };
	}).filter((group) => group.listings.length > 0);
	return { area, total: listings.length, groups };
}

/** The names the city gives its certified desks (高知市: ほおっちょけん相談窓口). */
export function deskSchemes(app: App): string[] {
	return app.db.$client.prepare('SELECT DISTINCT scheme FROM desk_certifications ORDER BY scheme').pluck().all() as string[];
}
