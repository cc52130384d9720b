/**
 * Creates or migrates the database, fills an empty one with the 高知市 sample (fictional) and
 * builds the embedded search index. Idempotent: `npm start` runs it every time.
 *   tsx scripts/db-setup.ts [--listings N] [--reindex]
 */
import { loadConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db';
import { rebuildEmbeddedIndex } from '../src/lib/server/search/indexer';
import { generateSample } from '../data/sample/generate';
import { seedTaxonomy } from '../src/lib/server/taxonomy';

const args = process.argv.slice(2);
const listingsArg = args.indexOf('--listings');
const listings = listingsArg >= 0 ? Number(args[listingsArg + 1]) : 3000;
const config = loadConfig();
const started = performance.now();
const db = openDatabase(config.databasePath, { migrationsDir: config.migrationsDir });
const sqlite = db.$client;

const serviceCount = sqlite.prepare('SELECT count(*) FROM services').pluck().get() as number;
if (serviceCount === 0) {
	const counts = generateSample(db, { listings, events: Math.round(listings / 10) });
	console.log(`sample data (架空): ${counts.services} listings, ${counts.events} events, ${counts.desks} certified desks, ${counts.memos} 相談記録メモ`);
}
// Taxonomy terms and 困りごと concepts from the code and data/dictionaries/worries.json (keeps curators' edits).
const seeded = seedTaxonomy(db);
if (seeded.termsAdded + seeded.conceptsAdded + seeded.conceptsUpdated + seeded.conceptsRemoved > 0) {
	console.log(
		`taxonomy: ${seeded.termsAdded} terms added; 困りごと concepts ${seeded.conceptsAdded} added, ${seeded.conceptsUpdated} updated, ${seeded.conceptsRemoved} removed`
	);
}
const published = sqlite.prepare("SELECT count(*) FROM services WHERE status = 'published'").pluck().get() as number;
const indexed = sqlite.prepare('SELECT count(*) FROM search_docs').pluck().get() as number;
if (args.includes('--reindex') || published !== indexed) {
	const count = await rebuildEmbeddedIndex(db);
	console.log(`embedded search index: ${count} listings`);
}
sqlite.pragma('wal_checkpoint(TRUNCATE)');
sqlite.close();
console.log(`database ready: ${config.databasePath} (${Math.round(performance.now() - started)} ms)`);
