/**
 * Exports listings: `npm run data:export -- --format hsds|csv|geojson --out FILE [--published]`.
 * HSDS JSON holds every listing (every status) unless --published; CSV (Excel-safe: BOM, CRLF,
 * formula cells neutralised) and GeoJSON hold the published listings (open data).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db';
import { EXPORT_FORMATS, exportData, type ExportFormat } from '../src/lib/server/importers/data-files';
import { CliError, progressLine, runCli } from './lib/cli';

await runCli('data:export', async () => {
	let parsed;
	try {
		parsed = parseArgs({ options: { format: { type: 'string' }, out: { type: 'string' }, published: { type: 'boolean' } } });
	} catch (error) {
		throw new CliError(`${(error as Error).message}\n使い方: npm run data:export -- --format hsds|csv|geojson --out FILE`);
	}
	const format = parsed.values.format;
	if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
		throw new CliError(`--format は ${EXPORT_FORMATS.join('・')} のどれかです。使い方: npm run data:export -- --format hsds --out listings.json`);
	}
	const out = parsed.values.out;
	if (!out) throw new CliError('--out で書き出すファイルを指定してください。');
	const outDir = path.dirname(path.resolve(out));
	if (!fs.existsSync(outDir)) throw new CliError(`書き出し先のフォルダがありません: ${outDir}`);
	const config = loadConfig();
	if (!fs.existsSync(config.databasePath)) throw new CliError(`データベースがありません: ${config.databasePath}（npm run db:setup で作成します）`);
	const db = openDatabase(config.databasePath, { migrationsDir: config.migrationsDir, readonly: false });
	try {
		const result = exportData(db, format as ExportFormat, { publishedOnly: parsed.values.published, onProgress: progressLine('export') });
		fs.writeFileSync(out, result.body);
		console.log(`${result.count} 件を書き出しました: ${path.resolve(out)} (${format})`);
	} finally {
		db.$client.close();
	}
});
