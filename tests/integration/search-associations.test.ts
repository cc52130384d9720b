/**
 * The sign → kind associations are learned from the indexed listings once per index version: not per
 * search, and again when another connection (a CLI reindex) changed the index.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseSearchParams } from '../../src/lib/domain/search';
import { KindAssociations } from '../../src/lib/domain/text/kind-associations';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db';
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
});
