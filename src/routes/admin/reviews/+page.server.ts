import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { isCurator, requireUser } from '$lib/server/auth/permissions';
import { listingsAwaitingReview, pendingChangeRequests } from '$lib/server/admin/queries';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const { db } = getApp();
	return {
		canReview: isCurator(user),
		requests: pendingChangeRequests(db, user).map(({ payload: _payload, ...request }) => request),
		newListings: listingsAwaitingReview(db, user)
	};
};
