/**
 * Drains the transactional outbox (search_outbox) into Meilisearch without losing a change.
 *
 * Every write to a listing adds an outbox row in its own SQLite transaction (SearchSync.enqueue).
 * This worker reads pending rows in order, builds the listings' documents from the database as it
 * is now (so a row is idempotent and many rows for one listing become one document), sends them,
 * waits for Meilisearch's tasks, and marks exactly those rows done only when every task succeeded.
 * When Meilisearch is down it retries with exponential backoff; the rows wait in SQLite meanwhile.
 */
import type { AppDatabase } from '../../db';
import type { OutboxConsumer } from '../sync';
import { buildDocuments, countPublished } from '../documents';
import { readingAnalyzer, type ReadingAnalyzer } from '../readings';
import type { MeilisearchSearchEngine } from './engine';
import { reindexMeilisearch } from './reindex';
import { allEventDocuments, buildEventDocuments, publicEventVersions } from '../event-documents';

export interface OutboxWorkerOptions {
	batchSize?: number;
	minBackoffMs?: number;
	maxBackoffMs?: number;
	analyzer?: ReadingAnalyzer;
	log?: (message: string) => void;
}

interface OutboxRow {
	id: number;
	/** The listing's id, or the event's. */
	serviceId: string;
	entity: 'service' | 'event';
}

export class MeilisearchOutboxWorker implements OutboxConsumer {
	private running: Promise<void> | null = null;
	private runAgain = false;
	private retryTimer: NodeJS.Timeout | null = null;
	private failures = 0;
	private stopped = false;
	private readonly batchSize: number;
	private readonly minBackoffMs: number;
	private readonly maxBackoffMs: number;
	private readonly analyzer: ReadingAnalyzer;
	private readonly log: (message: string) => void;

	constructor(
		private readonly db: AppDatabase,
		private readonly engine: MeilisearchSearchEngine,
		options: OutboxWorkerOptions = {}
	) {
		this.batchSize = options.batchSize ?? 1000;
		this.minBackoffMs = options.minBackoffMs ?? 250;
		this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
		this.analyzer = options.analyzer ?? readingAnalyzer();
		this.log = options.log ?? ((message) => console.warn(message));
	}

	/** Rows not yet confirmed by Meilisearch. */
	pendingCount(): number {
		return this.db.$client.prepare('SELECT count(*) FROM search_outbox WHERE done_at IS NULL').pluck().get() as number;
	}

	/** Consecutive failed attempts since the last success (0 when healthy). */
	get failureCount(): number {
		return this.failures;
	}

	wake(): void {
		if (this.stopped || this.retryTimer) return; // a retry is already scheduled
		void this.drain();
	}

	drain(): Promise<void> {
		if (this.running) {
			this.runAgain = true;
			return this.running;
		}
		this.running = (async () => {
			try {
				do {
					this.runAgain = false;
					while (!this.stopped && (await this.pushBatch()));
				} while (this.runAgain && !this.stopped);
				this.failures = 0;
				if (this.retryTimer) clearTimeout(this.retryTimer);
				this.retryTimer = null;
			} catch (error) {
				this.failures++;
				this.scheduleRetry(error as Error);
			} finally {
				this.running = null;
			}
		})();
		return this.running;
	}

	/**
	 * At start: push what the outbox holds, then compare the index with SQLite (id and updated_at)
	 * and queue whatever differs, so a lost Meilisearch volume or a missed row heals itself. An
	 * empty index gets a full reindex instead.
	 */
	async catchUp(): Promise<void> {
		this.pruneDone();
		await this.drain();
		if (this.failures > 0) return;
		try {
			const indexed = await this.engine.indexedVersions();
			if (indexed.size === 0 && countPublished(this.db) > 0) {
				const { count } = await reindexMeilisearch(this.db, this.engine, { analyzer: this.analyzer, worker: this });
				this.log(`search: meilisearch index was empty; reindexed ${count} listings`);
				return;
			}
			const published = this.db.$client
				.prepare("SELECT id, updated_at AS updatedAt FROM services WHERE status = 'published'")
				.all() as Array<{ id: string; updatedAt: string }>;
			const stale = published.filter((row) => indexed.get(row.id) !== row.updatedAt).map((row) => row.id);
			const publishedIds = new Set(published.map((row) => row.id));
			const extra = [...indexed.keys()].filter((id) => !publishedIds.has(id));
			if (stale.length + extra.length > 0) {
				this.log(`search: meilisearch differs from the database on ${stale.length + extra.length} listings; catching up`);
				this.enqueue([...stale, ...extra]);
				await this.drain();
			}
			await this.catchUpEvents();
		} catch (error) {
			this.failures++;
			this.scheduleRetry(error as Error);
		}
	}

	/** The events index compared with the public events the same way (an empty one is filled whole). */
	private async catchUpEvents(): Promise<void> {
		const indexed = await this.engine.events.indexedVersions();
		const current = publicEventVersions(this.db);
		if (indexed.size === 0 && current.size > 0) {
			await this.analyzer.load();
			await this.engine.events.replaceAll(allEventDocuments(this.db, this.analyzer));
			return;
		}
		const differing = [...current].filter(([id, updatedAt]) => indexed.get(id) !== updatedAt).map(([id]) => id);
		differing.push(...[...indexed.keys()].filter((id) => !current.has(id)));
		if (differing.length === 0) return;
		this.enqueue(differing, 'event');
		await this.drain();
	}

	/** Adds outbox rows outside a listing write (catch-up, reindex). */
	enqueue(ids: string[], entity: 'service' | 'event' = 'service'): void {
		const insert = this.db.$client.prepare("INSERT INTO search_outbox (service_id, entity, op, created_at) VALUES (?, ?, 'upsert', ?)");
		const now = new Date().toISOString();
		this.db.$client.transaction(() => {
			for (const id of ids) insert.run(id, entity, now);
		})();
	}

	/** Stops retrying (shutdown, tests). */
	stop(): void {
		this.stopped = true;
		if (this.retryTimer) clearTimeout(this.retryTimer);
		this.retryTimer = null;
	}

	/** Sends one batch; false when nothing was pending. Throws when Meilisearch did not confirm. */
	private async pushBatch(): Promise<boolean> {
		const sqlite = this.db.$client;
		const rows = sqlite
			.prepare('SELECT id, service_id AS serviceId, entity FROM search_outbox WHERE done_at IS NULL ORDER BY id LIMIT ?')
			.all(this.batchSize) as OutboxRow[];
		if (rows.length === 0) return false;
		const rowIds = JSON.stringify(rows.map((row) => row.id));
		const idsOf = (entity: OutboxRow['entity']) => [...new Set(rows.filter((row) => row.entity === entity).map((row) => row.serviceId))];
		try {
			await this.analyzer.load();
			const { documents, removed } = buildDocuments(this.db, this.analyzer, idsOf('service'));
			await this.engine.upsert(documents);
			await this.engine.remove(removed);
			const events = buildEventDocuments(this.db, this.analyzer, idsOf('event'));
			await this.engine.upsertEvents(events.documents);
			await this.engine.removeEvents(events.removed);
		} catch (error) {
			sqlite
				.prepare('UPDATE search_outbox SET attempts = attempts + 1, last_error = ? WHERE id IN (SELECT value FROM json_each(?))')
				.run(String((error as Error).message).slice(0, 500), rowIds);
			throw error;
		}
		sqlite
			.prepare('UPDATE search_outbox SET done_at = ?, last_error = NULL WHERE id IN (SELECT value FROM json_each(?))')
			.run(new Date().toISOString(), rowIds);
		return true;
	}

	private scheduleRetry(error: Error): void {
		if (this.stopped) return;
		const delay = Math.min(this.maxBackoffMs, this.minBackoffMs * 2 ** (this.failures - 1));
		const jittered = Math.round(delay * (0.75 + Math.random() * 0.5));
		if (this.failures === 1 || this.failures % 10 === 0) {
			this.log(`search: meilisearch sync failed (${error.message}); ${this.pendingCount()} changes wait in the outbox, retrying in ${jittered} ms`);
		}
		if (this.retryTimer) clearTimeout(this.retryTimer);
		this.retryTimer = setTimeout(() => {
			this.retryTimer = null;
			void this.drain();
		}, jittered);
		this.retryTimer.unref();
	}

	/** Deletes confirmed rows older than the given age (the outbox is not an archive). */
	pruneDone(olderThanMs = 7 * 24 * 3600 * 1000): number {
		const cutoff = new Date(Date.now() - olderThanMs).toISOString();
		return this.db.$client.prepare('DELETE FROM search_outbox WHERE done_at IS NOT NULL AND done_at < ?').run(cutoff).changes;
	}
}
