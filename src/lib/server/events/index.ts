/**
 * What the routes call for events: validated parameters → the calendar's occurrences (list, month
 * grid, API), with the area resolved like search resolves it and "now" from the app's clock.
 */
import type { App } from '../app';
import type { CalendarEntry, CalendarRange, EventQuery } from '../../domain/event';
import { lastDayOfMonth, rangeDates } from '../../domain/event';
import type { ValidationIssue } from '../../domain/search';
import { addDays, tokyoDate } from '../../domain/recurrence';
import { calendarEntries, type CalendarRequest } from './calendar';
import { loadEvents } from './store';

export interface CalendarAnswer {
	from: string;
	to: string;
	range: CalendarRange;
	today: string;
	entries: CalendarEntry[];
	area: { id: string; slug: string; name: string } | null;
}

export type CalendarOutcome = { ok: true; answer: CalendarAnswer } | { ok: false; issues: ValidationIssue[] };

/** "Near me" without a radius: within walking or a short bus ride. */
export const DEFAULT_NEAR_KM = 3;

export async function queryCalendar(
	app: App,
	query: EventQuery,
	options: { month?: string; defaultRadiusKm?: number; upcomingOnly?: boolean; includeCancelled?: boolean } = {}
): Promise<CalendarOutcome> {
	let area: CalendarAnswer['area'] = null;
	if (query.area) {
		const found = app.search.resolveArea(query.area);
		if (!found) {
			return { ok: false, issues: [{ param: 'area', ja: `地域「${query.area}」が見つかりません。一覧から選び直してください。`, en: `Unknown area: ${query.area}.` }] };
		}
		area = { id: found.id, slug: found.slug, name: found.name };
	}
	const now = app.now();
	const today = tokyoDate(now);
	const { from, to, range } = options.month
		? { from: `${options.month}-01`, to: lastDayOfMonth(options.month), range: 'month' as const }
		: rangeDates(query, today);
	const request: CalendarRequest = {
		from,
		to,
		field: query.field,
		areaId: area?.id,
		target: query.target,
		weekday: query.weekday,
		part: query.part,
		free: query.free,
		lat: query.lat,
		lng: query.lng,
		radiusKm: query.radiusKm ?? (query.lat !== undefined ? options.defaultRadiusKm : undefined),
		upcomingOnly: options.upcomingOnly ?? range === 'upcoming',
		includeCancelled: options.includeCancelled
	};
	// Words are looked up in the search index (either engine); the dates come from the tables.
	const events = query.q ? loadEvents(app.db, { publicOnly: true, ids: await app.search.searchEventIds(query.q) }) : loadEvents(app.db, { publicOnly: true });
	const entries = calendarEntries(events, request, now);
	return { ok: true, answer: { from, to, range, today, entries, area } };
}

/** How many matching events the search page shows above the listings. */
export const SEARCH_EVENT_LIMIT = 5;

export interface EventMatches {
	/** Events (not dates) found. */
	total: number;
	/** The first ones, each with its next date. */
	entries: CalendarEntry[];
	/** The calendar with the same words. */
	href: string;
}

/**
 * Events for the search box: the same words (and 分野 / 地区) over the coming year's events, each
 * event once with its next date. Null without words.
 */
export async function searchEvents(app: App, query: { q?: string; field?: EventQuery['field']; area?: string }): Promise<EventMatches | null> {
	if (!query.q) return null;
	const today = tokyoDate(app.now());
	const outcome = await queryCalendar(
		app,
		{ q: query.q, field: query.field, area: query.area, from: today, to: addDays(today, 365), page: 1, perPage: SEARCH_EVENT_LIMIT },
		{ upcomingOnly: true, includeCancelled: false }
	);
	if (!outcome.ok) return null;
	const firstOfEach = new Map<string, CalendarEntry>();
	for (const entry of outcome.answer.entries) if (!firstOfEach.has(entry.eventId)) firstOfEach.set(entry.eventId, entry);
	const params = new URLSearchParams({ q: query.q, from: today, to: addDays(today, 365) });
	return { total: firstOfEach.size, entries: [...firstOfEach.values()].slice(0, SEARCH_EVENT_LIMIT), href: `/events?${params}` };
}
