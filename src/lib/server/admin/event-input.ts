/**
 * The admin event form → a validated EventInput (zod), with one Japanese message per field.
 * 全角 digits and times are accepted; the rule is built with buildRRule (no hand-written RRULE).
 */
import { z } from 'zod';
import type { EventFieldErrors, EventFormValues } from '../../domain/event-form';
import { buildRRule } from '../../domain/recurrence';
import { parseClock } from '../../domain/hours';
import { FIELDS, TARGETS, type Field, type Target } from '../../domain/taxonomy';

export interface EventInput {
	title: string;
	titleKana: string | null;
	description: string | null;
	serviceId: string | null;
	organizationId: string | null;
	place: { name: string | null; addressLine: string; areaId: string | null; lat: number | null; lng: number | null } | null;
	startsAt: string;
	endsAt: string | null;
	rrule: string | null;
	field: Field | null;
	targets: Target[];
	fee: string | null;
	capacity: number | null;
	howToApply: string | null;
}

const nfkc = (value: string) => value.normalize('NFKC').trim();
const optionalText = (max: number) =>
	z
		.string()
		.transform((value) => value.trim())
		.pipe(z.string().max(max))
		.transform((value) => (value === '' ? null : value));
const isoDate = z
	.string()
	.transform((value) => nfkc(value).replace(/\//g, '-'))
	.refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value));
const clock = z
	.string()
	.transform(nfkc)
	.refine((value) => parseClock(value) !== null && parseClock(value)! < 24 * 60)
	.transform((value) => {
		const minutes = parseClock(value)!;
		return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
	});

const MESSAGES: Partial<Record<keyof EventFormValues, string>> = {
	title: 'イベント名を入力してください（200文字まで）。',
	titleKana: 'よみがなは200文字までです。',
	description: '内容は4000文字までです。',
	date: '初回の日付を 2026-12-08 の形で入力してください。',
	startTime: '開始時刻を 10:00 の形で入力してください。',
	endTime: '終了時刻を 11:30 の形で入力してください。',
	weekdays: '曜日を選んでください。',
	nths: '第何週かを選んでください。',
	monthDays: '日にちを 1〜31 の数字で入力してください（複数は「1,15」）。',
	until: '終了日を 2027-03-31 の形で入力してください。',
	count: '回数は1〜500の整数で入力してください。',
	field: `分野は ${FIELDS.join('・')} から選んでください。`,
	targets: '対象を一覧から選んでください。',
	capacity: '定員は0〜100000の整数で入力してください。',
	lat: '緯度は数値で入力してください。',
	lng: '経度は数値で入力してください。',
	fee: '費用は200文字までです。',
	howToApply: '申し込み方法は1000文字までです。'
};

type Parsed = { ok: true; input: EventInput } | { ok: false; errors: EventFieldErrors };

export function parseEventValues(values: EventFormValues): Parsed {
	const errors: EventFieldErrors = {};
	const check = <T>(name: keyof EventFormValues, schema: z.ZodType<T>, raw: unknown): T | undefined => {
		const parsed = schema.safeParse(raw);
		if (parsed.success) return parsed.data;
		errors[name] = MESSAGES[name] ?? '入力を確かめてください。';
		return undefined;
	};
	const title = check('title', z.string().transform((v) => v.trim()).pipe(z.string().min(1).max(200)), values.title);
	const titleKana = check('titleKana', optionalText(200), values.titleKana);
	const description = check('description', optionalText(4000), values.description);
	const date = check('date', isoDate, values.date);
	const startTime = check('startTime', clock, values.startTime);
	const endTime = values.endTime.trim() === '' ? null : check('endTime', clock, values.endTime);
	const field = values.field === '' ? null : check('field', z.enum(FIELDS), values.field);
	const targets = check('targets', z.array(z.enum(TARGETS)), values.targets);
	const fee = check('fee', optionalText(200), values.fee);
	const howToApply = check('howToApply', optionalText(1000), values.howToApply);
	const capacity =
		nfkc(values.capacity) === '' ? null : check('capacity', z.string().transform((v) => Number(nfkc(v))).pipe(z.number().int().min(0).max(100_000)), values.capacity);

	let rrule: string | null = null;
	if (values.pattern !== 'once') {
		const weekdays = check('weekdays', z.array(z.coerce.number().int().min(0).max(6)), values.weekdays) ?? [];
		const nths = check('nths', z.array(z.coerce.number().int().refine((n) => (n >= 1 && n <= 5) || n === -1)), values.nths) ?? [];
		const monthDays =
			values.pattern === 'monthly-day'
				? (check(
						'monthDays',
						z
							.string()
							.transform((v) => nfkc(v).split(/[,、・\s]+/).filter(Boolean).map(Number))
							.pipe(z.array(z.number().int().min(1).max(31)).min(1)),
						values.monthDays
					) ?? [])
				: [];
		if (values.pattern !== 'monthly-day' && weekdays.length === 0) errors.weekdays = MESSAGES.weekdays;
		if (values.pattern === 'monthly-nth' && nths.length === 0) errors.nths = MESSAGES.nths;
		const until = nfkc(values.until) === '' ? undefined : check('until', isoDate, values.until);
		const count = nfkc(values.count) === '' ? undefined : check('count', z.string().transform((v) => Number(nfkc(v))).pipe(z.number().int().min(1).max(500)), values.count);
		if (until && date && until < date) errors.until = '終了日は初回の日付より後にしてください。';
		if (until && count) errors.count = '終了日と回数は、どちらか一方だけ入力してください。';
		rrule = buildRRule({ pattern: values.pattern, weekdays, nths, monthDays, until, count });
	}

	const serviceId = values.serviceId.trim() || null;
	let place: EventInput['place'] = null;
	if (!serviceId && (values.placeName.trim() || values.addressLine.trim())) {
		const lat = nfkc(values.lat) === '' ? null : check('lat', z.string().transform((v) => Number(nfkc(v))).pipe(z.number().min(20).max(46)), values.lat);
		const lng = nfkc(values.lng) === '' ? null : check('lng', z.string().transform((v) => Number(nfkc(v))).pipe(z.number().min(122).max(154)), values.lng);
		place = { name: values.placeName.trim() || null, addressLine: values.addressLine.trim(), areaId: values.areaId || null, lat: lat ?? null, lng: lng ?? null };
	}

	if (Object.keys(errors).length > 0) return { ok: false, errors };
	const startsAt = `${date}T${startTime}:00+09:00`;
	// An end not after the start is the next morning.
	const endsAt = endTime ? `${endTime <= startTime! ? nextDay(date!) : date}T${endTime}:00+09:00` : null;
	return {
		ok: true,
		input: {
			title: title!,
			titleKana: titleKana ?? null,
			description: description ?? null,
			serviceId,
			organizationId: values.organizationId.trim() || null,
			place,
			startsAt,
			endsAt,
			rrule,
			field: field ?? null,
			targets: targets ?? [],
			fee: fee ?? null,
			capacity: capacity ?? null,
			howToApply: howToApply ?? null
		}
	};
}

function nextDay(date: string): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
