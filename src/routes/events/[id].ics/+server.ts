import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { notFound } from '$lib/server/http';
import { loadEvent } from '$lib/server/events/store';
import { buildCalendar, calendarResponse } from '$lib/server/events/ical';

/** One event as iCalendar (「カレンダーに追加」 on its page). */
export const GET: RequestHandler = ({ params, url }) => {
	const event = loadEvent(getApp().db, params.id, { publicOnly: true });
	if (!event) return notFound('イベントが見つかりません。', 'Event not found.');
	return calendarResponse(buildCalendar([event], { name: event.title, baseUrl: url.origin }), `event-${event.id}.ics`);
};
