/**
 * Events in the search index, on both engines: the app runs on a real Meilisearch (primary) with the
 * embedded SQLite engine beside it, on a real SQLite file with the generated sample. Events are
 * found by title, reading (katakana, 半角, spaced) and 表記ゆれ through the same Japanese text
 * module; admin edits, 中止, deletion and a listing taken down reach both engines through the
 * outbox; an organisation editor's proposal reaches neither until a curator approves it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/lib/server/app';
import { loadConfig } from '../../../src/lib/server/config';
import { generateSample } from '../../../data/sample/generate';
import { queryCalendar } from '../../../src/lib/server/events';
import { approveEventRequest, createEvent, deleteEvent, setEventStatus, updateEvent } from '../../../src/lib/server/admin/events';
import { parseEventValues } from '../../../src/lib/server/admin/event-input';
import { changeStatus } from '../../../src/lib/server/admin/workflow';
import { emptyEventValues, type EventFormValues } from '../../../src/lib/domain/event-form';
import { parseEventParams } from '../../../src/lib/domain/event';
import { eventQueryWords } from '../../../src/lib/domain/text/event-text';
import type { SessionUser } from '../../../src/lib/server/auth/types';
import type { MeilisearchOutboxWorker } from '../../../src/lib/server/search/meilisearch/outbox-worker';
import { startMeilisearch, type MeilisearchProcess } from '../../helpers/meilisearch';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-event-search-'));
let meilisearch: MeilisearchProcess;
let app: App;
let host: { serviceId: string; organizationId: string };
const curator: SessionUser = { id: 'curator', email: 'c@example.jp', displayName: '市 担当', role: 'curator', organizationIds: [] };
let editor: SessionUser;

function input(values: Partial<EventFormValues>) {
	const parsed = parseEventValues(emptyEventValues({ serviceId: host.serviceId, date: '2027-01-14', startTime: '13:30', endTime: '15:00', ...values }));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.input;
}

const ctx = () => ({ db: app.db, searchSync: app.searchSync });
/** Lets the outbox push what it holds to Meilisearch (the embedded index followed at commit). */
const outboxRuns = () => (app.searchSync.outbox as MeilisearchOutboxWorker).drain();

/** The events each engine finds for a query text: [embedded, meilisearch]. */
async function found(q: string): Promise<[string[], string[]]> {
	const words = eventQueryWords(q);
	return [(await app.embedded.searchEvents(words, 100)).sort(), (await app.meilisearch!.searchEvents(words, 100)).sort()];
}

async function expectFoundByBoth(q: string, id: string): Promise<void> {
	const [embedded, meili] = await found(q);
	expect(embedded, `embedded: ${q}`).toContain(id);
	expect(meili, `meilisearch: ${q}`).toContain(id);
}

async function expectFoundByNeither(q: string, id: string): Promise<void> {
	const [embedded, meili] = await found(q);
	expect(embedded, `embedded: ${q}`).not.toContain(id);
	expect(meili, `meilisearch: ${q}`).not.toContain(id);
}

beforeAll(async () => {
	meilisearch = await startMeilisearch();
	const config = loadConfig({
		DATABASE_PATH: path.join(dir, 'events.db'),
		MIGRATIONS_DIR: 'drizzle',
		TSUNAGI_NOW: '2026-11-30T10:00:00+09:00',
		MEILI_URL: meilisearch.url,
		MEILI_MASTER_KEY: meilisearch.masterKey,
		MEILI_INDEX: 'services'
	});
	app = createApp(config);
	generateSample(app.db, { listings: 120, events: 30 });
	// As at a server start: the empty Meilisearch gets everything (listings and events), the embedded index catches up.
	await app.searchSync.catchUp();
	host = app.db.$client
		.prepare("SELECT id AS serviceId, organization_id AS organizationId FROM services WHERE status = 'published' ORDER BY id LIMIT 1")
		.get() as { serviceId: string; organizationId: string };
	editor = { id: 'editor', email: 'e@example.jp', displayName: '団体 担当', role: 'org_editor', organizationIds: [host.organizationId] };
	app.db.$client.prepare("INSERT INTO users (id, email, display_name, password_hash, role) VALUES ('curator', 'c@example.jp', '市 担当', 'x', 'curator'), ('editor', 'e@example.jp', '団体 担当', 'x', 'org_editor')").run();
}, 120_000);

afterAll(async () => {
	(app?.searchSync.outbox as MeilisearchOutboxWorker | null)?.stop();
	app?.db.$client.close();
	await meilisearch?.dispose();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('events in the search index of both engines', () => {
	it('holds the sample’s public events in both engines after the start', async () => {
		const publicCount = app.db.$client
			.prepare("SELECT count(*) FROM events e LEFT JOIN services s ON s.id = e.service_id WHERE e.status IN ('published', 'cancelled') AND (e.service_id IS NULL OR s.status = 'published')")
			.pluck()
			.get() as number;
		expect(publicCount).toBeGreaterThan(0);
		expect(app.db.$client.prepare('SELECT count(*) FROM event_search_docs').pluck().get()).toBe(publicCount);
		expect((await app.meilisearch!.events.indexedVersions()).size).toBe(publicCount);
	});

	it('finds an event by its title, its reading (katakana, 半角, spaced) and 表記ゆれ on both engines', async () => {
		const teaParty = await createEvent(ctx(), curator, input({ title: '新春お茶会', titleKana: 'しんしゅんおちゃかい' }));
		// No よみがな given: the reading is made at index time.
		const cafe = await createEvent(ctx(), curator, input({ title: '認知症カフェ 陽だまり' }));
		const kitchen = await createEvent(ctx(), curator, input({ title: '子供食堂のクリスマス会' }));
		await outboxRuns();
		for (const q of ['新春お茶会', 'お茶会', 'シンシュンオチャカイ', 'ｼﾝｼｭﾝｵﾁｬｶｲ', 'しんしゅん おちゃかい']) await expectFoundByBoth(q, teaParty);
		await expectFoundByBoth('ニンチショウカフェ', cafe);
		await expectFoundByBoth('こども食堂', kitchen);
		await expectFoundByBoth('子ども食堂 クリスマス', kitchen);
		expect(await found('存在しない催し')).toEqual([[], []]);
	});

	it('answers /api/events’ q through Meilisearch with the occurrences in time order', async () => {
		const series = await createEvent(ctx(), curator, input({ title: '月例 新春書き初め教室', date: '2026-12-03', pattern: 'monthly-nth', weekdays: ['4'], nths: ['1'] }));
		await outboxRuns();
		const parsed = parseEventParams(new URLSearchParams({ q: '書き初め', from: '2026-12-01', to: '2027-02-28' }));
		if (!parsed.ok) throw new Error('bad params');
		const outcome = await queryCalendar(app, parsed.query);
		if (!outcome.ok) throw new Error('calendar failed');
		expect(outcome.answer.entries.map((entry) => [entry.eventId, entry.occurrence.date])).toEqual([
			[series, '2026-12-03'],
			[series, '2027-01-07'],
			[series, '2027-02-04']
		]);
	});

	it('follows an edit, a 中止 and a deletion on both engines once the outbox has run', async () => {
		const id = await createEvent(ctx(), curator, input({ title: '春野 ふれあい映画会' }));
		await outboxRuns();
		await expectFoundByBoth('映画会', id);

		await updateEvent(ctx(), curator, id, input({ title: '春野 ふれあい音楽会' }));
		await outboxRuns();
		await expectFoundByNeither('映画会', id);
		await expectFoundByBoth('音楽会', id);

		// 中止 is still shown (as 中止) on the calendar, so it stays findable, in its new version.
		await setEventStatus(ctx(), curator, id, 'cancel');
		await outboxRuns();
		const updatedAt = app.db.$client.prepare('SELECT updated_at FROM events WHERE id = ?').pluck().get(id);
		expect((await app.meilisearch!.events.indexedVersions()).get(id)).toBe(updatedAt);
		expect(app.db.$client.prepare('SELECT event_updated_at FROM event_search_docs WHERE event_id = ?').pluck().get(id)).toBe(updatedAt);

		await deleteEvent(ctx(), curator, id);
		await outboxRuns();
		await expectFoundByNeither('音楽会', id);
		expect((await app.meilisearch!.events.indexedVersions()).has(id)).toBe(false);
	});

	it('drops the events of a listing taken down, and keeps an editor’s proposal out until approved', async () => {
		const id = await createEvent(ctx(), curator, input({ title: '百歳体操 交流会' }));
		await outboxRuns();
		const outcome = await updateEvent(ctx(), editor, id, input({ title: '百歳体操 大交流会' }));
		await outboxRuns();
		await expectFoundByNeither('大交流会', id);
		if (outcome.kind !== 'submitted') throw new Error('expected a change request');
		await approveEventRequest(ctx(), curator, outcome.changeRequestId);
		await outboxRuns();
		await expectFoundByBoth('大交流会', id);

		await changeStatus({ db: app.db, searchSync: app.searchSync }, curator, host.serviceId, 'unpublish');
		await outboxRuns();
		await expectFoundByNeither('交流会', id);
	});
});
