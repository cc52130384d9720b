import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { getListing } from '$lib/server/listings';
import { submitSuggestion } from '$lib/server/admin/suggestions';
import { HONEYPOT_FIELD } from '$lib/domain/suggest-edit';
import { messagesFor } from '$lib/domain/i18n';

export const load: PageServerLoad = ({ params, locals }) => {
	const listing = getListing(getApp().db, params.id);
	if (!listing) error(404, messagesFor(locals.language).notFound.listing);
	return { listing: { id: listing.id, name: listing.name } };
};

export const actions: Actions = {
	default: async ({ params, request, getClientAddress, locals }) => {
		const form = await request.formData();
		const read = (name: string) => {
			const value = form.get(name);
			return typeof value === 'string' ? value : '';
		};
		const values = { topic: read('topic'), message: read('message'), contact: read('contact') };
		const outcome = submitSuggestion(getApp().db, params.id, values, read(HONEYPOT_FIELD), getClientAddress(), locals.language);
		return outcome.status === 200 ? outcome.result : fail(outcome.status, outcome.result);
	}
};
