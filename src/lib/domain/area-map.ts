/**
 * The area overlay of the areas page: which kinds of area it can draw (chosen with ?kind=), how
 * districts are shaded by how many listings they have (a legend of a few classes), and where a
 * district's count label goes. Pure: the server builds the areas, both map libraries draw them.
 */
import type { AreaKind } from './taxonomy';

/** [lng, lat] */
export type LngLat = [number, number];
export type AreaGeometry = { type: 'Polygon'; coordinates: LngLat[][] } | { type: 'MultiPolygon'; coordinates: LngLat[][][] };

/** One area on the map: its shape (or only its centre), its count and the class that shades it. */
export interface MapArea {
	id: string;
	/** 「旭地区」, 「旭小学校区」. */
	name: string;
	/** The name as the count label is read out, when the page is not in Japanese ("Asahi district", from the reading). */
	spokenName?: string;
	count: number;
	/** The count as the page says it: 「123件」. */
	countText: string;
	/** The shade of its count's class in the legend (one of AREA_SHADES). */
	fill: string;
	/** Where the count label sits (inside the shape). */
	label: { lat: number; lng: number };
	/** null: no boundary is known; the area is drawn as a circle at `label`. */
	geometry: AreaGeometry | null;
	/** The area's page and the link's words: 「旭地区の情報を見る」. */
	href: string;
	linkText: string;
}

/** The kinds the map can draw, by their ?kind= value. */
export const AREA_MAP_KINDS = { district: '地区', elementary: '小学校区', 'junior-high': '中学校区' } as const satisfies Record<string, AreaKind>;
export type AreaMapKind = keyof typeof AREA_MAP_KINDS;

/** ?kind=elementary (or ?kind=小学校区) → 'elementary'; anything else → the first of `available`. */
export function areaMapKind(value: string | null, available: readonly AreaKind[]): AreaMapKind {
	const entries = Object.entries(AREA_MAP_KINDS) as Array<[AreaMapKind, AreaKind]>;
	const usable = entries.filter(([, kind]) => available.includes(kind));
	const chosen = usable.find(([code, kind]) => value === code || value === kind);
	return (chosen ?? usable[0] ?? entries[0])[0];
}

/**
 * Light to dark blue (ColorBrewer "Blues"): light enough at the bottom that a count label stays
 * readable on it, dark enough at the top to stand out from the grey map; each class is at least
 * 3:1 against the map background from the third up, and the labels carry the numbers anyway.
 */
export const AREA_SHADES = ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const;
/** The outline of every shape: dark enough (≥ 3:1) on the grey map and on the lightest shade. */
export const AREA_OUTLINE = '#1f2d3d';

export interface ShadeClass {
	min: number;
	max: number;
}

/**
 * Up to AREA_SHADES.length classes for the counts: 0 on its own when some area has none, the
 * rest split at quantiles so each shade is used by about as many areas. Every count falls in
 * exactly one class; the classes run upwards without gaps.
 */
export function shadeClasses(counts: readonly number[], classCount = AREA_SHADES.length): ShadeClass[] {
	const sorted = [...counts].sort((a, b) => a - b);
	if (sorted.length === 0) return [];
	const classes: ShadeClass[] = [];
	const positive = sorted.filter((count) => count > 0);
	if (positive.length < sorted.length) classes.push({ min: 0, max: 0 });
	if (positive.length === 0) return classes;
	const parts = Math.min(classCount - classes.length, positive.length);
	// Classes run on from 0 (or from the lowest count when no area has none), leaving no gap.
	let min = classes.length > 0 ? 1 : positive[0];
	for (let part = 1; part <= parts; part++) {
		const max = part === parts ? positive[positive.length - 1] : positive[Math.ceil((part * positive.length) / parts) - 1];
		if (max < min) continue;
		classes.push({ min, max });
		min = max + 1;
	}
	return classes;
}

/** The class a count falls in (its index), for the shade. */
export function shadeOf(count: number, classes: readonly ShadeClass[]): number {
	const index = classes.findIndex((shade) => count >= shade.min && count <= shade.max);
	return index === -1 ? Math.max(classes.length - 1, 0) : index;
}

/** Shades for `classCount` classes: spread over the palette, so two classes are light and dark, not the two lightest. */
export function shadeColors(classCount: number): string[] {
	if (classCount <= 1) return [AREA_SHADES[2]];
	return Array.from({ length: classCount }, (_, i) => AREA_SHADES[Math.round((i * (AREA_SHADES.length - 1)) / (classCount - 1))]);
}

function polygonsOf(geometry: AreaGeometry): LngLat[][][] {
	return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** The signed area of a closed ring in degrees² (positive: counter-clockwise, as RFC 7946 wants outer rings). */
export function ringArea(ring: readonly LngLat[]): number {
	let sum = 0;
	for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
	return sum / 2;
}

/** Whether a point is inside a closed ring (even-odd rule). */
export function insideRing(ring: readonly LngLat[], [x, y]: LngLat): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

/** Whether a point is inside the shape (in an outer ring, not in one of its holes). */
export function insideGeometry(geometry: AreaGeometry, point: LngLat): boolean {
	return polygonsOf(geometry).some(([outer, ...holes]) => insideRing(outer, point) && !holes.some((hole) => insideRing(hole, point)));
}

/**
 * Where the count label goes: the area's stored centre when it lies inside its shape, else the
 * centroid of its largest part (inside for the usual convex-ish district), else that part's first corner.
 */
export function labelPoint(geometry: AreaGeometry | null, centre: { lat: number; lng: number } | null): { lat: number; lng: number } | null {
	if (!geometry) return centre;
	if (centre && insideGeometry(geometry, [centre.lng, centre.lat])) return centre;
	const outer = polygonsOf(geometry)
		.map(([ring]) => ring)
		.reduce((largest, ring) => (Math.abs(ringArea(ring)) > Math.abs(ringArea(largest)) ? ring : largest));
	const area = ringArea(outer);
	let x = 0, y = 0;
	for (let i = 0; i < outer.length - 1; i++) {
		const cross = outer[i][0] * outer[i + 1][1] - outer[i + 1][0] * outer[i][1];
		x += (outer[i][0] + outer[i + 1][0]) * cross;
		y += (outer[i][1] + outer[i + 1][1]) * cross;
	}
	const centroid: LngLat = area === 0 ? outer[0] : [x / (6 * area), y / (6 * area)];
	return insideGeometry(geometry, centroid) ? { lng: centroid[0], lat: centroid[1] } : centre ?? { lng: outer[0][0], lat: outer[0][1] };
}

/** A stored polygon column → the geometry, or null for blank or anything that is not a (Multi)Polygon. */
export function parseAreaGeometry(text: string | null): AreaGeometry | null {
	if (!text) return null;
	try {
		const value = JSON.parse(text) as { type?: unknown; coordinates?: unknown };
		if ((value.type === 'Polygon' || value.type === 'MultiPolygon') && Array.isArray(value.coordinates) && value.coordinates.length > 0) {
			return value as AreaGeometry;
		}
	} catch {
		// A broken polygon must not break the page: the area is drawn at its centre instead.
	}
	return null;
}

/** [west, south, east, north] around the shapes and labels, or null for none. */
export function areasBounds(areas: readonly MapArea[]): [number, number, number, number] | null {
	let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
	const add = (lng: number, lat: number) => {
		west = Math.min(west, lng);
		east = Math.max(east, lng);
		south = Math.min(south, lat);
		north = Math.max(north, lat);
	};
	for (const area of areas) {
		add(area.label.lng, area.label.lat);
		if (area.geometry) for (const polygon of polygonsOf(area.geometry)) for (const [lng, lat] of polygon[0]) add(lng, lat);
	}
	return west === Infinity ? null : [west, south, east, north];
}
