import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { requireDesk } from '$lib/server/auth/permissions';
import { getMemo, memoValuesFromForm, updateMemo } from '$lib/server/desks/memos';
import { findReferrals, memoFailure, memoFormOptions, pickedChoices } from '$lib/server/desks/memo-routes';
import type { MemoFormValues } from '$lib/domain/memo';

/** One of the desk's own memos (another desk's answers 403). */
export const load: PageServerLoad = (event) => {
	const user = requireDesk(event);
	let memo;
	try {
		memo = getMemo(getApp().db, user, event.params.id);
	} catch (caught) {
		throw memoFailure(caught, {} as MemoFormValues);
	}
	const values: MemoFormValues = { ...memo, note: memo.note ?? '' };
	return { ...memoFormOptions(user), values, choices: pickedChoices(values) };
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireDesk(event);
		const values = memoValuesFromForm(await event.request.formData());
		try {
			updateMemo(getApp().db, user, event.params.id, values);
		} catch (caught) {
			return memoFailure(caught, values);
		}
		return { values, errors: {}, choices: pickedChoices(values), saved: true };
	},
	findReferrals
};
