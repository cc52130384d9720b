/**
 * The sign → kind associations are learned from the indexed listings once per index version: not per
 * search, and again when another connection (a CLI reindex) changed the index.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseSearchParams } from '../../src/lib/domain/search';
import type { SearchDocument } from '../../src/lib/domain/search';
import { KindAssociations } from '../../src/lib/domain/text/kind-associations';
import { openDatabase, reopenDatabase, type AppDatabase } from '../../src/lib/server/db';
import { EmbeddedSearchEngine } from '../../src/lib/server/search/embedded';
import { rebuildEmbeddedIndex } from '../../src/lib/server/search/indexer';
import { SearchService } from '../../src/lib/server/search/service';
import { generateSample } from '../../data/sample/generate';

let dir: string;
let db: AppDatabase;

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-associations-'));
	db = openDatabase(path.join(dir, 'sample.db'), { migrationsDir: path.resolve('drizzle') });
	generateSample(db, { listings: 300, events: 0 });
	await rebuildEmbeddedIndex(db, new EmbeddedSearchEngine(db));
}, 120_000);

afterAll(() => {
	db?.$client.close();
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const query = (q: string) => {
	const parsed = parseSearchParams(new URLSearchParams({ q }));
	if (!parsed.ok) throw new Error('bad query');
	return parsed.query;
};

describe('sign → kind associations', () => {
	it('are built once per index version, at warm-up, whatever the searches', async () => {
		const builds = vi.spyOn(KindAssociations, 'build');
		const engine = new EmbeddedSearchEngine(db);
		const service = new SearchService(db, engine, engine, () => {});
		service.warm();
		expect(builds).toHaveBeenCalledTimes(1);
		for (const q of ['入れ歯の調整をしてくれるところを探している', '夜泣きがひどい', '薬局', '処方箋の調剤と健康の相談をしたい']) {
			await service.search(query(q));
		}
		expect(builds).toHaveBeenCalledTimes(1);

		// Another connection rebuilds the index: the next search learns from the new version, once.
		const other = openDatabase(path.join(dir, 'sample.db'), { migrationsDir: path.resolve('drizzle') });
		await rebuildEmbeddedIndex(other, new EmbeddedSearchEngine(other));
		other.$client.close();
		const afterReindex = builds.mock.calls.length;
		await service.search(query('入れ歯の調整をしてくれるところを探している'));
		await service.search(query('夜泣きがひどい'));
		expect(builds.mock.calls.length).toBe(afterReindex + 1);
		builds.mockRestore();
	});

	it('are learned again after listings change in this process (an admin edit), once writes pause', async () => {
		const engine = new EmbeddedSearchEngine(db);
		engine.warm();
		expect(engine.kindAssociations().kindsFor(['漢方薬'])).toEqual([]);
		const builds = vi.spyOn(KindAssociations, 'build');
		// Five pharmacies start offering 漢方薬 advice, saved one by one as curators do.
		const pharmacies = (db.$client.prepare('SELECT doc FROM search_docs').pluck().all() as string[])
			.map((json) => JSON.parse(json) as SearchDocument)
			.filter((doc) => doc.terms.length === 1 && doc.terms[0] === 'pharmacy')
			.slice(0, 5);
		expect(pharmacies).toHaveLength(5);
		for (const doc of pharmacies) await engine.upsert([{ ...doc, description: `${doc.description} 漢方薬の相談もできます。` }]);
		await vi.waitFor(() => expect(engine.kindAssociations().kindsFor(['漢方薬'])).toEqual([{ term: 'pharmacy' }]), { timeout: 60_000, interval: 50 });
		// Five saves, one rebuild.
		expect(builds).toHaveBeenCalledTimes(1);
		builds.mockRestore();
	});

	it('the search forgets its areas when the file is reopened (a restore may bring other areas)', async () => {
		const engine = new EmbeddedSearchEngine(db);
		const service = new SearchService(db, engine, engine, () => {});
		expect(service.areas().some((area) => area.name === '復元地区')).toBe(false);
		// As a restored file would hold it: written without going through the admin (no invalidateAreas).
		db.$client.prepare("INSERT INTO areas (id, kind, slug, name, name_kana) VALUES ('restored-area', '地区', 'restored', '復元地区', 'ふくげんちく')").run();
		expect(service.areas().some((area) => area.name === '復元地区')).toBe(false);
		reopenDatabase(db);
		expect(service.areas().some((area) => area.name === '復元地区')).toBe(true);
		expect(service.planner.plan('復元地区のサロン')?.levels[0].areaId).toBe('restored-area');
	});
});
