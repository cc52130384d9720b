import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { notFound } from '$lib/server/http';
import { getListing } from '$lib/server/listings';
import { loadEvents } from '$lib/server/events/store';
import { buildCalendar, calendarResponse } from '$lib/server/events/ical';

/** A listing's events as iCalendar. */
export const GET: RequestHandler = ({ params, url }) => {
	const app = getApp();
	const listing = getListing(app.db, params.id);
	if (!listing) return notFound('掲載が見つかりません。', 'Listing not found.');
	const events = loadEvents(app.db, { serviceIds: [listing.id], publicOnly: true });
	return calendarResponse(buildCalendar(events, { name: `${listing.name}のイベント`, baseUrl: url.origin }), 'events.ics');
};
