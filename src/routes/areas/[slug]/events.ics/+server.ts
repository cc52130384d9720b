import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { notFound } from '$lib/server/http';
import { loadEvents } from '$lib/server/events/store';
import { buildCalendar, calendarResponse } from '$lib/server/events/ical';

/** The events held in one area (地区, 小学校区, 中学校区) as iCalendar. */
export const GET: RequestHandler = ({ params, url }) => {
	const app = getApp();
	const area = app.search.areas().find((candidate) => candidate.slug === params.slug && candidate.kind === '地区') ?? app.search.areas().find((candidate) => candidate.slug === params.slug);
	if (!area) return notFound('地域が見つかりません。', 'Area not found.');
	const events = loadEvents(app.db, { publicOnly: true }).filter((event) => event.place?.areas.some((a) => a.id === area.id));
	return calendarResponse(buildCalendar(events, { name: `${area.name}のイベント`, baseUrl: url.origin }), 'events.ics');
};
