import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { requireCurator } from '$lib/server/auth/permissions';
import { listAreaGroups } from '$lib/server/admin/areas';

export const load: PageServerLoad = (event) => {
	requireCurator(event);
	return {
		groups: listAreaGroups(getApp().db),
		deleted: event.url.searchParams.get('deleted')
	};
};
