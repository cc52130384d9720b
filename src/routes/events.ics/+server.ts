import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { parseEventParams } from '$lib/domain/event';
import { badRequest } from '$lib/server/http';
import { loadEvents } from '$lib/server/events/store';
import { buildCalendar, calendarResponse } from '$lib/server/events/ical';

/** All public events as iCalendar; `?field=介護` (per field) and `?area=旭` narrow it. */
export const GET: RequestHandler = ({ url }) => {
	const app = getApp();
	const parsed = parseEventParams(url.searchParams);
	if (!parsed.ok) return badRequest(parsed.issues);
	const { field, area } = parsed.query;
	const areaRef = area ? app.search.resolveArea(area) : null;
	if (area && !areaRef) return badRequest([{ param: 'area', ja: `地域「${area}」が見つかりません。`, en: `Unknown area: ${area}.` }]);
	const events = loadEvents(app.db, { publicOnly: true }).filter(
		(event) => (!field || event.field === field) && (!areaRef || event.place?.areas.some((a) => a.id === areaRef.id))
	);
	const name = [`つなぎ ${app.profile.city}のイベント`, field, areaRef ? `${areaRef.name}` : null].filter(Boolean).join(' ');
	return calendarResponse(buildCalendar(events, { name, baseUrl: url.origin }), 'events.ics');
};
