/**
 * Keeps the search indexes in step with the listings and the events.
 *
 * Write paths call `enqueue(ids)` inside their SQLite transaction and `afterCommit(ids)` after
 * it. The embedded index (same SQLite file) is updated right after the commit; `catchUp()` at
 * start repairs anything a crash between the two left behind, by comparing services.updated_at
 * with what the index holds. External engines (Meilisearch) are fed from the outbox rows written
 * in the same transaction as the change, so nothing is lost when they are down. A listing's events
 * follow the listing (their visibility and text depend on it); events' own writes call
 * `enqueueEvents` and `afterCommitEvents` the same way.
 */
import { connectionMode, type AppDatabase } from '../db';
import { syncEvents, syncListings } from './indexer';
import { eventIdsOfListings, staleEmbeddedEventIds } from './event-documents';
import type { EmbeddedSearchEngine } from './embedded';
import { readingAnalyzer, type ReadingAnalyzer } from './readings';

/** Something that drains the outbox into an external engine (see meilisearch/outbox-worker). */
export interface OutboxConsumer {
	/** Asks the consumer to push pending rows soon; never throws. */
	wake(): void;
	/** Pushes everything pending now; resolves when done or when the engine is unreachable. */
	drain(): Promise<void>;
	/** At start: drain, then repair whatever else differs from the database; never throws. */
	catchUp?(): Promise<void>;
}

/**
 * Published listings whose (id, updated_at) the index does not hold (missing or behind), then
 * indexed listings no longer published. Reads two small covering indexes
 * (services_status_updated, search_docs_service_updated), not the wide rows: at 100k listings a
 * join through search_docs read every row's page at each start.
 */
const STALE_INDEX_SQL = `
SELECT id FROM (
  SELECT id, updated_at FROM services WHERE status = 'published'
  EXCEPT
  SELECT service_id, service_updated_at FROM search_docs
)
UNION ALL
SELECT service_id FROM search_docs WHERE service_id NOT IN (SELECT id FROM services WHERE status = 'published')`;

export class SearchSync {
	constructor(
		private readonly db: AppDatabase,
		private readonly embedded: EmbeddedSearchEngine,
		readonly outbox: OutboxConsumer | null = null,
		private readonly analyzer: ReadingAnalyzer = readingAnalyzer()
	) {}

	/**
	 * Call inside the write transaction: records the change for the external engine, so it commits
	 * or rolls back with the change itself. Nothing to record when only the embedded engine runs.
	 */
	enqueue(serviceIds: string[], op: 'upsert' | 'delete' = 'upsert'): void {
		if (!this.outbox) return;
		this.insertOutboxRows('service', serviceIds, op);
		this.insertOutboxRows('event', eventIdsOfListings(this.db, serviceIds), 'upsert');
	}

	/** enqueue for events (inside the event's write transaction); the worker upserts or removes each as it then is. */
	enqueueEvents(eventIds: string[]): void {
		if (this.outbox) this.insertOutboxRows('event', eventIds, 'upsert');
	}

	private insertOutboxRows(entity: 'service' | 'event', ids: string[], op: 'upsert' | 'delete'): void {
		const insert = this.db.$client.prepare('INSERT INTO search_outbox (service_id, entity, op, created_at) VALUES (?, ?, ?, ?)');
		const now = new Date().toISOString();
		for (const id of ids) insert.run(id, entity, op, now);
	}

	/** Call after the transaction committed: the embedded index follows at once, the outbox soon. */
	async afterCommit(serviceIds: string[]): Promise<void> {
		try {
			await syncListings(this.db, this.embedded, serviceIds, this.analyzer);
			await syncEvents(this.db, this.embedded, eventIdsOfListings(this.db, serviceIds), this.analyzer);
		} finally {
			this.outbox?.wake();
		}
	}

	/** afterCommit for events. */
	async afterCommitEvents(eventIds: string[]): Promise<void> {
		try {
			await syncEvents(this.db, this.embedded, eventIds, this.analyzer);
		} finally {
			this.outbox?.wake();
		}
	}

	/** Listings whose embedded index entry is missing, outdated or should be gone. */
	staleListingIds(): string[] {
		return this.db.$client.prepare(STALE_INDEX_SQL).pluck().all() as string[];
	}

	/** At start: repair the embedded index and bring the external engine up to date. */
	async catchUp(): Promise<{ embeddedRepaired: number }> {
		if (connectionMode(this.db) !== 'read-write') {
			// A read-only database: searched as it is; repaired once it is writable again (reopenDatabase).
			this.embedded.warm();
			return { embeddedRepaired: 0 };
		}
		const stale = this.staleListingIds();
		if (stale.length > 0) await syncListings(this.db, this.embedded, stale, this.analyzer);
		const staleEvents = staleEmbeddedEventIds(this.db);
		if (staleEvents.length > 0) await syncEvents(this.db, this.embedded, staleEvents, this.analyzer);
		this.embedded.warm();
		if (this.outbox) await (this.outbox.catchUp ? this.outbox.catchUp() : this.outbox.drain());
		return { embeddedRepaired: stale.length + staleEvents.length };
	}
}
