/**
 * Security headers on every response. The Content-Security-Policy itself is SvelteKit's (kit.csp
 * in svelte.config.js, with a nonce per page); the map tile host is known only at run time
 * (MAP_TILE_URL), so it is added here.
 */

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	// 現在地 (geolocation) on our own pages only; nothing else a portal needs.
	'permissions-policy': 'geolocation=(self), camera=(), microphone=(), payment=(), usb=()'
};

/** One year, as browsers' preload lists expect; only ever sent over https. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** The origin of a tile URL template ("https://host/{z}/{x}/{y}.png" → "https://host"), or null. */
export function tileOrigin(tileUrl: string): string | null {
	if (!tileUrl) return null;
	try {
		const url = new URL(tileUrl.replace(/\{[a-z]+\}/gi, '0'));
		return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
	} catch {
		return null;
	}
}

/** Allows the tile host in img-src (Leaflet's <img> tiles) and connect-src (MapLibre fetches tiles). */
export function allowTileHost(csp: string, tileUrl: string): string {
	const origin = tileOrigin(tileUrl);
	if (!origin) return csp;
	return csp
		.split(';')
		.map((directive) => {
			const name = directive.trim().split(/\s+/)[0];
			return name === 'img-src' || name === 'connect-src' ? `${directive.trimEnd()} ${origin}` : directive;
		})
		.join(';');
}

/** Sets the headers on a response (never overriding one a route chose). */
export function applySecurityHeaders(headers: Headers, options: { https: boolean; tileUrl: string }): void {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!headers.has(name)) headers.set(name, value);
	}
	if (options.https && !headers.has('strict-transport-security')) headers.set('strict-transport-security', HSTS);
	const csp = headers.get('content-security-policy');
	if (csp) headers.set('content-security-policy', allowTileHost(csp, options.tileUrl));
}
