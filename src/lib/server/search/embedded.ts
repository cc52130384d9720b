/**
 * The embedded engine: SQLite FTS5 over character bigrams for text, and an in-memory column of
 * the indexed documents for filters, facets, distance and sorting. Needs no server; the SQLite
 * file is the index, so it survives restarts and is shared with the CLI scripts. It also keeps the
 * corpus lexicon (the listings' words and readings) that query planning uses for both engines.
 */
import type { Statement } from 'better-sqlite3';
import { onReopen, type AppDatabase } from '../db';
import type { SearchEngine } from './engine';
import type { SearchDocument, SearchQuery, SearchResult } from '../../domain/search';
import type { RubySpan } from '../../domain/ruby';
import type { PlanLevel, QueryPlan } from '../../domain/text/query-plan';
import { bigramTokens, foldForSearch, textRuns } from '../../domain/text/normalize';
import { foldCanonical } from '../../domain/text/dictionaries';
import { indexedText, nameSortKey } from '../../domain/text/index-text';
import { Lexicon, lexiconEntry, type LexiconEntry } from '../../domain/text/lexicon';
import { KindAssociations } from '../../domain/text/kind-associations';

import { haversineMeters, type LatLng } from '../../domain/geo';
import { toHit } from './hits';
import { hourOfWeekInJapan, isOpenAtClock, isOpenThroughoutHour, japanClock, openDaysOf, openHoursOf, sessionWindows, weekIntervals, type SessionWindow } from './filters';
import { emptyFacets, countFacets } from './facets';
import type { SearchFacets } from '../../domain/search';
import { basicPlan, inTurns } from './planner';
import { EmbeddedEventIndex } from './embedded-events';
import type { EventQueryWord, EventSearchDocument } from '../../domain/text/event-text';

/** Most listings the sign → kind associations are learned from: start-up stays bounded (~0.2 s for 3,000 on this machine). */
const ASSOCIATION_SAMPLE = 5_000;
/** After a write, the associations are learned again once writes pause this long (a bulk import rebuilds once). */
export const ASSOCIATION_REFRESH_MS = 2_000;

const METERS_PER_DEGREE_LATITUDE = 111_320;

/**
 * The part of a document the engine keeps in memory: what filters, facets, order and hits read.
 * Descriptions, names of terms and areas, and the lexicon words stay in SQLite (search_docs.doc),
 * which keeps 100k listings in a few hundred MB.
 */
type ResidentDoc = Pick<
	SearchDocument,
	'id' | 'name' | 'kana' | 'field' | 'terms' | 'tags' | 'targets' | 'address' | 'areaIds' | 'district' | 'lat' | 'lng' | 'desk' | 'hours' | 'sessions'
>;

/** search_docs.resident: the resident document and everything derived from the whole one, computed once at index time. */
interface ResidentRecord {
	doc: ResidentDoc;
	sortKey: string;
	/** Folded name + readings, and folded keywords (the attribute rank). */
	nameText: string;
	keywordText: string;
	/** Hours of the week (hourBits) the listing may be open in (openHoursOf), and is open throughout. */
	openHours: string;
	throughoutHours: string;
	/** Weekdays open or meeting, bit per weekday (0 = Sunday). */
	openDays: number;
}

const HOURS_PER_WEEK = 168;

/** A set of hours of the week as 42 hex digits (4 hours a digit): small in JSON and in memory. */
function hourBits(hours: Iterable<number>): string {
	const digits = new Uint8Array(HOURS_PER_WEEK / 4);
	for (const hour of hours) digits[hour >> 2] |= 1 << (hour & 3);
	return Array.from(digits, (digit) => digit.toString(16)).join('');
}

function hasHour(bits: string, hour: number): boolean {
	return ((parseInt(bits[hour >> 2], 16) >> (hour & 3)) & 1) === 1;
}

function residentRecord(doc: SearchDocument, text = indexedText(doc)): ResidentRecord {
	const { id, name, kana, field, terms, tags, targets, address, areaIds, district, lat, lng, desk, hours, sessions } = doc;
	const openHours = openHoursOf(doc);
	const intervals = weekIntervals(doc);
	return {
		doc: { id, name, kana, field, terms, tags, targets, address, areaIds, district, lat, lng, desk, hours, sessions },
		sortKey: nameSortKey(doc),
		nameText: foldForSearch(`${text.name} ${text.reading}`),
		keywordText: foldForSearch(text.keywords),
		openHours: hourBits(openHours),
		throughoutHours: hourBits(openHours.filter((hour) => isOpenThroughoutHour(intervals, hour))),
		openDays: openDaysOf(doc).reduce((bits, weekday) => bits | (1 << weekday), 0)
	};
}

/**
 * One copy of each value many listings repeat (term codes, tags, area ids, opening-hour spans …):
 * JSON.parse makes a new string or object for every occurrence, which at 100k listings is most of
 * the engine's memory. Shared values are never mutated.
 */
class SharedValues {
	private readonly strings = new Map<string, string>();
	private readonly values = new Map<string, unknown>();

	string(value: string): string {
		const known = this.strings.get(value);
		if (known !== undefined) return known;
		this.strings.set(value, value);
		return value;
	}

	/** The same object for the same key. */
	private value<T>(key: string, value: T): T {
		const known = this.values.get(key);
		if (known !== undefined) return known as T;
		this.values.set(key, value);
		return value;
	}

	private stringList<T extends string>(kind: string, values: T[]): T[] {
		return this.value(`${kind}\u0000${values.join('\u0001')}`, values);
	}

	record(record: ResidentRecord): ResidentRecord {
		const doc = record.doc;
		doc.field = this.string(doc.field) as typeof doc.field;
		doc.terms = this.stringList('terms', doc.terms);
		doc.tags = this.stringList('tags', doc.tags);
		doc.targets = this.stringList('targets', doc.targets);
		doc.areaIds = this.stringList('areas', doc.areaIds);
		if (doc.district) doc.district = this.string(doc.district);
		doc.hours = this.value(`hours\u0000${doc.hours.map((span) => `${span.weekday}${span.opensAt}${span.closesAt}`).join('\u0001')}`, doc.hours);
		if (doc.sessions.length > 0) doc.sessions = this.value(`sessions\u0000${JSON.stringify(doc.sessions)}`, doc.sessions);
		record.keywordText = this.string(record.keywordText);
		record.openHours = this.string(record.openHours);
		record.throughoutHours = this.string(record.throughoutHours);
		return record;
	}
}

interface IndexedDocument {
	rowid: number;
	doc: ResidentDoc;
	sortKey: string;
	/** Position in よみがな order (set when the derived indexes are built). */
	nameRank: number;
	/** See ResidentRecord. */
	openDays: number;
	openHours: string;
	throughoutHours: string;
	nameText: string;
	keywordText: string;
	/** Computed on first use (the exact open-now check): weekly hours as minute intervals, sessions with parsed times. */
	intervals?: Array<[number, number]>;
	windows?: SessionWindow[];
}

function intervals(entry: IndexedDocument): Array<[number, number]> {
	return (entry.intervals ??= weekIntervals(entry.doc));
}

function windows(entry: IndexedDocument): SessionWindow[] {
	return (entry.windows ??= sessionWindows(entry.doc));
}

/** 0: every word is in the name or reading; 1: in the keywords (terms, tags, organisation); 2: elsewhere. */
function attributeRank(nameText: string, keywordText: string, foldedWords: string[]): number {
	if (foldedWords.every((word) => nameText.includes(word))) return 0;
	return foldedWords.every((word) => nameText.includes(word) || keywordText.includes(word)) ? 1 : 2;
}

/**
 * A list of documents by nameRank, ascending and without repeats (a document with a term twice is
 * listed once).
 */
type RankList = number[];

/**
 * Everything a search reads, by nameRank (a document's position in よみがな order): filter lists
 * (so a filtered search reads only its candidates) and columns in typed arrays, read in the search
 * loop instead of following entry → doc pointers (cache misses dominate a loop over 30k+ candidates).
 */
interface DerivedIndexes {
	/** Every document in よみがな order, and the facets of all of them (the unfiltered list). */
	sorted: IndexedDocument[];
	allFacets: SearchFacets;
	facetSlots: FacetSlots;
	/** rowid → nameRank (-1: no such document): FTS answers rowids. */
	rankOfRowid: Int32Array;
	byField: Map<string, RankList>;
	byTerm: Map<string, RankList>;
	byTag: Map<string, RankList>;
	byArea: Map<string, RankList>;
	byTarget: Map<string, RankList>;
	desks: RankList;
	/** Documents by grid cell of GRID_DEGREES (for radius searches). */
	byCell: Map<string, RankList>;
	/**
	 * Per hour of the week (built on first open-now search in it), by nameRank: 0 closed all hour
	 * (openHoursOf), 1 open all hour, 2 check the exact minute. A byte read instead of a Set lookup
	 * and an interval scan per candidate; 100 kB per hour at 100k listings, so kept for a day's hours.
	 */
	openMarks: Map<number, Uint8Array>;
	/** Coordinates (NaN when unknown), weekdays open (bits), name length (a relevance tie-break). */
	lats: Float64Array;
	lngs: Float64Array;
	openDays: Uint8Array;
	nameLengths: Int32Array;
	/** Folded name + readings and keywords, for the attribute rank. */
	nameTexts: string[];
	keywordTexts: string[];
	/** Facet slots of a document: slotList[slotStarts[r] .. slotStarts[r + 1]]. */
	slotStarts: Int32Array;
	slotList: Int32Array;
	/**
	 * Scratch columns of the search running now, reused instead of new objects per match: searches
	 * are synchronous, so they never overlap, and a search over 100k listings allocates almost
	 * nothing. `passed`: how many of the search's filter lists a document is in so far; the
	 * stamps say which search set a document's tier or score (see searchStamp).
	 */
	passed: Uint8Array;
	tiers: Int32Array;
	tierStamps: Int32Array;
	scores: Float64Array;
	scoreStamps: Int32Array;
	attributeRanks: Uint8Array;
	distances: Float64Array;
}

/** About 1.1 km north–south: a 2 km radius reads ~25 cells. */
const GRID_DEGREES = 0.01;
const cellOf = (lat: number, lng: number) => `${Math.floor(lat / GRID_DEGREES)}:${Math.floor(lng / GRID_DEGREES)}`;

/** Adds a document to the list of `key`; documents come in nameRank order, so lists stay sorted. */
function push<K>(map: Map<K, RankList>, key: K, rank: number): void {
	const list = map.get(key);
	if (!list) map.set(key, [rank]);
	else if (list[list.length - 1] !== rank) list.push(rank);
}

/**
 * Facet counts by small integer slots (a typed array per search) instead of string-keyed objects:
 * counting is the inner loop of every search over many matches.
 */
class FacetSlots {
	private readonly slots = new Map<string, number>();
	readonly labels: Array<[keyof SearchFacets, string]> = [];

	slot(facet: keyof SearchFacets, value: string): number {
		const key = `${facet}\u0000${value}`;
		let slot = this.slots.get(key);
		if (slot === undefined) {
			slot = this.labels.length;
			this.slots.set(key, slot);
			this.labels.push([facet, value]);
		}
		return slot;
	}

	/** The slots one document counts in (field, 地区, each target). */
	slotsOf(doc: Pick<SearchDocument, 'field' | 'district' | 'targets'>): number[] {
		const slots = [this.slot('field', doc.field)];
		if (doc.district) slots.push(this.slot('area', doc.district));
		for (const target of doc.targets) slots.push(this.slot('target', target));
		return slots;
	}

	toFacets(counts: Int32Array): SearchFacets {
		const facets = emptyFacets();
		counts.forEach((count, slot) => {
			if (count > 0) {
				const [facet, value] = this.labels[slot];
				facets[facet][value] = count;
			}
		});
		return facets;
	}
}

/** The first `count` items in order, without sorting all of them (a page of 100k matches). */
function firstInOrder<T>(items: T[], count: number, compare: (a: T, b: T) => number): T[] {
	if (items.length <= count * 4) return items.sort(compare).slice(0, count);
	// Max-heap of the best `count` seen so far; its root is the worst of them.
	const heap: T[] = [];
	const worse = (i: number, j: number) => compare(heap[i], heap[j]) > 0;
	const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j], heap[i]]);
	const siftDown = (start: number) => {
		for (let i = start; ; ) {
			const left = 2 * i + 1;
			const right = left + 1;
			let largest = i;
			if (left < heap.length && worse(left, largest)) largest = left;
			if (right < heap.length && worse(right, largest)) largest = right;
			if (largest === i) return;
			swap(i, largest);
			i = largest;
		}
	};
	for (const item of items) {
		if (heap.length < count) {
			heap.push(item);
			for (let i = heap.length - 1; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
		} else if (count > 0 && compare(item, heap[0]) < 0) {
			heap[0] = item;
			siftDown(0);
		}
	}
	return heap.sort(compare);
}

function ftsColumns(text: ReturnType<typeof indexedText>): [string, string, string, string] {
	const grams = (value: string) => bigramTokens(foldForSearch(value)).join(' ');
	return [grams(text.name), grams(text.reading), grams(text.keywords), grams(text.body)];
}

/**
 * FTS5 expression for query words: each run of a word becomes a phrase of its consecutive bigrams
 * (a substring match); a one-character run becomes a prefix query over bigrams and end unigrams.
 * Runs are ANDed. Returns null when nothing searchable is left.
 */
export function ftsExpression(words: string[]): string | null {
	const parts = words.map(wordExpression).filter((part): part is string => part !== null);
	return parts.length > 0 ? parts.join(' AND ') : null;
}

/** One word's runs, ANDed (see ftsExpression); null when nothing searchable is left. */
function wordExpression(word: string): string | null {
	return foldedWordExpression(foldCanonical(word));
}

/** wordExpression of text already folded (a sound key must not be rewritten by the dictionaries). */
export function foldedWordExpression(folded: string): string | null {
	const parts: string[] = [];
	for (const run of textRuns(folded)) {
		if (Array.from(run).length === 1) parts.push(`"${run}"*`);
		else parts.push(`"${bigramTokens(run).slice(0, -1).join(' ')}"`);
	}
	return parts.length === 0 ? null : parts.length === 1 ? parts[0] : `(${parts.join(' AND ')})`;
}

/** FTS5 expression matching any of the words (weighted OR). */
export function anyWordExpression(words: string[]): string | null {
	const parts = words.map(wordExpression).filter((part): part is string => part !== null);
	return parts.length > 0 ? parts.join(' OR ') : null;
}

/**
 * bm25() weights of the FTS columns (name, readings, keywords = kind, terms, tags and organisation,
 * body = description): a word in the name says more than the same word in a description.
 */
const COLUMN_WEIGHTS = '8.0, 4.0, 4.0, 1.0';
/**
 * Inside a 困りごと tier the keywords do not count: every listing of the tier shares them (its tag
 * or term name), so the words of the name and description rank it (as on Meilisearch).
 */
const TIER_COLUMN_WEIGHTS = '8.0, 4.0, 0.0, 1.0';

function toIndexed(rowid: number, record: ResidentRecord): IndexedDocument {
	// Every field present from the start: entries keep one shape, so the search loop stays fast.
	return {
		rowid,
		doc: record.doc,
		sortKey: record.sortKey,
		nameRank: 0,
		openDays: record.openDays,
		openHours: record.openHours,
		throughoutHours: record.throughoutHours,
		nameText: record.nameText,
		keywordText: record.keywordText,
		intervals: undefined,
		windows: undefined
	};
}

export class EmbeddedSearchEngine implements SearchEngine {
	readonly name = 'embedded' as const;
	private documents = new Map<number, IndexedDocument>();
	private derivedIndexes: DerivedIndexes | null = null;
	private corpusLexicon: Lexicon | null = null;
	private learnedAssociations: KindAssociations | null = null;
	private associationRefresh: ReturnType<typeof setTimeout> | null = null;
	private loadedVersion = -1;
	/** Increases with every searchLevel; marks the entries of its 困りごと tiers (tierStamp). */
	private searchStamp = 0;
	private readonly statements = new Map<string, Statement>();

	/** Events live in their own tables (event_search_docs, event_search_fts). */
	readonly events: EmbeddedEventIndex;

	constructor(private readonly db: AppDatabase) {
		this.events = new EmbeddedEventIndex(db);
		// A new connection (a read-only file became writable): its statements and data_version are its own.
		onReopen(db, () => {
			this.statements.clear();
			this.loadedVersion = -1;
		});
	}

	async searchEvents(words: EventQueryWord[], limit: number): Promise<string[]> {
		return this.events.search(words, limit);
	}

	async upsertEvents(documents: EventSearchDocument[]): Promise<void> {
		this.events.upsert(documents);
	}

	async removeEvents(eventIds: string[]): Promise<void> {
		this.events.remove(eventIds);
	}

	/**
	 * Reloads the in-memory columns when another connection (a CLI reindex) changed the file. Reads
	 * only the resident records; rows indexed before those existed are derived from the whole
	 * document once and written back.
	 */
	private ensureLoaded(): void {
		const sqlite = this.db.$client;
		// Every search asks: a prepared statement, not pragma() (which prepares one each call).
		const version = this.statement('PRAGMA data_version').pluck().get() as number;
		if (version === this.loadedVersion) return;
		this.documents.clear();
		const rows = sqlite
			.prepare("SELECT rowid, resident, CASE resident WHEN '' THEN doc END FROM search_docs")
			.raw()
			.iterate() as Iterable<[number, string, string | null]>;
		const upgraded: Array<[number, ResidentRecord]> = [];
		const shared = new SharedValues();
		for (const [rowid, resident, json] of rows) {
			const record = shared.record(json === null ? (JSON.parse(resident) as ResidentRecord) : residentRecord(JSON.parse(json) as SearchDocument));
			if (json !== null) upgraded.push([rowid, record]);
			this.documents.set(rowid, toIndexed(rowid, record));
		}
		if (upgraded.length > 0 && !sqlite.readonly) {
			const write = sqlite.prepare('UPDATE search_docs SET resident = ? WHERE rowid = ?');
			sqlite.transaction(() => upgraded.forEach(([rowid, record]) => write.run(JSON.stringify(record), rowid)))();
		}
		this.derivedIndexes = null;
		this.corpusLexicon = null;
		this.learnedAssociations = null;
		this.loadedVersion = version;
	}

	/**
	 * The listings' words and readings, for query planning, as stored in search_lexicon (kept in
	 * step by upsert and remove). A lexicon loaded before a removal keeps the removed listing's
	 * words until the next load, which only costs a rewrite to a spelling nothing uses.
	 */
	lexicon(): Lexicon {
		this.ensureLoaded();
		if (!this.corpusLexicon) {
			const sqlite = this.db.$client;
			const lexicon = new Lexicon();
			const rows = sqlite.prepare('SELECT folded, surface, reading, count FROM search_lexicon').all() as LexiconEntry[];
			for (const entry of rows) lexicon.addEntry(entry);
			if (rows.length === 0 && this.documents.size > 0) {
				// Indexed before the lexicon was stored: gather it from the documents once.
				for (const json of sqlite.prepare('SELECT doc FROM search_docs').pluck().iterate() as Iterable<string>) addWords(lexicon, JSON.parse(json) as SearchDocument);
				if (!sqlite.readonly) {
					const insert = sqlite.prepare('INSERT OR REPLACE INTO search_lexicon (folded, surface, reading, count) VALUES (?, ?, ?, ?)');
					sqlite.transaction(() => {
						for (const entry of lexicon.entries()) insert.run(entry.folded, entry.surface, entry.reading, entry.count);
					})();
				}
			}
			this.corpusLexicon = lexicon;
		}
		return this.corpusLexicon;
	}

	/** よみがな ranks, filter lists and columns, computed once per change of the index. */
	private derived(): DerivedIndexes {
		if (!this.derivedIndexes) {
			const sorted = [...this.documents.values()].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
			const count = sorted.length;
			let maxRowid = 0;
			for (const entry of sorted) maxRowid = Math.max(maxRowid, entry.rowid);
			const derived: DerivedIndexes = {
				sorted,
				allFacets: emptyFacets(),
				facetSlots: new FacetSlots(),
				rankOfRowid: new Int32Array(maxRowid + 1).fill(-1),
				byField: new Map(),
				byTerm: new Map(),
				byTag: new Map(),
				byArea: new Map(),
				byTarget: new Map(),
				desks: [],
				byCell: new Map(),
				openMarks: new Map(),
				lats: new Float64Array(count),
				lngs: new Float64Array(count),
				openDays: new Uint8Array(count),
				nameLengths: new Int32Array(count),
				nameTexts: new Array<string>(count),
				keywordTexts: new Array<string>(count),
				slotStarts: new Int32Array(count + 1),
				slotList: new Int32Array(0),
				passed: new Uint8Array(count),
				tiers: new Int32Array(count),
				tierStamps: new Int32Array(count),
				scores: new Float64Array(count),
				scoreStamps: new Int32Array(count),
				attributeRanks: new Uint8Array(count),
				distances: new Float64Array(count)
			};
			const slotList: number[] = [];
			sorted.forEach((entry, rank) => {
				entry.nameRank = rank;
				const doc = entry.doc;
				derived.rankOfRowid[entry.rowid] = rank;
				countFacets(derived.allFacets, doc);
				derived.slotStarts[rank] = slotList.length;
				slotList.push(...derived.facetSlots.slotsOf(doc));
				derived.lats[rank] = doc.lat ?? NaN;
				derived.lngs[rank] = doc.lng ?? NaN;
				derived.openDays[rank] = entry.openDays;
				derived.nameLengths[rank] = doc.name.length;
				derived.nameTexts[rank] = entry.nameText;
				derived.keywordTexts[rank] = entry.keywordText;
				push(derived.byField, doc.field, rank);
				for (const term of doc.terms) push(derived.byTerm, term, rank);
				for (const tag of doc.tags) push(derived.byTag, tag, rank);
				for (const area of doc.areaIds) push(derived.byArea, area, rank);
				for (const target of doc.targets) push(derived.byTarget, target, rank);
				if (doc.desk) derived.desks.push(rank);
				if (doc.lat !== null && doc.lng !== null) push(derived.byCell, cellOf(doc.lat, doc.lng), rank);
			});
			derived.slotStarts[count] = slotList.length;
			// Shared by every unfiltered answer rather than copied per request.
			for (const counts of Object.values(derived.allFacets)) Object.freeze(counts);
			Object.freeze(derived.allFacets);
			derived.slotList = Int32Array.from(slotList);
			this.derivedIndexes = derived;
		}
		return this.derivedIndexes;
	}

	/**
	 * The lists every match must be in (the search's filters, 困りごと tiers and radius cells), and
	 * the 困りごと tier of each document in a tier (DerivedIndexes.tiers, stamped with `stamp`).
	 */
	private filterLists(query: SearchQuery, level: PlanLevel | null, stamp: number): RankList[] {
		const derived = this.derived();
		const lists: RankList[] = [];
		const areaIds = [query.area, level?.areaId].filter((id): id is string => !!id);
		if (query.field) lists.push(derived.byField.get(query.field) ?? []);
		if (query.term) lists.push(derived.byTerm.get(query.term) ?? []);
		for (const areaId of areaIds) lists.push(derived.byArea.get(areaId) ?? []);
		if (query.target) lists.push(derived.byTarget.get(query.target) ?? []);
		if (query.desk) lists.push(derived.desks);
		const tiers = level?.tiers ?? [];
		if (tiers.length > 0) {
			// Each document's first tier, marked in a column rather than a Map built per search.
			const inTiers: RankList = [];
			const { tiers: tierOf, tierStamps } = derived;
			tiers.forEach((tier, index) => {
				for (const rank of ('tag' in tier ? derived.byTag.get(tier.tag) : derived.byTerm.get(tier.term)) ?? []) {
					if (tierStamps[rank] === stamp) continue;
					tierStamps[rank] = stamp;
					tierOf[rank] = index;
					inTiers.push(rank);
				}
			});
			lists.push(inTiers);
		}
		if (query.radiusKm !== undefined && query.lat !== undefined && query.lng !== undefined) {
			const latMargin = (query.radiusKm * 1000 * 1.01) / METERS_PER_DEGREE_LATITUDE;
			const lngMargin = latMargin / Math.max(0.01, Math.cos((query.lat * Math.PI) / 180));
			const inCells: RankList = [];
			const [south, west] = [Math.floor((query.lat - latMargin) / GRID_DEGREES), Math.floor((query.lng - lngMargin) / GRID_DEGREES)];
			const [north, east] = [Math.floor((query.lat + latMargin) / GRID_DEGREES), Math.floor((query.lng + lngMargin) / GRID_DEGREES)];
			if ((north - south + 1) * (east - west + 1) <= 10_000) {
				for (let y = south; y <= north; y++) {
					for (let x = west; x <= east; x++) for (const rank of derived.byCell.get(`${y}:${x}`) ?? []) inCells.push(rank);
				}
				lists.push(inCells);
			}
		}
		return lists;
	}

	/** openMarks of an hour (see DerivedIndexes). */
	private openMarksOf(derived: DerivedIndexes, hour: number): Uint8Array {
		let marks = derived.openMarks.get(hour);
		if (!marks) {
			const built = new Uint8Array(derived.sorted.length);
			derived.sorted.forEach((entry, rank) => {
				if (hasHour(entry.openHours, hour)) built[rank] = hasHour(entry.throughoutHours, hour) ? 1 : 2;
			});
			marks = built;
			if (derived.openMarks.size >= 24) derived.openMarks.clear();
			derived.openMarks.set(hour, marks);
		}
		return marks;
	}

	async upsert(documents: SearchDocument[]): Promise<void> {
		this.ensureLoaded();
		const sqlite = this.db.$client;
		const findRow = sqlite.prepare('SELECT rowid, doc FROM search_docs WHERE service_id = ?').raw();
		const insertDoc = sqlite.prepare('INSERT INTO search_docs (service_id, service_updated_at, doc, resident) VALUES (?, ?, ?, ?)');
		const updateDoc = sqlite.prepare('UPDATE search_docs SET service_updated_at = ?, doc = ?, resident = ? WHERE rowid = ?');
		const deleteFts = sqlite.prepare('DELETE FROM search_fts WHERE rowid = ?');
		const insertFts = sqlite.prepare('INSERT INTO search_fts (rowid, name, kana, keywords, body) VALUES (?, ?, ?, ?, ?)');
		const words = new StoredLexicon(sqlite);
		const written: Array<[IndexedDocument, SearchDocument]> = [];
		sqlite.transaction(() => {
			for (const doc of documents) {
				const json = JSON.stringify(doc);
				const text = indexedText(doc);
				const record = residentRecord(doc, text);
				const resident = JSON.stringify(record);
				const existing = findRow.get(doc.id) as [number, string] | undefined;
				let rowid: number;
				if (existing === undefined) {
					rowid = Number(insertDoc.run(doc.id, doc.updatedAt, json, resident).lastInsertRowid);
				} else {
					rowid = existing[0];
					words.remove(JSON.parse(existing[1]) as SearchDocument);
					updateDoc.run(doc.updatedAt, json, resident, rowid);
					deleteFts.run(rowid);
				}
				words.add(doc);
				insertFts.run(rowid, ...ftsColumns(text));
				written.push([toIndexed(rowid, record), doc]);
			}
		})();
		// Only after the commit: a failed transaction leaves memory as it was.
		for (const [entry, doc] of written) {
			this.documents.set(entry.rowid, entry);
			if (this.corpusLexicon) addWords(this.corpusLexicon, doc);
		}
		this.derivedIndexes = null;
		this.associationsChanged();
	}

	async remove(serviceIds: string[]): Promise<void> {
		this.ensureLoaded();
		const sqlite = this.db.$client;
		const findRow = sqlite.prepare('SELECT rowid, doc FROM search_docs WHERE service_id = ?').raw();
		const deleteDoc = sqlite.prepare('DELETE FROM search_docs WHERE rowid = ?');
		const deleteFts = sqlite.prepare('DELETE FROM search_fts WHERE rowid = ?');
		const words = new StoredLexicon(sqlite);
		const removed: number[] = [];
		sqlite.transaction(() => {
			for (const id of serviceIds) {
				const row = findRow.get(id) as [number, string] | undefined;
				if (row === undefined) continue;
				const [rowid, json] = row;
				words.remove(JSON.parse(json) as SearchDocument);
				deleteDoc.run(rowid);
				deleteFts.run(rowid);
				removed.push(rowid);
			}
		})();
		for (const rowid of removed) this.documents.delete(rowid);
		this.derivedIndexes = null;
		this.associationsChanged();
	}

	/**
	 * Listings changed in this process (an admin edit, an import): data_version only tells of other
	 * connections' writes, so the associations are learned again here — off the search path, once
	 * writes pause; until then searches use the previous ones.
	 */
	private associationsChanged(): void {
		if (!this.learnedAssociations) return; // not learned yet: learned on first use
		if (this.associationRefresh) clearTimeout(this.associationRefresh);
		this.associationRefresh = setTimeout(() => {
			this.associationRefresh = null;
			const previous = this.learnedAssociations;
			this.learnedAssociations = null;
			try {
				this.kindAssociations();
			} catch {
				this.learnedAssociations = previous; // the connection is gone (shutting down)
			}
		}, ASSOCIATION_REFRESH_MS);
		this.associationRefresh.unref?.();
	}

	/**
	 * Which kinds the listings' words point to (see KindAssociations), learned once per index
	 * version from at most ASSOCIATION_SAMPLE listings spread evenly over the index.
	 */
	kindAssociations(): KindAssociations {
		this.ensureLoaded();
		if (!this.learnedAssociations) {
			const sqlite = this.db.$client;
			const total = this.documents.size;
			const stride = Math.max(1, Math.ceil(total / ASSOCIATION_SAMPLE));
			const rows = sqlite.prepare('SELECT doc FROM search_docs WHERE rowid % ? = 0').pluck().iterate(stride) as Iterable<string>;
			this.learnedAssociations = KindAssociations.build(
				(function* () {
					for (const json of rows) {
						const doc = JSON.parse(json) as SearchDocument;
						yield { texts: [doc.name, doc.description], terms: doc.terms, tags: doc.tags, field: doc.field };
					}
				})()
			);
		}
		return this.learnedAssociations;
	}

	/** Loads the documents and builds the lexicon and filter lists now, so the first search is fast. */
	warm(): void {
		this.lexicon();
		this.kindAssociations();
		this.derived();
	}

	/** Empties the index (before a full rebuild). */
	async clear(): Promise<void> {
		this.db.$client.exec('DELETE FROM search_docs; DELETE FROM search_fts; DELETE FROM search_lexicon;');
		this.documents.clear();
		this.derivedIndexes = null;
		this.corpusLexicon = null;
		this.learnedAssociations = null;
	}

	async count(): Promise<number> {
		this.ensureLoaded();
		return this.documents.size;
	}

	/**
	 * ふりがな for a listing's description, worked out when it was indexed; none when the indexed
	 * text is not the one shown (an edit not indexed yet).
	 */
	descriptionRuby(serviceId: string, description: string): RubySpan[] {
		const row = this.db.$client
			.prepare("SELECT json_extract(doc, '$.description'), json_extract(doc, '$.descriptionRuby') FROM search_docs WHERE service_id = ?")
			.raw()
			.get(serviceId) as [string | null, string | null] | undefined;
		return row && row[0] === description && row[1] ? (JSON.parse(row[1]) as RubySpan[]) : [];
	}

	/** The indexed document of a listing (tests and sync checks). */
	async get(serviceId: string): Promise<SearchDocument | null> {
		const json = this.db.$client.prepare('SELECT doc FROM search_docs WHERE service_id = ?').pluck().get(serviceId) as string | undefined;
		return json === undefined ? null : (JSON.parse(json) as SearchDocument);
	}

	/** A statement prepared once per connection: preparing costs about as much as a small FTS query. */
	private statement(sql: string): Statement {
		let statement = this.statements.get(sql);
		if (!statement) {
			statement = this.db.$client.prepare(sql);
			this.statements.set(sql, statement);
		}
		return statement;
	}

	/** nameRanks of the documents an FTS5 expression matches (each once). */
	private matchingRanks(expression: string): RankList {
		const rowids = this.statement('SELECT rowid FROM search_fts WHERE search_fts MATCH ?').pluck().all(expression) as number[];
		const { rankOfRowid } = this.derived();
		const ranks: RankList = [];
		for (const rowid of rowids) {
			const rank = rowid < rankOfRowid.length ? rankOfRowid[rowid] : -1;
			if (rank >= 0) ranks.push(rank);
		}
		return ranks;
	}

	/**
	 * Weighted-OR scores (higher is better) of the documents matching any of the words: FTS5's bm25()
	 * over the columns, so rare words and words in the name count most. Written to
	 * DerivedIndexes.scores (stamped with `stamp`); returns the matching documents.
	 */
	private scoreRanks(expression: string, stamp: number, weights = COLUMN_WEIGHTS): RankList {
		const rows = this.statement(`SELECT rowid, bm25(search_fts, ${weights}) FROM search_fts WHERE search_fts MATCH ?`)
			.raw()
			.all(expression) as Array<[number, number]>;
		const { rankOfRowid, scores, scoreStamps } = this.derived();
		const ranks: RankList = [];
		for (const [rowid, bm25] of rows) {
			const rank = rowid < rankOfRowid.length ? rankOfRowid[rowid] : -1;
			if (rank < 0) continue;
			// bm25() is negative, more negative for better matches; 0 only for a match in a column weighted 0.
			scores[rank] = -bm25;
			scoreStamps[rank] = stamp;
			ranks.push(rank);
		}
		return ranks;
	}

	/** Marks the documents as matching (score 1) where only "matched or not" orders the answer. */
	private markMatched(ranks: RankList, stamp: number): void {
		const { scores, scoreStamps } = this.derived();
		for (const rank of ranks) {
			scores[rank] = 1;
			scoreStamps[rank] = stamp;
		}
	}

	async search(query: SearchQuery, plan?: QueryPlan | null): Promise<SearchResult> {
		this.ensureLoaded();
		const effectivePlan = plan === undefined ? basicPlan(query.q) : plan;
		if (!effectivePlan) return this.searchLevel(query, null);
		const levels = effectivePlan.levels.length > 0 ? effectivePlan.levels : [{ words: [], tiers: [] }];
		let result: SearchResult | null = null;
		for (const level of levels) {
			result = this.searchLevel(query, level);
			if (result.total > 0) return result;
		}
		return result!;
	}

	/** One plan level (or no text at all when `level` is null). */
	private searchLevel(query: SearchQuery, level: PlanLevel | null): SearchResult {
		const words = level?.words ?? [];
		const tiers = level?.tiers ?? [];
		const optional = level?.optional ?? [];
		const optionalExpression = optional.length > 0 ? anyWordExpression(optional) : null;
		const wordsExpression = words.length > 0 ? ftsExpression(words) : null;
		const hasTiers = tiers.length > 0;
		// Without required words or 困りごと, the optional words are the match (any of them).
		const anyWord = words.length === 0 && !hasTiers && optionalExpression !== null;
		const origin: LatLng | null = query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : null;
		const start = (query.page - 1) * query.perPage;
		const derived = this.derived();
		const textFiltered = wordsExpression !== null || anyWord;
		const unfiltered =
			!textFiltered && !hasTiers && !level?.areaId && !origin && !query.field && !query.term && !query.area && !query.target && !query.desk && query.weekday === undefined && !query.openNow;
		if (unfiltered) {
			// The whole list in よみがな order: nothing to compute.
			const hits = derived.sorted.slice(start, start + query.perPage).map((entry) => toHit(entry.doc, null));
			return { total: derived.sorted.length, page: query.page, per_page: query.perPage, hits, facets: derived.allFacets };
		}
		const relevance = query.sort === 'relevance' && (textFiltered || hasTiers || optionalExpression !== null);
		const stamp = ++this.searchStamp;
		// Optional words order by bm25 where the score orders the answer; with a location and
		// 困りごと only "has one of the words" does (see `order`), and FTS5 answers that 4–6× faster.
		const byScore = relevance && !(origin && hasTiers);
		let optionalMatches: RankList | null = null;
		if (optionalExpression !== null && (relevance || anyWord)) {
			if (byScore) optionalMatches = this.scoreRanks(optionalExpression, stamp, hasTiers ? TIER_COLUMN_WEIGHTS : COLUMN_WEIGHTS);
			else this.markMatched((optionalMatches = this.matchingRanks(optionalExpression)), stamp);
		}
		const lists = this.filterLists(query, level, stamp);
		if (wordsExpression !== null) lists.push(this.matchingRanks(wordsExpression));
		else if (anyWord) lists.push(optionalMatches!);

		const foldedWords = relevance ? words.flatMap((word) => textRuns(foldCanonical(word))) : [];
		const now = query.now ?? new Date();
		const hourNow = hourOfWeekInJapan(now);
		const clock = japanClock(now);
		// The shortest list drives the loop; a document counts when it is in every other list too.
		let driver: RankList | null = null;
		for (const list of lists) if (!driver || list.length < driver.length) driver = list;
		const { passed, lats, lngs, slotStarts, slotList, distances, tiers: tierOf, scores, scoreStamps, attributeRanks, openDays, nameTexts, keywordTexts } = derived;
		let required = 0;
		if (lists.length > 1) {
			passed.fill(0);
			for (const list of lists) {
				if (list === driver) continue;
				for (const rank of list) if (passed[rank] === required) passed[rank] = required + 1;
				required++;
			}
		}
		const radiusM = origin && query.radiusKm !== undefined ? query.radiusKm * 1000 : null;
		// A box around the circle (with a margin) skips most haversine computations.
		const latMargin = radiusM !== null ? (radiusM * 1.01) / METERS_PER_DEGREE_LATITUDE : Infinity;
		const lngMargin = radiusM !== null && origin ? latMargin / Math.max(0.01, Math.cos((origin.lat * Math.PI) / 180)) : Infinity;
		// One reused point for haversineMeters: no object per candidate.
		const point: LatLng = { lat: 0, lng: 0 };
		const matched: number[] = [];
		const facetCounts = new Int32Array(derived.facetSlots.labels.length);
		const openMarks = query.openNow ? this.openMarksOf(derived, hourNow) : null;
		const weekdayBit = query.weekday === undefined ? 0 : 1 << query.weekday;
		const count = driver ? driver.length : derived.sorted.length;
		for (let i = 0; i < count; i++) {
			const rank = driver ? driver[i] : i;
			if (required > 0 && passed[rank] !== required) continue;
			if (weekdayBit !== 0 && (openDays[rank] & weekdayBit) === 0) continue;
			// Infinity: no location (sorts last by distance, shown without one).
			let distance = Infinity;
			if (origin) {
				const lat = lats[rank];
				const lng = lngs[rank];
				if (Number.isNaN(lat) || Number.isNaN(lng)) {
					if (radiusM !== null) continue;
				} else {
					if (Math.abs(lat - origin.lat) > latMargin || Math.abs(lng - origin.lng) > lngMargin) continue;
					point.lat = lat;
					point.lng = lng;
					distance = haversineMeters(origin, point);
					if (radiusM !== null && distance > radiusM) continue;
				}
			}
			if (openMarks) {
				const mark = openMarks[rank];
				if (mark === 0) continue;
				if (mark === 2) {
					const entry = derived.sorted[rank];
					if (!isOpenAtClock(entry.doc, clock, intervals(entry), windows(entry))) continue;
				}
			}
			distances[rank] = distance;
			// The order reads these columns directly: values a previous search left are reset here.
			if (!hasTiers) tierOf[rank] = 0;
			if (scoreStamps[rank] !== stamp) scores[rank] = 0;
			attributeRanks[rank] = foldedWords.length > 0 ? attributeRank(nameTexts[rank], keywordTexts[rank], foldedWords) : 0;
			matched.push(rank);
			for (let k = slotStarts[rank], end = slotStarts[rank + 1]; k < end; k++) facetCounts[slotList[k]]++;
		}
		const facets = derived.facetSlots.toFacets(facetCounts);
		const { nameLengths } = derived;
		// Documents are their nameRanks, so the よみがな order is plain number order.
		const byName = (a: number, b: number) => a - b;
		// Both Infinity (no location) must compare equal, not NaN.
		const byDistance = (a: number, b: number) => {
			const da = distances[a];
			const db = distances[b];
			return da === db ? 0 : da - db;
		};
		// Relevance: 困りごと tier, where the words are (name, keywords, elsewhere), then nearer with a
		// location, else the shorter name (closer to what was typed), then よみがな.
		let order: (a: number, b: number) => number;
		if (query.sort === 'distance' && origin) order = (a, b) => byDistance(a, b) || byName(a, b);
		else if (!relevance) order = byName;
		// With a location and 困りごと kinds, listings with the sentence's words come first, each group
		// nearest first (a broad answer is ordered by where the person is).
		else if (origin && hasTiers)
			order = (a, b) => tierOf[a] - tierOf[b] || Number(scores[b] > 0) - Number(scores[a] > 0) || attributeRanks[a] - attributeRanks[b] || byDistance(a, b) || byName(a, b);
		else if (origin) order = (a, b) => tierOf[a] - tierOf[b] || scores[b] - scores[a] || attributeRanks[a] - attributeRanks[b] || byDistance(a, b) || byName(a, b);
		else order = (a, b) => tierOf[a] - tierOf[b] || scores[b] - scores[a] || attributeRanks[a] - attributeRanks[b] || nameLengths[a] - nameLengths[b] || byName(a, b);
		const window = start + query.perPage;
		const rounds = relevance && hasTiers && !(query.sort === 'distance' && origin) ? level?.tierRounds : undefined;
		let ordered: number[];
		if (rounds) {
			// Several worries: each tier's best in turn (its first `window` are all a page can need).
			const byTier: number[][] = tiers.map(() => []);
			for (const rank of matched) byTier[tierOf[rank]].push(rank);
			ordered = inTurns(
				byTier.map((list) => firstInOrder(list, window, order)),
				rounds
			).slice(0, window);
		} else ordered = firstInOrder(matched, window, order);
		const hits = ordered
			.slice(start)
			.map((rank) => toHit(derived.sorted[rank].doc, Number.isFinite(distances[rank]) ? distances[rank] : null));
		return { total: matched.length, page: query.page, per_page: query.perPage, hits, facets };
	}
}

function addWords(lexicon: Lexicon, doc: SearchDocument): void {
	for (const [surface, reading] of doc.words ?? []) lexicon.add(surface, reading);
}

/** search_lexicon, counted up and down as documents come and go (inside the caller's transaction). */
class StoredLexicon {
	private readonly increment;
	private readonly decrement;
	private readonly prune;

	constructor(sqlite: AppDatabase['$client']) {
		this.increment = sqlite.prepare(
			`INSERT INTO search_lexicon (folded, surface, reading, count) VALUES (?, ?, ?, 1)
			 ON CONFLICT (folded) DO UPDATE SET count = count + 1, reading = CASE reading WHEN '' THEN excluded.reading ELSE reading END`
		);
		this.decrement = sqlite.prepare('UPDATE search_lexicon SET count = count - 1 WHERE folded = ?');
		this.prune = sqlite.prepare('DELETE FROM search_lexicon WHERE folded = ? AND count <= 0');
	}

	private *entries(doc: SearchDocument): Generator<LexiconEntry> {
		for (const [surface, reading] of doc.words ?? []) {
			const entry = lexiconEntry(surface, reading);
			if (entry) yield entry;
		}
	}

	add(doc: SearchDocument): void {
		for (const entry of this.entries(doc)) this.increment.run(entry.folded, entry.surface, entry.reading);
	}

	remove(doc: SearchDocument): void {
		for (const entry of this.entries(doc)) {
			this.decrement.run(entry.folded);
			this.prune.run(entry.folded);
		}
	}
}
