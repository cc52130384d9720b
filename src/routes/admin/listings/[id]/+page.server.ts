import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getApp } from '$lib/server/app';
import { canEditOrganization, isCurator, requireUser } from '$lib/server/auth/permissions';
import { auditTrail } from '$lib/server/admin/audit';
import { describeAuditEntry } from '$lib/server/admin/diff';
import { listingInputToValues } from '$lib/server/admin/listing-input';
import { readListing } from '$lib/server/admin/listing-store';
import { changeRequestsOfListing, displayNames } from '$lib/server/admin/queries';
import { adminContext, asHttpFailure, listingFormOptions, listingHelperActions, postedListing } from '$lib/server/admin/routes';
import { changeStatus, saveListing, verifyListing, type StatusAction } from '$lib/server/admin/workflow';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const { db } = getApp();
	const listing = readListing(db, event.params.id);
	if (!listing) error(404, '指定された掲載は見つかりません。');
	// An org_editor may not even read another organisation's listing (drafts, pending edits).
	if (!canEditOrganization(user, listing.organizationId)) error(403, 'この団体の掲載を見る権限がありません。');
	const names = displayNames(db);
	return {
		listing: { id: listing.id, name: listing.input.name, status: listing.status, lastVerifiedAt: listing.lastVerifiedAt },
		values: listingInputToValues(listing.input),
		options: listingFormOptions(user),
		canReview: isCurator(user),
		requests: changeRequestsOfListing(db, listing.id).map(({ payload: _payload, ...request }) => request),
		history: auditTrail(db, 'service', listing.id).map((entry) => describeAuditEntry(entry, names)),
		created: event.url.searchParams.has('created')
	};
};

async function statusAction(event: RequestEvent, action: StatusAction) {
	const user = requireUser(event);
	try {
		await changeStatus(adminContext(), user, event.params.id, action);
	} catch (caught) {
		return asHttpFailure(caught, {});
	}
	return { statusChanged: action };
}

export const actions: Actions = {
	save: async (event) => {
		const user = requireUser(event);
		const { values, input, invalid } = await postedListing(event);
		if (invalid) return invalid;
		try {
			const outcome = await saveListing(adminContext(), user, event.params.id, input);
			return {
				values: listingInputToValues(input),
				errors: {},
				notice:
					outcome.kind === 'applied'
						? '保存しました。公開中の掲載には、すぐに反映されます。'
						: '修正を申請しました。市・社協が確認して承認すると、公開中の掲載に反映されます。'
			};
		} catch (caught) {
			return asHttpFailure(caught, { values });
		}
	},
	publish: (event) => statusAction(event, 'publish'),
	unpublish: (event) => statusAction(event, 'unpublish'),
	archive: (event) => statusAction(event, 'archive'),
	verify: async (event) => {
		const user = requireUser(event);
		try {
			return { verified: await verifyListing(adminContext(), user, event.params.id) };
		} catch (caught) {
			return asHttpFailure(caught, {});
		}
	},
	...listingHelperActions
};
