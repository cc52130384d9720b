/**
 * Taxonomy in the database, end to end on a real SQLite file and a real Meilisearch: a curator
 * adds a term and renames one, public filters and both engines show it after the re-index; a
 * curator adds a 困りごと concept and queries are planned with it; an organisation editor can
 * change none of it; seeding is idempotent and keeps curators' edits and unknown fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../src/lib/server/app';
import { loadConfig } from '../../src/lib/server/config';
import { openDatabase } from '../../src/lib/server/db';
import { ForbiddenError } from '../../src/lib/server/auth/permissions';
import type { SessionUser } from '../../src/lib/server/auth/types';
import { reindexMeilisearch } from '../../src/lib/server/search/meilisearch/reindex';
import { SearchService, UnknownTermError } from '../../src/lib/server/search/service';
import { seedTaxonomy, TaxonomyStore } from '../../src/lib/server/taxonomy';
import {
	addConcept,
	addTerm,
	conceptById,
	conceptToValues,
	renameTerm,
	updateConcept,
	type TaxonomyContext
} from '../../src/lib/server/admin/taxonomy';
import { InputError } from '../../src/lib/server/admin/workflow';
import { guidedWorries } from '../../src/lib/server/guided';
import { compileDictionaries, SHIPPED_DICTIONARIES } from '../../src/lib/domain/text/dictionaries';
import { QueryPlanner } from '../../src/lib/server/search/planner';
import { EVAL_QUERY_FILES, FINAL_QUERY_FILE } from '../../src/lib/server/search/evaluation';
import { TAXONOMY_TERMS } from '../../src/lib/domain/taxonomy';
import type { SearchQuery, SearchResult } from '../../src/lib/domain/search';
import { startMeilisearch, type MeilisearchProcess } from '../helpers/meilisearch';
import { createFixtureDatabase, type FixtureDatabase } from '../helpers/search-fixture';

const curator: SessionUser = { id: 'curator-1', email: 'c@example.jp', displayName: '市 担当', role: 'curator', organizationIds: [] };
const editor: SessionUser = { id: 'editor-1', email: 'e@example.jp', displayName: '団体 編集', role: 'org_editor', organizationIds: [] };

let fixture: FixtureDatabase;
let meilisearch: MeilisearchProcess;
let app: App;
let ctx: TaxonomyContext;
/** The same app's search on the embedded engine alone (same planner inputs, same taxonomy). */
let embeddedService: SearchService;

const query = (overrides: Partial<SearchQuery>): SearchQuery => ({ sort: 'relevance', page: 1, perPage: 50, ...overrides });

/** The same query on both engines, planned by the app's planner (as the routes do). */
async function bothEngines(q: Partial<SearchQuery>): Promise<{ embedded: SearchResult; meilisearch: SearchResult }> {
	await app.searchSync.outbox?.drain();
	const served = await app.search.search(query(q));
	expect(served.engine).toBe('meilisearch');
	const embedded = await embeddedService.search(query(q));
	expect(embedded.engine).toBe('embedded');
	return { embedded: embedded.result, meilisearch: served.result };
}

beforeAll(async () => {
	fixture = await createFixtureDatabase();
	meilisearch = await startMeilisearch();
	app = createApp({
		...loadConfig({}),
		databasePath: fixture.file,
		meiliUrl: meilisearch.url,
		meiliMasterKey: meilisearch.masterKey,
		meiliIndex: 'services'
	});
	if (!app.meilisearch) throw new Error('Meilisearch not configured');
	await reindexMeilisearch(app.db, app.meilisearch);
	ctx = { db: app.db, searchSync: app.searchSync, taxonomy: app.taxonomy };
	embeddedService = new SearchService(app.db, app.embedded, app.embedded, undefined, undefined, app.taxonomy);
});

afterAll(async () => {
	const worker = app?.searchSync.outbox as { stop?: () => void } | null;
	worker?.stop?.();
	app?.db.$client.close();
	await meilisearch?.dispose();
	fixture?.dispose();
});

describe('taxonomy terms from the database', () => {
	it('seeds the built-in terms and the concepts of worries.json', () => {
		expect(app.taxonomy.terms().map((term) => term.code)).toEqual(expect.arrayContaining(TAXONOMY_TERMS.map((term) => term.code)));
		expect(app.taxonomy.concepts()).toHaveLength(SHIPPED_DICTIONARIES.worries.worries.length);
	});

	it('a new term appears in the public filters and is accepted as term=', async () => {
		await expect(app.search.search(query({ term: 'food-bank' }))).rejects.toBeInstanceOf(UnknownTermError);
		const code = addTerm(ctx, curator, { code: 'ｆｏｏｄ-bank', name: 'フードバンク', kana: 'フードバンク', field: '地域資源' });
		expect(code).toBe('food-bank');
		const group = app.taxonomy.groups().find((g) => g.field === '地域資源');
		expect(group?.terms.at(-1)).toEqual({ code: 'food-bank', name: 'フードバンク', kana: 'ふーどばんく', field: '地域資源' });
		const { result } = await app.search.search(query({ term: 'food-bank' }));
		expect(result.total).toBe(0);
	});

	it('refuses a code that exists or is not ASCII, in Japanese', () => {
		expect(() => addTerm(ctx, curator, { code: 'salon', name: '別のサロン', kana: '', field: '地域資源' })).toThrow(/すでにあります/);
		try {
			addTerm(ctx, curator, { code: 'さろん', name: 'x', kana: '', field: '地域資源' });
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(InputError);
			expect((error as InputError).errors.code).toMatch(/半角の英小文字/);
		}
	});

	it('renaming a term keeps its code and shows the new name in both engines after the re-index', async () => {
		const before = await bothEngines({ term: 'salon' });
		expect(before.embedded.total).toBeGreaterThan(10);
		const outcome = await renameTerm(ctx, curator, 'salon', { name: 'つどいの場・サロン', kana: 'つどいのば・さろん' });
		expect(outcome).toEqual({ changed: true, reindexed: before.embedded.total });
		expect(app.taxonomy.term('salon')?.name).toBe('つどいの場・サロン');

		const after = await bothEngines({ term: 'salon' });
		for (const result of [after.embedded, after.meilisearch]) {
			expect(result.total).toBe(before.embedded.total);
			for (const hit of result.hits) expect(hit.term_names).toContain('つどいの場・サロン');
		}
		// The new name is searchable text too.
		const byName = await bothEngines({ q: 'つどいの場' });
		const salonIds = new Set(after.embedded.hits.map((hit) => hit.id));
		for (const result of [byName.embedded, byName.meilisearch]) {
			expect(result.hits.length).toBeGreaterThan(0);
			expect(result.hits.every((hit) => salonIds.has(hit.id))).toBe(true);
		}
	});

	it('a listing given the new term is found by it on both engines', async () => {
		const sqlite = app.db.$client;
		const listingId = sqlite.prepare("SELECT id FROM services WHERE status = 'published' AND field = '地域資源' ORDER BY id LIMIT 1").pluck().get() as string;
		const termId = sqlite.prepare("SELECT id FROM taxonomy_terms WHERE code = 'food-bank'").pluck().get() as string;
		sqlite.transaction(() => {
			sqlite.prepare('INSERT INTO service_terms (service_id, term_id) VALUES (?, ?)').run(listingId, termId);
			sqlite.prepare('UPDATE services SET updated_at = ? WHERE id = ?').run(new Date().toISOString(), listingId);
			app.searchSync.enqueue([listingId]);
		})();
		await app.searchSync.afterCommit([listingId]);
		const found = await bothEngines({ term: 'food-bank' });
		for (const result of [found.embedded, found.meilisearch]) {
			expect(result.hits.map((hit) => hit.id)).toEqual([listingId]);
			expect(result.hits[0].term_names).toContain('フードバンク');
		}
	});
});

describe('困りごと concepts from the database', () => {
	it('a new concept plans queries once the change is committed, compiled once per change', async () => {
		const dictionariesBefore = app.taxonomy.dictionaries();
		expect(app.taxonomy.dictionaries()).toBe(dictionariesBefore);
		const versionBefore = app.taxonomy.version;
		const id = addConcept(ctx, curator, {
			concept: '食料の支援',
			field: '地域資源',
			keys: '食べ物が足りない\n食料支援、食品の寄付',
			lookFor: 'term:food-bank\ntag:食事の提供',
			generic: false
		});
		expect(app.taxonomy.version).toBe(versionBefore + 1);
		const dictionariesAfter = app.taxonomy.dictionaries();
		expect(dictionariesAfter).not.toBe(dictionariesBefore);
		expect(app.taxonomy.dictionaries()).toBe(dictionariesAfter);

		const plan = app.search.planner.plan('食べ物が足りない');
		expect(plan?.levels[0].tiers[0]).toEqual({ term: 'food-bank' });
		const { embedded, meilisearch: meili } = await bothEngines({ q: '食べ物が足りない' });
		const listingId = app.db.$client.prepare("SELECT st.service_id FROM service_terms st JOIN taxonomy_terms t ON t.id = st.term_id WHERE t.code = 'food-bank'").pluck().get();
		expect(embedded.hits[0]?.id).toBe(listingId);
		expect(meili.hits[0]?.id).toBe(listingId);

		// Renaming the concept keeps what it means.
		updateConcept(ctx, curator, id, { concept: '食べ物の支援', field: '地域資源', keys: '食べ物が足りない\n食料支援\n食品の寄付', lookFor: 'term:food-bank', generic: false });
		expect(app.taxonomy.concepts().find((concept) => concept.id === id)?.concept).toBe('食べ物の支援');
		expect(app.search.planner.plan('食料支援')?.levels[0].tiers).toEqual([{ term: 'food-bank' }]);
	});

	it('refuses unknown term codes and words that belong to another concept', () => {
		const existingKey = SHIPPED_DICTIONARIES.worries.worries[0].keys[0];
		try {
			addConcept(ctx, curator, { concept: '試し', field: '', keys: `${existingKey}\n新しいことば`, lookFor: 'term:no-such-term', generic: false });
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(InputError);
			const errors = (error as InputError).errors;
			expect(errors.lookFor).toMatch(/no-such-term/);
			expect(errors.keys).toContain(existingKey);
		}
		expect(app.taxonomy.concepts().some((concept) => concept.concept === '試し')).toBe(false);
	});

	it('writes every change to the audit log', () => {
		const rows = app.db.$client
			.prepare("SELECT entity, entity_id AS entityId, action, user_id AS userId FROM audit_log WHERE entity IN ('taxonomy_term', 'worry_concept') ORDER BY id")
			.all() as Array<{ entity: string; entityId: string; action: string; userId: string }>;
		expect(rows.map((row) => [row.entity, row.action])).toEqual([
			['taxonomy_term', 'create'],
			['taxonomy_term', 'update'],
			['worry_concept', 'create'],
			['worry_concept', 'update']
		]);
		expect(rows.every((row) => row.userId === curator.id)).toBe(true);
	});
});

describe('who may edit the taxonomy', () => {
	it('こんなときに offers the concepts as curators keep them: a new wording appears, a removed one goes', () => {
		const asks = () => guidedWorries(app.taxonomy).map((worry) => worry.ask);
		expect(asks()).toContain('電球を替えてほしい');
		const id = addConcept(ctx, curator, {
			concept: '灯油の買い出し',
			field: '地域資源',
			keys: '灯油を買いに行けない\n灯油',
			lookFor: 'tag:買い物代行',
			generic: false,
			ask: '灯油を運んでほしい'
		});
		expect(guidedWorries(app.taxonomy)).toContainEqual({ key: '灯油を買いに行けない', ask: '灯油を運んでほしい' });
		// Emptying the wording takes it off the list; the concept still plans searches.
		updateConcept(ctx, curator, id, { ...conceptToValues(conceptById(app.db, id)!), ask: '' });
		expect(asks()).not.toContain('灯油を運んでほしい');
		expect(app.search.planner.plan('灯油を買いに行けない')?.levels[0].tiers[0]).toEqual({ tag: '買い物代行' });
		// Editing another field of a shipped concept keeps its wording (kept with the file's other fields).
		const bulb = app.taxonomy.concepts().find((concept) => concept.extra.ask === '電球を替えてほしい')!;
		updateConcept(ctx, curator, bulb.id, { ...conceptToValues(bulb), keys: [...bulb.keys, '蛍光灯が切れた'].join('\n') });
		expect(asks()).toContain('電球を替えてほしい');
	});

	it('an organisation editor can change no term and no concept', async () => {
		const concept = app.taxonomy.concepts()[0];
		const snapshot = () => app.db.$client.prepare('SELECT (SELECT group_concat(code || name) FROM taxonomy_terms), (SELECT group_concat(concept || keys) FROM worry_concepts), (SELECT count(*) FROM audit_log)').raw().get();
		const before = snapshot();
		expect(() => addTerm(ctx, editor, { code: 'editor-term', name: '団体の分類', kana: '', field: '医療' })).toThrow(ForbiddenError);
		await expect(renameTerm(ctx, editor, 'salon', { name: '乗っ取り', kana: '' })).rejects.toBeInstanceOf(ForbiddenError);
		expect(() => addConcept(ctx, editor, { concept: '団体の概念', field: '', keys: 'あああ', lookFor: 'tag:見守り', generic: false })).toThrow(ForbiddenError);
		expect(() => updateConcept(ctx, editor, concept.id, { concept: '変更', field: '', keys: 'いいい', lookFor: 'tag:見守り', generic: false })).toThrow(ForbiddenError);
		expect(snapshot()).toEqual(before);
	});
});

describe('the shipped 困りごと concepts, stored', () => {
	it('plan every evaluation query exactly as worries.json does (all fields of an entry kept)', () => {
		// A fresh store: the seeded concepts as shipped, before any curator edit made by the tests above.
		const fresh = createShippedStore();
		const fromFile = compileDictionaries(SHIPPED_DICTIONARIES);
		const fromDb = fresh.store.dictionaries();
		try {
			expect(fresh.store.concepts()).toHaveLength(SHIPPED_DICTIONARIES.worries.worries.length);
			expect([...fromDb.worryByFolded.entries()]).toEqual([...fromFile.worryByFolded.entries()]);
			const lexicon = () => app.embedded.lexicon();
			const areas = () => app.search.areas();
			const byFile = new QueryPlanner(lexicon, areas, () => fromFile);
			const byDb = new QueryPlanner(lexicon, areas, () => fromDb);
			const texts = [...EVAL_QUERY_FILES, FINAL_QUERY_FILE].flatMap((file) =>
				(JSON.parse(fs.readFileSync(path.resolve(file), 'utf8')) as Array<{ q: string }>).map((entry) => entry.q)
			);
			expect(texts.length).toBeGreaterThan(200);
			// All plans by one planner, then all by the other: alternating would rebuild the one cached
			// vocabulary per lexicon on every plan (seconds each on a busy machine).
			const plannedByFile = texts.map((text) => byFile.plan(text));
			const plannedByDb = texts.map((text) => byDb.plan(text));
			texts.forEach((text, index) => expect(plannedByDb[index], text).toEqual(plannedByFile[index]));
		} finally {
			fresh.dispose();
		}
	});
});

/** A new database seeded with the shipped terms and concepts only. */
function createShippedStore(): { store: TaxonomyStore; dispose: () => void } {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-shipped-'));
	const db = openDatabase(path.join(dir, 'shipped.db'), { migrationsDir: path.resolve('drizzle') });
	seedTaxonomy(db);
	return {
		store: new TaxonomyStore(db),
		dispose: () => {
			db.$client.close();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}

describe('seeding', () => {
	it('is idempotent, follows the shipped data, keeps curators’ edits and every field of an entry', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-seed-'));
		const db = openDatabase(path.join(dir, 'seed.db'), { migrationsDir: path.resolve('drizzle') });
		try {
			const entries = [
				{ concept: '見守り', field: '介護', keys: ['見守り', '安否'], look_for: ['tag:見守り'], weight: 2, note: { by: 'h8quality' } },
				{ concept: '居場所', keys: ['居場所'], look_for: ['tag:居場所'], generic: true },
				{ keys: ['電球'], look_for: ['tag:電球交換'] }
			];
			expect(seedTaxonomy(db, TAXONOMY_TERMS, entries)).toMatchObject({ termsAdded: TAXONOMY_TERMS.length, conceptsAdded: 3 });
			expect(seedTaxonomy(db, TAXONOMY_TERMS, entries)).toEqual({ termsAdded: 0, conceptsAdded: 0, conceptsUpdated: 0, conceptsRemoved: 0 });

			const store = new TaxonomyStore(db);
			const watch = store.concepts().find((concept) => concept.concept === '見守り');
			expect(watch).toMatchObject({ field: '介護', keys: ['見守り', '安否'], extra: { weight: 2, note: { by: 'h8quality' } } });
			expect(store.concepts().find((concept) => concept.concept === '電球')).toBeDefined();
			const storeCtx: TaxonomyContext = { db, searchSync: { enqueue: () => {}, afterCommit: async () => {} }, taxonomy: store };

			// A curator renames one concept; the file later changes another and drops the third.
			updateConcept(storeCtx, curator, watch!.id, { concept: '見守り・安否確認', field: '介護', keys: '見守り\n安否', lookFor: 'tag:見守り', generic: false });
			const next = [entries[0], { ...entries[1], keys: ['居場所', 'たまり場'] }];
			expect(seedTaxonomy(db, TAXONOMY_TERMS, next)).toEqual({ termsAdded: 0, conceptsAdded: 0, conceptsUpdated: 1, conceptsRemoved: 1 });
			store.changed();
			const labels = store.concepts().map((concept) => concept.concept);
			expect(labels).toEqual(['見守り・安否確認', '居場所']);
			expect(store.concepts()[0].extra).toEqual({ weight: 2, note: { by: 'h8quality' } });
			expect(store.concepts()[1]).toMatchObject({ keys: ['居場所', 'たまり場'], generic: true });
		} finally {
			db.$client.close();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
