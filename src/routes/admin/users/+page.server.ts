import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { requireAdmin } from '$lib/server/auth/permissions';
import { ROLE_LABELS, ROLE_OPTIONS, type Role } from '$lib/server/auth/types';
import { createUser, listAccounts } from '$lib/server/auth/users';
import { organizationOptions } from '$lib/server/admin/queries';
import { asHttpFailure } from '$lib/server/admin/routes';

export const load: PageServerLoad = (event) => {
	const user = requireAdmin(event);
	const { db } = getApp();
	const organizations = organizationOptions(db, user);
	const names = new Map(organizations.map((o) => [o.id, o.name]));
	return {
		accounts: listAccounts(db).map((account) => ({
			...account,
			roleLabel: ROLE_LABELS[account.role],
			organizationNames: account.organizationIds.map((id) => names.get(id) ?? id)
		})),
		organizations,
		roles: ROLE_OPTIONS
	};
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireAdmin(event);
		const form = await event.request.formData();
		const values = {
			email: String(form.get('email') ?? ''),
			displayName: String(form.get('displayName') ?? ''),
			role: String(form.get('role') ?? ''),
			organizationIds: form.getAll('organizationIds').map(String)
		};
		try {
			await createUser(getApp().db, { ...values, role: values.role as Role, password: String(form.get('password') ?? '') }, actor.id);
		} catch (caught) {
			// The password is never sent back to the page.
			return asHttpFailure(caught, { values });
		}
		redirect(303, '/admin/users?created=1');
	}
};
