/**
 * The server's singletons: configuration, the database and the search service, created once on
 * first use (so building the site does not open the database).
 *
 * Search runs on the embedded engine, or on Meilisearch when MEILI_URL is set: then the embedded
 * engine stays in step as the fallback (a Meilisearch outage never takes search down), and an
 * outbox worker feeds Meilisearch every committed change.
 */
import { loadConfig, type AppConfig } from './config';
import { connectionMode, databaseFileAccess, onReopen, openDatabase, type AppDatabase } from './db';
import { EmbeddedSearchEngine } from './search/embedded';
import { SearchService } from './search/service';
import { SearchSync } from './search/sync';
import { MeilisearchSearchEngine } from './search/meilisearch/engine';
import { MeilisearchOutboxWorker } from './search/meilisearch/outbox-worker';
import { logger } from './operations/log';
import { seedTaxonomy, TaxonomyStore } from './taxonomy';
import { loadCityProfile, type CityProfile } from './city-profile';
import { markInterruptedJobs } from './importers/import-jobs';

export interface App {
	config: AppConfig;
	/** The municipality (cities/<CITY>/profile.json): names, programme, map, licence. */
	profile: CityProfile;
	db: AppDatabase;
	embedded: EmbeddedSearchEngine;
	/** Set when MEILI_URL is configured. */
	meilisearch: MeilisearchSearchEngine | null;
	search: SearchService;
	searchSync: SearchSync;
	/** "Now" for calendars and 次回 dates (fixed by TSUNAGI_NOW in tests). */
	now: () => Date;
	/** Taxonomy terms and 困りごと concepts as stored (curators edit them). */
	taxonomy: TaxonomyStore;
}

let app: App | null = null;

/** The Meilisearch engine for the configuration, or null when MEILI_URL is not set. */
export function meilisearchFromConfig(config: AppConfig): MeilisearchSearchEngine | null {
	if (!config.meiliUrl) return null;
	return new MeilisearchSearchEngine({ url: config.meiliUrl, apiKey: config.meiliMasterKey, index: config.meiliIndex });
}

export function createApp(config: AppConfig = loadConfig()): App {
	const db = openDatabase(config.databasePath, { migrationsDir: config.migrationsDir });
	const embedded = new EmbeddedSearchEngine(db);
	const meilisearch = meilisearchFromConfig(config);
	const outbox = meilisearch ? new MeilisearchOutboxWorker(db, meilisearch, { log: (message) => logger.warn(message) }) : null;
	const mode = connectionMode(db);
	if (mode === 'read-write') startupWrites(db);
	else logger.warn({ mode, reason: databaseFileAccess(config.databasePath).reason }, 'database is read-only: pages and searches answer, writes get 503 until it is writable');
	const taxonomy = new TaxonomyStore(db);
	const searchSync = new SearchSync(db, embedded, outbox);
	// A read-only start whose file became writable (see operations/health): what the start skipped.
	onReopen(db, () => {
		if (connectionMode(db) !== 'read-write') return;
		startupWrites(db);
		taxonomy.changed();
		logger.info('database writable again: reopened read-write');
		searchSync.catchUp().catch((error: unknown) => logger.error({ err: error }, 'search catch-up after reopening failed'));
	});
	return {
		config,
		profile: loadCityProfile(),
		db,
		embedded,
		meilisearch,
		search: new SearchService(db, meilisearch ?? embedded, embedded, (message) => logger.warn(message), undefined, taxonomy),
		searchSync,
		now: () => (config.fixedNow ? new Date(config.fixedNow) : new Date()),
		taxonomy
	};
}

/** Housekeeping at start (skipped while the database is read-only, done when it is writable). */
function startupWrites(db: AppDatabase): void {
	// Idempotent: a database made before terms and concepts were stored gets them here.
	seedTaxonomy(db);
	// Admin imports the last process was running when it stopped: shown as interrupted, not lost.
	const interrupted = markInterruptedJobs(db);
	if (interrupted > 0) logger.warn({ interrupted }, 'import jobs interrupted by the last stop');
}

/**
 * Graceful shutdown: the outbox pushes what it holds (at most `flushTimeoutMs`; whatever is left
 * waits in SQLite for the next start), its retries stop, and SQLite is checkpointed and closed.
 */
export async function closeApp(flushTimeoutMs = 5000): Promise<void> {
	if (!app) return;
	const { db, searchSync } = app;
	app = null;
	const outbox = searchSync.outbox as (typeof searchSync.outbox & { stop?: () => void; pendingCount?: () => number }) | null;
	if (outbox) {
		let timer: NodeJS.Timeout | undefined;
		await Promise.race([outbox.drain(), new Promise<void>((resolve) => (timer = setTimeout(resolve, flushTimeoutMs)))]);
		clearTimeout(timer);
		outbox.stop?.();
	}
	// Counted while the database is open (the rows wait there for the next start).
	const pendingLeft = outbox?.pendingCount?.();
	try {
		if (connectionMode(db) === 'read-write') db.$client.pragma('wal_checkpoint(TRUNCATE)');
	} catch (error) {
		// A full disk or a file gone read-only: the WAL stays and is replayed at the next start.
		logger.warn({ err: error }, 'checkpoint at shutdown failed');
	} finally {
		db.$client.close();
	}
	logger.info({ outbox_pending_left: pendingLeft }, 'shut down: outbox flushed, database closed');
}

export function getApp(): App {
	app ??= createApp();
	return app;
}
