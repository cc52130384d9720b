/**
 * Imports started from the admin run in the background so the page can show their progress
 * (the job page refreshes itself, with or without JavaScript). Uploaded files wait here between
 * the preview and the import, briefly, in memory: nothing of them is written before the import.
 */
import { randomUUID } from 'node:crypto';
import type { CsvImportPhase } from './csv-import';
import type { ImportFileResult } from './data-files';

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

export function startJob(userId: string, fileName: string, run: (job: ImportJob) => Promise<ImportFileResult>): ImportJob {
	sweep();
	const job: ImportJob = { id: randomUUID(), userId, fileName, phase: 'check', done: 0, total: 0, finished: false, result: null, error: null, startedAt: Date.now() };
	jobs.set(job.id, job);
	void run(job)
		.then((result) => {
			job.result = result;
		})
		.catch((caught: unknown) => {
			job.error = `読み込みの途中で失敗しました。何も保存していません（${caught instanceof Error ? caught.message : String(caught)}）。`;
		})
		.finally(() => {
			job.phase = 'done';
			job.finished = true;
		});
	return job;
}

export function getJob(id: string, userId: string): ImportJob | null {
	const job = jobs.get(id);
	return job && job.userId === userId ? job : null;
}
