import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/permissions';
import { listListings, LISTINGS_PER_PAGE, parseListingFilter } from '$lib/server/admin/queries';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const filter = parseListingFilter(event.url.searchParams);
	const { rows, total } = listListings(getApp().db, user, filter);
	return { rows, total, filter, perPage: LISTINGS_PER_PAGE };
};
