/**
 * The HSDS 3.0 objects Tsunagi reads and writes, as zod schemas (every import is validated with
 * these before anything is written), and the Japanese extensions, all prefixed `x-`:
 *
 * - service: `x-kana` (よみがな), `x-status` (draft/review/published/archived; HSDS `status` is
 *   derived from it), `x-is-sample`, `x-contacts` (every contact in order: phone, fax, email, url
 *   with its 担当/窓口 role; HSDS `phones`/`contacts` carry the same numbers for other readers),
 *   `x-desk` (なんでも相談窓口 certification: scheme, certified_on, area_ids; `true` = certified under
 *   the city's programme), `x-events` (events of the listing).
 * - schedule: `x-rrule`, the exact RFC 5545 rule of a recurring session (freq/byday/bymonthday
 *   carry it for readers that do not know the extension).
 * - organization: `x-kind` (社会福祉法人, 薬局, NPO, …), `x-kana`.
 * - location: `x-areas` (the 地区/小学校区/中学校区 the place lies in: id, kind, slug, name) or,
 *   shorter, `x-area` (a 地区 name, created when missing).
 * - attributes: taxonomy terms of the vocabularies `tsunagi-field` (分野), `tsunagi-term` (種類,
 *   by code), `tsunagi-tag` (困りごと tag) and `tsunagi-target` (対象). Terms of other vocabularies
 *   are left out (Tsunagi's filters only know its own).
 * - the export bundle: `x-areas` (whole area rows, with polygons), beside `organizations`,
 *   `services`, `taxonomies` and `taxonomy_terms`.
 */
import { z } from 'zod';

export const VOCABULARY = {
	field: 'tsunagi-field',
	term: 'tsunagi-term',
	tag: 'tsunagi-tag',
	target: 'tsunagi-target'
} as const;

const ID_MESSAGE = 'id がありません（1〜100文字の文字列が必要です）';
export const hsdsId = z.string(ID_MESSAGE).trim().min(1, ID_MESSAGE).max(100, ID_MESSAGE);
const text = (max = 2000) => z.string().max(max, `${max}文字を超えています`).nullish();
const label = (what: string, max = 200) => z.string(`${what}がありません`).trim().min(1, `${what}が空です`).max(max, `${what}が${max}文字を超えています`);
const numberish = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);

export const HsdsTaxonomyTerm = z.object({
	id: z.string().nullish(),
	code: text(100),
	name: label('分類名', 200),
	description: text(),
	taxonomy: text(100),
	vocabulary: text(100),
	taxonomy_detail: z.object({ name: z.string().nullish() }).nullish(),
	'x-field': text(20),
	'x-kana': text(200)
});
export type HsdsTaxonomyTerm = z.infer<typeof HsdsTaxonomyTerm>;

export const HsdsAttribute = z.object({ taxonomy_term: HsdsTaxonomyTerm });

const BYDAY_TOKEN = /^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/;
export const HsdsSchedule = z.object({
	id: z.string().nullish(),
	freq: z
		.string()
		.nullish()
		.refine((value) => !value || /^(WEEKLY|MONTHLY|DAILY|YEARLY)$/i.test(value), 'freq は WEEKLY か MONTHLY です'),
	interval: numberish.nullish(),
	byday: z
		.string()
		.nullish()
		.refine(
			(value) => !value || value.split(',').every((day) => BYDAY_TOKEN.test(day.trim().toUpperCase())),
			'byday は「MO,TU」「2TU,4TU」の形です'
		),
	bymonthday: z.union([z.string(), z.number()]).nullish(),
	dtstart: text(40),
	opens_at: text(20),
	closes_at: text(20),
	notes: text(500),
	description: text(),
	'x-rrule': text(300)
});
export type HsdsSchedule = z.infer<typeof HsdsSchedule>;

export const HsdsArea = z.object({
	id: hsdsId,
	kind: z.enum(['市域', '地区', '小学校区', '中学校区'], '地域の種類は 市域・地区・小学校区・中学校区 のどれかです'),
	slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'slug は半角英小文字・数字・ハイフンです'),
	name: label('地域名', 100),
	name_kana: text(100),
	parent_id: z.string().nullish(),
	polygon: z.unknown().nullish(),
	center_lat: z.number().min(-90).max(90).nullish(),
	center_lng: z.number().min(-180).max(180).nullish(),
	sort_order: z.number().int().nullish()
});
export type HsdsArea = z.infer<typeof HsdsArea>;

const AreaRef = z.object({ id: z.string().nullish(), kind: z.string().nullish(), slug: z.string().nullish(), name: label('地域名', 100) });

export const HsdsAddress = z.object({
	address_1: text(200),
	address_2: text(200),
	city: text(100),
	state_province: text(100),
	postal_code: text(20)
});

export const HsdsLocation = z.object({
	id: hsdsId.optional(),
	organization_id: z.string().nullish(),
	name: text(200),
	transportation: text(500),
	// Out-of-range values are dropped with a warning by the importer (the place stays, without a pin).
	latitude: z.number('latitude は数値です').nullish(),
	longitude: z.number('longitude は数値です').nullish(),
	addresses: z.array(HsdsAddress).nullish(),
	accessibility: z.array(z.object({ description: text(500), details: text(2000) })).nullish(),
	'x-area': text(100),
	'x-areas': z.array(AreaRef).nullish()
});
export type HsdsLocation = z.infer<typeof HsdsLocation>;

export const HsdsOrganization = z.object({
	id: hsdsId,
	name: label('団体名', 200),
	alternate_name: text(200),
	description: text(),
	email: text(200),
	website: text(500),
	'x-kind': text(30),
	'x-kana': text(200)
});
export type HsdsOrganization = z.infer<typeof HsdsOrganization>;

const CONTACT_KINDS = ['phone', 'fax', 'email', 'url'] as const;

export const HsdsEvent = z.object({
	id: hsdsId,
	title: label('行事名', 200),
	title_kana: text(200),
	description: text(),
	starts_at: z.string().min(10, 'starts_at は日時です'),
	ends_at: text(40),
	rrule: text(300),
	fee: text(500),
	capacity: z.number().int().nullish(),
	how_to_apply: text(500),
	status: text(20),
	location_id: z.string().nullish()
});

export const HsdsService = z.object({
	id: hsdsId,
	name: label('名称', 200),
	alternate_name: text(200),
	description: text(5000),
	url: text(500),
	email: text(200),
	status: z.string().nullish(),
	fees_description: text(500),
	eligibility_description: text(500),
	application_process: text(500),
	assured_date: text(40),
	organization_id: z.string().nullish(),
	organization: HsdsOrganization.nullish(),
	phones: z.array(z.object({ number: label('電話番号', 40), type: text(20), description: text(2000) })).nullish(),
	contacts: z.array(z.object({ email: text(200), department: text(200) })).nullish(),
	schedules: z.array(HsdsSchedule).nullish(),
	service_at_locations: z.array(z.object({ id: z.string().nullish(), location: HsdsLocation })).nullish(),
	attributes: z.array(HsdsAttribute).nullish(),
	'x-kana': text(200),
	'x-status': z.enum(['draft', 'review', 'published', 'archived'], 'x-status は draft・review・published・archived のどれかです').nullish(),
	'x-last-verified-at': text(40),
	'x-is-sample': z.boolean().nullish(),
	'x-contacts': z.array(z.object({ kind: z.enum(CONTACT_KINDS, '連絡先の種類は phone・fax・email・url です'), value: label('連絡先', 500), role: text(50) })).nullish(),
	'x-desk': z
		.union([z.boolean(), z.object({ scheme: text(100), certified_on: text(40), area_ids: z.array(z.string()).nullish() })])
		.nullish(),
	'x-events': z.array(HsdsEvent).nullish()
});
/** A service as given to the importer (the shape test fixtures write). */
export type HsdsService = z.input<typeof HsdsService>;
export type ParsedHsdsService = z.infer<typeof HsdsService>;

export const HsdsServiceAtLocation = z.object({
	id: hsdsId,
	service: z.object({ id: hsdsId }).passthrough().nullish(),
	service_id: z.string().nullish(),
	location: HsdsLocation
});

/** A readable, one-line reason from a zod error: "name: 名称がありません; latitude: …". */
export function describeIssues(error: z.ZodError): string {
	return error.issues
		.slice(0, 5)
		.map((issue) => `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`)
		.join('; ');
}
