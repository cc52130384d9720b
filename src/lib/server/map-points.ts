/**
 * Every hit of a search (not only the page on screen) as compact GeoJSON for the map: the map of a
 * search with 709 results shows all 709, clustered, while the list pages through them.
 */
import type { App } from './app';
import type { SearchHit } from '../domain/search';
import { hitKindLabels, MESSAGES, type Language } from '../domain/i18n';
import type { MapFeatureCollection } from '../domain/map';

const PHONES_SQL = `
SELECT s.id, (SELECT c.value FROM contacts c WHERE c.service_id = s.id AND c.kind = 'phone' ORDER BY c.sort_order LIMIT 1) AS phone
FROM services s WHERE s.id IN (SELECT value FROM json_each(?))`;

/** Six decimals is ~10 cm: enough for a marker, and a third shorter than a full double. */
const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** The kinds (popups) are worded in `language`: the page's map asks in the reader's. */
export function mapFeatures(app: App, hits: SearchHit[], language: Language = 'ja'): MapFeatureCollection {
	const messages = MESSAGES[language];
	const located = hits.filter((hit): hit is SearchHit & { lat: number; lng: number } => hit.lat !== null && hit.lng !== null);
	const phoneRows = app.db.$client.prepare(PHONES_SQL).all(JSON.stringify(located.map((hit) => hit.id))) as Array<{ id: string; phone: string | null }>;
	const phones = new Map(phoneRows.map((row) => [row.id, row.phone]));
	return {
		type: 'FeatureCollection',
		total: hits.length,
		features: located.map((hit) => ({
			type: 'Feature',
			id: hit.id,
			geometry: { type: 'Point', coordinates: [round(hit.lng), round(hit.lat)] },
			properties: {
				name: hit.name,
				field: hit.field,
				kind: hitKindLabels(language, hit).join(messages.common.listSeparator) || messages.fields[hit.field],
				phone: phones.get(hit.id) ?? null
			}
		}))
	};
}
