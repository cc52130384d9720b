import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { loadBooklet } from '$lib/server/booklet';
import { PRINT_LIMIT, issuedOn } from '$lib/server/print';
import { messagesFor } from '$lib/domain/i18n';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const app = getApp();
	const booklet = await loadBooklet(app, params.slug, url.origin, locals.language);
	if (!booklet) error(404, messagesFor(locals.language).notFound.area);
	return { ...booklet, issuedOn: issuedOn(app.now(), locals.language), limit: PRINT_LIMIT };
};
