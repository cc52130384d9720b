import type { SearchDocument, SearchQuery, SearchResult } from '../../domain/search';

/**
 * One interface, two implementations: the embedded SQLite engine (default, needs no server) and
 * Meilisearch (for cities that outgrow it). Both receive documents built by the same indexer and
 * queries normalised by the same Japanese text module.
 */
export interface SearchEngine {
	readonly name: 'embedded' | 'meilisearch';
	/** `query.area`, when set, is already resolved to an area id. */
	search(query: SearchQuery): Promise<SearchResult>;
	/** Adds or replaces documents (published listings). */
	upsert(documents: SearchDocument[]): Promise<void>;
	/** Removes listings (unpublished, archived, deleted) from the index. */
	remove(serviceIds: string[]): Promise<void>;
	/** Number of indexed documents. */
	count(): Promise<number>;
}
