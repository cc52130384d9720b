/**
 * Events (催し) and the community calendar: the shapes shared by the server, the pages and the
 * API, the Japanese date wording (西暦 or 和暦) and the validation of calendar parameters.
 */
import { z } from 'zod';
import { FIELDS, TARGETS, type Field, type Target } from './taxonomy';
import { booleanParam, intParam, MAX_PER_PAGE, MESSAGES, numberParam, readParams, type ValidationIssue } from './search';
import { addDays, formatEnglishMonthDay, weekdayOf, type Occurrence, type Series, type SeriesException } from './recurrence';
import { ENGLISH_WEEKDAYS, WEEKDAY_LABELS } from './hours';
import type { Language } from './i18n/languages';

export const EVENT_STATUSES = ['draft', 'review', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
	draft: '下書き',
	review: '確認待ち',
	published: '公開中',
	cancelled: '中止'
};

export interface EventPlace {
	name: string | null;
	address: string;
	lat: number | null;
	lng: number | null;
	areas: Array<{ id: string; kind: string; slug: string; name: string }>;
}

/** One event (one-off or a recurring series) with what a resident needs to go. */
export interface EventRecord {
	id: string;
	title: string;
	kana: string | null;
	description: string | null;
	serviceId: string | null;
	serviceName: string | null;
	organizationId: string | null;
	organizationName: string | null;
	place: EventPlace | null;
	/** First session, ISO 8601 +09:00. */
	startsAt: string;
	endsAt: string | null;
	rrule: string | null;
	field: Field | null;
	targets: Target[];
	fee: string | null;
	capacity: number | null;
	howToApply: string | null;
	status: EventStatus;
	exceptions: SeriesException[];
	updatedAt: string;
}

/** 'HH:MM' of an ISO instant written with +09:00 (as events are stored). */
export function localTime(iso: string | null): string | null {
	const match = iso ? /T(\d{2}):(\d{2})/.exec(iso) : null;
	return match ? `${match[1]}:${match[2]}` : null;
}

/** The event's sessions as a series for the occurrence expansion (no second copy of the rule). */
export function eventSeries(event: Pick<EventRecord, 'startsAt' | 'endsAt' | 'rrule'>): Series {
	return { rrule: event.rrule, dtstart: event.startsAt.slice(0, 10), startTime: localTime(event.startsAt), endTime: localTime(event.endsAt) };
}

/** 無料 (no fee written, 0円, 無料). */
export function isFree(fee: string | null): boolean {
	if (!fee || fee.trim() === '') return true;
	const text = fee.normalize('NFKC');
	return /無料|^0円$|^0$/.test(text.trim()) || /^無料/.test(text);
}

/** An occurrence of an event as a calendar shows it. */
export interface CalendarEntry {
	eventId: string;
	title: string;
	occurrence: Occurrence;
	/** The session is over (終了). */
	past: boolean;
	field: Field | null;
	placeName: string | null;
	district: string | null;
	lat: number | null;
	lng: number | null;
	free: boolean;
	distance_m?: number;
}

/** What the pages show of one event (built on the server by eventView). */
export interface EventView {
	event: EventRecord;
	/** "毎月第2・第4火曜 10:00〜11:30" for a series; null for a one-off. */
	recurrence: string | null;
	/** "10:00〜11:30" */
	time: string;
	/** Dates from today on (休み and 中止 included, marked), at most `limit`. */
	coming: Occurrence[];
	/** The next date that takes place. */
	next: Occurrence | null;
	/** No date takes place from now on (終了). */
	ended: boolean;
	/** The last date that took place, for 終了 events. */
	lastDate: string | null;
}

// ---------------------------------------------------------------- Japanese dates

const REIWA_START = '2019-05-01';
const HEISEI_START = '1989-01-08';

function eraYear(isoDate: string): string {
	const year = Number(isoDate.slice(0, 4));
	const [era, first] = isoDate >= REIWA_START ? ['令和', 2018] : isoDate >= HEISEI_START ? ['平成', 1988] : ['昭和', 1925];
	const n = year - first;
	return `${era}${n === 1 ? '元' : n}年`;
}

/** "2026年12月8日（火）", or with wareki "令和8年12月8日（火）"; weekday omitted when asked. */
export function formatJapaneseDate(isoDate: string, options: { wareki?: boolean; weekday?: boolean } = {}): string {
	const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
	const year = options.wareki ? eraYear(isoDate) : `${y}年`;
	const weekday = options.weekday === false ? '' : `（${WEEKDAY_LABELS[weekdayOf(isoDate.slice(0, 10))]}）`;
	return `${year}${m}月${d}日${weekday}`;
}

/** "12月8日（火）" for short lists (次回); "Tue, Dec 8" in English. */
export function formatShortDate(isoDate: string, language: Language = 'ja'): string {
	if (language === 'en') return `${ENGLISH_WEEKDAYS[weekdayOf(isoDate)]}, ${formatEnglishMonthDay(isoDate)}`;
	const [, m, d] = isoDate.split('-').map(Number);
	return `${m}月${d}日（${WEEKDAY_LABELS[weekdayOf(isoDate)]}）`;
}

/** "09:30" → "9:30": the leading zero of the hour dropped, as timetables write it. */
export function clock(value: string): string {
	return value.replace(/^0(\d):/, '$1:');
}

/** "10:00〜11:30" (leading zero of the hour dropped, as timetables write it); "10:00–11:30", "from 10:00" in English. */
export function formatTimeRange(startTime: string | null, endTime: string | null, language: Language = 'ja'): string {
	if (!startTime) return '';
	if (language === 'en') return endTime ? `${clock(startTime)}–${clock(endTime)}` : `from ${clock(startTime)}`;
	return endTime ? `${clock(startTime)}〜${clock(endTime)}` : `${clock(startTime)}〜`;
}

export const OCCURRENCE_STATUS_LABELS: Record<Occurrence['status'], string> = {
	scheduled: '',
	moved: '日時変更',
	skipped: '休み',
	cancelled: '中止'
};

// ---------------------------------------------------------------- calendar parameters

export const CALENDAR_RANGES = ['upcoming', 'today', 'week', 'month', 'custom'] as const;
export type CalendarRange = (typeof CALENDAR_RANGES)[number];
export const DAY_PARTS = ['am', 'pm'] as const;
export type DayPart = (typeof DAY_PARTS)[number];
/** Longest range one request may ask for. */
export const MAX_RANGE_DAYS = 366;
export const UPCOMING_DAYS = 30;

export interface EventQuery {
	q?: string;
	from?: string;
	to?: string;
	range?: CalendarRange;
	/** 'YYYY-MM' for the month grid. */
	month?: string;
	field?: Field;
	area?: string;
	target?: Target;
	weekday?: number;
	part?: DayPart;
	free?: boolean;
	lat?: number;
	lng?: number;
	radiusKm?: number;
	page: number;
	perPage: number;
}

const dateParam = z
	.string()
	.trim()
	.transform((value) => value.normalize('NFKC').replace(/[/.年月]/g, '-').replace(/日$/, ''))
	.transform((value) => value.replace(/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (_, y, m, d) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`))
	.refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value));

const EVENT_PARAM_SCHEMAS = {
	q: z.string().max(200),
	from: dateParam,
	to: dateParam,
	range: z.enum(CALENDAR_RANGES),
	month: z
		.string()
		.trim()
		.transform((value) => value.normalize('NFKC'))
		.refine((value) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value)),
	field: z.enum(FIELDS),
	area: z.string().min(1).max(100),
	target: z.enum(TARGETS),
	weekday: intParam(0, 6),
	time: z.enum(DAY_PARTS),
	free: booleanParam,
	lat: numberParam(20, 46),
	lng: numberParam(122, 154),
	radius_km: numberParam(0.05, 100),
	page: intParam(1, 10_000),
	per_page: intParam(1, MAX_PER_PAGE)
} as const;

type EventParamName = keyof typeof EVENT_PARAM_SCHEMAS;

const EVENT_MESSAGES: Record<EventParamName, { ja: string; en: string }> = {
	q: MESSAGES.q,
	from: { ja: '開始日（from）は 2026-12-08 の形の日付で指定してください。', en: 'from must be a date like 2026-12-08.' },
	to: { ja: '終了日（to）は 2026-12-08 の形の日付で指定してください。', en: 'to must be a date like 2026-12-08.' },
	range: { ja: '期間は today・week・month・upcoming・custom のいずれかです。', en: 'range must be today, week, month, upcoming or custom.' },
	month: { ja: '月は 2026-12 の形で指定してください。', en: 'month must look like 2026-12.' },
	field: MESSAGES.field,
	area: MESSAGES.area,
	target: MESSAGES.target,
	weekday: MESSAGES.weekday,
	time: { ja: '時間帯は am（午前）か pm（午後）で指定してください。', en: 'time must be am or pm.' },
	free: { ja: 'free は true か false で指定してください。', en: 'free must be true or false.' },
	lat: MESSAGES.lat,
	lng: MESSAGES.lng,
	radius_km: MESSAGES.radius_km,
	page: MESSAGES.page,
	per_page: MESSAGES.per_page
};

export type ParsedEventQuery = { ok: true; query: EventQuery } | { ok: false; issues: ValidationIssue[] };

/** URL → EventQuery; empty values mean "not set", unknown parameters are ignored (like search). */
export function parseEventParams(params: URLSearchParams): ParsedEventQuery {
	const { values, issues } = readParams(params, EVENT_PARAM_SCHEMAS, EVENT_MESSAGES);
	const from = values.from as string | undefined;
	const to = values.to as string | undefined;
	if (from && to && to < from) {
		issues.push({ param: 'to', ja: '終了日（to）は開始日（from）以降にしてください。', en: 'to must not be before from.' });
	} else if (from && to && Date.parse(to) - Date.parse(from) > MAX_RANGE_DAYS * 86_400_000) {
		issues.push({ param: 'to', ja: `期間は${MAX_RANGE_DAYS}日以内にしてください。`, en: `The range may span at most ${MAX_RANGE_DAYS} days.` });
	}
	const hasLat = values.lat !== undefined;
	if (hasLat !== (values.lng !== undefined)) {
		issues.push({ param: hasLat ? 'lng' : 'lat', ja: '緯度と経度は両方指定してください。', en: 'lat and lng must be given together.' });
	}
	if (values.radius_km !== undefined && !hasLat) {
		issues.push({ param: 'radius_km', ja: '半径を使うには緯度・経度も指定してください。', en: 'radius_km needs lat and lng.' });
	}
	if (issues.length > 0) return { ok: false, issues };
	const q = typeof values.q === 'string' ? values.q.trim() : undefined;
	return {
		ok: true,
		query: {
			q: q || undefined,
			from,
			to,
			range: values.range as CalendarRange | undefined,
			month: values.month as string | undefined,
			field: values.field as Field | undefined,
			area: values.area as string | undefined,
			target: values.target as Target | undefined,
			weekday: values.weekday as number | undefined,
			part: values.time as DayPart | undefined,
			free: values.free as boolean | undefined,
			lat: values.lat as number | undefined,
			lng: values.lng as number | undefined,
			radiusKm: values.radius_km as number | undefined,
			page: (values.page as number | undefined) ?? 1,
			perPage: (values.per_page as number | undefined) ?? 50
		}
	};
}

/** The dates a list covers: 今日, 今週 (月〜日), 今月, a range, or the next 30 days. */
export function rangeDates(query: Pick<EventQuery, 'range' | 'from' | 'to'>, today: string): { from: string; to: string; range: CalendarRange } {
	if (query.from || query.to) {
		const from = query.from ?? today;
		return { from, to: query.to ?? addDays(from, UPCOMING_DAYS - 1), range: 'custom' };
	}
	switch (query.range) {
		case 'today':
			return { from: today, to: today, range: 'today' };
		case 'week': {
			const monday = addDays(today, -((weekdayOf(today) + 6) % 7));
			return { from: monday, to: addDays(monday, 6), range: 'week' };
		}
		case 'month': {
			const first = `${today.slice(0, 7)}-01`;
			return { from: first, to: lastDayOfMonth(today.slice(0, 7)), range: 'month' };
		}
		default:
			return { from: today, to: addDays(today, UPCOMING_DAYS - 1), range: 'upcoming' };
	}
}

/** 'YYYY-MM' → its last date. */
export function lastDayOfMonth(month: string): string {
	const [y, m] = month.split('-').map(Number);
	return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** 'YYYY-MM' ± n months. */
export function shiftMonth(month: string, n: number): string {
	const [y, m] = month.split('-').map(Number);
	const date = new Date(Date.UTC(y, m - 1 + n, 1));
	return date.toISOString().slice(0, 7);
}
