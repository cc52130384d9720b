/**
 * The read side of the HSDS 3.0 API (/hsds/…, per the Open Referral OpenAPI): paged lists of
 * services, organizations, taxonomies, taxonomy terms and service_at_locations, and the fully
 * nested objects by id. Only published listings are visible; organisations appear when they have
 * one. Query parameters are validated (zod); a bad one is a 400 with Japanese and English reasons.
 */
import { z } from 'zod';
import type { AppDatabase } from '../db';
import { getListing } from '../listings';
import type { ValidationIssue } from '../../domain/search';
import { FIELDS, TARGETS } from '../../domain/taxonomy';
import { HSDS_PROFILE, HSDS_VERSION, hsdsOrganization, hsdsService, hsdsServiceById, hsdsTaxonomies, hsdsTaxonomyTerms, locationObject } from './hsds-export';
import { VOCABULARY } from './hsds-model';
import { stableUuid } from './stable-id';

type Json = Record<string, unknown>;

export const HSDS_MAX_PER_PAGE = 500;
const DEFAULT_PER_PAGE = 50;

const truthy = z
	.enum(['true', 'false', '1', '0', ''], { message: 'true か false です' })
	.transform((value) => value === 'true' || value === '1' || value === '');

const ListQuery = z.object({
	search: z.string().max(200, '検索語は200文字までです').optional(),
	page: z.coerce.number({ message: 'page は1以上の整数です' }).int('page は1以上の整数です').min(1, 'page は1以上の整数です').default(1),
	per_page: z.coerce
		.number({ message: `per_page は1〜${HSDS_MAX_PER_PAGE}の整数です` })
		.int(`per_page は1〜${HSDS_MAX_PER_PAGE}の整数です`)
		.min(1, `per_page は1〜${HSDS_MAX_PER_PAGE}の整数です`)
		.max(HSDS_MAX_PER_PAGE, `per_page は1〜${HSDS_MAX_PER_PAGE}の整数です`)
		.default(DEFAULT_PER_PAGE),
	taxonomy_term_id: z.string().max(100).optional(),
	taxonomy_id: z.string().max(100).optional(),
	organization_id: z.string().max(100).optional(),
	modified_after: z
		.string()
		.refine((value) => !Number.isNaN(Date.parse(value)), 'modified_after は日時（2024-04-01 や 2024-04-01T09:00:00+09:00）です')
		.transform((value) => new Date(value).toISOString())
		.optional(),
	minimal: truthy.optional(),
	full: truthy.optional(),
	parent_id: z.string().max(100).optional(),
	top_only: truthy.optional()
});
export type HsdsListQuery = z.infer<typeof ListQuery>;

const ENGLISH: Record<string, string> = {
	page: 'page must be an integer ≥ 1.',
	per_page: `per_page must be an integer from 1 to ${HSDS_MAX_PER_PAGE}.`,
	modified_after: 'modified_after must be a date or date-time.',
	minimal: 'minimal must be true or false.',
	full: 'full must be true or false.',
	top_only: 'top_only must be true or false.',
	search: 'search is at most 200 characters.'
};

export function parseListQuery(params: URLSearchParams): { ok: true; query: HsdsListQuery } | { ok: false; issues: ValidationIssue[] } {
	const raw: Record<string, string> = {};
	for (const [key, value] of params) raw[key] = value;
	const parsed = ListQuery.safeParse(raw);
	if (parsed.success) return { ok: true, query: parsed.data };
	return {
		ok: false,
		issues: parsed.error.issues.map((issue) => {
			const param = String(issue.path[0] ?? '');
			return { param, ja: issue.message, en: ENGLISH[param] ?? `${param} is not valid.` };
		})
	};
}

interface Page<T> {
	total_items: number;
	total_pages: number;
	page_number: number;
	size: number;
	first_page: boolean;
	last_page: boolean;
	empty: boolean;
	contents: T[];
}

function page<T>(total: number, query: HsdsListQuery, contents: T[]): Page<T> {
	const totalPages = Math.max(1, Math.ceil(total / query.per_page));
	return {
		total_items: total,
		total_pages: totalPages,
		page_number: query.page,
		size: contents.length,
		first_page: query.page === 1,
		last_page: query.page >= totalPages,
		empty: contents.length === 0,
		contents
	};
}

function likePattern(search: string): string {
	return `%${search.normalize('NFKC').trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** SQL for "services carrying this term": a term row id or code, or one of the derived vocabularies' ids. */
function termCondition(db: AppDatabase, termId: string): { sql: string; args: unknown[] } {
	const field = FIELDS.find((name) => stableUuid(`${VOCABULARY.field}:${name}`) === termId || name === termId);
	if (field) return { sql: 's.field = ?', args: [field] };
	const target = TARGETS.find((name) => stableUuid(`${VOCABULARY.target}:${name}`) === termId);
	if (target) return { sql: 'EXISTS (SELECT 1 FROM service_targets x WHERE x.service_id = s.id AND x.target = ?)', args: [target] };
	const tags = db.$client.prepare('SELECT DISTINCT tag FROM service_tags').pluck().all() as string[];
	const tag = tags.find((name) => stableUuid(`${VOCABULARY.tag}:${name}`) === termId);
	if (tag) return { sql: 'EXISTS (SELECT 1 FROM service_tags x WHERE x.service_id = s.id AND x.tag = ?)', args: [tag] };
	return {
		sql: 'EXISTS (SELECT 1 FROM service_terms x JOIN taxonomy_terms t ON t.id = x.term_id WHERE x.service_id = s.id AND (t.id = ? OR t.code = ?))',
		args: [termId, termId]
	};
}

function serviceFilter(db: AppDatabase, query: HsdsListQuery): { where: string; args: unknown[] } {
	const conditions = ["s.status = 'published'"];
	const args: unknown[] = [];
	if (query.search?.trim()) {
		conditions.push("(s.name LIKE ? ESCAPE '\\' OR coalesce(s.name_kana, '') LIKE ? ESCAPE '\\' OR coalesce(s.description, '') LIKE ? ESCAPE '\\')");
		const pattern = likePattern(query.search);
		args.push(pattern, pattern, pattern);
	}
	if (query.taxonomy_term_id) {
		const term = termCondition(db, query.taxonomy_term_id);
		conditions.push(term.sql);
		args.push(...term.args);
	}
	if (query.organization_id) {
		conditions.push('s.organization_id = ?');
		args.push(query.organization_id);
	}
	if (query.modified_after) {
		conditions.push('s.updated_at >= ?');
		args.push(query.modified_after);
	}
	return { where: conditions.join(' AND '), args };
}

export function hsdsRoot(origin: string): Json {
	return { version: HSDS_VERSION, profile: HSDS_PROFILE, openapi_url: `${origin}/api/openapi.json` };
}

export function listServices(db: AppDatabase, query: HsdsListQuery): Page<Json> {
	const { where, args } = serviceFilter(db, query);
	const sqlite = db.$client;
	const total = sqlite.prepare(`SELECT count(*) FROM services s WHERE ${where}`).pluck().get(...args) as number;
	const ids = sqlite
		.prepare(`SELECT s.id FROM services s WHERE ${where} ORDER BY s.updated_at DESC, s.id LIMIT ? OFFSET ?`)
		.pluck()
		.all(...args, query.per_page, (query.page - 1) * query.per_page) as string[];
	const contents = ids.flatMap((id) => {
		if (query.minimal) {
			const row = sqlite.prepare('SELECT id, name, updated_at FROM services WHERE id = ?').get(id) as { id: string; name: string; updated_at: string };
			return [{ id: row.id, name: row.name, status: 'active', last_modified: row.updated_at }];
		}
		const service = hsdsServiceById(db, id, { minimal: !query.full });
		return service ? [service] : [];
	});
	return page(total, query, contents);
}

export function getService(db: AppDatabase, id: string): Json | null {
	return hsdsServiceById(db, id);
}

const PUBLISHED_ORGANIZATIONS = "FROM organizations o WHERE EXISTS (SELECT 1 FROM services s WHERE s.organization_id = o.id AND s.status = 'published')";

export function listOrganizations(db: AppDatabase, query: HsdsListQuery): Page<Json> {
	const args: unknown[] = [];
	let where = PUBLISHED_ORGANIZATIONS;
	if (query.search?.trim()) {
		where += " AND (o.name LIKE ? ESCAPE '\\' OR coalesce(o.name_kana, '') LIKE ? ESCAPE '\\')";
		args.push(likePattern(query.search), likePattern(query.search));
	}
	const sqlite = db.$client;
	const total = sqlite.prepare(`SELECT count(*) ${where}`).pluck().get(...args) as number;
	const rows = sqlite.prepare(`SELECT o.* ${where} ORDER BY o.name, o.id LIMIT ? OFFSET ?`).all(...args, query.per_page, (query.page - 1) * query.per_page) as Json[];
	return page(total, query, rows.map((row) => (query.full ? organizationWithServices(db, row, true) : hsdsOrganization(row))));
}

function organizationWithServices(db: AppDatabase, row: Json, fullServices: boolean): Json {
	const ids = db.$client.prepare("SELECT id FROM services WHERE organization_id = ? AND status = 'published' ORDER BY name, id").pluck().all(row.id) as string[];
	return { ...hsdsOrganization(row), services: ids.flatMap((id) => hsdsServiceById(db, id, { minimal: !fullServices }) ?? []) };
}

export function getOrganization(db: AppDatabase, id: string, fullServices: boolean): Json | null {
	const row = db.$client.prepare(`SELECT o.* ${PUBLISHED_ORGANIZATIONS} AND o.id = ?`).get(id) as Json | undefined;
	return row ? organizationWithServices(db, row, fullServices) : null;
}

function pageOf<T>(items: T[], query: HsdsListQuery): Page<T> {
	return page(items.length, query, items.slice((query.page - 1) * query.per_page, query.page * query.per_page));
}

function matches(value: unknown, search: string | undefined): boolean {
	return !search?.trim() || String(value ?? '').normalize('NFKC').includes(search.normalize('NFKC').trim());
}

export function listTaxonomies(query: HsdsListQuery): Page<Json> {
	return pageOf(hsdsTaxonomies().filter((taxonomy) => matches(`${taxonomy.name} ${taxonomy.description}`, query.search)), query);
}

export function getTaxonomy(id: string): Json | null {
	return hsdsTaxonomies().find((taxonomy) => taxonomy.id === id || taxonomy.name === id) ?? null;
}

/** Every term a service can carry: the term table, and the derived vocabularies (分野, 対象, 困りごと). */
function allTerms(db: AppDatabase): Json[] {
	const derived = (vocabulary: string, names: readonly string[]) =>
		names.map((name) => ({ id: stableUuid(`${vocabulary}:${name}`), name, description: '', taxonomy: vocabulary, taxonomy_id: stableUuid(`taxonomy:${vocabulary}`), language: 'ja' }));
	const tags = db.$client.prepare('SELECT DISTINCT tag FROM service_tags ORDER BY tag').pluck().all() as string[];
	return [...derived(VOCABULARY.field, FIELDS), ...hsdsTaxonomyTerms(db), ...derived(VOCABULARY.tag, tags), ...derived(VOCABULARY.target, TARGETS)];
}

export function listTaxonomyTerms(db: AppDatabase, query: HsdsListQuery): Page<Json> {
	const terms = allTerms(db).filter(
		(term) =>
			matches(`${term.name} ${term.code ?? ''}`, query.search) &&
			(!query.taxonomy_id || term.taxonomy_id === query.taxonomy_id || term.taxonomy === query.taxonomy_id) &&
			(!query.parent_id || term.parent_id === query.parent_id) &&
			(!query.top_only || !term.parent_id)
	);
	return pageOf(terms, query);
}

export function getTaxonomyTerm(db: AppDatabase, id: string): Json | null {
	return allTerms(db).find((term) => term.id === id) ?? null;
}

export function listServiceAtLocations(db: AppDatabase, query: HsdsListQuery): Page<Json> {
	const { where, args } = serviceFilter(db, query);
	const sqlite = db.$client;
	const from = `FROM service_locations sl JOIN services s ON s.id = sl.service_id WHERE ${where}`;
	const total = sqlite.prepare(`SELECT count(*) ${from}`).pluck().get(...args) as number;
	const rows = sqlite
		.prepare(`SELECT sl.id, sl.service_id, sl.location_id ${from} ORDER BY s.updated_at DESC, sl.id LIMIT ? OFFSET ?`)
		.all(...args, query.per_page, (query.page - 1) * query.per_page) as Array<{ id: string; service_id: string; location_id: string }>;
	const contents = rows.flatMap((row): Json[] => {
		if (!query.full) return [{ ...row }];
		const full = getServiceAtLocation(db, row.id);
		return full ? [full] : [];
	});
	return page(total, query, contents);
}

export function getServiceAtLocation(db: AppDatabase, id: string): Json | null {
	const row = db.$client.prepare('SELECT id, service_id, location_id FROM service_locations WHERE id = ?').get(id) as
		| { id: string; service_id: string; location_id: string }
		| undefined;
	if (!row) return null;
	const listing = getListing(db, row.service_id);
	const location = listing?.locations.find((place) => place.id === row.location_id);
	if (!listing || !location) return null;
	const service = hsdsService(db, listing);
	return {
		id: row.id,
		service_id: row.service_id,
		location_id: row.location_id,
		phones: service.phones,
		schedules: service.schedules,
		location: locationObject(location, listing.organization.id),
		service: hsdsService(db, listing, { minimal: true })
	};
}
