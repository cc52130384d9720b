/**
 * Keeping data fresh: published listings whose 最終確認日 is more than 12 months ago (or never),
 * counted by field and by 地区, and listed oldest first for the curators' rounds.
 */
import type { AppDatabase } from '../db';
import { isCurator } from '../auth/permissions';
import type { SessionUser } from '../auth/types';
import { FIELDS } from '../../domain/taxonomy';

export const STALE_AFTER_MONTHS = 12;

/** The date before which a verification is stale ('YYYY-MM-DD', Japan). */
export function staleCutoff(now = new Date()): string {
	const jst = new Date(now.getTime() + 9 * 60 * 60_000);
	jst.setUTCMonth(jst.getUTCMonth() - STALE_AFTER_MONTHS);
	return jst.toISOString().slice(0, 10);
}

export interface StaleFilter {
	field: string;
	/** An area id of kind 地区, or '' for all. */
	district: string;
}

export interface StaleListing {
	id: string;
	name: string;
	field: string;
	organizationName: string;
	district: string | null;
	lastVerifiedAt: string | null;
}

export interface FreshnessReport {
	cutoff: string;
	totalPublished: number;
	totalStale: number;
	byField: Array<{ field: string; stale: number; published: number }>;
	byDistrict: Array<{ id: string | null; name: string; stale: number }>;
	listings: StaleListing[];
	pending: { edits: number; suggestions: number; newListings: number };
}

const STALE_LIMIT = 200;

/** The listing's 地区 (through its first location), as a correlated subquery. */
const DISTRICT_ID_SQL = `(SELECT a.id FROM service_locations sl JOIN location_areas la ON la.location_id = sl.location_id
	JOIN areas a ON a.id = la.area_id AND a.kind = '地区' WHERE sl.service_id = s.id ORDER BY sl.rowid LIMIT 1)`;

export function freshnessReport(db: AppDatabase, user: SessionUser, filter: StaleFilter, now = new Date()): FreshnessReport {
	const sqlite = db.$client;
	const cutoff = staleCutoff(now);
	// org_editors see their own organisations only; a JSON array keeps the statement's shape fixed.
	const scopeSql = isCurator(user) ? '1' : 's.organization_id IN (SELECT value FROM json_each(@orgs))';
	const params = { cutoff, orgs: JSON.stringify(user.organizationIds), field: filter.field, district: filter.district };
	const staleSql = `s.status = 'published' AND (s.last_verified_at IS NULL OR s.last_verified_at < @cutoff) AND ${scopeSql}`;

	const fieldRows = sqlite
		.prepare(
			`SELECT s.field AS field, count(*) AS published,
				sum(CASE WHEN s.last_verified_at IS NULL OR s.last_verified_at < @cutoff THEN 1 ELSE 0 END) AS stale
			FROM services s WHERE s.status = 'published' AND ${scopeSql} GROUP BY s.field`
		)
		.all(params) as Array<{ field: string; published: number; stale: number }>;
	const byField = FIELDS.map((field) => {
		const row = fieldRows.find((r) => r.field === field);
		return { field, stale: row?.stale ?? 0, published: row?.published ?? 0 };
	});

	const byDistrict = (
		sqlite
			.prepare(
				`SELECT d.district_id AS id, coalesce(a.name, '地区の設定なし') AS name, count(*) AS stale
				FROM (SELECT ${DISTRICT_ID_SQL} AS district_id FROM services s WHERE ${staleSql}) d
				LEFT JOIN areas a ON a.id = d.district_id
				GROUP BY d.district_id ORDER BY stale DESC, a.sort_order`
			)
			.all(params) as Array<{ id: string | null; name: string; stale: number }>
	).map((row) => ({ ...row }));

	const listings = sqlite
		.prepare(
			`SELECT s.id, s.name, s.field, o.name AS organizationName, a.name AS district, s.last_verified_at AS lastVerifiedAt
			FROM services s JOIN organizations o ON o.id = s.organization_id
			LEFT JOIN areas a ON a.id = ${DISTRICT_ID_SQL}
			WHERE ${staleSql} AND (@field = '' OR s.field = @field) AND (@district = '' OR a.id = @district)
			ORDER BY s.last_verified_at IS NOT NULL, s.last_verified_at, s.name LIMIT ${STALE_LIMIT}`
		)
		.all(params) as StaleListing[];

	const pendingRow = sqlite
		.prepare(
			`SELECT
				(SELECT count(*) FROM change_requests cr JOIN services s ON s.id = cr.service_id WHERE cr.status = 'pending' AND cr.kind = 'edit' AND ${scopeSql}) AS edits,
				(SELECT count(*) FROM change_requests cr JOIN services s ON s.id = cr.service_id WHERE cr.status = 'pending' AND cr.kind = 'suggestion' AND ${scopeSql}) AS suggestions,
				(SELECT count(*) FROM services s WHERE s.status = 'review' AND ${scopeSql}) AS newListings`
		)
		.get(params) as FreshnessReport['pending'];

	return {
		cutoff,
		totalPublished: byField.reduce((sum, row) => sum + row.published, 0),
		totalStale: byField.reduce((sum, row) => sum + row.stale, 0),
		byField,
		byDistrict,
		listings,
		pending: pendingRow
	};
}
