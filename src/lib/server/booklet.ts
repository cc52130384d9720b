/**
 * The area booklet (/areas/{slug}/booklet): the printed つなぎ先一覧 a desk keeps at the counter —
 * every published listing of a 地区 or 中学校区, the certified desks and the 高齢者支援センター first,
 * then the five fields, each listing with a QR code to its page.
 */
import type { App } from './app';
import type { AreaRef } from './search/service';
import { findAreaBySlug, searchAll, summarizeHits } from './areas';
import { PRINT_LIMIT, qrDataUrl } from './print';
import { FIELDS, type Field } from '../domain/taxonomy';
import type { Language } from '../domain/i18n/languages';
import type { SearchHit } from '../domain/search';
import type { PrintItem } from '$lib/domain/listing-view';

export interface BookletSection {
	id: string;
	/** The field of the section; null for the first one (まず相談できるところ). */
	field: Field | null;
	items: PrintItem[];
}

export interface Booklet {
	area: AreaRef;
	sections: BookletSection[];
	total: number;
	capped: boolean;
	areaQr: { dataUrl: string; url: string };
}

const CARE_CENTER_TERM = 'care-center';

/** Desks located in the area or certified to serve it. */
function servesArea(app: App, areaId: string): Set<string> {
	const rows = app.db.$client
		.prepare('SELECT service_id FROM desk_certifications WHERE EXISTS (SELECT 1 FROM json_each(area_ids) WHERE value = ?)')
		.pluck()
		.all(areaId) as string[];
	return new Set(rows);
}

/** The 高齢者支援センター nearest the area's centre, when none is inside it (they serve wide areas). */
async function nearestCareCenter(app: App, areaId: string): Promise<SearchHit[]> {
	const center = app.db.$client.prepare('SELECT center_lat AS lat, center_lng AS lng FROM areas WHERE id = ?').get(areaId) as
		| { lat: number | null; lng: number | null }
		| undefined;
	if (center?.lat == null || center.lng == null) return [];
	const { result } = await app.search.search({ term: CARE_CENTER_TERM, lat: center.lat, lng: center.lng, sort: 'distance', page: 1, perPage: 1 });
	return result.hits.map(({ distance_m: _distance, ...hit }) => hit);
}

export async function loadBooklet(app: App, slug: string, origin: string, language: Language = 'ja'): Promise<Booklet | null> {
	const area = findAreaBySlug(app, slug);
	if (!area) return null;
	const { hits, total } = await searchAll(app, { area: area.id, sort: 'name' }, PRINT_LIMIT);
	const servingDesks = servesArea(app, area.id);
	const inArea = new Set(hits.map((hit) => hit.id));
	const extraDesks: SearchHit[] = [];
	if (servingDesks.size > 0) {
		const { hits: desks } = await searchAll(app, { desk: true, sort: 'name' });
		extraDesks.push(...desks.filter((desk) => servingDesks.has(desk.id) && !inArea.has(desk.id)));
	}
	const firstHits = [...hits.filter((hit) => hit.desk), ...extraDesks];
	const careCenters = hits.filter((hit) => !hit.desk && hit.terms.includes(CARE_CENTER_TERM));
	firstHits.push(...(careCenters.length > 0 ? careCenters : await nearestCareCenter(app, area.id)));
	const first = new Set(firstHits.map((hit) => hit.id));

	const summaries = new Map(summarizeHits(app, [...firstHits, ...hits.filter((hit) => !first.has(hit.id))], language).map((s) => [s.id, s]));
	const toItems = async (group: SearchHit[]): Promise<PrintItem[]> =>
		Promise.all(
			group.map(async (hit) => {
				const url = `${origin}/services/${hit.id}`;
				return { listing: summaries.get(hit.id)!, qr: { dataUrl: await qrDataUrl(url), url } };
			})
		);
	const sections: BookletSection[] = [
		{ id: 'first', field: null, items: await toItems(firstHits) }
	];
	for (const field of FIELDS) {
		const group = hits.filter((hit) => hit.field === field && !first.has(hit.id));
		if (group.length > 0) sections.push({ id: `field-${field}`, field, items: await toItems(group) });
	}
	const areaUrl = `${origin}/areas/${area.slug}`;
	return {
		area,
		sections: sections.filter((section) => section.items.length > 0),
		total,
		capped: total > hits.length,
		areaQr: { dataUrl: await qrDataUrl(areaUrl), url: areaUrl }
	};
}
