/** Read-side queries of the admin area, always scoped to what the signed-in user may see. */
import { and, asc, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { AppDatabase } from '../db';
import * as t from '../db/schema';
import { isCurator } from '../auth/permissions';
import type { SessionUser } from '../auth/types';
import { AREA_KINDS, SERVICE_STATUSES, type ServiceStatus } from '../../domain/taxonomy';
import { normalizeText } from '../../domain/text/normalize';
import type { DisplayNames } from './diff';
import type { AreaOption, OrganizationOption } from '../../domain/listing-form';

/** Organisations the user may put listings under. */
export function organizationOptions(db: AppDatabase, user: SessionUser): OrganizationOption[] {
	const query = db.select({ id: t.organizations.id, name: t.organizations.name, kind: t.organizations.kind }).from(t.organizations);
	if (isCurator(user)) return query.orderBy(asc(t.organizations.nameKana), asc(t.organizations.name)).all();
	if (user.organizationIds.length === 0) return [];
	return query.where(inArray(t.organizations.id, user.organizationIds)).orderBy(asc(t.organizations.name)).all();
}

/** 地区, 小学校区, 中学校区 (市域 is implied for every listing). */
export function areaOptions(db: AppDatabase): Record<string, AreaOption[]> {
	const areas = db
		.select({ id: t.areas.id, name: t.areas.name, kind: t.areas.kind })
		.from(t.areas)
		.where(inArray(t.areas.kind, ['地区', '小学校区', '中学校区']))
		.orderBy(asc(t.areas.sortOrder), asc(t.areas.nameKana))
		.all();
	const byKind: Record<string, AreaOption[]> = {};
	for (const kind of AREA_KINDS) if (kind !== '市域') byKind[kind] = areas.filter((area) => area.kind === kind);
	return byKind;
}

export function displayNames(db: AppDatabase): DisplayNames {
	return {
		organizations: new Map(db.select({ id: t.organizations.id, name: t.organizations.name }).from(t.organizations).all().map((o) => [o.id, o.name])),
		areas: new Map(db.select({ id: t.areas.id, name: t.areas.name }).from(t.areas).all().map((a) => [a.id, a.name])),
		terms: new Map(db.select({ code: t.taxonomyTerms.code, name: t.taxonomyTerms.name }).from(t.taxonomyTerms).all().map((term) => [term.code, term.name]))
	};
}

export interface ListingRow {
	id: string;
	name: string;
	field: string;
	status: ServiceStatus;
	organizationName: string;
	lastVerifiedAt: string | null;
	updatedAt: string;
	pendingRequests: number;
}

export interface ListingFilter {
	q: string;
	status: ServiceStatus | '';
	page: number;
}

export const LISTINGS_PER_PAGE = 50;

export function parseListingFilter(params: URLSearchParams): ListingFilter {
	const status = params.get('status') ?? '';
	const page = Number.parseInt(params.get('page') ?? '1', 10);
	return {
		q: (params.get('q') ?? '').slice(0, 100),
		status: (SERVICE_STATUSES as readonly string[]).includes(status) ? (status as ServiceStatus) : '',
		page: Number.isFinite(page) && page > 0 ? Math.min(page, 1000) : 1
	};
}

function organizationScope(user: SessionUser): SQL | undefined {
	if (isCurator(user)) return undefined;
	return user.organizationIds.length > 0 ? inArray(t.services.organizationId, user.organizationIds) : sql`0`;
}

export function listListings(db: AppDatabase, user: SessionUser, filter: ListingFilter): { rows: ListingRow[]; total: number } {
	const conditions: Array<SQL | undefined> = [organizationScope(user)];
	if (filter.status) conditions.push(eq(t.services.status, filter.status));
	const q = filter.q.trim();
	if (q) {
		const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
		const normalized = `%${normalizeText(q).replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
		conditions.push(
			or(
				sql`${t.services.name} LIKE ${pattern} ESCAPE '\\'`,
				sql`${t.services.nameKana} LIKE ${normalized} ESCAPE '\\'`,
				sql`${t.organizations.name} LIKE ${pattern} ESCAPE '\\'`,
				like(t.services.id, q)
			)
		);
	}
	const where = and(...conditions);
	const total = db
		.select({ count: sql<number>`count(*)` })
		.from(t.services)
		.innerJoin(t.organizations, eq(t.organizations.id, t.services.organizationId))
		.where(where)
		.get()!.count;
	const rows = db
		.select({
			id: t.services.id,
			name: t.services.name,
			field: t.services.field,
			status: t.services.status,
			organizationName: t.organizations.name,
			lastVerifiedAt: t.services.lastVerifiedAt,
			updatedAt: t.services.updatedAt,
			pendingRequests: sql<number>`(SELECT count(*) FROM change_requests cr WHERE cr.service_id = ${t.services.id} AND cr.status = 'pending')`
		})
		.from(t.services)
		.innerJoin(t.organizations, eq(t.organizations.id, t.services.organizationId))
		.where(where)
		.orderBy(desc(t.services.updatedAt))
		.limit(LISTINGS_PER_PAGE)
		.offset((filter.page - 1) * LISTINGS_PER_PAGE)
		.all();
	return { rows: rows.map((row) => ({ ...row, status: row.status as ServiceStatus })), total };
}

export interface ChangeRequestRow {
	id: string;
	kind: 'edit' | 'suggestion';
	status: string;
	serviceId: string;
	serviceName: string;
	organizationName: string;
	submittedByName: string | null;
	createdAt: string;
	reviewComment: string | null;
	reviewedAt: string | null;
	payload: string;
}

function changeRequestQuery(db: AppDatabase) {
	return db
		.select({
			id: t.changeRequests.id,
			kind: t.changeRequests.kind,
			status: t.changeRequests.status,
			serviceId: t.services.id,
			serviceName: t.services.name,
			organizationId: t.services.organizationId,
			organizationName: t.organizations.name,
			submittedByName: t.users.displayName,
			createdAt: t.changeRequests.createdAt,
			reviewComment: t.changeRequests.reviewComment,
			reviewedAt: t.changeRequests.reviewedAt,
			payload: t.changeRequests.payload
		})
		.from(t.changeRequests)
		.innerJoin(t.services, eq(t.services.id, t.changeRequests.serviceId))
		.innerJoin(t.organizations, eq(t.organizations.id, t.services.organizationId))
		.leftJoin(t.users, eq(t.users.id, t.changeRequests.submittedBy));
}

type ChangeRequestQueryRow = Awaited<ReturnType<ReturnType<typeof changeRequestQuery>['all']>>[number];

function toChangeRequestRow(row: ChangeRequestQueryRow): ChangeRequestRow & { organizationId: string } {
	return { ...row, kind: row.kind === 'edit' ? 'edit' : 'suggestion' };
}

/** Pending requests, oldest first (curators: all; org_editors: their organisations'). */
export function pendingChangeRequests(db: AppDatabase, user: SessionUser): ChangeRequestRow[] {
	const scope = isCurator(user) ? undefined : organizationScope(user);
	return changeRequestQuery(db)
		.where(and(eq(t.changeRequests.status, 'pending'), scope))
		.orderBy(asc(t.changeRequests.createdAt))
		.limit(500)
		.all()
		.map(toChangeRequestRow);
}

/** The requests of one listing, newest first (for the listing page). */
export function changeRequestsOfListing(db: AppDatabase, serviceId: string): ChangeRequestRow[] {
	return changeRequestQuery(db)
		.where(eq(t.changeRequests.serviceId, serviceId))
		.orderBy(desc(t.changeRequests.createdAt))
		.limit(50)
		.all()
		.map(toChangeRequestRow);
}

export function changeRequestById(db: AppDatabase, id: string): (ChangeRequestRow & { organizationId: string }) | null {
	const row = changeRequestQuery(db).where(eq(t.changeRequests.id, id)).get();
	return row ? toChangeRequestRow(row) : null;
}

/** New listings from org_editors, waiting for a curator to publish them. */
export function listingsAwaitingReview(db: AppDatabase, user: SessionUser): ListingRow[] {
	return listListings(db, user, { q: '', status: 'review', page: 1 }).rows;
}
