import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { requireAdmin } from '$lib/server/auth/permissions';
import { ROLE_OPTIONS, type Role } from '$lib/server/auth/types';
import { listAccounts, updateAccount } from '$lib/server/auth/users';
import { organizationOptions } from '$lib/server/admin/queries';
import { asHttpFailure } from '$lib/server/admin/routes';

export const load: PageServerLoad = (event) => {
	const user = requireAdmin(event);
	const { db } = getApp();
	const account = listAccounts(db).find((candidate) => candidate.id === event.params.id);
	if (!account) error(404, '指定されたアカウントは見つかりません。');
	return {
		account,
		organizations: organizationOptions(db, user),
		roles: ROLE_OPTIONS
	};
};

export const actions: Actions = {
	save: async (event) => {
		const actor = requireAdmin(event);
		const form = await event.request.formData();
		const values = {
			role: String(form.get('role') ?? '') as Role,
			disabled: form.get('disabled') === 'on',
			organizationIds: form.getAll('organizationIds').map(String)
		};
		try {
			updateAccount(getApp().db, event.params.id, values, actor.id);
		} catch (caught) {
			return asHttpFailure(caught, { values });
		}
		return { values, errors: {} as Record<string, string>, saved: true };
	}
};
