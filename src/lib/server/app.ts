/**
 * The server's singletons: configuration, the database and the search service, created once on
 * first use (so building the site does not open the database).
 */
import { loadConfig, type AppConfig } from './config';
import { openDatabase, type AppDatabase } from './db';
import { EmbeddedSearchEngine } from './search/embedded';
import { SearchService } from './search/service';
import { SearchSync } from './search/sync';

export interface App {
	config: AppConfig;
	db: AppDatabase;
	embedded: EmbeddedSearchEngine;
	search: SearchService;
	searchSync: SearchSync;
}

let app: App | null = null;

export function createApp(config: AppConfig = loadConfig()): App {
	const db = openDatabase(config.databasePath, { migrationsDir: config.migrationsDir });
	const embedded = new EmbeddedSearchEngine(db);
	return {
		config,
		db,
		embedded,
		search: new SearchService(db, embedded, embedded),
		searchSync: new SearchSync(db, embedded)
	};
}

export function getApp(): App {
	app ??= createApp();
	return app;
}
