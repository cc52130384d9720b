/** What the pages show of one event: its rule in words, its coming dates (中止 marked) and 終了. */
import type { EventRecord, EventView } from '../../domain/event';
import { eventSeries, formatTimeRange } from '../../domain/event';
import { addDays, describeRecurrence, expandOccurrences, isPastOccurrence, tokyoDate } from '../../domain/recurrence';
import type { Language } from '../../domain/i18n/languages';

/** How far ahead an event page lists dates. */
export const EVENT_PAGE_DAYS = 92;

export function eventView(event: EventRecord, now: Date, limit = 12, language: Language = 'ja'): EventView {
	const series = eventSeries(event);
	const today = tokyoDate(now);
	const time = formatTimeRange(series.startTime, series.endTime, language);
	const recurrence = event.rrule ? describeRecurrence(event.rrule, series.dtstart, language) : null;
	const horizon = event.rrule ? addDays(today, Math.max(EVENT_PAGE_DAYS, 366)) : addDays(today, 3660);
	const ahead = expandOccurrences(series, today, horizon, event.exceptions).filter((occurrence) => !isPastOccurrence(occurrence, now));
	const coming = (event.status === 'cancelled' ? ahead.map((o) => ({ ...o, status: 'cancelled' as const })) : ahead).slice(0, limit);
	const next = coming.find((occurrence) => occurrence.status === 'scheduled' || occurrence.status === 'moved') ?? null;
	let lastDate: string | null = null;
	if (!next) {
		const before = expandOccurrences(series, series.dtstart ?? today, today, event.exceptions).filter(
			(occurrence) => occurrence.status !== 'cancelled' && occurrence.status !== 'skipped' && isPastOccurrence(occurrence, now)
		);
		lastDate = before.at(-1)?.date ?? null;
	}
	return { event, recurrence, time, coming, next, ended: next === null, lastDate };
}
