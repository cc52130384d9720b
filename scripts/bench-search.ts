/**
 * Search benchmark: `npm run bench:search [-- --skip-100k] [--skip-meilisearch] [--reps N]`
 *  1. Embedded engine through SearchService (as /api/search) at 3k (generated sample) and 100k
 *     listings (data/bench-100k.db, generated once if missing): p50 / p95 of a fixed query mix.
 *  2. Meilisearch through the app (SearchService → engine → node:http client) vs the same
 *     multi-search sent directly with the meilisearch client: p50 each and the ratio.
 *  3. Meilisearch full reindex time for the 100k listings.
 * Medians and percentiles over repeated runs; nothing here is a pass/fail test.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseSearchParams, type SearchQuery } from '../src/lib/domain/search';
import { openDatabase, type AppDatabase } from '../src/lib/server/db';
import { EmbeddedSearchEngine } from '../src/lib/server/search/embedded';
import { rebuildEmbeddedIndex } from '../src/lib/server/search/indexer';
import { countPublished } from '../src/lib/server/search/documents';
import { MeilisearchSearchEngine } from '../src/lib/server/search/meilisearch/engine';
import { reindexMeilisearch } from '../src/lib/server/search/meilisearch/reindex';
import { SearchService } from '../src/lib/server/search/service';
import { generateSample } from '../data/sample/generate';
import { startMeilisearch } from '../tests/helpers/meilisearch';

const { values } = parseArgs({
	options: {
		'skip-100k': { type: 'boolean', default: false },
		'skip-meilisearch': { type: 'boolean', default: false },
		reps: { type: 'string', default: '15' }
	}
});
const REPS = Number(values.reps);
const BENCH_100K = path.resolve('data/bench-100k.db');
/** Tuesday 10:30 in 高知, for open-now. */
const NOW = new Date('2026-11-03T01:30:00Z');

/** The fixed mix: what residents and supporters type, with the filters the pages send. */
const MIX: Array<Record<string, string>> = [
	{ q: '薬局' },
	{ q: 'やっきょく' },
	{ q: 'こども食堂' },
	{ q: 'ｻﾛﾝ' },
	{ q: 'デイ' },
	{ q: '包括' },
	{ q: '百歳体操', area: '旭' },
	{ q: '旭の薬局' },
	{ q: '電球が切れて困っている' },
	{ q: '近くの集いの場', lat: '33.5597', lng: '133.5311' },
	{ q: '公民間' },
	{ q: 'ひゃくさいたいそう', page: '2' },
	{ field: '介護', area: '一宮' },
	{ term: 'salon', weekday: '2' },
	{ desk: 'true' },
	{ lat: '33.5663', lng: '133.5236', radius_km: '2', sort: 'distance' },
	{ q: 'デイサービス', lat: '33.5663', lng: '133.5236', radius_km: '3' },
	{ open_now: 'true', field: '医療' },
	{ q: 'サロン', open_now: 'true' },
	{ sort: 'name', per_page: '50' }
];

function queries(): SearchQuery[] {
	return MIX.map((params) => {
		const parsed = parseSearchParams(new URLSearchParams(params));
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
		return { ...parsed.query, now: NOW };
	});
}

function percentile(samples: number[], p: number): number {
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

type Runner = (query: SearchQuery, index: number) => Promise<unknown>;

/**
 * Latency samples of each runner over the mix, repeated. Runners take turns on each query, so a
 * comparison between them sees the same load on this shared machine.
 */
async function timeAll(runners: Runner[], reps = REPS): Promise<number[][]> {
	const mix = queries();
	for (const run of runners) for (const [index, query] of mix.entries()) await run(query, index); // warm-up
	const samples = runners.map((): number[] => []);
	for (let rep = 0; rep < reps; rep++) {
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

const ms = (value: number) => `${value.toFixed(2)} ms`;
const report: string[] = [];
function line(text: string): void {
	console.log(text);
	report.push(text);
}

function sampleDatabase(dir: string): AppDatabase {
	const db = openDatabase(path.join(dir, 'bench-3k.db'), { migrationsDir: path.resolve('drizzle') });
	generateSample(db, { listings: 3000, events: 300 });
	return db;
}

async function ensureIndexed(db: AppDatabase, label: string): Promise<EmbeddedSearchEngine> {
	const embedded = new EmbeddedSearchEngine(db);
	if ((await embedded.count()) !== countPublished(db)) {
		const started = performance.now();
		await rebuildEmbeddedIndex(db, embedded);
		console.log(`(${label}: embedded index built in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
	}
	return embedded;
}

async function benchEmbedded(db: AppDatabase, label: string): Promise<void> {
	const embedded = await ensureIndexed(db, label);
	const service = new SearchService(db, embedded, embedded);
	const [samples] = await timeAll([(query) => service.search(query)]);
	line(`embedded ${label}: p50 ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))} (${samples.length} searches)`);
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-bench-'));
try {
	const small = sampleDatabase(workDir);
	await benchEmbedded(small, '3k');

	let big: AppDatabase | null = null;
	if (!values['skip-100k']) {
		if (!fs.existsSync(BENCH_100K)) {
			console.log('generating data/bench-100k.db (once) …');
			execFileSync('npx', ['tsx', 'data/sample/cli.ts', '--db', BENCH_100K, '--listings', '100000'], { stdio: 'inherit' });
		}
		big = openDatabase(BENCH_100K, { migrationsDir: path.resolve('drizzle') });
		await benchEmbedded(big, '100k');
	}

	if (!values['skip-meilisearch']) {
		const meili = await startMeilisearch();
		try {
			const engine = new MeilisearchSearchEngine({ url: meili.url, apiKey: meili.masterKey, index: 'services' });
			await reindexMeilisearch(small, engine);
			const embedded = new EmbeddedSearchEngine(small);
			const service = new SearchService(small, engine, embedded, (message) => {
				throw new Error(message);
			});
			// The same multi-search bodies the app sends, planned up front, sent with the client alone.
			const planned = queries().map((query) => {
				const { resolved, plan } = service.prepare(query);
				return engine.plannedRequest(resolved, plan).queries;
			});
			const [app, direct] = await timeAll([
				(query) => service.search(query),
				(_query, index) => engine.client.multiSearch({ queries: planned[index] })
			]);
			const ratio = percentile(app, 50) / percentile(direct, 50);
			line(`meilisearch 3k through the app: p50 ${ms(percentile(app, 50))}, p95 ${ms(percentile(app, 95))}`);
			line(`meilisearch 3k direct client:   p50 ${ms(percentile(direct, 50))}, p95 ${ms(percentile(direct, 95))}`);
			line(`meilisearch app / direct p50 ratio: ${ratio.toFixed(2)}×`);

			if (big) {
				const bigEngine = new MeilisearchSearchEngine({ url: meili.url, apiKey: meili.masterKey, index: 'services_100k' });
				let last = 0;
				const result = await reindexMeilisearch(big, bigEngine, {
					onProgress: (phase, done, total) => {
						if (performance.now() - last > 10_000 || done === total) {
							last = performance.now();
							console.log(`  reindex 100k: ${phase} ${done}/${total}`);
						}
					}
				});
				line(`meilisearch reindex of ${result.count} listings: ${(result.ms / 1000).toFixed(1)} s (documents built with readings, sent, indexed, swapped)`);
			}
		} finally {
			await meili.dispose();
		}
	}
	big?.$client.close();
	small.$client.close();
	console.log(`\nsummary (paste into README-search.md):\n${report.map((text) => `- ${text}`).join('\n')}`);
} finally {
	fs.rmSync(workDir, { recursive: true, force: true });
}
