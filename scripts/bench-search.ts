/**
 * Search benchmark, everything in one run: `npm run bench:search [-- --skip-100k] [--skip-meilisearch]
 * [--seconds N] [--reps N]`. Nothing here is a pass/fail test: it prints medians, percentiles and
 * ratios measured side by side, and the machine's load while it ran.
 *
 *  1. The production server (build/index.js, embedded engine) on the 3k sample: /api/search
 *     throughput with 10 keep-alive connections on the mixed query set (with and without area=,
 *     field=, lat/lng, open_now) and on its part without area=; then sequential p50/p95.
 *  2. The same server on 100k listings (data/bench-100k.db, generated once): start-up to the first
 *     answer, sequential p50/p95, and the server's RSS after the runs (and its peak).
 *  3. Meilisearch at 3k: the app (SearchService → Meilisearch engine) against a plain single search
 *     (POST /indexes/services/search with the same q, limit 20, locales ['jpn']) and against the
 *     multi-search the app sends, sent directly: p50 each and the ratios. The app keeps the plans
 *     of texts asked before (as a portal's repeated searches are); the same app planning every
 *     text afresh is printed beside it.
 *
 * Requests send `accept-encoding: br, gzip` as browsers do, so compression is part of the cost.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseSearchParams, type SearchQuery } from '../src/lib/domain/search';
import { openDatabase, type AppDatabase } from '../src/lib/server/db';
import { EmbeddedSearchEngine } from '../src/lib/server/search/embedded';
import { MeilisearchSearchEngine } from '../src/lib/server/search/meilisearch/engine';
import { reindexMeilisearch } from '../src/lib/server/search/meilisearch/reindex';
import { SearchService } from '../src/lib/server/search/service';
import { startMeilisearch } from '../tests/helpers/meilisearch';
import { BENCH_NOW as NOW, SEARCH_MIX as MIX } from './lib/search-mix';

const { values } = parseArgs({
	options: {
		'skip-100k': { type: 'boolean', default: false },
		'skip-meilisearch': { type: 'boolean', default: false },
		seconds: { type: 'string', default: '10' },
		reps: { type: 'string', default: '15' }
	}
});
const SECONDS = Number(values.seconds);
const REPS = Number(values.reps);
const CONNECTIONS = 10;
const BENCH_100K = path.resolve('data/bench-100k.db');
const NO_AREA = MIX.filter((params) => !params.area);
const pathOf = (params: Record<string, string>) => `/api/search?${new URLSearchParams(params)}`;

const ms = (value: number) => `${value.toFixed(1)} ms`;
const report: string[] = [];
function line(text: string): void {
	console.log(text);
	report.push(text);
}
const load = () => os.loadavg().map((value) => value.toFixed(1)).join(' / ');

function percentile(samples: number[], p: number): number {
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// ── the server under test ──────────────────────────────────────────────────────────────────────

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}

interface Server {
	port: number;
	agent: http.Agent;
	process: ChildProcess;
	/** From spawn to the first answered search, ms, and the CPU time the server used for it. */
	startMs: number;
	startCpuMs: number;
	memory(): { rssMb: number; peakMb: number };
	stop(): Promise<void>;
}

function get(server: Pick<Server, 'port' | 'agent'>, requestPath: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const request = http.get(
			{ host: '127.0.0.1', port: server.port, path: requestPath, agent: server.agent, headers: { 'accept-encoding': 'br, gzip' } },
			(response) => {
				response.resume();
				response.on('end', () => resolve(response.statusCode ?? 0));
				response.on('error', reject);
			}
		);
		request.on('error', reject);
	});
}

/** User + system CPU time of a process so far (/proc/<pid>/stat, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
	const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function startServer(databasePath: string, firstPath: string): Promise<Server> {
	const port = await freePort();
	const started = performance.now();
	const child = spawn(process.execPath, ['build/index.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}`, DATABASE_PATH: databasePath, MAP_TILE_URL: '', RATE_LIMIT_API_PER_MINUTE: '0' }, // one client measures the server, not the per-address limit
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	let startMs = 0;
	let startCpuMs = 0;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
		const status = await get({ port, agent }, firstPath).catch(() => 0);
		if (status === 200) {
			startMs = performance.now() - started;
			startCpuMs = cpuMs(child.pid!);
			break;
		}
		if (status !== 0) throw new Error(`${firstPath} answered ${status}`);
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
	const statusField = (name: string) => {
		const match = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8').match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'));
		return match ? Number(match[1]) / 1024 : NaN;
	};
	return {
		port,
		agent,
		process: child,
		startMs,
		startCpuMs,
		memory: () => ({ rssMb: statusField('VmRSS'), peakMb: statusField('VmHWM') }),
		stop: async () => {
			agent.destroy();
			child.kill('SIGTERM');
			await exited;
		}
	};
}

/** Requests per second with CONNECTIONS requests always in flight, cycling through the set. */
async function throughput(server: Server, set: Array<Record<string, string>>, seconds = SECONDS): Promise<{ perSecond: number; p95: number }> {
	const paths = set.map(pathOf);
	for (const requestPath of paths) await get(server, requestPath); // warm-up
	const deadline = performance.now() + seconds * 1000;
	const latencies: number[] = [];
	let next = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: CONNECTIONS }, async () => {
			while (performance.now() < deadline) {
				const requestPath = paths[next++ % paths.length];
				const sent = performance.now();
				const status = await get(server, requestPath);
				if (status !== 200) throw new Error(`${requestPath} answered ${status}`);
				latencies.push(performance.now() - sent);
			}
		})
	);
	return { perSecond: latencies.length / ((performance.now() - started) / 1000), p95: percentile(latencies, 95) };
}

/** One request at a time over the whole mixed set, REPS times. */
async function sequential(server: Server): Promise<number[]> {
	const paths = MIX.map(pathOf);
	for (const requestPath of paths) await get(server, requestPath);
	const samples: number[] = [];
	for (let rep = 0; rep < REPS; rep++) {
		for (const requestPath of paths) {
			const sent = performance.now();
			await get(server, requestPath);
			samples.push(performance.now() - sent);
		}
	}
	return samples;
}

// ── data ───────────────────────────────────────────────────────────────────────────────────────

function setUpDatabase(file: string, listings: number): void {
	console.log(`(setting up ${path.basename(file)} with ${listings} listings …)`);
	execFileSync('npx', ['tsx', 'scripts/db-setup.ts', '--listings', String(listings)], { stdio: 'inherit', env: { ...process.env, DATABASE_PATH: file } });
	upgradeDatabase(file);
}

/**
 * Applies what a first start after an upgrade does once (migrations such as new indexes; an index
 * stored before resident records existed is upgraded on its first load), so the start-up measured
 * below is an ordinary one.
 */
function upgradeDatabase(file: string): void {
	const db = openDatabase(file, { migrationsDir: path.resolve('drizzle') });
	new EmbeddedSearchEngine(db).lexicon();
	db.$client.close();
}

function queries(): SearchQuery[] {
	return MIX.map((params) => {
		const parsed = parseSearchParams(new URLSearchParams(params));
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
		return { ...parsed.query, now: NOW };
	});
}

/** Latency samples of each runner, taking turns on each query so they see the same load. */
async function timeAll(runners: Array<(query: SearchQuery, index: number) => Promise<unknown>>): Promise<number[][]> {
	const mix = queries();
	for (const run of runners) for (const [index, query] of mix.entries()) await run(query, index);
	const samples = runners.map((): number[] => []);
	for (let rep = 0; rep < REPS; rep++) {
		for (const [index, query] of mix.entries()) {
			for (const [which, run] of runners.entries()) {
				const started = performance.now();
				await run(query, index);
				samples[which].push(performance.now() - started);
			}
		}
	}
	return samples;
}

async function benchMeilisearch(db: AppDatabase): Promise<void> {
	const meili = await startMeilisearch();
	try {
		// A long timeout: on a busy machine a slow answer is a number to report, not a failure.
		const engine = new MeilisearchSearchEngine({ url: meili.url, apiKey: meili.masterKey, index: 'services', timeoutMs: 60_000 });
		await reindexMeilisearch(db, engine);
		const embedded = new EmbeddedSearchEngine(db);
		const service = new SearchService(db, engine, embedded, (message) => {
			throw new Error(message);
		});
		service.warm();
		// The same service planning every text afresh: what a text nobody asked before costs.
		const unplanned = new SearchService(db, engine, embedded, (message) => {
			throw new Error(message);
		});
		unplanned.planner.disableCache();
		const prepared = queries().map((query) => service.prepare(query));
		const planned = prepared.map(({ resolved, plan }) => engine.plannedRequest(resolved, plan).queries);
		const index = engine.client.index(engine.indexUid);
		const [app, single, multi, cold] = await timeAll([
			(query) => service.search(query),
			(query) => index.search(query.q ?? '', { limit: 20, locales: ['jpn'] }),
			(_query, at) => engine.client.multiSearch({ queries: planned[at] }),
			(query) => unplanned.search(query)
		]);
		const p50 = (samples: number[]) => percentile(samples, 50);
		line(`meilisearch 3k, the app (SearchService → engine): p50 ${ms(p50(app))}, p95 ${ms(percentile(app, 95))}`);
		line(`meilisearch 3k, the app planning every text afresh (no plan cache): p50 ${ms(p50(cold))} (${(p50(cold) / p50(single)).toFixed(2)}× plain single search)`);
		line(`meilisearch 3k, plain single search (same q, limit 20, locales jpn): p50 ${ms(p50(single))}`);
		line(`meilisearch 3k, the app's multi-search sent directly: p50 ${ms(p50(multi))}`);
		line(`meilisearch app / plain single search p50: ${(p50(app) / p50(single)).toFixed(2)}× (app / multi-search ${(p50(app) / p50(multi)).toFixed(2)}×)`);
	} finally {
		await meili.dispose();
	}
}

// ── the run ────────────────────────────────────────────────────────────────────────────────────

if (!fs.existsSync('build/index.js')) {
	console.log('(no build/: running vite build …)');
	execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' });
}
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-bench-'));
const servers: Server[] = [];
try {
	const smallFile = path.join(workDir, 'bench-3k.db');
	setUpDatabase(smallFile, 3000);
	if (!values['skip-100k']) {
		if (fs.existsSync(BENCH_100K)) upgradeDatabase(BENCH_100K);
		else setUpDatabase(BENCH_100K, 100_000);
	}

	line(`machine: ${os.cpus().length} cores, load average (1/5/15 min) at start ${load()}`);
	const small = await startServer(smallFile, pathOf({ q: '薬局' }));
	servers.push(small);
	// The two sets take turns in short slices, so both see the same load from others on this machine.
	const slices = 5;
	const mixedSlices: Array<{ perSecond: number; p95: number }> = [];
	const noAreaSlices: typeof mixedSlices = [];
	for (let slice = 0; slice < slices; slice++) {
		mixedSlices.push(await throughput(small, MIX, SECONDS / slices));
		noAreaSlices.push(await throughput(small, NO_AREA, SECONDS / slices));
	}
	const mean = (runs: typeof mixedSlices) => ({ perSecond: runs.reduce((sum, run) => sum + run.perSecond, 0) / runs.length, p95: Math.max(...runs.map((run) => run.p95)) });
	const mixed = mean(mixedSlices);
	const noArea = mean(noAreaSlices);
	line(
		`embedded 3k, ${CONNECTIONS} connections, ${SECONDS} s each in alternating slices: mixed set ${mixed.perSecond.toFixed(0)} req/s (p95 ${ms(mixed.p95)}), ` +
			`without area= ${noArea.perSecond.toFixed(0)} req/s (p95 ${ms(noArea.p95)}); mixed / without area= ${(mixed.perSecond / noArea.perSecond).toFixed(2)}×`
	);
	const smallSequential = await sequential(small);
	line(`embedded 3k sequential: p50 ${ms(percentile(smallSequential, 50))}, p95 ${ms(percentile(smallSequential, 95))} (${smallSequential.length} requests)`);
	await small.stop();

	if (!values['skip-100k']) {
		line(`load average before the 100k start ${load()}`);
		const big = await startServer(BENCH_100K, pathOf({ q: 'サロン', open_now: 'true' }));
		servers.push(big);
		line(
			`embedded 100k: start-up to the first answer (サロン, open_now) ${(big.startMs / 1000).toFixed(1)} s wall clock, ` +
				`${(big.startCpuMs / 1000).toFixed(1)} s of server CPU time`
		);
		const bigSequential = await sequential(big);
		line(`embedded 100k sequential: p50 ${ms(percentile(bigSequential, 50))}, p95 ${ms(percentile(bigSequential, 95))} (${bigSequential.length} requests)`);
		const bigMixed = await throughput(big, MIX, Math.min(SECONDS, 5));
		line(`embedded 100k, ${CONNECTIONS} connections: mixed set ${bigMixed.perSecond.toFixed(0)} req/s (p95 ${ms(bigMixed.p95)})`);
		const { rssMb, peakMb } = big.memory();
		line(`embedded 100k server memory after these runs: RSS ${rssMb.toFixed(0)} MB (peak ${peakMb.toFixed(0)} MB)`);
		await big.stop();
	}

	if (!values['skip-meilisearch']) {
		const db = openDatabase(smallFile, { migrationsDir: path.resolve('drizzle') });
		try {
			await benchMeilisearch(db);
		} finally {
			db.$client.close();
		}
	}
	line(`load average at the end ${load()}`);
	console.log(`\nsummary (for the README):\n${report.map((text) => `- ${text}`).join('\n')}`);
} finally {
	for (const server of servers) if (server.process.exitCode === null) server.process.kill('SIGTERM');
	fs.rmSync(workDir, { recursive: true, force: true });
}
