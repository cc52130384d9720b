import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

const nodeAdapter = adapter();

/**
 * adapter-node, with one known-harmless warning left out: its server bundling tree-shakes SvelteKit's
 * env module and the map modules (which run only in the browser, in onMount) down to nothing and
 * says "Generated an empty chunk" on every build. Every other message still shows.
 */
const quietNodeAdapter = {
	...nodeAdapter,
	async adapt(builder) {
		const warn = console.warn;
		console.warn = (...args) => {
			if (args.length === 1 && /^Generated an empty chunk: "chunks\/(env|maplibre|maplibre-gl-worker)\.js"\.$/.test(String(args[0]))) return;
			warn(...args);
		};
		try {
			await nodeAdapter.adapt(builder);
		} finally {
			console.warn = warn;
		}
	}
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: quietNodeAdapter,
		// Form actions are protected against cross-site posts by SvelteKit's origin check.
		csrf: { trustedOrigins: [] },
		// Content-Security-Policy on every page: SvelteKit adds a nonce (or a hash on prerendered pages)
		// to its own scripts; nothing else runs. The map tile host comes from MAP_TILE_URL at run time
		// and is added to img-src/connect-src by src/lib/server/security-headers.ts.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// MapLibre runs its worker from the bundled file (setWorkerUrl) and may wrap it in a blob.
				'worker-src': ['self', 'blob:'],
				'child-src': ['self', 'blob:'],
				// Svelte style attributes and the map libraries' element styles.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
