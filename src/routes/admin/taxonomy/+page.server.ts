import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { requireCurator } from '$lib/server/auth/permissions';
import { isField } from '$lib/domain/taxonomy';
import { addTerm, emptyTermValues, listTermGroups, taxonomyContext, termValuesFromForm } from '$lib/server/admin/taxonomy';
import { asHttpFailure } from '$lib/server/admin/routes';

export const load: PageServerLoad = (event) => {
	requireCurator(event);
	const field = event.url.searchParams.get('field') ?? '';
	return {
		groups: listTermGroups(getApp().db),
		concepts: getApp().taxonomy.concepts().length,
		values: emptyTermValues(isField(field) ? field : ''),
		added: event.url.searchParams.get('added')
	};
};

export const actions: Actions = {
	addTerm: async (event) => {
		const user = requireCurator(event);
		const values = termValuesFromForm(await event.request.formData());
		let code: string;
		try {
			code = addTerm(taxonomyContext(), user, values);
		} catch (caught) {
			return asHttpFailure(caught, { values });
		}
		redirect(303, `/admin/taxonomy?added=${encodeURIComponent(code)}#term-${code}`);
	}
};
