/**
 * こんなときに (guided search): a worry and a place → the fitting listings nearest first, and the
 * nearest certified desk beside them. The worries are the 困りごと concepts (as curators keep them
 * in the database, seeded from data/dictionaries/worries.json) that say how a resident puts them
 * (`ask`); their first key is the query, so the search engines answer from the same 困りごと data
 * (tags and terms in tiers) as a typed search.
 */
import { MESSAGES, type Language } from '../domain/i18n';
import { z } from 'zod';
import type { App } from './app';
import type { TaxonomyStore } from './taxonomy';
import { summarizeHits } from './areas';
import type { ListingSummary } from '$lib/domain/listing-view';

export interface GuidedWorry {
	/** The worry's first key: its id in URLs (?worry=電球) and the query searched. */
	key: string;
	/** How a resident says it: 「電球を替えてほしい」. */
	ask: string;
}

const guidedCache = new WeakMap<TaxonomyStore, { version: number; worries: GuidedWorry[] }>();

/** The concepts a resident can pick (those with an `ask`, not generic), once per taxonomy version. */
export function guidedWorries(taxonomy: TaxonomyStore): readonly GuidedWorry[] {
	const cached = guidedCache.get(taxonomy);
	if (cached && cached.version === taxonomy.version) return cached.worries;
	const worries = taxonomy
		.concepts()
		.filter((concept) => !concept.generic && typeof concept.extra.ask === 'string' && concept.extra.ask.trim() !== '' && concept.keys.length > 0)
		.map((concept) => ({ key: concept.keys[0], ask: (concept.extra.ask as string).trim() }));
	guidedCache.set(taxonomy, { version: taxonomy.version, worries });
	return worries;
}

/** How many listings the first answer shows; the rest are one link away. */
export const GUIDED_RESULTS = 10;

export const GuidedParams = z.object({
	worry: z.string().trim().max(100).optional(),
	area: z.string().trim().max(100).optional(),
	lat: z.coerce.number().min(20).max(46).optional(),
	lng: z.coerce.number().min(122).max(154).optional()
});

export interface GuidedPlace {
	lat: number;
	lng: number;
	/** 「旭地区」 or 「現在地」 */
	label: string;
	/** The 地区 chosen, when the place is an area. */
	areaName: string | null;
}

export interface GuidedAnswer {
	worry: GuidedWorry;
	place: GuidedPlace;
	listings: ListingSummary[];
	total: number;
	nearestDesk: ListingSummary | null;
	/** The whole answer as a search (same order), for more than the first few. */
	allHref: string;
}

/** A 地区 by name or slug, with its centre as the place distances are measured from. */
export function areaPlace(app: App, value: string, language: Language = 'ja'): GuidedPlace | null {
	const area = app.search.resolveArea(value);
	if (!area) return null;
	const center = app.db.$client.prepare('SELECT center_lat AS lat, center_lng AS lng FROM areas WHERE id = ?').get(area.id) as
		| { lat: number | null; lng: number | null }
		| undefined;
	if (center?.lat == null || center.lng == null) return null;
	const label = MESSAGES[language].areaPlace(area.name, area.kind);
	return { lat: center.lat, lng: center.lng, label, areaName: area.name };
}

export function findWorry(worries: readonly GuidedWorry[], key: string | undefined): GuidedWorry | null {
	if (!key) return null;
	return worries.find((worry) => worry.key === key || worry.ask === key) ?? null;
}

export async function guidedAnswer(app: App, worry: GuidedWorry, place: GuidedPlace, language: Language = 'ja'): Promise<GuidedAnswer> {
	const origin = { lat: place.lat, lng: place.lng };
	// Relevance with an origin: the worry's first tier (e.g. 電球交換) nearest first, then the next.
	const [found, desks] = await Promise.all([
		app.search.search({ q: worry.key, ...origin, sort: 'relevance', page: 1, perPage: GUIDED_RESULTS }),
		app.search.search({ desk: true, ...origin, sort: 'distance', page: 1, perPage: 1 })
	]);
	const [nearestDesk = null] = summarizeHits(app, desks.result.hits, language);
	const params = new URLSearchParams({ q: worry.key, lat: String(place.lat), lng: String(place.lng) });
	return {
		worry,
		place,
		listings: summarizeHits(app, found.result.hits, language),
		total: found.result.total,
		nearestDesk,
		allHref: `/search?${params}`
	};
}
