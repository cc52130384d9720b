import type { SearchDocument, SearchHit } from '../../domain/search';

/** The fields of an indexed document that an API hit shows. */
export type HitSource = Pick<SearchDocument, 'id' | 'name' | 'kana' | 'field' | 'terms' | 'address' | 'lat' | 'lng' | 'desk'>;

/** One hit as `/api/search` answers it, whichever engine found it. */
export function toHit(doc: HitSource, distance: number | null): SearchHit {
	const hit: SearchHit = {
		id: doc.id,
		name: doc.name,
		kana: doc.kana,
		field: doc.field,
		terms: doc.terms,
		address: doc.address,
		lat: doc.lat,
		lng: doc.lng,
		desk: doc.desk
	};
	if (distance !== null) hit.distance_m = Math.round(distance);
	return hit;
}
