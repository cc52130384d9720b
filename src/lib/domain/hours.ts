/**
 * Opening hours as weekly spans, and the "open now" rule. Right for split hours (9:00–12:00 and
 * 13:00–17:00 as two spans), overnight spans (22:00–06:00 runs into the next day, also from
 * Saturday into Sunday) and 24-hour services (00:00–24:00). Times are 高知 local (Asia/Tokyo, which
 * has no daylight saving, so a fixed +09:00 offset is exact).
 */

import type { Language } from './i18n/languages';

export const WEEKDAY_LABELS = ['日', '月', '火', '水', '木', '金', '土'] as const;
/** English short weekdays, Sunday = 0 (English pages write hours and dates with these). */
export const ENGLISH_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

export interface WeeklySpan {
	/** 0 = 日曜 … 6 = 土曜 */
	weekday: number;
	/** 'HH:MM' */
	opensAt: string;
	/** 'HH:MM'; '24:00' allowed; not after opensAt means the span ends the next day. */
	closesAt: string;
}

/** 'H:MM' or 'HH:MM' (0:00–24:00) → minutes; null when malformed. */
export function parseClock(value: string): number | null {
	const match = /^(\d{1,2}):(\d{2})$/.exec(value.normalize('NFKC').trim());
	if (!match) return null;
	const hours = Number(match[1]);
	const minutes = Number(match[2]);
	if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return null;
	return hours * 60 + minutes;
}

export function formatClock(minutes: number): string {
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return `${h}:${String(m).padStart(2, '0')}`;
}

/** [start, end) minutes since Sunday 00:00; end may exceed a week for Saturday-night spans. */
export function spanToWeekInterval(span: WeeklySpan): [number, number] | null {
	const opens = parseClock(span.opensAt);
	const closes = parseClock(span.closesAt);
	if (opens === null || closes === null || span.weekday < 0 || span.weekday > 6) return null;
	const start = span.weekday * MINUTES_PER_DAY + opens;
	const length = closes > opens ? closes - opens : closes + MINUTES_PER_DAY - opens;
	return [start, start + length];
}

/** Minutes since Sunday 00:00 in Japan for an instant. */
export function minuteOfWeekInJapan(at: Date): number {
	const jst = new Date(at.getTime() + JST_OFFSET_MS);
	return jst.getUTCDay() * MINUTES_PER_DAY + jst.getUTCHours() * 60 + jst.getUTCMinutes();
}

/** The weekday (0–6) in Japan for an instant. */
export function weekdayInJapan(at: Date): number {
	return new Date(at.getTime() + JST_OFFSET_MS).getUTCDay();
}

export function isOpenAtMinute(spans: readonly WeeklySpan[], minuteOfWeek: number): boolean {
	for (const span of spans) {
		const interval = spanToWeekInterval(span);
		if (!interval) continue;
		const [start, end] = interval;
		if (minuteOfWeek >= start && minuteOfWeek < end) return true;
		// A Saturday-night span continues into Sunday morning of the same week grid.
		if (end > MINUTES_PER_WEEK && minuteOfWeek < end - MINUTES_PER_WEEK) return true;
	}
	return false;
}

export function isOpenAt(spans: readonly WeeklySpan[], at: Date): boolean {
	return isOpenAtMinute(spans, minuteOfWeekInJapan(at));
}

/** Open at some time on that weekday (including the tail of the previous night's span). */
export function isOpenOnWeekday(spans: readonly WeeklySpan[], weekday: number): boolean {
	return spans.some((span) => span.weekday === weekday && spanToWeekInterval(span) !== null);
}

/** "9:00〜12:00", "22:00〜6:00（翌日）", "24時間" (English: "9:00–12:00", "22:00–6:00 (next day)", "24 hours"). */
export function formatSpan(span: WeeklySpan, language: Language = 'ja'): string {
	const english = language === 'en';
	const opens = parseClock(span.opensAt) ?? 0;
	const closes = parseClock(span.closesAt) ?? 0;
	if (opens === 0 && (closes === MINUTES_PER_DAY || closes === 0)) return english ? '24 hours' : '24時間';
	const nextDay = closes <= opens ? (english ? ' (next day)' : '（翌日）') : '';
	return `${formatClock(opens)}${english ? '–' : '〜'}${formatClock(closes)}${nextDay}`;
}

/**
 * Groups weekdays with identical hours: "月〜金 9:00〜12:00、13:00〜17:00 ／ 土 9:00〜12:00"
 * (English: "Mon–Fri 9:00–12:00, 13:00–17:00"). Weekdays are listed Monday first, as Japanese
 * timetables do. The Japanese wording is also the spreadsheet's (hours-text reads it back).
 */
export function formatWeeklyHours(spans: readonly WeeklySpan[], language: Language = 'ja'): string[] {
	const english = language === 'en';
	const labels: readonly string[] = english ? ENGLISH_WEEKDAYS : WEEKDAY_LABELS;
	const [pair, range, spanSeparator] = english ? [' & ', '–', ', '] : ['・', '〜', '、'];
	const byDay = new Map<number, string>();
	for (const day of [1, 2, 3, 4, 5, 6, 0]) {
		const daySpans = spans
			.filter((span) => span.weekday === day && spanToWeekInterval(span))
			.sort((a, b) => (parseClock(a.opensAt) ?? 0) - (parseClock(b.opensAt) ?? 0));
		if (daySpans.length === 0) continue;
		const text = daySpans.map((span) => formatSpan(span, language)).join(spanSeparator);
		byDay.set(day, text);
	}
	const lines: string[] = [];
	const order = [1, 2, 3, 4, 5, 6, 0];
	let i = 0;
	while (i < order.length) {
		const text = byDay.get(order[i]);
		if (!text) {
			i++;
			continue;
		}
		let j = i;
		while (j + 1 < order.length && byDay.get(order[j + 1]) === text) j++;
		const days =
			j === i ? labels[order[i]] : `${labels[order[i]]}${j === i + 1 ? pair : range}${labels[order[j]]}`;
		lines.push(`${days} ${text}`);
		i = j + 1;
	}
	return lines;
}
