/**
 * Runtime configuration from the environment. Server-only; relative imports only in src/lib so
 * that the CLI scripts (tsx) can share this code.
 */
import path from 'node:path';
import { cityProfilePath, loadCityProfile } from './city-profile';

export interface AppConfig {
	databasePath: string;
	migrationsDir: string;
	meiliUrl: string | null;
	meiliMasterKey: string | null;
	meiliIndex: string;
	tileUrl: string;
	tileAttribution: string;
	/** Shown on every page while the database holds the generated (fictional) sample. */
	sampleNotice: string;
	/** The notice on English pages; empty: English pages show the Japanese one (marked as Japanese). */
	sampleNoticeEn: string;
	/** TSUNAGI_NOW: a fixed "now" (ISO instant) for tests and demos; null = the real clock. */
	fixedNow: Date | null;
}

function parseFixedNow(value: string | undefined): Date | null {
	if (!value) return null;
	const date = new Date(value);
	if (Number.isNaN(date.getTime())) throw new Error(`TSUNAGI_NOW is not a date: ${value}`);
	return date;
}

/** 高知市 (the sample shipped first) keeps data/tsunagi.db; any other city gets its own file. */
function defaultDatabasePath(cityId: string): string {
	return cityId === 'kochi' ? 'data/tsunagi.db' : `data/tsunagi-${cityId}.db`;
}

/** Settings from the environment; the city's profile (CITY) gives the defaults a city chooses. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
	const profile = loadCityProfile(cityProfilePath(env));
	return {
		databasePath: path.resolve(env.DATABASE_PATH ?? defaultDatabasePath(profile.id)),
		migrationsDir: path.resolve(env.MIGRATIONS_DIR ?? 'drizzle'),
		meiliUrl: env.MEILI_URL || null,
		meiliMasterKey: env.MEILI_MASTER_KEY || null,
		meiliIndex: env.MEILI_INDEX || 'services',
		tileUrl: env.MAP_TILE_URL ?? profile.tileUrl,
		tileAttribution: env.MAP_TILE_ATTRIBUTION ?? profile.tileAttribution,
		sampleNotice: env.SAMPLE_NOTICE ?? profile.sampleNotice,
		// A notice changed by SAMPLE_NOTICE alone is not translated by the profile's default.
		sampleNoticeEn: env.SAMPLE_NOTICE_EN ?? (env.SAMPLE_NOTICE === undefined ? profile.sampleNoticeEn : ''),
		fixedNow: parseFixedNow(env.TSUNAGI_NOW)
	};
}
