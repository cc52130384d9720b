/**
 * The embedded engine: SQLite FTS5 over character bigrams for text, and an in-memory column of
 * the indexed documents for filters, facets, distance and sorting. Needs no server; the SQLite
 * file is the index, so it survives restarts and is shared with the CLI scripts.
 */
import type { AppDatabase } from '../db';
import type { SearchEngine } from './engine';
import type { SearchDocument, SearchHit, SearchQuery, SearchResult } from '../../domain/search';
import { bigramTokens, foldForSearch, textRuns } from '../../domain/text/normalize';
import { haversineMeters } from '../../domain/geo';
import { isOpenNow, isOpenOnWeekday } from './filters';
import { emptyFacets, countFacets } from './facets';

/** bm25 weights of the FTS columns: name, kana, keywords, body. */
const COLUMN_WEIGHTS = [10, 6, 3, 1];

interface IndexedDocument {
	rowid: number;
	doc: SearchDocument;
}

function ftsColumns(doc: SearchDocument): [string, string, string, string] {
	const grams = (text: string) => bigramTokens(foldForSearch(text)).join(' ');
	return [
		grams(doc.name),
		grams(doc.kana),
		grams([...doc.termNames, ...doc.tags, doc.organizationName, ...doc.areaNames, doc.field].join(' ')),
		grams(`${doc.description} ${doc.address}`)
	];
}

/**
 * FTS5 expression for folded query terms: each run becomes a phrase of its consecutive bigrams
 * (a substring match); a one-character run becomes a prefix query over bigrams and end unigrams.
 * Runs are ANDed. Returns null when nothing searchable is left.
 */
export function ftsExpression(terms: string[]): string | null {
	const parts: string[] = [];
	for (const term of terms) {
		for (const run of textRuns(foldForSearch(term))) {
			const chars = Array.from(run);
			if (chars.length === 1) parts.push(`"${run}"*`);
			else parts.push(`"${bigramTokens(run).slice(0, -1).join(' ')}"`);
		}
	}
	return parts.length > 0 ? parts.join(' AND ') : null;
}

export class EmbeddedSearchEngine implements SearchEngine {
	readonly name = 'embedded' as const;
	private documents = new Map<number, IndexedDocument>();
	private rowidById = new Map<string, number>();
	private nameOrder: Map<number, number> | null = null;
	private loadedVersion = -1;
	private readonly collator = new Intl.Collator('ja');

	constructor(private readonly db: AppDatabase) {}

	/** Reloads the in-memory columns when another connection (a CLI reindex) changed the file. */
	private ensureLoaded(): void {
		const version = this.db.$client.pragma('data_version', { simple: true }) as number;
		if (version === this.loadedVersion) return;
		this.documents.clear();
		this.rowidById.clear();
		const rows = this.db.$client.prepare('SELECT rowid, doc FROM search_docs').raw().all() as Array<[number, string]>;
		for (const [rowid, json] of rows) {
			const doc = JSON.parse(json) as SearchDocument;
			this.documents.set(rowid, { rowid, doc });
			this.rowidById.set(doc.id, rowid);
		}
		this.nameOrder = null;
		this.loadedVersion = version;
	}

	/** Rank of each document in よみがな order, computed once per change of the index. */
	private nameRanks(): Map<number, number> {
		if (!this.nameOrder) {
			const sorted = [...this.documents.values()].sort((a, b) =>
				this.collator.compare(a.doc.kana || a.doc.name, b.doc.kana || b.doc.name)
			);
			this.nameOrder = new Map(sorted.map((entry, index) => [entry.rowid, index]));
		}
		return this.nameOrder;
	}

	async upsert(documents: SearchDocument[]): Promise<void> {
		this.ensureLoaded();
		const sqlite = this.db.$client;
		const findRow = sqlite.prepare('SELECT rowid FROM search_docs WHERE service_id = ?').pluck();
		const insertDoc = sqlite.prepare('INSERT INTO search_docs (service_id, service_updated_at, doc) VALUES (?, ?, ?)');
		const updateDoc = sqlite.prepare('UPDATE search_docs SET service_updated_at = ?, doc = ? WHERE rowid = ?');
		const deleteFts = sqlite.prepare('DELETE FROM search_fts WHERE rowid = ?');
		const insertFts = sqlite.prepare('INSERT INTO search_fts (rowid, name, kana, keywords, body) VALUES (?, ?, ?, ?, ?)');
		sqlite.transaction(() => {
			for (const doc of documents) {
				const json = JSON.stringify(doc);
				let rowid = findRow.get(doc.id) as number | undefined;
				if (rowid === undefined) {
					rowid = Number(insertDoc.run(doc.id, doc.updatedAt, json).lastInsertRowid);
				} else {
					updateDoc.run(doc.updatedAt, json, rowid);
					deleteFts.run(rowid);
				}
				insertFts.run(rowid, ...ftsColumns(doc));
				this.documents.set(rowid, { rowid, doc });
				this.rowidById.set(doc.id, rowid);
			}
		})();
		this.nameOrder = null;
	}

	async remove(serviceIds: string[]): Promise<void> {
		this.ensureLoaded();
		const sqlite = this.db.$client;
		const findRow = sqlite.prepare('SELECT rowid FROM search_docs WHERE service_id = ?').pluck();
		const deleteDoc = sqlite.prepare('DELETE FROM search_docs WHERE rowid = ?');
		const deleteFts = sqlite.prepare('DELETE FROM search_fts WHERE rowid = ?');
		sqlite.transaction(() => {
			for (const id of serviceIds) {
				const rowid = findRow.get(id) as number | undefined;
				if (rowid === undefined) continue;
				deleteDoc.run(rowid);
				deleteFts.run(rowid);
				this.documents.delete(rowid);
				this.rowidById.delete(id);
			}
		})();
		this.nameOrder = null;
	}

	/** Empties the index (before a full rebuild). */
	async clear(): Promise<void> {
		this.db.$client.exec('DELETE FROM search_docs; DELETE FROM search_fts;');
		this.documents.clear();
		this.rowidById.clear();
		this.nameOrder = null;
	}

	async count(): Promise<number> {
		this.ensureLoaded();
		return this.documents.size;
	}

	/** rowid → bm25 score (lower is better) of documents matching the text, or null for no text. */
	private textMatches(q: string | undefined): Map<number, number> | null {
		if (!q) return null;
		const expression = ftsExpression(q.split(/\s+/));
		if (!expression) return null;
		const rows = this.db.$client
			.prepare(`SELECT rowid, bm25(search_fts, ${COLUMN_WEIGHTS.join(', ')}) FROM search_fts WHERE search_fts MATCH ?`)
			.raw()
			.all(expression) as Array<[number, number]>;
		return new Map(rows);
	}

	async search(query: SearchQuery): Promise<SearchResult> {
		this.ensureLoaded();
		const scores = this.textMatches(query.q);
		const candidates: Iterable<IndexedDocument> = scores
			? [...scores.keys()].map((rowid) => this.documents.get(rowid)).filter((entry): entry is IndexedDocument => !!entry)
			: this.documents.values();
		const origin = query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : null;
		const radiusM = query.radiusKm !== undefined ? query.radiusKm * 1000 : null;
		const now = query.now ?? new Date();
		const matched: Array<{ entry: IndexedDocument; distance: number | null }> = [];
		const facets = emptyFacets();
		for (const entry of candidates) {
			const doc = entry.doc;
			if (query.field && doc.field !== query.field) continue;
			if (query.term && !doc.terms.includes(query.term)) continue;
			if (query.area && !doc.areaIds.includes(query.area)) continue;
			if (query.target && !doc.targets.includes(query.target)) continue;
			if (query.desk && !doc.desk) continue;
			if (query.weekday !== undefined && !isOpenOnWeekday(doc, query.weekday)) continue;
			if (query.openNow && !isOpenNow(doc, now)) continue;
			let distance: number | null = null;
			if (origin) {
				distance = doc.lat !== null && doc.lng !== null ? haversineMeters(origin, { lat: doc.lat, lng: doc.lng }) : null;
				if (radiusM !== null && (distance === null || distance > radiusM)) continue;
			}
			matched.push({ entry, distance });
			countFacets(facets, doc);
		}
		const names = this.nameRanks();
		const byName = (a: { entry: IndexedDocument }, b: { entry: IndexedDocument }) =>
			(names.get(a.entry.rowid) ?? 0) - (names.get(b.entry.rowid) ?? 0);
		if (query.sort === 'distance' && origin) {
			matched.sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity) || byName(a, b));
		} else if (query.sort === 'name' || !scores) {
			matched.sort(byName);
		} else {
			matched.sort((a, b) => scores.get(a.entry.rowid)! - scores.get(b.entry.rowid)! || byName(a, b));
		}
		const start = (query.page - 1) * query.perPage;
		const hits = matched.slice(start, start + query.perPage).map(({ entry, distance }) => toHit(entry.doc, distance));
		return { total: matched.length, page: query.page, per_page: query.perPage, hits, facets };
	}
}

export function toHit(doc: SearchDocument, distance: number | null): SearchHit {
	const hit: SearchHit = {
		id: doc.id,
		name: doc.name,
		kana: doc.kana,
		field: doc.field,
		terms: doc.terms,
		address: doc.address,
		lat: doc.lat,
		lng: doc.lng,
		desk: doc.desk
	};
	if (distance !== null) hit.distance_m = Math.round(distance);
	return hit;
}
