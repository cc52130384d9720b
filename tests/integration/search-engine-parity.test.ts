/**
 * Both engines list a search for words the same way: listings with the words as typed in the name
 * first, then the shorter name, then よみがな. Meilisearch matches a word's parts anywhere in a name
 * or its reading (あさひ in 朝日's reading, 調剤薬局 in the name) and otherwise keeps equally relevant
 * listings in the order they were indexed; listed first here, the near misses come first there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSearchParams } from '../../src/lib/domain/search';
import { EmbeddedSearchEngine } from '../../src/lib/server/search/embedded';
import { MeilisearchSearchEngine } from '../../src/lib/server/search/meilisearch/engine';
import { reindexMeilisearch } from '../../src/lib/server/search/meilisearch/reindex';
import { SearchService } from '../../src/lib/server/search/service';
import { startMeilisearch, type MeilisearchProcess } from '../helpers/meilisearch';
import { createFixtureDatabase, fixtureServices, type FixtureDatabase } from '../helpers/search-fixture';

type EngineName = 'embedded' | 'meilisearch';

/** Listings whose names hold the words of another's name in another order or spelling. */
function withNearNames() {
	const services = fixtureServices();
	const like = (name: string, newName: string, reading: string, serial: number) => {
		const model = services.find((service) => service.name === name)!;
		const suffix = String(900 + serial).padStart(12, '0');
		return {
			...model,
			id: `00000000-0000-4000-8000-${suffix}`,
			name: newName,
			alternate_name: reading,
			description: `${newName}のご案内（テスト用の架空データ）。`,
			organization: { id: `20000000-0000-4000-8000-${suffix}`, name: `${newName}運営会` },
			service_at_locations: []
		};
	};
	// Indexed before the listings they resemble.
	return [
		like('あさひ調剤薬局', '朝日調剤薬局', 'あさひちょうざいやっきょく', 1),
		like('デイサービスひだまり', 'ひだまりデイサービスセンター', 'ひだまりでいさーびすせんたー', 2),
		...services
	];
}

let fixture: FixtureDatabase;
let meilisearch: MeilisearchProcess;
const services = {} as Record<EngineName, SearchService>;

beforeAll(async () => {
	fixture = await createFixtureDatabase(withNearNames());
	meilisearch = await startMeilisearch();
	const embedded = new EmbeddedSearchEngine(fixture.db);
	const meiliEngine = new MeilisearchSearchEngine({ url: meilisearch.url, apiKey: meilisearch.masterKey, index: 'services' });
	await reindexMeilisearch(fixture.db, meiliEngine);
	services.embedded = new SearchService(fixture.db, embedded, embedded);
	services.meilisearch = new SearchService(fixture.db, meiliEngine, embedded, (message) => {
		throw new Error(`unexpected fallback: ${message}`);
	});
});

afterAll(async () => {
	await meilisearch?.dispose();
	fixture?.dispose();
});

async function names(engine: EngineName, q: string): Promise<string[]> {
	const parsed = parseSearchParams(new URLSearchParams({ q }));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
	const served = await services[engine].search(parsed.query);
	expect(served.engine).toBe(engine);
	return served.result.hits.map((hit) => hit.name);
}

describe.each(['embedded', 'meilisearch'] as const)('words ranked alike: %s', (engine) => {
	it('puts the listing whose name is what was typed first (あさひ調剤薬局, not 朝日調剤薬局)', async () => {
		expect((await names(engine, 'あさひ調剤薬局'))[0]).toBe('あさひ調剤薬局');
	});

	it('puts the shorter of two names holding every word first (ひだまり デイ)', async () => {
		const found = await names(engine, 'ひだまり デイ');
		expect(found.slice(0, 2)).toEqual(['デイサービスひだまり', 'ひだまりデイサービスセンター']);
	});
});

describe('words ranked alike on both engines', () => {
	// Meilisearch may find a few more (朝日調剤薬局 for あさひ調剤薬局): after what both find, in the same order.
	it.each(['あさひ調剤薬局', 'ひだまり デイ', '薬局', '子ども食堂', 'デイサービス'])('lists the first page of 「%s」 in the same order', async (q) => {
		const embedded = await names('embedded', q);
		expect(embedded.length).toBeGreaterThan(0);
		expect((await names('meilisearch', q)).slice(0, embedded.length)).toEqual(embedded);
	});
});
