import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { deskSchemes, searchAreas, summarizeHits } from '$lib/server/areas';
import { parseSearchParams, type SearchQuery, type ValidationIssue } from '$lib/domain/search';
import { UnknownAreaError, UnknownTermError } from '$lib/server/search/service';
import { filterChips, mapDataHref, pageHrefBase, printHref, searchHeading, withoutFiltersOffer } from './links';
import { searchEvents } from '$lib/server/events';
import { isStoredKindName, kindLabel, messagesFor } from '$lib/domain/i18n';

/**
 * The results page, rendered on the server so it works without JavaScript. The URL holds the
 * whole search (parseSearchParams / searchQueryToParams), so a result can be shared or reloaded.
 */
export const load: PageServerLoad = async ({ url, locals }) => {
	const app = getApp();
	const m = messagesFor(locals.language);
	const areas = searchAreas(app);
	const schemes = deskSchemes(app);
	const terms = app.taxonomy.groups();
	const parsed = parseSearchParams(url.searchParams);
	const termName = (query: SearchQuery | null) => (query?.term ? kindLabel(locals.language, query.term, app.taxonomy.term(query.term)?.name) : null);
	// What the heading quotes as entered: the words, the area, a city's own kind (marked as Japanese on English pages).
	const headingContent = (query: SearchQuery | null, areaName: string | null) => [
		query?.q,
		areaName,
		query?.term && isStoredKindName(locals.language, query.term) ? termName(query) : null
	];
	const invalid = (query: SearchQuery | null, issues: ValidationIssue[]) => ({
		areas,
		schemes,
		terms,
		query,
		areaName: null,
		heading: searchHeading(query ?? {}, null, termName(query), m),
		headingContent: headingContent(query, null),
		printHref: null,
		chips: query ? filterChips(query, null, termName(query), m) : [],
		issues,
		result: null,
		events: null,
		withoutFilters: null,
		relaxedWithout: null
	});
	if (!parsed.ok) return invalid(null, parsed.issues);
	try {
		const { result, area } = await app.search.search(parsed.query);
		return {
			areas,
			schemes,
			terms,
			query: parsed.query,
			areaName: area?.name ?? null,
			heading: searchHeading(parsed.query, area ?? null, termName(parsed.query), m),
			headingContent: headingContent(parsed.query, area?.name ?? null),
			printHref: printHref(parsed.query),
			chips: filterChips(parsed.query, area ?? null, termName(parsed.query), m),
			issues: [] as ValidationIssue[],
			result: {
				total: result.total,
				page: result.page,
				perPage: result.per_page,
				listings: summarizeHits(app, result.hits, locals.language),
				pageHrefBase: pageHrefBase(parsed.query),
				mapDataHref: mapDataHref(parsed.query)
			},
			// Events are found by the same words (新春お茶会), listed above the listings.
			events: await searchEvents(app, { q: parsed.query.q, field: parsed.query.field, area: area?.id }),
			withoutFilters: withoutFiltersOffer(parsed.query, result.without_filters, m),
			// The words as typed found nothing; these were found without the words no listing uses.
			relaxedWithout: result.relaxed?.dropped ?? null
		};
	} catch (error) {
		if (error instanceof UnknownTermError) {
			return invalid({ ...parsed.query, term: undefined }, [
				{ param: 'term', ja: m.results.unknownKind(error.term), en: `Unknown taxonomy term: ${error.term}.` }
			]);
		}
		if (!(error instanceof UnknownAreaError)) throw error;
		return invalid({ ...parsed.query, area: undefined }, [
			{ param: 'area', ja: m.results.unknownArea(error.area), en: `Unknown area: ${error.area}.` }
		]);
	}
};
