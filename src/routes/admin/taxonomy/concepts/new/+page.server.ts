import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireCurator } from '$lib/server/auth/permissions';
import { addConcept, conceptValuesFromForm, emptyConceptValues, taxonomyContext, usedTags } from '$lib/server/admin/taxonomy';
import { asHttpFailure } from '$lib/server/admin/routes';
import { getApp } from '$lib/server/app';

export const load: PageServerLoad = (event) => {
	requireCurator(event);
	return { values: emptyConceptValues(), tags: usedTags(getApp().db) };
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireCurator(event);
		const values = conceptValuesFromForm(await event.request.formData());
		let id: string;
		try {
			id = addConcept(taxonomyContext(), user, values);
		} catch (caught) {
			return asHttpFailure(caught, { values });
		}
		redirect(303, `/admin/taxonomy/concepts/${id}?created=1`);
	}
};
