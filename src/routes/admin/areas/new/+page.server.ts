import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { requireCurator } from '$lib/server/auth/permissions';
import { AREA_KINDS } from '$lib/domain/taxonomy';
import { areaContext, areaValuesFromForm, createArea, emptyAreaValues, parentOptions } from '$lib/server/admin/areas';
import { asHttpFailure } from '$lib/server/admin/routes';

export const load: PageServerLoad = (event) => {
	requireCurator(event);
	const kind = event.url.searchParams.get('kind') ?? '';
	return {
		values: emptyAreaValues((AREA_KINDS as readonly string[]).includes(kind) ? kind : ''),
		parents: parentOptions(getApp().db)
	};
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireCurator(event);
		const values = areaValuesFromForm(await event.request.formData());
		let id: string;
		try {
			id = await createArea(areaContext(), user, values);
		} catch (caught) {
			return asHttpFailure(caught, { values });
		}
		redirect(303, `/admin/areas/${id}?created=1`);
	}
};
