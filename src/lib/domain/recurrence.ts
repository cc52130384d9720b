/**
 * Recurring sessions (RFC 5545 RRULE) in the words Japanese timetables use:
 * "FREQ=MONTHLY;BYDAY=2TU,4TU" + 10:00–11:30 → "毎月第2・第4火曜 10:00〜11:30".
 * The admin form offers 毎週 / 隔週 / 毎月第N曜日 / 毎月N日 (with 終了日 or 回数) and builds the RRULE
 * with buildRRule.
 *
 * expandOccurrences is the one occurrence expansion of the app: a listing's recurring sessions,
 * events, the calendar, 次回 dates and the iCal feeds all read dates from it. Dates are Japanese
 * calendar dates ('YYYY-MM-DD'); times are Asia/Tokyo, which has no daylight saving, so an
 * occurrence's instant is its local time with a fixed +09:00 offset.
 */
import * as rruleModule from 'rrule';
import { ENGLISH_WEEKDAYS, formatClock, parseClock } from './hours';
import type { Language } from './i18n/languages';

// rrule ships CommonJS for Node and ESM for bundlers; take the class from whichever we got.
// (Looked up at run time: a static `.default` makes the bundler warn that it is always undefined.)
const { RRule } = ('RRule' in rruleModule ? rruleModule : Reflect.get(rruleModule, 'default')) as typeof rruleModule;

/** rrule numbers weekdays Monday = 0; the rest of the app uses Sunday = 0 like Date#getDay. */
const RRULE_WEEKDAY_LABELS = ['月', '火', '水', '木', '金', '土', '日'];
const RRULE_DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type RecurrencePattern = 'weekly' | 'biweekly' | 'monthly-nth' | 'monthly-day';

export interface RecurrenceChoice {
	pattern: RecurrencePattern;
	/** Sunday = 0 … Saturday = 6 (for weekly, biweekly, monthly-nth). */
	weekdays?: number[];
	/** 1–5, or -1 for 最終 (monthly-nth). */
	nths?: number[];
	/** 1–31 (monthly-day). */
	monthDays?: number[];
	/** Last date the series may occur, 'YYYY-MM-DD' (inclusive). */
	until?: string;
	/** Number of occurrences, instead of until. */
	count?: number;
}

function sundayFirstToRRuleIndex(weekday: number): number {
	return (weekday + 6) % 7;
}

function patternRule(choice: RecurrenceChoice): string {
	const days = (choice.weekdays ?? []).map((d) => RRULE_DAY_CODES[sundayFirstToRRuleIndex(d)]);
	switch (choice.pattern) {
		case 'weekly':
			return `FREQ=WEEKLY;BYDAY=${days.join(',')}`;
		case 'biweekly':
			return `FREQ=WEEKLY;INTERVAL=2;BYDAY=${days.join(',')}`;
		case 'monthly-nth': {
			const nths = choice.nths ?? [];
			return `FREQ=MONTHLY;BYDAY=${nths.flatMap((n) => days.map((d) => `${n}${d}`)).join(',')}`;
		}
		case 'monthly-day':
			return `FREQ=MONTHLY;BYMONTHDAY=${(choice.monthDays ?? []).join(',')}`;
	}
}

/**
 * The RRULE for the form's choices. UNTIL is the end of the last day in floating time (the UTC
 * fields carry Japanese local time, see expandOccurrences); the iCal export converts it to UTC.
 */
export function buildRRule(choice: RecurrenceChoice): string {
	const rule = patternRule(choice);
	if (choice.until && ISO_DATE.test(choice.until)) return `${rule};UNTIL=${choice.until.replace(/-/g, '')}T235959Z`;
	if (choice.count && choice.count > 0) return `${rule};COUNT=${choice.count}`;
	return rule;
}

/**
 * An RRULE written one way: parts and BYDAY/BYMONTHDAY lists sorted, defaults (INTERVAL=1,
 * WKST=MO) left out, UNTIL as its date. Two rules with the same key give the same dates.
 */
export function rruleKey(rrule: string): string {
	return rrule
		.replace(/^RRULE:/i, '')
		.toUpperCase()
		.split(';')
		.filter((part) => part.includes('='))
		.map((part) => {
			const [name, value] = part.split('=');
			if (name === 'BYDAY' || name === 'BYMONTHDAY') return `${name}=${value.split(',').sort().join(',')}`;
			if (name === 'UNTIL') return `${name}=${value.slice(0, 8)}`;
			return (name === 'INTERVAL' && value === '1') || (name === 'WKST' && value === 'MO') ? '' : `${name}=${value}`;
		})
		.filter(Boolean)
		.sort()
		.join(';');
}

/** The form choices an RRULE came from, or null when it is outside what the form offers. */
export function parseRecurrence(rrule: string): RecurrenceChoice | null {
	let options;
	try {
		options = RRule.parseString(rrule.replace(/^RRULE:/, ''));
	} catch {
		return null;
	}
	const byweekday = (Array.isArray(options.byweekday) ? options.byweekday : options.byweekday != null ? [options.byweekday] : []) as Array<
		number | { weekday: number; n?: number }
	>;
	const parsedDays = byweekday.map((w) => (typeof w === 'number' ? { weekday: w, n: undefined } : { weekday: w.weekday, n: w.n }));
	const weekdays = [...new Set(parsedDays.map((d) => (d.weekday + 1) % 7))];
	const end: Pick<RecurrenceChoice, 'until' | 'count'> = {};
	if (options.until) end.until = options.until.toISOString().slice(0, 10);
	if (options.count) end.count = options.count;
	if (options.freq === RRule.WEEKLY) {
		return { pattern: options.interval === 2 ? 'biweekly' : 'weekly', weekdays, ...end };
	}
	if (options.freq === RRule.MONTHLY) {
		const monthDays = options.bymonthday == null ? [] : ([] as number[]).concat(options.bymonthday);
		if (monthDays.length > 0) return { pattern: 'monthly-day', monthDays, ...end };
		const nths = [...new Set(parsedDays.map((d) => d.n).filter((n): n is number => n != null && n !== 0))];
		if (nths.length > 0) return { pattern: 'monthly-nth', weekdays, nths, ...end };
	}
	return null;
}

/**
 * parseRecurrence, only when the choices say the whole rule (buildRRule gives it back): a rule
 * such as INTERVAL=3 or 第2火曜・第4水曜 is not "毎週" or "第2・第4火・水曜", and is shown and kept as it is.
 */
export function exactRecurrence(rrule: string): RecurrenceChoice | null {
	const choice = parseRecurrence(rrule);
	return choice && rruleKey(buildRRule(choice)) === rruleKey(rrule) ? choice : null;
}

function weekdayList(weekdays: number[]): string {
	return [...weekdays]
		.sort((a, b) => sundayFirstToRRuleIndex(a) - sundayFirstToRRuleIndex(b))
		.map((d) => `${RRULE_WEEKDAY_LABELS[sundayFirstToRRuleIndex(d)]}曜`)
		.join('・');
}

function describePattern(choice: RecurrenceChoice, firstDate: string | null): string {
	const days = weekdayList(choice.weekdays ?? []).replace(/曜・/g, '・');
	switch (choice.pattern) {
		case 'weekly':
			return `毎週${days}`;
		case 'biweekly':
			// Which weeks: counted from the first session (the phase lives in DTSTART, not in the rule).
			return firstDate ? `隔週${days}（${formatMonthDay(firstDate, true)}から2週ごと）` : `隔週${days}`;
		case 'monthly-nth': {
			return `毎月${sortedNths(choice).map((n) => (n < 0 ? '最終' : `第${n}`)).join('・')}${days}`;
		}
		case 'monthly-day':
			return `毎月${(choice.monthDays ?? []).join('・')}日`;
	}
}

/** 1st, 2nd, … then 最終 (-1) last. */
function sortedNths(choice: RecurrenceChoice): number[] {
	return [...(choice.nths ?? [])].sort((a, b) => (a < 0 ? 9 : a) - (b < 0 ? 9 : b));
}

/** "Mon", "Mon & Thu", "Mon, Wed & Fri" (Monday first). */
function englishList(items: string[]): string {
	return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} & ${items.at(-1)}`;
}

function ordinal(n: number): string {
	const tens = n % 100;
	const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
	return `${n}${suffix}`;
}

function describePatternInEnglish(choice: RecurrenceChoice, firstDate: string | null): string {
	const days = englishList(
		[...(choice.weekdays ?? [])].sort((a, b) => sundayFirstToRRuleIndex(a) - sundayFirstToRRuleIndex(b)).map((d) => ENGLISH_WEEKDAYS[d])
	);
	switch (choice.pattern) {
		case 'weekly':
			return `Every ${days}`;
		case 'biweekly':
			return firstDate ? `Every other ${days} (every 2 weeks from ${formatEnglishMonthDay(firstDate, true)})` : `Every other ${days}`;
		case 'monthly-nth':
			return `${englishList(sortedNths(choice).map((n) => (n < 0 ? 'last' : ordinal(n))))} ${days} of each month`;
		case 'monthly-day':
			return `Monthly on the ${englishList((choice.monthDays ?? []).map(ordinal))}`;
	}
}

/**
 * "毎月第2・第4火曜", "毎週月・木曜", "隔週水曜（2026年4月1日から2週ごと）", "毎月15日", "毎月最終金曜",
 * with "（2027年3月31日まで）" or "（全10回）" when the series ends. Give dtstart so 隔週 says which weeks.
 * English: "2nd & 4th Tue of each month", "Every Mon & Thu", "(until Mar 31, 2027)", "(10 times)".
 * The Japanese wording is also the spreadsheet's (hours-text reads it back).
 */
export function describeRecurrence(rrule: string, dtstart?: string | null, language: Language = 'ja'): string {
	const choice = exactRecurrence(rrule);
	if (!choice) return rrule;
	const firstDate = choice.pattern === 'biweekly' && dtstart ? (firstOccurrenceDate(rrule, dtstart) ?? null) : null;
	if (language === 'en') {
		const end = choice.until ? ` (until ${formatEnglishMonthDay(choice.until, true)})` : choice.count ? ` (${choice.count} times)` : '';
		return `${describePatternInEnglish(choice, firstDate)}${end}`;
	}
	const end = choice.until ? `（${formatMonthDay(choice.until, true)}まで）` : choice.count ? `（全${choice.count}回）` : '';
	return `${describePattern(choice, firstDate)}${end}`;
}

/** describeRecurrence plus the session's time: "毎月第2・第4火曜 10:00〜11:30" ("… 10:00–11:30", "… from 13:30"). */
export function describeSession(
	rrule: string,
	opensAt?: string | null,
	closesAt?: string | null,
	dtstart?: string | null,
	language: Language = 'ja'
): string {
	const opens = opensAt ? parseClock(opensAt) : null;
	const closes = closesAt ? parseClock(closesAt) : null;
	const english = language === 'en';
	const time =
		opens === null
			? ''
			: closes === null
				? english
					? ` from ${formatClock(opens)}`
					: ` ${formatClock(opens)}〜`
				: ` ${formatClock(opens)}${english ? '–' : '〜'}${formatClock(closes)}`;
	return `${describeRecurrence(rrule, dtstart, language)}${time}`;
}

/** Weekdays (Sunday = 0) on which the rule can occur. */
export function recurrenceWeekdays(rrule: string): number[] {
	return parseRecurrence(rrule)?.weekdays ?? [];
}

const DAY_MS = 86_400_000;
/** Used when a rule has no DTSTART (listing sessions entered without a first date). */
const DEFAULT_DTSTART = '2000-01-02';
/** A moved session may land this many days from its original date (and still be found). */
const MOVE_WINDOW_DAYS = 62;

/** "2026年12月8日" (withYear) or "12月8日", from 'YYYY-MM-DD'; no Intl so it is the same everywhere. */
export function formatMonthDay(isoDate: string, withYear = false): string {
	const [y, m, d] = isoDate.split('-').map(Number);
	return `${withYear ? `${y}年` : ''}${m}月${d}日`;
}

const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Dec 8, 2026" (withYear) or "Dec 8", from 'YYYY-MM-DD'. */
export function formatEnglishMonthDay(isoDate: string, withYear = false): string {
	const [y, m, d] = isoDate.split('-').map(Number);
	return `${ENGLISH_MONTHS[m - 1]} ${d}${withYear ? `, ${y}` : ''}`;
}

/** The Japanese calendar date of an instant ('YYYY-MM-DD'). */
export function tokyoDate(at: Date): string {
	return new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' plus days. */
export function addDays(isoDate: string, days: number): string {
	return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Sunday = 0 … Saturday = 6 of a calendar date. */
export function weekdayOf(isoDate: string): number {
	return new Date(`${isoDate}T00:00:00Z`).getUTCDay();
}

function floatingDate(isoDate: string | null | undefined): Date {
	const match = isoDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate) : null;
	const fallback = DEFAULT_DTSTART.split('-').map(Number);
	return match
		? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
		: new Date(Date.UTC(fallback[0], fallback[1] - 1, fallback[2]));
}

/**
 * A rule's dates between two dates (inclusive). Dates are "floating" (UTC fields used as Japanese
 * calendar dates, as rrule recommends), so no time zone shifts a 23:30 session to the next day.
 */
function ruleDates(rrule: string, dtstart: string | null | undefined, from: string, to: string): readonly string[] {
	const key = `${rrule}|${dtstart ?? ''}|${from}|${to}`;
	const cached = ruleDatesCache.get(key);
	if (cached) return cached;
	let dates: readonly string[];
	try {
		const rule = new RRule({ ...RRule.parseString(rrule.replace(/^RRULE:/, '')), dtstart: floatingDate(dtstart) });
		dates = rule.between(new Date(`${from}T00:00:00Z`), new Date(`${to}T23:59:59Z`), true).map((date) => date.toISOString().slice(0, 10));
	} catch {
		dates = [];
	}
	if (ruleDatesCache.size >= RULE_DATES_CACHE_SIZE) ruleDatesCache.delete(ruleDatesCache.keys().next().value!);
	ruleDatesCache.set(key, dates);
	return dates;
}

/**
 * rrule walks every date from DTSTART (often years back) to the end of the range, so one listing's
 * 次回 costs hundreds of steps and a page of hundreds of listings (an area page) took most of its
 * time here. The dates of a rule over a range never change: the most recent expansions are kept
 * (oldest dropped first); a new day means new ranges, so old entries simply age out.
 */
const ruleDatesCache = new Map<string, readonly string[]>();
const RULE_DATES_CACHE_SIZE = 5000;

/** The first date the rule occurs on or after its DTSTART. */
export function firstOccurrenceDate(rrule: string, dtstart: string): string | null {
	try {
		const rule = new RRule({ ...RRule.parseString(rrule.replace(/^RRULE:/, '')), dtstart: floatingDate(dtstart) });
		const first = rule.after(floatingDate(dtstart), true);
		return first ? first.toISOString().slice(0, 10) : null;
	} catch {
		return null;
	}
}

/** A series of sessions: one date (rrule null) or a rule from a first date, at a time of day. */
export interface Series {
	/** null: a one-off on dtstart. */
	rrule: string | null;
	/** First date, 'YYYY-MM-DD' (fixes the phase of 隔週). */
	dtstart: string | null;
	/** 'HH:MM' Japanese time, or null for a date without a time. */
	startTime: string | null;
	/** 'HH:MM'; not after startTime means the session ends the next day. */
	endTime: string | null;
}

/** 休み: no session (not announced as cancelled); 中止: cancelled, shown as 中止; 変更: moved. */
export type ExceptionKind = 'skip' | 'cancel' | 'move';

export interface SeriesException {
	/** The date the rule gives, 'YYYY-MM-DD'. */
	date: string;
	kind: ExceptionKind;
	/** For 'move': the new date and times. */
	newDate?: string | null;
	newStartTime?: string | null;
	newEndTime?: string | null;
	note?: string | null;
}

export type OccurrenceStatus = 'scheduled' | 'skipped' | 'cancelled' | 'moved';

export interface Occurrence {
	/** The date it takes place (the new date when moved). */
	date: string;
	/** The rule's date (differs from date when moved): identifies the occurrence (RECURRENCE-ID). */
	originalDate: string;
	/** ISO 8601 with +09:00, or null when there is no time. */
	startsAt: string | null;
	endsAt: string | null;
	startTime: string | null;
	endTime: string | null;
	status: OccurrenceStatus;
	note: string | null;
}

function instant(date: string, time: string | null): string | null {
	if (!time) return null;
	const minutes = parseClock(time);
	if (minutes === null) return null;
	const day = addDays(date, Math.floor(minutes / 1440));
	const rest = minutes % 1440;
	return `${day}T${String(Math.floor(rest / 60)).padStart(2, '0')}:${String(rest % 60).padStart(2, '0')}:00+09:00`;
}

function endInstant(date: string, startTime: string | null, endTime: string | null): string | null {
	if (!endTime) return null;
	const start = startTime ? parseClock(startTime) : null;
	const end = parseClock(endTime);
	if (end === null) return null;
	// An end not after the start is the next morning (a 23:30 session until 1:00).
	return instant(start !== null && end <= start ? addDays(date, 1) : date, endTime);
}

/**
 * The occurrences of a series whose date falls between from and to (inclusive), in time order,
 * with its exceptions applied: 休み and 中止 stay in the list with their status (a calendar shows
 * 中止), a moved session appears on its new date.
 */
export function expandOccurrences(series: Series, from: string, to: string, exceptions: readonly SeriesException[] = []): Occurrence[] {
	const byDate = new Map(exceptions.map((exception) => [exception.date, exception]));
	// Look further back and ahead for sessions moved into the range from outside it.
	const hasMoves = exceptions.some((exception) => exception.kind === 'move');
	const searchFrom = hasMoves ? addDays(from, -MOVE_WINDOW_DAYS) : from;
	const searchTo = hasMoves ? addDays(to, MOVE_WINDOW_DAYS) : to;
	const dates = series.rrule
		? ruleDates(series.rrule, series.dtstart, searchFrom, searchTo)
		: series.dtstart && series.dtstart >= searchFrom && series.dtstart <= searchTo
			? [series.dtstart]
			: [];
	const occurrences: Occurrence[] = [];
	for (const originalDate of dates) {
		const exception = byDate.get(originalDate);
		const moved = exception?.kind === 'move' && exception.newDate ? exception : null;
		const date = moved ? moved.newDate! : originalDate;
		if (date < from || date > to) continue;
		const startTime = moved ? (moved.newStartTime ?? series.startTime) : series.startTime;
		const endTime = moved ? (moved.newEndTime ?? series.endTime) : series.endTime;
		const status: OccurrenceStatus = !exception ? 'scheduled' : exception.kind === 'skip' ? 'skipped' : exception.kind === 'cancel' ? 'cancelled' : 'moved';
		occurrences.push({
			date,
			originalDate,
			startsAt: instant(date, startTime),
			endsAt: endInstant(date, startTime, endTime),
			startTime,
			endTime,
			status,
			note: exception?.note ?? null
		});
	}
	return occurrences.sort((a, b) => (a.date + (a.startTime ?? '')).localeCompare(b.date + (b.startTime ?? '')));
}

/** Whether the occurrence has ended (or, without an end time, started; without a time, its day is over). */
export function isPastOccurrence(occurrence: Pick<Occurrence, 'date' | 'startsAt' | 'endsAt'>, now: Date): boolean {
	const reference = occurrence.endsAt ?? occurrence.startsAt;
	if (reference) return Date.parse(reference) <= now.getTime();
	return occurrence.date < tokyoDate(now);
}

/** The next n sessions that take place (not 休み or 中止), from now on, looking a year ahead. */
export function nextOccurrences(series: Series, now: Date, n: number, exceptions: readonly SeriesException[] = []): Occurrence[] {
	const today = tokyoDate(now);
	// Most series meet n times within two months: look there first, a whole year only when needed
	// (the same first n either way: everything later is dated after the shorter range).
	for (const days of NEXT_OCCURRENCE_WINDOWS) {
		const found = expandOccurrences(series, today, addDays(today, days), exceptions).filter(
			(occurrence) => (occurrence.status === 'scheduled' || occurrence.status === 'moved') && !isPastOccurrence(occurrence, now)
		);
		if (found.length >= n || days === NEXT_OCCURRENCE_WINDOWS.at(-1)) return found.slice(0, n);
	}
	return [];
}

const NEXT_OCCURRENCE_WINDOWS = [62, 366] as const;

const occurrenceCache = new Map<string, boolean>();

/** Whether the rule has an occurrence on the given calendar date (year, month 1–12, day). */
export function occursOnDate(rrule: string, year: number, month: number, day: number, dtstart?: string | null): boolean {
	const key = `${rrule}|${dtstart ?? ''}|${year}-${month}-${day}`;
	const cached = occurrenceCache.get(key);
	if (cached !== undefined) return cached;
	const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	const result = expandOccurrences({ rrule, dtstart: dtstart ?? null, startTime: null, endTime: null }, date, date).length > 0;
	if (occurrenceCache.size > 10_000) occurrenceCache.clear();
	occurrenceCache.set(key, result);
	return result;
}
