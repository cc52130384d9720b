/**
 * Areas (市域・地区・小学校区・中学校区): curators create, edit and delete them. Every write records
 * an audit entry (entity 'area') in its transaction and makes the search service forget its cached
 * areas, so area resolution ("旭地区", "asahi") sees the change at once. An area's name (and kind)
 * is part of the search documents of the listings located in it: when it changes, those listings
 * are touched and re-indexed in the same transaction (SearchSync: enqueue inside, afterCommit after).
 * An area is deleted only when nothing refers to it (locations, child areas, 相談窓口の担当地区).
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { getApp } from '../app';
import type { AppDatabase } from '../db';
import * as t from '../db/schema';
import type { SearchService } from '../search/service';
import { AREA_KINDS } from '../../domain/taxonomy';
import { katakanaToHiragana } from '../../domain/text/normalize';
import { assertCurator } from '../auth/permissions';
import type { SessionUser } from '../auth/types';
import { issuesToErrors } from '../auth/users';
import { auditTrail, recordAudit, type AuditEntity, type AuditEntry } from './audit';
import { coordinateBounds, coordinateExamples } from './listing-input';
import { loadCityProfile } from '../city-profile';
import type { Tx } from './listing-store';
import { InputError, NotFoundError, type AdminContext } from './workflow';

/** The audit log's entity for areas. */
export const AREA_AUDIT_ENTITY: AuditEntity = 'area';

export const AREA_AUDIT_LABELS: Record<string, string> = { create: '作成', update: '編集', delete: '削除' };

/** The admin context plus the search service whose area cache must be dropped after a change. */
export interface AreaContext extends AdminContext {
	search: Pick<SearchService, 'invalidateAreas'>;
}

export function areaContext(): AreaContext {
	const { db, searchSync, search } = getApp();
	return { db, searchSync, search };
}

/** The form's values, as typed (strings), so a refused form keeps everything. */
export interface AreaValues {
	kind: string;
	slug: string;
	name: string;
	nameKana: string;
	parentId: string;
	polygon: string;
	centerLat: string;
	centerLng: string;
	sortOrder: string;
}

export const AREA_FIELDS = ['kind', 'slug', 'name', 'nameKana', 'parentId', 'polygon', 'centerLat', 'centerLng', 'sortOrder'] as const;

export function emptyAreaValues(kind = ''): AreaValues {
	return { kind, slug: '', name: '', nameKana: '', parentId: '', polygon: '', centerLat: '', centerLng: '', sortOrder: '0' };
}

export function areaValuesFromForm(form: FormData): AreaValues {
	const values = emptyAreaValues();
	for (const field of AREA_FIELDS) {
		const value = form.get(field);
		values[field] = typeof value === 'string' ? value : '';
	}
	return values;
}

export type AreaRow = typeof t.areas.$inferSelect;

export function areaToValues(row: AreaRow): AreaValues {
	return {
		kind: row.kind,
		slug: row.slug,
		name: row.name,
		nameKana: row.nameKana ?? '',
		parentId: row.parentId ?? '',
		polygon: row.polygon ?? '',
		centerLat: row.centerLat?.toString() ?? '',
		centerLng: row.centerLng?.toString() ?? '',
		sortOrder: row.sortOrder.toString()
	};
}

// ---------------------------------------------------------------- validation

/** ASCII lower-case words joined by single hyphens: "asahi", "enokuchi-nishi". */
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Hiragana, the long-vowel mark, the middle dot and spaces. */
const HIRAGANA_PATTERN = /^[\u3041-\u3096\u309D\u309Eー・ ]*$/;
const MAX_POLYGON_CHARS = 1_000_000;

const blankToNull = (value: string) => (value === '' ? null : value);

export type PolygonResult = { ok: true; value: string | null } | { ok: false; message: string };

type Position = [number, number, ...number[]];

const isPosition = (value: unknown): value is Position =>
	Array.isArray(value) && (value.length === 2 || value.length === 3) && value.every((n) => typeof n === 'number' && Number.isFinite(n));

const inCity = ([lng, lat]: Position) => {
	const bounds = coordinateBounds();
	return lng >= bounds.west && lng <= bounds.east && lat >= bounds.south && lat <= bounds.north;
};

/** A linear ring's problem, or null: ≥ 4 [lng, lat] positions, closed, inside the city. */
function ringProblem(ring: unknown): string | null {
	if (!Array.isArray(ring) || !ring.every(isPosition)) {
		const { lat, lng } = loadCityProfile().center;
		const [w, e, s, n] = [lng - 0.01, lng + 0.01, lat - 0.005, lat + 0.005].map((value) => Math.round(value * 100) / 100);
		return `ポリゴンの座標は [経度, 緯度] の数値の組を並べて書いてください（例：[[${w}, ${s}], [${e}, ${s}], [${e}, ${n}], [${w}, ${s}]]）。`;
	}
	if (ring.length < 4) return 'ポリゴンの輪は4点以上（最初と最後は同じ点）で書いてください。';
	const first = ring[0];
	const last = ring[ring.length - 1];
	if (first[0] !== last[0] || first[1] !== last[1]) return 'ポリゴンの輪は閉じてください（最初と最後の座標を同じにします）。';
	for (const position of ring) {
		if (inCity(position)) continue;
		if (inCity([position[1], position[0]])) {
			const example = coordinateExamples();
			return `ポリゴンの座標が [緯度, 経度] の順になっているようです。GeoJSONでは [経度, 緯度] の順に書きます（例：[${example.lng}, ${example.lat}]）。`;
		}
		const { west, east, south, north } = coordinateBounds();
		return `ポリゴンの位置が${loadCityProfile().city}の範囲外です（経度${west}〜${east}、緯度${south}〜${north}）。座標を確かめてください。`;
	}
	return null;
}

/**
 * The polygon field: blank, or GeoJSON text of a Polygon or MultiPolygon (a Feature wrapping one
 * is unwrapped). Returns the geometry as compact JSON, or a Japanese message.
 */
export function parsePolygon(text: string): PolygonResult {
	const trimmed = text.trim();
	if (trimmed === '') return { ok: true, value: null };
	if (trimmed.length > MAX_POLYGON_CHARS) return { ok: false, message: 'ポリゴンが大きすぎます（100万文字まで）。頂点を間引いてから貼り付けてください。' };
	let parsed: unknown;
	try {
		parsed = JSON.parse(trimmed);
	} catch {
		return { ok: false, message: 'ポリゴンをGeoJSONとして読み取れません。括弧・カンマ・引用符（"）の書き方を確かめてください。' };
	}
	const shapeHint = 'ポリゴンは {"type": "Polygon", "coordinates": [...]} の形のGeoJSONで入力してください。';
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, message: shapeHint };
	let geometry = parsed as { type?: unknown; coordinates?: unknown; geometry?: unknown };
	if (geometry.type === 'Feature' && typeof geometry.geometry === 'object' && geometry.geometry !== null) {
		geometry = geometry.geometry as typeof geometry;
	}
	if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
		const got = typeof geometry.type === 'string' ? `（いまは "${geometry.type.slice(0, 40)}"）` : '';
		return { ok: false, message: `ポリゴンの種類（type）は "Polygon" か "MultiPolygon" にしてください${got}。` };
	}
	const polygons: unknown[] = geometry.type === 'Polygon' ? [geometry.coordinates] : Array.isArray(geometry.coordinates) ? geometry.coordinates : [];
	if (polygons.length === 0) return { ok: false, message: shapeHint };
	for (const polygon of polygons) {
		if (!Array.isArray(polygon) || polygon.length === 0) return { ok: false, message: shapeHint };
		for (const ring of polygon) {
			const problem = ringProblem(ring);
			if (problem) return { ok: false, message: problem };
		}
	}
	return { ok: true, value: JSON.stringify({ type: geometry.type, coordinates: geometry.coordinates }) };
}

/** "33.5597", "３３．５５９７", "33.5597°" → number; blank → null; anything else → undefined. */
function parseCoordinate(value: string): number | null | undefined {
	const normalized = value.normalize('NFKC').trim().replace(/[°度]/g, '').replace(/[\u2010-\u2015\u2212\uFF70ー]/g, '-');
	if (normalized === '') return null;
	if (!/^-?\d+(\.\d+)?$/.test(normalized)) return undefined;
	return Number(normalized);
}

function coordinate(label: string, axis: 'lat' | 'lng') {
	return z.string().transform((value, ctx) => {
		const bounds = coordinateBounds();
		const [min, max] = axis === 'lat' ? [bounds.south, bounds.north] : [bounds.west, bounds.east];
		const example = coordinateExamples()[axis];
		const parsed = parseCoordinate(value);
		if (parsed === undefined) {
			ctx.addIssue({ code: 'custom', message: `${label}は「${example}」のように数字で入力してください。` });
			return z.NEVER;
		}
		if (parsed !== null && (parsed < min || parsed > max)) {
			ctx.addIssue({ code: 'custom', message: `${label}が${loadCityProfile().city}の範囲外です（${min}〜${max}）。緯度と経度が逆になっていないか確かめてください。` });
			return z.NEVER;
		}
		return parsed;
	});
}

export const areaSchema = z.object({
	kind: z.enum(AREA_KINDS, '地域の種類（市域・地区・小学校区・中学校区）を選んでください。'),
	slug: z
		.string()
		.transform((value) => value.normalize('NFKC').trim().toLowerCase())
		.refine((value) => value !== '', 'スラッグ（URLに使う英数字の名前）を入力してください。例：asahi')
		.refine((value) => value.length <= 60, 'スラッグは60文字以内で入力してください。')
		.refine((value) => value === '' || SLUG_PATTERN.test(value), 'スラッグは半角の英小文字・数字・ハイフン（-）で入力してください。例：enokuchi-nishi'),
	name: z
		.string()
		.transform((value) => value.replace(/\s+/g, ' ').trim())
		.refine((value) => value !== '', '地域の名前を入力してください。')
		.refine((value) => value.length <= 50, '地域の名前は50文字以内で入力してください。'),
	nameKana: z
		.string()
		.transform((value) => katakanaToHiragana(value.normalize('NFKC').replace(/\s+/g, ' ').trim()))
		.refine((value) => HIRAGANA_PATTERN.test(value), 'よみがなは、ひらがなで入力してください（カタカナは自動でひらがなに直します）。')
		.refine((value) => value.length <= 100, 'よみがなは100文字以内で入力してください。')
		.transform(blankToNull),
	parentId: z.string().trim().transform(blankToNull),
	polygon: z.string().transform((value, ctx) => {
		const result = parsePolygon(value);
		if (!result.ok) {
			ctx.addIssue({ code: 'custom', message: result.message });
			return z.NEVER;
		}
		return result.value;
	}),
	centerLat: coordinate('中心の緯度', 'lat'),
	centerLng: coordinate('中心の経度', 'lng'),
	sortOrder: z.string().transform((value, ctx) => {
		const normalized = value.normalize('NFKC').trim().replace(/^[\u2212ー]/, '-');
		if (normalized === '') return 0;
		if (!/^-?\d{1,6}$/.test(normalized)) {
			ctx.addIssue({ code: 'custom', message: '並び順は整数で入力してください（例：10）。小さい順に並びます。' });
			return z.NEVER;
		}
		return Number(normalized);
	})
});
export type AreaInput = z.output<typeof areaSchema>;

/** The form's values → the row's values, or an InputError with a message per field. */
export function parseAreaValues(values: AreaValues): AreaInput {
	const errors: Record<string, string> = {};
	const parsed = areaSchema.safeParse(values);
	if (!parsed.success) Object.assign(errors, issuesToErrors(parsed.error.issues));
	const latBlank = values.centerLat.trim() === '';
	const lngBlank = values.centerLng.trim() === '';
	if (latBlank !== lngBlank) errors[latBlank ? 'centerLat' : 'centerLng'] ??= '中心の緯度と経度は両方とも入力してください（どちらも空にしてもかまいません）。';
	if (!parsed.success || Object.keys(errors).length > 0) throw new InputError(errors);
	return parsed.data;
}

/** What the schema cannot know: unique slug and name per kind, an existing parent, no loops. */
function assertAreaReferences(db: Tx, input: AreaInput, id: string | null): void {
	const errors: Record<string, string> = {};
	const others = id ? ne(t.areas.id, id) : undefined;
	const sameSlug = db
		.select({ name: t.areas.name })
		.from(t.areas)
		.where(and(eq(t.areas.kind, input.kind), eq(t.areas.slug, input.slug), others))
		.get();
	if (sameSlug) errors.slug = `「${input.kind}」には、すでにスラッグ「${input.slug}」の地域（${sameSlug.name}）があります。別のスラッグにしてください。`;
	const sameName = db
		.select({ id: t.areas.id })
		.from(t.areas)
		.where(and(eq(t.areas.kind, input.kind), eq(t.areas.name, input.name), others))
		.get();
	if (sameName) errors.name = `「${input.kind}」には、すでに「${input.name}」があります。検索で区別できるよう、別の名前にしてください。`;
	if (input.parentId) {
		if (input.parentId === id) {
			errors.parentId = '親の地域に、この地域自身は選べません。';
		} else if (!db.select({ id: t.areas.id }).from(t.areas).where(eq(t.areas.id, input.parentId)).get()) {
			errors.parentId = '選んだ親の地域が見つかりません。一覧から選び直してください。';
		} else if (id && ancestorIds(db, input.parentId).includes(id)) {
			errors.parentId = 'この地域の下にある地域は、親に選べません（親子が輪になってしまいます）。';
		}
	}
	if (Object.keys(errors).length > 0) throw new InputError(errors);
}

/** The area and its ancestors, nearest first (stops at a loop or after 50 steps). */
function ancestorIds(db: Tx, id: string): string[] {
	const seen: string[] = [];
	let current: string | null = id;
	while (current && !seen.includes(current) && seen.length < 50) {
		seen.push(current);
		current = db.select({ parentId: t.areas.parentId }).from(t.areas).where(eq(t.areas.id, current)).get()?.parentId ?? null;
	}
	return seen;
}

// ---------------------------------------------------------------- writes

export function areaById(db: AppDatabase, id: string): AreaRow | null {
	return db.select().from(t.areas).where(eq(t.areas.id, id)).get() ?? null;
}

function requireArea(db: Tx, id: string): AreaRow {
	const row = db.select().from(t.areas).where(eq(t.areas.id, id)).get();
	if (!row) throw new NotFoundError('指定された地域は見つかりません。');
	return row;
}

/** The row as the audit log keeps it (the same shape as AreaInput). */
function auditShape(row: AreaRow): AreaInput {
	return {
		kind: row.kind as AreaInput['kind'],
		slug: row.slug,
		name: row.name,
		nameKana: row.nameKana,
		parentId: row.parentId,
		polygon: row.polygon,
		centerLat: row.centerLat,
		centerLng: row.centerLng,
		sortOrder: row.sortOrder
	};
}

export async function createArea(ctx: AreaContext, actor: SessionUser, values: AreaValues): Promise<string> {
	assertCurator(actor);
	const input = parseAreaValues(values);
	const id = randomUUID();
	ctx.db.transaction((tx) => {
		assertAreaReferences(tx, input, null);
		tx.insert(t.areas).values({ id, ...input }).run();
		recordAudit(tx, { userId: actor.id, action: 'create', entity: AREA_AUDIT_ENTITY, entityId: id, before: null, after: input });
	});
	ctx.search.invalidateAreas();
	return id;
}

export interface AreaUpdate {
	/** False when the values were the same as stored (nothing written). */
	changed: boolean;
	/** Listings re-indexed because the area's name or kind changed. */
	reindexed: number;
}

/** Service ids of the listings with a location in the area. */
function listingIdsInArea(db: Tx, areaId: string): string[] {
	return db
		.selectDistinct({ id: t.serviceLocations.serviceId })
		.from(t.locationAreas)
		.innerJoin(t.serviceLocations, eq(t.serviceLocations.locationId, t.locationAreas.locationId))
		.where(eq(t.locationAreas.areaId, areaId))
		.all()
		.map((row) => row.id);
}

export async function updateArea(ctx: AreaContext, actor: SessionUser, id: string, values: AreaValues): Promise<AreaUpdate> {
	assertCurator(actor);
	const input = parseAreaValues(values);
	const now = new Date().toISOString();
	const outcome = ctx.db.transaction((tx): AreaUpdate & { serviceIds: string[] } => {
		const before = auditShape(requireArea(tx, id));
		assertAreaReferences(tx, input, id);
		if (JSON.stringify(before) === JSON.stringify(input)) return { changed: false, reindexed: 0, serviceIds: [] };
		tx.update(t.areas).set(input).where(eq(t.areas.id, id)).run();
		// The name and the kind (地区 or not) are in the search documents of the listings located here.
		const serviceIds = before.name !== input.name || before.kind !== input.kind ? listingIdsInArea(tx, id) : [];
		if (serviceIds.length > 0) {
			tx.update(t.services)
				.set({ updatedAt: now })
				.where(
					sql`${t.services.id} IN (SELECT sl.service_id FROM location_areas la JOIN service_locations sl ON sl.location_id = la.location_id WHERE la.area_id = ${id})`
				)
				.run();
			ctx.searchSync.enqueue(serviceIds);
		}
		recordAudit(tx, { userId: actor.id, action: 'update', entity: AREA_AUDIT_ENTITY, entityId: id, before, after: input });
		return { changed: true, reindexed: serviceIds.length, serviceIds };
	});
	if (!outcome.changed) return { changed: false, reindexed: 0 };
	ctx.search.invalidateAreas();
	await ctx.searchSync.afterCommit(outcome.serviceIds);
	return { changed: true, reindexed: outcome.reindexed };
}

export interface AreaUsage {
	/** Locations (所在地) placed in the area. */
	locations: number;
	/** Listings with such a location. */
	listings: number;
	/** Areas whose parent this is. */
	children: string[];
	/** 相談窓口 certifications that name the area as served. */
	desks: number;
}

export function areaUsage(db: Tx, id: string): AreaUsage {
	const locations = db.select({ n: sql<number>`count(*)` }).from(t.locationAreas).where(eq(t.locationAreas.areaId, id)).get()?.n ?? 0;
	const children = db
		.select({ name: t.areas.name })
		.from(t.areas)
		.where(eq(t.areas.parentId, id))
		.orderBy(asc(t.areas.sortOrder), asc(t.areas.name))
		.all()
		.map((row) => row.name);
	const desks =
		db
			.select({ n: sql<number>`count(*)` })
			.from(t.deskCertifications)
			.where(sql`EXISTS (SELECT 1 FROM json_each(${t.deskCertifications.areaIds}) WHERE value = ${id})`)
			.get()?.n ?? 0;
	return { locations, listings: locations > 0 ? listingIdsInArea(db, id).length : 0, children, desks };
}

/** Why the area cannot be deleted, or null when nothing refers to it. */
export function deletionBlocker(usage: AreaUsage): string | null {
	if (usage.locations > 0) {
		return `この地域は${usage.locations}か所の所在地（掲載情報${usage.listings}件）で使われているため、削除できません。先にそれぞれの掲載情報の「地域」を別の地域に付け替えてください。`;
	}
	if (usage.children.length > 0) {
		const names = usage.children.slice(0, 5).join('、') + (usage.children.length > 5 ? ' ほか' : '');
		return `この地域を親にしている地域が${usage.children.length}件（${names}）あるため、削除できません。先にそれらの親の地域を付け替えてください。`;
	}
	if (usage.desks > 0) return `この地域は相談窓口${usage.desks}件の担当地区になっているため、削除できません。`;
	return null;
}

/** Deletes an area nothing refers to; otherwise an InputError (_form) says why not. */
export function deleteArea(ctx: AreaContext, actor: SessionUser, id: string): void {
	assertCurator(actor);
	ctx.db.transaction((tx) => {
		const before = auditShape(requireArea(tx, id));
		const blocker = deletionBlocker(areaUsage(tx, id));
		if (blocker) throw new InputError({ _form: blocker });
		tx.delete(t.areas).where(eq(t.areas.id, id)).run();
		recordAudit(tx, { userId: actor.id, action: 'delete', entity: AREA_AUDIT_ENTITY, entityId: id, before, after: null });
	});
	ctx.search.invalidateAreas();
}

// ---------------------------------------------------------------- reads for the pages

export interface AreaListItem {
	id: string;
	kind: string;
	slug: string;
	name: string;
	nameKana: string | null;
	parentName: string | null;
	sortOrder: number;
	hasPolygon: boolean;
	hasCenter: boolean;
	locations: number;
	listings: number;
}

/** Every area grouped by kind (the four kinds in order, then any other kind found), with usage counts. */
export function listAreaGroups(db: AppDatabase): Array<{ kind: string; areas: AreaListItem[] }> {
	const parent = alias(t.areas, 'parent');
	const rows = db
		.select({
			id: t.areas.id,
			kind: t.areas.kind,
			slug: t.areas.slug,
			name: t.areas.name,
			nameKana: t.areas.nameKana,
			parentName: parent.name,
			sortOrder: t.areas.sortOrder,
			hasPolygon: sql<number>`${t.areas.polygon} IS NOT NULL`,
			hasCenter: sql<number>`${t.areas.centerLat} IS NOT NULL AND ${t.areas.centerLng} IS NOT NULL`,
			locations: sql<number>`(SELECT count(*) FROM location_areas la WHERE la.area_id = ${t.areas.id})`,
			listings: sql<number>`(SELECT count(DISTINCT sl.service_id) FROM location_areas la JOIN service_locations sl ON sl.location_id = la.location_id WHERE la.area_id = ${t.areas.id})`
		})
		.from(t.areas)
		.leftJoin(parent, eq(parent.id, t.areas.parentId))
		.orderBy(asc(t.areas.sortOrder), asc(t.areas.nameKana), asc(t.areas.name))
		.all()
		.map((row) => ({ ...row, hasPolygon: row.hasPolygon === 1, hasCenter: row.hasCenter === 1 }));
	const kinds: string[] = [...AREA_KINDS];
	for (const row of rows) if (!kinds.includes(row.kind)) kinds.push(row.kind);
	return kinds.map((kind) => ({ kind, areas: rows.filter((row) => row.kind === kind) }));
}

export interface ParentOptionGroup {
	kind: string;
	options: Array<{ id: string; name: string }>;
}

/** Areas that may be the parent of `id` (not itself, nor one below it), grouped by kind. */
export function parentOptions(db: AppDatabase, id: string | null = null): ParentOptionGroup[] {
	const rows = db
		.select({ id: t.areas.id, kind: t.areas.kind, name: t.areas.name })
		.from(t.areas)
		.orderBy(asc(t.areas.sortOrder), asc(t.areas.nameKana), asc(t.areas.name))
		.all()
		.filter((row) => !id || !ancestorIds(db, row.id).includes(id));
	const kinds: string[] = [...AREA_KINDS];
	for (const row of rows) if (!kinds.includes(row.kind)) kinds.push(row.kind);
	return kinds
		.map((kind) => ({ kind, options: rows.filter((row) => row.kind === kind).map(({ id: optionId, name }) => ({ id: optionId, name })) }))
		.filter((group) => group.options.length > 0);
}

// ---------------------------------------------------------------- audit trail

const AREA_FIELD_LABELS: ReadonlyArray<[keyof AreaInput, string]> = [
	['kind', '種類'],
	['name', '名前'],
	['nameKana', 'よみがな'],
	['slug', 'スラッグ'],
	['parentId', '親の地域'],
	['sortOrder', '並び順'],
	['centerLat', '中心の緯度'],
	['centerLng', '中心の経度'],
	['polygon', '範囲（ポリゴン）']
];

function polygonSummary(value: unknown): string {
	if (typeof value !== 'string' || value === '') return '';
	try {
		const geometry = JSON.parse(value) as { type: string; coordinates: unknown };
		const points = JSON.stringify(geometry.coordinates).match(/\[-?[\d.eE+-]+,-?[\d.eE+-]+/g)?.length ?? 0;
		return `${geometry.type}（${points}点）`;
	} catch {
		return '登録あり';
	}
}

export interface AreaHistoryEntry {
	id: number;
	at: string;
	who: string;
	action: string;
	changes: Array<{ label: string; before: string; after: string }>;
}

/** The area's audit log, newest first, in the words a curator reads. */
export function areaHistory(db: AppDatabase, id: string, limit = 30): AreaHistoryEntry[] {
	const names = new Map(db.select({ id: t.areas.id, name: t.areas.name }).from(t.areas).all().map((row) => [row.id, row.name]));
	const show = (field: keyof AreaInput, value: unknown): string => {
		if (value === null || value === undefined || value === '') return '';
		if (field === 'polygon') return polygonSummary(value);
		if (field === 'parentId') return names.get(String(value)) ?? '（削除された地域）';
		return String(value);
	};
	return auditTrail(db, AREA_AUDIT_ENTITY, id, limit).map((entry: AuditEntry) => {
		const before = (entry.before ?? {}) as Partial<Record<keyof AreaInput, unknown>>;
		const after = (entry.after ?? {}) as Partial<Record<keyof AreaInput, unknown>>;
		const changes = AREA_FIELD_LABELS.filter(([field]) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null)).map(
			([field, label]) => ({ label, before: show(field, before[field]), after: show(field, after[field]) })
		);
		return { id: entry.id, at: entry.at, who: entry.userName ?? '不明', action: AREA_AUDIT_LABELS[entry.action] ?? entry.action, changes };
	});
}
