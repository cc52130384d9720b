/**
 * One map API over two libraries: MapLibre GL where the browser has WebGL 2, Leaflet where it does
 * not (old phones, office PCs with graphics turned off). ResultMap.svelte talks only to MapEngine,
 * so pages never know which one runs. Both draw the same markers, clusters, selection and popups.
 */
import type { MapArea } from '$lib/domain/area-map';
import type { MapPoint, MapTiles } from '$lib/domain/listing-view';
import type { Messages } from '$lib/domain/i18n';

/** The words on the map's buttons, clusters and popups, in the reader's language. */
export type MapLabels = Messages['mapControls'];

export type MapEngineKind = 'maplibre' | 'leaflet';

/** Clusters break up from this zoom (MapLibre's zoom; Leaflet's is one more), so a flown-to marker stands alone. */
export const CLUSTER_MAX_ZOOM = 14;
/** Cluster radius in screen pixels. */
export const CLUSTER_RADIUS = 40;
export const SELECTED_HALO_COLOR = '#ffbf00';
export const CLUSTER_COLOR = '#0a4fa0';
/** Shapes are see-through, so streets on the tiles below still show. */
export const AREA_FILL_OPACITY = 0.7;
export const AREA_OUTLINE_WIDTH = 1.5;
export const AREA_POINT_RADIUS = 14;

export interface MapEngineOptions {
	container: HTMLElement;
	tiles: MapTiles;
	/** The map's accessible name. */
	title: string;
	labels: MapLabels;
	cluster: boolean;
	/** Zoom when there is only one marker (MapLibre's scale). */
	singleZoom: number;
	/** A marker or an area was clicked (or chosen with the keyboard). */
	onselect: (id: string) => void;
	/** Base tiles could not be loaded: the map still shows markers, and says why it is blank. */
	ontileerror: () => void;
	/** What is drawn changed: how many listings the visible clusters and markers stand for. */
	ondrawn: (drawnCount: number) => void;
	/** The area overlay was drawn: how many areas (shapes or circles) are on the map. */
	onareasdrawn?: (drawnAreas: number) => void;
}

export interface MapEngine {
	readonly kind: MapEngineKind;
	/** Replaces the markers and fits the view to them; resolves once they are drawn. */
	setPoints(points: MapPoint[]): Promise<void>;
	/** Highlights a marker (null: none). With `reveal` the map moves to it and opens its popup. */
	select(point: MapPoint | null, reveal: boolean): void;
	/**
	 * Replaces the area overlay (polygons shaded by `fill`, a circle where an area has no shape,
	 * each with a focusable count label that opens a popup with a link) and fits the view to it.
	 */
	setAreas(areas: MapArea[]): Promise<void>;
	/** The container changed size (a hidden map was shown). */
	resize(): void;
	destroy(): void;
}

export function prefersReducedMotion(): boolean {
	return matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** [west, south, east, north] around the points, or null for none. */
export function boundsOf(points: MapPoint[]): [number, number, number, number] | null {
	if (points.length === 0) return null;
	let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
	for (const point of points) {
		west = Math.min(west, point.lng);
		east = Math.max(east, point.lng);
		south = Math.min(south, point.lat);
		north = Math.max(north, point.lat);
	}
	return [west, south, east, north];
}

/** A count label's box on screen (px), with a little space around it. */
const AREA_LABEL_BOX = { width: 52, height: 32 };

/**
 * Count labels that would cover a label of an area with more listings are marked `crowded`: they
 * shrink to a dot (still a button: hover or focus shows the count) until the reader zooms in.
 * The same in both libraries; each passes where its labels sit on screen now.
 */
export function declutterAreaLabels(labels: Array<{ element: HTMLElement; x: number; y: number; count: number }>): void {
	const placed: Array<{ x: number; y: number }> = [];
	for (const label of [...labels].sort((a, b) => b.count - a.count)) {
		const crowded = placed.some((other) => Math.abs(other.x - label.x) < AREA_LABEL_BOX.width && Math.abs(other.y - label.y) < AREA_LABEL_BOX.height);
		label.element.classList.toggle('crowded', crowded);
		if (!crowded) placed.push(label);
	}
}
