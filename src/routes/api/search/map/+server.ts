import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { parseSearchParams } from '$lib/domain/search';
import { UnknownAreaError } from '$lib/server/search/service';
import { badRequest, unknownAreaResponse } from '$lib/server/http';
import { mapFeatures } from '$lib/server/map-points';
import { searchAll } from '$lib/server/areas';

/**
 * GET /api/search/map?<the same parameters as /api/search> — every hit of the search (all pages)
 * as a GeoJSON FeatureCollection of points with name, field, kind and phone, for the result map.
 */
export const GET: RequestHandler = async ({ url, locals }) => {
	const parsed = parseSearchParams(url.searchParams);
	if (!parsed.ok) return badRequest(parsed.issues);
	try {
		const app = getApp();
		const { hits } = await searchAll(app, parsed.query);
		return json(mapFeatures(app, hits, locals.language), { headers: { 'content-type': 'application/geo+json; charset=utf-8', 'cache-control': 'no-store' } });
	} catch (error) {
		if (error instanceof UnknownAreaError) {
			return unknownAreaResponse(error.area);
		}
		throw error;
	}
};
