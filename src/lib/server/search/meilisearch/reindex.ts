/**
 * Full Meilisearch reindex without a moment of missing or half-built results: documents go into a
 * new index with the current settings, and an index swap makes it live atomically. Changes that
 * happen meanwhile stay in the outbox and are replayed onto the new index after the swap.
 */
import type { AppDatabase } from '../../db';
import { countPublished, documentBatches } from '../documents';
import { readingAnalyzer, type ReadingAnalyzer } from '../readings';
import type { IndexProgress } from '../indexer';
import type { MeilisearchSearchEngine } from './engine';
import { toMeiliDocument } from './documents';
import { meilisearchErrorCode } from './http-client';
import { allEventDocuments } from '../event-documents';

export interface ReindexOptions {
	analyzer?: ReadingAnalyzer;
	batchSize?: number;
	/** Called as documents are sent and as Meilisearch confirms them. */
	onProgress?: (phase: 'sent' | 'indexed', done: number, total: number) => void;
	/** The outbox worker, woken after the swap to replay changes made during the reindex. */
	worker?: { drain(): Promise<void> };
}

export interface ReindexResult {
	count: number;
	ms: number;
}

export async function reindexMeilisearch(db: AppDatabase, engine: MeilisearchSearchEngine, options: ReindexOptions = {}): Promise<ReindexResult> {
	const started = performance.now();
	const analyzer = options.analyzer ?? readingAnalyzer();
	const sqlite = db.$client;
	await analyzer.load();
	const outboxMark = sqlite.prepare('SELECT coalesce(max(id), 0) FROM search_outbox').pluck().get() as number;
	const staging = `${engine.indexUid}_reindex_${Date.now()}`;
	await engine.ensureIndex(staging);
	const index = engine.client.index(staging);
	const total = countPublished(db);

	// Send every batch first (Meilisearch batches queued tasks together), then wait in order.
	const tasks: Array<{ taskUid: number; size: number }> = [];
	let sent = 0;
	for (const docs of documentBatches(db, analyzer, options.batchSize ?? 5000)) {
		const enqueued = await index.addDocuments(docs.map(toMeiliDocument), { primaryKey: 'id' });
		tasks.push({ taskUid: enqueued.taskUid, size: docs.length });
		sent += docs.length;
		options.onProgress?.('sent', sent, total);
	}
	let indexed = 0;
	for (const task of tasks) {
		await engine.confirm(Promise.resolve(task));
		indexed += task.size;
		options.onProgress?.('indexed', indexed, total);
	}

	let liveExists = true;
	try {
		await engine.client.getRawIndex(engine.indexUid);
	} catch (error) {
		if (meilisearchErrorCode(error) !== 'index_not_found') throw error;
		liveExists = false;
	}
	// With no live index yet, the staging index is simply renamed to it.
	const swap = liveExists
		? { indexes: [engine.indexUid, staging] as [string, string], rename: false }
		: { indexes: [staging, engine.indexUid] as [string, string], rename: true };
	await engine.confirm(engine.client.swapIndexes([swap]));
	if (liveExists) await engine.confirm(engine.client.deleteIndex(staging));
	// The events (a few hundred, or thousands) are swapped in whole the same way.
	await engine.events.replaceAll(allEventDocuments(db, analyzer));

	// Rows up to the mark are in the new index; later ones may have gone to the old index only.
	const now = new Date().toISOString();
	sqlite.transaction(() => {
		sqlite.prepare('UPDATE search_outbox SET done_at = ? WHERE done_at IS NULL AND id <= ?').run(now, outboxMark);
		sqlite.prepare('UPDATE search_outbox SET done_at = NULL WHERE id > ?').run(outboxMark);
	})();
	await options.worker?.drain();
	return { count: indexed, ms: Math.round(performance.now() - started) };
}
