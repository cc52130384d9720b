import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { loadEvent } from '$lib/server/events/store';
import { eventView } from '$lib/server/events/view';

/** One event: its rule, its coming dates (中止 marked) or 終了, the place, and how to take part. */
export const load: PageServerLoad = ({ params, url }) => {
	const app = getApp();
	const event = loadEvent(app.db, params.id, { publicOnly: true });
	if (!event) error(404, 'お探しのイベントは見つかりませんでした。終了して削除されたか、アドレスが違う可能性があります。');
	return { view: eventView(event, app.now(), 12), wareki: url.searchParams.get('era') === 'wareki' };
};
