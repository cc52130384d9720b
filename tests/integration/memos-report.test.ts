/**
 * 相談記録メモ and the district report on a real SQLite database with the generated sample (a
 * year of memos for the 27 desks): desks see only their own memos, notes with personal data are
 * refused in Japanese, and the report's counts equal counts taken straight from the memo rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db';
import { generateSample } from '../../data/sample/generate';
import { createUser } from '../../src/lib/server/auth/users';
import { loadSessionUser } from '../../src/lib/server/auth/sessions';
import { ForbiddenError } from '../../src/lib/server/auth/permissions';
import type { SessionUser } from '../../src/lib/server/auth/types';
import { MemoInputError, createMemo, desksOf, getMemo, listMemos } from '../../src/lib/server/desks/memos';
import { buildReport, reportCsv } from '../../src/lib/server/desks/report';
import { MEMO_OPTIONS, maskSmall, personalDataProblem, type MemoFormValues } from '../../src/lib/domain/memo';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-memos-'));
let db: AppDatabase;
let deskA: SessionUser;
let deskB: SessionUser;
let editor: SessionUser;
let deskAService: string;
let district: string;

interface MemoRow {
	consulted_on: string;
	area_id: string;
	categories: string;
	referred_service_ids: string;
	outcome: string;
	channel: string;
}

function memoValues(overrides: Partial<MemoFormValues> = {}): MemoFormValues {
	return {
		deskServiceId: deskAService,
		consultedOn: '2026-10-15',
		channel: '来所',
		areaId: district,
		categories: ['家事・ちょっとした困りごと'],
		ageBand: '75歳以上',
		household: '一人暮らし',
		referredServiceIds: [],
		outcome: 'つないだ',
		note: '',
		...overrides
	};
}

beforeAll(async () => {
	db = openDatabase(path.join(dir, 'memos.db'), { migrationsDir: path.resolve('drizzle') });
	generateSample(db, { listings: 400, events: 0 });
	const desks = db.$client
		.prepare(
			`SELECT s.id, s.organization_id AS org FROM services s JOIN desk_certifications d ON d.service_id = s.id
			WHERE (SELECT count(*) FROM desk_certifications d2 JOIN services s2 ON s2.id = d2.service_id WHERE s2.organization_id = s.organization_id) = 1
			ORDER BY s.id LIMIT 2`
		)
		.all() as Array<{ id: string; org: string }>;
	expect(desks).toHaveLength(2);
	deskAService = desks[0].id;
	district = db.$client.prepare("SELECT id FROM areas WHERE kind = '地区' AND name = '旭'").pluck().get() as string;
	const password = 'correct horse battery staple';
	const a = await createUser(db, { email: 'a@desk.example.jp', displayName: '旭 薬局', password, role: 'desk', organizationIds: [desks[0].org] }, null);
	const b = await createUser(db, { email: 'b@desk.example.jp', displayName: '三里 薬局', password, role: 'desk', organizationIds: [desks[1].org] }, null);
	const e = await createUser(db, { email: 'e@example.jp', displayName: '編集', password, role: 'org_editor', organizationIds: [desks[0].org] }, null);
	[deskA, deskB, editor] = [a, b, e].map((id) => loadSessionUser(db, id)!);
});

afterAll(() => {
	db.$client.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('相談記録メモ', () => {
	it('the sample holds a year of memos for the certified desks', () => {
		const { memos, desks, first, last } = db.$client
			.prepare('SELECT count(*) AS memos, count(DISTINCT desk_service_id) AS desks, min(consulted_on) AS first, max(consulted_on) AS last FROM consultation_memos')
			.get() as { memos: number; desks: number; first: string; last: string };
		expect(desks).toBe(27);
		expect(memos).toBeGreaterThan(27 * 12);
		expect(Date.parse(last) - Date.parse(first)).toBeGreaterThan(300 * 86_400_000);
		const notes = db.$client.prepare('SELECT note FROM consultation_memos WHERE note IS NOT NULL').pluck().all() as string[];
		for (const note of notes) expect(personalDataProblem(note)).toBeNull();
	});

	it('a desk records a memo and sees only its own; another desk gets 403 (Forbidden)', () => {
		expect(desksOf(db, deskA).map((desk) => desk.id)).toEqual([deskAService]);
		const id = createMemo(db, deskA, memoValues());
		expect(getMemo(db, deskA, id).categories).toEqual(['家事・ちょっとした困りごと']);
		expect(listMemos(db, deskA).every((memo) => memo.deskServiceId === deskAService)).toBe(true);
		expect(() => getMemo(db, deskB, id)).toThrow(ForbiddenError);
		expect(listMemos(db, deskB).some((memo) => memo.id === id)).toBe(false);
		expect(() => createMemo(db, editor, memoValues())).toThrow(ForbiddenError);
		// Another desk cannot record in A's name either.
		expect(() => createMemo(db, deskB, memoValues())).toThrow(MemoInputError);
	});

	it.each([
		['090-1234-5678に折り返し', '電話番号'],
		['０９０１２３４５６７８', '電話番号'],
		['taro@example.jp へ連絡', 'メールアドレス'],
		['山田さんの件', '名前'],
		['旭町2丁目3番', '住所']
	])('refuses the note 「%s」 in Japanese (%s) and stores nothing', (note, kind) => {
		const before = db.$client.prepare('SELECT count(*) FROM consultation_memos').pluck().get();
		try {
			createMemo(db, deskA, memoValues({ note }));
			expect.unreachable('the memo was stored');
		} catch (caught) {
			expect(caught).toBeInstanceOf(MemoInputError);
			expect((caught as MemoInputError).errors.note).toContain(kind);
			expect((caught as MemoInputError).errors.note).toContain('個人がわかる情報');
		}
		expect(db.$client.prepare('SELECT count(*) FROM consultation_memos').pluck().get()).toBe(before);
	});

	it('accepts a note that names a role, not a person, and refuses choices outside the lists', () => {
		expect(() => createMemo(db, deskA, memoValues({ note: '民生委員さんに連絡した' }))).not.toThrow();
		expect(() => createMemo(db, deskA, memoValues({ categories: ['名前'] }))).toThrow(MemoInputError);
		expect(() => createMemo(db, deskA, memoValues({ categories: [] }))).toThrow(MemoInputError);
		expect(() => createMemo(db, deskA, memoValues({ referredServiceIds: ['no-such-listing'] }))).toThrow(MemoInputError);
	});
});

describe('district report', () => {
	it('counts equal counts taken straight from the memo rows', () => {
		const filter = { from: '2025-11', to: '2026-10' };
		const report = buildReport(db, filter);
		const rows = (db.$client.prepare('SELECT * FROM consultation_memos').all() as MemoRow[]).filter(
			(row) => row.consulted_on.slice(0, 7) >= filter.from && row.consulted_on.slice(0, 7) <= filter.to
		);
		expect(report.total).toBe(rows.length);
		const tally = (keys: string[]) => keys.reduce((map, key) => map.set(key, (map.get(key) ?? 0) + 1), new Map<string, number>());
		const expectRows = (actual: Array<{ label: string; count: number }>, expected: Map<string, number>) => {
			for (const row of actual) expect([row.label, row.count]).toEqual([row.label, expected.get(row.label) ?? 0]);
		};
		expectRows(report.byMonth, tally(rows.map((row) => row.consulted_on.slice(0, 7))));
		expectRows(report.byCategory, tally(rows.flatMap((row) => JSON.parse(row.categories) as string[])));
		expectRows(report.byOutcome, tally(rows.map((row) => row.outcome)));
		expectRows(report.byChannel, tally(rows.map((row) => row.channel)));
		const areaName = new Map((db.$client.prepare("SELECT id, name FROM areas WHERE kind = '地区'").all() as Array<{ id: string; name: string }>).map((a) => [a.id, a.name]));
		expectRows(report.byArea, tally(rows.map((row) => areaName.get(row.area_id)!)));
		const fieldOf = db.$client.prepare('SELECT field FROM services WHERE id = ?').pluck();
		expectRows(
			report.byReferralField,
			tally(rows.flatMap((row) => [...new Set((JSON.parse(row.referred_service_ids) as string[]).map((id) => fieldOf.get(id) as string))]))
		);
		for (const line of report.areaCategory) {
			const inArea = rows.filter((row) => areaName.get(row.area_id) === line.area);
			const byCategory = tally(inArea.flatMap((row) => JSON.parse(row.categories) as string[]));
			expect(line.counts).toEqual(MEMO_OPTIONS.categories.map((category) => byCategory.get(category) ?? 0));
		}
		expect(report.byMonth).toHaveLength(12);
	});

	it('masks cells under 3 and exports a CSV Excel opens safely', () => {
		expect([0, 1, 2, 3].map(maskSmall)).toEqual(['0', '3未満', '3未満', '3']);
		// One memo alone in its month and 地区: every count of it is under 3.
		const lonely = db.$client.prepare("SELECT id FROM areas WHERE kind = '地区' AND name = '鏡'").pluck().get() as string;
		createMemo(db, deskA, memoValues({ areaId: lonely, consultedOn: '2024-02-10', categories: ['住まい'] }));
		db.$client.prepare('UPDATE areas SET name = ? WHERE id = ?').run('=HYPERLINK("http://evil.example","鏡")', lonely);
		const report = buildReport(db, { from: '2024-02', to: '2024-02', area: lonely });
		expect(report.total).toBe(1);
		const csv = reportCsv(report);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv).toContain('\r\n');
		expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
		expect(csv).toContain('合計,3未満');
		expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""鏡"")"`);
		expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
	});
});
