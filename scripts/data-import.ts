/**
 * Imports listings: `npm run data:import -- FILE [--dry-run] [--format hsds|csv] [--map 見出し=項目 …]`.
 * HSDS 3.0 JSON is an upsert by id that takes every valid object and lists the others with the
 * reason; a CSV file is all or nothing (see README, "Open data"). Both indexes follow: the embedded
 * one at once, Meilisearch (MEILI_URL) through the outbox.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db';
import { loadCityProfile } from '../src/lib/server/city-profile';
import { meilisearchFromConfig } from '../src/lib/server/app';
import { PHASE_LABELS, importDataFile, type ImportFormat } from '../src/lib/server/importers/data-files';
import { getGeocoder } from '../src/lib/server/geocoding/geocoder';
import { CSV_COLUMNS, columnByName } from '../src/lib/server/importers/csv-columns';
import type { HeaderMapping } from '../src/lib/server/importers/csv-import';
import { CliError, progressLine, runCli } from './lib/cli';

await runCli('data:import', async () => {
	let parsed;
	try {
		parsed = parseArgs({
			allowPositionals: true,
			options: { 'dry-run': { type: 'boolean' }, format: { type: 'string' }, map: { type: 'string', multiple: true } }
		});
	} catch (error) {
		throw new CliError(`${(error as Error).message}\n使い方: npm run data:import -- FILE [--dry-run] [--format hsds|csv] [--map 見出し=項目]`);
	}
	const file = parsed.positionals[0];
	if (!file) throw new CliError('読み込むファイルを指定してください。使い方: npm run data:import -- FILE [--dry-run]');
	if (!fs.existsSync(file)) throw new CliError(`ファイルがありません: ${path.resolve(file)}`);
	const format = parsed.values.format as ImportFormat | undefined;
	if (format && format !== 'hsds' && format !== 'csv') throw new CliError(`--format は hsds か csv です（${format}）`);
	const mapping: HeaderMapping = {};
	for (const pair of parsed.values.map ?? []) {
		const [header, field] = pair.split('=').map((part) => part?.trim());
		if (!header || !field) throw new CliError(`--map は「見出し=項目」の形です（${pair}）`);
		const column = field === 'ignore' || field === '無視' ? 'ignore' : columnByName(field);
		if (!column) throw new CliError(`--map の項目「${field}」が分かりません。項目: ${CSV_COLUMNS.map((c) => c.header).join('・')}、または ignore`);
		mapping[header] = column;
	}
	const progressByPhase = new Map<string, (done: number, total: number) => void>();
	const progress = (label: string) => {
		if (!progressByPhase.has(label)) progressByPhase.set(label, progressLine(label));
		return progressByPhase.get(label)!;
	};
	const config = loadConfig();
	const profile = loadCityProfile();
	const db = openDatabase(config.databasePath, { migrationsDir: config.migrationsDir });
	try {
		const result = await importDataFile(db, {
			bytes: fs.readFileSync(file),
			fileName: path.basename(file),
			format,
			dryRun: parsed.values['dry-run'] ?? false,
			profile,
			meilisearch: meilisearchFromConfig(config),
			mapping,
			geocoder: getGeocoder(),
			geocodeIntervalMs: Number(process.env.GEOCODE_INTERVAL_MS ?? 1000),
			onProgress: (done, total, phase) => progress(phase ? PHASE_LABELS[phase] : 'import')(done, total),
			onIndexProgress: progressLine('search index'),
			actor: { userId: null, name: `コマンドライン（${os.userInfo().username}）` }
		});
		for (const line of result.lines) console.log(line);
		if (!result.ok) process.exitCode = 1;
	} finally {
		db.$client.close();
	}
});
