/**
 * Filter rules shared by the engines: whether a document is open on a weekday or at an instant.
 * Meilisearch cannot evaluate opening hours, so its engine applies these after retrieval too.
 */
import { isOpenAtMinute, minuteOfWeekInJapan, parseClock, spanToWeekInterval, type WeeklySpan } from '../../domain/hours';
import { occursOnDate, recurrenceWeekdays } from '../../domain/recurrence';
import type { SearchDocument, SessionRule } from '../../domain/search';

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

export function isOpenOnWeekday(doc: Pick<SearchDocument, 'hours' | 'sessions'>, weekday: number): boolean {
	return (
		doc.hours.some((span: WeeklySpan) => span.weekday === weekday) ||
		doc.sessions.some((session: SessionRule) => recurrenceWeekdays(session.rrule).includes(weekday))
	);
}

const MINUTES_PER_WEEK = 7 * 24 * 60;

/** The weekly hours as [start, end) minutes of the week (see spanToWeekInterval); compute once per listing. */
export function weekIntervals(doc: Pick<SearchDocument, 'hours'>): Array<[number, number]> {
	return doc.hours.map(spanToWeekInterval).filter((interval): interval is [number, number] => interval !== null);
}

/** isOpenAtMinute over precomputed intervals (a Saturday-night span runs into Sunday morning). */
function isInIntervals(intervals: ReadonlyArray<[number, number]>, minuteOfWeek: number): boolean {
	// A plain loop: this runs once per open-now candidate (tens of thousands per search).
	for (let i = 0; i < intervals.length; i++) {
		const start = intervals[i][0];
		const end = intervals[i][1];
		if ((minuteOfWeek >= start && minuteOfWeek < end) || (end > MINUTES_PER_WEEK && minuteOfWeek < end - MINUTES_PER_WEEK)) return true;
	}
	return false;
}

/** An instant in Japan time, broken down once per search instead of once per listing checked. */
export interface JapanClock {
	minuteOfWeek: number;
	minuteOfDay: number;
	year: number;
	/** 1–12 */
	month: number;
	day: number;
}

export function japanClock(now: Date): JapanClock {
	const jst = new Date(now.getTime() + JST_OFFSET_MS);
	return {
		minuteOfWeek: minuteOfWeekInJapan(now),
		minuteOfDay: jst.getUTCHours() * 60 + jst.getUTCMinutes(),
		year: jst.getUTCFullYear(),
		month: jst.getUTCMonth() + 1,
		day: jst.getUTCDate()
	};
}

/**
 * Whether the weekly hours cover the whole hour of the week (so every minute of it is open, and
 * isOpenNow needs no exact check then). Only single intervals count: a superset test is not needed.
 */
export function isOpenThroughoutHour(intervals: ReadonlyArray<[number, number]>, hour: number): boolean {
	const from = hour * 60;
	const to = from + 60;
	for (const [start, end] of intervals) {
		if ((start <= from && end >= to) || (end > MINUTES_PER_WEEK && to <= end - MINUTES_PER_WEEK)) return true;
	}
	return false;
}

/**
 * Open now: inside weekly hours, or a recurring session takes place today at this time.
 * `intervals` (weekIntervals of the same listing) may be passed to skip re-parsing the hours.
 */
export function isOpenNow(doc: Pick<SearchDocument, 'hours' | 'sessions'>, now: Date, intervals?: ReadonlyArray<[number, number]>): boolean {
	return isOpenAtClock(doc, japanClock(now), intervals);
}

/** A session with its clock times parsed: [opens, closes) minutes of the day. */
export type SessionWindow = [opens: number, closes: number, session: SessionRule];

/** The sessions that have both times, parsed (parseClock normalizes and matches a regex); compute once per listing. */
export function sessionWindows(doc: Pick<SearchDocument, 'sessions'>): SessionWindow[] {
	const windows: SessionWindow[] = [];
	for (const session of doc.sessions) {
		const opens = session.opensAt ? parseClock(session.opensAt) : null;
		const closes = session.closesAt ? parseClock(session.closesAt) : null;
		if (opens !== null && closes !== null) windows.push([opens, closes, session]);
	}
	return windows;
}

/**
 * isOpenNow for a precomputed clock (the search loop: no Date per listing). `intervals` and
 * `windows` (weekIntervals / sessionWindows of the same listing) skip re-parsing.
 */
export function isOpenAtClock(
	doc: Pick<SearchDocument, 'hours' | 'sessions'>,
	clock: JapanClock,
	intervals?: ReadonlyArray<[number, number]>,
	windows?: readonly SessionWindow[]
): boolean {
	const minuteOfWeek = clock.minuteOfWeek;
	if (intervals ? isInIntervals(intervals, minuteOfWeek) : isOpenAtMinute(doc.hours, minuteOfWeek)) return true;
	if (doc.sessions.length === 0) return false;
	const minuteOfDay = clock.minuteOfDay;
	for (const [opens, closes, session] of windows ?? sessionWindows(doc)) {
		if (minuteOfDay < opens || minuteOfDay >= closes) continue;
		if (occursOnDate(session.rrule, clock.year, clock.month, clock.day, session.dtstart)) return true;
	}
	return false;
}

const HOURS_PER_WEEK = 168;
const ALL_WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];

/** Weekdays the listing is open or meets: exactly the weekday filter, precomputed. */
export function openDaysOf(doc: Pick<SearchDocument, 'hours' | 'sessions'>): number[] {
	return ALL_WEEKDAYS.filter((weekday) => isOpenOnWeekday(doc, weekday));
}

/** Hours of the week overlapping [startMinute, endMinute) (end may run past the week's end). */
function addHoursOfWeek(startMinute: number, endMinute: number, into: Set<number>): void {
	for (let hour = Math.floor(startMinute / 60); hour * 60 < endMinute; hour++) into.add(hour % HOURS_PER_WEEK);
}

/**
 * Hours of the week (0 = Sunday 0:00–1:00) in which the listing may be open: a superset of
 * isOpenNow, so engines can narrow candidates before the exact check.
 */
export function openHoursOf(doc: Pick<SearchDocument, 'hours' | 'sessions'>): number[] {
	const hours = new Set<number>();
	for (const span of doc.hours) {
		const interval = spanToWeekInterval(span);
		if (interval) addHoursOfWeek(interval[0], interval[1], hours);
	}
	for (const session of doc.sessions) {
		const opens = session.opensAt ? parseClock(session.opensAt) : null;
		const closes = session.closesAt ? parseClock(session.closesAt) : null;
		if (opens === null || closes === null || closes <= opens) continue;
		// 毎月15日 has no weekday: it may fall on any.
		const weekdays = recurrenceWeekdays(session.rrule);
		for (const weekday of weekdays.length > 0 ? weekdays : ALL_WEEKDAYS) addHoursOfWeek(weekday * 1440 + opens, weekday * 1440 + closes, hours);
	}
	return [...hours].sort((a, b) => a - b);
}

/** The hour of the week an instant falls in (Japan time), as openHoursOf counts. */
export function hourOfWeekInJapan(at: Date): number {
	return Math.floor(minuteOfWeekInJapan(at) / 60);
}
