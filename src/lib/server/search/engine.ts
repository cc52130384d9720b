import type { SearchDocument, SearchQuery, SearchResult } from '../../domain/search';
import type { QueryPlan } from '../../domain/text/query-plan';
import type { EventQueryWord, EventSearchDocument } from '../../domain/text/event-text';

/**
 * One interface, two implementations: the embedded SQLite engine (default, needs no server) and
 * Meilisearch (for cities that outgrow it). Both receive documents built by the same indexer and
 * queries planned by the same Japanese text module (SearchService plans once, either engine runs
 * the plan).
 */
export interface SearchEngine {
	readonly name: 'embedded' | 'meilisearch';
	/**
	 * `query.area`, when set, is already resolved to an area id. `plan` is the planned `query.q`
	 * (SearchService passes it); without it the engine plans with the dictionaries alone.
	 */
	search(query: SearchQuery, plan?: QueryPlan | null): Promise<SearchResult>;
	/** Adds or replaces documents (published listings). */
	upsert(documents: SearchDocument[]): Promise<void>;
	/** Removes listings (unpublished, archived, deleted) from the index. */
	remove(serviceIds: string[]): Promise<void>;
	/** Number of indexed documents. */
	count(): Promise<number>;
	/** Ids of public events whose title, reading or text hold every word (see eventQueryWords), at most `limit`. */
	searchEvents(words: EventQueryWord[], limit: number): Promise<string[]>;
	/** Adds or replaces events (public ones). */
	upsertEvents(documents: EventSearchDocument[]): Promise<void>;
	/** Removes events (no longer public, or deleted). */
	removeEvents(eventIds: string[]): Promise<void>;
}
