/**
 * Full search reindex: `npm run search:reindex [-- --embedded]`.
 * With MEILI_URL set, rebuilds the Meilisearch index into a new index and swaps it in atomically
 * (changes made meanwhile are replayed from the outbox); --embedded also rebuilds the embedded
 * index. Without MEILI_URL, rebuilds the embedded index (in one transaction).
 */
import { loadConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db';
import { meilisearchFromConfig } from '../src/lib/server/app';
import { rebuildEmbeddedIndex } from '../src/lib/server/search/indexer';
import { EmbeddedSearchEngine } from '../src/lib/server/search/embedded';
import { reindexMeilisearch } from '../src/lib/server/search/meilisearch/reindex';
import { MeilisearchOutboxWorker } from '../src/lib/server/search/meilisearch/outbox-worker';

const config = loadConfig();
const db = openDatabase(config.databasePath, { migrationsDir: config.migrationsDir });
const meilisearch = meilisearchFromConfig(config);
const started = performance.now();

let lastPrinted = 0;
function progress(label: string, done: number, total: number): void {
	const now = performance.now();
	if (done < total && now - lastPrinted < 500) return;
	lastPrinted = now;
	const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
	const line = `${label}: ${done}/${total} (${percent}%)`;
	if (process.stdout.isTTY) process.stdout.write(`\r${line}${done >= total ? '\n' : ''}`);
	else console.log(line);
}

if (!meilisearch || process.argv.includes('--embedded')) {
	const count = await rebuildEmbeddedIndex(db, new EmbeddedSearchEngine(db), undefined, (done, total) => progress('embedded index', done, total));
	console.log(`embedded index rebuilt: ${count} listings`);
}
if (meilisearch) {
	const worker = new MeilisearchOutboxWorker(db, meilisearch);
	const { count, ms } = await reindexMeilisearch(db, meilisearch, {
		worker,
		onProgress: (phase, done, total) => progress(phase === 'sent' ? 'meilisearch: sent' : 'meilisearch: indexed', done, total)
	});
	worker.stop();
	console.log(`meilisearch index "${config.meiliIndex}" rebuilt and swapped in: ${count} listings in ${(ms / 1000).toFixed(1)} s`);
}
db.$client.pragma('wal_checkpoint(TRUNCATE)');
db.$client.close();
console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
