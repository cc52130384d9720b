import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { districts } from '$lib/server/areas';
import { parseEventParams, rangeDates, type CalendarEntry, type EventQuery } from '$lib/domain/event';
import { tokyoDate } from '$lib/domain/recurrence';
import type { ValidationIssue } from '$lib/domain/search';
import { DEFAULT_NEAR_KM, queryCalendar } from '$lib/server/events';

/** Most dates one list shows (a month of a busy city); the month grid shows its whole month. */
const MAX_LIST_ENTRIES = 400;

/**
 * The community calendar, rendered on the server (works without JavaScript): a list (今日 / 今週 /
 * 今月 / a date range / これから) or a month grid, the same filters for both, and 「今週のイベント」
 * on a map with its list.
 */
export const load: PageServerLoad = async ({ url }) => {
	const app = getApp();
	const areas = districts(app);
	const view = url.searchParams.get('view') === 'month' ? ('month' as const) : ('list' as const);
	const wareki = url.searchParams.get('era') === 'wareki';
	const today = tokyoDate(app.now());
	const parsed = parseEventParams(url.searchParams);
	const empty = (query: EventQuery | null, issues: ValidationIssue[]) => ({
		areas,
		view,
		wareki,
		today,
		query,
		issues,
		calendar: null,
		month: null,
		week: null
	});
	if (!parsed.ok) return empty(null, parsed.issues);
	const query = parsed.query;
	const month = view === 'month' ? (query.month ?? (query.from ?? today).slice(0, 7)) : undefined;
	const outcome = await queryCalendar(app, query, { month, defaultRadiusKm: DEFAULT_NEAR_KM });
	if (!outcome.ok) return empty({ ...query, area: undefined }, outcome.issues);
	const answer = outcome.answer;

	// 今週のイベント for the map: this week's sessions still to come, one marker per event.
	const week = rangeDates({ range: 'week' }, today);
	const thisWeek = await queryCalendar(app, { ...query, range: 'week', from: undefined, to: undefined }, { defaultRadiusKm: DEFAULT_NEAR_KM, upcomingOnly: true });
	const weekEntries: CalendarEntry[] = thisWeek.ok ? thisWeek.answer.entries.filter((entry) => entry.occurrence.status !== 'cancelled' && entry.occurrence.status !== 'skipped') : [];

	return {
		areas,
		view,
		wareki,
		today,
		query,
		issues: [] as ValidationIssue[],
		calendar: {
			from: answer.from,
			to: answer.to,
			range: answer.range,
			areaName: answer.area?.name ?? null,
			total: answer.entries.length,
			entries: view === 'month' ? answer.entries : answer.entries.slice(0, MAX_LIST_ENTRIES)
		},
		month: month ?? null,
		week: { from: week.from, to: week.to, entries: weekEntries }
	};
};
