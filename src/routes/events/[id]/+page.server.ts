import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { loadEvent } from '$lib/server/events/store';
import { eventView } from '$lib/server/events/view';
import { messagesFor } from '$lib/domain/i18n';

/** One event: its rule, its coming dates (中止 marked) or 終了, the place, and how to take part. */
export const load: PageServerLoad = ({ params, url, locals }) => {
	const app = getApp();
	const event = loadEvent(app.db, params.id, { publicOnly: true });
	if (!event) error(404, messagesFor(locals.language).notFound.event);
	return { view: eventView(event, app.now(), 12, locals.language), wareki: url.searchParams.get('era') === 'wareki' };
};
