/**
 * Relevance evaluation: a query set scored the way /api/search answers (URL parameters →
 * parseSearchParams → SearchService), with success@10, MRR@10 and, for queries with a location,
 * nDCG@10. Used by `npm run eval:search`.
 */
import { z } from 'zod';
import { parseSearchParams } from '../../domain/search';
import type { SearchService } from './service';

export const EvalQuery = z.object({
	id: z.string(),
	q: z.string(),
	kind: z.string(),
	/** Listing ids that answer the query, best first. */
	relevant: z.array(z.string()).min(1),
	area: z.string().optional(),
	near: z.object({ lat: z.number(), lng: z.number() }).optional(),
	/** How the sentence is written (colloquial, dialect, indirect, kana, ime), for judged worry sets. */
	style: z.string().optional(),
	/** 'heldout': never looked at while tuning; 'final': written after the last tuning change. Default 'tuned'. */
	split: z.enum(['tuned', 'heldout', 'final']).optional(),
	/** What the judge looked for in the listings. */
	judged: z.string().optional()
});
export type EvalQuery = z.infer<typeof EvalQuery>;
export const EvalQuerySet = z.array(EvalQuery);

/** The judged query sets scored by default (tuned and held-out splits), oldest first. */
export const EVAL_QUERY_FILES = [
	'data/eval/dev.json',
	'data/eval/worries.json',
	...[3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16].map((round) => `data/eval/worries-round${round}.json`)
];
/** The sealed set: written after the last tuning change, scored once (split 'final'). */
export const FINAL_QUERY_FILE = 'data/eval/worries-final.json';

export const CUTOFF = 10;

export interface QueryScore {
	id: string;
	kind: string;
	q: string;
	engine: string;
	success: number;
	reciprocalRank: number;
	/** Only for queries with `near`. */
	ndcg: number | null;
	top: string[];
}

/** The URL parameters the query stands for (what a browser would send). */
export function queryParams(query: EvalQuery): URLSearchParams {
	const params = new URLSearchParams({ q: query.q, per_page: String(CUTOFF) });
	if (query.area) params.set('area', query.area);
	if (query.near) {
		params.set('lat', String(query.near.lat));
		params.set('lng', String(query.near.lng));
	}
	return params;
}

/** nDCG@10 with graded gains: the i-th relevant listing (best first) has gain n − i. */
export function ndcgAt(ranked: string[], relevant: string[], cutoff = CUTOFF): number {
	const gain = new Map(relevant.map((id, index) => [id, relevant.length - index]));
	const dcg = ranked.slice(0, cutoff).reduce((sum, id, index) => sum + (gain.get(id) ?? 0) / Math.log2(index + 2), 0);
	const ideal = relevant.slice(0, cutoff).reduce((sum, id, index) => sum + gain.get(id)! / Math.log2(index + 2), 0);
	return ideal > 0 ? dcg / ideal : 0;
}

export function reciprocalRankAt(ranked: string[], relevant: string[], cutoff = CUTOFF): number {
	const wanted = new Set(relevant);
	const index = ranked.slice(0, cutoff).findIndex((id) => wanted.has(id));
	return index < 0 ? 0 : 1 / (index + 1);
}

export async function scoreQuery(service: SearchService, query: EvalQuery): Promise<QueryScore> {
	const parsed = parseSearchParams(queryParams(query));
	if (!parsed.ok) throw new Error(`query ${query.id}: ${parsed.issues.map((issue) => issue.en).join(' ')}`);
	const served = await service.search(parsed.query);
	const ranked = served.result.hits.map((hit) => hit.id);
	const reciprocalRank = reciprocalRankAt(ranked, query.relevant);
	return {
		id: query.id,
		kind: query.kind,
		q: query.q,
		engine: served.engine,
		success: reciprocalRank > 0 ? 1 : 0,
		reciprocalRank,
		ndcg: query.near ? ndcgAt(ranked, query.relevant) : null,
		top: ranked
	};
}

export interface Summary {
	group: string;
	queries: number;
	successAt10: number;
	mrr: number;
	/** Mean over the queries with a location; null when there are none. */
	ndcgAt10: number | null;
}

function mean(values: number[]): number {
	return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

export function summarize(group: string, scores: QueryScore[]): Summary {
	const ndcgs = scores.map((score) => score.ndcg).filter((value): value is number => value !== null);
	return {
		group,
		queries: scores.length,
		successAt10: mean(scores.map((score) => score.success)),
		mrr: mean(scores.map((score) => score.reciprocalRank)),
		ndcgAt10: ndcgs.length > 0 ? mean(ndcgs) : null
	};
}

/** Overall first, then one row per kind. */
export function summarizeByKind(scores: QueryScore[]): Summary[] {
	const kinds = [...new Set(scores.map((score) => score.kind))].sort();
	return [summarize('all', scores), ...kinds.map((kind) => summarize(kind, scores.filter((score) => score.kind === kind)))];
}

/**
 * Per split (tuned first, then held-out, then final): overall, per kind, and per writing style of
 * the worry sentences ("worry/dialect"). Groups are named "<split> <group>".
 */
export function summarizeSplits(scores: QueryScore[], splitOf: (score: QueryScore) => string, styleOf: (score: QueryScore) => string | undefined): Summary[] {
	const order = ['tuned', 'heldout', 'final'];
	const splits = [...new Set(scores.map(splitOf))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
	return splits.flatMap((split) => {
		const inSplit = scores.filter((score) => splitOf(score) === split);
		const styles = [...new Set(inSplit.map((score) => styleOf(score)).filter((style): style is string => !!style))].sort();
		const rows = summarizeByKind(inSplit);
		for (const style of styles) rows.push(summarize(`worry/${style}`, inSplit.filter((score) => styleOf(score) === style)));
		return rows.map((row) => ({ ...row, group: `${split} ${row.group}` }));
	});
}
