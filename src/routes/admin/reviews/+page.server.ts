import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { isCurator, requireUser } from '$lib/server/auth/permissions';
import { listingsAwaitingReview, pendingChangeRequests } from '$lib/server/admin/queries';
import { eventsAwaitingReview, pendingEventRequests } from '$lib/server/admin/event-requests';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const { db } = getApp();
	return {
		canReview: isCurator(user),
		requests: pendingChangeRequests(db, user).map(({ payload: _payload, ...request }) => request),
		newListings: listingsAwaitingReview(db, user),
		eventRequests: pendingEventRequests(db, user).map(({ changes: _changes, ...request }) => request),
		newEvents: eventsAwaitingReview(db, user)
	};
};
