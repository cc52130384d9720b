/**
 * Filter rules shared by the engines: whether a document is open on a weekday or at an instant.
 * Meilisearch cannot evaluate opening hours, so its engine applies these after retrieval too.
 */
import { isOpenAtMinute, minuteOfWeekInJapan, parseClock, type WeeklySpan } from '../../domain/hours';
import { occursOnDate, recurrenceWeekdays } from '../../domain/recurrence';
import type { SearchDocument, SessionRule } from '../../domain/search';

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

export function isOpenOnWeekday(doc: Pick<SearchDocument, 'hours' | 'sessions'>, weekday: number): boolean {
	return (
		doc.hours.some((span: WeeklySpan) => span.weekday === weekday) ||
		doc.sessions.some((session: SessionRule) => recurrenceWeekdays(session.rrule).includes(weekday))
	);
}

/** Open now: inside weekly hours, or a recurring session takes place today at this time. */
export function isOpenNow(doc: Pick<SearchDocument, 'hours' | 'sessions'>, now: Date): boolean {
	if (isOpenAtMinute(doc.hours, minuteOfWeekInJapan(now))) return true;
	if (doc.sessions.length === 0) return false;
	const jst = new Date(now.getTime() + JST_OFFSET_MS);
	const minuteOfDay = jst.getUTCHours() * 60 + jst.getUTCMinutes();
	return doc.sessions.some((session) => {
		const opens = session.opensAt ? parseClock(session.opensAt) : null;
		const closes = session.closesAt ? parseClock(session.closesAt) : null;
		if (opens === null || closes === null || minuteOfDay < opens || minuteOfDay >= closes) return false;
		return occursOnDate(session.rrule, jst.getUTCFullYear(), jst.getUTCMonth() + 1, jst.getUTCDate(), session.dtstart);
	});
}
