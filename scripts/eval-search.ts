/**
 * Relevance harness: `npm run eval:search [-- options]` (`--help` lists them).
 * Prints success@10, MRR@10 and nDCG@10 (queries with a location) per engine, per split (tuned,
 * held-out, final), overall, per kind and per writing style.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, type AppDatabase } from '../src/lib/server/db';
import { EmbeddedSearchEngine } from '../src/lib/server/search/embedded';
import { rebuildEmbeddedIndex } from '../src/lib/server/search/indexer';
import { importHsdsServices } from '../src/lib/server/importers/hsds-import';
import { MeilisearchSearchEngine } from '../src/lib/server/search/meilisearch/engine';
import { reindexMeilisearch } from '../src/lib/server/search/meilisearch/reindex';
import { SearchService } from '../src/lib/server/search/service';
import { seedTaxonomy, TaxonomyStore } from '../src/lib/server/taxonomy';
import { EVAL_QUERY_FILES, FINAL_QUERY_FILE, EvalQuerySet, scoreQuery, summarizeSplits, type EvalQuery, type QueryScore, type Summary } from '../src/lib/server/search/evaluation';
import { generateSample } from '../data/sample/generate';
import { startMeilisearch, type MeilisearchProcess } from '../tests/helpers/meilisearch';

const USAGE = `usage: npm run eval:search [-- options]

Scores query sets against the generated 高知市 sample (3,000 listings) on both engines, the way
/api/search answers (10 results), and prints success@10, MRR@10 and nDCG@10 separately for the
tuned queries and the held-out queries (never looked at while tuning).

Options:
  --queries FILE[,FILE]  query sets (default: ${EVAL_QUERY_FILES.join(', ')})
  --split LIST      splits to score: tuned, heldout, final, all (default: tuned,heldout).
                    While tuning use --split tuned; "final" is the set written after the last
                    tuning change (${FINAL_QUERY_FILE}, added to --queries automatically)
  --listings FILE   score against these listings (JSON array of HSDS 3.0 services) instead of the
                    generated sample; a temporary database and index are built
  --db FILE         score against an existing database (its embedded index is rebuilt in a copy)
  --engines LIST    embedded,meilisearch (default both). Meilisearch is MEILI_URL when set, else a
                    temporary server from the pinned devDependency
  --json FILE       also write every query's scores
  --verbose         print the queries whose first hit is not relevant (of the splits scored)
  --help            this text
`;

let parsedArgs: ReturnType<typeof parseOptions>;
function parseOptions() {
	return parseArgs({
		options: {
			queries: { type: 'string', default: EVAL_QUERY_FILES.join(',') },
			split: { type: 'string', default: 'tuned,heldout' },
			listings: { type: 'string' },
			db: { type: 'string' },
			engines: { type: 'string', default: 'embedded,meilisearch' },
			json: { type: 'string' },
			verbose: { type: 'boolean', default: false },
			help: { type: 'boolean', default: false }
		}
	});
}
try {
	parsedArgs = parseOptions();
} catch (error) {
	console.error(`eval:search: ${(error as Error).message}\n\n${USAGE}`);
	process.exit(2);
}
const { values } = parsedArgs;
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}
const SPLITS = ['tuned', 'heldout', 'final'] as const;
const splits = values.split === 'all' ? [...SPLITS] : values.split!.split(',').map((split) => split.trim());
const unknownSplit = splits.find((split) => !(SPLITS as readonly string[]).includes(split));
if (unknownSplit) {
	console.error(`eval:search: unknown split "${unknownSplit}" (tuned, heldout, final, all)`);
	process.exit(2);
}
const files = values.queries!.split(',').map((file) => file.trim());
if (splits.includes('final') && !files.includes(FINAL_QUERY_FILE)) files.push(FINAL_QUERY_FILE);
const readSet = (file: string): EvalQuery[] => {
	try {
		return EvalQuerySet.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
	} catch (error) {
		console.error(`eval:search: cannot read ${file}: ${(error as Error).message}`);
		process.exit(2);
	}
};
const splitOf = (query: EvalQuery) => query.split ?? 'tuned';
const queries = files.flatMap(readSet).filter((query) => splits.includes(splitOf(query)));
const engines = values.engines!.split(',').map((name) => name.trim());
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-eval-'));
const dbFile = path.join(workDir, 'eval.db');
if (values.db) fs.copyFileSync(values.db, dbFile);
const db: AppDatabase = openDatabase(dbFile, { migrationsDir: path.resolve('drizzle') });

let meiliProcess: MeilisearchProcess | null = null;
try {
	if (values.listings) {
		const count = importHsdsServices(db, JSON.parse(fs.readFileSync(values.listings, 'utf8')));
		console.log(`listings: ${count} from ${values.listings}`);
	} else if (!values.db) {
		const counts = generateSample(db, { listings: 3000, events: 300 });
		console.log(`listings: the generated 高知市 sample (${counts.services})`);
	}
	const known = new Set(db.$client.prepare('SELECT id FROM services').pluck().all() as string[]);
	const unknown = queries.flatMap((query) => query.relevant).filter((id) => !known.has(id));
	if (unknown.length > 0) {
		console.warn(`warning: ${unknown.length} relevant ids are not among the listings (was the sample generator changed? rebuild with data/eval/build-dev-set.ts)`);
	}
	const embedded = new EmbeddedSearchEngine(db);
	await rebuildEmbeddedIndex(db, embedded);
	const quiet = () => {};
	// As the app plans: terms and 困りごと concepts as stored in the database (seeded from worries.json).
	seedTaxonomy(db);
	const taxonomy = new TaxonomyStore(db, quiet);

	const results: Record<string, QueryScore[]> = {};
	for (const engineName of engines) {
		let service: SearchService;
		if (engineName === 'embedded') {
			service = new SearchService(db, embedded, embedded, quiet, undefined, taxonomy);
		} else if (engineName === 'meilisearch') {
			const external = process.env.MEILI_URL;
			if (!external) meiliProcess = await startMeilisearch();
			const meili = new MeilisearchSearchEngine({
				url: external ?? meiliProcess!.url,
				apiKey: external ? (process.env.MEILI_MASTER_KEY ?? null) : meiliProcess!.masterKey,
				index: `eval_${Date.now()}`
			});
			await reindexMeilisearch(db, meili);
			service = new SearchService(db, meili, embedded, (message) => {
				throw new Error(`meilisearch did not answer: ${message}`);
			}, undefined, taxonomy);
		} else throw new Error(`unknown engine ${engineName}`);
		results[engineName] = [];
		for (const query of queries) results[engineName].push(await scoreQuery(service, query));
	}

	const format = (value: number | null) => (value === null ? '   -  ' : value.toFixed(3).padStart(6));
	console.log(`\n${queries.length} queries from ${files.join(', ')} (splits: ${splits.join(', ')})\n`);
	console.log(`${'engine'.padEnd(12)} ${'split'.padEnd(8)} ${'group'.padEnd(20)} ${'n'.padStart(4)}  success@10    MRR  nDCG@10`);
	const summaries: Record<string, Summary[]> = {};
	const splitById = new Map(queries.map((query) => [query.id, splitOf(query)]));
	const styleById = new Map(queries.map((query) => [query.id, query.style]));
	for (const [engineName, scores] of Object.entries(results)) {
		summaries[engineName] = summarizeSplits(scores, (score) => splitById.get(score.id)!, (score) => styleById.get(score.id));
		for (const row of summaries[engineName]) {
			const [split, group] = row.group.split(' ');
			console.log(`${engineName.padEnd(12)} ${split.padEnd(8)} ${group.padEnd(20)} ${String(row.queries).padStart(4)}      ${format(row.successAt10)} ${format(row.mrr)}  ${format(row.ndcgAt10)}`);
		}
		if (values.verbose) {
			for (const score of scores.filter((s) => s.reciprocalRank < 1)) {
				console.log(`  ${engineName} ${score.id} ${score.kind} "${score.q}" rr=${score.reciprocalRank.toFixed(2)}`);
			}
		}
	}
	if (values.json) fs.writeFileSync(values.json, JSON.stringify({ summaries, results }, null, '\t'));
} finally {
	await meiliProcess?.dispose();
	db.$client.close();
	fs.rmSync(workDir, { recursive: true, force: true });
}
