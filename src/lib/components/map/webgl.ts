/** MapLibre GL 5+ needs WebGL 2; without it (no GPU, graphics disabled) the Leaflet map is used. */
export function hasWebGL2(): boolean {
	try {
		const canvas = document.createElement('canvas');
		const context = canvas.getContext('webgl2');
		context?.getExtension('WEBGL_lose_context')?.loseContext();
		return context !== null;
	} catch {
		return false;
	}
}
