/**
 * Recurring sessions (RFC 5545 RRULE) in the words Japanese timetables use:
 * "FREQ=MONTHLY;BYDAY=2TU,4TU" + 10:00–11:30 → "毎月第2・第4火曜 10:00〜11:30".
 * The admin form offers 毎週 / 隔週 / 毎月第N曜日 / 毎月N日 and builds the RRULE with buildRRule.
 */
import * as rruleModule from 'rrule';
import { formatClock, parseClock } from './hours';

// rrule ships CommonJS for Node and ESM for bundlers; take the class from whichever we got.
const { RRule } = ((rruleModule as unknown as { default?: typeof rruleModule }).default ?? rruleModule) as typeof rruleModule;

/** rrule numbers weekdays Monday = 0; the rest of the app uses Sunday = 0 like Date#getDay. */
const RRULE_WEEKDAY_LABELS = ['月', '火', '水', '木', '金', '土', '日'];
const RRULE_DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export type RecurrencePattern = 'weekly' | 'biweekly' | 'monthly-nth' | 'monthly-day';

export interface RecurrenceChoice {
	pattern: RecurrencePattern;
	/** Sunday = 0 … Saturday = 6 (for weekly, biweekly, monthly-nth). */
	weekdays?: number[];
	/** 1–5, or -1 for 最終 (monthly-nth). */
	nths?: number[];
	/** 1–31 (monthly-day). */
	monthDays?: number[];
}

function sundayFirstToRRuleIndex(weekday: number): number {
	return (weekday + 6) % 7;
}

export function buildRRule(choice: RecurrenceChoice): string {
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
	if (options.freq === RRule.WEEKLY) {
		return { pattern: options.interval === 2 ? 'biweekly' : 'weekly', weekdays };
	}
	if (options.freq === RRule.MONTHLY) {
		const monthDays = options.bymonthday == null ? [] : ([] as number[]).concat(options.bymonthday);
		if (monthDays.length > 0) return { pattern: 'monthly-day', monthDays };
		const nths = [...new Set(parsedDays.map((d) => d.n).filter((n): n is number => n != null && n !== 0))];
		if (nths.length > 0) return { pattern: 'monthly-nth', weekdays, nths };
	}
	return null;
}

function weekdayList(weekdays: number[]): string {
	return [...weekdays]
		.sort((a, b) => sundayFirstToRRuleIndex(a) - sundayFirstToRRuleIndex(b))
		.map((d) => `${RRULE_WEEKDAY_LABELS[sundayFirstToRRuleIndex(d)]}曜`)
		.join('・');
}

/** "毎月第2・第4火曜", "毎週月・木曜", "隔週水曜", "毎月15日", "毎月最終金曜". */
export function describeRecurrence(rrule: string): string {
	const choice = parseRecurrence(rrule);
	if (!choice) return rrule;
	const days = weekdayList(choice.weekdays ?? []).replace(/曜・/g, '・');
	switch (choice.pattern) {
		case 'weekly':
			return `毎週${days}`;
		case 'biweekly':
			return `隔週${days}`;
		case 'monthly-nth': {
			const nths = [...(choice.nths ?? [])].sort((a, b) => (a < 0 ? 9 : a) - (b < 0 ? 9 : b));
			return `毎月${nths.map((n) => (n < 0 ? '最終' : `第${n}`)).join('・')}${days}`;
		}
		case 'monthly-day':
			return `毎月${(choice.monthDays ?? []).join('・')}日`;
	}
}

/** describeRecurrence plus the session's time: "毎月第2・第4火曜 10:00〜11:30". */
export function describeSession(rrule: string, opensAt?: string | null, closesAt?: string | null): string {
	const opens = opensAt ? parseClock(opensAt) : null;
	const closes = closesAt ? parseClock(closesAt) : null;
	const time = opens === null ? '' : ` ${formatClock(opens)}${closes === null ? '〜' : `〜${formatClock(closes)}`}`;
	return `${describeRecurrence(rrule)}${time}`;
}

/** Weekdays (Sunday = 0) on which the rule can occur. */
export function recurrenceWeekdays(rrule: string): number[] {
	return parseRecurrence(rrule)?.weekdays ?? [];
}

function floatingDate(isoDate: string | null | undefined): Date {
	const match = isoDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate) : null;
	return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : new Date(Date.UTC(2000, 0, 2));
}

const occurrenceCache = new Map<string, boolean>();

/** Whether the rule has an occurrence on the given calendar date (year, month 1–12, day). */
export function occursOnDate(rrule: string, year: number, month: number, day: number, dtstart?: string | null): boolean {
	const key = `${rrule}|${dtstart ?? ''}|${year}-${month}-${day}`;
	const cached = occurrenceCache.get(key);
	if (cached !== undefined) return cached;
	let result = false;
	try {
		// Dates are "floating" (UTC fields used as local Japanese dates), as rrule recommends.
		const rule = new RRule({ ...RRule.parseString(rrule.replace(/^RRULE:/, '')), dtstart: floatingDate(dtstart) });
		const dayStart = new Date(Date.UTC(year, month - 1, day));
		const dayEnd = new Date(Date.UTC(year, month - 1, day, 23, 59, 59));
		result = rule.between(dayStart, dayEnd, true).length > 0;
	} catch {
		result = false;
	}
	if (occurrenceCache.size > 10_000) occurrenceCache.clear();
	occurrenceCache.set(key, result);
	return result;
}
