/**
 * The multi-search the Meilisearch engine sends for a planned query: bounded however many worries
 * a sentence names and however deep the page (built without a server; the results are tested on
 * the real Meilisearch in tests/integration).
 */
import { describe, expect, it } from 'vitest';
import { parseSearchParams } from '../../src/lib/domain/search';
import { dictionaries } from '../../src/lib/domain/text/dictionaries';
import { Lexicon } from '../../src/lib/domain/text/lexicon';
import { planQuery, type PlannerArea } from '../../src/lib/domain/text/query-plan';
import { MAX_SCORED_DEPTH, MAX_WORD_QUERIES, MeilisearchSearchEngine } from '../../src/lib/server/search/meilisearch/engine';

const AREAS: PlannerArea[] = [{ id: 'area-asahi', kind: '地区', name: '旭' }];
const engine = new MeilisearchSearchEngine({ url: 'http://127.0.0.1:9', apiKey: null, index: 'services' });
/** A sentence naming six worries and an area. */
const SIX_WORRIES = '旭で電球が切れて、ゴミ出しもつらい。認知症の母の通院と買い物、子育ての相談もしたい、お金も足りない';

function wordQueries(params: Record<string, string>) {
	const parsed = parseSearchParams(new URLSearchParams(params));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
	const plan = planQuery(parsed.query.q!, { dictionaries: dictionaries(), lexicon: new Lexicon(), areas: AREAS });
	const { queries } = engine.plannedRequest(parsed.query, plan);
	// The per-word sub-queries are the ones that ask where each match is (the weighted OR).
	return { plan, queries, words: queries.filter((query) => query.showMatchesPosition) };
}

describe('Meilisearch multi-search for a planned query', () => {
	it('sends at most the word budget of per-word sub-queries for a sentence naming six worries and an area', () => {
		const { plan, words } = wordQueries({ q: SIX_WORRIES });
		// The plan does have several leading kinds on two levels (with the area and without).
		expect(plan.levels.filter((level) => level.tiers.length > 0).length).toBeGreaterThanOrEqual(2);
		expect(plan.levels[0].tierRounds?.filter((round) => round === 0).length).toBeGreaterThanOrEqual(5);
		expect(words.length).toBeGreaterThan(0);
		expect(words.length).toBeLessThanOrEqual(MAX_WORD_QUERIES);
		// Spent on the first level (the area) first.
		expect(words[0].filter).toContain('areaIds = "area-asahi"');
	});

	it('never asks the per-word sub-queries for more than the scored depth, however deep the page', () => {
		const { words } = wordQueries({ q: SIX_WORRIES, page: '10000', per_page: '100' });
		expect(words.length).toBeGreaterThan(0);
		for (const query of words) expect(query.limit).toBeLessThanOrEqual(MAX_SCORED_DEPTH);
		// A first page asks for what it shows (one kind); several kinds share each word's hits, a few pages' worth.
		const oneKind = wordQueries({ q: '家でお風呂に入れなくなった', per_page: '10' }).words;
		expect(oneKind.length).toBeGreaterThan(0);
		for (const query of oneKind) expect(query.limit).toBe(10);
		for (const query of wordQueries({ q: SIX_WORRIES, per_page: '10' }).words) expect(query.limit).toBeLessThanOrEqual(MAX_SCORED_DEPTH);
	});

	it('ranks every leading kind by the same words: one sub-query per word over all of them, not a share of the budget each', () => {
		const { plan, words } = wordQueries({ q: '電球が切れて、ゴミ出しもつらい' });
		const leading = plan.levels[0].tiers.filter((_, index) => index === 0 || plan.levels[0].tierRounds?.[index] === 0);
		expect(leading.length).toBeGreaterThan(1);
		const optional = plan.levels[0].optional ?? [];
		// Each word once (up to the budget), each asked of every leading kind.
		expect(words.map((query) => query.q)).toEqual(optional.slice(0, Math.min(optional.length, MAX_WORD_QUERIES)));
		for (const query of words) expect(String(query.filter)).toContain(' OR ');
	});
});
