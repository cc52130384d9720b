import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getApp } from '$lib/server/app';
import { requireCurator } from '$lib/server/auth/permissions';
import { diffListings } from '$lib/server/admin/diff';
import { listingInputToValues, parseStoredListingInput } from '$lib/server/admin/listing-input';
import { readListing } from '$lib/server/admin/listing-store';
import { changeRequestById, displayNames } from '$lib/server/admin/queries';
import { adminContext, asHttpFailure, listingFormOptions, listingHelperActions, postedListing } from '$lib/server/admin/routes';
import { approveEdit, closeChangeRequest } from '$lib/server/admin/workflow';
import type { SuggestionPayload } from '$lib/server/admin/suggestions';

export const load: PageServerLoad = (event) => {
	const user = requireCurator(event);
	const { db } = getApp();
	const request = changeRequestById(db, event.params.id);
	if (!request) error(404, '指定された申請は見つかりません。');
	const current = readListing(db, request.serviceId);
	if (!current) error(404, '申請の対象の掲載が見つかりません。');
	const { payload, ...summary } = request;
	if (request.kind === 'suggestion') {
		return { request: summary, listingStatus: current.status, suggestion: JSON.parse(payload) as SuggestionPayload, edit: null };
	}
	const proposal = parseStoredListingInput(payload);
	return {
		request: summary,
		listingStatus: current.status,
		suggestion: null,
		edit: {
			changes: proposal ? diffListings(current.input, proposal, displayNames(db)) : [],
			unreadable: proposal === null,
			values: listingInputToValues(proposal ?? current.input),
			options: listingFormOptions(user)
		}
	};
};

/**
 * Closes the request with the curator's comment (which goes back to the form if it is refused)
 * and returns to the review queue. `outcomeOf` reads the outcome from the posted form.
 */
async function closeWithComment(event: RequestEvent, outcomeOf: (form: FormData) => 'approved' | 'rejected') {
	const user = requireCurator(event);
	const form = await event.request.formData();
	const comment = String(form.get('comment') ?? '');
	const outcome = outcomeOf(form);
	try {
		closeChangeRequest(adminContext(), user, event.params.id, outcome, comment);
	} catch (caught) {
		return asHttpFailure(caught, { comment });
	}
	redirect(303, '/admin/reviews');
}

export const actions: Actions = {
	/** Applies the proposal as shown in the form (the curator may have corrected it). */
	approve: async (event) => {
		const user = requireCurator(event);
		const { values, input, invalid } = await postedListing(event);
		if (invalid) return invalid;
		const request = changeRequestById(getApp().db, event.params.id);
		try {
			await approveEdit(adminContext(), user, event.params.id, input);
		} catch (caught) {
			return asHttpFailure(caught, { values });
		}
		redirect(303, `/admin/listings/${request?.serviceId ?? ''}`);
	},
	reject: (event) => closeWithComment(event, () => 'rejected'),
	/** A suggestion: 対応済み (the curator fixed the listing) or 見送り. */
	resolve: (event) => closeWithComment(event, (form) => (form.get('outcome') === 'approved' ? 'approved' : 'rejected')),
	...listingHelperActions
};
