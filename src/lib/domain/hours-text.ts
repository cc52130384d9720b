/**
 * Opening hours and recurring sessions as written in a spreadsheet cell, read back into the
 * editor's structures: "月〜金 9:00〜12:30、14:00〜18:00 ／ 土 9:00〜12:00", "平日 9時〜17時",
 * "毎日 24時間", "毎月第2・第4火曜 10:00〜11:30", "隔週水曜（2026年4月1日から2週ごと） 17:00〜19:00",
 * "毎月15日 13:30〜", "毎週月曜（2027年3月31日まで） 10:00〜11:00", "毎週金曜（全10回） 14:00〜15:00".
 * The export writes the same phrases (formatWeeklyHours, describeSession), so a sheet can go out
 * and come back unchanged. Pure; errors are Japanese sentences for the import preview.
 */
import { buildRRule, formatMonthDay, weekdayOf, type RecurrencePattern } from './recurrence';
import { parseJapaneseDate } from './wareki';

const DAY_CHARS = ['日', '月', '火', '水', '木', '金', '土'];
/** Monday first, as timetables run: 月〜金 is 1..5, 土〜日 wraps to 6, 0. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];
const RANGE = '[〜~～\\-ー－]';
const SEGMENT_SEPARATOR = /[／/;；\n]+/;

export interface TextSpan {
	weekday: number;
	opensAt: string;
	closesAt: string;
}

export type TextResult<T> = { ok: true; value: T } | { ok: false; error: string };

function clean(input: string): string {
	return input.normalize('NFKC').replace(/曜日?/g, '').replace(/\s+/g, ' ').trim();
}

/** "9:00", "9時", "9時30分", "930" → "09:00"; null if not a time. */
function readClock(text: string): string | null {
	const match = /^(\d{1,2})(?:[:時](\d{1,2})?分?)?$/.exec(text.trim());
	if (!match) return null;
	const hours = Number(match[1]);
	const minutes = Number(match[2] ?? 0);
	if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return null;
	return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** "月〜金", "月・水・金", "土日", "平日", "毎日" → weekdays (Sunday = 0); null when not days. */
export function parseDays(text: string): number[] | null {
	const value = clean(text).replace(/[、,・ ]/g, '');
	if (value === '') return null;
	if (value === '毎日' || value === '全日' || value === '年中無休') return [...WEEK_ORDER];
	if (value === '平日') return [1, 2, 3, 4, 5];
	if (value === '土日' || value === '週末' || value === '土日祝') return [6, 0];
	const days = new Set<number>();
	let rest = value.replace(/祝/g, '');
	const range = new RegExp(`([日月火水木金土])${RANGE}([日月火水木金土])`, 'g');
	rest = rest.replace(range, (_whole, from: string, to: string) => {
		const start = WEEK_ORDER.indexOf(DAY_CHARS.indexOf(from));
		const end = WEEK_ORDER.indexOf(DAY_CHARS.indexOf(to));
		// 月〜日 and 日〜土 are the whole week, 金〜月 wraps past Sunday: count the days, from 1 to 7.
		const length = ((end - start + 7) % 7) + 1;
		for (let step = 0; step < length; step++) days.add(WEEK_ORDER[(start + step) % 7]);
		return '';
	});
	for (const ch of rest) {
		const day = DAY_CHARS.indexOf(ch);
		if (day < 0) return null;
		days.add(day);
	}
	return days.size > 0 ? WEEK_ORDER.filter((day) => days.has(day)) : null;
}

/** "9:00〜12:30、14:00〜18:00", "24時間", "22:00〜6:00（翌日）" → spans of one day. */
function parseTimes(text: string): Array<{ opensAt: string; closesAt: string }> | null {
	const value = clean(text).replace(/[（(]翌日?[）)]|翌/g, '');
	if (value === '24時間' || value === '終日') return [{ opensAt: '00:00', closesAt: '24:00' }];
	const spans = value.split(/[、,]+/).map((part) => {
		const match = new RegExp(`^(.+?)${RANGE}(.+)$`).exec(part.trim());
		if (!match) return null;
		const opensAt = readClock(match[1]);
		const closesAt = readClock(match[2]);
		return opensAt && closesAt ? { opensAt, closesAt } : null;
	});
	return spans.length > 0 && spans.every((span) => span !== null) ? (spans as Array<{ opensAt: string; closesAt: string }>) : null;
}

const HOURS_EXAMPLE = '「月〜金 9:00〜17:00 ／ 土 9:00〜12:00」のように、曜日と時間を書いてください';

export function parseHoursText(input: string): TextResult<TextSpan[]> {
	const spans: TextSpan[] = [];
	for (const segment of clean(input).split(SEGMENT_SEPARATOR).map((part) => part.trim()).filter(Boolean)) {
		const match = /^(\S+?)\s*((?:\d{1,2}[:時]|24時間|終日).*)$/.exec(segment);
		const days = match ? parseDays(match[1]) : null;
		const times = match ? parseTimes(match[2]) : null;
		if (!days) return { ok: false, error: `「${segment}」の曜日が読めません。${HOURS_EXAMPLE}。` };
		if (!times) return { ok: false, error: `「${segment}」の時間が読めません。${HOURS_EXAMPLE}。` };
		for (const weekday of days) for (const time of times) spans.push({ weekday, ...time });
	}
	return { ok: true, value: spans };
}

/** A session as the editor's session row holds it (weekdays Sunday = 0, nths 1–5 or -1 for 最終). */
export interface TextSession {
	/** 'keep': an RRULE written out as it is (a rule the phrases cannot say). */
	pattern: RecurrencePattern | 'keep';
	rawRRule?: string;
	weekdays: number[];
	nths: number[];
	monthDays: number[];
	opensAt: string;
	closesAt: string | null;
	/** 'YYYY-MM-DD' from "（2026年4月13日から2週ごと）": the series' DTSTART (which weeks 隔週 meets). */
	firstDate: string | null;
	/** 'YYYY-MM-DD' from "（2027年3月31日まで）": the last date the series may meet. */
	until: string | null;
	/** From "（全10回）": how many times the series meets. */
	count: number | null;
}

const SESSION_EXAMPLE = '「毎月第2・第4火曜 10:00〜11:30」「毎週水曜 17:00〜19:00」「毎月15日 13:30〜15:00」のように書いてください';
/** Sessions are split like hours, except at the ";" inside an RRULE written out ("FREQ=WEEKLY;INTERVAL=3"). */
const SESSION_SEPARATOR = /[／/\n]+|;+(?![A-Za-z]+=)/;

type SessionEnd = Pick<TextSession, 'firstDate' | 'until' | 'count'>;

/**
 * The bracketed endings describeRecurrence writes after the pattern, any order:
 * "(2026年4月13日から2週ごと)" (or "(…から)"), "(2027年3月31日まで)", "(全10回)". Dates may be 和暦.
 */
function readSessionEnd(when: string, segment: string): TextResult<SessionEnd & { rest: string }> {
	const end: SessionEnd = { firstDate: null, until: null, count: null };
	let rest = when;
	let bracket: RegExpExecArray | null;
	while ((bracket = /\(([^()]*)\)$/.exec(rest))) {
		const inner = bracket[1].replace(/\s/g, '');
		rest = rest.slice(0, bracket.index).trim();
		const from = /^(.+?)から(?:2週ごと|隔週)?$/.exec(inner);
		const until = /^(.+?)まで$/.exec(inner);
		const count = /^全(\d+)回$/.exec(inner);
		const date = from ? parseJapaneseDate(from[1]) : until ? parseJapaneseDate(until[1]) : null;
		if ((from || until) && !date) return { ok: false, error: `「${segment}」の「${(from ?? until)![1]}」が日付として読めません（例：2026年4月13日、令和8年4月13日）。` };
		if (from) end.firstDate = date;
		else if (until) end.until = date;
		else if (count && Number(count[1]) > 0) end.count = Number(count[1]);
		else return { ok: false, error: `「${segment}」の「（${inner}）」が読めません。初回は「（2026年4月13日から）」、終わりは「（2027年3月31日まで）」か「（全10回）」と書いてください。` };
	}
	if (end.until && end.count) return { ok: false, error: `「${segment}」に終わりの日と回数の両方があります。どちらか一方にしてください。` };
	if (end.until && end.firstDate && end.until < end.firstDate) return { ok: false, error: `「${segment}」は終わりの日が初回より前です。` };
	return { ok: true, value: { ...end, rest } };
}

function parseSession(segment: string): TextResult<TextSession> {
	// The time comes last: "毎月15日 13:30〜15:00", "隔週月(2026年4月13日から2週ごと) 10:00〜12:00".
	const timeAt = /\d{1,2}[:時]/.exec(segment);
	if (!timeAt) return { ok: false, error: `「${segment}」に開始時刻がありません。${SESSION_EXAMPLE}。` };
	const time = segment.slice(timeAt.index);
	const range = new RegExp(`^(.+?)(?:${RANGE}(.*))?$`).exec(time.trim());
	const opensAt = (range && readClock(range[1])) ?? '';
	const closesAt = range?.[2] ? readClock(range[2]) : null;
	if (!opensAt || (range?.[2] && !closesAt)) return { ok: false, error: `「${segment}」の時間が読めません。${SESSION_EXAMPLE}。` };
	const ending = readSessionEnd(segment.slice(0, timeAt.index).trim(), segment);
	if (!ending.ok) return ending;
	const { rest: when, ...end } = ending.value;
	if (when === '') return { ok: false, error: `「${segment}」に繰り返し（毎週・隔週・毎月）がありません。${SESSION_EXAMPLE}。` };
	const base = { opensAt, closesAt, nths: [] as number[], monthDays: [] as number[], weekdays: [] as number[], ...end };
	let rest: RegExpExecArray | null;
	if (/^(RRULE:)?FREQ=/i.test(when)) return { ok: true, value: { ...base, pattern: 'keep', rawRRule: when.replace(/^RRULE:/i, '').toUpperCase() } };
	if ((rest = /^(毎週|隔週)(.+)$/.exec(when))) {
		const weekdays = parseDays(rest[2]);
		if (!weekdays) return { ok: false, error: `「${segment}」の曜日が読めません。${SESSION_EXAMPLE}。` };
		const pattern = rest[1] === '毎週' ? 'weekly' : 'biweekly';
		// 隔週 counts its weeks from the first date: a first date on another weekday would move them.
		if (pattern === 'biweekly' && end.firstDate && !weekdays.includes(weekdayOf(end.firstDate))) {
			return {
				ok: false,
				error: `「${segment}」の初回 ${formatMonthDay(end.firstDate, true)} は${DAY_CHARS[weekdayOf(end.firstDate)]}曜です。${weekdays.map((day) => DAY_CHARS[day]).join('・')}曜の日付にしてください。`
			};
		}
		return { ok: true, value: { ...base, pattern, weekdays } };
	}
	if ((rest = /^毎月((?:(?:第[1-5]|最終)[・、,]?)+)(.+)$/.exec(when))) {
		const nths = [...rest[1].matchAll(/第([1-5])|最終/g)].map((m) => (m[1] ? Number(m[1]) : -1));
		const weekdays = parseDays(rest[2]);
		if (!weekdays) return { ok: false, error: `「${segment}」の曜日が読めません。${SESSION_EXAMPLE}。` };
		return { ok: true, value: { ...base, pattern: 'monthly-nth', weekdays, nths } };
	}
	if ((rest = /^毎月([\d・、,]+)日$/.exec(when))) {
		const monthDays = rest[1].split(/[・、,]/).filter(Boolean).map(Number);
		if (monthDays.some((day) => day < 1 || day > 31)) return { ok: false, error: `「${segment}」の日にちは1〜31です。` };
		return { ok: true, value: { ...base, pattern: 'monthly-day', monthDays } };
	}
	return { ok: false, error: `「${segment}」の繰り返しが読めません。${SESSION_EXAMPLE}。` };
}

export function parseSessionsText(input: string): TextResult<TextSession[]> {
	const sessions: TextSession[] = [];
	for (const segment of clean(input).split(SESSION_SEPARATOR).map((part) => part.trim()).filter(Boolean)) {
		const parsed = parseSession(segment);
		if (!parsed.ok) return parsed;
		sessions.push(parsed.value);
	}
	return { ok: true, value: sessions };
}

/** The RRULE a session phrase says (the same rule the editor's schema builds from its row). */
export function textSessionRule(session: TextSession): string {
	if (session.pattern === 'keep') return session.rawRRule ?? '';
	const { pattern, weekdays, nths, monthDays } = session;
	return buildRRule({ pattern, weekdays, nths, monthDays, until: session.until ?? undefined, count: session.count ?? undefined });
}
