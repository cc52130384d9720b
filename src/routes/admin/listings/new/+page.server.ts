import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/permissions';
import { emptyListingValues } from '$lib/components/admin/listing-form';
import { listingValuesFromForm, parseListingValues } from '$lib/server/admin/listing-input';
import { adminContext, asHttpFailure, invalidListing, listingFormOptions, listingHelperActions } from '$lib/server/admin/routes';
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
		const values = listingValuesFromForm(await event.request.formData());
		const parsed = parseListingValues(values);
		if (!parsed.ok) return invalidListing(values, parsed.errors);
		let id: string;
		try {
			id = await createListing(adminContext(), user, parsed.input);
		} catch (caught) {
			return asHttpFailure(caught, { values });
		}
		redirect(303, `/admin/listings/${id}?created=1`);
	},
	...listingHelperActions
};
