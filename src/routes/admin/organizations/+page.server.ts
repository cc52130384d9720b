import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { requireCurator } from '$lib/server/auth/permissions';
import { createOrganization, listOrganizations, organizationValuesFromForm } from '$lib/server/admin/organizations';
import { asHttpFailure } from '$lib/server/admin/routes';

export const load: PageServerLoad = (event) => {
	requireCurator(event);
	const q = event.url.searchParams.get('q') ?? '';
	return { q, organizations: listOrganizations(getApp().db, q) };
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireCurator(event);
		const values = organizationValuesFromForm(await event.request.formData());
		let id: string;
		try {
			id = createOrganization(getApp().db, user, values);
		} catch (caught) {
			return asHttpFailure(caught, { values });
		}
		redirect(303, `/admin/organizations/${id}?created=1`);
	}
};
