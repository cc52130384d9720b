/** The map's data as the server sends it (/api/search/map) and the components read it. */
import type { Field } from './taxonomy';

export interface MapFeatureProperties {
	name: string;
	field: Field;
	/** The listing's kinds in words (「サロン・通いの場・いきいき百歳体操」), or its field. */
	kind: string;
	phone: string | null;
}

/** Every located hit of a search as GeoJSON points. */
export interface MapFeatureCollection {
	type: 'FeatureCollection';
	/** Hits of the search, with or without a location. */
	total: number;
	features: Array<{ type: 'Feature'; id: string; geometry: { type: 'Point'; coordinates: [number, number] }; properties: MapFeatureProperties }>;
}

/** The map's base tiles; an empty url means "no tiles" (offline, tests). */
export interface MapTiles {
	url: string;
	attribution: string;
	/** Where the map opens when it has nothing to show: the city centre (its profile). */
	home: { lat: number; lng: number };
}
