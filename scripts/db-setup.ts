/**
 * Creates or migrates the database, fills an empty one with the city's sample (fictional) and
 * builds the embedded search index. Idempotent: `npm start` runs it every time. The city is
 * CITY (default kochi): 高知市's sample is generated; another city's comes from its own files
 * (cities/<CITY>/profile.json → sample: areas GeoJSON and listings CSV).
 *   [CITY=himi] tsx scripts/db-setup.ts [--listings N] [--reindex]
 */
import { loadConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db';
import { rebuildEmbeddedIndex } from '../src/lib/server/search/indexer';
import { generateSample } from '../data/sample/generate';
import { seedTaxonomy } from '../src/lib/server/taxonomy';
import { CityProfileError, loadCityProfile, type CityProfile } from '../src/lib/server/city-profile';
import { CitySampleError, setUpCitySample } from '../src/lib/server/importers/city-sample';

const args = process.argv.slice(2);
const listingsArg = args.indexOf('--listings');
const listings = listingsArg >= 0 ? Number(args[listingsArg + 1]) : 3000;
function fail(message: string): never {
	console.error(`db-setup: ${message}`);
	process.exit(1);
}

let profile: CityProfile;
let config: ReturnType<typeof loadConfig>;
try {
	profile = loadCityProfile();
	config = loadConfig();
} catch (error) {
	if (error instanceof CityProfileError) fail(error.message);
	throw error;
}
const started = performance.now();
const db = openDatabase(config.databasePath, { migrationsDir: config.migrationsDir });
const sqlite = db.$client;

const serviceCount = sqlite.prepare('SELECT count(*) FROM services').pluck().get() as number;
if (serviceCount === 0 && 'generator' in profile.sample) {
	const counts = generateSample(db, { listings, events: Math.round(listings / 10) });
	console.log(`sample data (架空): ${counts.services} listings, ${counts.events} events, ${counts.desks} certified desks, ${counts.memos} 相談記録メモ`);
} else if (serviceCount === 0) {
	// The CSV import matches 種類 against the stored taxonomy: seed it first.
	seedTaxonomy(db);
	try {
		const counts = await setUpCitySample(db, profile);
		console.log(`sample data (架空) for ${profile.city}: ${counts.areas} areas, ${counts.listings} listings, ${counts.desks} certified desks`);
	} catch (error) {
		sqlite.close();
		if (error instanceof CitySampleError) fail(error.message);
		throw error;
	}
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
