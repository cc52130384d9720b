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

export class QueryPlanner {
	constructor(
		private readonly lexicon: () => Lexicon,
		private readonly areas: () => readonly PlannerArea[] = () => [],
		/** The 困りごと concepts come from the database (TaxonomyStore); the shipped ones by default. */
		private readonly dictionaries: () => Dictionaries = shippedDictionaries,
		/** Sign → kind associations learned from the listings (built once per index version). */
		private readonly associations: () => KindAssociations = () => NO_ASSOCIATIONS,
		/** The taxonomy terms (the database's; the built-in ones by default). */
		private readonly kinds: () => readonly KindName[] = () => TAXONOMY_TERMS
	) {}

	/** The plan for a query text; null when there is no text. */
	plan(q: string | undefined, options: { explicitArea?: boolean } = {}): QueryPlan | null {
		if (!q || !q.trim()) return null;
		return planQuery(q, {
			dictionaries: this.dictionaries(),
			lexicon: this.lexicon(),
			areas: this.areas(),
			associations: this.associations(),
			kinds: this.kinds(),
			explicitArea: options.explicitArea
		});
	}
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
