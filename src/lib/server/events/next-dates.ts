/**
 * 次回: the next dates a listing meets, from its recurring sessions (schedules) and its events,
 * through the one occurrence expansion. Shown on the listing page and on cards.
 */
import type { AppDatabase } from '../db';
import { eventSeries, formatShortDate, formatTimeRange } from '../../domain/event';
import { nextOccurrences, type Occurrence } from '../../domain/recurrence';
import { loadEvents } from './store';
import type { Language } from '../../domain/i18n/languages';

export const NEXT_DATES = 3;

export interface NextDate {
	date: string;
	startsAt: string | null;
	/** "12月8日（火） 10:00〜11:30" */
	label: string;
	/** Set when the date is an event's (its title and page). */
	eventId: string | null;
	title: string | null;
}

function nextDate(occurrence: Occurrence, event: { id: string; title: string } | null, language: Language): NextDate {
	const time = formatTimeRange(occurrence.startTime, occurrence.endTime, language);
	return {
		date: occurrence.date,
		startsAt: occurrence.startsAt,
		label: `${formatShortDate(occurrence.date, language)}${time ? ` ${time}` : ''}`,
		eventId: event?.id ?? null,
		title: event?.title ?? null
	};
}

/** The next three dates of each listing (sessions and events together, in time order). */
export function nextDatesForListings(db: AppDatabase, serviceIds: string[], now: Date, count = NEXT_DATES, language: Language = 'ja'): Map<string, NextDate[]> {
	const result = new Map<string, NextDate[]>(serviceIds.map((id) => [id, []]));
	if (serviceIds.length === 0) return result;
	const sessions = db.$client
		.prepare(
			`SELECT service_id AS serviceId, rrule, dtstart, opens_at AS opensAt, closes_at AS closesAt FROM schedules
			WHERE kind = 'session' AND rrule IS NOT NULL AND service_id IN (SELECT value FROM json_each(?))`
		)
		.all(JSON.stringify(serviceIds)) as Array<{ serviceId: string; rrule: string; dtstart: string | null; opensAt: string | null; closesAt: string | null }>;
	for (const session of sessions) {
		const series = { rrule: session.rrule, dtstart: session.dtstart, startTime: session.opensAt, endTime: session.closesAt };
		result.get(session.serviceId)!.push(...nextOccurrences(series, now, count).map((occurrence) => nextDate(occurrence, null, language)));
	}
	for (const event of loadEvents(db, { serviceIds, publicOnly: true })) {
		if (event.status !== 'published' || !event.serviceId) continue;
		result.get(event.serviceId)!.push(...nextOccurrences(eventSeries(event), now, count, event.exceptions).map((occurrence) => nextDate(occurrence, event, language)));
	}
	for (const [id, dates] of result) {
		result.set(
			id,
			dates.sort((a, b) => (a.startsAt ?? `${a.date}T99`).localeCompare(b.startsAt ?? `${b.date}T99`)).slice(0, count)
		);
	}
	return result;
}
