/**
 * The community calendar: events → their occurrences between two dates, filtered as residents ask
 * (field, area, target, weekday, 午前/午後, 無料, near a point; words are found by the search
 * engines, see queryCalendar). One expansion
 * (expandOccurrences) serves the pages, the API and 次回; the iCal feeds export the same series.
 */
import type { CalendarEntry, DayPart, EventRecord } from '../../domain/event';
import { eventSeries, isFree } from '../../domain/event';
import { expandOccurrences, isPastOccurrence, weekdayOf, type Occurrence } from '../../domain/recurrence';
import { haversineMeters } from '../../domain/geo';
import type { Field, Target } from '../../domain/taxonomy';

export interface CalendarRequest {
	from: string;
	to: string;
	field?: Field;
	/** A resolved area id. */
	areaId?: string;
	target?: Target;
	weekday?: number;
	part?: DayPart;
	free?: boolean;
	lat?: number;
	lng?: number;
	radiusKm?: number;
	/** Leave out sessions that are over (upcoming lists). */
	upcomingOnly?: boolean;
	/** Keep 休み and 中止 dates (calendars show 中止; 次回 does not). Default true. */
	includeCancelled?: boolean;
}

function partOfDay(occurrence: Occurrence): DayPart | null {
	return occurrence.startTime ? (occurrence.startTime < '12:00' ? 'am' : 'pm') : null;
}

/** Occurrences between request.from and request.to in time order, with 終了 and distance. */
export function calendarEntries(events: readonly EventRecord[], request: CalendarRequest, now: Date): CalendarEntry[] {
	const origin = request.lat !== undefined && request.lng !== undefined ? { lat: request.lat, lng: request.lng } : null;
	const entries: CalendarEntry[] = [];
	for (const event of events) {
		if (request.field && event.field !== request.field) continue;
		if (request.target && !event.targets.includes(request.target) && !event.targets.includes('誰でも')) continue;
		if (request.areaId && !event.place?.areas.some((area) => area.id === request.areaId)) continue;
		if (request.free && !isFree(event.fee)) continue;
		let distance: number | undefined;
		if (origin) {
			if (event.place?.lat == null || event.place.lng == null) continue;
			distance = Math.round(haversineMeters(origin, { lat: event.place.lat, lng: event.place.lng }));
			if (request.radiusKm !== undefined && distance > request.radiusKm * 1000) continue;
		}
		for (const found of expandOccurrences(eventSeries(event), request.from, request.to, event.exceptions)) {
			const occurrence: Occurrence = event.status === 'cancelled' ? { ...found, status: 'cancelled' } : found;
			if (request.includeCancelled === false && (occurrence.status === 'cancelled' || occurrence.status === 'skipped')) continue;
			if (request.weekday !== undefined && weekdayOf(occurrence.date) !== request.weekday) continue;
			if (request.part && partOfDay(occurrence) !== request.part) continue;
			const past = isPastOccurrence(occurrence, now);
			if (past && request.upcomingOnly) continue;
			entries.push({
				eventId: event.id,
				title: event.title,
				occurrence,
				past,
				field: event.field,
				placeName: event.place?.name ?? null,
				district: event.place?.areas.find((area) => area.kind === '地区')?.name ?? null,
				lat: event.place?.lat ?? null,
				lng: event.place?.lng ?? null,
				free: isFree(event.fee),
				...(distance !== undefined ? { distance_m: distance } : {})
			});
		}
	}
	return entries.sort(
		(a, b) =>
			(a.occurrence.startsAt ?? `${a.occurrence.date}T99`).localeCompare(b.occurrence.startsAt ?? `${b.occurrence.date}T99`) ||
			a.title.localeCompare(b.title, 'ja')
	);
}
