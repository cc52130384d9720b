/**
 * The listing editor's input: FormData → form values (strings as typed) → a validated, normalised
 * ListingInput (zod), and back. Every write path (create, edit, approval of a proposal) goes
 * through `parseListingValues`, so 全角/半角, hyphen variants and 〒 are forgiven the same way
 * everywhere and the messages are the same Japanese sentences.
 */
import { z } from 'zod';
import { buildRRule, exactRecurrence, type RecurrencePattern } from '../../domain/recurrence';
import { parseClock } from '../../domain/hours';
import { katakanaToHiragana, normalizePhone, normalizePostalCode } from '../../domain/text/normalize';
import { FIELDS, TARGETS, TERM_CODE_PATTERN, type Field, type Target } from '../../domain/taxonomy';
import type { WeeklySpan } from '../../domain/hours';
import type { Listing, ListingLocation } from '../../domain/listing';
import {
	BLANK_CONTACT_ROWS,
	BLANK_SESSION_ROWS,
	blankContact,
	blankHours,
	blankSession,
	type ContactValues,
	type FieldErrors,
	type ListingFormValues,
	type SessionValues
} from '../../domain/listing-form';
import { issuesToErrors } from '../auth/users';
import { loadCityProfile, type CityProfile } from '../city-profile';

export const CONTACT_KINDS = ['phone', 'fax', 'email', 'url'] as const;
/** Upper bound on spans per weekday (the form shows HOURS_SLOTS_PER_DAY, more only for stored data). */
const MAX_SPANS_PER_DAY = 6;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** A location as the editor submits it: the stored fields it edits, and its areas by id. */
export interface LocationInput
	extends Pick<ListingLocation, 'name' | 'postalCode' | 'addressLine' | 'building' | 'lat' | 'lng' | 'access' | 'accessibility'> {
	areaIds: string[];
}

export interface SessionInput {
	rrule: string;
	/** First date 'YYYY-MM-DD' (DTSTART); null: the rule alone decides (隔週 then counts from 2000-01-02). */
	dtstart: string | null;
	opensAt: string;
	closesAt: string | null;
	note: string | null;
}

/** A listing as the editor writes it (and as change requests carry it in their payload). */
export interface ListingInput {
	organizationId: string;
	name: string;
	nameKana: string | null;
	field: Field;
	description: string | null;
	fee: string | null;
	eligibility: string | null;
	howToApply: string | null;
	url: string | null;
	email: string | null;
	termCodes: string[];
	targets: Target[];
	tags: string[];
	location: LocationInput | null;
	hours: WeeklySpan[];
	sessions: SessionInput[];
	contacts: Array<{ kind: ContactKind; value: string; role: string | null }>;
}

// ------------------------------------------------------------------------------ FormData → values

function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

function texts(form: FormData, name: string): string[] {
	return form.getAll(name).filter((value): value is string => typeof value === 'string' && value !== '');
}

/** Row indexes present for a repeated group ("sessions.3.pattern" → 3), in order. */
function rowIndexes(form: FormData, group: string): number[] {
	const indexes = new Set<number>();
	const pattern = new RegExp(`^${group}\\.(\\d+)\\.`);
	for (const key of form.keys()) {
		const match = pattern.exec(key);
		if (match && Number(match[1]) < 50) indexes.add(Number(match[1]));
	}
	return [...indexes].sort((a, b) => a - b);
}

export function listingValuesFromForm(form: FormData): ListingFormValues {
	// Two spans a day are offered; a stored listing may have a few more (imported data), kept as rows.
	const hours = blankHours().map((slots, weekday) => {
		let count = slots.length;
		while (count < MAX_SPANS_PER_DAY && form.has(`hours.${weekday}.${count}.opensAt`)) count++;
		return Array.from({ length: count }, (_, slot) => ({
			opensAt: text(form, `hours.${weekday}.${slot}.opensAt`),
			closesAt: text(form, `hours.${weekday}.${slot}.closesAt`)
		}));
	});
	return {
		organizationId: text(form, 'organizationId'),
		name: text(form, 'name'),
		nameKana: text(form, 'nameKana'),
		field: text(form, 'field'),
		description: text(form, 'description'),
		fee: text(form, 'fee'),
		eligibility: text(form, 'eligibility'),
		howToApply: text(form, 'howToApply'),
		url: text(form, 'url'),
		email: text(form, 'email'),
		termCodes: texts(form, 'termCodes'),
		targets: texts(form, 'targets'),
		tags: texts(form, 'tags'),
		location: {
			name: text(form, 'location.name'),
			postalCode: text(form, 'location.postalCode'),
			addressLine: text(form, 'location.addressLine'),
			building: text(form, 'location.building'),
			lat: text(form, 'location.lat'),
			lng: text(form, 'location.lng'),
			access: text(form, 'location.access'),
			accessibility: texts(form, 'location.accessibility'),
			areaIds: texts(form, 'location.areaIds')
		},
		hours,
		// Row numbers are kept as they were on the page so that errors point at the right row.
		sessions: rowIndexes(form, 'sessions').map((i) => ({
			pattern: text(form, `sessions.${i}.pattern`) as SessionValues['pattern'],
			weekdays: texts(form, `sessions.${i}.weekdays`),
			nths: texts(form, `sessions.${i}.nths`),
			monthDays: text(form, `sessions.${i}.monthDays`),
			opensAt: text(form, `sessions.${i}.opensAt`),
			closesAt: text(form, `sessions.${i}.closesAt`),
			note: text(form, `sessions.${i}.note`),
			rawRRule: text(form, `sessions.${i}.rawRRule`),
			dtstart: text(form, `sessions.${i}.dtstart`),
			until: text(form, `sessions.${i}.until`),
			count: text(form, `sessions.${i}.count`)
		})),
		contacts: rowIndexes(form, 'contacts').map((i) => ({
			kind: text(form, `contacts.${i}.kind`),
			value: text(form, `contacts.${i}.value`),
			role: text(form, `contacts.${i}.role`)
		}))
	};
}

// ------------------------------------------------------------------------------ values → input (zod)

const optionalText = (label: string, max: number) =>
	z
		.string()
		.trim()
		.max(max, `${label}は${max}文字以内で入力してください。`)
		.transform((value) => (value === '' ? null : value));

export function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}

const URL_MESSAGE = 'URLは http:// または https:// で始まる形で入力してください（例：https://example.jp/）。';
const EMAIL_MESSAGE = 'メールアドレスの形式が正しくありません（例：info@example.jp）。';

/** Only http(s) links are stored, so no javascript: or data: URL can reach a page. */
const optionalUrl = z
	.string()
	.transform((value) => value.normalize('NFKC').trim())
	.refine((value) => value === '' || isHttpUrl(value), URL_MESSAGE)
	.refine((value) => value.length <= 500, 'URLは500文字以内で入力してください。')
	.transform((value) => (value === '' ? null : value));

const emailPattern = z.email();
const optionalEmail = z
	.string()
	.transform((value) => value.normalize('NFKC').trim().toLowerCase())
	.refine((value) => value === '' || emailPattern.safeParse(value).success, EMAIL_MESSAGE)
	.transform((value) => (value === '' ? null : value));

/** "１０：００", "10時", "1000", "9:5" is not accepted; gives 'HH:MM' or null for an empty field. */
export function normalizeClockInput(input: string): string | null | undefined {
	let value = input.normalize('NFKC').trim().replace(/時/g, ':').replace(/分/g, '');
	if (value === '') return null;
	if (/^\d{1,2}:?$/.test(value)) value = `${value.replace(':', '')}:00`;
	else if (/^\d{3,4}$/.test(value)) value = `${value.slice(0, -2)}:${value.slice(-2)}`;
	const minutes = parseClock(value);
	if (minutes === null) return undefined;
	return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const CLOCK_MESSAGE = '時刻は「10:00」のように入力してください。';

type RefinementContext = z.core.$RefinementCtx<unknown>;

/**
 * Checks one field inside an object-level transform, so that every field of a group (a location,
 * a session row) is reported at once instead of the first failure hiding the rest.
 */
function readClock(ctx: RefinementContext, value: string, path: string): string | null | undefined {
	const clock = normalizeClockInput(value);
	if (clock === undefined) ctx.addIssue({ code: 'custom', path: [path], message: CLOCK_MESSAGE });
	return clock;
}

function readText(ctx: RefinementContext, value: string, path: string, label: string, max: number): string | null {
	const trimmed = value.trim();
	if (trimmed.length > max) ctx.addIssue({ code: 'custom', path: [path], message: `${label}は${max}文字以内で入力してください。` });
	return trimmed === '' ? null : trimmed;
}

/** 'YYYY-MM-DD' (as <input type="date"> and the stored rows give it), null when empty. */
function readDate(ctx: RefinementContext, value: string, path: string, label: string): string | null | undefined {
	const trimmed = value.trim();
	if (trimmed === '') return null;
	if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed) && !Number.isNaN(Date.parse(`${trimmed}T00:00:00Z`))) return trimmed;
	ctx.addIssue({ code: 'custom', path: [path], message: `${label}は「2026-04-13」のように日付で入力してください。` });
	return undefined;
}

const kana = z
	.string()
	.transform((value) => katakanaToHiragana(value.normalize('NFKC').trim()))
	.refine((value) => /^[\u3041-\u3096\u30fc・ 　0-9a-z.\-()（）、]*$/i.test(value), 'よみがなは、ひらがなかカタカナで入力してください。')
	.refine((value) => value.length <= 100, 'よみがなは100文字以内で入力してください。')
	.transform((value) => (value === '' ? null : value));

/**
 * 町名・番地 as Excel and IMEs produce them: 全角 digits, and ー/－/‐ between numbers, become
 * "旭町2丁目12-3".
 */
export function normalizeAddressLine(input: string): string {
	return input
		.normalize('NFKC')
		.replace(/[\u2010-\u2015\u2212\uFE58\uFE63]/g, '-')
		.replace(/(?<=\d)\s*[ー―-]\s*(?=\d)/g, '-')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The city and its surroundings (its profile's map bounds): catches swapped or mistyped coordinates. */
export function coordinateBounds(profile: CityProfile = loadCityProfile()): CityProfile['bounds'] {
	return profile.bounds;
}

/** "33.5597" / "133.5311": the city centre as an example of how to write a coordinate. */
export function coordinateExamples(profile: CityProfile = loadCityProfile()): { lat: string; lng: string } {
	return { lat: String(profile.center.lat), lng: String(profile.center.lng) };
}

function parseCoordinate(value: string): number | null | undefined {
	const normalized = value.normalize('NFKC').trim().replace(/[°度]/g, '');
	if (normalized === '') return null;
	if (!/^-?\d+(\.\d+)?$/.test(normalized)) return undefined;
	return Number(normalized);
}

const locationSchema = z
	.object({
		name: z.string(),
		postalCode: z.string(),
		addressLine: z.string(),
		building: z.string(),
		lat: z.string(),
		lng: z.string(),
		access: z.string(),
		accessibility: z.array(z.string()),
		areaIds: z.array(z.string())
	})
	.transform((raw, ctx): LocationInput | null => {
		const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
		const postalCode = raw.postalCode.trim() === '' ? null : normalizePostalCode(raw.postalCode);
		if (postalCode === null && raw.postalCode.trim() !== '') issue('postalCode', '郵便番号は7桁の数字で入力してください（例：780-0870）。');
		const lat = parseCoordinate(raw.lat);
		const lng = parseCoordinate(raw.lng);
		const example = coordinateExamples();
		if (lat === undefined) issue('lat', `緯度は「${example.lat}」のように数字で入力してください。`);
		if (lng === undefined) issue('lng', `経度は「${example.lng}」のように数字で入力してください。`);
		if (lat !== undefined && lng !== undefined && (lat === null) !== (lng === null)) {
			issue(lat === null ? 'lat' : 'lng', '緯度と経度は両方とも入力してください。');
		}
		const b = coordinateBounds();
		const city = loadCityProfile().city;
		if (lat != null && (lat < b.south || lat > b.north)) issue('lat', `緯度が${city}の範囲外です（${b.south}〜${b.north}）。緯度と経度が逆になっていないか確かめてください。`);
		if (lng != null && (lng < b.west || lng > b.east)) issue('lng', `経度が${city}の範囲外です（${b.west}〜${b.east}）。`);
		const accessibility = [...new Set(raw.accessibility.map((item) => item.trim()).filter((item) => item !== ''))];
		if (accessibility.some((item) => item.length > 30) || accessibility.length > 20) issue('accessibility', 'バリアフリーの項目は30文字以内、20個までです。');
		const areaIds = [...new Set(raw.areaIds.filter((id) => id !== ''))];
		if (areaIds.length > 5) issue('areaIds', '地域は種類ごとに1つずつ選んでください。');
		const location: LocationInput = {
			name: readText(ctx, raw.name, 'name', '場所の名前', 100),
			postalCode,
			addressLine: readText(ctx, normalizeAddressLine(raw.addressLine), 'addressLine', '町名・番地', 200),
			building: readText(ctx, normalizeAddressLine(raw.building), 'building', '建物名', 100),
			lat: lat ?? null,
			lng: lng ?? null,
			access: readText(ctx, raw.access, 'access', '交通・駐車場', 500),
			accessibility,
			areaIds
		};
		const blank = Object.values(location).every((value) => value === null || (Array.isArray(value) && value.length === 0));
		return blank ? null : location;
	});

const spanSchema = z.object({ opensAt: z.string(), closesAt: z.string() }).transform((raw, ctx) => {
	const opensAt = readClock(ctx, raw.opensAt, 'opensAt');
	const closesAt = readClock(ctx, raw.closesAt, 'closesAt');
	if (opensAt === undefined || closesAt === undefined) return z.NEVER;
	if (opensAt === null && closesAt === null) return null;
	if (opensAt === null || closesAt === null) {
		ctx.addIssue({ code: 'custom', path: [opensAt === null ? 'opensAt' : 'closesAt'], message: '開始と終了の両方の時刻を入力してください。' });
		return z.NEVER;
	}
	if (opensAt === closesAt) {
		ctx.addIssue({ code: 'custom', path: ['closesAt'], message: '終了時刻が開始時刻と同じです。終日なら 00:00〜24:00 としてください。' });
		return z.NEVER;
	}
	return { opensAt, closesAt };
});

const hoursSchema = z
	.array(z.array(spanSchema).max(MAX_SPANS_PER_DAY))
	.length(7)
	.transform((days) =>
		days.flatMap((slots, weekday) => slots.flatMap((span) => (span ? [{ weekday, ...span } satisfies WeeklySpan] : [])))
	);

function parseMonthDays(value: string): number[] | null {
	const parts = value
		.normalize('NFKC')
		.split(/[\s,、・]+/)
		.map((part) => part.replace(/日$/, ''))
		.filter((part) => part !== '');
	if (parts.length === 0) return null;
	const days = parts.map(Number);
	return days.every((day) => Number.isInteger(day) && day >= 1 && day <= 31) ? [...new Set(days)].sort((a, b) => a - b) : null;
}

const SESSION_PATTERNS = ['weekly', 'biweekly', 'monthly-nth', 'monthly-day', 'keep'] as const;

const sessionSchema = z
	.object({
		pattern: z.string(),
		weekdays: z.array(z.coerce.number().int().min(0).max(6)),
		nths: z.array(z.coerce.number().int().refine((n) => n === -1 || (n >= 1 && n <= 5))),
		monthDays: z.string(),
		opensAt: z.string(),
		closesAt: z.string(),
		note: z.string(),
		rawRRule: z.string(),
		// Optional: rows posted by older pages and stored change requests have none.
		dtstart: z.string().default(''),
		until: z.string().default(''),
		count: z.string().default('')
	})
	.transform((row, ctx): SessionInput | null => {
		const untouched =
			row.pattern === '' && row.weekdays.length === 0 && row.nths.length === 0 && [row.monthDays, row.opensAt, row.closesAt, row.note].every((value) => value.trim() === '');
		if (untouched) return null;
		const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
		const pattern = (SESSION_PATTERNS as readonly string[]).includes(row.pattern) ? (row.pattern as (typeof SESSION_PATTERNS)[number]) : null;
		if (!pattern) issue('pattern', '繰り返しの種類（毎週・隔週・毎月第N曜日・毎月N日）を選んでください。');
		const needsWeekdays = pattern === 'weekly' || pattern === 'biweekly' || pattern === 'monthly-nth';
		if (needsWeekdays && row.weekdays.length === 0) issue('weekdays', '曜日を1つ以上選んでください。');
		if (pattern === 'monthly-nth' && row.nths.length === 0) issue('nths', '第何週かを1つ以上選んでください（例：第2と第4）。');
		const monthDays = pattern === 'monthly-day' ? parseMonthDays(row.monthDays) : [];
		if (monthDays === null) issue('monthDays', '日にちは1〜31の数字を「1, 15」のように入力してください。');
		if (pattern === 'keep' && row.rawRRule.trim() === '') issue('pattern', '繰り返しの種類を選んでください。');
		const opensAt = readClock(ctx, row.opensAt, 'opensAt');
		const closesAt = readClock(ctx, row.closesAt, 'closesAt');
		if (opensAt === null) issue('opensAt', '開始時刻を入力してください。');
		const note = readText(ctx, row.note, 'note', '備考', 200);
		// A stored DTSTART goes back as it came (HSDS may give a date-time); one without a date means none.
		const dtstart = /^\d{4}-\d{2}-\d{2}/.test(row.dtstart.trim()) ? row.dtstart.trim() : null;
		const until = readDate(ctx, row.until, 'until', '終わりの日');
		const count = row.count.trim() === '' ? null : Number(row.count.normalize('NFKC').trim());
		if (count !== null && !(Number.isInteger(count) && count >= 1 && count <= 999)) issue('count', '回数は1〜999の数字で入力してください。');
		const complete = (!needsWeekdays || row.weekdays.length > 0) && (pattern !== 'monthly-nth' || row.nths.length > 0);
		if (!pattern || !opensAt || closesAt === undefined || monthDays === null || !complete || until === undefined) return z.NEVER;
		const rrule =
			pattern === 'keep'
				? row.rawRRule.trim()
				: buildRRule({
						pattern,
						weekdays: [...new Set(row.weekdays)].sort(),
						nths: [...new Set(row.nths)].sort((a, b) => (a < 0 ? 9 : a) - (b < 0 ? 9 : b)),
						monthDays,
						until: until ?? undefined,
						count: count ?? undefined
					});
		return { rrule, dtstart, opensAt, closesAt, note };
	});

const contactSchema = z
	.object({ kind: z.string(), value: z.string(), role: optionalText('担当・窓口', 50) })
	.transform((row, ctx) => {
		if (row.value.trim() === '') return null;
		const issue = (message: string) => {
			ctx.addIssue({ code: 'custom', path: ['value'], message });
			return z.NEVER;
		};
		switch (row.kind) {
			case 'phone':
			case 'fax': {
				const value = normalizePhone(row.value);
				const digits = value.replace(/-/g, '');
				if (!/^[0-9-]+$/.test(value) || digits.length < 10 || digits.length > 11 || !digits.startsWith('0')) {
					return issue(`${row.kind === 'fax' ? 'FAX' : '電話'}番号は「088-823-9451」のように、市外局番から数字で入力してください。`);
				}
				return { kind: row.kind, value, role: row.role };
			}
			case 'email': {
				const value = row.value.normalize('NFKC').trim().toLowerCase();
				if (!emailPattern.safeParse(value).success) return issue(EMAIL_MESSAGE);
				return { kind: row.kind, value, role: row.role };
			}
			case 'url': {
				const value = row.value.normalize('NFKC').trim();
				if (!isHttpUrl(value)) return issue(URL_MESSAGE);
				return { kind: row.kind, value, role: row.role };
			}
			default:
				ctx.addIssue({ code: 'custom', path: ['kind'], message: '連絡先の種類を選んでください。' });
				return z.NEVER;
		}
	});

export const listingValuesSchema = z.object({
	organizationId: z.string().trim().min(1, '団体を選んでください。'),
	name: z.string().trim().min(1, '名称を入力してください。').max(100, '名称は100文字以内で入力してください。'),
	nameKana: kana,
	field: z.enum(FIELDS, '分野（医療・介護・障害・子育て・地域資源）を選んでください。'),
	description: optionalText('内容', 2000),
	fee: optionalText('費用', 500),
	eligibility: optionalText('対象・条件', 500),
	howToApply: optionalText('申し込み方法', 500),
	url: optionalUrl,
	email: optionalEmail,
	termCodes: z.array(z.string().regex(TERM_CODE_PATTERN, '選べない分類が含まれています。選び直してください。')).transform((codes) => [...new Set(codes)]),
	targets: z.array(z.enum(TARGETS, '選べない対象が含まれています。')).transform((targets) => [...new Set(targets)]),
	tags: z
		.array(z.string().trim().min(1).max(30, '困りごとタグは30文字以内です。'))
		.max(20, '困りごとタグは20個までです。')
		.transform((tags) => [...new Set(tags)]),
	location: locationSchema,
	hours: hoursSchema,
	sessions: z.array(sessionSchema).transform((rows) => rows.filter((row): row is SessionInput => row !== null)),
	contacts: z
		.array(contactSchema)
		.transform((rows) => rows.filter((row): row is NonNullable<typeof row> => row !== null))
}) satisfies z.ZodType<ListingInput, unknown>;

export type ParseResult = { ok: true; input: ListingInput } | { ok: false; errors: FieldErrors };

export function parseListingValues(values: ListingFormValues): ParseResult {
	const parsed = listingValuesSchema.safeParse(values);
	if (parsed.success) return { ok: true, input: parsed.data };
	return { ok: false, errors: issuesToErrors(parsed.error.issues) };
}

// ------------------------------------------------------------------------------ input → values

function sessionToValues(session: SessionInput): SessionValues {
	const choice = exactRecurrence(session.rrule);
	const base = { opensAt: session.opensAt, closesAt: session.closesAt ?? '', note: session.note ?? '', rawRRule: session.rrule, dtstart: session.dtstart ?? '' };
	if (!choice) return { ...blankSession(), ...base, pattern: 'keep' };
	return {
		...base,
		until: choice.until ?? '',
		count: choice.count ? String(choice.count) : '',
		pattern: choice.pattern as RecurrencePattern,
		weekdays: (choice.weekdays ?? []).map(String),
		nths: (choice.nths ?? []).map(String),
		monthDays: (choice.monthDays ?? []).join(', ')
	};
}

/** The form as it shows a stored listing (plus blank rows to add sessions and contacts). */
export function listingInputToValues(input: ListingInput): ListingFormValues {
	const hours = blankHours();
	for (const span of input.hours) {
		const day = hours[span.weekday];
		if (!day) continue;
		const slot = day.find((cell) => cell.opensAt === '' && cell.closesAt === '');
		if (slot) Object.assign(slot, { opensAt: span.opensAt, closesAt: span.closesAt });
		else day.push({ opensAt: span.opensAt, closesAt: span.closesAt });
	}
	const location = input.location;
	const contacts: ContactValues[] = input.contacts.map((c) => ({ kind: c.kind, value: c.value, role: c.role ?? '' }));
	return {
		organizationId: input.organizationId,
		name: input.name,
		nameKana: input.nameKana ?? '',
		field: input.field,
		description: input.description ?? '',
		fee: input.fee ?? '',
		eligibility: input.eligibility ?? '',
		howToApply: input.howToApply ?? '',
		url: input.url ?? '',
		email: input.email ?? '',
		termCodes: [...input.termCodes],
		targets: [...input.targets],
		tags: [...input.tags],
		location: {
			name: location?.name ?? '',
			postalCode: location?.postalCode ?? '',
			addressLine: location?.addressLine ?? '',
			building: location?.building ?? '',
			lat: location?.lat?.toString() ?? '',
			lng: location?.lng?.toString() ?? '',
			access: location?.access ?? '',
			accessibility: [...(location?.accessibility ?? [])],
			areaIds: [...(location?.areaIds ?? [])]
		},
		hours,
		sessions: [...input.sessions.map(sessionToValues), ...Array.from({ length: BLANK_SESSION_ROWS }, blankSession)],
		contacts: [...contacts, ...Array.from({ length: BLANK_CONTACT_ROWS }, blankContact)]
	};
}

/** The editable part of a stored listing (from the shared read-only loader). */
export function listingToInput(listing: Listing): ListingInput {
	const location = listing.locations[0] ?? null;
	return {
		organizationId: listing.organization.id,
		name: listing.name,
		nameKana: listing.kana,
		field: listing.field,
		description: listing.description,
		fee: listing.fee,
		eligibility: listing.eligibility,
		howToApply: listing.howToApply,
		url: listing.url,
		email: listing.email,
		termCodes: listing.terms.map((term) => term.code),
		targets: listing.targets,
		tags: listing.tags,
		location: location && {
			name: location.name,
			postalCode: location.postalCode,
			addressLine: location.addressLine,
			building: location.building,
			lat: location.lat,
			lng: location.lng,
			access: location.access,
			accessibility: location.accessibility,
			areaIds: location.areas.map((area) => area.id)
		},
		hours: listing.hours.map((span) => ({ ...span })).sort((a, b) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt)),
		sessions: listing.sessions.map((session) => ({
			rrule: session.rrule,
			dtstart: session.dtstart,
			opensAt: session.opensAt ?? '',
			closesAt: session.closesAt,
			note: session.note
		})),
		contacts: listing.contacts.map((contact) => ({ kind: contact.kind, value: contact.value, role: contact.role }))
	};
}

/** Payloads of change requests are stored JSON: read them back through the same rules. */
export function parseStoredListingInput(json: string): ListingInput | null {
	try {
		const parsed = parseListingValues(listingInputToValues(JSON.parse(json) as ListingInput));
		return parsed.ok ? parsed.input : null;
	} catch {
		return null;
	}
}
