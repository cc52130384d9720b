/**
 * The search contract shared by the API, the pages and both engines: what a query may ask, what
 * a hit and a result look like, and the validation of query parameters (URL → SearchQuery).
 */
import { z } from 'zod';
import { FIELDS, TARGETS, TERM_BY_CODE, type Field, type Target } from './taxonomy';
import type { WeeklySpan } from './hours';
import type { RubySpan } from './ruby';

export const SORTS = ['relevance', 'distance', 'name'] as const;
export type SortOrder = (typeof SORTS)[number];
export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;

/** What is indexed for one published listing; built from the database by the indexer. */
export interface SearchDocument {
	id: string;
	name: string;
	kana: string;
	field: Field;
	/** Taxonomy term codes. */
	terms: string[];
	/** Taxonomy term names (for text search and display). */
	termNames: string[];
	targets: Target[];
	tags: string[];
	description: string;
	organizationName: string;
	address: string;
	/** Area ids of the listing's location (地区, 小学校区, 中学校区). */
	areaIds: string[];
	/** Names of those areas, for text search ("旭の薬局"). */
	areaNames: string[];
	/** The 地区 the listing is in (name), for facets. */
	district: string | null;
	lat: number | null;
	lng: number | null;
	desk: boolean;
	hours: WeeklySpan[];
	/** Recurring sessions (サロン, 百歳体操): open on the days they occur, during their time. */
	sessions: SessionRule[];
	lastVerifiedAt: string | null;
	/** services.updated_at of the indexed version. */
	updatedAt: string;
	/**
	 * Reading of the name in hiragana: the よみがな when given, else generated (kuromoji) at index
	 * time. Search only; never shown.
	 */
	reading: string;
	/** The listing's words with their readings ([surface, hiragana]), for the query lexicon. */
	words: Array<[string, string]>;
	/** ふりがな over the description's kanji words (kuromoji, at index time), shown when ルビ is on. */
	descriptionRuby: RubySpan[];
}

export interface SessionRule {
	rrule: string;
	/** First occurrence date 'YYYY-MM-DD' (fixes the phase of 隔週). */
	dtstart: string | null;
	opensAt: string | null;
	closesAt: string | null;
}

export interface SearchQuery {
	q?: string;
	field?: Field;
	term?: string;
	/** Area id, slug or name, as given; engines receive the resolved area id. */
	area?: string;
	target?: Target;
	desk?: boolean;
	weekday?: number;
	openNow?: boolean;
	lat?: number;
	lng?: number;
	radiusKm?: number;
	sort: SortOrder;
	page: number;
	perPage: number;
	/** The instant "open now" refers to (tests pin it; the API uses the request time). */
	now?: Date;
}

export interface SearchHit {
	id: string;
	name: string;
	kana: string;
	field: Field;
	terms: string[];
	/** The terms' names as stored now (SearchService fills them in: a renamed term shows its new name). */
	term_names?: string[];
	address: string;
	lat: number | null;
	lng: number | null;
	distance_m?: number;
	desk: boolean;
}

export interface SearchFacets {
	field: Record<string, number>;
	area: Record<string, number>;
	target: Record<string, number>;
}

export interface SearchResult {
	total: number;
	page: number;
	per_page: number;
	hits: SearchHit[];
	facets: SearchFacets;
	/**
	 * Set when the words find listings but the chosen filters remove every one of them: how many
	 * the search finds without those filters, and which filters (query parameter names) they are.
	 */
	without_filters?: { total: number; removed: NarrowingFilter[] };
	/**
	 * Set when the words as typed found nothing and these listings were found without the words
	 * no listing uses (`dropped`: those of them that stand in the typed text; empty when the
	 * planner had respelled them).
	 */
	relaxed?: { dropped: string[] };
}

/** Filters that narrow a text search (query parameter names, as the API spells them). */
export const NARROWING_FILTERS = ['field', 'term', 'area', 'target', 'desk', 'weekday', 'open_now', 'radius_km'] as const;
export type NarrowingFilter = (typeof NARROWING_FILTERS)[number];

/** The query's narrowing filters that are set. */
export function activeNarrowingFilters(query: SearchQuery): NarrowingFilter[] {
	const active: Record<NarrowingFilter, boolean> = {
		field: query.field !== undefined,
		term: query.term !== undefined,
		area: query.area !== undefined,
		target: query.target !== undefined,
		desk: query.desk === true,
		weekday: query.weekday !== undefined,
		open_now: query.openNow === true,
		radius_km: query.radiusKm !== undefined
	};
	return NARROWING_FILTERS.filter((filter) => active[filter]);
}

/** The same query without its narrowing filters (text, location and paging stay). */
export function withoutNarrowingFilters(query: SearchQuery): SearchQuery {
	const rest = { ...query };
	for (const key of ['field', 'term', 'area', 'target', 'desk', 'weekday', 'openNow', 'radiusKm'] as const) delete rest[key];
	return rest;
}

export interface ValidationIssue {
	param: string;
	ja: string;
	en: string;
}

export const booleanParam = z
	.enum(['true', 'false', '1', '0', 'on'])
	.transform((value) => value === 'true' || value === '1' || value === 'on');

export const numberParam = (min: number, max: number) =>
	z
		.string()
		.trim()
		.transform((value) => Number(value.normalize('NFKC')))
		.pipe(z.number().finite().min(min).max(max));

export const intParam = (min: number, max: number) =>
	z
		.string()
		.trim()
		.transform((value) => Number(value.normalize('NFKC')))
		.pipe(z.number().int().min(min).max(max));

/** Control characters (NUL, CR, LF, …) in free text are spaces: they mean nothing to a search. */
const freeText = (max: number) =>
	z
		.string()
		.transform((value) => value.replace(/\p{Cc}/gu, ' ').trim())
		.pipe(z.string().max(max));

const PARAM_SCHEMAS = {
	q: freeText(200),
	field: z.enum(FIELDS),
	term: z.string().regex(/^[a-z0-9-]{1,64}$/),
	area: freeText(100).pipe(z.string().min(1)),
	target: z.enum(TARGETS),
	desk: booleanParam,
	weekday: intParam(0, 6),
	open_now: booleanParam,
	lat: numberParam(20, 46),
	lng: numberParam(122, 154),
	radius_km: numberParam(0.05, 100),
	sort: z.enum(SORTS),
	page: intParam(1, 10_000),
	per_page: intParam(1, MAX_PER_PAGE)
} as const;

export type ParamName = keyof typeof PARAM_SCHEMAS;

export const MESSAGES: Record<ParamName, { ja: string; en: string }> = {
	q: { ja: '検索語は200文字以内で入力してください。', en: 'q must be at most 200 characters.' },
	field: { ja: `分野は ${FIELDS.join('・')} のいずれかです。`, en: `field must be one of ${FIELDS.join(', ')}.` },
	term: { ja: '分類コードの形式が正しくありません。', en: 'term must be a taxonomy term code (a-z, 0-9, -).' },
	area: { ja: '地域の指定が正しくありません。', en: 'area must be an area id, slug or name.' },
	target: { ja: `対象は ${TARGETS.join('・')} のいずれかです。`, en: `target must be one of ${TARGETS.join(', ')}.` },
	desk: { ja: 'desk は true か false で指定してください。', en: 'desk must be true or false.' },
	weekday: { ja: '曜日は 0（日）〜6（土）の整数で指定してください。', en: 'weekday must be an integer from 0 (Sunday) to 6.' },
	open_now: { ja: 'open_now は true か false で指定してください。', en: 'open_now must be true or false.' },
	lat: { ja: '緯度（lat）は日本国内の数値で指定してください。', en: 'lat must be a latitude within Japan.' },
	lng: { ja: '経度（lng）は日本国内の数値で指定してください。', en: 'lng must be a longitude within Japan.' },
	radius_km: { ja: '半径（radius_km）は 0.05〜100 の数値で指定してください。', en: 'radius_km must be a number from 0.05 to 100.' },
	sort: { ja: '並び順は relevance・distance・name のいずれかです。', en: 'sort must be relevance, distance or name.' },
	page: { ja: 'ページは1以上の整数で指定してください。', en: 'page must be a positive integer.' },
	per_page: { ja: `1ページの件数は1〜${MAX_PER_PAGE}の整数で指定してください。`, en: `per_page must be an integer from 1 to ${MAX_PER_PAGE}.` }
};

export type ParsedSearch = { ok: true; query: SearchQuery } | { ok: false; issues: ValidationIssue[] };

/**
 * Reads each named parameter through its schema: empty values mean "not set" (a form submits
 * empty selects), unknown parameters are ignored, and every bad one gives its message.
 * Shared by the search and the event parameters.
 */
export function readParams<Name extends string>(
	params: URLSearchParams,
	schemas: Record<Name, z.ZodType>,
	messages: Record<Name, { ja: string; en: string }>
): { values: Partial<Record<Name, unknown>>; issues: ValidationIssue[] } {
	const issues: ValidationIssue[] = [];
	const values: Partial<Record<Name, unknown>> = {};
	for (const name of Object.keys(schemas) as Name[]) {
		const raw = params.get(name);
		if (raw === null || raw.trim() === '') continue;
		const parsed = schemas[name].safeParse(raw);
		if (parsed.success) values[name] = parsed.data;
		else issues.push({ param: name, ...messages[name] });
	}
	return { values, issues };
}

/**
 * Validates search parameters from a URL. Empty values mean "not set" (a form submits empty
 * selects). Unknown parameters are ignored so links with tracking parameters still work.
 */
export function parseSearchParams(params: URLSearchParams): ParsedSearch {
	const { values, issues } = readParams(params, PARAM_SCHEMAS, MESSAGES);
	const hasLat = values.lat !== undefined;
	const hasLng = values.lng !== undefined;
	if (hasLat !== hasLng) {
		issues.push({ param: hasLat ? 'lng' : 'lat', ja: '緯度と経度は両方指定してください。', en: 'lat and lng must be given together.' });
	}
	if (values.radius_km !== undefined && !hasLat) {
		issues.push({ param: 'radius_km', ja: '半径を使うには緯度・経度も指定してください。', en: 'radius_km needs lat and lng.' });
	}
	if (values.sort === 'distance' && !hasLat) {
		issues.push({ param: 'sort', ja: '距離順には緯度・経度の指定が必要です。', en: 'sort=distance needs lat and lng.' });
	}
	if (issues.length > 0) return { ok: false, issues };
	const q = typeof values.q === 'string' ? values.q.trim() : undefined;
	return {
		ok: true,
		query: {
			q: q || undefined,
			field: values.field as Field | undefined,
			term: values.term as string | undefined,
			area: values.area as string | undefined,
			target: values.target as Target | undefined,
			desk: values.desk as boolean | undefined,
			weekday: values.weekday as number | undefined,
			openNow: values.open_now as boolean | undefined,
			lat: values.lat as number | undefined,
			lng: values.lng as number | undefined,
			radiusKm: values.radius_km as number | undefined,
			sort: (values.sort as SortOrder | undefined) ?? (hasLat && !q ? 'distance' : 'relevance'),
			page: (values.page as number | undefined) ?? 1,
			perPage: (values.per_page as number | undefined) ?? DEFAULT_PER_PAGE
		}
	};
}

/** SearchQuery → URL parameters (the inverse of parseSearchParams), for shareable links. */
export function searchQueryToParams(query: Partial<SearchQuery>): URLSearchParams {
	const params = new URLSearchParams();
	const set = (name: string, value: unknown) => {
		if (value !== undefined && value !== null && value !== '' && value !== false) params.set(name, String(value));
	};
	set('q', query.q);
	set('field', query.field);
	set('term', query.term);
	set('area', query.area);
	set('target', query.target);
	set('desk', query.desk);
	set('weekday', query.weekday);
	set('open_now', query.openNow);
	set('lat', query.lat);
	set('lng', query.lng);
	set('radius_km', query.radiusKm);
	if (query.sort && query.sort !== 'relevance') set('sort', query.sort);
	if (query.page && query.page > 1) set('page', query.page);
	if (query.perPage && query.perPage !== DEFAULT_PER_PAGE) set('per_page', query.perPage);
	return params;
}

/** The names of a hit's terms: as the search service filled them in, else the built-in names. */
export function hitTermNames(hit: Pick<SearchHit, 'terms' | 'term_names'>): string[] {
	return hit.term_names ?? hit.terms.map((code) => TERM_BY_CODE.get(code)?.name ?? code);
}
