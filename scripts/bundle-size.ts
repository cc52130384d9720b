/**
 * `npm run size:pages` — the JavaScript (and CSS) each page ships, gzip-compressed, read from the
 * last `vite build`: what loads with the page ("page") and what a map adds once it is shown
 * ("+ map": the page's dynamic imports, MapLibre's worker or Leaflet, and their styles).
 * Sizes are of the built files; nothing is timed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
	file: string;
	src?: string;
	isEntry?: boolean;
	imports?: string[];
	dynamicImports?: string[];
	css?: string[];
	assets?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const CLIENT_DIR = '.svelte-kit/output/client';
const MANIFEST = join(CLIENT_DIR, '.vite/manifest.json');
const NODES_DIR = '.svelte-kit/generated/client-optimized/nodes';

const gzipCache = new Map<string, number>();
function gzipBytes(file: string): number {
	let size = gzipCache.get(file);
	if (size === undefined) {
		size = gzipSync(readFileSync(join(CLIENT_DIR, file))).length;
		gzipCache.set(file, size);
	}
	return size;
}

/** Every file a chunk pulls in statically (JS, CSS and, for `?url` imports, the worker file). */
function staticFiles(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
	const chunk = manifest[key];
	if (!chunk || into.has(chunk.file)) return into;
	into.add(chunk.file);
	for (const css of chunk.css ?? []) into.add(css);
	for (const asset of chunk.assets ?? []) if (/\.(m?js|css)$/.test(asset)) into.add(asset);
	for (const imported of chunk.imports ?? []) staticFiles(manifest, imported, into);
	return into;
}

/** CSS files a JS chunk loads itself (a dynamic `import('x.css')` is not listed in the manifest). */
function cssReferencedBy(file: string): string[] {
	if (!/\.m?js$/.test(file)) return [];
	const text = readFileSync(join(CLIENT_DIR, file), 'utf8');
	return [...new Set([...text.matchAll(/assets\/[\w.-]+\.css/g)].map((match) => `_app/immutable/${match[0]}`))];
}

/**
 * Files loaded on demand (import()) from `key`'s graph, not already in `already`, skipping the
 * chunks `skip` names (the other map library: a browser loads MapLibre or Leaflet, not both).
 */
function dynamicFiles(manifest: Manifest, key: string, already: Set<string>, skip: (key: string) => boolean): Set<string> {
	const loaded = new Set<string>();
	const seen = new Set<string>();
	const visit = (current: string, lazy: boolean) => {
		const chunk = manifest[current];
		if (!chunk || seen.has(current) || skip(current)) return;
		seen.add(current);
		if (lazy) {
			for (const file of staticFiles(manifest, current)) {
				if (already.has(file)) continue;
				loaded.add(file);
				for (const css of cssReferencedBy(file)) if (!already.has(css)) loaded.add(css);
			}
		}
		for (const imported of chunk.imports ?? []) visit(imported, lazy);
		for (const imported of chunk.dynamicImports ?? []) visit(imported, true);
	};
	visit(key, false);
	return loaded;
}

function routeOf(nodeKey: string): string | null {
	const path = join(NODES_DIR, nodeKey.split('/').pop()!);
	if (!existsSync(path)) return null;
	const match = /src\/routes(\/.*)\/\+(page|layout|error)\.svelte/.exec(readFileSync(path, 'utf8'));
	if (!match) return null;
	return match[2] === 'page' ? match[1].replace(/\/\([^)]*\)/g, '') || '/' : null;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(7);
const sum = (files: Iterable<string>, ext: RegExp) => [...files].filter((file) => ext.test(file)).reduce((total, file) => total + gzipBytes(file), 0);

function main() {
	if (!existsSync(MANIFEST)) {
		console.error(`${MANIFEST} がありません。先に npx vite build を実行してください。 (run a build first)`);
		process.exit(1);
	}
	const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
	const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
	const appEntries = entries.filter((key) => !key.includes('/nodes/'));
	const rootLayout = entries.find((key) => key.endsWith('/nodes/0.js'));
	const base = new Set<string>();
	for (const key of [...appEntries, ...(rootLayout ? [rootLayout] : [])]) staticFiles(manifest, key, base);

	const engines = Object.keys(manifest).filter((key) => /map\/\w+-engine\.ts$/.test(key));
	const engineName = (key: string) => /map\/(\w+)-engine/.exec(key)![1];
	console.log('gzip KB per page: JS / CSS loaded with the page, and added when its map loads');
	console.log('(a browser loads one map library: maplibre where WebGL works, leaflet without)');
	const header = ['route'.padEnd(26), 'JS'.padStart(7), 'CSS'.padStart(7), ...engines.flatMap((key) => [`+${engineName(key)} JS`.padStart(15), 'CSS'.padStart(6)])];
	console.log(header.join(' '));
	const rows: string[] = [];
	for (const key of entries) {
		const route = routeOf(key);
		if (!route) continue;
		const files = staticFiles(manifest, key, new Set(base));
		const cells = [route.padEnd(26), kb(sum(files, /\.m?js$/)), kb(sum(files, /\.css$/))];
		for (const engine of engines) {
			const lazy = dynamicFiles(manifest, key, files, (other) => engines.includes(other) && other !== engine);
			const js = sum(lazy, /\.m?js$/);
			cells.push(js > 0 ? kb(js).padStart(15) : '-'.padStart(15), js > 0 ? kb(sum(lazy, /\.css$/)).padStart(6) : '-'.padStart(6));
		}
		rows.push(cells.join(' '));
	}
	for (const row of rows.sort()) console.log(row);
}

main();
