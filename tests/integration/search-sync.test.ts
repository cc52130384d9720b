/**
 * Nothing lost, nothing down: Meilisearch killed in the middle of listing updates catches up from
 * the outbox after a restart, and with Meilisearch stopped the public search answers from the
 * embedded engine and says so (x-search-engine).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedSearchEngine } from '../../src/lib/server/search/embedded';
import { MeilisearchSearchEngine } from '../../src/lib/server/search/meilisearch/engine';
import { DOCUMENT_FORMAT } from '../../src/lib/server/search/meilisearch/documents';
import { MeilisearchOutboxWorker } from '../../src/lib/server/search/meilisearch/outbox-worker';
import { reindexMeilisearch } from '../../src/lib/server/search/meilisearch/reindex';
import { SearchService } from '../../src/lib/server/search/service';
import { SearchSync } from '../../src/lib/server/search/sync';
import { startMeilisearch, type MeilisearchProcess } from '../helpers/meilisearch';
import { createFixtureDatabase, type FixtureDatabase } from '../helpers/search-fixture';

let fixture: FixtureDatabase;
let meilisearch: MeilisearchProcess;
let engine: MeilisearchSearchEngine;
let embedded: EmbeddedSearchEngine;

beforeAll(async () => {
	fixture = await createFixtureDatabase();
	meilisearch = await startMeilisearch();
	embedded = new EmbeddedSearchEngine(fixture.db);
	engine = new MeilisearchSearchEngine({ url: meilisearch.url, apiKey: meilisearch.masterKey, index: 'services', timeoutMs: 1000 });
	await reindexMeilisearch(fixture.db, engine);
});

afterAll(async () => {
	await meilisearch?.dispose();
	fixture?.dispose();
});

describe('outbox sync to Meilisearch', () => {
	it('loses nothing when Meilisearch is killed during 200 updates', async () => {
		const sqlite = fixture.db.$client;
		const worker = new MeilisearchOutboxWorker(fixture.db, engine, { minBackoffMs: 20, maxBackoffMs: 500, log: () => {} });
		const sync = new SearchSync(fixture.db, embedded, worker);
		const ids = sqlite.prepare("SELECT id FROM services WHERE status = 'published' ORDER BY id").pluck().all() as string[];
		const update = sqlite.prepare('UPDATE services SET name = ?, description = ?, updated_at = ? WHERE id = ?');
		const changed = new Set<string>();
		const base = Date.parse('2030-01-01T00:00:00Z');

		for (let i = 0; i < 200; i++) {
			const id = ids[(i * 7) % ids.length];
			sqlite.transaction(() => {
				update.run(`更新された名前 ${i}`, `更新 ${i} 回目の説明`, new Date(base + i * 1000).toISOString(), id);
				sync.enqueue([id]);
			})();
			changed.add(id);
			await sync.afterCommit([id]);
			if (i === 100) await meilisearch.kill();
			if (i % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
		}
		// Unpublishing is a change too: the listing must leave the index.
		const archived = ids[1];
		sqlite.transaction(() => {
			sqlite.prepare("UPDATE services SET status = 'archived', updated_at = ? WHERE id = ?").run(new Date(base + 999_000).toISOString(), archived);
			sync.enqueue([archived], 'delete');
		})();
		await sync.afterCommit([archived]);

		expect(worker.pendingCount()).toBeGreaterThan(0);
		await meilisearch.restart();
		await sync.catchUp();
		worker.stop();

		expect(worker.pendingCount()).toBe(0);
		const published = sqlite
			.prepare("SELECT id, name, description, updated_at AS updatedAt FROM services WHERE status = 'published'")
			.all() as Array<{ id: string; name: string; description: string; updatedAt: string }>;
		expect(await engine.count()).toBe(published.length);
		expect(await engine.getDocument(archived)).toBeNull();
		for (const row of published.filter((r) => changed.has(r.id))) {
			const doc = await engine.getDocument(row.id);
			expect({ name: doc?.name, description: doc?.description, updatedAt: doc?.updatedAt }).toEqual({
				name: row.name,
				description: row.description,
				updatedAt: row.updatedAt
			});
		}
		// The embedded index followed every commit as well.
		expect(await embedded.count()).toBe(published.length);
	});

	it('re-sends documents an older version wrote without today\'s fields when it catches up', async () => {
		const sqlite = fixture.db.$client;
		const ids = sqlite.prepare("SELECT id FROM services WHERE status = 'published' ORDER BY id LIMIT 3").pluck().all() as string[];
		const index = engine.client.index('services');
		// As an older release wrote them: no format, no nameLength (the listings themselves unchanged).
		const old = (await Promise.all(ids.map((id) => engine.getDocument(id)))).map((doc) => {
			const { format: _format, nameLength: _nameLength, ...rest } = doc as unknown as Record<string, unknown>;
			return rest;
		});
		await engine.confirm(index.deleteDocuments(ids));
		await engine.confirm(index.addDocuments(old, { primaryKey: 'id' }));
		expect(((await engine.getDocument(ids[0])) as unknown as Record<string, unknown>).nameLength).toBeUndefined();

		const worker = new MeilisearchOutboxWorker(fixture.db, engine, { log: () => {} });
		const sync = new SearchSync(fixture.db, embedded, worker);
		await sync.catchUp();
		worker.stop();
		for (const id of ids) {
			const doc = (await engine.getDocument(id)) as unknown as Record<string, unknown>;
			expect(doc.format).toBe(DOCUMENT_FORMAT);
			expect(doc.nameLength).toBe(String(doc.name).length);
		}
	});

	it('reindexes with an atomic swap and replays changes made meanwhile', async () => {
		const sqlite = fixture.db.$client;
		const worker = new MeilisearchOutboxWorker(fixture.db, engine, { log: () => {} });
		const id = sqlite.prepare("SELECT id FROM services WHERE status = 'published' ORDER BY id LIMIT 1").pluck().get() as string;
		const progress: string[] = [];
		const result = await reindexMeilisearch(fixture.db, engine, { worker, onProgress: (phase, done, total) => progress.push(`${phase}:${done}/${total}`) });
		worker.stop();
		const published = sqlite.prepare("SELECT count(*) FROM services WHERE status = 'published'").pluck().get() as number;
		expect(result.count).toBe(published);
		expect(progress.at(-1)).toBe(`indexed:${published}/${published}`);
		expect(await engine.count()).toBe(published);
		const indexes = await engine.client.getIndexes();
		// The live indexes only (listings and their events): no staging index is left behind.
		expect(indexes.results.map((index) => index.uid).sort()).toEqual(['services', 'services_events']);
		expect((await engine.getDocument(id))?.id).toBe(id);
	});
});

describe('with Meilisearch stopped', () => {
	it('answers from the embedded engine through SearchService, and logs it', async () => {
		const log: string[] = [];
		const service = new SearchService(fixture.db, engine, embedded, (message) => log.push(message));
		const query = { q: '薬局', sort: 'relevance' as const, page: 1, perPage: 20 };
		expect((await service.search(query)).engine).toBe('meilisearch');
		await meilisearch.stop();
		const served = await service.search(query);
		expect(served.engine).toBe('embedded');
		expect(served.result.total).toBeGreaterThan(0);
		expect(served.result).toEqual((await new SearchService(fixture.db, embedded, embedded).search(query)).result);
		expect(log.join('\n')).toMatch(/meilisearch failed .*answered by embedded/);
		await meilisearch.restart();
	});

	it('sets x-search-engine on /api/search to the engine that answered', async () => {
		process.env.DATABASE_PATH = fixture.file;
		process.env.MEILI_URL = meilisearch.url;
		process.env.MEILI_MASTER_KEY = meilisearch.masterKey;
		process.env.MEILI_INDEX = 'services';
		const { GET } = await import('../../src/routes/api/search/+server');
		const call = async () => {
			const url = new URL('http://localhost/api/search?q=' + encodeURIComponent('やっきょく'));
			const response = (await GET({ url } as Parameters<typeof GET>[0])) as Response;
			expect(response.status).toBe(200);
			return { engine: response.headers.get('x-search-engine'), body: (await response.json()) as { total: number } };
		};
		const up = await call();
		expect(up.engine).toBe('meilisearch');
		await meilisearch.stop();
		const down = await call();
		expect(down.engine).toBe('embedded');
		expect(down.body.total).toBe(up.body.total);
	});
});
