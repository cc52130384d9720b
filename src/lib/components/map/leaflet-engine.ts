/**
 * The Leaflet side of MapEngine, for browsers without WebGL. Clusters come from supercluster (the
 * library MapLibre clusters with), computed here for the view after every move; cluster counts
 * are HTML icons, so nothing needs fonts or tiles from the network. Markers are focusable: Tab
 * reaches them and Enter opens the popup.
 */
import type { LeafletKeyboardEvent, Map as LeafletMap, Layer, Marker, Path, PathOptions, Popup } from 'leaflet';
import Supercluster from 'supercluster';
import { FIELD_COLORS } from '$lib/domain/taxonomy';
import { AREA_OUTLINE, areasBounds, type MapArea } from '$lib/domain/area-map';
import type { MapPoint } from '$lib/domain/listing-view';
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

type Leaflet = typeof import('leaflet');
type PointProperties = { id: string };

/** Leaflet counts zoom in 256-pixel tiles, MapLibre in 512: the same view is one level more here. */
const ZOOM_OFFSET = 1;

async function loadLeaflet(): Promise<Leaflet> {
	const [leaflet] = await Promise.all([import('leaflet'), import('leaflet/dist/leaflet.css')]);
	return (leaflet as unknown as { default?: Leaflet }).default ?? leaflet;
}

function markerIcon(L: Leaflet, point: MapPoint, selected: boolean) {
	const size = selected ? 36 : 24;
	const html = `<span class="leaflet-point${selected ? ' selected' : ''}" style="--marker-color:${FIELD_COLORS[point.field]}"></span>`;
	return L.divIcon({ html, className: 'leaflet-point-icon', iconSize: [size, size], iconAnchor: [size / 2, size / 2] });
}

function clusterIcon(L: Leaflet, count: number) {
	const size = count < 10 ? 36 : count < 50 ? 44 : 56;
	return L.divIcon({
		html: `<span class="leaflet-cluster" style="--cluster-color:${CLUSTER_COLOR}">${count}</span>`,
		className: 'leaflet-cluster-icon',
		iconSize: [size, size],
		iconAnchor: [size / 2, size / 2]
	});
}

export async function createLeafletEngine(options: MapEngineOptions): Promise<MapEngine> {
	const L = await loadLeaflet();
	const { container, tiles, cluster, singleZoom } = options;
	const map: LeafletMap = L.map(container, {
		center: [tiles.home.lat, tiles.home.lng],
		zoom: 12 + ZOOM_OFFSET,
		maxZoom: 18 + ZOOM_OFFSET,
		// Like MapLibre's cooperative gestures: the wheel scrolls the page, not the map.
		scrollWheelZoom: false,
		zoomAnimation: !prefersReducedMotion(),
		fadeAnimation: !prefersReducedMotion(),
		markerZoomAnimation: !prefersReducedMotion()
	});
	map.attributionControl.setPrefix(false);
	map.zoomControl.getContainer()?.querySelectorAll('a').forEach((button) => {
		const label = button.classList.contains('leaflet-control-zoom-in') ? options.labels.zoomIn : options.labels.zoomOut;
		button.title = label;
		button.setAttribute('aria-label', label);
	});
	container.setAttribute('aria-label', options.title);
	container.setAttribute('role', 'region');
	if (tiles.url) {
		L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 18 + ZOOM_OFFSET })
			.on('tileerror', () => options.ontileerror())
			.addTo(map);
	}

	const areaLayer = L.featureGroup().addTo(map);
	const markers = L.layerGroup().addTo(map);
	const index = new Supercluster<PointProperties, PointProperties>({ radius: CLUSTER_RADIUS, maxZoom: CLUSTER_MAX_ZOOM + ZOOM_OFFSET, extent: 256 });
	let points = new Map<string, MapPoint>();
	let selected: MapPoint | null = null;
	let popup: Popup | null = null;

	function openPopup(point: MapPoint) {
		popup = L.popup({ offset: [0, -8], maxWidth: 288 }).setLatLng([point.lat, point.lng]).setContent(popupContent(point, options.labels)).openOn(map);
	}

	function pointMarker(point: MapPoint): Marker {
		const isSelected = point.id === selected?.id;
		const marker = L.marker([point.lat, point.lng], {
			icon: markerIcon(L, point, isSelected),
			title: point.name,
			alt: point.name,
			keyboard: true,
			zIndexOffset: isSelected ? 1000 : 0
		});
		marker.on('click', () => {
			openPopup(point);
			options.onselect(point.id);
		});
		return marker;
	}

	/** Clusters and markers for the current view; the selected marker is always drawn on its own. */
	function draw() {
		const layers: Layer[] = [];
		let drawn = 0;
		const view = map.getBounds();
		// Before any points are set (a map of areas only) the cluster index is empty and cannot be asked.
		if (cluster && points.size > 0) {
			const bbox: [number, number, number, number] = [view.getWest(), view.getSouth(), view.getEast(), view.getNorth()];
			for (const feature of index.getClusters(bbox, Math.round(map.getZoom()))) {
				const [lng, lat] = feature.geometry.coordinates;
				const properties = feature.properties as Partial<Supercluster.ClusterProperties> & Partial<PointProperties>;
				if (properties.cluster) {
					drawn += properties.point_count!;
					const clusterId = properties.cluster_id!;
					const marker = L.marker([lat, lng], {
						icon: clusterIcon(L, properties.point_count!),
						title: options.labels.cluster(String(properties.point_count)),
						alt: options.labels.clusterAlt(String(properties.point_count)),
						keyboard: true
					});
					marker.on('click', () =>
						map.setView([lat, lng], Math.min(index.getClusterExpansionZoom(clusterId), map.getMaxZoom()), { animate: !prefersReducedMotion() })
					);
					layers.push(marker);
				} else {
					const point = points.get(properties.id!);
					if (!point) continue;
					drawn += 1;
					if (point.id !== selected?.id) layers.push(pointMarker(point));
				}
			}
		} else {
			for (const point of points.values()) {
				if (!view.contains([point.lat, point.lng])) continue;
				drawn += 1;
				if (point.id !== selected?.id) layers.push(pointMarker(point));
			}
		}
		if (selected && points.has(selected.id)) {
			layers.push(L.circleMarker([selected.lat, selected.lng], { radius: 24, stroke: false, fillColor: SELECTED_HALO_COLOR, fillOpacity: 0.75, interactive: false }));
			layers.push(pointMarker(selected));
		}
		markers.clearLayers();
		for (const layer of layers) markers.addLayer(layer);
		options.ondrawn(drawn);
	}
	map.on('moveend', draw);

	let chosenArea: { layer: Path; area: MapArea } | null = null;
	const areaStyle = (area: MapArea, chosen: boolean): PathOptions => ({
		color: chosen ? '#000000' : AREA_OUTLINE,
		weight: chosen ? 4 : AREA_OUTLINE_WIDTH,
		fillColor: area.fill,
		fillOpacity: AREA_FILL_OPACITY,
		className: 'area-shape'
	});

	function openAreaPopup(area: MapArea, shape: Path, label: Marker) {
		if (chosenArea) chosenArea.layer.setStyle(areaStyle(chosenArea.area, false));
		chosenArea = { layer: shape, area };
		shape.setStyle(areaStyle(area, true));
		shape.bringToFront();
		const content = areaPopupContent(area);
		content.addEventListener('keydown', (event) => {
			if (event.key !== 'Escape') return;
			map.closePopup();
			label.getElement()?.focus();
		});
		popup = L.popup({ offset: [0, -8], maxWidth: 288 }).setLatLng([area.label.lat, area.label.lng]).setContent(content).openOn(map);
		popup.on('remove', () => {
			if (chosenArea?.area.id !== area.id) return;
			shape.setStyle(areaStyle(area, false));
			chosenArea = null;
		});
		focusPopupLink(popup.getElement());
		options.onselect(area.id);
	}

	let areaLabels: Array<{ marker: Marker; area: MapArea }> = [];

	function declutter() {
		declutterAreaLabels(
			areaLabels.flatMap(({ marker, area }) => {
				const element = marker.getElement();
				if (!element) return [];
				const { x, y } = map.latLngToContainerPoint(marker.getLatLng());
				return [{ element, x, y, count: area.count }];
			})
		);
	}
	map.on('zoomend moveend', declutter);

	/** Each area: its shape (or a circle at its centre) and a focusable count label; both open its popup. */
	function drawAreas(areas: MapArea[]) {
		areaLayer.clearLayers();
		chosenArea = null;
		areaLabels = [];
		for (const area of areas) {
			const shape: Path = area.geometry
				? L.geoJSON(area.geometry, { style: () => areaStyle(area, false) }).getLayers()[0] as Path
				: L.circleMarker([area.label.lat, area.label.lng], { ...areaStyle(area, false), radius: AREA_POINT_RADIUS });
			const label = L.marker([area.label.lat, area.label.lng], {
				icon: L.divIcon({ html: areaLabelContent(area), className: 'area-label', iconSize: [48, 28] }),
				title: areaLabelName(area),
				keyboard: true
			});
			shape.on('click', () => openAreaPopup(area, shape, label));
			label.on('click', () => openAreaPopup(area, shape, label));
			// The label is a div with role=button: Enter and Space open it, as they would a button.
			label.on('keypress', (event) => {
				const key = (event as LeafletKeyboardEvent).originalEvent.key;
				if (key !== 'Enter' && key !== ' ') return;
				event.originalEvent.preventDefault();
				openAreaPopup(area, shape, label);
			});
			areaLayer.addLayer(shape);
			areaLayer.addLayer(label);
			const element = label.getElement();
			element?.setAttribute('aria-label', areaLabelName(area));
			element?.setAttribute('data-area-id', area.id);
			areaLabels.push({ marker: label, area });
		}
		declutter();
		options.onareasdrawn?.(areas.length);
	}

	function fit(list: MapPoint[]) {
		const bounds = boundsOf(list);
		if (!bounds) map.setView([tiles.home.lat, tiles.home.lng], 12 + ZOOM_OFFSET, { animate: false });
		else if (list.length === 1) map.setView([list[0].lat, list[0].lng], singleZoom + ZOOM_OFFSET, { animate: false });
		else map.fitBounds([[bounds[1], bounds[0]], [bounds[3], bounds[2]]], { padding: [48, 48], maxZoom: 16 + ZOOM_OFFSET, animate: false });
	}

	return {
		kind: 'leaflet',
		async setPoints(list) {
			points = new Map(list.map((point) => [point.id, point]));
			index.load(list.map((point) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [point.lng, point.lat] }, properties: { id: point.id } })));
			map.closePopup();
			fit(list);
			draw();
		},
		async setAreas(areas) {
			map.closePopup();
			const bounds = areasBounds(areas);
			if (bounds) map.fitBounds([[bounds[1], bounds[0]], [bounds[3], bounds[2]]], { padding: [32, 32], animate: false });
			drawAreas(areas);
		},
		select(point, reveal) {
			selected = point;
			if (!point) map.closePopup();
			if (point && reveal) {
				const zoom = Math.max(map.getZoom(), CLUSTER_MAX_ZOOM + ZOOM_OFFSET + 1);
				map.setView([point.lat, point.lng], zoom, { animate: !prefersReducedMotion() });
				openPopup(point);
			}
			draw();
		},
		resize() {
			map.invalidateSize();
		},
		destroy() {
			map.remove();
		}
	};
}
