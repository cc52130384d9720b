/**
 * The Leaflet side of MapEngine, for browsers without WebGL. Clusters come from supercluster (the
 * library MapLibre clusters with), computed here for the view after every move; cluster counts
 * are HTML icons, so nothing needs fonts or tiles from the network. Markers are focusable: Tab
 * reaches them and Enter opens the popup.
 */
import type { Map as LeafletMap, Layer, Marker, Popup } from 'leaflet';
import Supercluster from 'supercluster';
import { FIELD_COLORS } from '$lib/domain/taxonomy';
import type { MapPoint } from '../types';
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
		const label = button.classList.contains('leaflet-control-zoom-in') ? '拡大' : '縮小';
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

	const markers = L.layerGroup().addTo(map);
	const index = new Supercluster<PointProperties, PointProperties>({ radius: CLUSTER_RADIUS, maxZoom: CLUSTER_MAX_ZOOM + ZOOM_OFFSET, extent: 256 });
	let points = new Map<string, MapPoint>();
	let selected: MapPoint | null = null;
	let popup: Popup | null = null;

	function openPopup(point: MapPoint) {
		popup = L.popup({ offset: [0, -8], maxWidth: 288 }).setLatLng([point.lat, point.lng]).setContent(popupContent(point)).openOn(map);
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
		if (cluster) {
			const bbox: [number, number, number, number] = [view.getWest(), view.getSouth(), view.getEast(), view.getNorth()];
			for (const feature of index.getClusters(bbox, Math.round(map.getZoom()))) {
				const [lng, lat] = feature.geometry.coordinates;
				const properties = feature.properties as Partial<Supercluster.ClusterProperties> & Partial<PointProperties>;
				if (properties.cluster) {
					drawn += properties.point_count!;
					const clusterId = properties.cluster_id!;
					const marker = L.marker([lat, lng], {
						icon: clusterIcon(L, properties.point_count!),
						title: `${properties.point_count}件（押すと拡大）`,
						alt: `${properties.point_count}件`,
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
