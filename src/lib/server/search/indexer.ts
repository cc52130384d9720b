import type { AppDatabase } from '../db';
import type { SearchEngine } from './engine';
import { buildDocuments, countPublished, documentBatches } from './documents';
import { EmbeddedSearchEngine } from './embedded';
import { readingAnalyzer, type ReadingAnalyzer } from './readings';
import { allEventDocuments, buildEventDocuments } from './event-documents';

export type IndexProgress = (indexed: number, total: number) => void;

const BATCH_SIZE = 2000;

/**
 * Rebuilds the embedded index from the listings (at set-up, after imports), in one transaction:
 * other connections keep seeing the old index until the new one is complete.
 */
export async function rebuildEmbeddedIndex(
	db: AppDatabase,
	engine = new EmbeddedSearchEngine(db),
	analyzer: ReadingAnalyzer = readingAnalyzer(),
	onProgress?: IndexProgress
): Promise<number> {
	await analyzer.load();
	const total = countPublished(db);
	const sqlite = db.$client;
	sqlite.exec('BEGIN IMMEDIATE');
	let count = 0;
	try {
		await engine.clear();
		for (const docs of documentBatches(db, analyzer, BATCH_SIZE)) {
			await engine.upsert(docs);
			count += docs.length;
			onProgress?.(count, total);
		}
		engine.events.clear();
		engine.events.upsert(allEventDocuments(db, analyzer));
		sqlite.exec('COMMIT');
	} catch (error) {
		if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
		throw error;
	}
	return count;
}

/** Brings an engine up to date for the given listings (published → upsert, otherwise remove). */
export async function syncListings(
	db: AppDatabase,
	engine: SearchEngine,
	serviceIds: string[],
	analyzer: ReadingAnalyzer = readingAnalyzer()
): Promise<void> {
	if (serviceIds.length === 0) return;
	await analyzer.load();
	const { documents, removed } = buildDocuments(db, analyzer, serviceIds);
	if (documents.length > 0) await engine.upsert(documents);
	if (removed.length > 0) await engine.remove(removed);
}

/** Brings an engine up to date for the given events (public → upsert, otherwise remove). */
export async function syncEvents(db: AppDatabase, engine: SearchEngine, eventIds: string[], analyzer: ReadingAnalyzer = readingAnalyzer()): Promise<void> {
	if (eventIds.length === 0) return;
	await analyzer.load();
	const { documents, removed } = buildEventDocuments(db, analyzer, eventIds);
	if (documents.length > 0) await engine.upsertEvents(documents);
	if (removed.length > 0) await engine.removeEvents(removed);
}
