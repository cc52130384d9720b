import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { deskSchemes, searchAll, summarizeHits } from '$lib/server/areas';
import { PRINT_LIMIT, issuedOn } from '$lib/server/print';
import { parseSearchParams } from '$lib/domain/search';
import { UnknownAreaError, UnknownTermError } from '$lib/server/search/service';
import { filterChips, searchHeading, searchHref } from '../links';

/**
 * The print view of a search: every result (up to PRINT_LIMIT, saying so when there are more) in
 * the compact A4 layout, not just the page on screen. Rendered on the server; works without JS.
 */
export const load: PageServerLoad = async ({ url }) => {
	const app = getApp();
	const parsed = parseSearchParams(url.searchParams);
	if (!parsed.ok) return { issues: parsed.issues, result: null };
	const { page: _page, perPage: _perPage, ...query } = parsed.query;
	try {
		const { hits, total, area } = await searchAll(app, query, PRINT_LIMIT);
		const termName = query.term ? (app.taxonomy.term(query.term)?.name ?? null) : null;
		return {
			issues: [],
			result: {
				heading: searchHeading(query, area ?? null, termName).replace(/の検索結果$/, 'の一覧'),
				conditions: filterChips(parsed.query, area ?? null, termName).map((chip) => chip.label),
				total,
				listings: summarizeHits(app, hits),
				limit: PRINT_LIMIT,
				issuedOn: issuedOn(),
				backHref: searchHref(query),
				schemes: query.desk ? deskSchemes(app) : null
			}
		};
	} catch (error) {
		if (error instanceof UnknownTermError) {
			return {
				issues: [{ param: 'term', ja: `種類「${error.term}」は見つかりません。検索画面から選び直してください。`, en: `Unknown taxonomy term: ${error.term}.` }],
				result: null
			};
		}
		if (!(error instanceof UnknownAreaError)) throw error;
		return {
			issues: [{ param: 'area', ja: `地区「${error.area}」が見つかりません。一覧から選び直してください。`, en: `Unknown area: ${error.area}.` }],
			result: null
		};
	}
};
