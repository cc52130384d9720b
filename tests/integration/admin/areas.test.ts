/**
 * Areas (地区・校区) in the admin area: curators create, rename and delete them; renaming re-indexes
 * the listings located in the area so search finds them by the new name; polygons are validated;
 * an area in use cannot be deleted; org_editors are refused (service and route).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import * as t from '../../../src/lib/server/db/schema';
import { EmbeddedSearchEngine } from '../../../src/lib/server/search/embedded';
import { SearchService } from '../../../src/lib/server/search/service';
import { SearchSync } from '../../../src/lib/server/search/sync';
import type { SearchQuery } from '../../../src/lib/domain/search';
import { ForbiddenError } from '../../../src/lib/server/auth/permissions';
import type { SessionUser } from '../../../src/lib/server/auth/types';
import { InputError } from '../../../src/lib/server/admin/workflow';
import {
	areaById,
	areaHistory,
	areaToValues,
	createArea,
	deleteArea,
	emptyAreaValues,
	listAreaGroups,
	parsePolygon,
	updateArea,
	type AreaContext,
	type AreaValues
} from '../../../src/lib/server/admin/areas';
import { load as listLoad } from '../../../src/routes/admin/areas/+page.server';
import { actions as newActions } from '../../../src/routes/admin/areas/new/+page.server';
import { createAdminFixture, type AdminFixture } from './fixture';

let f: AdminFixture;
let ctx: AreaContext;
let search: SearchService;
/** Every enqueue call, and whether it ran inside the write transaction. */
const enqueued: Array<{ ids: string[]; inTransaction: boolean }> = [];

const SQUARE = '{"type":"Polygon","coordinates":[[[133.52,33.56],[133.54,33.56],[133.54,33.57],[133.52,33.57],[133.52,33.56]]]}';

function values(overrides: Partial<AreaValues>): AreaValues {
	return { ...emptyAreaValues(), ...overrides };
}

async function inputErrors(promise: Promise<unknown> | (() => unknown)): Promise<Record<string, string>> {
	try {
		await (typeof promise === 'function' ? promise() : promise);
	} catch (caught) {
		if (caught instanceof InputError) return caught.errors;
		throw caught;
	}
	throw new Error('expected an InputError');
}

const query = (overrides: Partial<SearchQuery>): SearchQuery => ({ sort: 'name', page: 1, perPage: 50, ...overrides });

function indexedDoc(serviceId: string): { district: string | null; areaNames: string[] } | null {
	const row = f.db.$client.prepare('SELECT doc FROM search_docs WHERE service_id = ?').get(serviceId) as { doc: string } | undefined;
	return row ? (JSON.parse(row.doc) as { district: string | null; areaNames: string[] }) : null;
}

function auditActions(entityId: string): string[] {
	return f.db
		.select({ action: t.auditLog.action, entity: t.auditLog.entity })
		.from(t.auditLog)
		.where(eq(t.auditLog.entityId, entityId))
		.all()
		.filter((row) => row.entity === 'area')
		.map((row) => row.action);
}

function routeEvent(user: SessionUser, path: string, form?: Record<string, string>): RequestEvent {
	const url = new URL(`http://localhost${path}`);
	const body = form ? new URLSearchParams(form) : undefined;
	const request = new Request(url, { method: form ? 'POST' : 'GET', body });
	return { locals: { user, session: null }, url, request, params: {} } as unknown as RequestEvent;
}

beforeAll(async () => {
	f = await createAdminFixture();
	const embedded = new EmbeddedSearchEngine(f.db);
	const sync = new SearchSync(f.db, embedded);
	search = new SearchService(f.db, embedded, embedded, () => {});
	ctx = {
		db: f.db,
		search,
		searchSync: {
			enqueue: (ids, op) => {
				enqueued.push({ ids: [...ids], inTransaction: f.db.$client.inTransaction });
				sync.enqueue(ids, op);
			},
			afterCommit: (ids) => sync.afterCommit(ids)
		}
	};
	// Listing A's location lies in the fixture's 地区 「旭」.
	const { locationId } = f.db.select({ locationId: t.serviceLocations.locationId }).from(t.serviceLocations).where(eq(t.serviceLocations.serviceId, f.listingA)).get()!;
	f.db.insert(t.locationAreas).values({ locationId, areaId: f.districtId }).run();
	await sync.afterCommit([f.listingA]);
});
afterAll(() => f.close());

describe('creating areas', () => {
	it('creates an area with normalised values, audits it and makes it resolvable at once', async () => {
		expect(search.resolveArea('旭小')).toBeNull(); // warms the area cache
		const id = await createArea(
			ctx,
			f.curator,
			values({ kind: '小学校区', slug: ' ＡＳＡＨＩ-sho ', name: '旭小', nameKana: 'アサヒショウ', centerLat: '３３．５６２', centerLng: '１３３．５１３', sortOrder: '１０', polygon: SQUARE })
		);
		const row = areaById(f.db, id)!;
		expect(row).toMatchObject({ kind: '小学校区', slug: 'asahi-sho', name: '旭小', nameKana: 'あさひしょう', centerLat: 33.562, centerLng: 133.513, sortOrder: 10 });
		expect(JSON.parse(row.polygon!)).toEqual(JSON.parse(SQUARE));
		expect(auditActions(id)).toEqual(['create']);
		expect(search.resolveArea('旭小')?.id).toBe(id);
		expect(search.resolveArea('asahi-sho')?.id).toBe(id);
		const group = listAreaGroups(f.db).find((g) => g.kind === '小学校区')!;
		expect(group.areas.map((area) => area.name)).toContain('旭小');
	});

	it('refuses a slug already used in the same kind, and a bad slug, with Japanese messages', async () => {
		const duplicate = await inputErrors(createArea(ctx, f.curator, values({ kind: '地区', slug: 'asahi', name: '別の旭', nameKana: 'べつのあさひ' })));
		expect(duplicate.slug).toMatch(/すでにスラッグ「asahi」/);
		const bad = await inputErrors(createArea(ctx, f.curator, values({ kind: '', slug: 'あさひ', name: '', nameKana: 'asahi', centerLat: '33.56' })));
		expect(bad.kind).toMatch(/種類/);
		expect(bad.slug).toMatch(/半角の英小文字/);
		expect(bad.name).toMatch(/名前を入力/);
		expect(bad.nameKana).toMatch(/ひらがな/);
		expect(bad.centerLng).toMatch(/両方とも/);
		// The same slug in another kind is fine (地区 旭 and 中学校区 旭).
		const junior = await createArea(ctx, f.curator, values({ kind: '中学校区', slug: 'asahi', name: '旭', nameKana: 'あさひ' }));
		expect(areaById(f.db, junior)?.slug).toBe('asahi');
	});
});

describe('polygons', () => {
	it('rejects text that is not a GeoJSON Polygon/MultiPolygon with numeric [lng, lat] rings', async () => {
		const attempt = (polygon: string) => inputErrors(createArea(ctx, f.curator, values({ kind: '地区', slug: 'test-poly', name: 'ポリゴン試験', polygon })));
		const before = f.db.select().from(t.areas).all().length;
		expect((await attempt('{"type": "Polygon", coordinates: }')).polygon).toMatch(/GeoJSONとして読み取れません/);
		expect((await attempt('{"type":"Point","coordinates":[133.53,33.56]}')).polygon).toMatch(/"Polygon" か "MultiPolygon"/);
		expect((await attempt('{"type":"Polygon","coordinates":[[["133.52","33.56"],[133.54,33.56],[133.54,33.57],[133.52,33.56]]]}')).polygon).toMatch(
			/\[経度, 緯度\] の数値の組/
		);
		expect((await attempt('{"type":"Polygon","coordinates":[[[133.52,33.56],[133.54,33.56],[133.54,33.57],[133.53,33.58]]]}')).polygon).toMatch(/閉じて/);
		expect((await attempt('{"type":"Polygon","coordinates":[[[33.56,133.52],[33.56,133.54],[33.57,133.54],[33.56,133.52]]]}')).polygon).toMatch(
			/\[緯度, 経度\] の順/
		);
		expect((await attempt('[1,2,3]')).polygon).toMatch(/GeoJSON/);
		expect(f.db.select().from(t.areas).all().length).toBe(before);
	});

	it('accepts a MultiPolygon and a Feature wrapping a Polygon', () => {
		const square = JSON.parse(SQUARE) as { coordinates: unknown };
		const multi = parsePolygon(JSON.stringify({ type: 'MultiPolygon', coordinates: [square.coordinates, square.coordinates] }));
		expect(multi.ok).toBe(true);
		const feature = parsePolygon(`{"type":"Feature","properties":{},"geometry":${SQUARE}}`);
		expect(feature).toEqual({ ok: true, value: JSON.stringify(JSON.parse(SQUARE)) });
		expect(parsePolygon('   ')).toEqual({ ok: true, value: null });
	});
});

describe('renaming an area', () => {
	it('re-indexes the listings located in it so search finds them by the new name', async () => {
		expect(search.resolveArea('旭地区')?.id).toBe(f.districtId); // cache warm with the old name
		expect(indexedDoc(f.listingA)?.district).toBe('旭');
		const updatedBefore = f.db.select({ at: t.services.updatedAt }).from(t.services).where(eq(t.services.id, f.listingA)).get()!.at;
		enqueued.length = 0;

		const current = areaToValues(areaById(f.db, f.districtId)!);
		const outcome = await updateArea(ctx, f.curator, f.districtId, { ...current, name: '朝日', nameKana: 'アサヒ' });

		expect(outcome).toEqual({ changed: true, reindexed: 1 });
		expect(enqueued).toEqual([{ ids: [f.listingA], inTransaction: true }]);
		expect(f.db.select({ at: t.services.updatedAt }).from(t.services).where(eq(t.services.id, f.listingA)).get()!.at).not.toBe(updatedBefore);
		// The other listing (not in the area) was left alone.
		expect(indexedDoc(f.listingB)?.areaNames).toEqual([]);
		expect(indexedDoc(f.listingA)).toMatchObject({ district: '朝日', areaNames: ['朝日'] });

		// Area resolution sees the new name at once, the old one no longer.
		expect(search.resolveArea('朝日地区')?.id).toBe(f.districtId);
		expect(search.resolveArea('旭地区')).toBeNull();
		const byArea = await search.search(query({ area: '朝日' }));
		expect(byArea.area?.name).toBe('朝日');
		expect(byArea.result.hits.map((hit) => hit.id)).toEqual([f.listingA]);
		const byText = await search.search(query({ q: '朝日 サロン' }));
		expect(byText.result.hits.map((hit) => hit.id)).toContain(f.listingA);
		expect(byText.result.facets.area['朝日']).toBe(1);

		expect(auditActions(f.districtId)).toEqual(['update']);
		const [entry] = areaHistory(f.db, f.districtId);
		expect(entry.action).toBe('編集');
		expect(entry.changes).toEqual([
			{ label: '名前', before: '旭', after: '朝日' },
			{ label: 'よみがな', before: '', after: 'あさひ' }
		]);
	});

	it('writes nothing when nothing changed, and re-indexes nothing when only the sort order changed', async () => {
		enqueued.length = 0;
		const current = areaToValues(areaById(f.db, f.districtId)!);
		expect(await updateArea(ctx, f.curator, f.districtId, current)).toEqual({ changed: false, reindexed: 0 });
		expect(await updateArea(ctx, f.curator, f.districtId, { ...current, sortOrder: '5' })).toEqual({ changed: true, reindexed: 0 });
		expect(enqueued).toEqual([]);
		expect(auditActions(f.districtId)).toEqual(['update', 'update']);
	});

	it('refuses a parent that would make a loop', async () => {
		const city = await createArea(ctx, f.curator, values({ kind: '市域', slug: 'kochi-city', name: '高知市', nameKana: 'こうちし', sortOrder: '0' }));
		const district = areaToValues(areaById(f.db, f.districtId)!);
		await updateArea(ctx, f.curator, f.districtId, { ...district, parentId: city });
		const cityValues = areaToValues(areaById(f.db, city)!);
		expect((await inputErrors(updateArea(ctx, f.curator, city, { ...cityValues, parentId: f.districtId }))).parentId).toMatch(/輪/);
		expect((await inputErrors(updateArea(ctx, f.curator, city, { ...cityValues, parentId: city }))).parentId).toMatch(/自身/);
		// A parent with children cannot be deleted either.
		expect((await inputErrors(() => deleteArea(ctx, f.curator, city)))._form).toMatch(/親にしている地域が1件（朝日）/);
	});
});

describe('deleting areas', () => {
	it('refuses while a location uses the area, with a Japanese message', async () => {
		const errors = await inputErrors(() => deleteArea(ctx, f.curator, f.districtId));
		expect(errors._form).toMatch(/1か所の所在地（掲載情報1件）で使われているため、削除できません/);
		expect(areaById(f.db, f.districtId)).not.toBeNull();
		expect(auditActions(f.districtId)).not.toContain('delete');
	});

	it('deletes an unused area, audits it and forgets it in area resolution', async () => {
		const id = await createArea(ctx, f.curator, values({ kind: '小学校区', slug: 'temporary', name: '一時校区', nameKana: 'いちじこうく' }));
		expect(search.resolveArea('一時校区')?.id).toBe(id);
		deleteArea(ctx, f.curator, id);
		expect(areaById(f.db, id)).toBeNull();
		expect(auditActions(id)).toEqual(['create', 'delete']);
		expect(search.resolveArea('一時校区')).toBeNull();
	});
});

describe('permissions', () => {
	it('refuses org_editors in the service functions', async () => {
		const before = f.db.select().from(t.areas).all().length;
		await expect(createArea(ctx, f.editorA, values({ kind: '地区', slug: 'nope', name: '不可', nameKana: 'ふか' }))).rejects.toBeInstanceOf(ForbiddenError);
		const current = areaToValues(areaById(f.db, f.districtId)!);
		await expect(updateArea(ctx, f.editorA, f.districtId, { ...current, name: '乗っ取り' })).rejects.toBeInstanceOf(ForbiddenError);
		expect(() => deleteArea(ctx, f.editorB, f.districtId)).toThrow(ForbiddenError);
		expect(f.db.select().from(t.areas).all().length).toBe(before);
		expect(areaById(f.db, f.districtId)?.name).toBe('朝日');
	});

	it('answers 403 to org_editors on the pages and form actions', async () => {
		const status = async (run: () => unknown) => {
			try {
				await run();
			} catch (caught) {
				if (isHttpError(caught)) return caught.status;
				throw caught;
			}
			return 200;
		};
		expect(await status(() => listLoad(routeEvent(f.editorA, '/admin/areas') as never))).toBe(403);
		expect(await status(() => newActions.save(routeEvent(f.editorA, '/admin/areas/new?/save', { kind: '地区', slug: 'x', name: 'x' }) as never))).toBe(403);
	});
});
