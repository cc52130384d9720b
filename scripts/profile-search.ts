/**
 * CPU-time profile of the embedded engine in one process, for a busy shared machine where wall
 * clock says little: `npx tsx scripts/profile-search.ts --db FILE [--reps N] [--dump FILE]`.
 *
 * Prints the CPU time (process.cpuUsage: user + system) of each start-up step as the server does
 * it (open and migrate → taxonomy → index catch-up and warm → first answer, サロン open now) and
 * the per-query CPU ms (p50/p95) over the benchmark's mixed set, and the process's RSS. With
 * --dump it also writes every answer (ids in order, totals, facets, distances) of the mixed set
 * and the eval queries, so two versions of the engine can be compared result for result. Not a
 * test: numbers only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseSearchParams, type SearchQuery } from '../src/lib/domain/search';
import { openDatabase } from '../src/lib/server/db';
import { EmbeddedSearchEngine } from '../src/lib/server/search/embedded';
import { SearchService } from '../src/lib/server/search/service';
import { SearchSync } from '../src/lib/server/search/sync';
import { queryParams, EvalQuerySet, EVAL_QUERY_FILES, FINAL_QUERY_FILE } from '../src/lib/server/search/evaluation';
import { seedTaxonomy, TaxonomyStore } from '../src/lib/server/taxonomy';
import { parseCliArgs, runCli, CliError } from './lib/cli';
import { BENCH_NOW, SEARCH_MIX } from './lib/search-mix';

const USAGE = `usage: npx tsx scripts/profile-search.ts --db FILE [--reps N] [--dump FILE]
  --db FILE    an indexed database (e.g. data/bench-100k.db)
  --reps N     passes over the mixed query set (default 10)
  --dump FILE  write every answer of the mixed set and the eval queries (JSON) for comparison`;

const values = parseCliArgs('profile-search', USAGE, {
	db: { type: 'string' },
	reps: { type: 'string', default: '10' },
	dump: { type: 'string' }
});

const cpuNow = () => {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
};

function percentile(samples: number[], p: number): number {
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function parse(params: URLSearchParams | Record<string, string>): SearchQuery {
	const parsed = parseSearchParams(new URLSearchParams(params));
	if (!parsed.ok) throw new CliError(JSON.stringify(parsed.issues));
	return { ...parsed.query, now: BENCH_NOW };
}

await runCli('profile-search', async () => {
	if (!values.db || !fs.existsSync(values.db)) throw new CliError(`--db: no such file: ${values.db ?? ''}`);
	const reps = Number(values.reps);
	const steps: Array<[string, number]> = [];
	let mark = cpuNow();
	const step = (name: string) => {
		const now = cpuNow();
		steps.push([name, now - mark]);
		mark = now;
	};
	const startCpu = mark;
	const db = openDatabase(path.resolve(values.db), { migrationsDir: path.resolve('drizzle') });
	step('open and migrate');
	seedTaxonomy(db);
	const taxonomy = new TaxonomyStore(db);
	step('taxonomy');
	const embedded = new EmbeddedSearchEngine(db);
	const service = new SearchService(db, embedded, embedded, (message) => console.warn(message), undefined, taxonomy);
	const sync = new SearchSync(db, embedded);
	const { embeddedRepaired } = await sync.catchUp();
	step(`index catch-up and warm (${embeddedRepaired} repaired)`);
	service.warm();
	step('service warm (planner)');
	await service.search(parse({ q: 'サロン', open_now: 'true' }));
	step('first answer (サロン, open now)');
	console.log(`start-up CPU ${((cpuNow() - startCpu) / 1000).toFixed(2)} s: ${steps.map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`).join(', ')}`);

	const mix = SEARCH_MIX.map((params) => parse(params));
	for (const query of mix) await service.search(query); // warm-up pass
	const samples: number[] = [];
	const perQuery = mix.map((): number[] => []);
	for (let rep = 0; rep < reps; rep++) {
		for (const [index, query] of mix.entries()) {
			const before = cpuNow();
			await service.search(query);
			const spent = cpuNow() - before;
			samples.push(spent);
			perQuery[index].push(spent);
		}
	}
	console.log(`mixed set CPU per query: p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms (${samples.length} queries)`);
	for (const [index, params] of SEARCH_MIX.entries()) {
		console.log(`  p50 ${percentile(perQuery[index], 50).toFixed(1).padStart(6)} ms  max ${Math.max(...perQuery[index]).toFixed(1).padStart(6)} ms  ${Object.entries(params).map(([key, value]) => `${key}=${value}`).join(' &')}`);
	}

	const peakMb = Number(/^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN) / 1024;
	console.log(`RSS after these runs ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB (peak ${peakMb.toFixed(0)} MB)`);

	if (values.dump) {
		const evalQueries = [...EVAL_QUERY_FILES, FINAL_QUERY_FILE]
			.filter((file) => fs.existsSync(file))
			.flatMap((file) => EvalQuerySet.parse(JSON.parse(fs.readFileSync(file, 'utf8'))));
		const cases: Array<Record<string, string>> = [
			...SEARCH_MIX,
			...SEARCH_MIX.map((params) => ({ ...params, page: '3' })),
			...SEARCH_MIX.map((params) => ({ ...params, sort: 'name' })),
			...evalQueries.map((query) => Object.fromEntries(queryParams(query))),
			...evalQueries.map((query) => ({ ...Object.fromEntries(queryParams(query)), open_now: 'true' })),
			...evalQueries.map((query) => ({ ...Object.fromEntries(queryParams(query)), field: '介護', page: '2' }))
		];
		const answers = [];
		for (const params of cases) {
			const { result, engine } = await service.search(parse(params));
			answers.push({ params, engine, result });
		}
		fs.writeFileSync(values.dump, JSON.stringify(answers, null, 1));
		console.log(`${answers.length} answers written to ${values.dump}`);
	}
	db.$client.close();
});
