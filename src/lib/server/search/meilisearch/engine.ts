/**
 * The Meilisearch engine: same SearchEngine contract, same query plan as the embedded engine.
 *
 * A plan's levels (strictest first) go to Meilisearch in ONE multi-search request; the first level
 * that finds anything answers. Ordering the embedded engine gets by sorting in memory is built
 * from ranked sub-queries merged in order (困りごと tiers; with a location, name matches before
 * other matches, each by distance). Open-now cannot be expressed as a filter exactly: a
 * precomputed hour-of-week array narrows the candidates, and the exact rule of filters.ts decides.
 */
import { Meilisearch, type MultiSearchQuery, type MultiSearchResponse, type SearchResponse, type Task } from 'meilisearch';
import { toHit } from '../hits';
import type { SearchEngine } from '../engine';
import type { SearchDocument, SearchFacets, SearchQuery, SearchResult } from '../../../domain/search';
import type { PlanLevel, QueryPlan, WorryTier } from '../../../domain/text/query-plan';
import { haversineMeters, type LatLng } from '../../../domain/geo';
import { hourOfWeekInJapan, isOpenNow } from '../filters';
import { countFacets, emptyFacets } from '../facets';
import { basicPlan, inTurns, tierOf } from '../planner';
import { meilisearchErrorCode, nodeHttpClient } from './http-client';
import { MeilisearchEventIndex } from './events';
import type { EventQueryWord, EventSearchDocument } from '../../../domain/text/event-text';
import {
	DOCUMENT_FORMAT,
	FACETS,
	HIT_FIELDS,
	OPEN_NOW_FIELDS,
	indexSettings,
	toMeiliDocument,
	type MeiliDocument,
	type RetrievedDocument
} from './documents';

export interface MeilisearchEngineOptions {
	url: string;
	apiKey: string | null;
	index: string;
	/** Per-request timeout, ms (a hung server must not hold a page). */
	timeoutMs?: number;
	/** How long to wait for an indexing task, ms. */
	taskTimeoutMs?: number;
	/** Upper bound of results Meilisearch counts and returns (pagination.maxTotalHits). */
	maxTotalHits?: number;
}

/**
 * Most optional words searched one by one in a leading 困りごと tier (each is a sub-query of the one
 * request); further words, and later tiers, rank with 'last' (all words, then fewer from the end).
 */
const MAX_SCORED_WORDS = 8;
/**
 * Most such word sub-queries in one multi-search, across its levels and tiers: six worries and an
 * area would otherwise send ~96. The first level's leading tiers spend them first (it is the one
 * shown whenever it finds anything).
 */
export const MAX_WORD_QUERIES = 8;
/**
 * Several leading tiers share one sub-query per word, whose hits fall to them unevenly: each is
 * given this many times its window (one tier is the whole union and needs only its window).
 */
const UNEVEN_SHARE = 4;
/** Deepest position the word sub-queries score; deeper pages keep the 'last' order. */
export const MAX_SCORED_DEPTH = 200;
/** Where a word counts in the weighted OR, and how much (the embedded engine's bm25 column weights). */
const SCORED_ATTRIBUTES = ['textName', 'textReading', 'textBody'] as const;
const ATTRIBUTE_WEIGHTS: Record<string, number> = { textName: 8, textReading: 4, textBody: 1 };
/** BM25's term-frequency saturation. */
const K1 = 1.2;
/** With a location, matches in these attributes come first, then these, then the rest (as the embedded engine ranks). */
const ATTRIBUTE_GROUPS = [['textName', 'textReading'], ['textName', 'textReading', 'textKeywords'], null];
const EMPTY_LEVEL: PlanLevel = { words: [], tiers: [] };

/** A filter string value, quoted for Meilisearch. */
function quoted(value: string): string {
	return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function tierFilter(tier: WorryTier): string {
	return 'tag' in tier ? `tags = ${quoted(tier.tag)}` : `terms = ${quoted(tier.term)}`;
}

/** The answer-building recipe for one level: which sub-queries it sent and how to read them. */
interface LevelRequest {
	level: PlanLevel | null;
	/** Its queries are sorted by distance first. */
	geoSorted: boolean;
	main: number;
	/**
	 * Sub-queries whose hits, in order and without repeats, are the level's ranking (and whether each
	 * is sorted by distance). With `words`, the hits of those sub-queries (one per optional word)
	 * come first, ordered by a weighted OR of the words (see scoredByWords).
	 */
	ranked: Array<{ index: number; geoSorted: boolean; tier: number; words?: number[] }>;
	/** Several worries: each tier's round (PlanLevel.tierRounds), where the ranking takes turns. */
	turns?: number[];
}

/** A multi-search request for a query and plan, and how to turn the answer into a SearchResult. */
export interface PlannedRequest {
	queries: MultiSearchQuery[];
	toResult(responses: SearchResponse<RetrievedDocument>[]): SearchResult;
}

export class MeilisearchSearchEngine implements SearchEngine {
	readonly name = 'meilisearch' as const;
	readonly client: Meilisearch;
	readonly indexUid: string;
	private readonly taskTimeoutMs: number;
	readonly maxTotalHits: number;
	private ready: Promise<void> | null = null;
	/** Events: their own index next to the listings'. */
	readonly events: MeilisearchEventIndex;

	constructor(options: MeilisearchEngineOptions) {
		this.client = new Meilisearch({
			host: options.url,
			apiKey: options.apiKey ?? undefined,
			httpClient: nodeHttpClient({ timeoutMs: options.timeoutMs ?? 3_000 }),
			defaultWaitOptions: { timeout: options.taskTimeoutMs ?? 120_000, interval: 25 }
		});
		this.indexUid = options.index;
		this.taskTimeoutMs = options.taskTimeoutMs ?? 120_000;
		this.maxTotalHits = options.maxTotalHits ?? 1_000_000;
		this.events = new MeilisearchEventIndex(this, `${options.index}_events`);
	}

	searchEvents(words: EventQueryWord[], limit: number): Promise<string[]> {
		return this.events.search(words, limit);
	}

	upsertEvents(documents: EventSearchDocument[]): Promise<void> {
		return this.events.upsert(documents);
	}

	removeEvents(eventIds: string[]): Promise<void> {
		return this.events.remove(eventIds);
	}

	/** Waits for an indexing task and throws unless it succeeded. */
	async confirm(task: Promise<{ taskUid: number }>): Promise<Task> {
		const enqueued = await task;
		const done = await this.client.tasks.waitForTask(enqueued.taskUid, { timeout: this.taskTimeoutMs, interval: 25 });
		if (done.status !== 'succeeded') {
			throw new Error(`meilisearch task ${done.uid} ${done.status}: ${done.error?.message ?? 'no detail'}`);
		}
		return done;
	}

	/** Creates the index with the settings if missing, updates settings that differ (once per process). */
	ensureIndex(uid: string = this.indexUid): Promise<void> {
		const run = async () => {
			try {
				await this.client.getRawIndex(uid);
			} catch (error) {
				if (meilisearchErrorCode(error) !== 'index_not_found') throw error;
				await this.confirm(this.client.createIndex(uid, { primaryKey: 'id' }));
			}
			await this.applySettings(uid);
		};
		if (uid !== this.indexUid) return run();
		this.ready ??= run().catch((error) => {
			this.ready = null;
			throw error;
		});
		return this.ready;
	}

	private async applySettings(uid: string): Promise<void> {
		const wanted = indexSettings(this.maxTotalHits);
		const current = await this.client.index(uid).getSettings();
		const differs = (Object.keys(wanted) as Array<keyof typeof wanted>).some(
			(key) => JSON.stringify(normalizeSetting(key, current[key])) !== JSON.stringify(normalizeSetting(key, wanted[key]))
		);
		if (differs) await this.confirm(this.client.index(uid).updateSettings(wanted));
	}

	async upsert(documents: SearchDocument[]): Promise<void> {
		if (documents.length === 0) return;
		await this.ensureIndex();
		await this.confirm(this.client.index(this.indexUid).addDocuments(documents.map(toMeiliDocument), { primaryKey: 'id' }));
	}

	async remove(serviceIds: string[]): Promise<void> {
		if (serviceIds.length === 0) return;
		await this.ensureIndex();
		await this.confirm(this.client.index(this.indexUid).deleteDocuments(serviceIds));
	}

	async count(): Promise<number> {
		await this.ensureIndex();
		return (await this.client.index(this.indexUid).getStats()).numberOfDocuments;
	}

	async getDocument(serviceId: string): Promise<MeiliDocument | null> {
		try {
			return await this.client.index(this.indexUid).getDocument<MeiliDocument>(serviceId);
		} catch (error) {
			if (meilisearchErrorCode(error) === 'document_not_found') return null;
			throw error;
		}
	}

	/** id → updatedAt of every indexed document (to reconcile with SQLite); '' for one in an older DOCUMENT_FORMAT. */
	async indexedVersions(): Promise<Map<string, string>> {
		await this.ensureIndex();
		const versions = new Map<string, string>();
		const pageSize = 10_000;
		for (let offset = 0; ; offset += pageSize) {
			const page = await this.client
				.index<MeiliDocument>(this.indexUid)
				.getDocuments({ fields: ['id', 'updatedAt', 'format'], limit: pageSize, offset });
			// A document in an older shape counts as out of date, whatever its listing's updatedAt.
			for (const doc of page.results as Array<Pick<MeiliDocument, 'id' | 'updatedAt' | 'format'>>)
				versions.set(doc.id, doc.format === DOCUMENT_FORMAT ? doc.updatedAt : '');
			if (page.results.length < pageSize) return versions;
		}
	}

	async search(query: SearchQuery, plan?: QueryPlan | null): Promise<SearchResult> {
		await this.ensureIndex();
		const request = this.plannedRequest(query, plan === undefined ? basicPlan(query.q) : plan);
		const answer = (await this.client.multiSearch({ queries: request.queries })) as MultiSearchResponse<RetrievedDocument>;
		return request.toResult(answer.results as SearchResponse<RetrievedDocument>[]);
	}

	/** The multi-search a query and plan become (public so the benchmark can send it directly). */
	plannedRequest(query: SearchQuery, plan: QueryPlan | null): PlannedRequest {
		const origin: LatLng | null = query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : null;
		const now = query.now ?? new Date();
		const baseFilter: string[] = [];
		if (query.field) baseFilter.push(`field = ${quoted(query.field)}`);
		if (query.term) baseFilter.push(`terms = ${quoted(query.term)}`);
		if (query.area) baseFilter.push(`areaIds = ${quoted(query.area)}`);
		if (query.target) baseFilter.push(`targets = ${quoted(query.target)}`);
		if (query.desk) baseFilter.push('desk = true');
		if (query.weekday !== undefined) baseFilter.push(`openDays = ${query.weekday}`);
		if (query.openNow) baseFilter.push(`openHours = ${hourOfWeekInJapan(now)}`);
		if (origin && query.radiusKm !== undefined) baseFilter.push(`_geoRadius(${origin.lat}, ${origin.lng}, ${query.radiusKm * 1000})`);
		const geoSort = origin ? `_geoPoint(${origin.lat}, ${origin.lng}):asc` : null;

		const levels: Array<PlanLevel | null> = plan ? (plan.levels.length > 0 ? plan.levels : [EMPTY_LEVEL]) : [null];
		const queries: MultiSearchQuery[] = [];
		const add = (params: Omit<MultiSearchQuery, 'indexUid'>) => queries.push({ indexUid: this.indexUid, locales: ['jpn'], ...params }) - 1;
		const windowEnd = query.page * query.perPage;
		let wordQueriesLeft = MAX_WORD_QUERIES;

		const requests: LevelRequest[] = levels.map((level) => {
			const words = level?.words ?? [];
			const tiers = level?.tiers ?? [];
			const optional = level?.optional ?? [];
			// Without required words or 困りごと, any of the optional words matches, more and rarer words first.
			const anyWord = words.length === 0 && tiers.length === 0 && optional.length > 0;
			const q = anyWord ? optional.join(' ') : words.join(' ');
			const filter = [...baseFilter];
			if (level?.areaId) filter.push(`areaIds = ${quoted(level.areaId)}`);
			const relevance = query.sort === 'relevance' && (words.length > 0 || tiers.length > 0 || anyWord);
			let sort: string[] | undefined;
			if (query.sort === 'distance' && geoSort) sort = [geoSort, 'sortKey:asc'];
			else if (!relevance) sort = ['sortKey:asc'];
			else if (anyWord) sort = undefined;
			else if (geoSort) sort = [geoSort];
			// A kind's listings without the sentence's words: shorter name first, then よみがな (embedded's tie order).
			else if (words.length === 0) sort = ['nameLength:asc', 'sortKey:asc'];
			const union = tiers.length > 0 ? [...filter, tiers.map(tierFilter).join(' OR ')] : filter;
			const common = {
				q,
				matchingStrategy: anyWord ? ('frequency' as const) : ('all' as const),
				attributesToRetrieve: [...(query.openNow ? OPEN_NOW_FIELDS : HIT_FIELDS)]
			};

			if (query.openNow) {
				// Every candidate comes back; the exact rule, facets and paging run here.
				return { level, geoSorted: false, main: add({ ...common, filter: union, sort, offset: 0, limit: this.maxTotalHits }), ranked: [] };
			}
			// With a location, name matches come first (then each group by distance), as in the embedded engine.
			const attributeGroups = relevance && geoSort && words.length > 0 ? ATTRIBUTE_GROUPS : [null];
			// Inside a 困りごと tier, listings with the other words of the sentence come first.
			const rankedWords = relevance && tiers.length > 0 && optional.length > 0;
			const needsRanking = relevance && (tiers.length > 1 || attributeGroups.length > 1 || rankedWords);
			const main = add({ ...common, filter: union, sort, page: query.page, hitsPerPage: needsRanking ? 0 : query.perPage, facets: [...FACETS] });
			const ranked: LevelRequest['ranked'] = [];
			const geoSorted = geoSort !== null && sort?.[0] === geoSort;
			if (needsRanking) {
				// The tiers a first page shows (the first; with several worries, every first kind):
				// every optional word counts there, as in the embedded engine's weighted OR, not
				// only those 'last' keeps (it never drops the first word, so a listing with any
				// other word of the worry would rank with those that have none).
				const isLeading = (tierIndex: number) => tierIndex === 0 || level?.tierRounds?.[tierIndex] === 0;
				// One sub-query per word over all the leading tiers at once, split by tier here: each
				// leading tier is ranked by the same (up to MAX_SCORED_WORDS) words, as the embedded
				// engine scores every word in every tier, rather than a share of the budget each.
				let sharedWords: number[] | undefined;
				if (rankedWords) {
					const leading = tiers.filter((_, tierIndex) => isLeading(tierIndex));
					const count = Math.min(MAX_SCORED_WORDS, wordQueriesLeft, optional.length);
					wordQueriesLeft -= count;
					sharedWords = optional.slice(0, count).map((word) =>
						add({
							...common,
							q: word,
							// Tags too: the tier a hit belongs to is found here (tierOf).
							attributesToRetrieve: [...common.attributesToRetrieve, 'tags'],
							// Not in the keywords, which every listing of a tier shares (its tag or term name).
							attributesToSearchOn: [...SCORED_ATTRIBUTES],
							showMatchesPosition: true,
							filter: [...filter, leading.map(tierFilter).join(' OR ')],
							sort: geoSort ? [geoSort] : undefined,
							offset: 0,
							limit: Math.min(leading.length > 1 ? windowEnd * leading.length * UNEVEN_SHARE : windowEnd, MAX_SCORED_DEPTH)
						})
					);
					if (sharedWords.length === 0) sharedWords = undefined;
				}
				for (const [tierIndex, tier] of (tiers.length > 0 ? tiers : [null]).entries()) {
					const tierFilters = tier ? [...filter, tierFilter(tier)] : filter;
					let words = isLeading(tierIndex) ? sharedWords : undefined;
					if (rankedWords) {
						// Optional words come most telling first (the plan orders them): 'last' keeps those longest.
						const withWords = { ...common, q: optional.join(' '), matchingStrategy: 'last' as const };
						// With a location, nearest first among them (as the embedded engine orders).
						const wordsSort = geoSort ? [geoSort] : undefined;
						ranked.push({ index: add({ ...withWords, filter: tierFilters, sort: wordsSort, offset: 0, limit: windowEnd }), geoSorted: geoSort !== null, tier: tierIndex, words });
						words = undefined;
					}
					for (const attributes of attributeGroups) {
						ranked.push({
							index: add({ ...common, filter: tierFilters, sort, attributesToSearchOn: attributes, offset: 0, limit: windowEnd }),
							geoSorted,
							tier: tierIndex,
							words
						});
						words = undefined;
					}
				}
			}
			const turns = relevance && tiers.length > 0 && !(query.sort === 'distance' && geoSort) ? level?.tierRounds : undefined;
			return { level, geoSorted, main, ranked, turns };
		});

		const toResult = (responses: SearchResponse<RetrievedDocument>[]): SearchResult => {
			let result: SearchResult | null = null;
			for (const request of requests) {
				result = query.openNow
					? this.exactOpenNowResult(query, request, responses[request.main].hits, origin, now)
					: this.levelResult(query, request, responses, origin);
				if (result.total > 0) return result;
			}
			return result!;
		};
		return { queries, toResult };
	}

	private levelResult(query: SearchQuery, request: LevelRequest, responses: SearchResponse<RetrievedDocument>[], origin: LatLng | null): SearchResult {
		const main = responses[request.main];
		const total = main.totalHits ?? main.estimatedTotalHits ?? 0;
		// Meilisearch's distances differ from haversine by up to a metre: near ties are put in
		// haversine order here, so both engines list a page the same way.
		const byDistance = (hits: RetrievedDocument[], geoSorted: boolean) => (origin && geoSorted ? sortByDistance(hits, origin) : hits);
		let docs: RetrievedDocument[] = byDistance(main.hits, request.geoSorted);
		if (request.ranked.length > 0) {
			const tiers = request.level?.tiers ?? [];
			// Each listing in the first tier that has it, as the embedded engine counts it.
			const seen = new Set<string>();
			const byTier: RetrievedDocument[][] = [];
			for (const { index, geoSorted, tier, words } of request.ranked) {
				// The word sub-queries cover all leading tiers: this tier's share (each listing in its first tier).
				const scored = words ? scoredByWords(words.map((word) => responses[word]), total).filter((hit) => tierOf(hit, tiers) === tier) : [];
				// With a location, listings with a word come first, each group nearest first (as embedded).
				const first = origin && words ? sortByDistance(scored, origin) : scored;
				for (const hit of [...first, ...byDistance(responses[index].hits, geoSorted)]) {
					if (!seen.has(hit.id)) {
						seen.add(hit.id);
						(byTier[tier] ??= []).push(hit);
					}
				}
			}
			const lists = byTier.map((list) => list ?? []);
			const merged = request.turns ? inTurns(lists, request.turns) : lists.flat();
			const start = (query.page - 1) * query.perPage;
			docs = merged.slice(start, start + query.perPage);
		}
		return {
			total,
			page: query.page,
			per_page: query.perPage,
			hits: docs.map((doc) => toHit(doc, distanceTo(origin, doc))),
			facets: toFacets(main.facetDistribution)
		};
	}

	private exactOpenNowResult(query: SearchQuery, request: LevelRequest, candidates: RetrievedDocument[], origin: LatLng | null, now: Date): SearchResult {
		const tiers = request.level?.tiers ?? [];
		const relevance = query.sort === 'relevance' && ((request.level?.words.length ?? 0) > 0 || tiers.length > 0);
		const facets = emptyFacets();
		const open = candidates
			.filter((doc) => isOpenNow(doc, now))
			.map((doc, order) => ({ doc, order, tier: tiers.length > 0 ? tierOf(doc, tiers) : 0, distance: distanceTo(origin, doc) }));
		for (const { doc } of open) countFacets(facets, doc);
		let ordered = open;
		if (relevance) {
			// Meilisearch's order is kept inside a tier; with a location, nearer first.
			open.sort((a, b) => a.tier - b.tier || (origin ? (a.distance ?? Infinity) - (b.distance ?? Infinity) : 0) || a.order - b.order);
			const rounds = request.level?.tierRounds;
			if (rounds && !(query.sort === 'distance' && origin)) {
				const byTier: Array<typeof open> = tiers.map(() => []);
				for (const entry of open) byTier[Math.max(0, entry.tier)].push(entry);
				ordered = inTurns(byTier, rounds);
			}
		}
		const start = (query.page - 1) * query.perPage;
		return {
			total: open.length,
			page: query.page,
			per_page: query.perPage,
			hits: ordered.slice(start, start + query.perPage).map(({ doc, distance }) => toHit(doc, distance)),
			facets
		};
	}
}

type ScoredDocument = RetrievedDocument & { _matchesPosition?: Record<string, unknown[]> };

/**
 * Hits of one sub-query per word, best first by a weighted OR as BM25 counts it (the embedded
 * engine ranks with FTS5's bm25()): for each word a listing has, its rarity (idf over the level's
 * `total` listings) times how often and where it occurs (name 8, reading 4, description 1, saturated).
 */
export function scoredByWords(responses: SearchResponse<ScoredDocument>[], total: number): RetrievedDocument[] {
	const scores = new Map<string, { hit: RetrievedDocument; score: number }>();
	for (const response of responses) {
		const matching = response.totalHits ?? response.estimatedTotalHits ?? response.hits.length;
		const idf = Math.log(1 + (Math.max(total, matching) - matching + 0.5) / (matching + 0.5));
		for (const { _matchesPosition: positions, ...hit } of response.hits) {
			let frequency = 0;
			for (const [attribute, weight] of Object.entries(ATTRIBUTE_WEIGHTS)) frequency += weight * (positions?.[attribute]?.length ?? 0);
			const entry = scores.get(hit.id) ?? { hit, score: 0 };
			entry.score += (idf * (frequency * (K1 + 1))) / (frequency + K1);
			scores.set(hit.id, entry);
		}
	}
	return [...scores.values()]
		.sort((a, b) => b.score - a.score || a.hit.name.length - b.hit.name.length || (a.hit.sortKey < b.hit.sortKey ? -1 : a.hit.sortKey > b.hit.sortKey ? 1 : 0))
		.map(({ hit }) => hit);
}

/** Stable: by haversine distance, then よみがな, as the embedded engine orders. */
function sortByDistance(hits: RetrievedDocument[], origin: LatLng): RetrievedDocument[] {
	return hits
		.map((hit) => ({ hit, distance: distanceTo(origin, hit) ?? Infinity }))
		.sort((a, b) => a.distance - b.distance || (a.hit.sortKey < b.hit.sortKey ? -1 : a.hit.sortKey > b.hit.sortKey ? 1 : 0))
		.map(({ hit }) => hit);
}

function distanceTo(origin: LatLng | null, doc: Pick<RetrievedDocument, 'lat' | 'lng'>): number | null {
	return origin && doc.lat !== null && doc.lng !== null ? haversineMeters(origin, { lat: doc.lat, lng: doc.lng }) : null;
}

function toFacets(distribution: Record<string, Record<string, number>> | undefined): SearchFacets {
	return { field: { ...distribution?.field }, area: { ...distribution?.district }, target: { ...distribution?.targets } };
}

const UNORDERED_SETTINGS = new Set(['filterableAttributes', 'sortableAttributes']);

/** A setting as Meilisearch returns it or as we send it, in a form where equal means equal. */
function normalizeSetting(key: string, value: unknown): unknown {
	if (Array.isArray(value)) return UNORDERED_SETTINGS.has(key) ? [...value].map(String).sort() : value;
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value as Record<string, unknown>)
				.sort(([a], [b]) => (a < b ? -1 : 1))
				.map(([k, v]) => [k, normalizeSetting(k, v)])
		);
	}
	return value;
}
