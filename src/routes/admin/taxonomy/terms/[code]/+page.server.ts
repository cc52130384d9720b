import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { requireCurator } from '$lib/server/auth/permissions';
import { NotFoundError } from '$lib/server/admin/workflow';
import { asHttpFailure } from '$lib/server/admin/routes';
import {
	renameTerm,
	requireTerm,
	taxonomyContext,
	taxonomyHistory,
	TERM_AUDIT_ENTITY,
	termListings,
	termValuesFromForm
} from '$lib/server/admin/taxonomy';

function termOrNotFound(code: string) {
	try {
		return requireTerm(getApp().db, code);
	} catch (caught) {
		if (caught instanceof NotFoundError) error(404, caught.message);
		throw caught;
	}
}

export const load: PageServerLoad = (event) => {
	requireCurator(event);
	const term = termOrNotFound(event.params.code);
	const { db } = getApp();
	return {
		term: { code: term.code, field: term.field, name: term.name },
		values: { name: term.name, kana: term.kana },
		listings: termListings(db, term.code),
		history: taxonomyHistory(db, TERM_AUDIT_ENTITY, term.code)
	};
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireCurator(event);
		const { name, kana } = termValuesFromForm(await event.request.formData());
		const values = { name, kana };
		try {
			const outcome = await renameTerm(taxonomyContext(), user, event.params.code, values);
			const saved = termOrNotFound(event.params.code);
			return { values: { name: saved.name, kana: saved.kana }, errors: {} as Record<string, string>, saved: true, ...outcome };
		} catch (caught) {
			return asHttpFailure(caught, { values });
		}
	}
};
