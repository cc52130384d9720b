import type { AppDatabase } from '../db';
import type { SearchEngine } from './engine';
import { buildDocuments, forEachDocumentBatch } from './documents';
import { EmbeddedSearchEngine } from './embedded';

/** Rebuilds the embedded index from the listings (at set-up, after imports). */
export async function rebuildEmbeddedIndex(db: AppDatabase, engine = new EmbeddedSearchEngine(db)): Promise<number> {
	await engine.clear();
	let count = 0;
	const batches: Parameters<SearchEngine['upsert']>[0][] = [];
	forEachDocumentBatch(db, 5000, (docs) => batches.push(docs));
	for (const docs of batches) {
		await engine.upsert(docs);
		count += docs.length;
	}
	return count;
}

/** Brings an engine up to date for the given listings (published → upsert, otherwise remove). */
export async function syncListings(db: AppDatabase, engine: SearchEngine, serviceIds: string[]): Promise<void> {
	const { documents, removed } = buildDocuments(db, serviceIds);
	if (documents.length > 0) await engine.upsert(documents);
	if (removed.length > 0) await engine.remove(removed);
}
