/**
 * MapLibre set-up shared by the public result map and the admin location picker, so both load the
 * library the same way, look the same without tiles and fall back the same way without WebGL.
 */
import type { Map as MapLibreMap, MapOptions, StyleSpecification } from 'maplibre-gl';
import type { MapTiles } from '$lib/domain/listing-view';

export type MapLibre = typeof import('maplibre-gl');

/** Loaded on demand: MapLibre needs a browser, and pages without a map stay light. */
export async function loadMapLibre(): Promise<MapLibre> {
	const [maplibre, worker] = await Promise.all([
		import('maplibre-gl'),
		import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
		import('maplibre-gl/dist/maplibre-gl.css')
	]);
	maplibre.setWorkerUrl(worker.default);
	return maplibre;
}

/** Raster tiles over a grey background; without a tile URL (offline, tests) just the background: markers and pins still work. */
export function baseStyle(tiles: MapTiles): StyleSpecification {
	const hasTiles = tiles.url !== '';
	return {
		version: 8,
		sources: hasTiles
			? { base: { type: 'raster', tiles: [tiles.url], tileSize: 256, maxzoom: 18, attribution: tiles.attribution } }
			: {},
		layers: [
			{ id: 'background', type: 'background', paint: { 'background-color': '#e9ecef' } },
			...(hasTiles ? [{ id: 'base', type: 'raster' as const, source: 'base' }] : [])
		]
	};
}

/** What differs between the maps; the style, attribution, zoom buttons and their labels are shared. */
export interface CreateMapOptions extends Omit<MapOptions, 'style' | 'locale'> {
	tiles: MapTiles;
	/** The canvas's accessible name (MapLibre's 'Map.Title'). */
	title: string;
	/** Japanese labels for controls only this map uses (the zoom buttons are already covered). */
	locale?: Record<string, string>;
}

/**
 * The map on the base style with a compact attribution and zoom buttons (no compass), or null when
 * the browser cannot draw it (no WebGL: old phones, disabled graphics) so the caller can fall back.
 */
export function createMap(maplibre: MapLibre, { tiles, title, locale, ...options }: CreateMapOptions): MapLibreMap | null {
	let map: MapLibreMap;
	try {
		map = new maplibre.Map({
			style: baseStyle(tiles),
			attributionControl: { compact: true },
			...options,
			locale: { 'Map.Title': title, 'NavigationControl.ZoomIn': '拡大', 'NavigationControl.ZoomOut': '縮小', ...locale }
		});
	} catch {
		return null;
	}
	map.addControl(new maplibre.NavigationControl({ showCompass: false }), 'top-right');
	// Tiles that cannot be fetched (offline) must not break the page: markers and pins do not need them.
	map.on('error', () => {});
	return map;
}
