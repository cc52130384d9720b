/**
 * The search contract, run the same against both engines: the embedded SQLite engine and a real
 * Meilisearch process. Queries go through parseSearchParams and SearchService, as /api/search does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSearchParams, type SearchHit, type SearchQuery } from '../../src/lib/domain/search';
import { haversineMeters } from '../../src/lib/domain/geo';
import { EmbeddedSearchEngine } from '../../src/lib/server/search/embedded';
import { MeilisearchSearchEngine } from '../../src/lib/server/search/meilisearch/engine';
import { reindexMeilisearch } from '../../src/lib/server/search/meilisearch/reindex';
import { SearchService, type ServedSearch } from '../../src/lib/server/search/service';
import { startMeilisearch, type MeilisearchProcess } from '../helpers/meilisearch';
import { createFixtureDatabase, fixtureServices, type FixtureDatabase } from '../helpers/search-fixture';

type EngineName = 'embedded' | 'meilisearch';

let fixture: FixtureDatabase;
let meilisearch: MeilisearchProcess;
const services = {} as Record<EngineName, SearchService>;

beforeAll(async () => {
	fixture = await createFixtureDatabase();
	meilisearch = await startMeilisearch();
	const embedded = new EmbeddedSearchEngine(fixture.db);
	const meiliEngine = new MeilisearchSearchEngine({ url: meilisearch.url, apiKey: meilisearch.masterKey, index: 'services' });
	await reindexMeilisearch(fixture.db, meiliEngine);
	const failLoudly = (message: string) => {
		throw new Error(`unexpected fallback: ${message}`);
	};
	services.embedded = new SearchService(fixture.db, embedded, embedded);
	services.meilisearch = new SearchService(fixture.db, meiliEngine, embedded, failLoudly);
});

afterAll(async () => {
	await meilisearch?.dispose();
	fixture?.dispose();
});

const listings = fixtureServices().filter((service) => service.status === 'active');
const idOf = (name: string) => listings.find((listing) => listing.name === name)!.id;
const idsWhere = (predicate: (listing: (typeof listings)[number]) => boolean) => listings.filter(predicate).map((listing) => listing.id);
const hasTerm = (code: string) => (listing: (typeof listings)[number]) => listing.attributes!.some((a) => a.taxonomy_term.code === code);
const areaOf = (listing: (typeof listings)[number]) => listing.service_at_locations?.[0]?.location['x-area'] ?? null;

/** 2025-06-10 is the second Tuesday of June. */
const SECOND_TUESDAY_1030_JST = new Date('2025-06-10T01:30:00Z');
/** Sunday 02:00 JST: only the Saturday-night span and the 24-hour service are open. */
const SUNDAY_0200_JST = new Date('2025-06-07T17:00:00Z');

async function search(engine: EngineName, params: Record<string, string | undefined>, now?: Date): Promise<ServedSearch> {
	const defined = Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined);
	const parsed = parseSearchParams(new URLSearchParams(defined));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
	const query: SearchQuery = { ...parsed.query, now };
	const served = await services[engine].search(query);
	expect(served.engine).toBe(engine);
	return served;
}

const ids = (hits: SearchHit[]) => hits.map((hit) => hit.id);
const sortedEntries = (record: Record<string, number>) => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1));

describe.each(['embedded', 'meilisearch'] as const)('search contract: %s', (engine) => {
	it('finds a 2-character word inside names (薬局 in 〜薬局) and counts only published listings', async () => {
		const { result } = await search(engine, { q: '薬局', per_page: '100' });
		const pharmacies = idsWhere(hasTerm('pharmacy'));
		expect(pharmacies).toHaveLength(4);
		expect(ids(result.hits)).toEqual(expect.arrayContaining(pharmacies));
		expect(result.hits.slice(0, 4).map((hit) => hit.name)).toEqual(expect.arrayContaining([expect.stringContaining('薬局')]));
		expect(result.hits.map((hit) => hit.name)).not.toContain('閉鎖した薬局');
	});

	it.each([
		['やっきょく', 'pharmacy'],
		['ヤッキョク', 'pharmacy'],
		['ひゃくさいたいそう', 'hyakusai-taiso'],
		['でいさーびす', 'day-service'],
		['こうみんかん', 'community-center']
	])('reads %s as the listings spell it', async (q, term) => {
		const { result } = await search(engine, { q });
		expect(ids(result.hits)).toEqual(expect.arrayContaining(idsWhere(hasTerm(term))));
		expect(result.hits[0].terms).toContain(term);
	});

	it('finds a listing without よみがな by its generated reading', async () => {
		const { result } = await search(engine, { q: 'あさひぬくもり' });
		expect(result.hits[0]?.id).toBe(idOf('旭ぬくもり百歳体操の会'));
	});

	it.each(['子ども食堂', '子供食堂', 'こども食堂', 'コドモ食堂'])('treats 表記ゆれ %s as one word', async (q) => {
		const { result } = await search(engine, { q });
		expect(ids(result.hits).slice(0, 2).sort()).toEqual(idsWhere(hasTerm('kodomo-shokudo')).sort());
	});

	it.each([
		['ｻﾛﾝ', 'salon'],
		['ｻﾛﾝ 旭', 'salon'],
		['包括', 'care-center'],
		['社協', 'social-welfare-council'],
		['デイ', 'day-service'],
		['ファミサポ', 'family-support'],
		['障害者相談', 'disability-consult'],
		['ほっちょけん', 'pharmacy'],
		['公民間', 'community-center']
	])('understands %s (width, abbreviation, variant, sound, typo)', async (q, term) => {
		const { result } = await search(engine, { q });
		expect(result.total).toBeGreaterThan(0);
		expect(result.hits[0].terms).toContain(term);
	});

	it('finds the ほおっちょけん desk written in katakana', async () => {
		const { result } = await search(engine, { q: 'ホオッチョケン' });
		expect(ids(result.hits).slice(0, 3)).toContain(idOf('旭町ほおっちょけん薬局'));
	});

	it.each([
		['電球が切れて困っている', '一宮お助け隊'],
		['ゴミを出せない', '一宮お助け隊'],
		['子どもを預けたい', '高知市ファミリー・サポート・センター']
	])('answers the worry %s', async (q, first) => {
		const { result } = await search(engine, { q });
		expect(result.hits[0]?.name).toBe(first);
	});

	it('takes an area word in the text as an area filter (旭の薬局)', async () => {
		const { result, area } = await search(engine, { q: '旭の薬局' });
		expect(area).toBeNull();
		expect(ids(result.hits).sort()).toEqual(idsWhere((l) => hasTerm('pharmacy')(l) && areaOf(l) === '旭').sort());
	});

	it.each([
		[{ field: '介護' }, (l: (typeof listings)[number]) => l.attributes!.some((a) => a.taxonomy_term.name === '介護')],
		[{ term: 'salon' }, hasTerm('salon')],
		[{ area: '春野' }, (l: (typeof listings)[number]) => areaOf(l) === '春野'],
		[{ target: '子ども・子育て世帯' }, (l: (typeof listings)[number]) => l.attributes!.some((a) => a.taxonomy_term.name === '子ども・子育て世帯')],
		[{ desk: 'true' }, (l: (typeof listings)[number]) => l['x-desk'] === true]
	])('filters %o exactly', async (params, predicate) => {
		const { result } = await search(engine, { ...params, per_page: '100' });
		expect(ids(result.hits).sort()).toEqual(idsWhere(predicate).sort());
		expect(result.total).toBe(result.hits.length);
	});

	it('filters by weekday, counting monthly sessions on their weekday', async () => {
		const { result } = await search(engine, { weekday: '2', q: 'サロン', per_page: '100' });
		expect(ids(result.hits)).toContain(idOf('いきいきサロン 旭'));
		const { result: sunday } = await search(engine, { weekday: '0', per_page: '100' });
		expect(ids(sunday.hits).sort()).toEqual([idOf('夜間休日診療所'), idOf('24時間訪問看護ステーション'), idOf('春野公民館')].sort());
	});

	it('evaluates open now exactly at a pinned instant', async () => {
		const { result } = await search(engine, { open_now: 'true', per_page: '100' }, SECOND_TUESDAY_1030_JST);
		expect(ids(result.hits)).toEqual(expect.arrayContaining([idOf('いきいきサロン 旭'), idOf('旭ぬくもり百歳体操の会'), idOf('旭町ほおっちょけん薬局')]));
		expect(ids(result.hits)).not.toContain(idOf('子供食堂あさひ'));
		const { result: night } = await search(engine, { open_now: 'true', per_page: '100' }, SUNDAY_0200_JST);
		expect(ids(night.hits).sort()).toEqual([idOf('夜間休日診療所'), idOf('24時間訪問看護ステーション')].sort());
		expect(night.total).toBe(2);
		expect(night.facets.field).toEqual({ 医療: 2 });
	});

	it('answers open now the same as the embedded engine, with text and facets', async () => {
		for (const params of [{ q: 'サロン' }, { field: '地域資源' }, {}]) {
			const query = { ...params, open_now: 'true', sort: 'name', per_page: '100' };
			const [mine, reference] = await Promise.all([search(engine, query, SECOND_TUESDAY_1030_JST), search('embedded', query, SECOND_TUESDAY_1030_JST)]);
			expect(ids(mine.result.hits)).toEqual(ids(reference.result.hits));
			expect(sortedEntries(mine.result.facets.area)).toEqual(sortedEntries(reference.result.facets.area));
		}
	});

	it('limits to a radius and sorts by distance as haversine says', async () => {
		const origin = { lat: 33.5665, lng: 133.5135 };
		const { result } = await search(engine, { lat: String(origin.lat), lng: String(origin.lng), radius_km: '3', sort: 'distance', per_page: '100' });
		const inside = listings.filter((listing) => {
			const location = listing.service_at_locations?.[0]?.location;
			return location && haversineMeters(origin, { lat: location.latitude!, lng: location.longitude! }) <= 3000;
		});
		expect(ids(result.hits).sort()).toEqual(inside.map((listing) => listing.id).sort());
		let previous = -1;
		for (const hit of result.hits) {
			const distance = haversineMeters(origin, { lat: hit.lat!, lng: hit.lng! });
			expect(Math.abs(hit.distance_m! - distance)).toBeLessThanOrEqual(1);
			expect(distance).toBeGreaterThanOrEqual(previous - 1);
			previous = distance;
		}
	});

	it('ranks name matches by distance when a location is given', async () => {
		const origin = { lat: 33.5125, lng: 133.4905 }; // 春野
		const { result } = await search(engine, { q: '薬局', lat: String(origin.lat), lng: String(origin.lng) });
		expect(result.hits[0].id).toBe(idOf('はるの薬局'));
	});

	it('counts facets over all matches', async () => {
		const { result } = await search(engine, { q: 'サロン', per_page: '1' });
		const salons = listings.filter(hasTerm('salon'));
		expect(result.total).toBe(salons.length);
		expect(result.facets.field).toEqual({ 地域資源: salons.length });
		expect(sortedEntries(result.facets.area)).toEqual([
			['一宮', salons.filter((l) => areaOf(l) === '一宮').length],
			['旭', salons.filter((l) => areaOf(l) === '旭').length],
			['春野', salons.filter((l) => areaOf(l) === '春野').length]
		].sort(([a], [b]) => (a < b ? -1 : 1)));
		expect(result.facets.target).toEqual({ 高齢者: salons.length });
	});

	it('pages through results without gaps or repeats, honouring per_page', async () => {
		const all = await search(engine, { q: 'サロン', per_page: '100' });
		const seen: string[] = [];
		for (let page = 1; page <= 6; page++) {
			const { result } = await search(engine, { q: 'サロン', per_page: '5', page: String(page) });
			expect(result.per_page).toBe(5);
			expect(result.page).toBe(page);
			expect(result.total).toBe(all.result.total);
			expect(result.hits.length).toBe(Math.max(0, Math.min(5, all.result.total - (page - 1) * 5)));
			seen.push(...ids(result.hits));
		}
		expect(new Set(seen).size).toBe(seen.length);
		expect(seen.sort()).toEqual(ids(all.result.hits).sort());
	});

	it('orders by name (よみがな) and by distance exactly like the embedded engine', async () => {
		for (const params of [
			{ sort: 'name', per_page: '100' },
			{ sort: 'name', q: 'サロン', page: '2', per_page: '7' },
			{ lat: '33.58', lng: '133.53', per_page: '100' },
			{ q: '百歳体操', field: '地域資源', area: '旭', target: '高齢者', weekday: '2', sort: 'name' }
		]) {
			const [mine, reference] = await Promise.all([search(engine, params), search('embedded', params)]);
			expect(ids(mine.result.hits)).toEqual(ids(reference.result.hits));
			expect(mine.result.total).toBe(reference.result.total);
		}
	});
});
