import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { deskSchemes, searchAll, summarizeHits } from '$lib/server/areas';
import { PRINT_LIMIT, issuedOn } from '$lib/server/print';
import { parseSearchParams } from '$lib/domain/search';
import { UnknownAreaError, UnknownTermError } from '$lib/server/search/service';
import { filterChips, searchHeading, searchHref } from '../links';
import { kindLabel, messagesFor } from '$lib/domain/i18n';

/**
 * The print view of a search: every result (up to PRINT_LIMIT, saying so when there are more) in
 * the compact A4 layout, not just the page on screen. Rendered on the server; works without JS.
 */
export const load: PageServerLoad = async ({ url, locals }) => {
	const app = getApp();
	const { language } = locals;
	const m = messagesFor(language);
	const parsed = parseSearchParams(url.searchParams);
	if (!parsed.ok) return { issues: parsed.issues, result: null };
	const { page: _page, perPage: _perPage, ...query } = parsed.query;
	try {
		const { hits, total, area } = await searchAll(app, query, PRINT_LIMIT);
		const termName = query.term ? kindLabel(language, query.term, app.taxonomy.term(query.term)?.name) : null;
		return {
			issues: [],
			result: {
				heading: m.searchPrint.heading(searchHeading(query, area ?? null, termName, m)),
				// Words quoted as entered (marked as Japanese on English pages).
				content: [query.q, area?.name, termName],
				conditions: filterChips(parsed.query, area ?? null, termName, m).map((chip) => chip.label),
				total,
				listings: summarizeHits(app, hits, language),
				limit: PRINT_LIMIT,
				issuedOn: issuedOn(app.now(), language),
				backHref: searchHref(query),
				schemes: query.desk ? deskSchemes(app) : null
			}
		};
	} catch (error) {
		if (error instanceof UnknownTermError) {
			return {
				issues: [{ param: 'term', ja: m.results.unknownKind(error.term), en: `Unknown taxonomy term: ${error.term}.` }],
				result: null
			};
		}
		if (!(error instanceof UnknownAreaError)) throw error;
		return {
			issues: [{ param: 'area', ja: m.results.unknownArea(error.area), en: `Unknown area: ${error.area}.` }],
			result: null
		};
	}
};
