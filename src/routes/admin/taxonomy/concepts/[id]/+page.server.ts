import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { requireCurator } from '$lib/server/auth/permissions';
import { asHttpFailure } from '$lib/server/admin/routes';
import {
	CONCEPT_AUDIT_ENTITY,
	conceptById,
	conceptToValues,
	conceptValuesFromForm,
	taxonomyContext,
	taxonomyHistory,
	updateConcept,
	usedTags
} from '$lib/server/admin/taxonomy';

export const load: PageServerLoad = (event) => {
	requireCurator(event);
	const { db } = getApp();
	const concept = conceptById(db, event.params.id);
	if (!concept) error(404, '指定された困りごとの概念は見つかりません。');
	return {
		concept: { id: concept.id, concept: concept.concept, firstKey: concept.keys[0] ?? '' },
		values: conceptToValues(concept),
		tags: usedTags(db),
		history: taxonomyHistory(db, CONCEPT_AUDIT_ENTITY, concept.id),
		created: event.url.searchParams.has('created')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireCurator(event);
		const values = conceptValuesFromForm(await event.request.formData());
		try {
			const { changed } = updateConcept(taxonomyContext(), user, event.params.id, values);
			const saved = conceptById(getApp().db, event.params.id);
			return { values: saved ? conceptToValues(saved) : values, errors: {} as Record<string, string>, saved: true, changed };
		} catch (caught) {
			return asHttpFailure(caught, { values });
		}
	}
};
