import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/permissions';
import { emptyListingValues } from '$lib/domain/listing-form';
import { adminContext, asHttpFailure, listingFormOptions, listingHelperActions, postedListing } from '$lib/server/admin/routes';
import { createListing } from '$lib/server/admin/workflow';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const options = listingFormOptions(user);
	const organizationId = options.organizations.length === 1 ? options.organizations[0].id : '';
	return { values: emptyListingValues(organizationId), options };
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireUser(event);
		const { values, input, invalid } = await postedListing(event);
		if (invalid) return invalid;
		let id: string;
		try {
			id = await createListing(adminContext(), user, input);
		} catch (caught) {
			return asHttpFailure(caught, { values });
		}
		redirect(303, `/admin/listings/${id}?created=1`);
	},
	...listingHelperActions
};
