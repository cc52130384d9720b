/**
 * Imports started from the admin run in the background so the page can show their progress
 * (the job page refreshes itself, with or without JavaScript). Each job is also stored in SQLite
 * (import_jobs), so after a restart it is still there: finished, or marked interrupted. Uploaded
 * files wait here between the preview and the import, briefly, in memory: nothing of them is
 * written before the import.
 */
import { randomUUID } from 'node:crypto';
import type { CsvImportPhase } from './csv-import';
import type { ImportFileResult } from './data-files';
import type { AppDatabase } from '../db';

export interface ImportJob {
	id: string;
	userId: string;
	fileName: string;
	phase: CsvImportPhase | 'index' | 'done';
	done: number;
	total: number;
	finished: boolean;
	result: ImportFileResult | null;
	error: string | null;
	startedAt: number;
}

export interface PendingUpload {
	token: string;
	userId: string;
	fileName: string;
	bytes: Uint8Array;
	at: number;
}

const KEEP_MS = 60 * 60 * 1000;
const MAX_UPLOADS = 20;
const jobs = new Map<string, ImportJob>();
const uploads = new Map<string, PendingUpload>();

function sweep(): void {
	const cutoff = Date.now() - KEEP_MS;
	for (const [id, job] of jobs) if (job.finished && job.startedAt < cutoff) jobs.delete(id);
	for (const [token, upload] of uploads) if (upload.at < cutoff) uploads.delete(token);
	while (uploads.size > MAX_UPLOADS) uploads.delete(uploads.keys().next().value!);
}

export function keepUpload(userId: string, fileName: string, bytes: Uint8Array): string {
	sweep();
	const token = randomUUID();
	uploads.set(token, { token, userId, fileName, bytes, at: Date.now() });
	return token;
}

/** The user's own upload, or null (expired, or someone else's). */
export function takeUpload(token: string, userId: string): PendingUpload | null {
	const upload = uploads.get(token);
	return upload && upload.userId === userId ? upload : null;
}

export function dropUpload(token: string): void {
	uploads.delete(token);
}

const INTERRUPTED = 'サーバーが止まったため、読み込みは途中で中断しました。読み込みは1回の書き込みでまとめて保存するので、このファイルの内容は何も保存されていません。もう一度読み込んでください。';

interface JobRow {
	id: string;
	user_id: string | null;
	file_name: string;
	status: 'running' | 'done' | 'failed' | 'interrupted';
	phase: string;
	done: number;
	total: number;
	ok: number;
	lines: string;
	error: string | null;
	started_at: string;
}

/** The job as stored: written when it starts, when its phase changes and when it ends. */
function saveJob(db: AppDatabase, job: ImportJob, status: JobRow['status']): void {
	db.$client
		.prepare(
			`INSERT INTO import_jobs (id, user_id, file_name, status, phase, done, total, ok, lines, error, started_at, finished_at)
			 VALUES (@id, @userId, @fileName, @status, @phase, @done, @total, @ok, @lines, @error, @startedAt, @finishedAt)
			 ON CONFLICT(id) DO UPDATE SET status = excluded.status, phase = excluded.phase, done = excluded.done, total = excluded.total,
			   ok = excluded.ok, lines = excluded.lines, error = excluded.error, finished_at = excluded.finished_at`
		)
		.run({
			id: job.id,
			userId: job.userId,
			fileName: job.fileName,
			status,
			phase: job.phase,
			done: job.done,
			total: job.total,
			ok: job.result?.ok ? 1 : 0,
			lines: JSON.stringify(job.result?.lines ?? []),
			error: job.error,
			startedAt: new Date(job.startedAt).toISOString(),
			finishedAt: job.finished ? new Date().toISOString() : null
		});
}

/**
 * At server start: jobs still marked running belong to a process that is gone. They are marked
 * interrupted (with what to do), so the curator who started one sees what happened.
 */
export function markInterruptedJobs(db: AppDatabase): number {
	return db.$client
		.prepare("UPDATE import_jobs SET status = 'interrupted', phase = 'done', error = ?, finished_at = ? WHERE status = 'running'")
		.run(INTERRUPTED, new Date().toISOString()).changes;
}

export function startJob(db: AppDatabase, userId: string, fileName: string, run: (job: ImportJob) => Promise<ImportFileResult>): ImportJob {
	sweep();
	const job: ImportJob = { id: randomUUID(), userId, fileName, phase: 'check', done: 0, total: 0, finished: false, result: null, error: null, startedAt: Date.now() };
	jobs.set(job.id, job);
	saveJob(db, job, 'running');
	let savedPhase = job.phase;
	const progress = new Proxy(job, {
		set(target, key, value) {
			(target as unknown as Record<string | symbol, unknown>)[key] = value;
			// Progress lives in memory; the stored row follows each phase (check → geocode → write → index).
			if (key === 'phase' && value !== savedPhase && !target.finished) {
				savedPhase = value as ImportJob['phase'];
				saveJob(db, target, 'running');
			}
			return true;
		}
	});
	void run(progress)
		.then((result) => {
			job.result = result;
		})
		.catch((caught: unknown) => {
			job.error = `読み込みの途中で失敗しました。何も保存していません（${caught instanceof Error ? caught.message : String(caught)}）。`;
		})
		.finally(() => {
			job.phase = 'done';
			job.finished = true;
			saveJob(db, job, job.error ? 'failed' : 'done');
		});
	return job;
}

function jobFromRow(row: JobRow): ImportJob {
	const finished = row.status !== 'running';
	return {
		id: row.id,
		userId: row.user_id ?? '',
		fileName: row.file_name,
		phase: finished ? 'done' : (row.phase as ImportJob['phase']),
		done: row.done,
		total: row.total,
		finished,
		result: finished && row.status === 'done' ? { ok: row.ok === 1, lines: JSON.parse(row.lines) as string[] } : null,
		error: row.error,
		startedAt: Date.parse(row.started_at)
	};
}

/** The user's own job: live from memory while this process runs it, otherwise as stored. */
export function getJob(db: AppDatabase, id: string, userId: string): ImportJob | null {
	const job = jobs.get(id) ?? (() => {
		const row = db.$client.prepare('SELECT * FROM import_jobs WHERE id = ?').get(id) as JobRow | undefined;
		return row ? jobFromRow(row) : null;
	})();
	return job && job.userId === userId ? job : null;
}

export interface JobSummary {
	id: string;
	fileName: string;
	status: JobRow['status'];
	startedAt: string;
}

/** The user's latest jobs (any state), newest first. */
export function recentJobs(db: AppDatabase, userId: string, limit = 10): JobSummary[] {
	return (
		db.$client.prepare('SELECT id, file_name, status, started_at FROM import_jobs WHERE user_id = ? ORDER BY started_at DESC LIMIT ?').all(userId, limit) as Array<
			Pick<JobRow, 'id' | 'file_name' | 'status' | 'started_at'>
		>
	).map((row) => ({ id: row.id, fileName: row.file_name, status: row.status, startedAt: row.started_at }));
}

export interface ImportLogEntry {
	at: string;
	by: string;
	file: string;
	format: string;
	ok: boolean;
	counts: Record<string, number>;
	jobId: string;
}

/** The latest imports from the audit log (the admin's and the command line's), newest first. */
export function importLog(db: AppDatabase, limit = 20): ImportLogEntry[] {
	const rows = db.$client.prepare("SELECT at, entity_id, after FROM audit_log WHERE entity = 'import' ORDER BY id DESC LIMIT ?").all(limit) as Array<{ at: string; entity_id: string; after: string }>;
	return rows.map((row) => {
		const after = JSON.parse(row.after) as { file: string; format: string; by: string; ok: boolean; counts: Record<string, number> };
		return { at: row.at, by: after.by, file: after.file, format: after.format, ok: after.ok, counts: after.counts, jobId: row.entity_id };
	});
}
