import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { parseSearchParams } from '$lib/domain/search';
import { UnknownAreaError, UnknownTermError } from '$lib/server/search/service';
import { badRequest, unknownAreaResponse } from '$lib/server/http';

export const GET: RequestHandler = async ({ url }) => {
	const parsed = parseSearchParams(url.searchParams);
	if (!parsed.ok) return badRequest(parsed.issues);
	try {
		const { result, engine } = await getApp().search.search(parsed.query);
		return json(result, { headers: { 'x-search-engine': engine, 'cache-control': 'no-store' } });
	} catch (error) {
		if (error instanceof UnknownAreaError) {
			return unknownAreaResponse(error.area);
		}
		if (error instanceof UnknownTermError) {
			return badRequest([
				{ param: 'term', ja: `分類「${error.term}」は見つかりません。`, en: `Unknown taxonomy term: ${error.term}.` }
			]);
		}
		throw error;
	}
};
