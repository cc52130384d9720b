import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { requireCurator } from '$lib/server/auth/permissions';
import { auditTrail } from '$lib/server/admin/audit';
import { organizationById, organizationToValues, organizationValuesFromForm, updateOrganization } from '$lib/server/admin/organizations';
import { adminContext, asHttpFailure } from '$lib/server/admin/routes';

export const load: PageServerLoad = (event) => {
	requireCurator(event);
	const { db } = getApp();
	const organization = organizationById(db, event.params.id);
	if (!organization) error(404, '指定された団体は見つかりません。');
	return {
		id: organization.id,
		values: organizationToValues(organization),
		history: auditTrail(db, 'organization', organization.id, 20),
		created: event.url.searchParams.has('created')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireCurator(event);
		const values = organizationValuesFromForm(await event.request.formData());
		try {
			await updateOrganization(adminContext(), user, event.params.id, values);
		} catch (caught) {
			return asHttpFailure(caught, { values });
		}
		return { values, errors: {}, saved: true };
	}
};
