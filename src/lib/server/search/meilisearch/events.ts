/**
 * Events in Meilisearch: their own index (`<index>_events`) of public events with the text the
 * embedded engine indexes (canonical title and text, hiragana reading and its sound key), searched
 * with every word required. A kana word may match by sound instead: a second query with sound keys.
 */
import type { Meilisearch, MultiSearchQuery, Settings } from 'meilisearch';
import { eventIndexedText, type EventQueryWord, type EventSearchDocument } from '../../../domain/text/event-text';
import { meilisearchErrorCode } from './http-client';

interface MeiliEventDocument {
	id: string;
	title: string;
	reading: string;
	sound: string;
	body: string;
	updatedAt: string;
}

const SETTINGS: Settings = {
	searchableAttributes: ['title', 'reading', 'sound', 'body'],
	displayedAttributes: ['id', 'updatedAt'],
	// Kanji-only text is otherwise taken for Chinese, and would never meet kana text.
	localizedAttributes: [{ attributePatterns: ['*'], locales: ['jpn'] }],
	pagination: { maxTotalHits: 10_000 }
};

function toMeiliEvent(doc: EventSearchDocument): MeiliEventDocument {
	return { id: doc.id, ...eventIndexedText(doc), updatedAt: doc.updatedAt };
}

/** What the event index needs of the engine: its client, and waiting for a task to succeed. */
export interface MeiliTaskRunner {
	readonly client: Meilisearch;
	confirm(task: Promise<{ taskUid: number }>): Promise<unknown>;
}

export class MeilisearchEventIndex {
	private ready: Promise<void> | null = null;

	constructor(
		private readonly engine: MeiliTaskRunner,
		readonly uid: string
	) {}

	private async create(uid: string): Promise<void> {
		try {
			await this.engine.client.getRawIndex(uid);
		} catch (error) {
			if (meilisearchErrorCode(error) !== 'index_not_found') throw error;
			await this.engine.confirm(this.engine.client.createIndex(uid, { primaryKey: 'id' }));
		}
		await this.engine.confirm(this.engine.client.index(uid).updateSettings(SETTINGS));
	}

	/** Creates the index with its settings once per process. */
	ensure(): Promise<void> {
		this.ready ??= this.create(this.uid).catch((error) => {
			this.ready = null;
			throw error;
		});
		return this.ready;
	}

	async upsert(documents: EventSearchDocument[]): Promise<void> {
		if (documents.length === 0) return;
		await this.ensure();
		await this.engine.confirm(this.engine.client.index(this.uid).addDocuments(documents.map(toMeiliEvent), { primaryKey: 'id' }));
	}

	async remove(eventIds: string[]): Promise<void> {
		if (eventIds.length === 0) return;
		await this.ensure();
		await this.engine.confirm(this.engine.client.index(this.uid).deleteDocuments(eventIds));
	}

	async search(words: EventQueryWord[], limit: number): Promise<string[]> {
		if (words.length === 0) return [];
		await this.ensure();
		const common = { indexUid: this.uid, locales: ['jpn'] as ['jpn'], matchingStrategy: 'all' as const, attributesToRetrieve: ['id'], limit };
		const queries: MultiSearchQuery[] = [{ ...common, q: words.map((word) => word.text).join(' '), attributesToSearchOn: ['title', 'reading', 'body'] }];
		if (words.some((word) => word.sound)) queries.push({ ...common, q: words.map((word) => word.sound ?? word.text).join(' ') });
		const answer = await this.engine.client.multiSearch({ queries });
		const ids = new Set<string>();
		for (const result of answer.results) for (const hit of result.hits) ids.add(String(hit.id));
		return [...ids].slice(0, limit);
	}

	/** id → updatedAt of every indexed event (to reconcile with SQLite). */
	async indexedVersions(): Promise<Map<string, string>> {
		await this.ensure();
		const page = await this.engine.client.index(this.uid).getDocuments<MeiliEventDocument>({ fields: ['id', 'updatedAt'], limit: 100_000 });
		return new Map(page.results.map((doc) => [doc.id, doc.updatedAt]));
	}

	/** Replaces the whole index at once (a new index swapped in), as the listings' reindex does. */
	async replaceAll(documents: EventSearchDocument[]): Promise<void> {
		const { client } = this.engine;
		const staging = `${this.uid}_reindex_${Date.now()}`;
		await this.create(staging);
		if (documents.length > 0) await this.engine.confirm(client.index(staging).addDocuments(documents.map(toMeiliEvent), { primaryKey: 'id' }));
		let liveExists = true;
		try {
			await client.getRawIndex(this.uid);
		} catch (error) {
			if (meilisearchErrorCode(error) !== 'index_not_found') throw error;
			liveExists = false;
		}
		await this.engine.confirm(client.swapIndexes([{ indexes: liveExists ? [this.uid, staging] : [staging, this.uid], rename: !liveExists }]));
		if (liveExists) await this.engine.confirm(client.deleteIndex(staging));
	}
}
