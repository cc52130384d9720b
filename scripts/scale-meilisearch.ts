/**
 * Past one machine, measured: `npm run bench:scale -- --db FILE [--meili-dir DIR] [--stop-at ISO] [--batch 5000]`.
 *   1. Indexes the listings of a generated database (make one with
 *      `npx tsx data/sample/cli.ts --db FILE --listings 1000000 --events 0`, then
 *      `DATABASE_PATH=FILE npx tsx scripts/db-setup.ts` for the embedded fallback index) into a
 *      Meilisearch of its own (data kept in --meili-dir, so a stopped run resumes where it was),
 *      streaming: batches are read from SQLite as they are sent, at most a few ahead of Meilisearch.
 *      At --stop-at it stops sending and reports the size it reached.
 *   2. Starts the production server (scripts/serve.js) on that database with MEILI_URL and measures
 *      /api/search through the app: sequential p50/p95 and 8 keep-alive connections for --seconds.
 * Prints the machine's load average with every figure: the machine is shared.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/lib/server/db';
import { countPublished, documentBatches } from '../src/lib/server/search/documents';
import { readingAnalyzer } from '../src/lib/server/search/readings';
import { MeilisearchSearchEngine } from '../src/lib/server/search/meilisearch/engine';
import { toMeiliDocument } from '../src/lib/server/search/meilisearch/documents';
import { startMeilisearch } from '../tests/helpers/meilisearch';
import { percentile, pick, request, seededRandom, startAppServer } from './load/harness';
import { CliError, parseCliArgs, runCli } from './lib/cli';

const USAGE = `
usage: npm run bench:scale -- --db FILE [--meili-dir DIR] [--stop-at 2026-11-30T11:15:00Z] [--batch 5000] [--seconds 30]
                              [--skip-index | --index-only] [--indexing-threads 1]
  --index-only  index, then stop (measure later with --skip-index, e.g. once db-setup has built the embedded index)
`;
const values = parseCliArgs('bench:scale', USAGE, {
	db: { type: 'string' },
	'meili-dir': { type: 'string', default: path.join(os.tmpdir(), 'tsunagi-scale-meili') },
	'stop-at': { type: 'string' },
	batch: { type: 'string', default: '5000' },
	seconds: { type: 'string', default: '30' },
	'skip-index': { type: 'boolean', default: false },
	'index-only': { type: 'boolean', default: false },
	'indexing-threads': { type: 'string', default: '1' }
});

/** Keeps Meilisearch fed without queueing the whole set as pending tasks. */
const MAX_BATCHES_AHEAD = 3;
const QUERIES: Array<Record<string, string>> = [
	{ q: '薬局' },
	{ q: 'サロン' },
	{ q: 'やっきょく' },
	{ q: '子ども食堂' },
	{ q: '百歳体操' },
	{ q: 'デイサービス' },
	{ q: '認知症 相談' },
	{ q: '電球が切れた' },
	{ q: '薬局', lat: '33.5597', lng: '133.5311', radius_km: '2' },
	{ lat: '33.5665', lng: '133.5135', radius_km: '1', sort: 'distance' },
	{ field: '介護', q: 'デイ' },
	{ q: 'サロン', page: '3' }
];
const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(' / ');
const log = (text: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${text}`);

async function indexAll(file: string, engine: MeilisearchSearchEngine, batchSize: number, stopAt: number): Promise<number> {
	const db = openDatabase(file, { migrationsDir: path.resolve('drizzle'), readonly: true });
	try {
		const analyzer = readingAnalyzer();
		await analyzer.load();
		await engine.ensureIndex();
		const index = engine.client.index(engine.indexUid);
		const total = countPublished(db);
		// Resume: ids are sent in order, so the largest indexed id is where the last run got to.
		const already = (await index.getStats()).numberOfDocuments;
		let after = '';
		if (already > 0) {
			const versions = await engine.indexedVersions();
			after = [...versions.keys()].sort().at(-1) ?? '';
			log(`resuming after ${already} documents already in Meilisearch`);
		}
		const started = performance.now();
		const pending: Array<{ taskUid: number; size: number }> = [];
		let sent = already;
		let indexed = already;
		const waitOne = async () => {
			const task = pending.shift()!;
			await engine.confirm(Promise.resolve(task));
			indexed += task.size;
			const seconds = (performance.now() - started) / 1000;
			log(`indexed ${indexed} / ${total} (${((indexed - already) / seconds).toFixed(0)} docs/s since start, load ${loadAverage()})`);
		};
		for (const docs of documentBatches(db, analyzer, batchSize, after)) {
			if (Date.now() >= stopAt) {
				log(`--stop-at reached: no more batches sent`);
				break;
			}
			const enqueued = await index.addDocuments(docs.map(toMeiliDocument), { primaryKey: 'id' });
			pending.push({ taskUid: enqueued.taskUid, size: docs.length });
			sent += docs.length;
			while (pending.length > MAX_BATCHES_AHEAD) await waitOne();
		}
		while (pending.length > 0) await waitOne();
		log(`Meilisearch holds ${(await index.getStats()).numberOfDocuments} of ${total} published listings (sent ${sent})`);
		return indexed;
	} finally {
		db.$client.close();
	}
}

function pathOf(params: Record<string, string>): string {
	return `/api/search?${new URLSearchParams(params)}`;
}

async function measure(url: string, seconds: number): Promise<void> {
	const sequential: number[] = [];
	for (let rep = 0; rep < 5; rep++)
		for (const params of QUERIES) {
			const answer = await request(url + pathOf(params));
			if (answer.status !== 200) throw new CliError(`${pathOf(params)} answered ${answer.status}: ${answer.body.slice(0, 200)}`);
			if (answer.headers['x-search-engine'] !== 'meilisearch') throw new CliError(`${pathOf(params)} was answered by ${answer.headers['x-search-engine']}, not Meilisearch`);
			sequential.push(answer.ms);
		}
	sequential.sort((a, b) => a - b);
	log(`through the app, sequential (${sequential.length} searches): p50 ${percentile(sequential, 50).toFixed(1)} ms, p95 ${percentile(sequential, 95).toFixed(1)} ms, max ${sequential.at(-1)!.toFixed(1)} ms; load ${loadAverage()}`);
	for (const params of QUERIES.slice(0, 4)) {
		const body = JSON.parse((await request(url + pathOf(params))).body) as { total?: number };
		log(`  ${JSON.stringify(params)}: ${body.total ?? '?'} hits`);
	}
	const times: number[] = [];
	let errors = 0;
	const deadline = performance.now() + seconds * 1000;
	await Promise.all(
		Array.from({ length: 8 }, async (_, worker) => {
			const random = seededRandom(worker + 1);
			while (performance.now() < deadline) {
				const answer = await request(url + pathOf(pick(random, QUERIES))).catch(() => null);
				if (!answer || answer.status >= 500) errors++;
				else times.push(answer.ms);
			}
		})
	);
	times.sort((a, b) => a - b);
	log(
		`through the app, 8 connections for ${seconds} s: ${(times.length / seconds).toFixed(1)} req/s, p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms, ${errors} errors; load ${loadAverage()}`
	);
}

await runCli('bench:scale', async () => {
	if (!values.db || !fs.existsSync(values.db)) throw new CliError(`--db FILE is needed (a database made by data/sample/cli.ts and db-setup)${values.db ? `: ${values.db} not found` : ''}`);
	const file = path.resolve(values.db);
	const stopAt = values['stop-at'] ? Date.parse(values['stop-at']) : Infinity;
	if (Number.isNaN(stopAt)) throw new CliError(`--stop-at is not a date and time: ${values['stop-at']}`);
	fs.mkdirSync(values['meili-dir']!, { recursive: true });
	log(`machine: ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? 'unknown'}), load ${loadAverage()}`);
	const threads = Number(values['indexing-threads']);
	if (!Number.isInteger(threads) || threads < 1) throw new CliError(`--indexing-threads must be a whole number ≥ 1, got ${values['indexing-threads']}`);
	const meili = await startMeilisearch({ dataDir: path.resolve(values['meili-dir']!), maxIndexingThreads: threads, maxIndexingMemory: '1GiB' });
	try {
		const engine = new MeilisearchSearchEngine({ url: meili.url, apiKey: meili.masterKey, index: 'services', taskTimeoutMs: 3_600_000, timeoutMs: 120_000 });
		if (!values['skip-index']) await indexAll(file, engine, Math.max(100, Number(values.batch)), stopAt);
		if (values['index-only']) return;
		log('starting the server on that database with MEILI_URL (it checks Meilisearch against the database first)…');
		const startedServer = performance.now();
		const server = await startAppServer(file, { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, MEILI_INDEX: 'services' }, 3_600_000);
		log(`server ready in ${((performance.now() - startedServer) / 1000).toFixed(0)} s`);
		try {
			await measure(server.url, Math.max(5, Number(values.seconds)));
		} finally {
			await server.stop();
		}
	} finally {
		await meili.stop();
	}
});
