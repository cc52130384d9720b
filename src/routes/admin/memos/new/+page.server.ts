import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { requireDesk } from '$lib/server/auth/permissions';
import { createMemo, memoValuesFromForm } from '$lib/server/desks/memos';
import { findReferrals, memoFailure, memoFormOptions } from '$lib/server/desks/memo-routes';
import type { MemoFormValues } from '$lib/domain/memo';

function today(): string {
	return new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
}

export const load: PageServerLoad = (event) => {
	const user = requireDesk(event);
	const options = memoFormOptions(user);
	const values: MemoFormValues = {
		deskServiceId: options.desks.length === 1 ? options.desks[0].id : '',
		consultedOn: today(),
		channel: '',
		areaId: '',
		categories: [],
		ageBand: '',
		household: '',
		referredServiceIds: [],
		outcome: '',
		note: ''
	};
	return { ...options, values };
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireDesk(event);
		const values = memoValuesFromForm(await event.request.formData());
		try {
			createMemo(getApp().db, user, values);
		} catch (caught) {
			return memoFailure(caught, values);
		}
		redirect(303, '/admin/memos?created');
	},
	findReferrals
};
