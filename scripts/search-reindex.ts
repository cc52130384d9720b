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
import { CliError, parseCliArgs, progressLine, runCli } from './lib/cli';

const USAGE = `
usage: npm run search:reindex [-- --embedded]
  with MEILI_URL set: rebuilds the Meilisearch index (new index, swapped in atomically)
  without MEILI_URL, or with --embedded: rebuilds the embedded SQLite index
`;
const values = parseCliArgs('search:reindex', USAGE, { embedded: { type: 'boolean', default: false } });
const config = loadConfig();
const meilisearch = meilisearchFromConfig(config);
const started = performance.now();

await runCli('search:reindex', async () => {
	if (meilisearch) {
		// Ask first: an unreachable server is one clear line, before anything is changed.
		const healthy = await meilisearch.client.health().then(
			() => true,
			() => false
		);
		if (!healthy) throw new CliError(`Meilisearch at ${config.meiliUrl} cannot be reached (MEILI_URL). Start it, or unset MEILI_URL to rebuild only the embedded index.`);
	}
	const db = openDatabase(config.databasePath, { migrationsDir: config.migrationsDir });
	try {
		if (!meilisearch || values.embedded) {
			const count = await rebuildEmbeddedIndex(db, new EmbeddedSearchEngine(db), undefined, progressLine('embedded index'));
			console.log(`embedded index rebuilt: ${count} listings`);
		}
		if (!meilisearch) console.log('Meilisearch: skipped (MEILI_URL is not set; the embedded engine answers searches)');
		else {
			const worker = new MeilisearchOutboxWorker(db, meilisearch);
			const sent = progressLine('meilisearch: sent');
			const indexed = progressLine('meilisearch: indexed');
			try {
				const { count, ms } = await reindexMeilisearch(db, meilisearch, {
					worker,
					onProgress: (phase, done, total) => (phase === 'sent' ? sent : indexed)(done, total)
				});
				console.log(`meilisearch index "${config.meiliIndex}" rebuilt and swapped in: ${count} listings in ${(ms / 1000).toFixed(1)} s`);
			} finally {
				worker.stop();
			}
		}
		db.$client.pragma('wal_checkpoint(TRUNCATE)');
	} finally {
		db.$client.close();
	}
	console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
