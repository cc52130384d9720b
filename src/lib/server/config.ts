/**
 * Runtime configuration from the environment. Server-only; relative imports only in src/lib so
 * that the CLI scripts (tsx) can share this code.
 */
import path from 'node:path';

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
	/** TSUNAGI_NOW: a fixed "now" (ISO instant) for tests and demos; null = the real clock. */
	fixedNow: Date | null;
}

function parseFixedNow(value: string | undefined): Date | null {
	if (!value) return null;
	const date = new Date(value);
	if (Number.isNaN(date.getTime())) throw new Error(`TSUNAGI_NOW is not a date: ${value}`);
	return date;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
	return {
		databasePath: path.resolve(env.DATABASE_PATH ?? 'data/tsunagi.db'),
		migrationsDir: path.resolve(env.MIGRATIONS_DIR ?? 'drizzle'),
		meiliUrl: env.MEILI_URL || null,
		meiliMasterKey: env.MEILI_MASTER_KEY || null,
		meiliIndex: env.MEILI_INDEX || 'services',
		tileUrl: env.MAP_TILE_URL ?? 'https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png',
		tileAttribution:
			env.MAP_TILE_ATTRIBUTION ??
			'<a href="https://maps.gsi.go.jp/development/ichiran.html" target="_blank" rel="noopener">地理院タイル（淡色地図）</a>',
		sampleNotice: env.SAMPLE_NOTICE ?? 'サンプルデータ（架空）',
		fixedNow: parseFixedNow(env.TSUNAGI_NOW)
	};
}
