import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { OCCURRENCE_STATUS_LABELS, parseEventParams } from '$lib/domain/event';
import { badRequest } from '$lib/server/http';
import { queryCalendar } from '$lib/server/events';
import { addDays, tokyoDate } from '$lib/domain/recurrence';

/** Without `to`, the API answers this many days from `from` (today by default). */
const DEFAULT_API_DAYS = 90;

/**
 * Event occurrences in time order: `q`, `from`, `to`, `area`, `field`, `target`, `weekday`, `time`
 * (am/pm), `free`, `lat`, `lng`, `radius_km`, `page`, `per_page`. Bad parameters answer 400 with
 * Japanese and English messages, like /api/search.
 */
export const GET: RequestHandler = async ({ url }) => {
	const parsed = parseEventParams(url.searchParams);
	if (!parsed.ok) return badRequest(parsed.issues);
	const app = getApp();
	const query = { ...parsed.query };
	if (!query.range || query.from || query.to) {
		// A date range: from today (Japan) for 90 days unless said otherwise.
		query.from ??= tokyoDate(app.now());
		query.to ??= addDays(query.from, DEFAULT_API_DAYS - 1);
	}
	const outcome = await queryCalendar(app, query, { upcomingOnly: false });
	if (!outcome.ok) return badRequest(outcome.issues);
	const { answer } = outcome;
	const start = (query.page - 1) * query.perPage;
	return json(
		{
			from: answer.from,
			to: answer.to,
			total: answer.entries.length,
			page: query.page,
			per_page: query.perPage,
			occurrences: answer.entries.slice(start, start + query.perPage).map((entry) => ({
				event_id: entry.eventId,
				title: entry.title,
				date: entry.occurrence.date,
				original_date: entry.occurrence.originalDate,
				starts_at: entry.occurrence.startsAt,
				ends_at: entry.occurrence.endsAt,
				status: entry.occurrence.status,
				status_label: OCCURRENCE_STATUS_LABELS[entry.occurrence.status] || null,
				past: entry.past,
				field: entry.field,
				place: entry.placeName,
				district: entry.district,
				lat: entry.lat,
				lng: entry.lng,
				free: entry.free,
				...(entry.distance_m !== undefined ? { distance_m: entry.distance_m } : {}),
				url: `${url.origin}/events/${entry.eventId}`,
				ical_url: `${url.origin}/events/${entry.eventId}.ics`
			}))
		},
		{ headers: { 'cache-control': 'no-store' } }
	);
};
