/**
 * The embedded engine starts from what indexing stored (resident records, the lexicon) instead of
 * re-deriving it from every document: a restart must answer exactly as the engine that indexed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db';
import { parseSearchParams, type SearchDocument, type SearchQuery } from '../../src/lib/domain/search';
import { Lexicon } from '../../src/lib/domain/text/lexicon';
import { EmbeddedSearchEngine } from '../../src/lib/server/search/embedded';
import { SearchService } from '../../src/lib/server/search/service';
import { SearchSync } from '../../src/lib/server/search/sync';
import { createFixtureDatabase, fixtureId, type FixtureDatabase } from '../helpers/search-fixture';
import path from 'node:path';

/** Tuesday 10:30 and Saturday 18:00 in 高知 (salons, 子ども食堂 on the 2nd Saturday). */
const TUESDAY_MORNING = new Date('2026-11-03T01:30:00Z');
const SATURDAY_EVENING = new Date('2026-11-14T09:00:00Z');

const QUERIES: Array<[Record<string, string>, Date]> = [
	[{ q: '薬局' }, TUESDAY_MORNING],
	[{ q: 'やっきょく' }, TUESDAY_MORNING],
	[{ q: '旭の薬局' }, TUESDAY_MORNING],
	[{ q: 'サロン', area: '旭' }, TUESDAY_MORNING],
	[{ open_now: 'true' }, TUESDAY_MORNING],
	[{ open_now: 'true' }, SATURDAY_EVENING],
	[{ q: '食堂', open_now: 'true' }, SATURDAY_EVENING],
	[{ weekday: '2' }, TUESDAY_MORNING],
	[{ field: '医療', lat: '33.5665', lng: '133.5135', radius_km: '3', sort: 'distance' }, TUESDAY_MORNING]
];

function query(params: Record<string, string>, now: Date): SearchQuery {
	const parsed = parseSearchParams(new URLSearchParams(params));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
	return { ...parsed.query, now };
}

async function answers(db: AppDatabase) {
	const engine = new EmbeddedSearchEngine(db);
	const service = new SearchService(db, engine, engine);
	const results = [];
	for (const [params, now] of QUERIES) results.push((await service.search(query(params, now))).result);
	return results;
}

/** word → uses, gathered from the stored documents' words (what the lexicon must hold). */
function wordCounts(lexicon: Lexicon): Record<string, number> {
	return Object.fromEntries([...lexicon.entries()].map((entry) => [entry.folded, entry.count]).sort());
}

function lexiconOfDocuments(db: AppDatabase): Lexicon {
	const lexicon = new Lexicon();
	for (const json of db.$client.prepare('SELECT doc FROM search_docs').pluck().all() as string[]) {
		for (const [surface, reading] of (JSON.parse(json) as SearchDocument).words ?? []) lexicon.add(surface, reading);
	}
	return lexicon;
}

function storedLexicon(db: AppDatabase): Lexicon {
	return new EmbeddedSearchEngine(db).lexicon();
}

let fixture: FixtureDatabase | null = null;
const opened: AppDatabase[] = [];
function reopen(file: string): AppDatabase {
	const db = openDatabase(file, { migrationsDir: path.resolve('drizzle') });
	opened.push(db);
	return db;
}

afterEach(() => {
	for (const db of opened.splice(0)) db.$client.close();
	fixture?.dispose();
	fixture = null;
});

describe('stored embedded index', () => {
	it('answers after a restart exactly as the engine that indexed, with the stored lexicon', async () => {
		fixture = await createFixtureDatabase();
		const before = await answers(fixture.db);
		expect(before.every((result) => result.total > 0)).toBe(true);
		const restarted = reopen(fixture.file);
		expect(await answers(restarted)).toEqual(before);
		expect(wordCounts(storedLexicon(restarted))).toEqual(wordCounts(lexiconOfDocuments(restarted)));
	});

	it('keeps the stored lexicon in step as listings change and go', async () => {
		fixture = await createFixtureDatabase();
		const engine = new EmbeddedSearchEngine(fixture.db);
		const pharmacy = (await engine.get(fixtureId(0)))!;
		await engine.upsert([{ ...pharmacy, name: '旭町ほおっちょけん調剤薬局', words: [['調剤薬局', 'ちょうざいやっきょく'], ['ほおっちょけん', 'ほおっちょけん']] }]);
		await engine.remove([fixtureId(1), fixtureId(2)]);
		const restarted = reopen(fixture.file);
		expect(wordCounts(storedLexicon(restarted))).toEqual(wordCounts(lexiconOfDocuments(restarted)));
		const service = new SearchService(restarted, new EmbeddedSearchEngine(restarted), new EmbeddedSearchEngine(restarted));
		const { result } = await service.search(query({ q: 'ちょうざいやっきょく' }, TUESDAY_MORNING));
		expect(result.hits.map((hit) => hit.name)).toEqual(['旭町ほおっちょけん調剤薬局']);
	});

	it('finds at start the listings the index missed, holds an older version of, or should no longer show, and repairs them', async () => {
		fixture = await createFixtureDatabase();
		const sqlite = fixture.db.$client;
		const [missing, behind, archived, renamed] = [fixtureId(2), fixtureId(3), fixtureId(4), fixtureId(5)];
		// As a crash between a listing's commit and its index update leaves them.
		sqlite.prepare('DELETE FROM search_fts WHERE rowid = (SELECT rowid FROM search_docs WHERE service_id = ?)').run(missing);
		sqlite.prepare('DELETE FROM search_docs WHERE service_id = ?').run(missing);
		sqlite.prepare("UPDATE services SET name = 'はるの調剤薬局', updated_at = '2099-01-01T00:00:00.000Z' WHERE id = ?").run(behind);
		sqlite.prepare("UPDATE services SET status = 'archived' WHERE id = ?").run(archived);
		sqlite.prepare("UPDATE search_docs SET service_id = 'no-such-listing' WHERE service_id = ?").run(renamed);
		const restarted = reopen(fixture.file);
		const sync = new SearchSync(restarted, new EmbeddedSearchEngine(restarted));
		expect(sync.staleListingIds().sort()).toEqual([missing, behind, archived, renamed, 'no-such-listing'].sort());
		expect(await sync.catchUp()).toEqual({ embeddedRepaired: 5 });
		expect(sync.staleListingIds()).toEqual([]);
		const engine = new EmbeddedSearchEngine(restarted);
		expect(await engine.count()).toBe(restarted.$client.prepare("SELECT count(*) FROM services WHERE status = 'published'").pluck().get());
		expect((await engine.get(behind))?.name).toBe('はるの調剤薬局');
		expect(await engine.get(archived)).toBeNull();
		expect(await engine.get('no-such-listing')).toBeNull();
	});

	it('upgrades an index stored before resident records and the lexicon table, once', async () => {
		fixture = await createFixtureDatabase();
		const before = await answers(fixture.db);
		fixture.db.$client.exec("UPDATE search_docs SET resident = ''; DELETE FROM search_lexicon;");
		const upgraded = reopen(fixture.file);
		expect(await answers(upgraded)).toEqual(before);
		const sqlite = upgraded.$client;
		expect(sqlite.prepare("SELECT count(*) FROM search_docs WHERE resident = ''").pluck().get()).toBe(0);
		expect(wordCounts(storedLexicon(reopen(fixture.file)))).toEqual(wordCounts(lexiconOfDocuments(upgraded)));
	});
});
