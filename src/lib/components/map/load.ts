/**
 * Picks and loads the map library: MapLibre when WebGL 2 works, otherwise (or if MapLibre still
 * fails to start) Leaflet. Each is a separate chunk, so a browser downloads only the one it uses.
 */
import type { MapEngine, MapEngineOptions } from './engine';
import { hasWebGL2 } from './webgl';

export async function loadMapEngine(options: MapEngineOptions): Promise<MapEngine> {
	if (hasWebGL2()) {
		const { createMapLibreEngine } = await import('./maplibre-engine');
		const engine = await createMapLibreEngine(options);
		if (engine) return engine;
	}
	const { createLeafletEngine } = await import('./leaflet-engine');
	return createLeafletEngine(options);
}
