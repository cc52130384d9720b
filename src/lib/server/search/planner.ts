/**
 * Plans query texts for both engines with the shipped dictionaries, the corpus lexicon and the
 * areas, and holds the rules of a plan that both engines apply the same way.
 */
import type { SearchDocument } from '../../domain/search';
import { dictionaries as shippedDictionaries, type Dictionaries } from '../../domain/text/dictionaries';
import { Lexicon } from '../../domain/text/lexicon';
import { NO_ASSOCIATIONS, type KindAssociations } from '../../domain/text/kind-associations';
import { TAXONOMY_TERMS } from '../../domain/taxonomy';
import type { KindName } from '../../domain/text/named-kinds';
import { planQuery, type PlannerArea, type QueryPlan, type WorryTier } from '../../domain/text/query-plan';

/** Plans kept for texts asked again (a portal's searches repeat: 薬局, サロン, the links on its pages). */
export const PLAN_CACHE_SIZE = 1_000;

export class QueryPlanner {
	/** Text → plan, least recently used first; valid while `cacheSources` are the ones planned with. */
	private readonly planCache = new Map<string, QueryPlan>();
	private cacheSources: unknown[] = [];

	constructor(
		private readonly lexicon: () => Lexicon,
		private readonly areas: () => readonly PlannerArea[] = () => [],
		/** The 困りごと concepts come from the database (TaxonomyStore); the shipped ones by default. */
		private readonly dictionaries: () => Dictionaries = shippedDictionaries,
		/** Sign → kind associations learned from the listings (built once per index version). */
		private readonly associations: () => KindAssociations = () => NO_ASSOCIATIONS,
		/** The taxonomy terms (the database's; the built-in ones by default). */
		private readonly kinds: () => readonly KindName[] = () => TAXONOMY_TERMS,
		/** How many plans to keep (0: plan every time). */
		private cacheSize = PLAN_CACHE_SIZE
	) {}

	/** Plans every text afresh from now on (the benchmark's figure for texts nobody asked before). */
	disableCache(): void {
		this.cacheSize = 0;
		this.planCache.clear();
	}

	/**
	 * The plan for a query text; null when there is no text. A plan is shared by every request
	 * that asks the same text until the lexicon, dictionaries, areas, associations or terms change,
	 * so it is frozen: engines read it, never change it.
	 */
	plan(q: string | undefined, options: { explicitArea?: boolean } = {}): QueryPlan | null {
		if (!q || !q.trim()) return null;
		const context = {
			dictionaries: this.dictionaries(),
			lexicon: this.lexicon(),
			areas: this.areas(),
			associations: this.associations(),
			kinds: this.kinds(),
			explicitArea: options.explicitArea
		};
		if (this.cacheSize === 0) return planQuery(q, context);
		// The lexicon changes in place with every upsert: its version tells a changed one (as the vocabulary's cache does).
		const sources = [context.dictionaries, context.lexicon, context.lexicon.version, context.areas, context.associations, context.kinds];
		if (sources.some((source, index) => source !== this.cacheSources[index])) {
			this.planCache.clear();
			this.cacheSources = sources;
		}
		const key = `${options.explicitArea ? 1 : 0}${q}`;
		let plan = this.planCache.get(key);
		if (plan) this.planCache.delete(key);
		else {
			plan = deepFreeze(planQuery(q, context));
			if (this.planCache.size >= this.cacheSize) this.planCache.delete(this.planCache.keys().next().value!);
		}
		this.planCache.set(key, plan);
		return plan;
	}
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const member of Object.values(value)) deepFreeze(member);
	}
	return value;
}

const EMPTY_LEXICON = new Lexicon();

/** The plan an engine makes when called without one (dictionaries only, no lexicon or areas). */
export function basicPlan(q: string | undefined): QueryPlan | null {
	return new QueryPlanner(() => EMPTY_LEXICON).plan(q);
}

/** Index of the first tier the listing belongs to; -1 when none. */
export function tierOf(doc: Pick<SearchDocument, 'tags' | 'terms'>, tiers: readonly WorryTier[]): number {
	return tiers.findIndex((tier) => ('tag' in tier ? doc.tags.includes(tier.tag) : doc.terms.includes(tier.term)));
}

/**
 * Lists merged in turns: the lists of round 0 take one item each in turn until all are used up,
 * then those of round 1, and so on (`rounds[i]` is list i's round; lists are in tier order).
 */
export function inTurns<T>(lists: readonly (readonly T[])[], rounds: readonly number[]): T[] {
	const merged: T[] = [];
	const order = [...new Set(rounds)].sort((a, b) => a - b);
	for (const round of order) {
		const members = lists.filter((_, index) => rounds[index] === round);
		const longest = Math.max(0, ...members.map((list) => list.length));
		for (let position = 0; position < longest; position++) {
			for (const list of members) if (position < list.length) merged.push(list[position]);
		}
	}
	return merged;
}
