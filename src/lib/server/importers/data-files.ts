/**
 * Files in and out, for the CLI (data:import, data:export) and the admin's data page: which
 * importer a file goes to, the report a person reads afterwards, and the search indexes following
 * the import (the embedded one right after the commit, Meilisearch through the outbox).
 */
import type { AppDatabase } from '../db';
import type { CityProfile } from '../city-profile';
import { EmbeddedSearchEngine } from '../search/embedded';
import { SearchSync } from '../search/sync';
import { rebuildEmbeddedIndex } from '../search/indexer';
import type { MeilisearchSearchEngine } from '../search/meilisearch/engine';
import { MeilisearchOutboxWorker } from '../search/meilisearch/outbox-worker';
import { importDefaults, importHsds, type HsdsImportReport, type HsdsObjectKind } from './hsds-import';
import { exportHsdsBundle } from './hsds-export';
import { exportCsv, exportGeoJson } from './open-data';
import { importCsv, type CsvImportPhase, type CsvImportResult, type HeaderMapping } from './csv-import';
import type { Geocoder } from '../geocoding/geocoder';
import { randomUUID } from 'node:crypto';
import { recordAudit } from '../admin/audit';

export const EXPORT_FORMATS = ['hsds', 'csv', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ImportFormat = 'hsds' | 'csv';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
	hsds: 'application/json; charset=utf-8',
	csv: 'text/csv; charset=utf-8',
	geojson: 'application/geo+json; charset=utf-8'
};

export interface ExportOptions {
	publishedOnly?: boolean;
	baseUrl?: string;
	onProgress?: (done: number, total: number) => void;
}

export function exportData(db: AppDatabase, format: ExportFormat, options: ExportOptions = {}): { body: string; count: number } {
	switch (format) {
		case 'hsds': {
			const bundle = exportHsdsBundle(db, { publishedOnly: options.publishedOnly ?? false, onProgress: options.onProgress });
			return { body: `${JSON.stringify(bundle, null, 1)}\n`, count: (bundle.services as unknown[]).length };
		}
		case 'csv':
			return exportCsv(db, { publishedOnly: true, onProgress: options.onProgress });
		case 'geojson':
			return exportGeoJson(db, { baseUrl: options.baseUrl, onProgress: options.onProgress });
	}
}

/** The server's own search engine and sync (the CLI has none and makes its own). */
export interface RunningSearch {
	embedded: EmbeddedSearchEngine;
	sync: SearchSync;
}

/** Who imports: a signed-in user (admin) or the command line (the OS account), for the audit log. */
export interface ImportActor {
	userId: string | null;
	name: string;
	/** The admin job, so the log entry and the job page name the same import. */
	jobId?: string;
}

export interface ImportFileRequest {
	running?: RunningSearch;
	actor?: ImportActor;
	bytes: Uint8Array;
	fileName: string;
	format?: ImportFormat;
	dryRun?: boolean;
	profile: CityProfile;
	meilisearch?: MeilisearchSearchEngine | null;
	/** CSV: header → column for headers the import does not know. */
	mapping?: HeaderMapping;
	/** CSV: for rows with an address and no coordinates. */
	geocoder?: Geocoder | null;
	geocodeIntervalMs?: number;
	onProgress?: (done: number, total: number, phase?: CsvImportPhase) => void;
	onIndexProgress?: (done: number, total: number) => void;
}

export interface ImportFileResult {
	ok: boolean;
	/** The report, line by line, as the CLI prints it. */
	lines: string[];
	hsds?: HsdsImportReport;
	csv?: CsvImportResult;
}

export const PHASE_LABELS: Record<CsvImportPhase, string> = { check: '確認', geocode: '住所から座標', write: '書き込み' };

const KIND_LABELS: Record<HsdsObjectKind, string> = {
	area: '地域',
	taxonomy: '分類体系',
	taxonomy_term: '分類',
	organization: '団体',
	location: '場所',
	service: 'サービス',
	service_at_location: 'サービスの場所'
};

/** Above this many listings a whole rebuild of the embedded index is faster than one by one. */
const REBUILD_THRESHOLD = 2000;

/**
 * Brings both engines up to date after an import: outbox rows were written inside the import's
 * transaction (enqueue); this updates the embedded index and, with Meilisearch, drains the outbox.
 */
export async function followImport(
	db: AppDatabase,
	serviceIds: string[],
	meilisearch: MeilisearchSearchEngine | null | undefined,
	onProgress?: (done: number, total: number) => void,
	running?: RunningSearch
): Promise<void> {
	if (serviceIds.length === 0) return;
	// In the server, the running engine must learn of the change (it keeps documents in memory).
	const embedded = running?.embedded ?? new EmbeddedSearchEngine(db);
	if (serviceIds.length > REBUILD_THRESHOLD) await rebuildEmbeddedIndex(db, embedded, undefined, onProgress);
	else if (running) await running.sync.afterCommit(serviceIds);
	else await new SearchSync(db, embedded, null).afterCommit(serviceIds);
	if (running?.sync.outbox) running.sync.outbox.wake();
	else if (meilisearch) {
		const worker = new MeilisearchOutboxWorker(db, meilisearch);
		await worker.drain();
		worker.stop();
	}
}

/** An outbox writer for the import's transaction (rows only matter when Meilisearch is used). */
export function outboxWriter(db: AppDatabase, meilisearch: MeilisearchSearchEngine | null | undefined): (ids: string[]) => void {
	const consumer = meilisearch ? { wake() {}, async drain() {} } : null;
	const sync = new SearchSync(db, new EmbeddedSearchEngine(db), consumer);
	return (ids) => sync.enqueue(ids);
}

function looksLikeJson(bytes: Uint8Array, fileName: string): boolean {
	if (/\.json$/i.test(fileName)) return true;
	const head = Buffer.from(bytes.subarray(0, 64)).toString('utf8').replace(/^\uFEFF/, '').trimStart();
	return head.startsWith('{') || head.startsWith('[');
}

export async function importDataFile(db: AppDatabase, request: ImportFileRequest): Promise<ImportFileResult> {
	const format = request.format ?? (looksLikeJson(request.bytes, request.fileName) ? 'hsds' : 'csv');
	if (format === 'csv') {
		const result = await importCsv(db, request.bytes, {
			profile: request.profile,
			mapping: request.mapping,
			dryRun: request.dryRun,
			geocoder: request.geocoder,
			geocodeIntervalMs: request.geocodeIntervalMs,
			enqueue: request.running ? (ids) => request.running!.sync.enqueue(ids) : outboxWriter(db, request.meilisearch),
			onProgress: (phase, done, total) => request.onProgress?.(done, total, phase)
		});
		if (result.written) await followImport(db, result.serviceIds, request.meilisearch, request.onIndexProgress, request.running);
		const ok = !result.preview.fileError && result.preview.problems.length === 0;
		if (!request.dryRun) {
			auditImport(db, request, 'csv', ok, {
				created: result.created,
				updated: result.updated,
				geocoded: result.geocoded,
				not_geocoded: result.notGeocoded.length,
				bad_rows: result.preview.problems.length
			});
		}
		return { ok, lines: describeCsvResult(result, request.dryRun ?? false), csv: result };
	}
	let input: unknown;
	try {
		input = JSON.parse(Buffer.from(request.bytes).toString('utf8').replace(/^\uFEFF/, ''));
	} catch (error) {
		return { ok: false, lines: [`${request.fileName}: JSON として読めません（${(error as Error).message}）`] };
	}
	const report = importHsds(db, input, {
		defaults: importDefaults(request.profile),
		dryRun: request.dryRun,
		enqueue: request.running ? (ids) => request.running!.sync.enqueue(ids) : outboxWriter(db, request.meilisearch),
		onProgress: request.onProgress
	});
	if (!report.dryRun) {
		await followImport(db, report.serviceIds, request.meilisearch, request.onIndexProgress, request.running);
		auditImport(db, request, 'hsds', report.rejected.length === 0, { ...report.taken, rejected: report.rejected.length, skipped: report.skipped.length, warnings: report.warnings.length });
	}
	return { ok: report.rejected.length === 0, lines: describeHsdsReport(report), hsds: report };
}

/** One audit entry per import that was not a dry run: who, which file, what came of it. */
function auditImport(db: AppDatabase, request: ImportFileRequest, format: ImportFormat, ok: boolean, counts: Record<string, number>): void {
	const actor = request.actor ?? { userId: null, name: '不明' };
	recordAudit(db, {
		userId: actor.userId,
		action: 'import',
		entity: 'import',
		entityId: actor.jobId ?? randomUUID(),
		before: null,
		after: { file: request.fileName, format, by: actor.name, ok, counts }
	});
}

export function describeHsdsReport(report: HsdsImportReport): string[] {
	const taken = (Object.entries(report.taken) as Array<[HsdsObjectKind, number]>)
		.filter(([, count]) => count > 0)
		.map(([kind, count]) => `${KIND_LABELS[kind]} ${count}`)
		.join('、');
	const lines = [
		`${report.dryRun ? '試行（保存していません）' : '読み込みました'}: ${taken || '0 件'}`,
		...report.skipped.map((problem) => `  読み飛ばし ${problem.position}${problem.name ? `「${problem.name}」` : ''}: ${problem.reason}`),
		...report.warnings.map((problem) => `  注意 ${problem.position}${problem.name ? `「${problem.name}」` : ''}: ${problem.reason}`)
	];
	if (report.rejected.length > 0) {
		lines.push(`読み込めなかったもの ${report.rejected.length} 件:`);
		for (const problem of report.rejected) {
			lines.push(`  ${problem.position} ${KIND_LABELS[problem.kind as HsdsObjectKind] ?? 'ファイル'}${problem.id ? ` id=${problem.id}` : ''}${problem.name ? `「${problem.name}」` : ''}: ${problem.reason}`);
		}
	}
	return lines;
}

export function describeCsvResult(result: CsvImportResult, dryRun: boolean): string[] {
	const { preview } = result;
	const lines = [`文字コード: ${preview.encoding}`];
	const matched = preview.headers.filter((match) => match.column && match.column !== 'ignore').map((match) => match.header);
	if (matched.length > 0) lines.push(`読み取る列: ${matched.join('、')}`);
	const ignored = preview.headers.filter((match) => match.column === 'ignore' && match.header !== '').map((match) => match.header);
	if (ignored.length > 0) lines.push(`読み込まない列: ${ignored.join('、')}`);
	if (preview.fileError) {
		lines.push(`読み込めません: ${preview.fileError}`);
		if (preview.unknownHeaders.length > 0) lines.push(`  例: --map "${preview.unknownHeaders[0]}=名称"（読み込まないときは --map "${preview.unknownHeaders[0]}=ignore"）`);
		return lines;
	}
	if (preview.problems.length > 0) {
		lines.push(`直すところがある行が ${preview.problems.length} 行あります。どの行も読み込んでいません（すべて直してからもう一度読み込んでください）:`);
		for (const problem of preview.problems) {
			lines.push(`  ${problem.line} 行目「${problem.name || '名称なし'}」`);
			for (const [header, message] of Object.entries(problem.fields)) lines.push(`    ${header === '_row' ? '行全体' : header}: ${message}`);
		}
		return lines;
	}
	const created = preview.rows.filter((row) => row.action === 'new').length;
	const updated = preview.rows.filter((row) => row.action === 'update').length;
	const geocode = preview.rows.filter((row) => row.needsGeocoding).length;
	if (dryRun) {
		lines.push(`試行（保存していません）: 新規 ${created} 件、更新 ${updated} 件${geocode > 0 ? `、住所から座標を求める ${geocode} 件` : ''}`);
		return lines;
	}
	lines.push(`読み込みました: 新規 ${result.created} 件、更新 ${result.updated} 件${result.geocoded > 0 ? `、住所から座標 ${result.geocoded} 件` : ''}`);
	for (const row of result.notGeocoded) lines.push(`  注意 ${row.line} 行目「${row.name}」: 住所「${row.address}」の座標が見つからず、地図に載りません（編集画面で位置を指定できます）`);
	return lines;
}
