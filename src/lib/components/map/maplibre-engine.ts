/**
 * The MapLibre GL side of MapEngine. Markers and clusters are circle layers (no text layers: glyphs
 * cannot be fetched offline); cluster counts are HTML labels laid over the canvas.
 */
import type { GeoJSONSource, Map as MapLibreMap, Popup } from 'maplibre-gl';
import { FIELD_COLORS } from '$lib/domain/taxonomy';
import type { MapPoint } from '../types';
import { createMap, loadMapLibre } from './maplibre';
import { popupContent } from './popup';
import {
	boundsOf,
	CLUSTER_COLOR,
	CLUSTER_MAX_ZOOM,
	CLUSTER_RADIUS,
	prefersReducedMotion,
	SELECTED_HALO_COLOR,
	type MapEngine,
	type MapEngineOptions
} from './engine';

const SOURCE = 'listings';
const SELECTED_SOURCE = 'selected-listing';

function featureCollection(list: MapPoint[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
	return {
		type: 'FeatureCollection',
		features: list.map((point) => ({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [point.lng, point.lat] },
			properties: { id: point.id, color: FIELD_COLORS[point.field] }
		}))
	};
}

function addLayers(map: MapLibreMap, cluster: boolean) {
	map.addSource(SOURCE, { type: 'geojson', data: featureCollection([]), cluster, clusterRadius: CLUSTER_RADIUS, clusterMaxZoom: CLUSTER_MAX_ZOOM });
	map.addSource(SELECTED_SOURCE, { type: 'geojson', data: featureCollection([]) });
	map.addLayer({
		id: 'clusters',
		type: 'circle',
		source: SOURCE,
		filter: ['has', 'point_count'],
		paint: {
			'circle-color': CLUSTER_COLOR,
			'circle-radius': ['step', ['get', 'point_count'], 18, 10, 22, 50, 28],
			'circle-stroke-color': '#ffffff',
			'circle-stroke-width': 3
		}
	});
	map.addLayer({
		id: 'markers',
		type: 'circle',
		source: SOURCE,
		filter: ['!', ['has', 'point_count']],
		paint: { 'circle-color': ['get', 'color'], 'circle-radius': 10, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 }
	});
	// The highlighted marker: a yellow halo and a black ring, on top of everything else.
	map.addLayer({
		id: 'selected-halo',
		type: 'circle',
		source: SELECTED_SOURCE,
		paint: { 'circle-color': SELECTED_HALO_COLOR, 'circle-opacity': 0.75, 'circle-radius': 24 }
	});
	map.addLayer({
		id: 'selected-marker',
		type: 'circle',
		source: SELECTED_SOURCE,
		paint: { 'circle-color': ['get', 'color'], 'circle-radius': 14, 'circle-stroke-color': '#000000', 'circle-stroke-width': 4 }
	});
}

/** The map, or null when MapLibre cannot start here (the caller then uses Leaflet). */
export async function createMapLibreEngine(options: MapEngineOptions): Promise<MapEngine | null> {
	const maplibre = await loadMapLibre();
	const { container, tiles, cluster, singleZoom } = options;
	const map = createMap(maplibre, {
		container,
		tiles,
		title: options.title,
		center: [tiles.home.lng, tiles.home.lat],
		zoom: 12,
		maxZoom: 18,
		// One finger scrolls the page on phones; two fingers (or Ctrl + wheel) move the map.
		cooperativeGestures: true,
		locale: {
			'NavigationControl.ResetBearing': '北を上にする',
			'AttributionControl.ToggleAttribution': '地図の出典',
			'CooperativeGesturesHandler.WindowsHelpText': 'Ctrl キーを押しながらスクロールで拡大・縮小',
			'CooperativeGesturesHandler.MacHelpText': '⌘ キーを押しながらスクロールで拡大・縮小',
			'CooperativeGesturesHandler.MobileHelpText': '2本の指で地図を動かせます'
		}
	});
	if (!map) return null;
	map.on('error', (event) => {
		if ('sourceId' in event && event.sourceId === 'base') options.ontileerror();
	});
	await new Promise<void>((resolve) => map.once('load', () => resolve()));
	addLayers(map, cluster);

	let points = new Map<string, MapPoint>();
	let popup: Popup | null = null;
	const labels = document.createElement('div');
	labels.className = 'cluster-labels';
	labels.setAttribute('aria-hidden', 'true');
	container.append(labels);

	function openPopup(point: MapPoint) {
		popup?.remove();
		popup = new maplibre.Popup({ offset: 16, maxWidth: '18rem', closeButton: true, focusAfterOpen: false })
			.setLngLat([point.lng, point.lat])
			.setDOMContent(popupContent(point))
			.addTo(map!);
	}

	/** Cluster counts as HTML over their circles, and how many listings the view stands for. */
	function drawLabels() {
		const seen = new Set<number>();
		let drawn = 0;
		const spans: HTMLSpanElement[] = [];
		for (const feature of map!.queryRenderedFeatures({ layers: cluster ? ['clusters', 'markers'] : ['markers'] })) {
			if (feature.geometry.type !== 'Point') continue;
			const clusterId = feature.properties.cluster_id as number | undefined;
			if (clusterId === undefined) {
				drawn += 1;
				continue;
			}
			if (seen.has(clusterId)) continue;
			seen.add(clusterId);
			drawn += feature.properties.point_count as number;
			const { x, y } = map!.project(feature.geometry.coordinates as [number, number]);
			const span = document.createElement('span');
			span.textContent = String(feature.properties.point_count);
			span.style.transform = `translate(${x}px, ${y}px) translate(-50%, -50%)`;
			spans.push(span);
		}
		labels.replaceChildren(...spans);
		options.ondrawn(drawn);
	}

	map.on('click', 'markers', (event) => {
		const id = event.features?.[0]?.properties.id;
		const point = typeof id === 'string' ? points.get(id) : undefined;
		if (!point) return;
		openPopup(point);
		options.onselect(point.id);
	});
	map.on('click', 'clusters', async (event) => {
		const feature = event.features?.[0];
		if (!feature || feature.geometry.type !== 'Point') return;
		const zoom = await map.getSource<GeoJSONSource>(SOURCE)?.getClusterExpansionZoom(feature.properties.cluster_id as number);
		map.easeTo({ center: feature.geometry.coordinates as [number, number], zoom: zoom ?? map.getZoom() + 2, animate: !prefersReducedMotion() });
	});
	for (const layer of ['markers', 'clusters']) {
		map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
		map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
	}
	map.on('render', () => {
		if (map.loaded()) drawLabels();
	});
	map.on('idle', drawLabels);

	function fit(list: MapPoint[]) {
		const bounds = boundsOf(list);
		if (!bounds) map!.jumpTo({ center: [tiles.home.lng, tiles.home.lat], zoom: 12 });
		else if (list.length === 1) map!.jumpTo({ center: [list[0].lng, list[0].lat], zoom: singleZoom });
		else map!.fitBounds(bounds, { padding: 48, maxZoom: 16, animate: false });
	}

	return {
		kind: 'maplibre',
		async setPoints(list) {
			points = new Map(list.map((point) => [point.id, point]));
			popup?.remove();
			fit(list);
			await map.getSource<GeoJSONSource>(SOURCE)?.setData(featureCollection(list));
			await new Promise<void>((resolve) => map.once('idle', () => resolve()));
		},
		select(point, reveal) {
			map.getSource<GeoJSONSource>(SELECTED_SOURCE)?.setData(featureCollection(point ? [point] : []));
			if (!point) {
				popup?.remove();
				return;
			}
			if (!reveal) return;
			openPopup(point);
			map.flyTo({ center: [point.lng, point.lat], zoom: Math.max(map.getZoom(), CLUSTER_MAX_ZOOM + 1), animate: !prefersReducedMotion() });
		},
		resize() {
			map.resize();
		},
		destroy() {
			popup?.remove();
			labels.remove();
			map.remove();
		}
	};
}
