/** The audit log: who did what, when, with the state before and after. Written inside each write transaction. */
import { and, desc, eq } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as t from '../db/schema';

/** A database or a transaction on it. */
type Writer = Pick<BetterSQLite3Database<typeof t>, 'insert'>;
type Reader = Pick<BetterSQLite3Database<typeof t>, 'select'>;

export type AuditEntity = 'service' | 'organization' | 'user' | 'change_request' | 'area' | 'event' | 'taxonomy_term' | 'worry_concept' | 'import';

export const AUDIT_ACTION_LABELS: Record<string, string> = {
	create: '作成',
	update: '編集',
	submit_edit: '修正を申請',
	approve_edit: '申請を承認して反映',
	reject_edit: '申請を却下',
	publish: '公開',
	unpublish: '非公開（下書きに戻す）',
	archive: 'アーカイブ',
	verify: '確認済み（最終確認日を更新）',
	suggestion: '修正の提案を受付',
	resolve_suggestion: '提案を対応済みに',
	dismiss_suggestion: '提案を見送り',
	change_password: 'パスワード変更',
	import: 'ファイルから一括読み込み',
	delete: '削除',
	cancel_event: 'イベント全体を中止',
	date_cancel: '1日だけ中止',
	date_skip: '1日だけ休み',
	date_move: '日時を変更',
	date_restore: '日付の変更を取り消し'
};

export interface AuditInput {
	userId: string | null;
	action: string;
	entity: AuditEntity;
	entityId: string;
	before: unknown;
	after: unknown;
}

export function recordAudit(db: Writer, entry: AuditInput, at = new Date()): void {
	db.insert(t.auditLog)
		.values({
			at: at.toISOString(),
			userId: entry.userId,
			action: entry.action,
			entity: entry.entity,
			entityId: entry.entityId,
			before: entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
			after: entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after)
		})
		.run();
}

export interface AuditEntry {
	id: number;
	at: string;
	userId: string | null;
	userName: string | null;
	action: string;
	before: unknown;
	after: unknown;
}

function parseJson(value: string | null): unknown {
	if (value === null) return null;
	try {
		return JSON.parse(value) as unknown;
	} catch {
		return value;
	}
}

/** Newest first. */
export function auditTrail(db: Reader, entity: AuditEntity, entityId: string, limit = 100): AuditEntry[] {
	return db
		.select({ log: t.auditLog, userName: t.users.displayName })
		.from(t.auditLog)
		.leftJoin(t.users, eq(t.users.id, t.auditLog.userId))
		.where(and(eq(t.auditLog.entity, entity), eq(t.auditLog.entityId, entityId)))
		.orderBy(desc(t.auditLog.id))
		.limit(limit)
		.all()
		.map(({ log, userName }) => ({
			id: log.id,
			at: log.at,
			userId: log.userId,
			userName,
			action: log.action,
			before: parseJson(log.before),
			after: parseJson(log.after)
		}));
}
