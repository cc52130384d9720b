/**
 * Fuzz run: `npm run test:fuzz [-- --requests 10000 --concurrency 8 --db data/tsunagi.db --seed 1]`.
 * Random and hostile parameters (scripts/load/fuzz-cases.ts) against the production server on
 * loopback. Fails when any answer is a 5xx or takes over 1 s.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { copyDatabase, percentile, request, seededRandom, startAppServer } from './load/harness';
import { fuzzPath } from './load/fuzz-cases';
import { CliError, parseCliArgs, runCli } from './lib/cli';

const USAGE = `
usage: npm run test:fuzz [-- --requests 10000 --concurrency 8 --db data/tsunagi.db --seed 1]
`;
const values = parseCliArgs('test:fuzz', USAGE, {
	requests: { type: 'string', default: '10000' },
	concurrency: { type: 'string', default: '8' },
	db: { type: 'string', default: 'data/tsunagi.db' },
	seed: { type: 'string', default: '1' }
});
const SLOW_MS = 1000;

await runCli('test:fuzz', async () => {
	const total = Math.min(100_000, Math.max(1, Number(values.requests)));
	const concurrency = Math.min(32, Math.max(1, Number(values.concurrency)));
	if (!fs.existsSync(values.db!)) throw new CliError(`${values.db} not found: run \`npm start\` once (it creates the sample database)`);
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-fuzz-'));
	const databasePath = path.join(workDir, 'fuzz.db');
	copyDatabase(path.resolve(values.db!), databasePath);
	const db = new Database(databasePath, { readonly: true });
	const ids = db.prepare("SELECT id FROM services WHERE status = 'published' LIMIT 200").pluck().all() as string[];
	db.close();
	const server = await startAppServer(databasePath);
	const random = seededRandom(Number(values.seed));
	const times: number[] = [];
	const statuses = new Map<number, number>();
	const bad: string[] = [];
	const all: Array<{ ms: number; status: number; pathname: string }> = [];
	let next = 0;
	const started = performance.now();
	console.log(`fuzz: ${total} requests, ${concurrency} in flight, load average (1/5/15 min) at the start ${os.loadavg().map((value) => value.toFixed(2)).join(' / ')}`);
	try {
		await Promise.all(
			Array.from({ length: concurrency }, async () => {
				while (next < total) {
					next++;
					const pathname = fuzzPath(random, ids);
					const result = await request(server.url + pathname).catch((error: Error) => ({ status: 0, ms: 0, body: error.message }));
					times.push(result.ms);
					all.push({ ms: result.ms, status: result.status, pathname });
					statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
					if (result.status >= 500 || result.status === 0 || result.ms > SLOW_MS) bad.push(`${result.status} ${result.ms.toFixed(0)} ms ${pathname}`);
				}
			})
		);
	} finally {
		await server.stop();
		fs.rmSync(workDir, { recursive: true, force: true });
	}
	times.sort((a, b) => a - b);
	const wallS = (performance.now() - started) / 1000;
	console.log(`fuzz: ${times.length} requests in ${wallS.toFixed(1)} s; p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`);
	console.log(`load average (1/5/15 min) at the end: ${os.loadavg().map((value) => value.toFixed(2)).join(' / ')}`);
	console.log('slowest answers:');
	for (const slow of all.sort((a, b) => b.ms - a.ms).slice(0, 10)) console.log(`  ${slow.ms.toFixed(0)} ms ${slow.status} ${slow.pathname.slice(0, 300)}${slow.pathname.length > 300 ? `… (${slow.pathname.length} chars)` : ''}`);
	console.log(`statuses: ${[...statuses].sort((a, b) => a[0] - b[0]).map(([status, count]) => `${status}×${count}`).join(', ')}`);
	if (bad.length > 0) {
		for (const line of bad.slice(0, 20)) console.log(`  ${line}`);
		throw new CliError(`${bad.length} answers were 5xx, failed or slower than ${SLOW_MS} ms`);
	}
});
