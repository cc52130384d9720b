/**
 * Field-by-field comparison of two versions of a listing, in the words a curator reads
 * (分類名, "毎月第2・第4火曜 10:00〜11:30", 地区名), for the review screen and the audit log.
 */
import { formatWeeklyHours } from '../../domain/hours';
import { describeSession } from '../../domain/recurrence';
import { STATUS_LABELS, type ServiceStatus } from '../../domain/taxonomy';
import { AUDIT_ACTION_LABELS, type AuditEntry } from './audit';
import { CONTACT_KIND_LABELS } from '../../domain/listing-form';
import type { ListingInput } from './listing-input';

export interface DisplayNames {
	organizations: ReadonlyMap<string, string>;
	areas: ReadonlyMap<string, string>;
	/** Term code → name as stored (curators rename terms). */
	terms: ReadonlyMap<string, string>;
}

export interface FieldChange {
	label: string;
	before: string;
	after: string;
}

type FieldReader = (listing: ListingInput, names: DisplayNames) => string;

const list = (items: readonly string[]) => items.join('、');
/** Sets (困りごと, 対象, 分類, 地域…) read in one order, so a different order is not shown as a change. */
const set = (items: readonly string[]) => list([...items].sort((a, b) => a.localeCompare(b, 'ja')));

/** The listing's fields in the order the form shows them. */
const FIELD_READERS: ReadonlyArray<[string, FieldReader]> = [
	['団体', (l, n) => n.organizations.get(l.organizationId) ?? l.organizationId],
	['名称', (l) => l.name],
	['よみがな', (l) => l.nameKana ?? ''],
	['分野', (l) => l.field],
	['分類', (l, n) => set(l.termCodes.map((code) => n.terms.get(code) ?? code))],
	['対象', (l) => set(l.targets)],
	['困りごと', (l) => set(l.tags)],
	['内容', (l) => l.description ?? ''],
	['費用', (l) => l.fee ?? ''],
	['対象・条件', (l) => l.eligibility ?? ''],
	['申し込み方法', (l) => l.howToApply ?? ''],
	['ウェブサイト', (l) => l.url ?? ''],
	['メール', (l) => l.email ?? ''],
	['場所の名前', (l) => l.location?.name ?? ''],
	['郵便番号', (l) => l.location?.postalCode ?? ''],
	['町名・番地', (l) => l.location?.addressLine ?? ''],
	['建物名', (l) => l.location?.building ?? ''],
	['緯度・経度', (l) => (l.location?.lat != null && l.location?.lng != null ? `${l.location.lat}, ${l.location.lng}` : '')],
	['交通・駐車場', (l) => l.location?.access ?? ''],
	['バリアフリー', (l) => set(l.location?.accessibility ?? [])],
	['地域', (l, n) => set((l.location?.areaIds ?? []).map((id) => n.areas.get(id) ?? id))],
	['開いている時間', (l) => formatWeeklyHours(l.hours).join(' ／ ')],
	['定期の開催', (l) => l.sessions.map((s) => describeSession(s.rrule, s.opensAt, s.closesAt, s.dtstart) + (s.note ? `（${s.note}）` : '')).join(' ／ ')],
	['連絡先', (l) => l.contacts.map((c) => `${CONTACT_KIND_LABELS[c.kind] ?? c.kind} ${c.value}${c.role ? `（${c.role}）` : ''}`).join(' ／ ')]
];

/** The fields that differ; `before` null means a new listing (every filled field is listed). */
export function diffListings(before: ListingInput | null, after: ListingInput, names: DisplayNames): FieldChange[] {
	const changes: FieldChange[] = [];
	for (const [label, read] of FIELD_READERS) {
		const previous = before ? read(before, names) : '';
		const next = read(after, names);
		if (previous !== next) changes.push({ label, before: previous, after: next });
	}
	return changes;
}

// ------------------------------------------------------------------------------ audit entries


export interface AuditView {
	id: number;
	at: string;
	who: string;
	action: string;
	changes: FieldChange[];
}

function isListingSnapshot(value: unknown): value is ListingInput {
	return typeof value === 'object' && value !== null && 'name' in value && 'field' in value && 'hours' in value;
}

function record(value: unknown): Record<string, unknown> {
	return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

const statusLabel = (value: unknown) => (typeof value === 'string' ? (STATUS_LABELS[value as ServiceStatus] ?? value) : '');

/** An audit entry as the listing page shows it: who, when, what, and before → after per field. */
export function describeAuditEntry(entry: AuditEntry, names: DisplayNames): AuditView {
	const base = { id: entry.id, at: entry.at, who: entry.userName ?? (entry.userId ? '（削除されたアカウント）' : '一般の方'), action: AUDIT_ACTION_LABELS[entry.action] ?? entry.action };
	if (isListingSnapshot(entry.after)) {
		return { ...base, changes: diffListings(isListingSnapshot(entry.before) ? entry.before : null, entry.after, names) };
	}
	const before = record(entry.before);
	const after = record(entry.after);
	const changes: FieldChange[] = [];
	if ('status' in after && after.changeRequest === undefined) changes.push({ label: '状態', before: statusLabel(before.status), after: statusLabel(after.status) });
	if ('lastVerifiedAt' in after) changes.push({ label: '最終確認日', before: String(before.lastVerifiedAt ?? '未確認'), after: String(after.lastVerifiedAt ?? '') });
	if (typeof after.comment === 'string') changes.push({ label: 'コメント', before: '', after: after.comment });
	if (typeof after.topic === 'string') changes.push({ label: '提案の項目', before: '', after: after.topic });
	return { ...base, changes };
}
