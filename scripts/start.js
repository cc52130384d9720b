/**
 * `npm start`: builds only when a source changed since the last build, sets up the database
 * (create, migrate, sample when empty), then serves (scripts/serve.js). `npm run serve` skips
 * the first two steps.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = path.join(root, 'build', '.built-at');
/** What the build is made of: a change to any of these needs a new build. */
const SOURCES = ['src', 'static', 'data/dictionaries', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];

function newestChange(entry) {
	const full = path.join(root, entry);
	let stat;
	try {
		stat = fs.statSync(full);
	} catch {
		return 0;
	}
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs; // a deleted file changes its folder
	for (const child of fs.readdirSync(full)) newest = Math.max(newest, newestChange(path.join(entry, child)));
	return newest;
}

function run(command, args) {
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

const builtAt = fs.existsSync(STAMP) && fs.existsSync(path.join(root, 'build', 'handler.js')) ? fs.statSync(STAMP).mtimeMs : 0;
const changedAt = Math.max(...SOURCES.map(newestChange));
if (changedAt > builtAt) {
	console.log(builtAt === 0 ? 'start: building the site (first start)' : 'start: sources changed since the last build; building');
	const startedAt = Date.now();
	run(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
	fs.writeFileSync(STAMP, new Date(startedAt).toISOString() + '\n');
	// Sources saved during the build count as newer than it.
	fs.utimesSync(STAMP, startedAt / 1000, startedAt / 1000);
} else {
	console.log('start: the build is up to date');
}
run(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/db-setup.ts')]);
await import('./serve.js');
