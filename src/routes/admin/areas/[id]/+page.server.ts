import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { requireCurator } from '$lib/server/auth/permissions';
import {
	areaById,
	areaContext,
	areaHistory,
	areaToValues,
	areaUsage,
	areaValuesFromForm,
	deleteArea,
	deletionBlocker,
	parentOptions,
	updateArea
} from '$lib/server/admin/areas';
import { asHttpFailure } from '$lib/server/admin/routes';

export const load: PageServerLoad = (event) => {
	requireCurator(event);
	const { db } = getApp();
	const area = areaById(db, event.params.id);
	if (!area) error(404, '指定された地域は見つかりません。');
	const usage = areaUsage(db, area.id);
	return {
		area: { id: area.id, kind: area.kind, name: area.name, slug: area.slug },
		values: areaToValues(area),
		parents: parentOptions(db, area.id),
		usage,
		deletionBlocker: deletionBlocker(usage),
		history: areaHistory(db, area.id),
		created: event.url.searchParams.has('created')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireCurator(event);
		const values = areaValuesFromForm(await event.request.formData());
		try {
			const outcome = await updateArea(areaContext(), user, event.params.id, values);
			const saved = areaById(getApp().db, event.params.id);
			return { intent: 'save' as const, values: saved ? areaToValues(saved) : values, errors: {}, saved: true, ...outcome };
		} catch (caught) {
			return asHttpFailure(caught, { intent: 'save' as const, values });
		}
	},
	delete: async (event) => {
		const user = requireCurator(event);
		const form = await event.request.formData();
		if (form.get('confirm') !== 'yes') {
			return fail(400, { intent: 'delete' as const, errors: { confirm: '削除するには「この地域を削除します」にチェックを入れてください。' } as Record<string, string> });
		}
		const area = areaById(getApp().db, event.params.id);
		try {
			deleteArea(areaContext(), user, event.params.id);
		} catch (caught) {
			return asHttpFailure(caught, { intent: 'delete' as const });
		}
		redirect(303, `/admin/areas?deleted=${encodeURIComponent(area?.name ?? '')}`);
	}
};
