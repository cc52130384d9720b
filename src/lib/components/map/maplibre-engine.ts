/**
 * The MapLibre GL side of MapEngine. Markers and clusters are circle layers (no text layers: glyphs
 * cannot be fetched offline); cluster counts are HTML labels laid over the canvas.
 */
import type { FilterSpecification, GeoJSONSource, Map as MapLibreMap, Marker, Popup } from 'maplibre-gl';
import { FIELD_COLORS } from '$lib/domain/taxonomy';
import { AREA_OUTLINE, areasBounds, type MapArea } from '$lib/domain/area-map';
import type { MapPoint } from '$lib/domain/listing-view';
import { createMap, loadMapLibre } from './maplibre';
import { areaLabelContent, areaLabelName, areaPopupContent, focusPopupLink, popupContent } from './popup';
import {
	AREA_FILL_OPACITY,
	AREA_OUTLINE_WIDTH,
	AREA_POINT_RADIUS,
	boundsOf,
	CLUSTER_COLOR,
	declutterAreaLabels,
	CLUSTER_MAX_ZOOM,
	CLUSTER_RADIUS,
	prefersReducedMotion,
	SELECTED_HALO_COLOR,
	type MapEngine,
	type MapEngineOptions
} from './engine';

const SOURCE = 'listings';
const SELECTED_SOURCE = 'selected-listing';
const AREA_SOURCE = 'areas';
const AREA_LAYERS = ['area-fills', 'area-points'];
/** The chosen area's outline shows only the area with this id ('' for none). */
const areaIs = (id: string): FilterSpecification => ['==', ['get', 'id'], id];

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

/** Areas as features: the shape, or a point at the label where there is none. */
function areaCollection(areas: MapArea[]): GeoJSON.FeatureCollection {
	return {
		type: 'FeatureCollection',
		features: areas.map((area) => ({
			type: 'Feature',
			geometry: area.geometry ?? { type: 'Point', coordinates: [area.label.lng, area.label.lat] },
			properties: { id: area.id, fill: area.fill }
		}))
	};
}

/** The overlay's layers, under the listing markers: shapes, outlines, centre circles and the chosen area's outline. */
function addAreaLayers(map: MapLibreMap) {
	map.addSource(AREA_SOURCE, { type: 'geojson', data: areaCollection([]) });
	const shapes: FilterSpecification = ['!=', ['geometry-type'], 'Point'];
	const points: FilterSpecification = ['==', ['geometry-type'], 'Point'];
	map.addLayer({ id: 'area-fills', type: 'fill', source: AREA_SOURCE, filter: shapes, paint: { 'fill-color': ['get', 'fill'], 'fill-opacity': AREA_FILL_OPACITY } }, 'clusters');
	map.addLayer({ id: 'area-outlines', type: 'line', source: AREA_SOURCE, filter: shapes, paint: { 'line-color': AREA_OUTLINE, 'line-width': AREA_OUTLINE_WIDTH } }, 'clusters');
	map.addLayer(
		{
			id: 'area-points',
			type: 'circle',
			source: AREA_SOURCE,
			filter: points,
			paint: { 'circle-color': ['get', 'fill'], 'circle-radius': AREA_POINT_RADIUS, 'circle-stroke-color': AREA_OUTLINE, 'circle-stroke-width': AREA_OUTLINE_WIDTH }
		},
		'clusters'
	);
	// The chosen area: a yellow band under a black line, as the chosen marker has.
	map.addLayer({ id: 'area-selected-halo', type: 'line', source: AREA_SOURCE, filter: areaIs(''), paint: { 'line-color': SELECTED_HALO_COLOR, 'line-width': 8 } }, 'clusters');
	map.addLayer({ id: 'area-selected', type: 'line', source: AREA_SOURCE, filter: areaIs(''), paint: { 'line-color': '#000000', 'line-width': 3 } }, 'clusters');
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
			'NavigationControl.ZoomIn': options.labels.zoomIn,
			'NavigationControl.ZoomOut': options.labels.zoomOut,
			'NavigationControl.ResetBearing': options.labels.resetBearing,
			'AttributionControl.ToggleAttribution': options.labels.attribution,
			'CooperativeGesturesHandler.WindowsHelpText': options.labels.windowsHelp,
			'CooperativeGesturesHandler.MacHelpText': options.labels.macHelp,
			'CooperativeGesturesHandler.MobileHelpText': options.labels.mobileHelp
		}
	});
	if (!map) return null;
	map.on('error', (event) => {
		if ('sourceId' in event && event.sourceId === 'base') options.ontileerror();
	});
	await new Promise<void>((resolve) => map.once('load', () => resolve()));
	addLayers(map, cluster);
	addAreaLayers(map);

	let points = new Map<string, MapPoint>();
	let popup: Popup | null = null;
	const labels = document.createElement('div');
	labels.className = 'cluster-labels';
	labels.setAttribute('aria-hidden', 'true');
	container.append(labels);

	let areaLabels: Marker[] = [];
	let shownAreas: MapArea[] = [];

	function declutter() {
		declutterAreaLabels(
			areaLabels.map((label, i) => {
				const { x, y } = map!.project(label.getLngLat());
				return { element: label.getElement(), x, y, count: shownAreas[i].count };
			})
		);
	}
	let areaCount = 0;

	function selectArea(id: string) {
		for (const layer of ['area-selected-halo', 'area-selected']) map!.setFilter(layer, areaIs(id));
	}

	function openAreaPopup(area: MapArea, label: HTMLElement) {
		popup?.remove();
		selectArea(area.id);
		const content = areaPopupContent(area);
		// Escape closes the popup and gives the keyboard back to the area's label.
		content.addEventListener('keydown', (event) => {
			if (event.key !== 'Escape') return;
			popup?.remove();
			label.focus();
		});
		popup = new maplibre.Popup({ offset: 16, maxWidth: '18rem', closeButton: true, focusAfterOpen: false })
			.setLngLat([area.label.lng, area.label.lat])
			.setDOMContent(content)
			.addTo(map!);
		popup.on('close', () => selectArea(''));
		keepInView(popup.getElement());
		focusPopupLink(popup.getElement());
		options.onselect(area.id);
	}

	/** Moves the map so an open popup is not cut off at its edge (as Leaflet's autoPan does): on a phone it often would be. */
	function keepInView(element: HTMLElement) {
		const box = element.getBoundingClientRect();
		const frame = container.getBoundingClientRect();
		const margin = 8;
		const shift = (low: number, high: number, frameLow: number, frameHigh: number) =>
			high - low > frameHigh - frameLow ? low - frameLow - margin : low < frameLow ? low - frameLow - margin : high > frameHigh ? high - frameHigh + margin : 0;
		const dx = shift(box.left, box.right, frame.left, frame.right);
		const dy = shift(box.top, box.bottom, frame.top, frame.bottom);
		if (dx !== 0 || dy !== 0) map!.panBy([dx, dy], { animate: !prefersReducedMotion() });
	}

	/** Count labels: buttons over the map, in the list's order, so Tab reaches every area and Enter opens it. */
	function placeAreaLabels(areas: MapArea[]) {
		for (const label of areaLabels) label.remove();
		shownAreas = areas;
		areaLabels = areas.map((area) => {
			const button = document.createElement('button');
			button.type = 'button';
			button.className = 'area-label';
			button.dataset.areaId = area.id;
			button.setAttribute('aria-label', areaLabelName(area));
			button.append(areaLabelContent(area));
			button.addEventListener('click', (event) => {
				event.stopPropagation();
				openAreaPopup(area, button);
			});
			return new maplibre.Marker({ element: button }).setLngLat([area.label.lng, area.label.lat]).addTo(map!);
		});
	}

	/** How many areas have a shape or circle on the screen (distinct ids: a shape may span tiles). */
	function countDrawnAreas() {
		const ids = new Set(map!.queryRenderedFeatures({ layers: AREA_LAYERS }).map((feature) => feature.properties.id as string));
		options.onareasdrawn?.(ids.size);
	}

	function openPopup(point: MapPoint) {
		popup?.remove();
		popup = new maplibre.Popup({ offset: 16, maxWidth: '18rem', closeButton: true, focusAfterOpen: false })
			.setLngLat([point.lng, point.lat])
			.setDOMContent(popupContent(point, options.labels))
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
	map.on('idle', () => {
		if (areaCount > 0) countDrawnAreas();
	});
	map.on('moveend', declutter);
	for (const layer of AREA_LAYERS) {
		map.on('click', layer, (event) => {
			const id = event.features?.[0]?.properties.id;
			const index = areaLabels.findIndex((label) => label.getElement().dataset.areaId === id);
			if (index !== -1) areaLabels[index].getElement().click();
		});
		map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
		map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
	}

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
		async setAreas(areas) {
			areaCount = areas.length;
			popup?.remove();
			placeAreaLabels(areas);
			const bounds = areasBounds(areas);
			if (bounds) map.fitBounds(bounds, { padding: 32, animate: false });
			declutter();
			await map.getSource<GeoJSONSource>(AREA_SOURCE)?.setData(areaCollection(areas));
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
			for (const label of areaLabels) label.remove();
			map.remove();
		}
	};
}
