/**
 * 相談記録メモ for desk staff: a desk user records, lists and edits the memos of its own desks
 * (the certified listings of its organisations) and nobody else's. Every write is validated
 * (MemoInputSchema: controlled lists, no personal data in the note) and checked here again on
 * the server: the desk, the 地区 and the referred listings must exist.
 */
import { randomUUID } from 'node:crypto';
import type { AppDatabase } from '../db';
import type { SessionUser } from '../auth/types';
import { ForbiddenError } from '../auth/permissions';
import { MemoInputSchema, type MemoFieldErrors, type MemoFormValues, type MemoInput } from '../../domain/memo';

export class MemoInputError extends Error {
	constructor(readonly errors: MemoFieldErrors) {
		super('invalid memo');
	}
}

export class MemoNotFoundError extends Error {}

export interface DeskOption {
	id: string;
	name: string;
}

export interface MemoRow {
	id: string;
	deskServiceId: string;
	deskName: string;
	consultedOn: string;
	channel: string;
	areaId: string;
	areaName: string;
	categories: string[];
	ageBand: string;
	household: string;
	referredServiceIds: string[];
	outcome: string;
	note: string | null;
}

/** The certified desks a desk user works for. */
export function desksOf(db: AppDatabase, user: SessionUser): DeskOption[] {
	if (user.role !== 'desk' || user.organizationIds.length === 0) return [];
	return db.$client
		.prepare(
			`SELECT s.id, s.name FROM services s JOIN desk_certifications d ON d.service_id = s.id
			WHERE s.organization_id IN (SELECT value FROM json_each(?)) ORDER BY s.name`
		)
		.all(JSON.stringify(user.organizationIds)) as DeskOption[];
}

const MEMO_SELECT = `SELECT m.id, m.desk_service_id AS deskServiceId, s.name AS deskName, m.consulted_on AS consultedOn, m.channel,
	m.area_id AS areaId, a.name AS areaName, m.categories, m.age_band AS ageBand, m.household,
	m.referred_service_ids AS referredServiceIds, m.outcome, m.note
	FROM consultation_memos m JOIN services s ON s.id = m.desk_service_id JOIN areas a ON a.id = m.area_id`;

type RawMemo = Omit<MemoRow, 'categories' | 'referredServiceIds'> & { categories: string; referredServiceIds: string };

function toMemo(row: RawMemo): MemoRow {
	return { ...row, categories: JSON.parse(row.categories) as string[], referredServiceIds: JSON.parse(row.referredServiceIds) as string[] };
}

/** The user's desks' memos, newest first. */
export function listMemos(db: AppDatabase, user: SessionUser, limit = 200): MemoRow[] {
	const desks = desksOf(db, user).map((desk) => desk.id);
	const rows = db.$client
		.prepare(`${MEMO_SELECT} WHERE m.desk_service_id IN (SELECT value FROM json_each(?)) ORDER BY m.consulted_on DESC, m.created_at DESC LIMIT ?`)
		.all(JSON.stringify(desks), limit) as RawMemo[];
	return rows.map(toMemo);
}

/** One memo, only for a user of the desk that recorded it. */
export function getMemo(db: AppDatabase, user: SessionUser, id: string): MemoRow {
	const row = db.$client.prepare(`${MEMO_SELECT} WHERE m.id = ?`).get(id) as RawMemo | undefined;
	if (!row) throw new MemoNotFoundError('その相談記録メモは見つかりません。');
	if (!desksOf(db, user).some((desk) => desk.id === row.deskServiceId)) {
		throw new ForbiddenError('ほかの窓口の相談記録メモは見られません。');
	}
	return toMemo(row);
}

export function memoValuesFromForm(form: FormData): MemoFormValues {
	const text = (name: string) => String(form.get(name) ?? '');
	return {
		deskServiceId: text('deskServiceId'),
		consultedOn: text('consultedOn'),
		channel: text('channel'),
		areaId: text('areaId'),
		categories: form.getAll('categories').map(String),
		ageBand: text('ageBand'),
		household: text('household'),
		referredServiceIds: [...new Set(form.getAll('referredServiceIds').map(String))],
		outcome: text('outcome'),
		note: text('note')
	};
}

/** Validated input or the first message per field; the desk, 地区 and referrals are checked against the database. */
function validate(db: AppDatabase, user: SessionUser, values: MemoFormValues): MemoInput {
	const parsed = MemoInputSchema.safeParse(values);
	const errors: MemoFieldErrors = {};
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const field = issue.path[0] as keyof MemoFormValues;
			errors[field] ??= issue.message;
		}
	}
	if (values.deskServiceId && !desksOf(db, user).some((desk) => desk.id === values.deskServiceId)) {
		errors.deskServiceId = 'この窓口のメモは記録できません。所属する窓口を選んでください。';
	}
	const area = db.$client.prepare("SELECT 1 FROM areas WHERE id = ? AND kind = '地区'").get(values.areaId);
	if (values.areaId && !area) errors.areaId = '地区は一覧から選んでください。';
	if (values.referredServiceIds.length > 0) {
		const found = db.$client
			.prepare("SELECT count(*) FROM services WHERE status = 'published' AND id IN (SELECT value FROM json_each(?))")
			.pluck()
			.get(JSON.stringify(values.referredServiceIds)) as number;
		if (found !== values.referredServiceIds.length) errors.referredServiceIds ??= 'つなぎ先は検索して選び直してください。';
	}
	if (Object.keys(errors).length > 0 || !parsed.success) throw new MemoInputError(errors);
	return parsed.data;
}

function bindings(input: MemoInput) {
	return [
		input.deskServiceId,
		input.consultedOn,
		input.channel,
		input.areaId,
		JSON.stringify(input.categories),
		input.ageBand,
		input.household,
		JSON.stringify(input.referredServiceIds),
		input.outcome,
		input.note || null
	];
}

export function createMemo(db: AppDatabase, user: SessionUser, values: MemoFormValues): string {
	if (user.role !== 'desk') throw new ForbiddenError('相談記録メモはなんでも相談窓口の職員だけが記録できます。');
	const input = validate(db, user, values);
	const id = randomUUID();
	db.$client
		.prepare(
			`INSERT INTO consultation_memos (id, desk_service_id, consulted_on, channel, area_id, categories, age_band, household,
			referred_service_ids, outcome, note, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		)
		.run(id, ...bindings(input), user.id);
	return id;
}

export function updateMemo(db: AppDatabase, user: SessionUser, id: string, values: MemoFormValues): void {
	getMemo(db, user, id);
	const input = validate(db, user, values);
	db.$client
		.prepare(
			`UPDATE consultation_memos SET desk_service_id = ?, consulted_on = ?, channel = ?, area_id = ?, categories = ?, age_band = ?,
			household = ?, referred_service_ids = ?, outcome = ?, note = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`
		)
		.run(...bindings(input), id);
}

/** Names of the referred listings, for showing a memo. */
export function referralNames(db: AppDatabase, ids: string[]): Array<{ id: string; name: string }> {
	if (ids.length === 0) return [];
	const rows = db.$client.prepare('SELECT id, name FROM services WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as Array<{
		id: string;
		name: string;
	}>;
	const byId = new Map(rows.map((row) => [row.id, row]));
	return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}
