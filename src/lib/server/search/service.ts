/**
 * What the routes call: resolves area names to ids, plans the query text once (Japanese text
 * module + corpus lexicon), asks the configured engine, and falls back to the embedded engine when
 * the external one fails, saying which engine answered.
 */
import { onReopen, type AppDatabase } from '../db';
import type { SearchEngine } from './engine';
import { activeNarrowingFilters, withoutNarrowingFilters, type SearchQuery, type SearchResult } from '../../domain/search';
import { katakanaToHiragana, normalizeText } from '../../domain/text/normalize';
import type { Lexicon } from '../../domain/text/lexicon';
import { QueryPlanner } from './planner';
import type { PlannerArea, QueryPlan } from '../../domain/text/query-plan';
import { EmbeddedSearchEngine } from './embedded';
import type { TaxonomyStore } from '../taxonomy';
import { eventQueryWords } from '../../domain/text/event-text';

export interface AreaRef {
	id: string;
	kind: string;
	slug: string;
	name: string;
}

export interface ServedSearch {
	result: SearchResult;
	engine: SearchEngine['name'];
	area: AreaRef | null;
}

export class UnknownAreaError extends Error {
	constructor(readonly area: string) {
		super(`unknown area: ${area}`);
	}
}

/** `term=` names no taxonomy term (the routes answer 400). */
export class UnknownTermError extends Error {
	constructor(readonly term: string) {
		super(`unknown taxonomy term: ${term}`);
	}
}

/** Where terms and the planner's dictionaries come from (the database, see server/taxonomy). */
export type TaxonomySource = Pick<TaxonomyStore, 'term' | 'terms' | 'dictionaries'>;

/** After the primary engine fails, go straight to the fallback for this long before trying again. */
const PRIMARY_RETRY_AFTER_MS = 5_000;

/** More events than a calendar ever shows for one set of words. */
const EVENT_SEARCH_LIMIT = 5_000;

export class SearchService {
	private areaCache: AreaRef[] | null = null;
	private plannerAreaCache: PlannerArea[] | null = null;
	private primaryDownUntil = 0;
	/** False while the primary engine is being skipped after a failure (the fallback answers). */
	get primaryAvailable(): boolean {
		return this.primary === this.fallback || Date.now() >= this.primaryDownUntil;
	}
	readonly planner: QueryPlanner;

	constructor(
		private readonly db: AppDatabase,
		readonly primary: SearchEngine,
		readonly fallback: SearchEngine,
		private readonly log: (message: string) => void = (message) => console.warn(message),
		/** Where the query lexicon comes from: by default the embedded engine (primary or fallback). */
		lexicon?: () => Lexicon,
		/** Without it, any term code is searched as given and the shipped 困りごと concepts are used. */
		private readonly taxonomy: TaxonomySource | null = null
	) {
		const embedded = [fallback, primary].find((engine): engine is EmbeddedSearchEngine => engine instanceof EmbeddedSearchEngine);
		const lexiconSource = lexicon ?? (embedded ? () => embedded.lexicon() : undefined);
		if (!lexiconSource) throw new Error('SearchService needs an embedded engine or a lexicon source');
		this.planner = new QueryPlanner(
			lexiconSource,
			() => this.plannerAreas(),
			taxonomy ? () => taxonomy.dictionaries() : undefined,
			embedded ? () => embedded.kindAssociations() : undefined,
			taxonomy ? () => taxonomy.terms() : undefined
		);
		// A reopened file (a restore, a read-only file made writable) may hold other areas.
		onReopen(db, () => this.invalidateAreas());
	}

	areas(): AreaRef[] {
		this.areaCache ??= this.db.$client
			.prepare('SELECT id, kind, slug, name FROM areas ORDER BY sort_order, name')
			.all() as AreaRef[];
		return this.areaCache;
	}

	/** The areas with their readings, as the planner reads area words (しもじ for 下知). */
	private plannerAreas(): PlannerArea[] {
		this.plannerAreaCache ??= this.db.$client
			.prepare('SELECT id, kind, name, name_kana AS reading FROM areas ORDER BY sort_order, name')
			.all() as PlannerArea[];
		return this.plannerAreaCache;
	}

	/**
	 * Loads what the first search would otherwise build (the engine's columns, the lexicon's
	 * indexes, the planner's vocabulary): call at start, before answering.
	 */
	warm(): void {
		for (const engine of [this.primary, this.fallback]) if (engine instanceof EmbeddedSearchEngine) engine.warm();
		// Planning any text builds the vocabulary once for this lexicon and these areas.
		this.planner.plan('準備');
	}

	/** Forgets cached areas after an admin edit. */
	invalidateAreas(): void {
		this.areaCache = null;
		this.plannerAreaCache = null;
	}

	/** An area by id, slug or name ("旭", "旭地区", "asahi"); 地区 wins over school districts. */
	resolveArea(value: string): AreaRef | null {
		const wanted = normalizeText(value);
		const bare = wanted.replace(/地区$/, '');
		const areas = this.areas();
		return (
			areas.find((area) => area.id === value || area.slug === wanted) ??
			areas.find((area) => area.kind === '地区' && normalizeText(area.name) === bare) ??
			areas.find((area) => normalizeText(area.name) === wanted) ??
			null
		);
	}

	/** The query as engines receive it (area resolved to an id) and its plan. */
	prepare(query: SearchQuery): { resolved: SearchQuery; plan: QueryPlan | null; area: AreaRef | null } {
		let area: AreaRef | null = null;
		if (query.term && this.taxonomy && !this.taxonomy.term(query.term)) throw new UnknownTermError(query.term);
		if (query.area) {
			area = this.resolveArea(query.area);
			if (!area) throw new UnknownAreaError(query.area);
		}
		return { resolved: { ...query, area: area?.id }, plan: this.planner.plan(query.q, { explicitArea: area !== null }), area };
	}

	async search(query: SearchQuery): Promise<ServedSearch> {
		const prepared = this.prepare(query);
		const { plan } = prepared;
		let served = await this.searchOnce(prepared);
		const removed = activeNarrowingFilters(query);
		// With filters, the one more search is the one without them (below): never two more.
		if (served.result.total === 0 && plan?.relaxed && removed.length === 0) {
			// The words no listing uses excluded everything: one more search without them, said so.
			const relaxed = await this.searchOnce({ ...prepared, plan: { ...plan, levels: plan.relaxed.levels } });
			if (relaxed.result.total > 0) served = { ...relaxed, result: { ...relaxed.result, relaxed: { dropped: droppedAsTyped(plan.relaxed.dropped, query.q ?? '') } } };
		}
		if (served.result.total === 0 && query.q && removed.length > 0) {
			// The words find something, the filters remove all of it: say so rather than "nothing".
			const unfiltered = await this.searchOnce(this.prepare({ ...withoutNarrowingFilters(query), page: 1 }));
			if (unfiltered.result.total > 0) served.result = { ...served.result, without_filters: { total: unfiltered.result.total, removed } };
		}
		// Found only without some words still tells curators what listings lack (愚痴).
		const missed = (served.result.total === 0 && !served.result.without_filters) || served.result.relaxed !== undefined;
		if (missed && query.q && query.page === 1) this.recordMiss(query.q);
		return served;
	}

	/**
	 * Ids of the public events whose title, reading or text hold every word of `q` (at most
	 * `limit`), from the configured engine, or the embedded one when it fails.
	 */
	async searchEventIds(q: string, limit = EVENT_SEARCH_LIMIT): Promise<string[]> {
		const words = eventQueryWords(q);
		if (words.length === 0) return [];
		if (this.primary !== this.fallback && Date.now() >= this.primaryDownUntil) {
			try {
				return await this.primary.searchEvents(words, limit);
			} catch (error) {
				this.primaryDownUntil = Date.now() + PRIMARY_RETRY_AFTER_MS;
				this.log(`search: ${this.primary.name} failed on events (${(error as Error).message}); answered by ${this.fallback.name}`);
			}
		}
		return this.fallback.searchEvents(words, limit);
	}

	private async searchOnce({ resolved, plan, area }: ReturnType<SearchService['prepare']>): Promise<ServedSearch> {
		let served: ServedSearch | null = null;
		if (this.primary !== this.fallback && Date.now() >= this.primaryDownUntil) {
			try {
				served = { result: await this.primary.search(resolved, plan), engine: this.primary.name, area };
			} catch (error) {
				this.primaryDownUntil = Date.now() + PRIMARY_RETRY_AFTER_MS;
				this.log(`search: ${this.primary.name} failed (${(error as Error).message}); answered by ${this.fallback.name}`);
			}
		}
		served ??= { result: await this.fallback.search(resolved, plan), engine: this.fallback.name, area };
		if (this.taxonomy) served.result.hits = served.result.hits.map((hit) => ({ ...hit, term_names: this.termNames(hit.terms) }));
		return served;
	}

	/** Term names as stored now (the engines keep codes; a renamed term shows its new name at once). */
	private termNames(codes: string[]): string[] {
		return codes.map((code) => this.taxonomy?.term(code)?.name ?? code);
	}

	/** Queries that found nothing, counted: what the dictionaries should learn next. */
	private recordMiss(q: string): void {
		try {
			this.db.$client
				.prepare(
					`INSERT INTO search_misses (query, count, last_at) VALUES (?, 1, ?)
					 ON CONFLICT(query) DO UPDATE SET count = count + 1, last_at = excluded.last_at`
				)
				.run(normalizeText(q).slice(0, 200), new Date().toISOString());
		} catch {
			// A read-only database must not break search.
		}
	}
}

/**
 * The dropped words the resident typed: a word the planner respelled (a dialect ending folded, kana
 * read as a loanword) is not quoted back as if typed.
 */
export function droppedAsTyped(words: readonly string[], q: string): string[] {
	const typed = normalizeText(q);
	const typedKana = katakanaToHiragana(typed);
	return words.filter((word) => typed.includes(word) || typedKana.includes(word));
}
