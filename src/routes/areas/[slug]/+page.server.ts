import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { loadAreaPage } from '$lib/server/areas';
import { messagesFor } from '$lib/domain/i18n';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const app = getApp();
	const areaPage = await loadAreaPage(app, params.slug, locals.language);
	if (areaPage) return areaPage;
	// The city-wide area has no page of its own: the areas list is the whole city.
	if (app.search.areas().some((area) => area.slug === params.slug && area.kind === '市域')) redirect(308, `/areas${url.search}`);
	error(404, messagesFor(locals.language).notFound.area);
};
